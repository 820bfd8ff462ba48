"""Stage 3, the spread-and-pace search: hand-solved instances, invariants on random instances (hypothesis),
determinism, and a country-sized instance (more tambons than the old integer program would take on)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from planning import InfeasiblePlanError, Wave, evaluate, plan
from planning.aggregate import Aggregates, aggregate
from planning.balance import min_max_load, open_caps, wave_caps
from planning.local_search import local_search, m3
from planning.splits import SplitPlan, min_split_plan
from planning.spread import fewest_moves, improve_spread
from planning.villages import deal_villages, tambon_counts
from tests.planning.engine_helpers import instance, problems, synthetic_country

FAST = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def stages_one_two(problem) -> tuple[Aggregates, np.ndarray, SplitPlan]:
    """What stage 3 starts from: the counts, the room left by the optimal load, stage 2's plan."""
    agg = aggregate(problem)
    room = open_caps(agg, wave_caps(agg, min_max_load(problem, agg)))
    return agg, room, min_split_plan(agg, room)


def counts_of(agg: Aggregates, waves: dict[str, str]) -> np.ndarray:
    """x[t, w] with every unlocked village of tambon t in the wave ``waves[t]``."""
    x = np.zeros((len(agg.tambons), agg.n_waves), dtype=np.int64)
    for t, label in waves.items():
        i = agg.tambons.index(t)
        x[i, agg.labels.index(label)] = agg.t_unlocked[i]
    return x


def split_tambons(agg: Aggregates, x: np.ndarray) -> set[int]:
    return set(np.flatnonzero(((x + agg.t_locked) > 0).sum(axis=1) > 1).tolist())


def rings():
    r"""Two districts around a pilot tambon p, one team each, C = 5; waves 2548 = pilot, 2549 = 5, 2550 = rest.

                 a2 (A, 2 villages, 2 hops)        b2 (B, 3 villages, 2 hops)
                  |                                  |
                 a1 (A, 3 villages, 1 hop) -- p -- b1 (B, 2 villages, 1 hop)
                                      (A, 2 villages, pilot)

    M1 = 3: if A puts x villages in 2549, B puts 5 - x, so the loads are x and 5 - x in both waves, and x = 2
    or 3 (a2 + b2, or a1 + b1) reach 3, no split. M3: a village in 2549 costs its hops (one wave after it):
    a1 + b1 cost 5 x 1 = 5, a2 + b2 cost 5 x 2 = 10. Pace (province share 2/12 after the pilot, 7/12 after
    2549; A has 7 villages, B 5): a1 + b1 give |2 - 7 x 2/12| + |0 - 5 x 2/12| + |5 - 7 x 7/12| + |2 - 5 x 7/12|
    = 3.5, a2 + b2 give 1.833. So the best M3 is 5 + 3.5 = 8.5, with the nearer ring first. From a2 + b2 in
    2549 neither district can change alone: A must take one village more in 2549 exactly when B takes one less.
    """
    adjacency = {"p": ("a1", "b1"), "a1": ("p", "a2"), "b1": ("p", "b2"), "a2": ("a1",), "b2": ("b1",)}
    return instance({"p": ("A", 2), "a1": ("A", 3), "a2": ("A", 2), "b1": ("B", 2), "b2": ("B", 3)},
                    {"A": 1, "B": 1}, 5, (Wave("2548", None), Wave("2549", 5), Wave("2550", None)),
                    pilot_tambons={"p"}, adjacency=adjacency)


def chain():
    r"""One district, one team, C = 5; a chain p - x - y - z of 2 villages each, p the pilot; waves 2548 = pilot,
    2549 = 2, 2550 = 2, 2551 = rest (2).

        p (pilot) -- x (1 hop) -- y (2 hops) -- z (3 hops)

    With one district the pace gap is always 0. A village costs its hops times the waves after its own: 2 in
    2549, 1 in 2550, 0 in 2551. Best: x, y, z in wave order, 2 x 1 x 2 + 2 x 2 x 1 = 8. Starting from z, x, y
    (12 + 2 + 0 = 14) the three tambons must rotate through all three waves.
    """
    adjacency = {"p": ("x",), "x": ("p", "y"), "y": ("x", "z"), "z": ("y",)}
    return instance({"p": ("D", 2), "x": ("D", 2), "y": ("D", 2), "z": ("D", 2)}, {"D": 1}, 5,
                    (Wave("2548", None), Wave("2549", 2), Wave("2550", 2), Wave("2551", None)),
                    pilot_tambons={"p"}, adjacency=adjacency)


def test_rings_search_balances_two_districts_to_the_hand_derived_best():
    problem = rings()
    agg, room, _ = stages_one_two(problem)
    worst = counts_of(agg, {"a2": "2549", "b2": "2549", "a1": "2550", "b1": "2550"})
    found = local_search(agg, room, worst, problem.pace_weight)
    assert (found.start_objective, found.objective) == (pytest.approx(10 + 11 / 6), pytest.approx(8.5))
    assert (found.x == counts_of(agg, {"a1": "2549", "b1": "2549", "a2": "2550", "b2": "2550"})).all()


