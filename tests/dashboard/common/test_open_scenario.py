"""The plan shown is the plan being edited: every page shows the scenario open in the session (AppTest).

A fresh visit opens the province's official plan, else the scenario saved last; a planner marks the official
plan in the Plan page's sidebar, and its history says who did it and when.
"""

from __future__ import annotations

import pytest

import store.scenarios
from dashboard.common.database import get_database
from dashboard.plan.editing import MAIN_SCENARIO
from tests.dashboard.conftest import as_new_visit, open_app

COVERAGE, EXPORT, PLAN = "coverage/page.py", "export/page.py", "plan/page.py"


def run(at):
    at.run()
    assert not at.exception, at.exception
    return at


def on_page(at, page: str):
    at.switch_page(page)
    return run(at)


def texts(at) -> str:
    parts = [e.value for kind in (at.markdown, at.caption, at.success, at.warning, at.info, at.error) for e in kind]
    return "\n".join(str(p) for p in parts)


def save_copy(name: str, author: str = "ทดสอบ") -> store.Scenario:
    """A copy of the main scenario (saved by the Plan page's first visit) under `name`."""
    return get_database().duplicate_scenario(MAIN_SCENARIO, name, author=author)


@pytest.fixture
def clock(monkeypatch):
    """Saves stamped one minute apart, in order (the store's timestamps have whole seconds)."""
    minutes = iter(range(10, 60))
    monkeypatch.setattr(store.scenarios, "now_utc", lambda: f"2026-11-30T03:{next(minutes):02d}:00+00:00")


def test_coverage_and_export_show_the_scenario_edited_on_the_plan_page_at_its_current_version(clock):
    at = open_app("en")
    save_copy("ทางเลือก ข")
    at.text_input(key="plan_new_name").input("ทางเลือก ค")
    at.button(key="plan_save_as").click()
    run(at)
    at.multiselect(key="plan_pick_tambon").set_value(["800106"])
    at.button(key="plan_pick_add").click()
    run(at)
    at.button(key="plan_pilot").click()
    run(at)
    at.button(key="plan_apply").click()
    run(at)
    assert get_database().open_scenario("ทางเลือก ค").version == 2
    for page, key in ((COVERAGE, "cov_scenario"), (EXPORT, "exp_scenario")):
        on_page(at, page)
        assert at.selectbox(key=key).value == "ทางเลือก ค"
        assert "Shown: **ทางเลือก ค**, version 2" in texts(at)
    on_page(at, COVERAGE)
    assert at.metric[0].label == "Covered by the end of 2548 (pilot)"  # the pilots applied on the Plan page


def test_a_scenario_chosen_on_coverage_opens_on_export_and_on_the_plan_page(clock):
    at = open_app("en")
    save_copy("ทางเลือก ข")
    on_page(at, COVERAGE).selectbox(key="cov_scenario").set_value("ทางเลือก ข")
    run(at)
    assert "Shown: **ทางเลือก ข**, version 1" in texts(at)
    assert on_page(at, EXPORT).selectbox(key="exp_scenario").value == "ทางเลือก ข"
    on_page(at, PLAN)
    assert at.selectbox(key="plan_scenario_pick").value == "ทางเลือก ข"
    assert at.query_params["scenario"] == "ทางเลือก ข"


def test_a_first_visit_opens_the_scenario_saved_last_when_there_is_no_official_plan(clock):
    open_app("en")
    save_copy("ทางเลือก ข")
    save_copy("ทางเลือก ก")  # saved after ข: the most recent, although first by name
    at = as_new_visit(open_app("en"))
    on_page(at, COVERAGE)
    assert at.selectbox(key="cov_scenario").value == "ทางเลือก ก"
    assert "No official plan yet" in texts(at)


def test_a_first_visit_opens_the_official_plan_and_says_who_marked_it_and_when(clock):
    open_app("en")
    official = save_copy("แผนอนุมัติ")
    get_database().mark_official("แผนอนุมัติ", author="ผู้ว่าฯ", expected_version=official.version)
    save_copy("ทางเลือก ล่าสุด")  # saved later, but the official plan comes first
    for page, key in ((COVERAGE, "cov_scenario"), (EXPORT, "exp_scenario")):
        at = on_page(as_new_visit(open_app("en")), page)
        assert at.selectbox(key=key).value == "แผนอนุมัติ"
        assert "The province's official plan: marked by ผู้ว่าฯ on 30 Nov 2569 10:" in texts(at)
        assert "แผนอนุมัติ (official plan)" in at.selectbox(key=key).options
    at = open_app("en")  # the Plan page's first visit opens it too
    assert at.selectbox(key="plan_scenario_pick").value == "แผนอนุมัติ"


