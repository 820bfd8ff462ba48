"""The Coverage page in AppTest: both languages, every tab, a saved scenario, a bad plan, and progress entered in
the table (st.data_editor is patched to return what a planner would type; the real widget needs a browser)."""

import datetime as dt
from unittest import mock

import pytest

import geodata
from dashboard.common.database import get_database
from dashboard.plan.editing import MAIN_SCENARIO
from geodata.plans import DEFAULT_SCENARIO_NAME, default_scenario
from geodata.progress_io import thai_date_text
from store import open_store
from tests.dashboard.conftest import as_new_visit, open_app

PAGE = "coverage/page.py"
TABS = {"th": ("แผนที่", "กราฟและอันดับอำเภอ", "ความก้าวหน้า 6 ขั้น"),
        "en": ("Map", "Charts and district ranking", "Six-step progress")}


@pytest.fixture
def database(tmp_path, monkeypatch):
    """The app's database is a fresh file for each test (the page's store is cached per process: reset it)."""
    monkeypatch.setenv("ROLLOUT_DATABASE_URL", f"sqlite:///{tmp_path / 'rollout.sqlite3'}")
    get_database.clear()
    opened = open_store()
    yield opened
    opened.close()
    get_database.clear()


def coverage_page(lang="th", tab=0):
    at = open_app(lang)
    at.switch_page(PAGE)
    if tab:
        at.session_state["cov_tab"] = TABS[lang][tab]
    at.run()
    assert not at.exception, at.exception
    return at


def table_with(at, column: str):
    """The first st.dataframe holding `column` (AppTest does not expose dataframe keys)."""
    return next(frame.value for frame in at.dataframe if column in frame.value.columns)


def texts(at) -> str:
    parts = [e.value for kind in (at.markdown, at.caption, at.subheader, at.success, at.warning, at.info, at.error)
             for e in kind]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_first_visit_with_nothing_saved_shows_the_default_plan_and_says_so(database, lang):
    at = open_app(lang)
    database.delete_scenario(MAIN_SCENARIO)  # the Plan page (always the first run) saved it: nothing saved now
    as_new_visit(at).switch_page(PAGE)
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == {"th": "ความครอบคลุมของการขยายผล · นครศรีธรรมราช",
                                 "en": "Rollout coverage · Nakhon Si Thammarat"}[lang]
    assert at.selectbox(key="cov_scenario").value == DEFAULT_SCENARIO_NAME
    assert {"th": "แผนตั้งต้นที่โปรแกรมจัดให้ดีที่สุด (ยังไม่ได้บันทึก", "en": "the default optimised plan (not saved"
            }[lang] in texts(at)
    assert [m.value for m in at.metric] == ["400", "1,000", "1,553"]
    assert {"th": "ครอบคลุมเมื่อสิ้นปี 2549", "en": "Covered by the end of 2549"}[lang] == at.metric[0].label
    headline = at.dataframe[0].value
    assert list(headline.iloc[:, 3]) == ["25.8%", "64.4%", "100.0%"]
    assert {"th": "(ประมาณการ)", "en": "(estimated)"}[lang] in headline.columns[-1]
    assert {"th": "ความครอบคลุมสะสมเมื่อสิ้นปี 2549", "en": "Cumulative coverage by the end of 2549"}[lang] in texts(at)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_charts_and_progress_tabs_open_in_both_languages(database, lang):
    at = coverage_page(lang, tab=1)
    ranking = table_with(at, "rank")
    shares = list(ranking["share_pct"])
    assert len(ranking) == 23 and shares == sorted(shares, reverse=True)
    # ties are ties: a district's rank is one more than the number of districts covered more
    assert list(ranking["rank"]) == [1 + sum(other > mine for other in shares) for mine in shares]
    assert ranking["rank"].duplicated().any(), "the plan's 2549 has districts with equal shares"
    at.session_state["cov_tab"] = TABS[lang][2]
    at.run()
    assert not at.exception, at.exception
    stalled = {"th": "หมู่บ้านไม่เปลี่ยนขั้นนานกว่า 6 เดือน", "en": "villages with no step change for more than 6"}
    assert stalled[lang] in texts(at)
    assert at.number_input(key="cov_stalled_months").value == 6


def test_the_year_slider_moves_the_map_and_the_ranking(database):
    at = coverage_page("en")
    at.select_slider(key="cov_year").set_value(2551).run()
    assert not at.exception and "Cumulative coverage by the end of 2551" in texts(at)
    at.session_state["cov_tab"] = TABS["en"][1]
    at.run()
    assert not at.exception
    ranking = table_with(at, "rank")
    assert set(ranking["share_pct"]) == {100.0}


