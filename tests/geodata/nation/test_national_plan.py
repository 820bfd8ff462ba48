"""National planning: the default waves and roster, every check passed, and a district that cannot carry its
villages named with its numbers."""

from collections import Counter

import pytest

import planning
from geodata import nation
from geodata.national_plan import build_national_problem

pytestmark = pytest.mark.slow


def test_the_national_plan_meets_the_default_waves_and_passes_every_check(national_plan):
    problem, scenario = national_plan
    assert [(w.label, w.target) for w in problem.waves] == [("2548", None), ("2549", 16_000), ("2550", 24_000),
                                                             ("2551", 35_206)]
    assert nation.nation().waves_are_default and nation.nation().default_waves == problem.waves
    assert problem.roster.estimated and problem.roster.capacity == 10
    assert scenario.dataset == nation.NATIONAL_DATASET and len(scenario.assignment) == 75_206
    assert planning.validate_plan(problem, scenario.assignment) == ()
    assert scenario.metrics["status"] == "optimal"
    assert Counter(scenario.assignment.values()) == {"2549": 16_000, "2550": 24_000, "2551": 35_206}


def test_every_district_carries_its_villages_at_ten_per_team_with_one_team_per_tambon(national_plan):
    problem, _ = national_plan
    villages = Counter(problem.village_districts.values())
    tambons = Counter(problem.tambon_districts[t] for t in set(problem.villages.values()))
    assert problem.roster.teams == dict(tambons)
    assert all(villages[d] <= 3 * 10 * teams for d, teams in problem.roster.teams.items())


def test_a_district_that_cannot_carry_its_villages_is_named_with_its_numbers_and_the_fix(frames):
    villages, tambons = frames[0], frames[1]
    problem = build_national_problem(villages, tambons, capacity=7)
    with pytest.raises(planning.InfeasiblePlanError,
                       match=r"district .*\(6014\) has 24 villages but 1 teams x 7 villages x 3 waves = 21 "
                             r"capacity; add teams \(needs 2\) or raise C"):
        planning.plan(problem)
