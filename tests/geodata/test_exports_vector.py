"""GeoPackage, GeoJSON and CSV read back by independent readers: CRS, row counts, waves, Thai text intact."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess

import pyogrio
import pytest

from geodata import schema
from geodata.exports.packets import export_plan
from tests.geodata.exports_support import AMPHOE, AMPHOE_FILES, SCENARIO_NAME, THAI_DATE, expected_waves


@pytest.fixture(scope="module")
def files(data, scenario, tmp_path_factory):
    villages, tambons, amphoes = data
    out = tmp_path_factory.mktemp("vector")
    result = export_plan(scenario, villages, tambons, amphoes, out, amphoe=AMPHOE, formats=("csv", "gpkg", "geojson"))
    return {path.name: path for path in (f.path for f in result.files)}


def test_the_geopackage_has_villages_and_tambons_in_wgs84(files, data):
    path = files[f"{AMPHOE_FILES}_plan.gpkg"]
    layers = dict(pyogrio.list_layers(path))
    assert layers == {"villages": "Point", "tambons": layers["tambons"]}
    assert layers["tambons"] in ("Polygon", "MultiPolygon")
    villages, tambons, _ = data
    info = pyogrio.read_info(path, layer="villages")
    assert info["crs"] == "EPSG:4326"
    assert info["features"] == int((villages[schema.AMPHOE_CODE] == AMPHOE).sum())
    assert pyogrio.read_info(path, layer="tambons")["features"] == int((tambons[schema.AMPHOE_CODE] == AMPHOE).sum())


def test_the_geopackage_villages_carry_their_wave_and_thai_names(files, data, scenario):
    frame = pyogrio.read_dataframe(files[f"{AMPHOE_FILES}_plan.gpkg"], layer="villages")
    expected = expected_waves(data[0], scenario, AMPHOE)
    waves = dict(zip(frame[schema.VILLAGE_CODE], frame["wave"].astype(object).where(frame["wave"].notna(), None),
                     strict=True))
    assert waves == expected  # the village without a wave is NULL
    names = data[0].set_index(schema.VILLAGE_CODE)[schema.VILLAGE_TH]
    assert all(names[code] == name for code, name in zip(frame[schema.VILLAGE_CODE], frame[schema.VILLAGE_TH],
                                                          strict=True))
    assert set(frame["scenario"]) == {SCENARIO_NAME} and set(frame["plan_date"]) == {THAI_DATE}
    assert {(r[schema.PROVINCE], r[schema.PROVINCE_TH], r[schema.PROVINCE_EN])
            for r in frame.to_dict("records")} == {("80", "นครศรีธรรมราช", "Nakhon Si Thammarat")}
    assert set(frame[schema.LOCATION_QUALITY]) <= set(schema.LOCATION_QUALITIES)
    assert frame["locked"].sum() == 1


def test_the_split_tambon_is_marked_in_the_tambon_layer(files, data):
    frame = pyogrio.read_dataframe(files[f"{AMPHOE_FILES}_plan.gpkg"], layer="tambons")
    split = frame[frame["split"]]
    assert len(split) == 1
    assert split["waves"].iloc[0] == "2549,2550"
    waves = frame[["wave_2549", "wave_2550", "wave_2551"]].sum(axis=1)
    assert frame["villages"].sum() == int((data[0][schema.AMPHOE_CODE] == AMPHOE).sum())
    assert (frame["villages"] - waves).sum() == 1  # the one village without a wave


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="Debian's gdal-bin is installed by `make test`")
def test_debians_gdal_reads_the_geopackage(files, data):
    """ogrinfo is the system GDAL, a separate build from the one inside pyogrio."""
    path = files[f"{AMPHOE_FILES}_plan.gpkg"]
    report = subprocess.run(["ogrinfo", "-so", "-al", str(path)], capture_output=True, text=True, check=True)
    assert "Warning" not in report.stderr
    count = int((data[0][schema.AMPHOE_CODE] == AMPHOE).sum())
    assert f"Feature Count: {count}" in report.stdout
    assert 'ID["EPSG",4326]' in report.stdout
    assert "KM rollout plan: scenario " + SCENARIO_NAME in report.stdout
    assert "; Nakhon Si Thammarat province (80)" in report.stdout


def test_the_geojson_files_are_rfc7946_feature_collections(files, data, scenario):
    villages = json.loads(files[f"{AMPHOE_FILES}_villages.geojson"].read_text(encoding="utf-8"))
    assert villages["type"] == "FeatureCollection" and "crs" not in villages
    expected = expected_waves(data[0], scenario, AMPHOE)
    assert {f["properties"]["village_code"]: f["properties"]["wave"] for f in villages["features"]} == expected
    lon, lat = villages["features"][0]["geometry"]["coordinates"]
    assert schema.THAILAND_BOUNDS["lon_min"] < lon < schema.THAILAND_BOUNDS["lon_max"]
    assert schema.THAILAND_BOUNDS["lat_min"] < lat < schema.THAILAND_BOUNDS["lat_max"]
    tambons = json.loads(files[f"{AMPHOE_FILES}_tambons.geojson"].read_text(encoding="utf-8"))
    assert {f["geometry"]["type"] for f in tambons["features"]} <= {"Polygon", "MultiPolygon"}


def test_the_csv_starts_with_a_bom_and_round_trips_thai_text(files, data, scenario):
    path = files[f"{AMPHOE_FILES}_villages.csv"]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    mine = data[0][data[0][schema.AMPHOE_CODE] == AMPHOE].set_index(schema.VILLAGE_CODE)
    assert len(rows) == len(mine)
    expected = expected_waves(data[0], scenario, AMPHOE)
    for row in rows:
        code = row[schema.VILLAGE_CODE]
        assert row[schema.VILLAGE_TH] == mine.at[code, schema.VILLAGE_TH]
        assert row[schema.TAMBON_TH] == mine.at[code, schema.TAMBON_TH]
        assert row["wave"] == (expected[code] or "")
        assert row["scenario"] == SCENARIO_NAME and row["plan_date"] == THAI_DATE
        assert float(row[schema.LAT]) == pytest.approx(mine.at[code, schema.LAT])
