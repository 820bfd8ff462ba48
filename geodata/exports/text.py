"""Words and formats the export files share: bilingual labels, Buddhist-era dates, text widths, safe file names.

The files go to Thai district offices, so labels are Thai first with the English after them (the glossary's
terms); machine-readable files (CSV, GeoPackage, GeoJSON) keep ASCII column names and plain key values. The
words are the ``doc`` section of the message catalogue (geodata.messages); these helpers lay them out. Dates use
planning.thai_dates, the same format as the dashboard.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence

from geodata import messages
from geodata.messages.facts import CHECK_RULES, check_rule
from planning.thai_dates import format_thai_date

#: Thailand keeps UTC+7 all year (no daylight saving).
THAI_TIME = dt.timezone(dt.timedelta(hours=7))

#: Location quality (geodata.schema.LOCATION_QUALITIES) -> its label.
QUALITIES = {"high": "doc.quality.high", "medium": "doc.quality.medium", "low": "doc.quality.low",
             "estimated": "doc.quality.estimated"}
#: planning.PlanMetrics.status -> its words.
STATUSES = {"optimal": "doc.status.optimal", "evaluated": "doc.status.evaluated"}
#: planning.REASONS code -> its short label (the sentences are geodata.messages.facts.REASONS).
REASONS = {"pilot": "doc.reason.pilot", "locked": "doc.reason.locked", "balance": "doc.reason.balance",
           "spread": "doc.reason.spread"}


def th(key: str) -> str:
    """The Thai text of the message `key`."""
    return messages.text(key, "th")


def en(key: str) -> str:
    """The English text of the message `key`."""
    return messages.text(key, "en")


def both(key: str) -> str:
    """Thai with the English after it: "หมู่ที่ (Moo)"; "ระยะ (ปี พ.ศ.) / Wave (B.E. year)" if the Thai has
    parentheses of its own."""
    thai, english = th(key), en(key)
    return f"{thai} / {english}" if "(" in thai else f"{thai} ({english})"


def quality_label(quality: str) -> str:
    """"ตำแหน่งโดยประมาณ (estimated)" for an estimated point, "ตรงชื่อ สูง (high)" for a matched one."""
    return both(QUALITIES[quality]) if quality in QUALITIES else quality


def reason_label(reason: str | None) -> str:
    """Short bilingual name of a planner's reason ("ขยายผล (spread)"); empty when the plan gives none."""
    if not reason:
        return ""
    return both(REASONS[reason]) if reason in REASONS else reason


def status_words(status: str) -> str:
    """The plan's optimisation status in Thai words (a status without words is shown as it is)."""
    return th(STATUSES[status]) if status in STATUSES else status


def failed_rules(checks: Sequence[str]) -> str:
    """The rules a plan fails, in Thai words ("ไม่มี" when none)."""
    if not checks:
        return th("doc.none")
    return "; ".join(check_rule(name, "th") if name in CHECK_RULES else name for name in checks)


def wave_label(wave: str | None) -> str:
    """A wave's B.E. year label as text, or "ยังไม่กำหนดระยะ (No wave yet)"."""
    return wave if wave else both("doc.unassigned")


def thai_day(timestamp: str) -> dt.date:
    """The day in Thailand of an ISO timestamp (taken as UTC if it carries no zone)."""
    moment = dt.datetime.fromisoformat(timestamp)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(THAI_TIME).date()


def thai_date(timestamp: str) -> str:
    """An ISO timestamp as Thai readers write its date (the day in Thailand): 26 พ.ย. 2569."""
    return format_thai_date(thai_day(timestamp))


def display_width(text: str) -> int:
    """Columns a text takes on screen: Thai vowel and tone marks above/below a letter take no column."""
    return sum(0 if unicodedata.category(ch) in ("Mn", "Me", "Cf") else 1 for ch in text)


def file_name_part(text: str) -> str:
    """A place name as part of a file name, in its own script: Thai letters, marks and digits and ASCII letters,
    digits, '-' and '_' kept; anything a file system or a zip tool could misread ('/', ':', spaces, quotes) as
    '_' ("เมืองนครศรีธรรมราช" stays as it is)."""
    cleaned = re.sub(r"[^0-9A-Za-z\u0E00-\u0E7F_-]+", "_", unicodedata.normalize("NFC", text)).strip("_")
    return cleaned or "plan"


def safe_name(text: str) -> str:
    """ASCII letters, digits, '-' and '_' only ("Cha-uat" stays, spaces become '_'), for file and folder names."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "_", ascii_text).strip("_")
    return cleaned or "plan"
