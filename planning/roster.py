"""Facilitator teams (Khun Amnuay) per district and how many villages one team can work with in one wave.

The load of district d in wave w is ``villages of d in w / teams of d``; the hard rule is
``villages of d in w <= capacity * teams of d``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from planning.errors import Fact, InvalidInputError
from planning.numbers import ascii_digits, digit_hint, foreign_digits, parse_whole_number

DEFAULT_CAPACITY = 10
#: Upper bounds that no real roster reaches (the province has 1,553 villages): beyond them a number is a typing
#: accident, and it would overflow the solver's 64-bit integers.
MAX_CAPACITY = 10_000
MAX_TEAMS = 10_000


@dataclass(frozen=True)
class Roster:
    """Teams per district code, villages one team can take per wave (``capacity``, C), and whether it is a guess.

    ``estimated`` is True for the default roster (one team per tambon that has villages): the dashboard shows it
    as an estimate until a planner uploads the real numbers.
    """

    teams: dict[str, int]
    capacity: int
    estimated: bool


def default_roster(villages: Mapping[str, str], tambon_districts: Mapping[str, str],
                   capacity: int = DEFAULT_CAPACITY) -> Roster:
    """Estimated roster: one team per tambon that has villages (pilot tambons included), ``capacity`` each.

    ``villages`` maps village code -> tambon code, ``tambon_districts`` tambon code -> district code.
    """
    check_capacity(capacity)
    missing = sorted({t for t in villages.values() if t not in tambon_districts})
    if missing:
        raise InvalidInputError(f"tambon {code} of a village has no district; add it to tambon_districts"
                                for code in missing)
    teams: dict[str, int] = {}
    for tambon in sorted(set(villages.values())):
        district = tambon_districts[tambon]
        teams[district] = teams.get(district, 0) + 1
    return Roster(teams=dict(sorted(teams.items())), capacity=capacity, estimated=True)


def roster_from_rows(rows: Iterable[Sequence[object] | Mapping[str, object]], capacity: int = DEFAULT_CAPACITY,
                     districts: Collection[str] | None = None) -> Roster:
    """Roster from a table of (district code, teams) rows, e.g. an uploaded CSV with columns amphoe_code, teams.

    A row is a pair or a mapping with keys ``amphoe_code`` (or ``district``) and ``teams``. Every bad row is
    reported at once, numbered from 1: teams that are not whole numbers or are below 1, district codes not in
    ``districts`` (when given) and districts listed twice. Districts left out are caught by ``make_problem``.
    """
    check_capacity(capacity)
    known = None if districts is None else set(districts)
    teams: dict[str, int] = {}
    problems: list[Fact] = []
    for number, row in enumerate(rows, start=1):
        district, raw = _row_cells(row)
        code = ascii_digits(str(district).strip()) if district is not None else ""
        count = _whole_number(raw)
        values = {"row": number, "district": code, "teams": "" if raw is None else str(raw)}
        if not code:
            problems.append(Fact("roster_no_district", values,
                                 f"row {number}: the district code is empty; fill in amphoe_code"))
            continue
        if known is not None and code not in known:
            problems.append(Fact("roster_unknown_district", values,
                                 f"row {number}: district {code} is not in the province; check the amphoe_code"))
        if count is None:
            problems.append(Fact("roster_teams_not_number", {**values, "foreign": foreign_digits(str(raw))},
                                 f"row {number}: district {code} has teams {raw!r}, which is not a whole number"
                                 f"{digit_hint(str(raw))}; write the number of teams, e.g. 3"))
        elif count < 1:
            problems.append(Fact("roster_too_few_teams", values,
                                 f"row {number}: district {code} has {count} teams; every district needs at least 1"))
        elif count > MAX_TEAMS:
            problems.append(Fact("roster_too_many_teams", {**values, "most": MAX_TEAMS},
                                 f"row {number}: district {code} has {count} teams; a district can have at most "
                                 f"{MAX_TEAMS} teams, check the number"))
        if code in teams:
            problems.append(Fact("roster_repeated_district", values,
                                 f"row {number}: district {code} is listed again; keep one row per district"))
        elif count is not None:
            teams[code] = count
    if problems:
        raise InvalidInputError(problems)
    if not teams:
        raise InvalidInputError(Fact("roster_empty", {},
                                     "the roster has no rows; give one row (amphoe_code, teams) per district"))
    return Roster(teams=dict(sorted(teams.items())), capacity=capacity, estimated=False)


def check_capacity(capacity: object) -> None:
    """Raise InvalidInputError unless `capacity` is a whole number of villages per team and wave in range."""
    if isinstance(capacity, bool) or not isinstance(capacity, int) or not 1 <= capacity <= MAX_CAPACITY:
        raise InvalidInputError(Fact(
            "capacity_out_of_range", {"capacity": str(capacity), "most": MAX_CAPACITY, "default": DEFAULT_CAPACITY},
            f"capacity {capacity!r} must be a whole number of villages per team and wave, from 1 to {MAX_CAPACITY} "
            f"(the default is {DEFAULT_CAPACITY})"))


def _row_cells(row: Sequence[object] | Mapping[str, object]) -> tuple[object, object]:
    if isinstance(row, Mapping):
        district = row.get("amphoe_code", row.get("district"))
        return district, row.get("teams")
    if isinstance(row, str) or len(row) != 2:
        return None, None
    return row[0], row[1]


def _whole_number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 10 ** 18 else None
    if isinstance(value, str):
        return parse_whole_number(value)
    return None
