"""Small builders shared by the planning engine's tests: instances written as {tambon: (district, villages)}."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from fractions import Fraction

from planning import Problem, Roster, Wave, make_problem


def villages_of(tambons: Mapping[str, tuple[str, int]]) -> dict[str, str]:
    """Village codes tambon + two digits (moo), e.g. tambon 'a1' with 2 villages -> 'a101', 'a102'."""
    return {f"{t}{i:02d}": t for t, (_, n) in tambons.items() for i in range(1, n + 1)}


def instance(tambons: Mapping[str, tuple[str, int]], teams: Mapping[str, int], capacity: int,
             waves: tuple[Wave, ...], **options) -> Problem:
    """A Problem from tambon sizes, teams per district and waves (other make_problem options pass through)."""
    return make_problem(villages_of(tambons), {t: d for t, (d, _) in tambons.items()}, waves=waves,
                        roster=Roster(teams=dict(teams), capacity=capacity, estimated=False), **options)


def brute_force_m1_m2(problem: Problem) -> tuple[Fraction, int] | None:
    """Lexicographic (largest load, split tambons) over every split of every tambon's unlocked villages.

    Independent of the engine: enumerates (tambon, wave) counts, keeps those meeting wave sizes and the hard
    cap, and returns the best pair, or None when nothing is feasible. Only for tiny instances.
    """
    labels = problem.labels
    tambons = sorted(set(problem.villages.values()))
    locked = {t: [0] * len(labels) for t in tambons}
    size = dict.fromkeys(tambons, 0)
    for v, t in problem.villages.items():
        size[t] += 1
        if v in problem.locks:
            locked[t][labels.index(problem.locks[v])] += 1
    options = [list(_compositions(size[t] - sum(locked[t]), len(labels))) for t in tambons]
    teams, cap = problem.roster.teams, problem.roster.capacity
    best = None
    for choice in itertools.product(*options):
        counts = {d: [0] * len(labels) for d in teams}
        per_wave = [0] * len(labels)
        splits = 0
        for t, free in zip(tambons, choice, strict=True):
            full = [a + b for a, b in zip(free, locked[t], strict=True)]
            splits += sum(1 for n in full if n) > 1
            row = counts[problem.tambon_districts[t]]
            for w, n in enumerate(full):
                row[w] += n
                per_wave[w] += n
        if per_wave != [problem.wave_sizes[label] for label in labels]:
            continue
        if any(n > cap * teams[d] for d, row in counts.items() for n in row):
            continue
        value = (max(Fraction(n, teams[d]) for d, row in counts.items() for n in row), splits)
        best = value if best is None or value < best else best
    return best


def _compositions(total: int, parts: int):
    if parts == 1:
        yield (total,)
        return
    for first in range(total + 1):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)


def plain_mip_m1_m2(problem: Problem) -> tuple[float, int] | None:
    """M1 then M2 as one plain integer program each over (tambon, wave) counts, straight from the definitions
    (the textbook model the engine's decomposition must agree with). None when infeasible."""
    import highspy
    import numpy as np

    labels, teams, cap = problem.labels, problem.roster.teams, problem.roster.capacity
    tambons = sorted(set(problem.villages.values()))
    size = dict.fromkeys(tambons, 0)
    locked = {(t, w): 0 for t in tambons for w in labels}
    for v, t in problem.villages.items():
        size[t] += 1
        if v in problem.locks:
            locked[t, problem.locks[v]] += 1

    def solve(load_limit: float | None) -> float | None:
        h = highspy.Highs()
        h.setOptionValue("output_flag", False)
        h.setOptionValue("mip_rel_gap", 0.0)
        n = {(t, w): h.addVariable(locked[t, w], size[t], type=highspy.HighsVarType.kInteger)
             for t in tambons for w in labels}
        used = {(t, w): h.addBinary() for t in tambons for w in labels}
        split = {t: h.addBinary() for t in tambons}
        z = h.addVariable(0, cap)
        for t in tambons:
            h.addConstr(sum(n[t, w] for w in labels) == size[t])
            h.addConstr(sum(used[t, w] for w in labels) - 1 <= (len(labels) - 1) * split[t])
            for w in labels:
                h.addConstr(n[t, w] <= size[t] * used[t, w])
        for w in labels:
            h.addConstr(sum(n[t, w] for t in tambons) == problem.wave_sizes[w])
        for d, f in teams.items():
            for w in labels:
                load = sum(n[t, w] for t in tambons if problem.tambon_districts[t] == d)
                h.addConstr(load <= f * (cap if load_limit is None else np.floor(load_limit * f + 1e-9)))
                if load_limit is None:
                    h.addConstr(load <= f * z)
        h.minimize(z if load_limit is None else sum(split.values()))
        if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return h.getInfo().objective_function_value

    m1 = solve(None)
    if m1 is None:
        return None
    m2 = solve(m1)
    return m1, round(m2)
