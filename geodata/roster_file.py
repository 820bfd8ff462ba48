"""Reading a facilitator roster file (CSV: amphoe_code, teams) into the planning engine's Roster.

The rows are checked by `planning.roster_from_rows` (whole numbers >= 1, known districts, no repeats); this module
adds what a file needs: text encodings, the header (English or Thai: รหัสอำเภอ, จำนวนทีม), and every district
with villages having a row. Problems are collected and raised together as `RosterError`, a
`planning.InvalidInputError` with one English message per problem that also carries them as `Problem`s (row,
column, value, fix), so a page shows them in the same table as any other file's problems.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

import planning
from geodata import limits, schema
from geodata.errors import Problem, UploadError, as_written, column_label
from geodata.messages import Message
from geodata.messages.facts import REFUSAL_COLUMNS, refusal_messages
from geodata.tables import headers_as_written, read_table

ROSTER_COLUMNS = ("amphoe_code", "teams")


class RosterError(planning.InvalidInputError):
    """A roster refused: `problems` in English (as the engine says them) and `found`, the same as `Problem`s."""

    def __init__(self, problems: Sequence[str | planning.Fact], found: Sequence[Problem]) -> None:
        super().__init__(problems)
        self.found = tuple(found)

    def __reduce__(self):  # keep what was found when pickled
        return (type(self), (self._items, self.found))


def read_roster_csv(data: bytes, filename: str, *, capacity: int, districts: Collection[str]) -> planning.Roster:
    """The roster of an uploaded CSV with columns amphoe_code, teams (one row per district with villages).

    Raises RosterError (a planning.InvalidInputError) listing every problem, file-level ones (type, encoding)
    included.
    """
    try:
        table = read_table(data, filename, limit=limits.ROSTER, columns=ROSTER_COLUMNS, suffixes=(".csv",),
                           header_aliases=schema.ROSTER_HEADER_ALIASES, number_columns=ROSTER_COLUMNS)
    except UploadError as error:
        raise RosterError([str(p) for p in error.problems], error.problems) from error
    columns = [column_label(c) for c in ROSTER_COLUMNS]
    if not len(table):
        raise RosterError([f"{filename} is empty; write a header amphoe_code,teams and one row per district"],
                          [Problem("empty_file", Message("problem.empty_roster"),
                                   Message("problem.fix.roster_rows", header=columns))])
    missing = [c for c in ROSTER_COLUMNS if c not in table.columns]
    if missing:
        raise RosterError(
            [f"{filename}: column {c!r} is missing; the file needs the columns {', '.join(ROSTER_COLUMNS)}"
             for c in missing],
            [Problem("missing_column", Message("problem.missing_column"),
                     Message("problem.fix.add_roster_column", columns=columns), column=c) for c in missing])
    rows = table[list(ROSTER_COLUMNS)].to_dict("records")
    return _checked_roster(rows, capacity=capacity, districts=districts, headers=headers_as_written(table))


def roster_from_table(rows: list[dict], *, capacity: int, districts: Collection[str]) -> planning.Roster:
    """A checked roster from rows {amphoe_code, teams}: the engine's row checks plus missing districts.

    Raises RosterError listing every problem, rows numbered from 1 as the engine numbers them.
    """
    return _checked_roster(rows, capacity=capacity, districts=districts, headers={})


def _checked_roster(rows: list[dict], *, capacity: int, districts: Collection[str],
                    headers: Mapping[str, str]) -> planning.Roster:
    problems: list[str | planning.Fact] = []
    roster = None
    try:
        roster = planning.roster_from_rows(rows, capacity=capacity, districts=districts)
    except planning.InvalidInputError as error:
        problems += list(error.facts) or list(error.problems)
    listed = {str(row.get("amphoe_code", "")).strip() for row in rows}
    missing = sorted(set(districts) - listed)
    problems += [f"district {code} has villages but no row; add a row {code},<teams>" for code in missing]
    if problems:
        found = [_problem(item) for item in problems if isinstance(item, planning.Fact)]
        found += [Problem("missing_district", Message("problem.roster_missing_district", district=code),
                          Message("problem.fix.roster_missing_district", district=code), column="amphoe_code",
                          value=code) for code in missing]
        raise RosterError(problems, as_written(found, dict(headers)))
    return roster


def _problem(fact: planning.Fact) -> Problem:
    """One of the engine's roster refusals as a problem of the table: its row, column and value."""
    what, how = refusal_messages(fact)
    column = REFUSAL_COLUMNS.get(fact.kind)
    value = fact.values.get("teams") if column == "teams" else fact.values.get("district") if column else None
    if fact.kind == "capacity_out_of_range":
        value = fact.values.get("capacity")
    row = fact.values.get("row")
    return Problem(fact.kind, what, how, row=row if isinstance(row, int) else None, column=column,
                   value=None if value is None else str(value))
