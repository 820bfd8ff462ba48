"""Four provinces other than the default, end to end: the registry's default plan, exports read back with the
province's own name, and every metric step (printed maps, corrections, clicks) in the province's UTM zone.

The builds, the counts against the gazetteer and the located or estimated points are tested in
test_build_province.py; the provinces are built once per session into the session's cache (tests/conftest.py).
"""

from __future__ import annotations

import csv
import shutil
import subprocess

import openpyxl
import pyogrio
import pytest
import shapely
from pyproj import Transformer

import planning
from geodata import plans, provinces, schema
from geodata.corrections import apply_corrections
from geodata.exports.packets import export_plan
from geodata.exports.pdf_map import MapPainter
from geodata.province_data import load_amphoes, load_tambons, load_villages
from geodata.selection import nearest_village
from store.locations import Correction, PreviousPoint
from tests.geodata.databuild.support import EXPECTED_CRS, PHUKET, STRESS_PROVINCES

pytestmark = pytest.mark.slow


def data(code: str):
    return load_villages(code), load_tambons(code), load_amphoes(code)


@pytest.mark.parametrize("code", STRESS_PROVINCES)
def test_the_default_plan_follows_the_registry_and_passes_every_check(code):
    villages, tambons, _ = data(code)
    scenario = plans.default_scenario(villages, tambons)
    problem = plans.problem_from_scenario(scenario, villages, tambons)
    assert scenario.dataset == f"province-{code}"
    assert problem.waves == provinces.default_waves(code) and provinces.province(code).waves_are_default
    assert planning.validate_plan(problem, scenario.assignment) == ()
    assert set(scenario.assignment) == set(villages[schema.VILLAGE_CODE])


def test_two_provinces_never_share_an_adjacency_or_a_default_plan_under_one_name():
    """Frames of two provinces planned under the same data-set name still get their own adjacency and plan."""
    ranong, phuket = data("85"), data(PHUKET)
    first = plans.build_problem(ranong[0], ranong[1], dataset="same-name")
    second = plans.build_problem(phuket[0], phuket[1], dataset="same-name")
    assert set(first.adjacency) == set(ranong[1][schema.TAMBON_CODE])
    assert set(second.adjacency) == set(phuket[1][schema.TAMBON_CODE])
    assert set(plans.default_scenario(phuket[0], phuket[1], dataset="same-name").assignment) == set(
        phuket[0][schema.VILLAGE_CODE])


@pytest.mark.parametrize("code", STRESS_PROVINCES)
def test_the_province_workbook_and_csv_read_back_carry_the_provinces_name(code, tmp_path):
    villages, tambons, amphoes = data(code)
    info = provinces.province(code)
    scenario = plans.default_scenario(villages, tambons)
    result = export_plan(scenario, villages, tambons, amphoes, tmp_path, formats=("xlsx", "csv"))
    stem = f"{code}_{info.name_en.replace(' ', '_')}"
    book = openpyxl.load_workbook(tmp_path / f"{stem}_plan.xlsx", read_only=True)
    summary = [cell for row in book.worksheets[0].iter_rows(values_only=True) for cell in row if cell is not None]
    assert f"จังหวัด{info.name_th}" in str(summary[0])
    assert f"จังหวัด{info.name_th} ({info.name_en} province)" in summary
    assert len(book.worksheets) == 2 + info.n_amphoe  # summary, one sheet per amphoe, roster
    with open(tmp_path / f"{stem}_villages.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == info.n_villages == len(villages)
    assert {(r[schema.PROVINCE], r[schema.PROVINCE_TH], r[schema.PROVINCE_EN]) for r in rows} == {
        (code, info.name_th, info.name_en)}
    assert {r[schema.VILLAGE_CODE]: r["wave"] for r in rows} == scenario.assignment
    assert len({f.amphoe_code for f in result.files} - {None}) == info.n_amphoe


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is installed by `make test`")
def test_an_island_provinces_pdf_and_geopackage_name_it_in_thai_and_english(tmp_path):
    villages, tambons, amphoes = data(PHUKET)
    info = provinces.province(PHUKET)
    scenario = plans.default_scenario(villages, tambons)
    export_plan(scenario, villages, tambons, amphoes, tmp_path, amphoe="8302", formats=("pdf", "gpkg"))
    folder = tmp_path / "8302_Kathu"
    (pdf,), (gpkg,) = folder.glob("8302_*_plan.pdf"), folder.glob("8302_*_plan.gpkg")  # 8302_กะทู้_plan.pdf
    text = subprocess.run(["pdftotext", "-layout", "-l", "1", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert f"จังหวัด{info.name_th}" in text and f"{info.name_en} province" in text
    assert "นครศรีธรรมราช" not in text
    frame = pyogrio.read_dataframe(gpkg, layer="villages")
    assert set(frame[schema.PROVINCE_EN]) == {info.name_en}
    assert len(frame) == int((villages[schema.AMPHOE_CODE] == "8302").sum())


@pytest.mark.parametrize("code", STRESS_PROVINCES)
def test_printed_maps_corrections_and_clicks_measure_in_the_provinces_zone(code):
    """A corrected point 2,000 m due east of a tambon's easternmost vertex is 2,000 m outside it, measured in
    the province's zone (47N would be off by metres for the provinces of 48N, and the other way round)."""
    villages, tambons, amphoes = data(code)
    crs = EXPECTED_CRS[code]
    assert MapPainter(tambons, amphoes).metric_crs == crs
    village = villages.iloc[len(villages) // 2]
    polygon = tambons.set_index(schema.TAMBON_CODE).geometry.to_crs(crs)[village[schema.TAMBON_CODE]]
    east = max(shapely.get_coordinates(polygon), key=lambda xy: xy[0])
    lon, lat = Transformer.from_crs(crs, schema.GEOGRAPHIC_CRS, always_xy=True).transform(east[0] + 2000, east[1])
    correction = Correction(village[schema.VILLAGE_CODE], lat, lon, "test", "tester", "2026-11-30T00:00:00",
                            PreviousPoint(None, None, None))
    moved = apply_corrections(villages, tambons, {correction.village_code: correction})
    distance = moved.loc[moved[schema.VILLAGE_CODE] == correction.village_code, "dist_to_own_tambon_m"].iloc[0]
    assert distance == pytest.approx(2000, abs=0.5)
    assert nearest_village(villages, village[schema.LAT], village[schema.LON]) in set(
        villages.loc[(villages[schema.LAT] == village[schema.LAT]) & (villages[schema.LON] == village[schema.LON]),
                     schema.VILLAGE_CODE])

