"""The optimiser on instances small enough to solve by hand; each docstring shows the instance and the proof."""

from __future__ import annotations

import pickle
from fractions import Fraction

from planning import Wave, evaluate, plan, reoptimise, validate_plan
from tests.planning.engine_helpers import instance


def two_districts():
    r"""District A: 2 teams, tambons a1 (6 villages) and a2 (6); district B: 1 team, b1 (4) and b2 (2).
    C = 10; waves W1 = 6 villages, W2 = the remaining 12; no pilot.

        A (2 teams)   a1: ●●●●●●   a2: ●●●●●●
        B (1 team)    b1: ●●●●     b2: ●●

    M1. Let x = A's villages in W1; then B has 6 - x in W1 and x in W2, A has 12 - x in W2. The largest load
    is max(x/2, (12 - x)/2, 6 - x, x), smallest at x = 4: loads A 2 and 4, B 2 and 4, so M1 = 4 and only
    x = 4 reaches it. M2. A puts 4 villages in W1 but its tambons have 6 each: one of them is split. B puts
    2 in W1: b2 whole in W1, b1 whole in W2. So M2 = 1.
    """
    return instance({"a1": ("A", 6), "a2": ("A", 6), "b1": ("B", 4), "b2": ("B", 2)}, {"A": 2, "B": 1}, 10,
                    (Wave("W1", 6), Wave("W2", None)))


def pilot_chain():
    r"""A pilot wave and a chain of tambons p1 - p2 - q1 - q2 (adjacency), C = 5, one team per district.

        P (1 team)   p1: ●● (pilot)   p2: ●●●
        Q (1 team)   q1: ●●●          q2: ●●
        waves: 2548 = pilot (2 villages), 2549 = 4, 2550 = the remaining 4

    M1. Let y = P's villages in 2549 (0..3). Loads: P y and 3 - y, Q 4 - y and 1 + y, pilot 2. y = 1 or 2
    give 3; y = 0 or 3 give 4. So M1 = 3. M2. p2 (3 villages) whole needs y = 0 or 3, so p2 is split; Q's
    tambons fit whole either way (q1 in 2549 when y = 1, q2 when y = 2). So M2 = 1.
    M3. Hops from p1: p2 1, q1 2, q2 3. y = 1 puts q1 (nearer) in 2549: spread cost 1 + 3*2 = 7 against
    2 + 2*3 = 8 for y = 2; pace gap 2 against 4. So the plan is y = 1: p2's first village in 2549.
    """
    adjacency = {"p1": ("p2",), "p2": ("p1", "q1"), "q1": ("p2", "q2"), "q2": ("q1",)}
    return instance({"p1": ("P", 2), "p2": ("P", 3), "q1": ("Q", 3), "q2": ("Q", 2)}, {"P": 1, "Q": 1}, 5,
                    (Wave("2548", None), Wave("2549", 4), Wave("2550", None)), pilot_tambons={"p1"},
                    adjacency=adjacency)


def test_two_districts_reach_the_hand_derived_load_and_split():
    metrics = plan(two_districts()).metrics
    assert (Fraction(*metrics.max_load_fraction), metrics.split_tambons) == (Fraction(4), 1)
    assert metrics.status == "optimal"


def test_two_districts_use_the_only_optimal_district_counts():
    counts = plan(two_districts()).metrics.counts
    assert counts == {"A": {"W1": 4, "W2": 8}, "B": {"W1": 2, "W2": 4}}


def test_pilot_chain_reaches_the_hand_derived_load_and_split():
    metrics = plan(pilot_chain()).metrics
    assert (metrics.max_load, metrics.split_tambons, metrics.split_tambon_codes) == (3.0, 1, ("p2",))


def test_pilot_chain_spreads_to_the_nearer_tambon_first():
    assignment = plan(pilot_chain()).assignment
    assert {v: w for v, w in assignment.items() if v[:2] in ("p2", "q1", "q2")} == {
        "p201": "2549", "p202": "2550", "p203": "2550",
        "q101": "2549", "q102": "2549", "q103": "2549", "q201": "2550", "q202": "2550"}


def test_pilot_villages_stay_in_the_pilot_wave_with_reason_pilot():
    result = plan(pilot_chain())
    assert {v: (result.assignment[v], result.reasons[v]) for v in ("p101", "p102")} == {
        "p101": ("2548", "pilot"), "p102": ("2548", "pilot")}


def test_reasons_say_balance_for_split_tambons_and_spread_for_whole_ones():
    reasons = plan(pilot_chain()).reasons
    assert (reasons["p201"], reasons["q101"], reasons["q201"]) == ("balance", "spread", "spread")


def test_spread_measures_match_the_hand_computation():
    metrics = plan(pilot_chain()).metrics
    assert (metrics.spread_cost, metrics.pace_gap) == (7.0, 2.0)


def test_tambon_locked_to_two_waves_counts_as_a_forced_split():
    r"""a1 (4 villages) has a101 locked to W1 and a102 to W2: split whatever happens. a2 (2 villages) fits
    whole in W1 beside a101 (W1 = 3), so a1 is the only split."""
    problem = instance({"a1": ("A", 4), "a2": ("A", 2)}, {"A": 1}, 10, (Wave("W1", 3), Wave("W2", None)),
                       locks={"a101": "W1", "a102": "W2"})
    assert plan(problem).metrics.split_tambon_codes == ("a1",)


def test_reoptimise_keeps_a_plan_that_is_already_optimal_for_load_and_splits():
    r"""y = 2 in pilot_chain (q2 in 2549, q1 in 2550) is as good for M1 and M2 as y = 1; M3 alone must not
    move villages the planner placed."""
    problem = pilot_chain()
    current = {"p101": "2548", "p102": "2548", "p201": "2549", "p202": "2549", "p203": "2550",
               "q101": "2550", "q102": "2550", "q103": "2550", "q201": "2549", "q202": "2549"}
    assert reoptimise(problem, current).moved == {}


def test_reoptimise_moves_the_fewest_villages_to_restore_sizes():
    r"""Everything but the pilot in 2550 (8 villages, size 4): at least 4 villages must move to 2549."""
    problem = pilot_chain()
    current = {v: ("2548" if v.startswith("p1") else "2550") for v in problem.villages}
    result = reoptimise(problem, current)
    assert (len(result.moved), result.metrics.max_load, result.metrics.split_tambons) == (4, 3.0, 1)


def test_reoptimise_reports_old_and_new_wave_of_moved_villages():
    problem = pilot_chain()
    current = {v: ("2548" if v.startswith("p1") else "2550") for v in problem.villages}
    moved = reoptimise(problem, current).moved
    assert all(old == "2550" and new == "2549" for old, new in moved.values())


def test_result_survives_pickling():
    result = plan(pilot_chain())
    assert pickle.loads(pickle.dumps(result)) == result


def test_evaluate_of_the_plan_agrees_with_the_plan_metrics():
    problem = pilot_chain()
    result = plan(problem)
    again = evaluate(problem, result.assignment)
    assert (again.max_load, again.split_tambons, again.spread_objective, validate_plan(problem, result.assignment)) \
        == (result.metrics.max_load, result.metrics.split_tambons, result.metrics.spread_objective, ())
