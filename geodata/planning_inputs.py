"""From the command line's and the dashboard's settings to a planning Problem.

`geodata.plans.build_problem` turns the village and tambon GeoDataFrames into a Problem (codes, adjacency,
district names); this module adds the settings planners type: wave targets, team capacity and a roster table
(CSV with columns amphoe_code, teams). Reading files happens here, never in `planning`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import geopandas as gpd

import planning
from geodata import schema
from geodata.errors import GeodataError
from geodata.plans import EMBEDDED_DATASET
from geodata.plans import build_problem as _problem_from_frames
from geodata.roster_file import read_roster_csv


def build_problem(villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame, *, pilot_tambons: Iterable[str] = (),
                  targets: Sequence[int] | None = None, capacity: int | None = None,
                  roster: planning.Roster | None = None, locks: Mapping[str, str] | None = None,
                  tambon_locks: Mapping[str, str] | None = None,
                  dataset: str = EMBEDDED_DATASET,
                  adjacency: Mapping[str, Iterable[str]] | None = None) -> planning.Problem:
    """A Problem for these villages and tambons with the planner's settings.

    ``targets`` are the village counts of the waves after the pilot (labelled 2549, 2550, ...; the last one
    is a maximum that takes the remainder); default 400, 600, 600. ``capacity`` replaces C in ``roster``
    (default: the estimated roster, one team per tambon with villages). ``adjacency``: see
    ``geodata.plans.build_problem``.
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
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise GeodataError(f"roster {path}: cannot be read ({error.strerror}); check the path") from error
    return read_roster_csv(data, Path(path).name, capacity=capacity, districts=set(districts))


def parse_codes(text: str | None) -> tuple[str, ...]:
    """``"800106,800107"`` -> ``("800106", "800107")``; blanks are ignored."""
    return tuple(code.strip() for code in (text or "").split(",") if code.strip())


def parse_targets(text: str) -> tuple[int, ...]:
    """``"400,600,600"`` -> ``(400, 600, 600)``, refusing anything but whole numbers >= 0."""
    parts = [part.strip() for part in text.split(",")]
    bad = [part for part in parts if not part.isdigit()]
    if bad or not parts:
        raise GeodataError(f"targets {text!r}: {bad[0] if bad else text!r} is not a whole number; give the "
                           f"village count of each wave after the pilot, e.g. 400,600,600")
    return tuple(int(part) for part in parts)
