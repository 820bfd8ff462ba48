"""National plans: one rollout for every village of the country, and each province's part of it.

A ministry funds the programme in every province at once: one plan of all villages (``geodata.nation``), with
national wave targets (16,000 in 2549, 24,000 in 2550, the rest in 2551 by default, flagged as defaults), the
same objectives as a province's plan (M1 load, M2 split tambons, M3 spread and pace) and the same estimated
roster (one facilitator team per tambon with villages, 10 villages per team and wave). Tambon adjacency runs
across province borders, so the spread from pilot tambons does not stop at a border.

A province office receives its part of the national plan: ``province_scenario`` cuts a national scenario down to
one province's villages, with that province's teams, the waves as the national plan fills them there, and
metrics measured on the province alone (``status`` ``evaluated``: a part of a national plan is not optimised on
its own). The export code then treats it like any province's plan (``geodata.exports.national``).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import geopandas as gpd

import planning
from geodata import nation, provinces, schema
from geodata.adjacency import tambon_adjacency
from geodata.planning_inputs import build_problem
from geodata.plans import build_problem as _problem_from_frames
from geodata.plans import default_scenario, metrics_to_json
from geodata.province_data import dataset_name
from geodata.scenario import Scenario


def build_national_problem(villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame, *,
                           targets: Sequence[int] | None = None, capacity: int | None = None,
                           roster: planning.Roster | None = None, pilot_tambons: Iterable[str] = (),
                           locks: Mapping[str, str] | None = None,
                           tambon_locks: Mapping[str, str] | None = None) -> planning.Problem:
    """A Problem for the nation's villages and tambons (``geodata.nation``'s loaders) with the planner's settings.

    ``targets``: villages of the waves after the pilot (2549, 2550, ...; the last takes the remainder), default
    ``national_targets``. ``capacity`` and ``roster`` as for a province (default: the estimated roster, one team
    per tambon with villages, 10 villages per team and wave). A district whose teams cannot carry its villages
    makes ``planning.plan`` raise InfeasiblePlanError naming the district, its numbers and the fix.
    """
    return build_problem(villages, tambons, pilot_tambons=pilot_tambons,
                         targets=national_targets(len(villages)) if targets is None else targets,
                         capacity=capacity, roster=roster, locks=locks, tambon_locks=tambon_locks,
                         dataset=nation.NATIONAL_DATASET, adjacency=_adjacency(tambons))


def national_targets(n_villages: int) -> tuple[int, ...]:
    """The default targets after the pilot: 16,000, 24,000 and the rest (``geodata.nation.national_default_waves``)."""
    return tuple(wave.target for wave in nation.national_default_waves(n_villages)[1:])


def default_national_scenario(villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame) -> Scenario:
    """The optimised default national plan (default waves, estimated roster, no pilot), once per process."""
    return default_scenario(villages, tambons, dataset=nation.NATIONAL_DATASET,
                            waves=nation.national_default_waves(len(villages)), adjacency=_adjacency(tambons))


def province_scenario(scenario: Scenario, province: str, villages: gpd.GeoDataFrame,
                      tambons: gpd.GeoDataFrame) -> Scenario:
    """The part of a national plan that falls in one province, as a plan of that province's data set.

    ``villages`` and ``tambons`` are the province's (``geodata.load_villages(code)``, ...). The result keeps
    the province's villages, locks and reasons, its districts' teams and its pilot tambons; each wave's target
    becomes the number of the province's villages the national plan puts in it (the pilot wave stays the pilot,
    the last wave its remainder); the metrics are those of the province's part (``planning.evaluate``).
    The name says which province it is; the data set stays the national plan's, which the exports print.
    """
    info = provinces.province(province)
    codes = set(villages[schema.VILLAGE_CODE])
    assignment = {code: wave for code, wave in scenario.assignment.items() if code in codes}
    districts = set(villages[schema.AMPHOE_CODE])
    national = scenario.settings
    roster = dataclasses.replace(national.roster,
                                 teams={d: n for d, n in national.roster.teams.items() if d in districts})
    settings = dataclasses.replace(
        national, roster=roster, waves=_province_waves(national.waves, assignment),
        pilot_tambons=tuple(t for t in national.pilot_tambons if t[:2] == info.code))
    locked = frozenset(code for code in scenario.locked if code in codes)
    part = dataclasses.replace(
        scenario, name=f"{scenario.name} · {info.name_th} ({info.code})", settings=settings,
        assignment=assignment, locked=locked,
        reasons={code: reason for code, reason in scenario.reasons.items() if code in codes})
    problem = _problem_from_frames(
        villages, tambons, dataset=dataset_name(info.code), waves=settings.waves, roster=settings.roster,
        pilot_tambons=settings.pilot_tambons, locks={code: assignment[code] for code in locked if code in assignment})
    return dataclasses.replace(part, metrics=metrics_to_json(planning.evaluate(problem, assignment)))


def _province_waves(waves: Sequence[planning.Wave], assignment: Mapping[str, str]) -> tuple[planning.Wave, ...]:
    """The national waves with each target replaced by the province's count in it (pilot waves stay None)."""
    counts = Counter(assignment.values())
    return tuple(planning.Wave(w.label, None if w.target is None and i < len(waves) - 1
                               else counts.get(w.label, 0)) for i, w in enumerate(waves))


def _adjacency(tambons: gpd.GeoDataFrame) -> dict[str, tuple[str, ...]]:
    """The nation's cached adjacency when these are the nation's tambons, else computed for these (never cached
    under the national data-set name)."""
    adjacency = nation.national_adjacency()
    return adjacency if set(adjacency) == set(tambons[schema.TAMBON_CODE]) else tambon_adjacency(tambons)
