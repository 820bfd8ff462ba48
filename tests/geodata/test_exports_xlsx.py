"""The XLSX exports read back with openpyxl: every village with its wave, sheets per wave, roster, layout."""

from __future__ import annotations

import dataclasses

import openpyxl
import pytest

from geodata import schema
from geodata.exports.packet import province_packet
from geodata.exports.text import display_width
from geodata.exports.xlsx import HEADER_ROW, write_amphoe_xlsx, write_province_xlsx
from tests.geodata.exports_support import AMPHOE, SCENARIO_NAME, THAI_DATE, expected_waves

ESTIMATED_TEXT = "ตำแหน่งโดยประมาณ (estimated)"


@pytest.fixture(scope="module")
def workbook(data, scenario, tmp_path_factory):
    villages, _, amphoes = data
    path = tmp_path_factory.mktemp("xlsx") / f"{AMPHOE}_plan.xlsx"
    write_amphoe_xlsx(province_packet(scenario, villages, amphoes).amphoe(AMPHOE), path)
    return openpyxl.load_workbook(path)


def rows_by_code(sheet) -> dict[str, dict[str, object]]:
    """Data rows keyed by village code; columns named by the English line of their two-line header."""
    headers = [str(c.value).split("\n")[-1] for c in sheet[HEADER_ROW]]
    rows = {}
    for values in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        record = dict(zip(headers, values, strict=True))
        rows[record["Village code"]] = record
    return rows


def test_the_village_sheet_lists_every_village_of_the_amphoe_with_its_wave(workbook, data, scenario):
    rows = rows_by_code(workbook["หมู่บ้าน (Villages)"])
    expected = expected_waves(data[0], scenario, AMPHOE)
    assert set(rows) == set(expected)
    for code, wave in expected.items():
        assert rows[code]["Wave (B.E. year)"] == (wave or "ยังไม่กำหนดระยะ (No wave yet)")


def test_thai_names_and_location_quality_are_written_exactly(workbook, data):
    villages = data[0].set_index(schema.VILLAGE_CODE)
    for code, row in rows_by_code(workbook["หมู่บ้าน (Villages)"]).items():
        assert row["Village name (Thai)"] == villages.at[code, schema.VILLAGE_TH]
        assert row["Village name (English)"] == villages.at[code, schema.VILLAGE_EN]
        estimated = villages.at[code, schema.LOCATION_QUALITY] == schema.ESTIMATED
        assert (row["Location quality"] == ESTIMATED_TEXT) == estimated


def test_one_sheet_per_wave_holds_exactly_that_waves_villages(workbook, data, scenario):
    expected = expected_waves(data[0], scenario, AMPHOE)
    for wave in ("2549", "2550", "2551"):
        codes = set(rows_by_code(workbook[f"ระยะ {wave}"]))
        assert codes == {code for code, w in expected.items() if w == wave}


def test_locks_and_reasons_are_shown(workbook, scenario):
    rows = rows_by_code(workbook["หมู่บ้าน (Villages)"])
    (locked,) = scenario.locked
    assert rows[locked]["Locked"] == "ล็อก (Locked)"
    assert rows[locked]["Why in this wave"] == "ล็อก (locked)"
    assert sum(1 for r in rows.values() if r["Locked"]) == 1


def test_list_sheets_freeze_the_header_filter_and_fit_widths(workbook):
    sheet = workbook["หมู่บ้าน (Villages)"]
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    assert sheet.auto_filter.ref == f"A{HEADER_ROW}:M{sheet.max_row}"
    longest_name = max(display_width(str(c.value)) for c in sheet["C"][HEADER_ROW:])
    assert longest_name + 2 <= sheet.column_dimensions["C"].width <= 60
    assert sheet.column_dimensions["A"].width >= len("80180101")


def test_waves_and_codes_are_text_not_numbers(workbook):
    sheet = workbook["หมู่บ้าน (Villages)"]
    first = sheet[HEADER_ROW + 1]
    assert first[0].data_type == "s" and first[7].data_type == "s"
    assert isinstance(first[1].value, int)  # moo


def test_summary_names_scenario_date_waves_and_split_tambon(workbook):
    values = [v for row in workbook["สรุป (Summary)"].iter_rows(values_only=True) for v in row if v is not None]
    assert SCENARIO_NAME in values and THAI_DATE in values and 3 in values  # name, date, version
    assert {"2549", "2550", "2551"} <= set(values)
    assert "แบ่งหลายระยะ (Split across waves)" in values


def test_the_roster_sheet_says_when_the_roster_is_the_estimated_default(workbook, data, scenario, tmp_path):
    roster = workbook["ทีมคุณอำนวย (Roster)"]
    assert "ประมาณการ" in roster["A1"].value
    assert roster.cell(HEADER_ROW + 1, 4).value == scenario.settings.roster.teams[AMPHOE]
    given = dataclasses.replace(scenario, settings=scenario.settings.with_roster(
        dataclasses.replace(scenario.settings.roster, estimated=False)))
    path = write_amphoe_xlsx(province_packet(given, data[0], data[2]).amphoe(AMPHOE), tmp_path / "given.xlsx")
    assert "ข้อมูลจากผู้วางแผน" in openpyxl.load_workbook(path)["ทีมคุณอำนวย (Roster)"]["A1"].value


def test_the_province_workbook_has_a_sheet_per_amphoe_with_its_villages(data, scenario, tmp_path):
    villages, _, amphoes = data
    path = write_province_xlsx(province_packet(scenario, villages, amphoes), tmp_path / "province.xlsx")
    book = openpyxl.load_workbook(path, read_only=False)
    names = book.sheetnames
    assert names[0] == "สรุปจังหวัด (Province)" and names[-1] == "ทีมคุณอำนวย (Roster)"
    assert len(names) == 2 + len(amphoes)
    sheet = book[f"{AMPHOE} ถ้ำพรรณรา"]
    assert set(rows_by_code(sheet)) == set(expected_waves(villages, scenario, AMPHOE))
    total = sum(len(rows_by_code(book[name])) for name in names[1:-1])
    assert total == len(villages)


def test_the_summary_words_the_plan_without_solver_jargon(workbook):
    values = [str(v) for row in workbook["สรุป (Summary)"].iter_rows(values_only=True) for v in row if v is not None]
    assert "ภาระสูงสุดและจำนวนตำบลที่แบ่งหลายระยะต่ำที่สุดเท่าที่เป็นไปได้" in values
    for jargon in ("Solver", "HiGHS", "village-hops", "Spread cost", "optimal"):
        assert not [v for v in values if jargon in v], jargon
