"""Properties of every plan on random small instances (hypothesis), and optimality checked, not assumed:
the engine's M1 and M2 against a brute force (tiny instances) and a plain integer program (larger ones)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from planning import (
    InfeasiblePlanError,
    locks_respected,
    plan,
    reoptimise,
    validate_plan,
)
from tests.planning.engine_helpers import brute_force_m1_m2, plain_mip_m1_m2, problems

FAST = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def plan_or_none(problem):
    try:
        return plan(problem)
    except InfeasiblePlanError:
        return None


@FAST
@given(problems())
def test_m1_and_m2_equal_the_brute_force_optimum(problem):
    result = plan_or_none(problem)
    expected = brute_force_m1_m2(problem)
    found = None if result is None else (Fraction(*result.metrics.max_load_fraction),
                                         result.metrics.split_tambons)
    assert found == expected


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(problems(max_tambons=12, max_size=6, max_waves=4))
def test_m1_and_m2_equal_a_plain_integer_program_on_larger_instances(problem):
    result = plan_or_none(problem)
    expected = plain_mip_m1_m2(problem)
    if result is None or expected is None:
        assert result is None and expected is None
        return
    assert result.metrics.max_load == pytest.approx(expected[0], abs=1e-6)
    assert result.metrics.split_tambons == expected[1]


@FAST
@given(problems(max_tambons=8, max_size=5))
def test_every_plan_passes_every_named_check(problem):
    result = plan_or_none(problem)
    assume(result is not None)
    assert validate_plan(problem, result.assignment) == ()


@FAST
@given(problems(max_tambons=8, max_size=5))
def test_plans_are_deterministic(problem):
    first = plan_or_none(problem)
    assume(first is not None)
    assert plan(problem).assignment == first.assignment


@FAST
@given(problems(max_tambons=8, max_size=5), st.randoms(use_true_random=False))
def test_reoptimise_keeps_locks_and_matches_plan_m1_m2(problem, random):
    best = plan_or_none(problem)
    assume(best is not None)
    current = {v: random.choice(problem.labels) for v in problem.villages if random.random() < 0.7}
    result = reoptimise(problem, current)
    assert locks_respected(problem, result.assignment)
    assert validate_plan(problem, result.assignment) == ()
    assert (result.metrics.max_load, result.metrics.split_tambons) == (best.metrics.max_load,
                                                                      best.metrics.split_tambons)


@FAST
@given(problems(max_tambons=8, max_size=5))
def test_reoptimise_moves_nothing_from_an_optimal_plan(problem):
    best = plan_or_none(problem)
    assume(best is not None)
    assert reoptimise(problem, best.assignment).moved == {}