def test_a_saved_scenario_with_pilot_tambons_shows_its_pilot_year(database):
    base = default_scenario(geodata.load_villages(), geodata.load_tambons())  # computed once per process
    pilot_villages = [code for code in base.assignment if code.startswith("800106")]
    settings = {**base.settings.to_json(), "pilot_label": "2548", "pilot_tambons": ["800106"]}
    assignment = {**base.assignment, **dict.fromkeys(pilot_villages, "2548")}
    database.save_scenario("นำร่องท่าไร่", assignment=assignment, settings=settings, expected_version=None,
                           author="test")
    at = coverage_page("th")
    at.selectbox(key="cov_scenario").set_value("นำร่องท่าไร่").run()
    assert not at.exception
    assert [m.label for m in at.metric][0] == "ครอบคลุมเมื่อสิ้นปี 2548 (นำร่อง)"
    assert at.metric[0].value == str(len(pilot_villages))


def test_a_plan_that_does_not_fit_the_data_set_is_refused_with_a_message(database):
    database.save_scenario("อื่น", assignment={"99999999": "2549"},
                           settings={"waves": [{"label": "2549", "target": None}], "pilot_label": None,
                                     "pilot_tambons": [], "roster": {"teams": {"9999": 1}, "capacity": 10,
                                                                     "estimated": True}},
                           expected_version=None, author="test")
    at = coverage_page("en")
    at.selectbox(key="cov_scenario").set_value("อื่น").run()
    assert not at.exception
    assert "does not fit the data set in use" in at.error[0].value and "99999999" in at.error[0].value


def test_progress_typed_in_the_table_is_recorded_and_bad_rows_refused_with_reasons(database):
    today = thai_date_text(dt.date.today())

    shown = []  # the table the grid is given on each run

    def typed(table, *, key, **_):
        shown.append(table)
        if key != "cov_prog_editor_0":  # the grid after recording: nothing typed since
            return table
        edited = table.copy()
        edited.loc[0, ["step", "reached_on", "reported_by"]] = ["1 · ความเป็นประชาคม", today, "พัฒนากร"]
        edited.loc[1, ["step", "reached_on"]] = ["2 · ระบบการแลกเปลี่ยนเรียนรู้ หรือ การจัดการความรู้", "31/2/2568"]
        return edited

    with mock.patch("streamlit.data_editor", side_effect=typed):
        at = coverage_page("th", 2)
        assert at.selectbox(key="cov_prog_amphoe").value == "8001"
        at.button(key="cov_prog_save").click().run()
        assert not at.exception, at.exception
    assert "บันทึกแล้ว 1 รายการ" in texts(at)
    assert "ไม่รับ 1 แถว" in texts(at)
    refused = table_with(at, "แถว")
    assert list(refused["แถว"]) == [2] and "อ่านวันที่ '31/2/2568' ไม่ได้" in refused.iloc[0, 3]
    current = database.current_progress()
    (entry,) = current.values()
    assert (entry.step, entry.reported_by, entry.source, entry.reached_on) == (1, "พัฒนากร", "table", dt.date.today())
    # the refused row is kept for correction: first in the grid, as typed, with why; the recorded one is empty
    refused_village, recorded_village = shown[0].loc[1, "village_code"], shown[0].loc[0, "village_code"]
    again = shown[-1].set_index("village_code")
    assert shown[-1].loc[0, "village_code"] == refused_village
    assert list(again.loc[refused_village, ["step", "reached_on"]]) == [
        "2 · ระบบการแลกเปลี่ยนเรียนรู้ หรือ การจัดการความรู้", "31/2/2568"]
    assert again.loc[refused_village, "problem"].startswith("อ่านวันที่ '31/2/2568' ไม่ได้")
    assert (again.loc[recorded_village, "step"], again.loc[recorded_village, "problem"]) == ("", "")
    assert "1 แถวที่ไม่รับยังอยู่บนสุดของตาราง" in texts(at)


def test_changing_language_and_scenario_keeps_the_choices_that_still_apply(database):
    at = coverage_page("th", tab=1)
    at.selectbox(key="cov_highlight").set_value("8012").run()
    at.select_slider(key="cov_year").set_value(2551).run()
    assert not at.exception, at.exception
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Rollout coverage · Nakhon Si Thammarat"
    assert at.selectbox(key="cov_highlight").value == "8012"
    short = {"waves": [{"label": "2549", "target": None}, {"label": "2550", "target": None}], "pilot_label": None,
             "pilot_tambons": [], "roster": {"teams": {f"80{n:02d}": 1 for n in range(1, 24)}, "capacity": 10,
                                             "estimated": False}}
    database.save_scenario("สองปี", assignment={"80010601": "2549", "80010602": "2550"}, settings=short,
                           expected_version=None, author="test")
    at.run()  # the scenario list is read on each run
    at.selectbox(key="cov_scenario").set_value("สองปี").run()
    assert not at.exception, at.exception
    assert at.select_slider(key="cov_year").value == 2549  # 2551 is not a year of this plan
    assert [m.value for m in at.metric] == ["1", "2"]
    assert "(estimated)" not in at.dataframe[0].value.columns[-1]
