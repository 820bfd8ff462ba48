"""The problems found in a planner's file as one table, the same on every page that reads files (the Data page's
village lists and boundaries, the roster, location corrections, progress imports).

Each problem is worded in the reader's language from the message catalogue (geodata.errors.Problem): the row, the
column as the reader knows it (the Thai header the planner wrote, or the column's Thai label), the value, what is
wrong and how to fix it; problems with the whole file first, then by row. A problem with the whole file has no
row, column or value: those cells are left empty rather than showing "None" (the row is a nullable number, drawn
as the grid's placeholder). The check's name stays in the table for support and tests but is not shown.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from dashboard.common.formatting import MISSING
from dashboard.common.text import lang
from geodata.errors import Problem
from geodata.messages import text

#: The table's headings, in column order.
_HEADINGS = ("upload.row", "upload.column", "upload.value", "upload.problem", "upload.fix", "upload.check")


def problem_table(problems: Sequence[Problem], language: str) -> pd.DataFrame:
    """One row per problem, in `language`: row, column, value, what is wrong, how to fix it, and the check."""
    ordered = sorted(problems, key=lambda p: (p.row is not None, p.row or 0))  # the whole file's first, then by row
    rows = [[p.row, p.column_in(language), "" if p.value is None else p.value, p.message_in(language),
             p.fix_in(language), p.check] for p in ordered]
    table = pd.DataFrame(rows, columns=[text(key, language) for key in _HEADINGS])
    table[table.columns[0]] = table[table.columns[0]].astype("Int64")  # a whole-file problem has no row: <NA>
    return table


def show_problems(problems: Sequence[Problem], *, key: str) -> None:
    """The problems as a table in the session's language (the check's name hidden)."""
    table = problem_table(problems, lang())
    st.dataframe(table, hide_index=True, placeholder=MISSING, width="stretch", key=key,
                 column_config={table.columns[-1]: None})
