"""The problems found in a planner's file as one table, the same on every page that reads files.

A problem with the whole file has no row, column or value: those cells are left empty rather than showing
"None". (The problems' own sentences come from geodata and are worded there.)
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.common.text import t
from geodata.errors import Problem

#: The table's columns: heading message, and the problem's attribute.
_COLUMNS = (("upload.row", "row"), ("upload.column", "column"), ("upload.value", "value"),
            ("upload.problem", "message"), ("upload.fix", "fix"), ("upload.check", "check"))


def problem_table(problems: Sequence[Problem]) -> pd.DataFrame:
    """One row per problem: row, column, value, what is wrong, how to fix it, and the check's name."""
    rows = [["" if getattr(p, name) is None else getattr(p, name) for _, name in _COLUMNS] for p in problems]
    return pd.DataFrame(rows, columns=[t(key) for key, _ in _COLUMNS])
