"""The content every export format reads: counts from the plan, waves, splits, loads, dates, and bad requests."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

import geodata
from geodata import schema
from geodata.exports import ExportError, parse_formats
from geodata.exports.packet import province_packet
from geodata.exports.text import display_width, file_name_part, quality_label, safe_name, thai_date
from geodata.palette import PILOT_COLOUR, WAVE_COLOURS, wave_colours
from tests.geodata.exports_support import AMPHOE, THAI_DATE, expected_waves


@pytest.fixture(scope="module")
def province(data, scenario):
    villages, _, amphoes = data
    return province_packet(scenario, villages, amphoes)


def test_every_village_of_the_amphoe_is_listed_once_with_the_plans_wave(data, scenario, province):
    packet = province.amphoe(AMPHOE)
    listed = {row.village_code: row.wave for row in packet.villages}
    assert len(listed) == len(packet.villages)
    assert listed == expected_waves(data[0], scenario, AMPHOE)


def test_wave_counts_and_loads_are_recomputed_from_the_assignment(province, scenario):
    packet = province.amphoe(AMPHOE)
    counts = Counter(row.wave for row in packet.villages)
    assert {w.wave: w.villages for w in packet.waves} == {w: counts[w] for w in ("2549", "2550", "2551")}
    teams = scenario.settings.roster.teams[AMPHOE]
    assert all(w.teams == teams and w.per_team == pytest.approx(w.villages / teams) for w in packet.waves)
    assert all(w.limit == teams * 10 for w in packet.waves)
    assert packet.unassigned == 1 == counts[None]


def test_a_wave_without_villages_is_left_out(province):
    assert province.plan.waves == ("2549", "2550", "2551")  # the empty pilot wave 2548 is not shown


def test_the_split_tambon_is_found_with_its_waves(province):
    split = province.amphoe(AMPHOE).split_tambons
    assert len(split) == 1
    assert {w for w, n in split[0].per_wave.items() if n} == {"2549", "2550"}


def test_rows_run_by_tambon_then_wave_then_moo(province):
    rows = province.amphoe("8001").villages
    order = {"2549": 0, "2550": 1, "2551": 2, None: 3}
    keys = [(r.tambon_code, order[r.wave], r.moo) for r in rows]
    assert keys == sorted(keys)


def test_province_totals_add_up_the_amphoes(province, data):
    assert len(province.villages) == len(data[0])
    assert sum(w.villages for w in province.waves) + province.unassigned == len(data[0])
    assert province.estimated == int((data[0][schema.LOCATION_QUALITY] == schema.ESTIMATED).sum())


def test_plan_info_carries_name_version_and_buddhist_era_date(province):
    plan = province.plan
    assert plan.date == THAI_DATE
    assert plan.title.endswith(f"ฉบับที่ 3 · {THAI_DATE}")
    assert plan.roster_estimated is True
    assert plan.metrics["max_load"] == 4.5


def test_a_plan_of_another_data_set_is_refused_with_its_name(data, scenario):
    villages, _, amphoes = data
    foreign = dataclasses.replace(scenario, dataset="upload-x", assignment={"99999901": "2549"})
    with pytest.raises(ExportError, match=r"upload-x.*none of the 1,553 villages"):
        province_packet(foreign, villages, amphoes)


def test_plan_villages_missing_from_the_data_set_are_counted(data, scenario):
    villages, _, amphoes = data
    extra = dataclasses.replace(scenario, assignment={**scenario.assignment, "99999901": "2549"})
    assert province_packet(extra, villages, amphoes).plan.missing_villages == 1


def test_an_unknown_amphoe_lists_the_codes(province):
    with pytest.raises(ExportError, match=r"no amphoe '9999'.*8001.*'all'"):
        province.amphoe("9999")


def test_formats_are_checked_and_ordered():
    assert parse_formats("pdf, XLSX") == ("xlsx", "pdf")
    with pytest.raises(ExportError, match=r"unknown format\(s\) doc; choose from xlsx,pdf,csv,gpkg,geojson"):
        parse_formats("xlsx,doc")
    with pytest.raises(ExportError, match="no format chosen"):
        parse_formats(" , ")


def test_dates_are_thai_local_days_in_buddhist_era():
    assert thai_date("2026-11-25T18:30:00+00:00") == "26 พ.ย. 2569"  # 01:30 in Thailand
    assert thai_date("2005-12-02T00:00:00") == "2 ธ.ค. 2548"


def test_thai_marks_take_no_column_width():
    assert display_width("ที่นี่") == 2  # ท ี ่ น ี ่: two letters, four marks
    assert display_width("บ้านท่าไร่") == 7
    assert display_width("Ban Tha Rai") == 11


def test_folder_names_keep_safe_characters_only():
    assert safe_name("Cha-uat") == "Cha-uat"
    assert safe_name("Mueang Nakhon Si Thammarat") == "Mueang_Nakhon_Si_Thammarat"
    assert safe_name("เมือง/../x") == "x"
    assert safe_name("เมือง") == "plan"


def test_file_names_keep_the_thai_name_and_nothing_a_file_system_misreads():
    every_amphoe = geodata.load_amphoes()[schema.AMPHOE_TH]
    assert all(file_name_part(name) == name for name in every_amphoe)  # no amphoe name loses a letter or mark
    assert file_name_part("เมือง/../นคร: ศรี\"x\"") == "เมือง_นคร_ศรี_x"
    assert file_name_part("Cha-uat") == "Cha-uat" and file_name_part("///") == "plan"


def test_estimated_locations_are_labelled_in_thai_and_english():
    assert quality_label("estimated") == "ตำแหน่งโดยประมาณ (estimated)"


def test_wave_colours_follow_the_wave_order_with_the_pilot_apart():
    colours = wave_colours(["2548", "2549", "2550"], pilot_label="2548")
    assert colours == {"2548": PILOT_COLOUR, "2549": WAVE_COLOURS[0], "2550": WAVE_COLOURS[1]}
    assert wave_colours(["2549", "2550"]) == {"2549": WAVE_COLOURS[0], "2550": WAVE_COLOURS[1]}
