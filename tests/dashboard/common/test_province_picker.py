"""Every page works on the chosen province (AppTest): the sidebar's pick list, ?province= in the address, a
scenario opening its own province, a bad address, and a district user kept to their amphoe's province.

Ranong (85) is the other province: small (178 villages), built from the national files on first use.
"""

from __future__ import annotations

from dashboard.common.database import get_database
from dashboard.plan.editing import MAIN_SCENARIO, SESSION_KEY
from geodata import load_tambons, load_villages
from geodata.messages import text
from geodata.plans import default_scenario
from tests.dashboard.conftest import as_new_visit, ensure_user, first_run, log_in, on_page, open_app, run

COVERAGE, EXPORT, DATA, PLAN = "coverage/page.py", "export/page.py", "data_page/page.py", "plan/page.py"
RANONG = "85"
RANONG_VILLAGES = 178


def texts(at) -> str:
    return "\n".join(str(e.value) for kind in (at.markdown, at.caption, at.info, at.warning, at.error) for e in kind)


def save_ranong_plan(name: str) -> None:
    """Ranong's default plan saved under `name`, as `rollout plan --province 85 --save-as NAME` would."""
    plan = default_scenario(load_villages(RANONG), load_tambons(RANONG))
    get_database().save_scenario(name, assignment=plan.assignment, locked=plan.locked, reasons=plan.reasons,
                                 settings=plan.settings.to_json(), metrics=plan.metrics, dataset=plan.dataset,
                                 expected_version=None, author="ทดสอบ", province=plan.province)


def test_choosing_ranong_opens_its_villages_and_default_waves_marked_default_and_the_address_carries_it():
    at = open_app("en")
    assert at.selectbox(key="province_pick").value == "80" and at.query_params["province"] == "80"
    at.selectbox(key="province_pick").set_value(RANONG)
    run(at)
    assert at.title[0].value == "Village rollout plan · Ranong"
    scenario = at.session_state[SESSION_KEY].scenario
    assert scenario.province == RANONG and scenario.name == f"{MAIN_SCENARIO} · ระนอง"
    assert len(scenario.assignment) == RANONG_VILLAGES and all(c[:2] == RANONG for c in scenario.assignment)
    assert "Ranong's default plan uses default waves (2549 46, 2550 69, 2551 63)" in texts(at)
    assert at.query_params["province"] == RANONG and at.query_params["scenario"] == scenario.name
    saved = get_database().open_scenario(scenario.name)  # the first visit saved it, as Ranong's
    assert saved.province == RANONG and saved.dataset == "province-85"
    on_page(at, COVERAGE)
    assert at.title[0].value == "Rollout coverage · Ranong"
    assert at.selectbox(key="cov_scenario").options[1:] == [scenario.name]  # the default plan, then Ranong's
    on_page(at, DATA)
    assert "Data set in use: Ranong's data set, built from the national files" in texts(at)
    assert at.table[0].value.iloc[3, 0] == f"{RANONG_VILLAGES:,}"


def test_the_province_of_nakhon_si_thammarat_stays_apart_when_ranong_is_chosen():
    at = open_app("en")
    main = at.session_state[SESSION_KEY].scenario
    at.selectbox(key="province_pick").set_value(RANONG)
    run(at)
    assert main.name not in at.selectbox(key="plan_scenario_pick").options
    at.selectbox(key="province_pick").set_value("80")
    run(at)
    assert at.session_state[SESSION_KEY].scenario.name == MAIN_SCENARIO
    assert get_database().open_scenario(MAIN_SCENARIO).province == "80"


def test_a_scenario_opens_its_province():
    at = open_app("en")  # a first visit of province 80
    save_ranong_plan("ระนอง ทางเลือก ก")
    as_new_visit(at).query_params["scenario"] = "ระนอง ทางเลือก ก"
    on_page(at, COVERAGE)
    assert at.selectbox(key="province_pick").value == RANONG and at.query_params["province"] == RANONG
    assert at.title[0].value == "Rollout coverage · Ranong"
    assert at.selectbox(key="cov_scenario").value == "ระนอง ทางเลือก ก"
    on_page(at, PLAN)
    assert at.session_state[SESSION_KEY].scenario.name == "ระนอง ทางเลือก ก"


def test_a_bad_province_in_the_address_is_said_in_thai_and_the_province_stays():
    at = first_run("th")
    at.query_params["province"] = "99"
    ensure_user()
    log_in(at)
    unknown = text("province.unknown", "th", code="99", examples="80, 30, 64", nation="nation").split(" ใช้")[0]
    assert any(unknown in w.value and "นครศรีธรรมราช" in w.value for w in at.warning), [w.value for w in at.warning]
    assert at.selectbox(key="province_pick").value == "80" and at.query_params["province"] == "80"
    at.selectbox(key="province_pick").set_value(RANONG)
    run(at)
    opened = at.session_state[SESSION_KEY].scenario.name
    at.query_params["province"] = "10"  # Bangkok: no villages
    run(at)
    assert any("ไม่มีหมู่บ้าน" in w.value for w in at.warning)
    assert at.selectbox(key="province_pick").value == RANONG and at.query_params["province"] == RANONG
    assert at.session_state[SESSION_KEY].scenario.name == opened  # nothing open is lost


def test_a_district_user_sees_only_the_province_of_their_amphoe():
    at = open_app("en", user="ranong_office", roles=("district",), amphoe="8501")
    assert not [s for s in at.selectbox if s.key == "province_pick"]
    assert "Your province: ระนอง · Ranong (85)" in texts(at)
    assert at.title[0].value == "Rollout coverage · Ranong"
    at.query_params["province"] = "80"  # a forged address changes nothing
    run(at)
    assert at.title[0].value == "Rollout coverage · Ranong" and at.query_params["province"] == RANONG
    on_page(at, EXPORT)
    assert at.title[0].value == "Export district plans · Ranong"
    assert [option.split()[0] for option in at.selectbox(key="exp_amphoe").options[1:]] == ["8501"]
