"""Logging in on the app, and each role's pages (AppTest): nothing of the plan before a login, each role sees only
its pages and controls, a forged request from a page is refused by the service and changes nothing, admins manage
accounts on the Users page, and logging out ends the session in the database."""

from __future__ import annotations

from unittest import mock

import pytest

from dashboard.common.database import get_database
from tests.dashboard.conftest import PASSWORD, ensure_user, first_run, log_in, open_app

TITLES = {"plan": "Village rollout plan · Nakhon Si Thammarat", "coverage": "Rollout coverage · Nakhon Si Thammarat",
          "users": "User accounts"}
ROLE_ACCOUNTS = {"planner": ("planner", None), "district": ("district", "8001"), "executive": ("executive", None),
                 "admin": ("admin", None)}


def as_role(role: str, lang: str = "en"):
    roles, amphoe = ROLE_ACCOUNTS[role]
    return open_app(lang, user=f"{role}_user", roles=(roles,), amphoe=amphoe)


def test_nothing_of_the_plan_shows_before_a_login():
    at = first_run("en")
    assert [t.value for t in at.title] == ["Log in to the KM rollout planner"]
    assert not at.dataframe and not at.metric and not at.table and not at.selectbox
    at.switch_page("plan/page.py")  # an address typed before logging in shows the login form, nothing else
    at.run()
    assert [t.value for t in at.title] == ["Log in to the KM rollout planner"] and not at.dataframe


def test_a_wrong_password_is_refused_with_a_message_and_no_page():
    ensure_user()
    at = log_in(first_run("th"), password="not the password")
    assert "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" in at.error[0].value
    assert [t.value for t in at.title] == ["เข้าสู่ระบบวางแผนขยายผลการจัดการความรู้"]


@pytest.mark.parametrize(("role", "home", "forbidden"), [
    ("planner", "plan", ("access/admin_page.py",)),
    ("district", "coverage", ("plan/page.py", "access/admin_page.py")),
    ("executive", "coverage", ("plan/page.py", "access/admin_page.py")),
    ("admin", "users", ("plan/page.py", "coverage/page.py", "export/page.py")),
])
def test_each_role_opens_on_its_page_and_cannot_reach_the_others(role, home, forbidden):
    at = as_role(role)
    assert at.title[0].value == TITLES[home]
    for page in forbidden:  # not in the navigation at all (an address typed for it opens the home page)
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page)


def test_the_sidebar_names_the_logged_in_user_and_logging_out_ends_the_session():
    at = as_role("district")
    assert "district_user" in at.sidebar.caption[0].value and "amphoe 8001" in at.sidebar.caption[0].value
    token = at.session_state["access_token"]
    at.button(key="access_log_out").click().run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Log in to the KM rollout planner"
    assert get_database().lookup_session(__import__("service").logins.token_digest(token)) is None


def test_an_executive_reads_progress_but_gets_no_way_to_record_it():
    at = as_role("executive")
    at.switch_page("coverage/page.py")
    at.session_state["cov_tab"] = "Six-step progress"
    at.run()
    assert not at.exception, at.exception
    assert "Stalled villages" in [s.value for s in at.subheader]
    assert not [b for b in at.button if b.key in {"cov_prog_save", "cov_prog_import"}]


def test_a_district_users_forged_report_for_another_amphoe_is_refused_and_records_nothing():
    """The table lists only amphoe 8001's villages; a request edited to carry a village of 8002 is refused."""
    def forged(table, **_):
        edited = table.copy()
        edited.loc[0, ["village_code", "step", "reached_on"]] = ["80020101", "1 · Community forum", "1/11/2549"]
        return edited

    at = as_role("district")
    at.switch_page("coverage/page.py")
    at.session_state["cov_tab"] = "Six-step progress"
    at.run()
    amphoes = at.selectbox(key="cov_prog_amphoe")
    assert amphoes.value == "8001" and len(amphoes.options) == 1, "only their amphoe is offered"
    with mock.patch("streamlit.data_editor", side_effect=forged):
        at.run()
        at.button(key="cov_prog_save").click().run()
    assert not at.exception, at.exception
    assert "amphoe 8001 only" in at.error[0].value and "80020101" in at.error[0].value
    assert get_database().progress_revision() == 0


def test_a_district_user_reads_only_their_amphoe_on_the_coverage_page():
    at = as_role("district")
    at.switch_page("coverage/page.py")
    at.session_state["cov_tab"] = "Charts and district ranking"
    at.run()
    assert not at.exception, at.exception
    ranking = next(frame.value for frame in at.dataframe if "share_pct" in frame.value.columns)
    assert len(ranking) == 1, "one amphoe ranked: their own"


def test_an_admin_adds_disables_and_resets_accounts_on_the_users_page():
    at = as_role("admin")
    at.text_input(key="access_new_name").input("amphoe8010")
    at.checkbox(key="access_new_role_district").check()
    at.text_input(key="access_new_amphoe").input("8010")
    at.text_input(key="access_new_password").input(PASSWORD)
    at.text_input(key="access_new_again").input(PASSWORD)
    at.button(key="FormSubmitter:access_add_user-Add").click().run()
    assert not at.exception, at.exception
    assert "Added amphoe8010" in at.success[0].value
    added = get_database().get_user("amphoe8010")
    assert added.roles == {"district"} and added.amphoe == "8010" and added.created_by == "admin_user"
    at.selectbox(key="access_switch_name").set_value("amphoe8010")
    at.button(key="FormSubmitter:access_switch_user-Disable").click().run()
    assert get_database().get_user("amphoe8010").disabled
    at.selectbox(key="access_switch_name").set_value("admin_user")
    at.button(key="FormSubmitter:access_switch_user-Disable").click().run()
    assert "cannot disable your own account" in at.error[0].value
    assert not get_database().get_user("admin_user").disabled
