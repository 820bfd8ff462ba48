"""Thai (default) and English interface text, Buddhist-era years and Thai number formatting.

Each page keeps its own table of texts `{key: (thai, english)}` beside the code that shows them; the terms every
page shares (the glossary in shared/context) live in COMMON here. `translate` is pure so tests can check both
languages without Streamlit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from planning.thai_dates import format_thai_date

LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"
LANGUAGE_KEY = "lang"

Texts = Mapping[str, tuple[str, str]]

#: Glossary terms shared by every page (Thai as users write them).
COMMON: Texts = {
    "app_title": ("วางแผนขยายผลการจัดการความรู้ นครศรีธรรมราช", "KM rollout planner, Nakhon Si Thammarat"),
    "page_plan": ("วางแผน", "Plan"),
    "page_coverage": ("ความครอบคลุม", "Coverage"),
    "page_export": ("ส่งออก", "Export"),
    "page_data": ("ข้อมูล", "Data"),
    "language": ("ภาษา / Language", "ภาษา / Language"),
    "province": ("จังหวัด", "Province"),
    "amphoe": ("อำเภอ", "District (amphoe)"),
    "tambon": ("ตำบล", "Subdistrict (tambon)"),
    "village": ("หมู่บ้าน", "Village"),
    "moo": ("หมู่ที่", "Moo"),
    "code": ("รหัส", "Code"),
    "wave": ("ระยะ (ปี พ.ศ.)", "Wave (B.E. year)"),
    "pilot": ("นำร่อง", "Pilot"),
    "facilitator": ("คุณอำนวย", "Facilitator (Khun Amnuay)"),
    "locked": ("ล็อกแล้ว", "Locked"),
    "location_quality": ("คุณภาพตำแหน่ง", "Location quality"),
    "quality_high": ("ตรงชื่อ (สูง)", "Matched (high)"),
    "quality_medium": ("ตรงชื่อ (กลาง)", "Matched (medium)"),
    "quality_low": ("ตรงชื่อ (ต่ำ)", "Matched (low)"),
    "quality_estimated": ("ตำแหน่งโดยประมาณ", "Estimated location"),
    "estimated_note": ("ตำแหน่งโดยประมาณ: จุดในเขตตำบล ไม่ใช่ตำแหน่งสำรวจจริง",
                       "Estimated location: a point inside the tambon, not a surveyed position"),
    "online_tiles": ("แผนที่ฐานออนไลน์ (ต้องใช้อินเทอร์เน็ต)", "Online basemap (needs internet)"),
    "villages_count": ("{n:,} หมู่บ้าน", "{n:,} villages"),
}


def translate(texts: Texts, key: str, lang: str, **values: object) -> str:
    """The text for `key` in `lang` ("th" or "en"), with `{name}` fields filled from `values`.

    Looks in `texts` first, then COMMON; an unknown key raises KeyError so a missing translation fails tests.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; use one of {LANGUAGES}")
    pair = texts[key] if key in texts else COMMON[key]
    text = pair[LANGUAGES.index(lang)]
    return text.format(**values) if values else text


def format_date(day: dt.date, lang: str) -> str:
    """A date as Thai readers write it: day, abbreviated month, B.E. year (2 ธ.ค. 2548); English keeps B.E."""
    return format_thai_date(day, lang)


def format_number(value: float, decimals: int = 0) -> str:
    """Arabic digits with thousands separators, as Thai tables use them (1,553; 2.50)."""
    return f"{value:,.{decimals}f}"


def format_share(share: float, decimals: int = 1) -> str:
    """A share in [0, 1] as a percentage (25.8%)."""
    return f"{share * 100:,.{decimals}f}%"
