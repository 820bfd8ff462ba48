"""Plans as the rest of the product sees them: a `geodata.scenario.Scenario` built from the engine's result.

The planning engine works on plain codes; pages and exports work on scenarios (saved or not). This module is
the bridge: it turns the data set in use into a planning Problem (from a scenario's typed settings), and runs
the default plan.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Iterable, Mapping

import geopandas as gpd

import planning
from geodata import schema
from geodata.adjacency import tambon_adjacency
from geodata.scenario import Scenario

#: Name under which the optimised default plan is shown (it is not saved unless a planner saves it).
DEFAULT_SCENARIO_NAME = "แผนตั้งต้น (ค่าเริ่มต้น)"
EMBEDDED_DATASET = "embedded"

_cache_lock = threading.Lock()
_default_cache: dict[str, Scenario] = {}
_adjacency_cache: dict[str, dict[str, tuple[str, ...]]] = {}


def metrics_to_json(metrics: planning.PlanMetrics) -> dict:
    """The metrics as plain JSON values (tuples become lists)."""
    return dataclasses.asdict(metrics)


def build_problem(villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame, *, dataset: str = EMBEDDED_DATASET,
                  waves: Iterable[planning.Wave] | None = None, roster: planning.Roster | None = None,
                  pilot_tambons: Iterable[str] = (), locks: Mapping[str, str] | None = None,
                  tambon_locks: Mapping[str, str] | None = None,
                  adjacency: Mapping[str, Iterable[str]] | None = None) -> planning.Problem:
    """A planning Problem for the villages and tambons in use.

    The tambon adjacency is computed once per data set and process, unless ``adjacency`` gives it (the nation's
    is cached on disk with the nation, ``geodata.nation.national_adjacency``).
    """
    if adjacency is None:
        adjacency = _adjacency_for(dataset, tambons)
    district_names = dict(zip(tambons[schema.AMPHOE_CODE], tambons[schema.AMPHOE_TH], strict=True))
    return planning.make_problem(
        dict(zip(villages[schema.VILLAGE_CODE], villages[schema.TAMBON_CODE], strict=True)),
        dict(zip(tambons[schema.TAMBON_CODE], tambons[schema.AMPHOE_CODE], strict=True)),
        waves=None if waves is None else tuple(waves), roster=roster, pilot_tambons=pilot_tambons,
        locks=locks, tambon_locks=tambon_locks, adjacency=adjacency, district_names=district_names)


def _adjacency_for(dataset: str, tambons: gpd.GeoDataFrame) -> dict[str, tuple[str, ...]]:
    with _cache_lock:
        adjacency = _adjacency_cache.get(dataset)
        if adjacency is None:
            adjacency = _adjacency_cache[dataset] = tambon_adjacency(tambons)
    return adjacency


def problem_from_scenario(scenario: Scenario, villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame
                          ) -> planning.Problem:
    """The Problem a scenario was planned under: its waves, roster, pilot tambons and locked villages."""
    settings = scenario.settings
    return build_problem(
        villages, tambons, dataset=scenario.dataset, waves=settings.waves, roster=settings.roster,
        pilot_tambons=settings.pilot_tambons,
        locks={code: scenario.assignment[code] for code in scenario.locked if code in scenario.assignment})


def scenario_from_result(name: str, problem: planning.Problem, result: planning.PlanResult, *,
                         dataset: str = EMBEDDED_DATASET, author: str = "optimiser") -> Scenario:
    """An unsaved Scenario (version 0) holding an optimised plan."""
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    return Scenario(
        name=name, version=0, dataset=dataset, settings=planning.PlanSettings.of_problem(problem),
        metrics=metrics_to_json(result.metrics), assignment=dict(result.assignment),
        locked=frozenset(problem.locks), reasons=dict(result.reasons), created_at=stamp, updated_at=stamp,
        updated_by=author)


def default_scenario(villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame, *,
                     dataset: str = EMBEDDED_DATASET, waves: Iterable[planning.Wave] | None = None,
                     adjacency: Mapping[str, Iterable[str]] | None = None) -> Scenario:
    """The optimised default plan: the default waves (2549: 400, 2550: 600, 2551: the rest) or ``waves``;
    estimated roster; no pilot.

    Computed once per data set and process; `dataset` names the data set (a new name for new content), and the
    waves must be the same on every call for one data set.
    """
    with _cache_lock:
        cached = _default_cache.get(dataset)
    if cached is not None:
        return cached
    problem = build_problem(villages, tambons, dataset=dataset, waves=waves, adjacency=adjacency)
    scenario = scenario_from_result(DEFAULT_SCENARIO_NAME, problem, planning.plan(problem), dataset=dataset)
    with _cache_lock:
        _default_cache[dataset] = scenario
    return scenario
