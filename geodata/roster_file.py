"""Reading a facilitator roster file (CSV: amphoe_code, teams) into the planning engine's Roster.

The rows are checked by `planning.roster_from_rows` (whole numbers >= 1, known districts, no repeats); this module
adds what a file needs: text encodings, the header, and every district with villages having a row. Problems are
collected and raised together as `planning.InvalidInputError`, one message per problem.
"""

from __future__ import annotations

from collections.abc import Collection

import planning
from geodata import limits
from geodata.errors import UploadError
from geodata.tables import read_table

ROSTER_COLUMNS = ("amphoe_code", "teams")


def read_roster_csv(data: bytes, filename: str, *, capacity: int, districts: Collection[str]) -> planning.Roster:
    """The roster of an uploaded CSV with columns amphoe_code, teams (one row per district with villages).

    Raises planning.InvalidInputError listing every problem, file-level ones (type, encoding) included.
    """
    try:
        table = read_table(data, filename, limit=limits.ROSTER, columns=ROSTER_COLUMNS, suffixes=(".csv",),
                           number_columns=ROSTER_COLUMNS)
    except UploadError as error:
        raise planning.InvalidInputError([str(p) for p in error.problems]) from error
    if not len(table):
        raise planning.InvalidInputError(f"{filename} is empty; write a header amphoe_code,teams and one row per "
                                         "district")
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
