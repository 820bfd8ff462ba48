"""Small builders shared by the planning engine's tests: instances written as {tambon: (district, villages)}."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from fractions import Fraction

from hypothesis import assume
from hypothesis import strategies as st

from planning import InfeasiblePlanError, Problem, Roster, Wave, default_roster, make_problem


def villages_of(tambons: Mapping[str, tuple[str, int]]) -> dict[str, str]:
    """Village codes tambon + two digits (moo), e.g. tambon 'a1' with 2 villages -> 'a101', 'a102'."""
    return {f"{t}{i:02d}": t for t, (_, n) in tambons.items() for i in range(1, n + 1)}


def instance(tambons: Mapping[str, tuple[str, int]], teams: Mapping[str, int], capacity: int,
             waves: tuple[Wave, ...], **options) -> Problem:
    """A Problem from tambon sizes, teams per district and waves (other make_problem options pass through)."""
    return make_problem(villages_of(tambons), {t: d for t, (d, _) in tambons.items()}, waves=waves,
                        roster=Roster(teams=dict(teams), capacity=capacity, estimated=False), **options)


@st.composite
def problems(draw, max_tambons: int = 4, max_size: int = 3, max_waves: int = 3):
    """Up to ``max_tambons`` tambons in up to 3 districts, targets that fit, an optional pilot tambon and a
    few locks. Inputs that make_problem rejects (locks over a wave's size) are filtered out."""
    sizes = draw(st.lists(st.tuples(st.integers(0, 2), st.integers(1, max_size)), min_size=1,
                          max_size=max_tambons))
    tambons = {f"t{i}": (f"D{d}", n) for i, (d, n) in enumerate(sizes)}
    districts = sorted({d for d, _ in tambons.values()})
    teams = {d: draw(st.integers(1, 2)) for d in districts}
    capacity = draw(st.integers(1, max_size + 1))
    total = sum(n for _, n in tambons.values())
    pilot = draw(st.sampled_from([None, *tambons])) if len(tambons) > 1 else None
    pilot_size = tambons[pilot][1] if pilot else 0
    n_real = draw(st.integers(2, max_waves - (1 if pilot else 0)))
    left = total - pilot_size
    targets = []
    for _ in range(n_real - 1):
        targets.append(draw(st.integers(0, left)))
        left -= targets[-1]
    waves = ((Wave("P", None),) if pilot else ()) + tuple(Wave(f"W{i}", t) for i, t in enumerate(targets)) \
        + (Wave(f"W{n_real - 1}", None),)
    labels = [w.label for w in waves if w.label != "P"]
    villages = [f"{t}{i:02d}" for t, (_, n) in tambons.items() for i in range(1, n + 1)]
    locks = draw(st.dictionaries(st.sampled_from(villages), st.sampled_from(labels), max_size=2))
    locks = {v: w for v, w in locks.items() if not (pilot and v.startswith(pilot))}
    chain = list(tambons)
    adjacency = {t: tuple(n for n in chain[max(i - 1, 0): i + 2] if n != t) for i, t in enumerate(chain)}
    try:
        return instance(tambons, teams, capacity, waves, locks=locks, adjacency=adjacency,
                        pilot_tambons={pilot} if pilot else set())
    except InfeasiblePlanError:
        assume(False)


def synthetic_country(n_tambons: int) -> Problem:
    """A country-sized instance without geometry: tambon i lies in district 5 i // 37 (7 or 8 tambons each) and
    has 2 to 4 villages (2 + (i * i + i // 5) mod 3), except every hundredth, with 30, too many for its district
    in one wave, so it splits; default roster (one team per tambon, C = 10); waves: an empty pilot wave, 25 %
    and 35 % of the villages, then the rest. No seed: M3 is the pace gap alone."""
    tambons = {f"T{i:05d}": (f"D{5 * i // 37:04d}", 30 if i % 100 == 50 else 2 + (i * i + i // 5) % 3)
               for i in range(n_tambons)}
    villages = villages_of(tambons)
    districts = {t: d for t, (d, _) in tambons.items()}
    total = len(villages)
    waves = (Wave("2548", None), Wave("2549", total // 4), Wave("2550", total * 35 // 100), Wave("2551", None))
    return make_problem(villages, districts, waves=waves, roster=default_roster(villages, districts))


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
