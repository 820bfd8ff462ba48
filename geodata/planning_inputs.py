"""From the command line's and the dashboard's settings to a planning Problem.

`geodata.plans.build_problem` turns the village and tambon GeoDataFrames into a Problem (codes, adjacency,
district names); this module adds the settings planners type: wave targets, team capacity, a roster table (CSV
with columns amphoe_code, teams), and the waves of the dashboard's waves editor (B.E. years and targets).
Reading files happens here, never in `planning`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final

import geopandas as gpd

import planning
from geodata import limits, schema
from geodata.errors import GeodataError
from geodata.messages import text
from geodata.plans import build_problem as _problem_from_frames
from geodata.roster_file import read_roster_csv
from planning.numbers import ascii_digits, digit_hint, parse_whole_number


def build_problem(villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame, *, pilot_tambons: Iterable[str] = (),
                  targets: Sequence[int] | None = None, capacity: int | None = None,
                  roster: planning.Roster | None = None, locks: Mapping[str, str] | None = None,
                  tambon_locks: Mapping[str, str] | None = None,
                  dataset: str | None = None,
                  adjacency: Mapping[str, Iterable[str]] | None = None) -> planning.Problem:
    """A Problem for these villages and tambons with the planner's settings.

    ``targets`` are the village counts of the waves after the pilot (labelled 2549, 2550, ...; the last one
    is a maximum that takes the remainder); default the province's default waves (``geodata.provinces``).
    ``capacity`` replaces C in ``roster`` (default: the estimated roster, one team per tambon with villages).
    ``dataset`` and ``adjacency``: see ``geodata.plans.build_problem``.
    """
    waves = None if targets is None else planning.waves_from_targets(targets)
    if roster is None:
        villages_map = dict(zip(villages[schema.VILLAGE_CODE], villages[schema.TAMBON_CODE], strict=True))
        tambon_map = dict(zip(tambons[schema.TAMBON_CODE], tambons[schema.AMPHOE_CODE], strict=True))
        roster = planning.default_roster(villages_map, tambon_map, capacity or planning.DEFAULT_CAPACITY)
    elif capacity is not None:
        roster = planning.Roster(teams=roster.teams, capacity=capacity, estimated=roster.estimated)
    return _problem_from_frames(villages, tambons, dataset=dataset, waves=waves, roster=roster,
                                pilot_tambons=pilot_tambons, locks=locks, tambon_locks=tambon_locks,
                                adjacency=adjacency)


def read_roster_file(path: str | Path, districts: Iterable[str],
                     capacity: int = planning.DEFAULT_CAPACITY) -> planning.Roster:
    """A roster from a CSV file with columns amphoe_code, teams (one row per district with villages); every bad
    row is reported at once (planning.InvalidInputError)."""
    limit = limits.ROSTER
    try:
        with open(path, "rb") as handle:  # read at most one byte past the limit (a device never ends)
            data = handle.read(limit.max_bytes + 1)
    except OSError as error:
        raise GeodataError(f"roster {path}: cannot be read ({error.strerror}); check the path") from error
    if len(data) > limit.max_bytes:
        raise GeodataError(f"roster {path} is larger than {limit.max_megabytes} MB; a roster file has one row "
                           "per district (amphoe_code,teams)")
    return read_roster_csv(data, Path(path).name, capacity=capacity, districts=set(districts))


def parse_codes(text: str | None) -> tuple[str, ...]:
    """``"800106,800107"`` -> ``("800106", "800107")``; blanks are ignored and Thai digits read as 0-9."""
    return tuple(ascii_digits(code.strip()) for code in (text or "").split(",") if code.strip())


def parse_targets(text: str) -> tuple[int, ...]:
    """``"400,600,600"`` -> ``(400, 600, 600)``: whole numbers >= 0 in 0-9 or Thai digits, at most MAX_WAVES."""
    parts = [part.strip() for part in text.split(",")]
    numbers = [parse_whole_number(part) for part in parts]
    bad = [part for part, number in zip(parts, numbers, strict=True) if number is None or number < 0]
    if bad:
        raise GeodataError(f"targets {_short(text)}: {_short(bad[0])} is not a whole number{digit_hint(bad[0])}; "
                           "give the village count of each wave after the pilot, e.g. 400,600,600")
    if len(numbers) > limits.MAX_WAVES:
        raise GeodataError(f"targets {_short(text)}: {len(numbers)} waves; give at most {limits.MAX_WAVES}, "
                           "e.g. 400,600,600")
    return tuple(n for n in numbers if n is not None)


def parse_capacity(text: str) -> int:
    """Villages per team and wave from text: a whole number from 1 to limits.CAPACITY_MAX."""
    number = parse_whole_number(text)
    if number is None or not 1 <= number <= limits.CAPACITY_MAX:
        raise GeodataError(f"capacity {_short(text)} is not a whole number from 1 to {limits.CAPACITY_MAX}"
                           f"{digit_hint(text)}; give villages per team and wave, e.g. --capacity 10")
    return number


def pilot_warnings(problem: planning.Problem) -> list[str]:
    """A warning per pilot tambon without villages (e.g. 800101, fully municipal): it adds nothing to the pilot."""
    with_villages = set(problem.villages.values())
    return [f"pilot tambon {code} has no villages (fully municipal tambons have none), so it adds nothing to the "
            "pilot wave; check the code" for code in sorted(problem.pilot_tambons) if code not in with_villages]


def _short(text: str, limit: int = 40) -> str:
    """`text` quoted, cut to `limit` characters for a one-line message."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


