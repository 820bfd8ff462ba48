"""The Thai font embedded in PDF exports and used for map labels.

Sarabun (OFL-1.1; the Google Fonts family derived from TH Sarabun New, the font of Thai government documents)
comes from PyPI as `fontpkg-sarabun`, so `pip install` alone gives a working PDF export, no apt needed. Its
tone marks and upper vowels are placed by OpenType rules, so text is shaped with HarfBuzz (`uharfbuzz`); without
shaping they would collide (ที่ drawn as ที). When those packages are missing, the TLWG Garuda font from
Debian's fonts-thai-tlwg is used instead: its default glyph positions are right without shaping.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from geodata.exports.errors import ExportError
from geodata.messages import Message

TLWG_FOLDER = Path("/usr/share/fonts/truetype/tlwg")


@dataclass(frozen=True)
class ThaiFont:
    """A Thai font family's regular and bold files, and whether its text must be shaped (OpenType rules)."""

    family: str
    regular: Path
    bold: Path
    needs_shaping: bool
    source: str


@functools.cache
def thai_font() -> ThaiFont:
    """Sarabun from PyPI (shaped with HarfBuzz), else Debian's Garuda; ExportError says how to get one."""
    sarabun = _sarabun()
    if sarabun is not None:
        return sarabun
    garuda = TLWG_FOLDER / "Garuda.ttf"
    if garuda.exists():
        bold = TLWG_FOLDER / "Garuda-Bold.ttf"
        return ThaiFont("Garuda", garuda, bold if bold.exists() else garuda, needs_shaping=False,
                        source="Debian fonts-thai-tlwg (GPL-2 with font exception)")
    raise ExportError(Message("export.error.no_font"))


def _sarabun() -> ThaiFont | None:
    if importlib.util.find_spec("fontpkg_sarabun") is None or importlib.util.find_spec("uharfbuzz") is None:
        return None
    import fontpkg

    try:
        regular, bold = fontpkg.path("Sarabun", 400), fontpkg.path("Sarabun", 700)
    except fontpkg.FontpkgError:
        return None
    return ThaiFont("Sarabun", Path(regular), Path(bold), needs_shaping=True,
                    source="PyPI fontpkg-sarabun (OFL-1.1)")


@functools.cache
def matplotlib_family() -> str:
    """Register the Thai font with matplotlib (once per process) and return the family name to use."""
    from matplotlib import font_manager

    font = thai_font()
    for path in {font.regular, font.bold}:
        font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(font.regular)).get_name()
