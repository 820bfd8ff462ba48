"""Stage 3 (M3): among plans with the optimal load and split count, prefer outward spread and even pace.

M3 = ``spread_cost + pace_weight * pace_gap`` (definitions in planning.metrics). With stages 1 and 2 fixed
(district room from the optimal load limit; the tambons split by stage 2 are the only ones split), each whole
tambon picks a wave and each split tambon a count per wave. A deterministic local search (planning.local_search)
improves stage 2's plan: it re-deals every district's tambons over three waves at a time, balancing the
districts' changes so that every wave keeps its size. It never makes M3 worse than stage 2's plan.

``spread_status`` in the metrics says what was reached:

- ``local_optimum``: no step of the search lowers M3 any more (best for that neighbourhood, not proven best);
- ``local_search``: the round budget (``max_rounds``) ran out while steps still lowered M3;
- ``off``: no seed tambon and pace weight 0, nothing to prefer.

``fewest_moves`` does the same for ``reoptimise``: it first maximises the villages that keep the wave the
current plan gave them (HiGHS, proven optimal, or SolverError), then runs the search, which never lowers that
count (tambons may trade which of them keeps its wave).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from planning.aggregate import Aggregates
from planning.errors import SolverError
from planning.highs import MipModel
from planning.local_search import DEFAULT_MAX_ROUNDS, SearchResult, local_search


@dataclass(frozen=True)
class SpreadPlan:
    """Stage-3 result: ``x[t, w]`` unlocked villages per (tambon, wave), how M3 was reached, and the number of
    villages kept from the current plan (``reoptimise`` only)."""

    x: np.ndarray
    status: str
    seconds: float
    kept: int = 0


def improve_spread(agg: Aggregates, room: np.ndarray, start: np.ndarray, pace_weight: float,
                   max_rounds: int = DEFAULT_MAX_ROUNDS) -> SpreadPlan:
    """Lower M3 from stage 2's plan ``start``, keeping the load limit (``room``) and its split tambons."""
    started = time.perf_counter()
    if not _has_objective(agg, pace_weight):
        return SpreadPlan(x=start, status="off", seconds=0.0)
    found = local_search(agg, room, start, pace_weight, max_rounds=max_rounds)
    return SpreadPlan(x=found.x, status=_status(found), seconds=time.perf_counter() - started)


def fewest_moves(agg: Aggregates, room: np.ndarray, start: np.ndarray, current: np.ndarray, pace_weight: float,
                 max_rounds: int = DEFAULT_MAX_ROUNDS) -> SpreadPlan:
    """Keep as many unlocked villages as possible where ``current[t, w]`` put them (proven), then lower M3
    keeping that many.

    ``start`` is any plan with the optimal load and split count (from stage 2)."""
    started = time.perf_counter()
    x, kept = _most_kept(agg, room, start, current)
    status = "off"
    if _has_objective(agg, pace_weight):
        found = local_search(agg, room, x, pace_weight, current=current, max_rounds=max_rounds)
        x, status = found.x, _status(found)
    return SpreadPlan(x=x, status=status, seconds=time.perf_counter() - started, kept=kept)


def _most_kept(agg: Aggregates, room: np.ndarray, start: np.ndarray, current: np.ndarray) -> tuple[np.ndarray, int]:
    """A plan with the optimal load and split count keeping the most villages of ``current``, and that number,
    proven by HiGHS (``start`` when no village can be kept at all)."""
    built = _build(agg, room, start, current)
    if not built.keep:
        return start, 0
    built.model.set_cost(dict.fromkeys(built.keep.values(), 1.0))
    solution = built.model.solve(maximize=True, start=_start_vector(built, start, current))
    if solution.status != "optimal" or solution.values is None:
        raise SolverError(f"HiGHS stopped with status {solution.status} while minimising moved villages; "
                          f"no plan is returned unproven")
    return _read_x(built, agg, solution.values), round(solution.objective)


def _status(found: SearchResult) -> str:
    return "local_optimum" if found.converged else "local_search"


def _has_objective(agg: Aggregates, pace_weight: float) -> bool:
    return bool(agg.t_hops.any()) or pace_weight > 0


@dataclass
class _KeepModel:
    """The program that keeps the most villages of the current plan, and where its variables sit.

    ``x[(t, w)] = (var, scale)``: tambon t has ``scale * value(var)`` unlocked villages in wave w. Tambons whole
    in the stage-2 plan stay whole (a binary per allowed wave, scale = their size); the others get an integer
    count per wave (scale 1). ``keep[(t, w)]``: villages of t that stay in wave w, at most ``current[t, w]``.
    """

    model: MipModel
    x: dict[tuple[int, int], tuple[int, int]]
    keep: dict[tuple[int, int], int]


def _build(agg: Aggregates, room: np.ndarray, start: np.ndarray, current: np.ndarray) -> _KeepModel:
    model = MipModel()
    n_t, n_w = start.shape
    open_waves = [w for w in range(n_w) if agg.demand[w] > 0]
    whole_in_start = _whole_tambons(agg, start)
    x: dict[tuple[int, int], tuple[int, int]] = {}
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
    keep: dict[tuple[int, int], int] = {}
    for (t, w), (var, scale) in x.items():
        if current[t, w] > 0:
            keep[t, w] = model.add_var(0, int(current[t, w]))
            model.add_row([keep[t, w], var], [1.0, -float(scale)], hi=0)
    return _KeepModel(model=model, x=x, keep=keep)


def _whole_tambons(agg: Aggregates, x: np.ndarray) -> set[int]:
    """Tambons with unlocked villages and at most one locked wave that sit wholly in one wave of ``x``."""
    waves_used = ((x + agg.t_locked) > 0).sum(axis=1)
    decided = (agg.t_unlocked > 0) & ((agg.t_locked > 0).sum(axis=1) <= 1)
    return {int(t) for t in np.flatnonzero(decided & (waves_used == 1))}


def _start_vector(built: _KeepModel, x: np.ndarray, current: np.ndarray) -> np.ndarray:
    """A full solution vector for HiGHS from tambon counts, the kept villages derived."""
    values = np.zeros(built.model.n_vars)
    for (t, w), (var, scale) in built.x.items():
        values[var] = x[t, w] / scale
    for (t, w), var in built.keep.items():
        values[var] = min(x[t, w], current[t, w])
    return values


def _read_x(built: _KeepModel, agg: Aggregates, values: np.ndarray) -> np.ndarray:
    x = np.zeros((len(agg.tambons), agg.n_waves), dtype=np.int64)
    for (t, w), (var, scale) in built.x.items():
        x[t, w] = round(values[var]) * scale
    return x
