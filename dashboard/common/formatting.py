"""Numbers, shares and dates as Thai readers write them (Arabic digits with separators, Buddhist-era years).

The words themselves are in the message catalogue (geodata.messages; `dashboard.common.text.t` in a page).
"""

from __future__ import annotations

import datetime as dt

from planning.thai_dates import format_thai_date


def format_date(day: dt.date, lang: str) -> str:
    """A date as Thai readers write it: day, abbreviated month, B.E. year (2 ธ.ค. 2548); English keeps B.E."""
    return format_thai_date(day, lang)


def format_number(value: float, decimals: int = 0) -> str:
    """Arabic digits with thousands separators, as Thai tables use them (1,553; 2.50)."""
    return f"{value:,.{decimals}f}"


def format_share(share: float, decimals: int = 1) -> str:
    """A share in [0, 1] as a percentage (25.8%)."""
    return f"{share * 100:,.{decimals}f}%"
