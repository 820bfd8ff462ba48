"""A province's part of a national plan and its files, written by the same code as a province's plan."""

import csv
from collections import Counter

import pytest

import geodata
from geodata import provinces, schema
from geodata.exports import ExportError
from geodata.exports.national import export_national_plan_province
from geodata.national_plan import province_scenario
from tests.geodata.databuild.support import RANONG
from tests.geodata.exports_support import make_scenario

pytestmark = pytest.mark.slow
NST = provinces.DEFAULT_PROVINCE


def test_a_province_part_keeps_only_its_villages_teams_and_wave_counts(national_plan):
    _, scenario = national_plan
    villages, tambons = geodata.load_villages(RANONG), geodata.load_tambons(RANONG)
    part = province_scenario(scenario, RANONG, villages, tambons)
    assert set(part.assignment) == set(villages[schema.VILLAGE_CODE])
    assert all(part.assignment[code] == scenario.assignment[code] for code in part.assignment)
    assert set(part.settings.roster.teams) == set(villages[schema.AMPHOE_CODE])
    counts = Counter(part.assignment.values())
    assert [(w.label, w.target) for w in part.settings.waves] == [
        ("2548", None), ("2549", counts["2549"]), ("2550", counts["2550"]), ("2551", counts["2551"])]
    assert not part.metrics["failed_checks"] and part.metrics["status"] == "evaluated"
    assert "ระนอง (85)" in part.name


def test_a_provinces_files_of_a_national_plan_hold_its_villages_only(national_plan, tmp_path):
    _, scenario = national_plan
    result = export_national_plan_province(scenario, RANONG, tmp_path, formats=("csv",))
    names = {f.path.relative_to(tmp_path).as_posix() for f in result.files}
    assert "85_Ranong_villages.csv" in names and len(names) == 1 + provinces.province(RANONG).n_amphoe
    with open(tmp_path / "85_Ranong_villages.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ranong = geodata.load_villages(RANONG)
    assert sorted(r["village_code"] for r in rows) == sorted(ranong[schema.VILLAGE_CODE])
    assert all(r["wave"] == scenario.assignment[r["village_code"]] for r in rows)


def test_exporting_a_province_plan_as_a_national_one_is_refused(tmp_path):
    scenario = make_scenario(geodata.load_villages(), geodata.load_tambons())
    with pytest.raises(ExportError, match="planned on data set 'embedded', not on the whole country"):
        export_national_plan_province(scenario, NST, tmp_path / "out")
    assert not (tmp_path / "out").exists()
