"""Whole numbers as people type them: Thai digits (๐-๙) read like 0-9, digits of any other script refused.

Python is generous with digits: ``int("٣")`` is 3 (Arabic-Indic), ``"²".isdigit()`` is True but ``int("²")``
raises, and ``int`` refuses more than 4,300 digits with an error of its own. Planners write ASCII or Thai digits;
anything else is a typing or encoding accident, so it is refused with a message naming the character rather
than guessed. Every place that reads a number from text (roster teams, progress steps, dates, codes, the command
line's targets and capacity) goes through these functions.
"""

from __future__ import annotations

import re

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ASCII = str.maketrans(THAI_DIGITS, "0123456789")
#: Longer numbers than this are not counts anyone means (and would overflow the solver's 64-bit integers).
MAX_DIGITS = 18
_WHOLE = re.compile(r"[+-]?[0-9]+")
_SPREADSHEET_WHOLE = re.compile(r"[+-]?[0-9]+\.0+")  # spreadsheets write 3 as 3.0


def ascii_digits(text: str) -> str:
    """`text` with Thai digits replaced by 0-9 (every other character unchanged)."""
    return text.translate(_TO_ASCII)


def foreign_digits(text: str) -> str:
    """The characters of `text` that Unicode counts as digits or numerals but that are neither 0-9 nor ๐-๙."""
    return "".join(dict.fromkeys(ch for ch in text if ch.isnumeric() and ch not in "0123456789"
                                 and ch not in THAI_DIGITS))


def digit_hint(text: str) -> str:
    """A sentence to add to a "not a number" message when `text` holds digits of another script, else ""."""
    odd = foreign_digits(text)
    if not odd:
        return ""
    listed = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in odd[:3])
    return f"; {listed} is not a digit 0-9 or ๐-๙, retype it with 0-9"


def parse_whole_number(text: str) -> int | None:
    """The whole number written in `text` (0-9 or ๐-๙, optional sign, a spreadsheet's trailing .0), else None.

    None also for more than MAX_DIGITS digits: no count in this product is that large.
    """
    cleaned = ascii_digits(text.strip())
    if _SPREADSHEET_WHOLE.fullmatch(cleaned):
        cleaned = cleaned.split(".")[0]
    if not _WHOLE.fullmatch(cleaned) or len(cleaned.lstrip("+-")) > MAX_DIGITS:
        return None
    return int(cleaned)