def test_rings_plan_reaches_the_hand_derived_best():
    metrics = plan(rings()).metrics
    assert (metrics.max_load, metrics.split_tambons, metrics.spread_objective) == (3.0, 0, pytest.approx(8.5))
    assert metrics.spread_status == "local_optimum"


def test_chain_search_rotates_three_tambons_through_three_waves():
    problem = chain()
    agg, room, _ = stages_one_two(problem)
    found = local_search(agg, room, counts_of(agg, {"z": "2549", "x": "2550", "y": "2551"}), problem.pace_weight)
    assert (found.start_objective, found.objective, found.converged) == (14.0, 8.0, True)
    assert (found.x == counts_of(agg, {"x": "2549", "y": "2550", "z": "2551"})).all()


def test_status_says_local_search_when_the_rounds_run_out():
    problem = chain()
    agg, room, _ = stages_one_two(problem)
    worst = counts_of(agg, {"z": "2549", "x": "2550", "y": "2551"})
    statuses = [improve_spread(agg, room, worst, problem.pace_weight, max_rounds=rounds).status
                for rounds in (1, 2)]
    assert statuses == ["local_search", "local_optimum"]


def test_status_is_off_without_seeds_or_pace():
    problem = instance({"a1": ("A", 2), "b1": ("B", 2)}, {"A": 1, "B": 1}, 5, (Wave("W1", 2), Wave("W2", None)),
                       pace_weight=0)
    assert plan(problem).metrics.spread_status == "off"


def test_m3_of_the_search_is_the_metric_of_the_dealt_plan():
    problem = rings()
    agg, room, split = stages_one_two(problem)
    x = improve_spread(agg, room, split.x, problem.pace_weight).x
    assert m3(agg, x, problem.pace_weight) == pytest.approx(
        evaluate(problem, deal_villages(problem, agg, x)).spread_objective)


@FAST
@given(problems(max_tambons=8, max_size=5, max_waves=4))
def test_search_keeps_sizes_locks_room_and_splits_and_never_raises_m3(problem):
    try:
        agg, room, split = stages_one_two(problem)
    except InfeasiblePlanError:
        assume(False)
    found = local_search(agg, room, split.x, problem.pace_weight)
    x = found.x
    district = np.zeros_like(room)
    np.add.at(district, agg.t_district, x)
    assert (x >= 0).all() and (x.sum(axis=1) == agg.t_unlocked).all() and (x.sum(axis=0) == agg.demand).all()
    assert (district <= room).all()
    assert split_tambons(agg, x) == split_tambons(agg, split.x)
    assert found.objective <= found.start_objective + 1e-9
    assert found.objective == pytest.approx(evaluate(problem, deal_villages(problem, agg, x)).spread_objective)


@FAST
@given(problems(max_tambons=8, max_size=5, max_waves=4))
def test_plan_has_stage_two_load_and_splits_and_no_worse_m3(problem):
    try:
        agg, _, split = stages_one_two(problem)
    except InfeasiblePlanError:
        assume(False)
    start = evaluate(problem, deal_villages(problem, agg, split.x))
    metrics = plan(problem).metrics
    assert (metrics.max_load, metrics.split_tambons, metrics.failed_checks) == (start.max_load,
                                                                                start.split_tambons, ())
    assert metrics.spread_objective <= start.spread_objective + 1e-9


@FAST
@given(problems(max_tambons=8, max_size=5, max_waves=4), st.randoms(use_true_random=False))
def test_reoptimise_search_keeps_the_proven_count_of_kept_villages(problem, random):
    try:
        agg, room, split = stages_one_two(problem)
    except InfeasiblePlanError:
        assume(False)
    current = {v: random.choice(problem.labels) for v in problem.villages if random.random() < 0.7}
    wanted = tambon_counts(problem, agg, current)
    spread = fewest_moves(agg, room, split.x, wanted, problem.pace_weight)
    assert int(np.minimum(spread.x, wanted).sum()) == spread.kept


def test_same_input_gives_the_same_plan():
    problem = synthetic_country(300)
    agg, room, split = stages_one_two(problem)
    first, second = (local_search(agg, room, split.x, problem.pace_weight) for _ in range(2))
    assert (first.x == second.x).all() and first.objective == second.objective
    assert plan(problem).assignment == plan(problem).assignment


def test_country_sized_instance_gets_the_search_and_improves():
    problem = synthetic_country(2500)
    agg, _, split = stages_one_two(problem)
    assert len(agg.tambons) > 2000
    start = m3(agg, split.x, problem.pace_weight)
    metrics = plan(problem).metrics
    assert metrics.spread_status in ("local_optimum", "local_search")
    assert metrics.spread_objective < 0.9 * start
