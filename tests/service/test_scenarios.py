"""Scenarios through the service: typed settings on the way out, JSON on the way in, a malformed saved document
refused once with the scenario's name, and saving a computed plan under a name."""

from __future__ import annotations

import dataclasses

import pytest

from planning import PlanSettings
from service import SavedSettingsError, ScenarioConflictError, ScenarioExistsError, ServiceError
from tests.service.plans import SCENARIO, SETTINGS, save_plan


def test_a_saved_plan_comes_back_with_typed_settings(people):
    saved = save_plan(people.work("planner"))
    opened = people.work("executive").open_scenario(SCENARIO)
    assert isinstance(opened.settings, PlanSettings) and opened.settings == SETTINGS == saved.settings
    assert people.db.open_scenario(SCENARIO).settings == SETTINGS.to_json(), "stored as the JSON document"


def test_settings_the_planner_cannot_read_are_refused_naming_the_scenario(people):
    people.db.save_scenario("เก่า", assignment={"80010101": "2549"}, settings={"capacity": 10},
                            expected_version=None, author="first store")
    with pytest.raises(SavedSettingsError, match="saved settings of scenario 'เก่า' cannot be read .*'waves'"):
        people.work("planner").open_scenario("เก่า")


def test_a_save_from_an_old_version_is_refused(people):
    planner = people.work("planner")
    first = save_plan(planner)
    planner.save_scenario(SCENARIO, assignment=first.assignment, settings=SETTINGS, expected_version=1)
    with pytest.raises(ScenarioConflictError, match="changed by planner"):
        planner.save_scenario(SCENARIO, assignment=first.assignment, settings=SETTINGS, expected_version=1)


def test_saving_a_plan_under_a_taken_name_needs_replace(people):
    planner = people.work("planner")
    plan = save_plan(planner)
    changed = dataclasses.replace(plan, assignment={**plan.assignment, "80010102": "2550"})
    with pytest.raises(ScenarioExistsError):
        planner.save_plan_as(SCENARIO, changed)
    replaced = planner.save_plan_as(SCENARIO, changed, replace=True)
    assert replaced.version == 2 and replaced.assignment["80010102"] == "2550"
    assert planner.save_plan_as("ใหม่", changed).version == 1


def test_names_and_reasons_longer_than_the_limits_are_refused(people):
    planner = people.work("planner")
    with pytest.raises(ServiceError, match="at most 100"):
        save_plan(planner, "ก" * 101)
    assert people.db.scenario_names() == []