#: Buddhist-era years a rollout's wave may take (the province's KM programme began in B.E. 2548).
BE_YEARS: Final = range(2400, 2801)
#: Christian-era years a planner may type by mistake for a B.E. year (B.E. = C.E. + 543).
_CE_YEARS = range(1900, 2400)
BE_OFFSET: Final = 543


class WavesInputError(GeodataError):
    """Waves a planner typed that cannot be used: `problems` holds every one found as (message key, values), worded
    in either language by `words`; the exception's own text is the English."""

    def __init__(self, problems: Sequence[tuple[str, Mapping]]):
        self.problems = tuple((key, dict(values)) for key, values in problems)
        super().__init__("; ".join(self.words("en")))

    def words(self, lang: str) -> list[str]:
        return [text(key, lang, **values) for key, values in self.problems]


def waves_from_rows(years: Sequence[str], targets: Sequence[str], *, pilot_year: str | None, villages: int,
                    pilot_villages: int = 0) -> list[planning.Wave]:
    """The waves a planner typed: B.E. `years` of the waves after the pilot, in order, and `targets` (villages)
    of every one of them but the last, which takes the rest; `pilot_year` is the pilot wave's year, or None for
    no pilot wave. Thai digits are read as 0-9.

    Refused, with every problem named and how to fix it (WavesInputError): a year or target that is not a whole
    number, a year outside B.E. 2400-2800 (a Christian-era year is named with its B.E. equivalent), years that do
    not increase, a target below 1, more waves than limits.MAX_WAVES, or targets that leave the last wave no
    village (`villages` in all, `pilot_villages` of them in the pilot wave).
    """
    problems: list[tuple[str, dict]] = []
    if not 1 <= len(years) <= limits.MAX_WAVES:
        problems.append(("plan.waves.error.count", {"n": len(years), "most": limits.MAX_WAVES}))
    labelled = ([(pilot_year, True)] if pilot_year is not None else []) + [(year, False) for year in years]
    numbers = [_be_year(year, problems) for year, _ in labelled]
    for (year, _), number, (previous, _), before in zip(labelled[1:], numbers[1:], labelled, numbers, strict=False):
        if number is not None and before is not None and number <= before:
            problems.append(("plan.waves.error.not_increasing", {"year": year.strip(), "previous": previous.strip()}))
    sizes = [_target(year, target, problems) for year, target in zip(years, targets, strict=False)]
    if None not in sizes and pilot_villages + sum(sizes) >= villages:
        problems.append(("plan.waves.error.too_many", {"total": f"{pilot_villages + sum(sizes):,}",
                                                       "villages": f"{villages:,}", "pilot": f"{pilot_villages:,}"}))
    if problems:
        raise WavesInputError(problems)
    waves = [planning.Wave(str(numbers[0]), None)] if pilot_year is not None else []
    rollout = numbers[1:] if pilot_year is not None else numbers
    waves += [planning.Wave(str(year), size) for year, size in zip(rollout, sizes, strict=False)]
    return [*waves, planning.Wave(str(rollout[-1]), None)]


def _be_year(typed: str, problems: list[tuple[str, dict]]) -> int | None:
    number = parse_whole_number(typed)
    if number is None:
        problems.append(("plan.waves.error.year_not_number", {"value": typed.strip()[:20]}))
    elif number in _CE_YEARS:
        problems.append(("plan.waves.error.christian_era", {"value": number, "be": number + BE_OFFSET}))
    elif number not in BE_YEARS:
        problems.append(("plan.waves.error.year_range", {"value": number, "low": BE_YEARS[0], "high": BE_YEARS[-1]}))
    else:
        return number
    return None


def _target(year: str, typed: str, problems: list[tuple[str, dict]]) -> int | None:
    number = parse_whole_number(typed)
    if number is None or number < 1:
        problems.append(("plan.waves.error.target", {"year": year.strip(), "value": typed.strip()[:20]}))
        return None
    return number
