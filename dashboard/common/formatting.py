"""Numbers, shares and dates as Thai readers write them (Arabic digits with separators, Buddhist-era years).

The words themselves are in the message catalogue (geodata.messages; `dashboard.common.text.t` in a page).
"""

from __future__ import annotations

import datetime as dt
import re

from geodata.exports.text import THAI_TIME
from planning.thai_dates import format_thai_date

#: Characters Streamlit's Markdown would read as formatting.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")

#: How a table shows a missing value (st.dataframe's `placeholder`; Streamlit's own is the English "None").
MISSING = "—"


def format_date(day: dt.date, lang: str) -> str:
    """A date as Thai readers write it: day, abbreviated month, B.E. year (2 ธ.ค. 2548); English keeps B.E."""
    return format_thai_date(day, lang)


def format_number(value: float, decimals: int = 0) -> str:
    """Arabic digits with thousands separators, as Thai tables use them (1,553; 2.50)."""
    return f"{value:,.{decimals}f}"


def format_share(share: float, decimals: int = 1) -> str:
    """A share in [0, 1] as a percentage (25.8%)."""
    return f"{share * 100:,.{decimals}f}%"


def format_timestamp(stamp: str, lang: str) -> str:
    """A saved ISO timestamp as a Thai reader's date and time in Thailand: "26 พ.ย. 2569 14:05" (B.E. year).

    A timestamp without a zone is taken as UTC (the store writes UTC); one that cannot be read is shown as is.
    """
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    moment = moment.astimezone(THAI_TIME)
    return f"{format_date(moment.date(), lang)} {moment:%H:%M}"


def markdown_text(text: str) -> str:
    """`text` (a name a person typed) escaped so Streamlit's Markdown shows it as written."""
    return _MARKDOWN.sub(r"\\\1", text)
