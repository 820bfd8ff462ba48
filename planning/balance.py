"""Stage 1 (M1): the smallest possible largest team load, proven by a combinatorial search.

Which villages of a district go to which wave does not matter for loads, so M1 is a bottleneck transportation
problem: districts supply their unlocked villages, waves demand what their locks leave open, and the arc from
district d to wave w carries at most ``min(C * F[d], floor(t * F[d])) - locked[d, w]`` villages for a load
limit t. A limit t is feasible iff that transportation problem saturates every supply, which by the max-flow /
min-cut theorem (Gale's condition) holds iff for every set S of waves

    sum over d of min(unlocked[d], sum over w in S of arc[d, w])  >=  sum over w in S of demand[w].

The optimal t is n / F[d] for some district d and whole number n, so a binary search over the sorted distinct
fractions k / F (exact ``Fraction`` arithmetic, no floats) finds it and proves it: t* is feasible and the
candidate just below it is not. With few waves the subset test is a handful of numpy sums.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction

import numpy as np

from planning.aggregate import Aggregates
from planning.errors import Fact, InfeasiblePlanError, InvalidInputError
from planning.problem import Problem

MAX_OPEN_WAVES = 12  # waves that still take unlocked villages; 2**12 subsets keep the test instant


def wave_caps(agg: Aggregates, limit: Fraction | None) -> np.ndarray:
    """Villages each district may hold in each wave under load ``limit`` (None: only the hard cap C * F)."""
    hard = agg.capacity * agg.teams
    if limit is not None:
        hard = np.minimum(hard, (limit.numerator * agg.teams) // limit.denominator)
    return np.repeat(hard[:, None], agg.n_waves, axis=1)


def open_caps(agg: Aggregates, caps: np.ndarray) -> np.ndarray:
    """Room for unlocked villages per (district, wave): the cap minus the locks, at most the wave's demand."""
    return np.minimum(caps - agg.locked, agg.demand[None, :])


def violated_wave_set(agg: Aggregates, caps: np.ndarray) -> tuple[int, ...] | None:
    """The first set of waves (by size, then order) breaking Gale's condition, () if locks exceed a cap,
    None if the caps admit a plan."""
    room = open_caps(agg, caps)
    if (room < 0).any():
        return ()
    open_waves = [w for w in range(agg.n_waves) if agg.demand[w] > 0]
    if len(open_waves) > MAX_OPEN_WAVES:
        raise InvalidInputError(Fact(
            "too_many_waves", {"n": len(open_waves), "most": MAX_OPEN_WAVES},
            f"{len(open_waves)} waves take unlocked villages; the planner supports at most {MAX_OPEN_WAVES}: "
            "merge waves or lock some of them"))
    subsets = [s for k in range(1, len(open_waves) + 1) for s in itertools.combinations(open_waves, k)]
    if not subsets:
        return None if agg.unlocked.sum() == 0 else ()
    masks = np.zeros((agg.n_waves, len(subsets)), dtype=np.int64)
    for j, subset in enumerate(subsets):
        masks[list(subset), j] = 1
    reach = np.minimum(agg.unlocked[:, None], room @ masks).sum(axis=0)
    short = np.flatnonzero(reach < agg.demand @ masks)
    return subsets[short[0]] if len(short) else None


def min_max_load(problem: Problem, agg: Aggregates) -> Fraction:
    """The proven minimum of the largest load (villages per team) over districts and waves.

    Raises InfeasiblePlanError naming the district or waves at fault when even the hard cap C admits no plan.
    """
    if violated_wave_set(agg, wave_caps(agg, None)) is not None:
        raise InfeasiblePlanError(diagnose(problem, agg))
    candidates = sorted({Fraction(k, f) for f in set(agg.teams.tolist())
                         for k in range(agg.capacity * f + 1)})
    low, high = 0, len(candidates) - 1  # candidates[high] = C is feasible
    while low < high:
        middle = (low + high) // 2
        if violated_wave_set(agg, wave_caps(agg, candidates[middle])) is None:
            high = middle
        else:
            low = middle + 1
    return candidates[low]


def diagnose(problem: Problem, agg: Aggregates) -> list[Fact]:
    """Why no plan fits the hard caps, most specific first: facts with the numbers, and in English the fix."""
    caps = wave_caps(agg, None)
    c = agg.capacity
    facts = []
    for d, w in zip(*np.nonzero(agg.locked > caps), strict=True):
        f, locked = int(agg.teams[d]), int(agg.locked[d, w])
        district = problem.district_label(agg.districts[d])
        values = {"district": district, "locked": locked, "wave": agg.labels[w], "teams": f, "capacity": c,
                  "limit": f * c, "teams_needed": math.ceil(locked / c), "capacity_needed": math.ceil(locked / f)}
        facts.append(Fact(
            "district_locked_over_capacity", values,
            f"district {district} has {locked} villages locked to wave {agg.labels[w]} but {f} teams x {c} "
            f"villages = {f * c}; add teams (needs {values['teams_needed']}), raise C to "
            f"{values['capacity_needed']} or unlock some"))
    if facts:
        return facts
    room = open_caps(agg, caps)
    for d in np.flatnonzero(agg.unlocked > room.sum(axis=1)):
        f, n, locked = int(agg.teams[d]), int(agg.villages[d]), int(agg.locked[d].sum())
        sizes = agg.demand + agg.locked.sum(axis=0)
        waves = [w for w in range(agg.n_waves) if sizes[w] > 0]
        capacity = f * c * len(waves)
        lost = capacity - int(room[d, waves].sum()) - locked
        teams_needed = next(k for k in range(f, n + 1) if agg.unlocked[d] <= _room_with_teams(agg, d, k))
        district = problem.district_label(agg.districts[d])
        facts.append(Fact(
            "district_over_capacity",
            {"district": district, "n": n, "locked": locked, "teams": f, "capacity": c, "waves": len(waves),
             "total": capacity, "lost": lost, "teams_needed": teams_needed},
            f"district {district} has {n} villages"
            + (f" ({locked} locked)" if locked else "")
            + f" but {f} teams x {c} villages x {len(waves)} waves = {capacity} capacity"
            + (f" minus {lost} slots in waves too small to use them (wave size less villages locked elsewhere)"
               if lost else "")
            + f"; add teams (needs {teams_needed}) or raise C"))
    if facts:
        return facts
    subset = violated_wave_set(agg, caps)
    waves = list(subset or ())
    need = int(agg.demand[waves].sum())
    reach = int(np.minimum(agg.unlocked, room[:, waves].sum(axis=1)).sum())
    names = " and ".join(agg.labels[w] for w in waves)
    return [Fact(
        "waves_short" if len(waves) > 1 else "wave_short",
        {"waves": tuple(agg.labels[w] for w in waves), "need": need, "reach": reach, "capacity": c},
        f"wave{'s' if len(waves) > 1 else ''} {names} need{'' if len(waves) > 1 else 's'} {need} "
        f"unlocked villages but the districts' teams can take at most {reach} there ({c} villages per team "
        f"and wave); add teams or raise C")]


def _room_with_teams(agg: Aggregates, d: int, teams: int) -> int:
    hard = agg.capacity * teams
    return int(np.minimum(hard - agg.locked[d], agg.demand).clip(min=0).sum())
