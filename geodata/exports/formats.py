"""The export formats and the amphoe choice, light to import (the command line's parser needs only these)."""

from __future__ import annotations

from collections.abc import Iterable

from geodata.exports.errors import ExportError
from geodata.messages import Message

#: Every format, in the order files are built (the CLI's --format and the page's choices).
FORMATS = ("xlsx", "pdf", "csv", "gpkg", "geojson")
#: The amphoe choice meaning every amphoe plus the whole province.
ALL_AMPHOES = "all"


def parse_formats(formats: str | Iterable[str]) -> tuple[str, ...]:
    """Formats from "xlsx,pdf" or a list, in FORMATS order; ExportError names unknown ones and the choices."""
    items = formats.split(",") if isinstance(formats, str) else list(formats)
    wanted = {item.strip().lower() for item in items if item.strip()}
    unknown = sorted(wanted - set(FORMATS))
    if unknown:
        raise ExportError(Message("export.error.unknown_formats", unknown=", ".join(unknown),
                                  formats=",".join(FORMATS)))
    if not wanted:
        raise ExportError(Message("export.error.no_format", formats=",".join(FORMATS)))
    return tuple(f for f in FORMATS if f in wanted)
