"""Stage 2 (M2): with the load limit of stage 1 fixed, split as few tambons across waves as possible.

A tambon is split when its villages fall in more than one wave. Tambons locked to two waves are split whatever
we do; every other tambon with unlocked villages can be kept whole in a wave if the district has room there.
Keeping tambons whole is a packing problem per district, coupled only through the wave sizes:

1. Bound. For each district alone, the most tambons that fit whole into its per-wave room (a greedy packing
   when everything fits, else a small exact integer program). The sum is an upper bound on whole tambons for
   the province, so a lower bound on splits.
2. Construction. Pack every district that way (aiming at the province's pace), let the villages of the tambons
   left over absorb what they can, then move whole tambons between waves until every wave has exactly its
   size. If that succeeds the bound is met and the plan is proven optimal without branching.
3. Otherwise one integer program over "tambon t whole in wave w" (binary) and district counts, strengthened
   by the per-district bounds, is solved by HiGHS to a zero gap; anything short of HiGHS' "optimal" raises
   SolverError.

Tambons left over fill the gaps their district has in each wave; a left-over tambon that ends up in one wave is
simply whole, so the count of split tambons is exactly the optimum.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from planning.aggregate import Aggregates
from planning.errors import SolverError
from planning.highs import MipModel


@dataclass(frozen=True)
class SplitPlan:
    """Stage-2 result: ``x[t, w]`` unlocked villages of tambon t in wave w, the split count and how it was proven
    (``district_bound``: the construction met the sum of per-district bounds; ``mip``: HiGHS proved it)."""

    x: np.ndarray
    splits: int
    proof: str
    seconds: float


@dataclass
class _Tambons:
    """Which tambons the packing decides and which waves each may be whole in."""

    allowed: dict[int, tuple[int, ...]]  # decided tambon -> waves it may be whole in
    always_split: list[int]  # tambons split by locks or too big for any wave's room
    by_district: dict[int, list[int]]


def min_split_plan(agg: Aggregates, room: np.ndarray) -> SplitPlan:
    """Tambon counts per wave that split the fewest tambons within ``room`` (unlocked villages per district and
    wave, from stage 1), proven optimal."""
    started = time.perf_counter()
    tambons = _classify(agg, room)
    best = {d: _max_whole(agg, tambons, d, room[d]) for d in sorted(tambons.by_district)}
    bound_whole = sum(len(packed) for packed in best.values())
    fixed = _construct(agg, tambons, best, room)
    proof = "district_bound"
    if fixed is None:
        fixed = _solve_mip(agg, tambons, best, room)
        proof = "mip"
    whole, counts = fixed
    x = _deal_leftovers(agg, tambons, whole, counts)
    splits = _count_splits(agg, x)
    if proof == "district_bound" and splits != _n_tambons(agg) - _always_whole(agg, tambons) - bound_whole:
        raise SolverError("internal: the constructed plan does not meet the district bound; please report")
    return SplitPlan(x=x, splits=splits, proof=proof, seconds=time.perf_counter() - started)


def _n_tambons(agg: Aggregates) -> int:
    return len(agg.tambons)


def _always_whole(agg: Aggregates, tambons: _Tambons) -> int:
    return _n_tambons(agg) - len(tambons.allowed) - len(tambons.always_split)


def _count_splits(agg: Aggregates, x: np.ndarray) -> int:
    return int((((x + agg.t_locked) > 0).sum(axis=1) > 1).sum())


def _classify(agg: Aggregates, room: np.ndarray) -> _Tambons:
    allowed: dict[int, tuple[int, ...]] = {}
    always_split: list[int] = []
    by_district: dict[int, list[int]] = {}
    open_waves = tuple(int(w) for w in np.flatnonzero(agg.demand > 0))
    for t in range(len(agg.tambons)):
        lock_waves = tuple(int(w) for w in np.flatnonzero(agg.t_locked[t]))
        u = int(agg.t_unlocked[t])
        if len(lock_waves) > 1:
            always_split.append(t)
            continue
        if u == 0:
            continue
        d = int(agg.t_district[t])
        waves = tuple(w for w in (lock_waves or open_waves) if u <= room[d, w])
        if waves:
            allowed[t] = waves
            by_district.setdefault(d, []).append(t)
        else:
            always_split.append(t)
    return _Tambons(allowed=allowed, always_split=always_split, by_district=by_district)


def _pack(agg: Aggregates, items: list[int], allowed: dict[int, tuple[int, ...]], room: np.ndarray,
          target: np.ndarray | None) -> dict[int, int] | None:
    """Greedy packing of every item, largest first; None if one does not fit.

    With ``target`` each tambon goes where its district lags the target most (pace), else best fit."""
    left = [int(r) for r in room]
    filled = [0] * len(left)
    order = sorted(items, key=lambda t: (len(allowed[t]) > 1, -int(agg.t_unlocked[t]), agg.tambons[t]))
    placed: dict[int, int] = {}
    for t in order:
        u = int(agg.t_unlocked[t])
        fits = [w for w in allowed[t] if left[w] >= u]
        if not fits:
            return None
        if target is None:
            w = min(fits, key=lambda w: (left[w] - u, w))
        else:
            w = max(fits, key=lambda w: (target[w] - filled[w], -w))
        placed[t] = w
        left[w] -= u
        filled[w] += u
    return placed


def _max_whole(agg: Aggregates, tambons: _Tambons, d: int, room: np.ndarray) -> dict[int, int]:
    """The most tambons of district d that fit whole into its room, each with its wave (exact)."""
    items = tambons.by_district[d]
    target = agg.unlocked[d] * agg.demand / max(int(agg.demand.sum()), 1)
    for guide in (target, None):
        packed = _pack(agg, items, tambons.allowed, room, guide)
        if packed is not None:
            return packed
    model = MipModel()
    var: dict[tuple[int, int], int] = {}
    for t in items:
        var.update({(t, w): model.add_var(0, 1, cost=1.0) for w in tambons.allowed[t]})
        model.add_row([var[t, w] for w in tambons.allowed[t]], [1.0] * len(tambons.allowed[t]), hi=1)
    for w in range(agg.n_waves):
        keys = [(t, w) for t in items if (t, w) in var]
        if keys:
            model.add_row([var[k] for k in keys], [float(agg.t_unlocked[k[0]]) for k in keys], hi=room[w])
    solution = model.solve(maximize=True)
    if solution.status != "optimal" or solution.values is None:
        raise SolverError(f"HiGHS stopped with status {solution.status} while bounding the tambon splits of "
                          f"district {agg.districts[d]}; no plan is returned unproven")
    return {t: w for (t, w), i in var.items() if solution.values[i] > 0.5}


def _construct(agg: Aggregates, tambons: _Tambons, best: dict[int, dict[int, int]],
               room: np.ndarray) -> tuple[dict[int, int], np.ndarray] | None:
    """Whole tambons and district counts meeting every per-district bound and every wave size, or None."""
    n_d, n_w = room.shape
    whole: dict[int, int] = {}
    held = np.zeros((n_d, n_w), dtype=np.int64)  # unlocked villages of whole tambons
    for d, packed in best.items():
        whole.update(packed)
        for t, w in packed.items():
            held[d, w] += agg.t_unlocked[t]
    counts = held.copy()
    total = max(int(agg.demand.sum()), 1)
    for d in range(n_d):
        spare = int(agg.unlocked[d] - held[d].sum())
        target = agg.unlocked[d] * agg.demand / total
        for w in sorted(range(n_w), key=lambda w: (counts[d, w] - target[w], w)):
            give = min(spare, int(room[d, w] - counts[d, w]), max(int(np.ceil(target[w] - counts[d, w])), 0))
            counts[d, w] += give
            spare -= give
        for w in range(n_w):
            give = min(spare, int(room[d, w] - counts[d, w]))
            counts[d, w] += give
            spare -= give
        if spare:
            return None
    if not _balance_waves(agg, tambons, whole, held, counts, room):
        return None
    return whole, counts


def _balance_waves(agg: Aggregates, tambons: _Tambons, whole: dict[int, int], held: np.ndarray,
                   counts: np.ndarray, room: np.ndarray) -> bool:
    """Move left-over villages, then whole tambons, from waves over their size to waves under it (in place)."""
    n_w = agg.n_waves
    excess = [int(e) for e in counts.sum(axis=0) - agg.demand]
    flexible = [d for d in range(len(agg.districts)) if (counts[d] > held[d]).any()]
    by_wave: dict[int, list[int]] = {w: [] for w in range(n_w)}
    for t, w in sorted(whole.items(), key=lambda item: (-int(agg.t_unlocked[item[0]]), agg.tambons[item[0]])):
        by_wave[w].append(t)
    while any(excess):
        moved = False
        pairs = sorted(((a, b) for a in range(n_w) for b in range(n_w) if excess[a] > 0 > excess[b]),
                       key=lambda p: (-min(excess[p[0]], -excess[p[1]]), p))
        for a, b in pairs:
            need = min(excess[a], -excess[b])
            for d in flexible:
                step = min(need, int(counts[d, a] - held[d, a]), int(room[d, b] - counts[d, b]))
                if step > 0:
                    counts[d, a] -= step
                    counts[d, b] += step
                    need -= step
                    excess[a] -= step
                    excess[b] += step
                    moved = True
            if need == 0:
                break
            t = _movable(agg, tambons.allowed, by_wave[a], b, need, counts, room)
            if t is not None:
                u, d = int(agg.t_unlocked[t]), int(agg.t_district[t])
                by_wave[a].remove(t)
                by_wave[b].append(t)
                by_wave[b].sort(key=lambda s: (-int(agg.t_unlocked[s]), agg.tambons[s]))
                whole[t] = b
                for delta, w in ((-u, a), (u, b)):
                    held[d, w] += delta
                    counts[d, w] += delta
                excess[a] -= u
                excess[b] += u
                moved = True
                break
        if not moved:
            return False
    return True


def _movable(agg: Aggregates, allowed: dict[int, tuple[int, ...]], candidates: list[int], to: int, most: int,
             counts: np.ndarray, room: np.ndarray) -> int | None:
    """The largest whole tambon (of at most ``most`` unlocked villages) that may move to wave ``to``."""
    for t in candidates:  # largest first
        u = int(agg.t_unlocked[t])
        d = int(agg.t_district[t])
        if u <= most and to in allowed[t] and counts[d, to] + u <= room[d, to]:
            return t
    return None


def _solve_mip(agg: Aggregates, tambons: _Tambons, best: dict[int, dict[int, int]],
               room: np.ndarray) -> tuple[dict[int, int], np.ndarray]:
    model = MipModel()
    n_d, n_w = room.shape
    whole_var: dict[tuple[int, int], int] = {}
    for t in sorted(tambons.allowed):
        waves = tambons.allowed[t]
        whole_var.update({(t, w): model.add_var(0, 1, cost=1.0) for w in waves})
        model.add_row([whole_var[t, w] for w in waves], [1.0] * len(waves), hi=1)
    count_var = {(d, w): model.add_var(0, max(int(room[d, w]), 0)) for d in range(n_d) for w in range(n_w)}
    for d in range(n_d):
        items = tambons.by_district.get(d, [])
        for w in range(n_w):
            keys = [(t, w) for t in items if (t, w) in whole_var]
            model.add_row([whole_var[k] for k in keys] + [count_var[d, w]],
                          [float(agg.t_unlocked[k[0]]) for k in keys] + [-1.0], hi=0)
        model.add_row([count_var[d, w] for w in range(n_w)], [1.0] * n_w,
                      lo=agg.unlocked[d], hi=agg.unlocked[d])
        if items:
            keys = [(t, w) for t in items for w in tambons.allowed[t]]
            model.add_row([whole_var[k] for k in keys], [1.0] * len(keys), hi=len(best[d]))
    for w in range(n_w):
        model.add_row([count_var[d, w] for d in range(n_d)], [1.0] * n_d, lo=agg.demand[w], hi=agg.demand[w])
    solution = model.solve(maximize=True)
    if solution.status != "optimal" or solution.values is None:
        raise SolverError(f"HiGHS stopped with status {solution.status} while minimising split tambons; "
                          f"no plan is returned unproven")
    values = solution.values
    whole = {t: w for (t, w), i in whole_var.items() if values[i] > 0.5}
    counts = np.array([[round(values[count_var[d, w]]) for w in range(n_w)] for d in range(n_d)],
                      dtype=np.int64)
    return whole, counts


def _deal_leftovers(agg: Aggregates, tambons: _Tambons, whole: dict[int, int],
                    counts: np.ndarray) -> np.ndarray:
    """Unlocked villages per (tambon, wave): whole tambons in their wave, the others filling their district's
    gaps, nearest to the seeds first into the earliest wave."""
    x = np.zeros((len(agg.tambons), agg.n_waves), dtype=np.int64)
    gaps = counts.copy()
    for t, w in whole.items():
        x[t, w] = agg.t_unlocked[t]
        gaps[agg.t_district[t], w] -= agg.t_unlocked[t]
    rest = [t for t in range(len(agg.tambons)) if t not in whole and agg.t_unlocked[t] > 0]
    for t in sorted(rest, key=lambda t: (int(agg.t_hops[t]), agg.tambons[t])):
        d, left = int(agg.t_district[t]), int(agg.t_unlocked[t])
        for w in range(agg.n_waves):
            take = min(left, int(gaps[d, w]))
            x[t, w] += take
            gaps[d, w] -= take
            left -= take
        if left:
            raise SolverError("internal: district counts do not add up while dealing villages; please report")
    return x
