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
from geodata import provinces, schema
from geodata.adjacency import tambon_adjacency
from geodata.scenario import Scenario

#: Name under which the optimised default plan is shown (it is not saved unless a planner saves it).
DEFAULT_SCENARIO_NAME = "แผนตั้งต้น (ค่าเริ่มต้น)"
EMBEDDED_DATASET = "embedded"
#: The data-set name of the whole country (``geodata.nation``), distinct from every province's.
NATIONAL_DATASET = "nation"

_cache_lock = threading.Lock()
#: Caches keyed by (data-set name, province code of the frames or ""), so two provinces never share an entry
#: even when a caller names both data sets alike.
_default_cache: dict[tuple[str, str], Scenario] = {}
_adjacency_cache: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}


def dataset_name(province: str | None = None) -> str:
    """The name under which plans of this province's data set are saved: ``embedded`` for the default province
    (the name saved scenarios already carry), ``province-CODE`` for any other (GeodataError for an unknown
    code)."""
    code = provinces.province(province).code
    return EMBEDDED_DATASET if code == provinces.DEFAULT_PROVINCE else f"province-{code}"


def metrics_to_json(metrics: planning.PlanMetrics) -> dict:
    """The metrics as plain JSON values (tuples become lists)."""
    return dataclasses.asdict(metrics)


def build_problem(villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame, *, dataset: str | None = None,
                  waves: Iterable[planning.Wave] | None = None, roster: planning.Roster | None = None,
                  pilot_tambons: Iterable[str] = (), locks: Mapping[str, str] | None = None,
                  tambon_locks: Mapping[str, str] | None = None,
                  adjacency: Mapping[str, Iterable[str]] | None = None) -> planning.Problem:
    """A planning Problem for the villages and tambons in use.

    The frames' province (``geodata.provinces.province_code_of``) gives the defaults: ``waves`` its default waves
    from the registry, ``dataset`` its data-set name (``dataset_name``). Frames of several provinces (the
    nation) get the engine's neutral waves unless ``waves`` is given. The tambon adjacency is computed once per
    data set, province and process, unless ``adjacency`` gives it (the nation's is cached on disk with the
    nation, ``geodata.nation.national_adjacency``).
    """
    province = provinces.province_code_of(tambons)
    if waves is None and province is not None:
        waves = provinces.default_waves(province)
    if adjacency is None:
        adjacency = _adjacency_for(_cache_key(dataset, province), tambons)
    district_names = dict(zip(tambons[schema.AMPHOE_CODE], tambons[schema.AMPHOE_TH], strict=True))
    return planning.make_problem(
        dict(zip(villages[schema.VILLAGE_CODE], villages[schema.TAMBON_CODE], strict=True)),
        dict(zip(tambons[schema.TAMBON_CODE], tambons[schema.AMPHOE_CODE], strict=True)),
        waves=None if waves is None else tuple(waves), roster=roster, pilot_tambons=pilot_tambons,
        locks=locks, tambon_locks=tambon_locks, adjacency=adjacency, district_names=district_names)


def _cache_key(dataset: str | None, province: str | None) -> tuple[str, str]:
    """(data-set name, province code): the name defaults to the province's data-set name."""
    if dataset is None:
        dataset = dataset_name(province)
    return dataset, province or ""


def _adjacency_for(key: tuple[str, str], tambons: gpd.GeoDataFrame) -> dict[str, tuple[str, ...]]:
    with _cache_lock:
        adjacency = _adjacency_cache.get(key)
        if adjacency is None:
            adjacency = _adjacency_cache[key] = tambon_adjacency(tambons)
    return adjacency


def problem_from_scenario(scenario: Scenario, villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame
                          ) -> planning.Problem:
    """The Problem a scenario was planned under: its waves, roster, pilot tambons and locked villages."""
    settings = scenario.settings
    return build_problem(
        villages, tambons, dataset=scenario.dataset, waves=settings.waves, roster=settings.roster,
        pilot_tambons=settings.pilot_tambons,
        locks={code: scenario.assignment[code] for code in scenario.locked if code in scenario.assignment})


def province_of(problem: planning.Problem) -> str:
    """The province a problem's villages belong to: a registered code when they are all of one province, else
    ``provinces.NATION`` (a national plan)."""
    codes = {code[:2] for code in problem.villages}
    if len(codes) == 1 and next(iter(codes)) in {p.code for p in provinces.provinces()}:
        return codes.pop()
    return provinces.NATION


def dataset_of(problem: planning.Problem) -> str:
    """The data-set name of a problem's villages: their province's (``dataset_name``) when they are all of one
    registered province, else the nation's."""
    province = province_of(problem)
    return NATIONAL_DATASET if province == provinces.NATION else dataset_name(province)


def scenario_from_result(name: str, problem: planning.Problem, result: planning.PlanResult, *,
                         dataset: str | None = None, author: str = "optimiser") -> Scenario:
    """An unsaved Scenario (version 0) holding an optimised plan; ``dataset`` defaults to the problem's
    (``dataset_of``), so a plan saved from any province names its data set. The scenario and its settings
    record the province planned (``province_of``: a code, or ``provinces.NATION``)."""
    dataset = dataset_of(problem) if dataset is None else dataset
    province = province_of(problem)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    return Scenario(
        name=name, version=0, dataset=dataset, settings=planning.PlanSettings.of_problem(problem, province),
        metrics=metrics_to_json(result.metrics), assignment=dict(result.assignment),
        locked=frozenset(problem.locks), reasons=dict(result.reasons), created_at=stamp, updated_at=stamp,
        updated_by=author, province=province)


def default_scenario(villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame, *,
                     dataset: str | None = None, waves: Iterable[planning.Wave] | None = None,
                     adjacency: Mapping[str, Iterable[str]] | None = None) -> Scenario:
    """The optimised default plan: the province's default waves from the registry (``waves`` replaces them);
    estimated roster; no pilot.

    Computed once per data set, province and process; `dataset` names the data set (default: the province's
    data-set name; a new name for new content), and the waves must be the same on every call for one data set.
    """
    key = _cache_key(dataset, provinces.province_code_of(tambons))
    with _cache_lock:
        cached = _default_cache.get(key)
    if cached is not None:
        return cached
    problem = build_problem(villages, tambons, dataset=key[0], waves=waves, adjacency=adjacency)
    scenario = scenario_from_result(DEFAULT_SCENARIO_NAME, problem, planning.plan(problem), dataset=key[0])
    with _cache_lock:
        _default_cache[key] = scenario
    return scenario
