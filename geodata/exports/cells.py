"""The cells of every spreadsheet the product writes (XLSX and CSV), made safe to open: never a live formula.

Excel and LibreOffice run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and treat a leading
tab or carriage return the same way on import. A village name, scenario name or author typed as
``=HYPERLINK("http://…", "click")`` would otherwise reach a district office as a live link or a calculation
("CSV/formula injection", OWASP). The usual defence is applied to every text cell of every export and template:
such text gets an apostrophe in front, so the program shows it as text and the original stays visible after
the apostrophe. Numbers are left as numbers (a negative number is data, not a formula), so only text changes.
Characters XML cannot hold (control characters other than tab, line feed and carriage return) are dropped, so
a workbook always saves.

`spreadsheet_cell` is the one function every writer calls (`geodata.exports.xlsx`, `geodata.exports.vector`,
the progress template in `geodata.progress_io`, and ``rollout plan``'s CSV in `geodata.cli`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

#: First characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: What goes in front of such text: an apostrophe, as a user would type it to enter text in Excel.
TEXT_PREFIX = "'"
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def spreadsheet_cell(value: object) -> object:
    """`value` as it may go into a spreadsheet cell: text neutralised, everything else unchanged."""
    if isinstance(value, str):
        return spreadsheet_text(value)
    return value


def spreadsheet_text(text: str) -> str:
    """Text that no spreadsheet reads as a formula: an apostrophe in front when it starts like one (after any
    leading spaces), and no characters XML cannot hold."""
    text = _NOT_IN_XML.sub("", text)
    return TEXT_PREFIX + text if text.lstrip(" ").startswith(FORMULA_STARTS) else text


def spreadsheet_row(values: Iterable[object]) -> list[object]:
    """Every cell of a row through `spreadsheet_cell`."""
    return [spreadsheet_cell(value) for value in values]


def spreadsheet_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells went through `spreadsheet_cell` (numbers, booleans and blanks kept)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = out[column].map(spreadsheet_cell, na_action="ignore")
    return out
