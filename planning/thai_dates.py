"""Thai calendar facts every layer uses: Buddhist-era years and dates written the way Thai readers write them.

Pure and tiny, so it sits at the bottom of the import chain (planning) and geodata's exports and the dashboard
share it instead of each spelling the months out again.
"""

from __future__ import annotations

import datetime as dt

#: B.E. = C.E. + 543 (2549 = 2006).
BUDDHIST_ERA_OFFSET = 543
THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def buddhist_year(year_ce: int) -> int:
    """B.E. year of a C.E. year (2006 -> 2549)."""
    return year_ce + BUDDHIST_ERA_OFFSET


def format_thai_date(day: dt.date, lang: str = "th") -> str:
    """Day, abbreviated month, B.E. year: "2 ธ.ค. 2548" (Thai) or "2 Dec 2548" (English keeps the B.E. year)."""
    months = THAI_MONTHS if lang == "th" else ENGLISH_MONTHS
    return f"{day.day} {months[day.month - 1]} {buddhist_year(day.year)}"
