"""Reading a facilitator roster file (CSV: amphoe_code, teams) into the planning engine's Roster.

The rows are checked by `planning.roster_from_rows` (whole numbers >= 1, known districts, no repeats); this module
adds what a file needs: text encodings, the header, and every district with villages having a row. Problems are
collected and raised together as `planning.InvalidInputError`, one message per problem.
"""

from __future__ import annotations

import io
from collections.abc import Collection

import pandas as pd

import planning
from geodata.uploads import _clean_cell, _decode

ROSTER_COLUMNS = ("amphoe_code", "teams")


def read_roster_csv(data: bytes, filename: str, *, capacity: int, districts: Collection[str]) -> planning.Roster:
    """The roster of an uploaded CSV with columns amphoe_code, teams (one row per district with villages)."""
    if not data or not data.strip():
        raise planning.InvalidInputError(f"{filename} is empty; write a header amphoe_code,teams and one row per "
                                         "district")
    text = _decode(data, filename)
    table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True)
    table = table.rename(columns=lambda c: str(c).strip().lower()).map(_clean_cell)
    missing = [c for c in ROSTER_COLUMNS if c not in table.columns]
    if missing:
        raise planning.InvalidInputError(
            f"{filename}: column {c!r} is missing; the file needs the columns {', '.join(ROSTER_COLUMNS)}"
            for c in missing)
    rows = table[list(ROSTER_COLUMNS)].to_dict("records")
    return roster_from_table(rows, capacity=capacity, districts=districts)


def roster_from_table(rows: list[dict], *, capacity: int, districts: Collection[str]) -> planning.Roster:
    """A checked roster from rows {amphoe_code, teams}: the engine's row checks plus missing districts."""
    problems: list[str] = []
    roster = None
    try:
        roster = planning.roster_from_rows(rows, capacity=capacity, districts=districts)
    except planning.InvalidInputError as error:
        problems += list(error.problems)
    listed = {str(row.get("amphoe_code", "")).strip() for row in rows}
    problems += [f"district {code} has villages but no row; add a row {code},<teams>"
                 for code in sorted(set(districts) - listed)]
    if problems:
        raise planning.InvalidInputError(problems)
    return roster
