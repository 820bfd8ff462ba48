"""Issue 10: every file picker says how large a file may be, and free-text inputs are limited (geodata.limits)."""

import pytest

from geodata import limits
from tests.dashboard.conftest import first_run, open_app


def captions(at) -> list[str]:
    return [c.value for c in at.caption]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_data_page_states_the_village_list_and_boundary_limits(lang):
    at = open_app(lang)
    at.switch_page("data_page/page.py")
    at.run()
    assert not at.exception, at.exception
    shown = captions(at)
    assert limits.VILLAGE_LIST.caption(lang) in shown and limits.BOUNDARIES.caption(lang) in shown


def test_the_limits_read_the_same_numbers_in_thai_and_english():
    assert limits.VILLAGE_LIST.caption("en") == "Files up to 5 MB and 10,000 rows."
    assert limits.VILLAGE_LIST.caption("th") == "ไฟล์ขนาดไม่เกิน 5 เมกะไบต์ และไม่เกิน 10,000 แถว"
    assert limits.BOUNDARIES.caption("en") == "Files up to 20 MB and 5,000 features."


@pytest.mark.parametrize(("panel", "limit"), [("roster", limits.ROSTER), ("locations", limits.CORRECTIONS)])
def test_the_plan_page_states_the_roster_and_corrections_limits(panel, limit):
    at = open_app("en")
    at.radio(key="plan_panel").set_value(panel)
    at.run()
    assert not at.exception, at.exception
    assert any(limit.caption("en") in caption for caption in captions(at))


def test_the_progress_import_states_its_limit():
    at = open_app("en")
    at.switch_page("coverage/page.py")
    at.session_state["cov_tab"] = "Six-step progress"
    at.run()
    assert not at.exception, at.exception
    assert limits.PROGRESS.caption("en") in captions(at)


def test_free_text_inputs_are_limited_to_the_text_limits():
    """20,000 characters were stored; the store's service layer enforces the same constants."""
    login = first_run("en")
    assert login.text_input(key="access_user").max_chars == limits.NAME_MAX_CHARS
    at = open_app("en")
    assert at.text_input(key="plan_new_name").max_chars == limits.NAME_MAX_CHARS
