"""The bridge between the planning engine and scenarios, on the embedded province."""

import json
import pickle

import pytest

import geodata
import planning
from geodata.plans import (
    DEFAULT_SCENARIO_NAME,
    default_scenario,
    problem_from_scenario,
    scenario_from_result,
)


@pytest.fixture(scope="module")
def frames():
    return geodata.load_villages(), geodata.load_tambons()


@pytest.fixture(scope="module")
def scenario(frames):
    return default_scenario(*frames)


def test_default_scenario_covers_every_village_in_400_600_553(scenario, frames):
    villages, _ = frames
    assert scenario.name == DEFAULT_SCENARIO_NAME and scenario.version == 0
    assert set(scenario.assignment) == set(villages["village_code"])
    sizes = {label: list(scenario.assignment.values()).count(label) for label in ("2549", "2550", "2551")}
    assert sizes == {"2549": 400, "2550": 600, "2551": 553}
    assert scenario.metrics["status"] == "optimal"
    assert scenario.locked == frozenset()


def test_default_roster_is_marked_estimated(scenario):
    roster = scenario.settings.roster
    assert roster.estimated is True and roster.capacity == 10
    assert sum(roster.teams.values()) == 165, "one team per tambon with villages"


def test_scenario_settings_and_metrics_are_plain_json(scenario):
    document = scenario.settings.to_json()
    assert planning.parse_settings(json.loads(json.dumps(document))) == scenario.settings
    assert json.loads(json.dumps(scenario.metrics))["wave_sizes"]["2549"] == 400
    assert pickle.loads(pickle.dumps(scenario)) == scenario


def test_settings_round_trip_to_the_engine(scenario, frames):
    problem = problem_from_scenario(scenario, *frames)
    assert scenario.settings.waves == problem.waves
    assert scenario.settings.roster == problem.roster
    assert planning.validate_plan(problem, scenario.assignment) == ()


def test_locked_villages_of_a_scenario_become_locks(scenario, frames):
    code = sorted(scenario.assignment)[0]
    other = "2551" if scenario.assignment[code] != "2551" else "2550"
    edited = type(scenario)(**{**scenario.__dict__, "assignment": {**scenario.assignment, code: other},
                               "locked": frozenset({code})})
    problem = problem_from_scenario(edited, *frames)
    assert problem.locks == {code: other}
    assert planning.plan(problem).assignment[code] == other


def test_a_plan_records_its_province_and_a_plan_of_several_provinces_the_nation(scenario):
    assert scenario.province == "80" and scenario.settings.province == "80"
    problem = planning.make_problem({"85010101": "850101", "85010102": "850101", "34010101": "340101"},
                                    {"850101": "8501", "340101": "3401"}, waves=planning.waves_from_targets((2, 1)))
    national = scenario_from_result("ทั้งประเทศ", problem, planning.plan(problem))
    assert national.province == "nation" and national.settings.province == "nation"
    assert national.dataset == "nation"
