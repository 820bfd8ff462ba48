"""Export page (AppTest): choose scenario, amphoe and formats, build, and get the files to download."""

from __future__ import annotations

import csv
import io
import zipfile

from dashboard.common.database import get_database
from dashboard.export.files import ExportDownloads
from dashboard.plan.editing import MAIN_SCENARIO
from geodata.exports import FORMATS
from geodata.plans import DEFAULT_SCENARIO_NAME
from tests.dashboard.conftest import open_app

RESULT_KEY = "export_result"


def export_page(lang: str = "th"):
    at = open_app(lang)
    at.switch_page("export/page.py")
    at.run()
    assert not at.exception, at.exception
    return at


def build(at, amphoe: str, formats: list[str]):
    at.selectbox(key="exp_amphoe").set_value(amphoe)
    at.multiselect(key="exp_formats").set_value(formats)
    at.run()
    at.button(key="exp_build").click()
    at.run()
    assert not at.exception, at.exception
    return at


def download_labels(at) -> list[str]:
    return [element.proto.label for element in at.get("download_button")]


def test_the_page_offers_scenarios_every_amphoe_and_every_format():
    at = export_page()
    assert at.selectbox(key="exp_scenario").options[0] == DEFAULT_SCENARIO_NAME
    amphoes = at.selectbox(key="exp_amphoe").options
    assert len(amphoes) == 24 and amphoes[0].startswith("ทุกอำเภอ")
    assert "8018 ถ้ำพรรณรา (Tham Phannara)" in amphoes
    assert at.multiselect(key="exp_formats").value == list(FORMATS)
    assert '"ตำแหน่งโดยประมาณ" ในทุกไฟล์' in at.info[0].value  # the Thai page names the marking in Thai


def test_the_page_speaks_english_too():
    at = export_page("en")
    assert at.title[0].value == "Export district plans · Nakhon Si Thammarat"
    assert at.button(key="exp_build").label == "Build the files"


def test_one_amphoe_gives_each_file_and_a_zip_with_the_plans_waves():
    at = build(export_page(), "8018", ["xlsx", "csv"])
    assert at.success[0].value.startswith("สร้างเสร็จ 2 ไฟล์")
    assert download_labels(at) == ["ดาวน์โหลดทั้งหมด (zip)", "8018_ถ้ำพรรณรา_plan.xlsx", "8018_ถ้ำพรรณรา_villages.csv"]
    result: ExportDownloads = at.session_state[RESULT_KEY]
    rows = list(csv.DictReader(io.StringIO(result.files[1].data.decode("utf-8-sig"))))
    # the scenario open in the session: the main scenario the Plan page (the first run) saved
    assert len(rows) == 29 and {row["scenario"] for row in rows} == {MAIN_SCENARIO}
    assert {row["wave"] for row in rows} <= {"2549", "2550", "2551"}
    with zipfile.ZipFile(io.BytesIO(result.archive.data)) as archive:
        assert sorted(archive.namelist()) == ["8018_Tham_Phannara/8018_ถ้ำพรรณรา_plan.xlsx",
                                              "8018_Tham_Phannara/8018_ถ้ำพรรณรา_villages.csv"]


def test_every_amphoe_gives_the_zip_and_the_province_files():
    at = build(export_page(), "all", ["csv"])
    assert download_labels(at) == ["ดาวน์โหลดทั้งหมด (zip)", "80_Nakhon_Si_Thammarat_villages.csv"]
    with zipfile.ZipFile(io.BytesIO(at.session_state[RESULT_KEY].archive.data)) as archive:
        assert len({name.split("/")[0] for name in archive.namelist() if "/" in name}) == 23


def test_files_built_for_another_choice_are_marked_out_of_date():
    at = build(export_page(), "8018", ["csv"])
    assert not at.warning
    at.selectbox(key="exp_amphoe").set_value("8022")
    at.run()
    assert not at.exception
    assert "สร้างจากตัวเลือกก่อนหน้า" in at.warning[0].value


def test_no_format_disables_the_build_button():
    at = export_page()
    at.multiselect(key="exp_formats").set_value([])
    at.run()
    assert at.button(key="exp_build").disabled
    assert at.warning[0].value == "เลือกรูปแบบไฟล์อย่างน้อย 1 รูปแบบ"


def test_a_plan_of_another_data_set_is_refused_with_a_message():
    settings = {"waves": [{"label": "2549", "target": None}], "pilot_label": None, "pilot_tambons": [],
                "roster": {"teams": {"9999": 1}, "capacity": 10, "estimated": True}}
    get_database().save_scenario("แผนชุดข้อมูลอื่น", assignment={"99999901": "2549"}, settings=settings, metrics={},
                                 dataset="upload-other", expected_version=None, author="ทดสอบ")
    at = export_page()
    at.selectbox(key="exp_scenario").set_value("แผนชุดข้อมูลอื่น")
    at = build(at, "8018", ["csv"])
    assert "upload-other" in at.error[0].value and "ส่งออกแผนนี้ไม่ได้" in at.error[0].value
    assert not at.get("download_button")
