"""Metrics of a plan, for the optimiser's result and for any assignment a planner makes by hand.

The three objectives, in priority order:

- ``max_load`` (M1): the largest number of villages per team over all districts and waves,
  ``villages of district d in wave w / teams of d``.
- ``split_tambons`` (M2): tambons whose villages fall in more than one wave (KM teams work a tambon at a time).
- ``spread_objective`` (M3) = ``spread_cost + pace_weight * pace_gap``, where

  * ``spread_cost`` = sum over villages of ``hops(tambon) x position(wave)``: hops from the nearest seed tambon
    (the pilots), position 0 for the first wave, 1 for the next... Given the wave sizes, it is smallest when the
    villages nearest the pilots come first and the rollout grows outward ring by ring. Unit: village-hops.
  * ``pace_gap`` = sum over districts d and waves w before the last of
    ``| villages of d in waves up to w  -  villages of d x province share up to w |``, where the province share
    up to w is the wave sizes up to w over all villages. It is 0 when every district moves at the province's
    pace. Unit: villages.
  * ``mean_hops`` (label -> average hops of that wave's villages) reads the spread at a glance.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from planning.checks import validate_plan
from planning.problem import Problem


@dataclass(frozen=True)
class PlanMetrics:
    """Measures of one assignment (see the module docstring for definitions).

    ``status`` is ``optimal`` only when M1 and M2 were proven optimal by ``plan``/``reoptimise``; ``evaluated``
    for metrics of a given assignment. ``spread_status`` says how M3 was reached: ``local_optimum`` (the local
    search can lower it no further), ``local_search`` (its round budget ran out first), ``off`` (no seed and no
    pace weight) or ``not_solved`` (an evaluated assignment).
    ``proof`` names how M2 was proven (``district_bound`` or ``mip``). Counts and loads cover assigned villages
    of the problem only; ``unassigned`` counts the villages without a wave.
    """

    wave_sizes: dict[str, int]
    counts: dict[str, dict[str, int]]
    load: dict[str, dict[str, float]]
    max_load: float
    max_load_fraction: tuple[int, int]
    split_tambons: int
    split_tambon_codes: tuple[str, ...]
    spread_cost: float
    pace_gap: float
    spread_objective: float
    mean_hops: dict[str, float]
    unassigned: int
    failed_checks: tuple[str, ...]
    status: str = "evaluated"
    spread_status: str = "not_solved"
    proof: str = ""
    moved: int = 0
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)


def evaluate(problem: Problem, assignment: Mapping[str, str]) -> PlanMetrics:
    """Metrics of any assignment (village -> wave label), partial or invalid, without solving (a few ms)."""
    started = time.perf_counter()
    labels = problem.labels
    position = {label: i for i, label in enumerate(labels)}
    last = len(labels) - 1
    teams = problem.roster.teams
    counts = {d: dict.fromkeys(labels, 0) for d in problem.districts}
    tambon_waves: dict[str, set[str]] = {}
    hop_sum: Counter[str] = Counter()
    spread_cost = 0
    for village, label in assignment.items():
        tambon = problem.villages.get(village)
        if tambon is None or label not in position:
            continue
        counts[problem.tambon_districts[tambon]][label] += 1
        tambon_waves.setdefault(tambon, set()).add(label)
        hops = problem.hops.get(tambon, 0)
        hop_sum[label] += hops
        spread_cost += hops * (last - position[label])
    wave_sizes = {label: sum(row[label] for row in counts.values()) for label in labels}
    load = {d: {label: n / teams[d] for label, n in row.items()} for d, row in counts.items()}
    worst = max((Fraction(n, teams[d]) for d, row in counts.items() for n in row.values()), default=Fraction(0))
    split = tuple(sorted(t for t, waves in tambon_waves.items() if len(waves) > 1))
    pace_gap = _pace_gap(problem, counts)
    return PlanMetrics(
        wave_sizes=wave_sizes, counts=counts, load=load, max_load=float(worst),
        max_load_fraction=(worst.numerator, worst.denominator), split_tambons=len(split),
        split_tambon_codes=split, spread_cost=float(spread_cost), pace_gap=pace_gap,
        spread_objective=spread_cost + problem.pace_weight * pace_gap,
        mean_hops={label: hop_sum[label] / n for label, n in wave_sizes.items() if n},
        unassigned=sum(1 for v in problem.villages if v not in assignment),
        failed_checks=validate_plan(problem, assignment), seconds=time.perf_counter() - started)


def _pace_gap(problem: Problem, counts: dict[str, dict[str, int]]) -> float:
    total = len(problem.villages)
    district_villages = Counter(problem.village_districts.values())
    gap = 0.0
    done = 0
    for label in problem.labels[:-1]:
        done += problem.wave_sizes[label]
        share = done / total
        for d, row in counts.items():
            row_done = sum(row[w] for w in problem.labels[: problem.labels.index(label) + 1])
            gap += abs(row_done - district_villages[d] * share)
    return gap
