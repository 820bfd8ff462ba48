"""Stage 3 (M3): among plans with the optimal load and split count, prefer outward spread and even pace.

M3 = ``spread_cost + pace_weight * pace_gap`` (definitions in planning.metrics). With stages 1 and 2 fixed
(district room from the optimal load limit; the tambons split by stage 2 are the only ones allowed to split),
this is an assignment problem: each whole tambon picks one wave, split tambons pick a count per wave. HiGHS
solves it from the stage-2 plan for a fixed number of branch-and-bound nodes, not seconds, so the result does
not depend on the machine's speed.

``spread_status`` in the metrics says what was reached:

- ``optimal_given_splits``: proven best among plans that split the same tambons as stage 2 (other plans with
  the same number of splits but different split tambons are not searched, so M3 as a whole is a heuristic);
- ``heuristic``: the node budget ran out first; the best plan found, never worse than stage 2's;
- ``heuristic (time limit)``: a wall-clock safety limit hit (machine-dependent; should not happen);
- ``skipped``: more than MAX_TAMBONS tambons (a nation, not a province): stage 2's pace-aware plan is kept;
- ``off``: no seed tambon and pace weight 0, nothing to prefer.

``fewest_moves`` is the same program for ``reoptimise``: it first maximises the villages that keep the wave the
current plan gave them (proven optimal, or SolverError), then spends the node budget on M3 with that fixed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from planning.aggregate import Aggregates
from planning.errors import SolverError
from planning.highs import MipModel

DEFAULT_NODE_BUDGET = 50
SAFETY_SECONDS = 60.0
MAX_TAMBONS = 2000  # beyond this (a nation, not a province) the root of the program alone takes tens of seconds


@dataclass(frozen=True)
class SpreadPlan:
    """Stage-3 result: ``x[t, w]`` unlocked villages per (tambon, wave), how M3 was reached, and the number of
    villages kept from the current plan (``reoptimise`` only)."""

    x: np.ndarray
    status: str
    seconds: float
    kept: int = 0


@dataclass
class _Model:
    """The stage-3 program and where its variables sit.

    ``x[(t, w)] = (var, scale)``: tambon t has ``scale * value(var)`` unlocked villages in wave w. Tambons whole
    in the stage-2 plan stay whole (a binary per allowed wave, scale = their size); the others get an integer
    count per wave (scale 1). Fixing which tambons may split keeps M2 and makes the program an assignment
    problem, which HiGHS handles far better than "at least K whole tambons".
    """

    model: MipModel
    x: dict[tuple[int, int], tuple[int, int]]
    pace: dict[int, tuple[float, list[tuple[int, int]]]]  # deviation var -> (target, (t, w) summed)
    keep: dict[tuple[int, int], int]
    objective: dict[int, float]


def improve_spread(agg: Aggregates, room: np.ndarray, start: np.ndarray, pace_weight: float,
                   node_budget: int = DEFAULT_NODE_BUDGET) -> SpreadPlan:
    """Best M3 within the budget, keeping the load limit (``room``) and the split count of ``start``."""
    started = time.perf_counter()
    if not _has_objective(agg, pace_weight):
        return SpreadPlan(x=start, status="off", seconds=0.0)
    if len(agg.tambons) > MAX_TAMBONS:
        return SpreadPlan(x=start, status="skipped", seconds=0.0)
    built = _build(agg, room, start, pace_weight, current=None)
    x, status = _run(built, agg, start, None, node_budget)
    return SpreadPlan(x=x, status=status, seconds=time.perf_counter() - started)


def fewest_moves(agg: Aggregates, room: np.ndarray, start: np.ndarray, current: np.ndarray, pace_weight: float,
                 node_budget: int = DEFAULT_NODE_BUDGET) -> SpreadPlan:
    """Keep as many unlocked villages as possible where ``current[t, w]`` put them (proven), then improve M3.

    ``start`` is any plan with the optimal load and split count (from stage 2)."""
    started = time.perf_counter()
    built = _build(agg, room, start, pace_weight, current=current)
    built.model.set_cost(dict.fromkeys(built.keep.values(), 1.0))
    solution = built.model.solve(maximize=True, start=_start_vector(built, start, current))
    if solution.status != "optimal" or solution.values is None:
        raise SolverError(f"HiGHS stopped with status {solution.status} while minimising moved villages; "
                          f"no plan is returned unproven")
    kept = round(solution.objective)
    x = _read_x(built, agg, solution.values)
    status = "off"
    if _has_objective(agg, pace_weight):
        built.model.add_row(list(built.keep.values()), [1.0] * len(built.keep), lo=kept)
        x, status = _run(built, agg, x, current, node_budget)
    return SpreadPlan(x=x, status=status, seconds=time.perf_counter() - started, kept=kept)


def _has_objective(agg: Aggregates, pace_weight: float) -> bool:
    return bool(agg.t_hops.any()) or pace_weight > 0


def _run(built: _Model, agg: Aggregates, start: np.ndarray, current: np.ndarray | None,
         node_budget: int) -> tuple[np.ndarray, str]:
    built.model.set_cost(built.objective)
    solution = built.model.solve(start=_start_vector(built, start, current), node_limit=node_budget,
                                 time_limit=SAFETY_SECONDS)
    if solution.values is None:
        return start, "heuristic"
    status = {"optimal": "optimal_given_splits", "time_limit": "heuristic (time limit)"}.get(solution.status,
                                                                                             "heuristic")
    x = _read_x(built, agg, solution.values)
    if _objective_of(built, x) > _objective_of(built, start) + 1e-6:
        return start, "heuristic"
    return x, status


def _build(agg: Aggregates, room: np.ndarray, start: np.ndarray, pace_weight: float,
           current: np.ndarray | None) -> _Model:
    model = MipModel()
    n_t, n_w = start.shape
    open_waves = [w for w in range(n_w) if agg.demand[w] > 0]
    whole_in_start = _whole_tambons(agg, start)
    x: dict[tuple[int, int], tuple[int, int]] = {}
    objective: dict[int, float] = {}
    by_district: dict[int, list[int]] = {}
    for t in range(n_t):
        u, d = int(agg.t_unlocked[t]), int(agg.t_district[t])
        by_district.setdefault(d, []).append(t)
        if u == 0:
            continue
        lock_waves = [int(w) for w in np.flatnonzero(agg.t_locked[t])]
        if t in whole_in_start:
            waves = [w for w in (lock_waves or open_waves) if u <= room[d, w]]
            for w in waves:
                x[t, w] = (model.add_var(0, 1), u)
        else:
            waves = [w for w in open_waves if room[d, w] > 0]
            for w in waves:
                x[t, w] = (model.add_var(0, min(u, int(room[d, w]))), 1)
        for w in waves:
            var, scale = x[t, w]
            objective[var] = float(agg.t_hops[t] * (n_w - 1 - w) * scale)
        model.add_row([x[t, w][0] for w in waves], [float(x[t, w][1]) for w in waves], lo=u, hi=u)
    for d, ts in sorted(by_district.items()):
        for w in open_waves:
            keys = [(t, w) for t in ts if (t, w) in x]
            if keys:
                model.add_row([x[k][0] for k in keys], [float(x[k][1]) for k in keys], hi=room[d, w])
    for w in open_waves:
        keys = [k for k in x if k[1] == w]
        model.add_row([x[k][0] for k in keys], [float(x[k][1]) for k in keys], lo=agg.demand[w],
                      hi=agg.demand[w])
    pace = _add_pace(model, agg, x, by_district, objective, pace_weight) if pace_weight > 0 else {}
    keep: dict[tuple[int, int], int] = {}
    if current is not None:
        for (t, w), (var, scale) in x.items():
            if current[t, w] > 0:
                keep[t, w] = model.add_var(0, int(current[t, w]))
                model.add_row([keep[t, w], var], [1.0, -float(scale)], hi=0)
    return _Model(model=model, x=x, pace=pace, keep=keep, objective=objective)


def _add_pace(model: MipModel, agg: Aggregates, x: dict[tuple[int, int], tuple[int, int]],
              by_district: dict[int, list[int]], objective: dict[int, float],
              pace_weight: float) -> dict[int, tuple[float, list[tuple[int, int]]]]:
    """Absolute deviation of each district's cumulative count from the province's pace, before the last wave."""
    sizes = agg.demand + agg.locked.sum(axis=0)
    total = int(sizes.sum())
    pace: dict[int, tuple[float, list[tuple[int, int]]]] = {}
    for d, ts in sorted(by_district.items()):
        for j in range(agg.n_waves - 1):
            target = agg.villages[d] * int(sizes[: j + 1].sum()) / total - float(agg.locked[d, : j + 1].sum())
            keys = [(t, w) for t in ts for w in range(j + 1) if (t, w) in x]
            dev = model.add_var(0, np.inf, cost=pace_weight, integer=False)
            objective[dev] = pace_weight
            idx = [x[k][0] for k in keys]
            coef = [float(x[k][1]) for k in keys]
            model.add_row([*idx, dev], [*coef, 1.0], lo=target)
            model.add_row([*idx, dev], [*coef, -1.0], hi=target)
            pace[dev] = (target, keys)
    return pace


def _whole_tambons(agg: Aggregates, x: np.ndarray) -> set[int]:
    """Tambons with unlocked villages and at most one locked wave that sit wholly in one wave of ``x``."""
    waves_used = ((x + agg.t_locked) > 0).sum(axis=1)
    decided = (agg.t_unlocked > 0) & ((agg.t_locked > 0).sum(axis=1) <= 1)
    return {int(t) for t in np.flatnonzero(decided & (waves_used == 1))}


def _start_vector(built: _Model, x: np.ndarray, current: np.ndarray | None) -> np.ndarray:
    """A full solution vector for HiGHS from tambon counts: pace deviations and keeps derived."""
    values = np.zeros(built.model.n_vars)
    for (t, w), (var, scale) in built.x.items():
        values[var] = x[t, w] / scale
    for var, (target, keys) in built.pace.items():
        values[var] = abs(sum(x[k] for k in keys) - target)
    for (t, w), var in built.keep.items():
        values[var] = min(x[t, w], current[t, w]) if current is not None else 0
    return values


def _objective_of(built: _Model, x: np.ndarray) -> float:
    spread = sum(built.objective.get(var, 0.0) * x[key] / scale for key, (var, scale) in built.x.items())
    pace = sum(built.objective[var] * abs(sum(x[k] for k in keys) - target)
               for var, (target, keys) in built.pace.items())
    return spread + pace


def _read_x(built: _Model, agg: Aggregates, values: np.ndarray) -> np.ndarray:
    x = np.zeros((len(agg.tambons), agg.n_waves), dtype=np.int64)
    for (t, w), (var, scale) in built.x.items():
        x[t, w] = round(values[var]) * scale
    return x