def test_another_scenario_shown_names_the_official_plan():
    at = open_app("en")
    official = save_copy("แผนอนุมัติ")
    get_database().mark_official("แผนอนุมัติ", author="ผู้ว่าฯ", expected_version=official.version)
    on_page(at, COVERAGE)
    assert at.selectbox(key="cov_scenario").value == MAIN_SCENARIO  # the one open in this session
    assert 'The province\'s official plan is "แผนอนุมัติ"' in texts(at)


def test_marking_the_official_plan_in_the_sidebar_is_recorded_in_its_history_in_words():
    at = open_app("th", user="นายวางแผน")  # the change is recorded with the logged-in planner's name
    at.button(key="plan_mark_official").click()
    run(at)
    assert get_database().open_scenario(MAIN_SCENARIO).official
    assert "ตั้ง แผนหลัก ฉบับที่ 1 เป็นแผนทางการของจังหวัดแล้ว" in texts(at)
    assert "เป็นแผนทางการของจังหวัด: ตั้งโดย นายวางแผน เมื่อ" in texts(at)
    at.session_state["plan_panel"] = "history"
    run(at)
    history = next(frame.value for frame in at.dataframe if "การแก้ไข" in frame.value.columns)
    latest = history.iloc[0]
    assert (latest["การแก้ไข"], latest["ผู้แก้ไข"], latest["ฉบับที่"]) == ("ตั้งเป็นแผนทางการของจังหวัด", "นายวางแผน", 1)
    assert latest["เมื่อ"].endswith(tuple("0123456789")) and " 25" in latest["เมื่อ"]  # a B.E. date and time


def test_a_new_official_plan_replaces_the_old_one_and_both_histories_say_so():
    at = open_app("en")
    get_database().mark_official(MAIN_SCENARIO, author="ก่อน", expected_version=1)
    save_copy("ทางเลือก ข")
    on_page(at, COVERAGE).selectbox(key="cov_scenario").set_value("ทางเลือก ข")
    run(at)
    on_page(at, PLAN)
    at.button(key="plan_mark_official").click()
    run(at)
    assert not get_database().open_scenario(MAIN_SCENARIO).official
    assert get_database().open_scenario("ทางเลือก ข").official
    at.session_state["plan_scenario_pick"] = MAIN_SCENARIO
    at.session_state["plan_panel"] = "history"
    on_page(at, PLAN).selectbox(key="plan_scenario_pick").set_value(MAIN_SCENARIO)
    run(at)
    history = next(frame.value for frame in at.dataframe if "Change" in frame.value.columns)
    assert history.iloc[0]["Change"] == "no longer the official plan"
    assert history.iloc[0]["Detail"] == "the official plan is now ทางเลือก ข"


def test_an_approval_asks_for_the_version_the_planner_saw():
    at = open_app("en")
    get_database().duplicate_scenario(MAIN_SCENARIO, "x", author="อื่น")  # unrelated save
    main = get_database().open_scenario(MAIN_SCENARIO)
    get_database().save_scenario(MAIN_SCENARIO, assignment=main.assignment, settings=main.settings,
                              expected_version=1, author="อีกคน")  # another planner saves version 2
    at.button(key="plan_mark_official").click()
    run(at)
    assert not get_database().open_scenario(MAIN_SCENARIO).official
    assert "อีกคน saved \"แผนหลัก\" as version 2" in texts(at)


def test_a_scenario_deleted_since_it_was_opened_falls_back_with_a_message():
    at = open_app("en")
    save_copy("ชั่วคราว")
    on_page(at, COVERAGE).selectbox(key="cov_scenario").set_value("ชั่วคราว")
    run(at)
    get_database().delete_scenario("ชั่วคราว")
    on_page(at, EXPORT)
    assert 'There is no scenario "ชั่วคราว" any more; showing "แผนหลัก" instead' in texts(at)
    assert at.selectbox(key="exp_scenario").value == MAIN_SCENARIO
