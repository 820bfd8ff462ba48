"""Validation of planners' own files: every problem is reported with row, column, value and the fix.

Files are built from the embedded data (real codes and names) and then damaged in one known way each.
"""

import io
import zipfile

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Polygon

import geodata
from geodata import provinces, schema
from geodata.uploads import read_boundaries, read_village_list

# Writing test Shapefiles truncates long field names; that is what real Shapefiles look like, not a problem.
pytestmark = pytest.mark.filterwarnings("ignore:Column names longer:UserWarning",
                                        "ignore:Normalized/laundered:RuntimeWarning")

UPLOAD_COLUMNS = [*schema.UPLOAD_REQUIRED_COLUMNS, schema.VILLAGE_EN, schema.LAT, schema.LON]


@pytest.fixture(scope="module")
def tambons():
    return geodata.load_tambons()


@pytest.fixture(scope="module")
def villages():
    return geodata.load_villages()


@pytest.fixture
def table(villages):
    """The first 20 villages of Tha Rai and its neighbours as a planner's CSV would hold them (all text)."""
    frame = villages.head(20)[UPLOAD_COLUMNS].copy()
    unlocated = villages.head(20)[schema.LOCATION_QUALITY] == schema.ESTIMATED
    frame.loc[unlocated, [schema.LAT, schema.LON]] = None
    out = frame.astype(object).where(frame.notna(), "").astype(str)
    out[schema.MOO] = frame[schema.MOO].astype(str)
    return out.reset_index(drop=True)


def as_csv(frame: pd.DataFrame, encoding: str = "utf-8") -> bytes:
    return frame.to_csv(index=False).encode(encoding)


def problems_of(data: bytes, name: str, tambons) -> list:
    with pytest.raises(geodata.UploadError) as caught:
        read_village_list(data, name, tambons)
    return list(caught.value.problems)


def only(problems, check):
    found = [p for p in problems if p.check == check]
    assert found, f"expected a {check!r} problem, got {[p.check for p in problems]}"
    return found


# --- village lists: accepted ------------------------------------------------------------------------------
def test_a_clean_utf8_csv_is_accepted(table, tambons):
    loaded = read_village_list(as_csv(table), "villages.csv", tambons)
    assert loaded[schema.VILLAGE_CODE].tolist() == table[schema.VILLAGE_CODE].tolist()
    assert loaded[schema.VILLAGE_TH].tolist() == table[schema.VILLAGE_TH].tolist()
    assert list(loaded.columns) == [*schema.VILLAGE_COLUMNS, schema.GEOMETRY]


def test_a_windows_874_csv_keeps_thai_names(table, tambons):
    loaded = read_village_list(as_csv(table, "cp874"), "villages.csv", tambons)
    assert loaded[schema.VILLAGE_TH].tolist() == table[schema.VILLAGE_TH].tolist()


def test_an_xlsx_list_with_numeric_codes_is_accepted(table, tambons):
    numeric = table.copy()
    for column in (schema.VILLAGE_CODE, schema.TAMBON_CODE, schema.AMPHOE_CODE, schema.MOO):
        numeric[column] = numeric[column].astype(int)
    buffer = io.BytesIO()
    numeric.to_excel(buffer, index=False)
    loaded = read_village_list(buffer.getvalue(), "villages.xlsx", tambons)
    assert loaded[schema.VILLAGE_CODE].tolist() == table[schema.VILLAGE_CODE].tolist()


def test_thai_headers_are_understood(table, tambons):
    thai = table.rename(columns={schema.VILLAGE_CODE: "รหัสหมู่บ้าน", schema.MOO: "หมู่ที่"})
    loaded = read_village_list(as_csv(thai), "villages.csv", tambons)
    assert len(loaded) == len(table)


def test_villages_without_coordinates_keep_known_points_or_get_estimated_ones(table, tambons, villages):
    no_points = table.assign(lat="", lon="")
    loaded = read_village_list(as_csv(no_points), "villages.csv", tambons, known_points=villages)
    known = villages.set_index(schema.VILLAGE_CODE)
    for _, row in loaded.iterrows():
        assert row[schema.LOCATION_QUALITY] == known.at[row[schema.VILLAGE_CODE], schema.LOCATION_QUALITY]
    bare = read_village_list(as_csv(no_points), "villages.csv", tambons)
    assert (bare[schema.LOCATION_QUALITY] == schema.ESTIMATED).all()


# --- village lists: each problem --------------------------------------------------------------------------
def test_empty_file(tambons):
    assert only(problems_of(b"", "villages.csv", tambons), "empty_file")
    header_only = ",".join(schema.UPLOAD_REQUIRED_COLUMNS).encode()
    assert only(problems_of(header_only, "villages.csv", tambons), "empty_file")


def test_missing_column_is_named(table, tambons):
    found = only(problems_of(as_csv(table.drop(columns=[schema.TAMBON_CODE])), "v.csv", tambons),
                 "missing_column")
    assert found[0].column == schema.TAMBON_CODE
    assert "add a column" in found[0].fix


def test_duplicate_code_names_both_rows(table, tambons):
    table.loc[5, schema.VILLAGE_CODE] = table.loc[2, schema.VILLAGE_CODE]
    table.loc[5, schema.MOO] = table.loc[2, schema.MOO]
    table.loc[5, schema.TAMBON_CODE] = table.loc[2, schema.TAMBON_CODE]
    (problem,) = only(problems_of(as_csv(table), "v.csv", tambons), "duplicate_code")
    assert problem.row == 7 and "row 4" in problem.message
    assert problem.value == table.loc[2, schema.VILLAGE_CODE]


@pytest.mark.parametrize(("column", "bad"), [(schema.VILLAGE_CODE, "8001061"), (schema.TAMBON_CODE, "80010A"),
                                             (schema.AMPHOE_CODE, "80001")])
def test_malformed_codes(table, tambons, column, bad):
    table.loc[3, column] = bad
    found = [p for p in only(problems_of(as_csv(table), "v.csv", tambons), "malformed_code") if p.column == column]
    assert found[0].row == 5 and found[0].value == bad
    assert f"{schema.CODE_LENGTHS[column]} digits" in found[0].message


def test_village_whose_tambon_is_unknown(table, tambons):
    table.loc[0, schema.TAMBON_CODE] = "801799"
    table.loc[0, schema.VILLAGE_CODE] = "80179901"
    table.loc[0, schema.AMPHOE_CODE] = "8017"
    (problem,) = only(problems_of(as_csv(table), "v.csv", tambons), "unknown_tambon")
    assert (problem.row, problem.column, problem.value) == (2, schema.TAMBON_CODE, "801799")


def test_tambon_code_that_does_not_start_with_its_amphoe(table, tambons):
    table.loc[1, schema.AMPHOE_CODE] = "8002"
    found = only(problems_of(as_csv(table), "v.csv", tambons), "code_hierarchy")
    assert any(p.row == 3 and p.column == schema.TAMBON_CODE and "8002" in p.message for p in found)


def test_lat_lon_swapped(table, tambons):
    located = table.index[table[schema.LAT] != ""][0]
    table.loc[located, [schema.LAT, schema.LON]] = table.loc[located, [schema.LON, schema.LAT]].to_numpy()
    (problem,) = only(problems_of(as_csv(table), "v.csv", tambons), "coordinates_swapped")
    assert problem.row == located + 2
    assert "swap" in problem.fix


def test_point_outside_thailand(table, tambons):
    located = table.index[table[schema.LAT] != ""][0]
    table.loc[located, [schema.LAT, schema.LON]] = ["48.85", "2.35"]
    (problem,) = only(problems_of(as_csv(table), "v.csv", tambons), "outside_thailand")
    assert problem.value == "48.85, 2.35"


def test_non_numeric_moo(table, tambons):
    table.loc[4, schema.MOO] = "หมู่ 5"
    (problem,) = only(problems_of(as_csv(table), "v.csv", tambons), "moo_not_numeric")
    assert (problem.row, problem.column, problem.value) == (6, schema.MOO, "หมู่ 5")


def test_every_problem_is_reported_at_once(table, tambons):
    table.loc[4, schema.MOO] = "five"
    table.loc[6, schema.VILLAGE_CODE] = "123"
    table.loc[8, schema.LAT] = "abc"
    checks = {p.check for p in problems_of(as_csv(table), "v.csv", tambons)}
    assert {"moo_not_numeric", "malformed_code", "coordinate_not_numeric"} <= checks


def test_unknown_file_type_and_bad_encoding(tambons):
    assert only(problems_of(b"x", "villages.pdf", tambons), "file_type")
    assert only(problems_of(bytes([0x81, 0xFF, 0xFE, 0x00]) * 10, "villages.csv", tambons), "encoding")


def test_problem_text_says_where_and_how_to_fix(table, tambons):
    table.loc[4, schema.MOO] = "five"
    with pytest.raises(geodata.UploadError) as caught:
        read_village_list(as_csv(table), "mine.csv", tambons)
    text = str(caught.value)
    assert "mine.csv" in text and "row 6" in text and "'five'" in text and "Fix:" in text


# --- boundary files ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def three_tambons(tambons):
    return tambons.head(3)[[schema.TAMBON_CODE, schema.TAMBON_TH, schema.AMPHOE_CODE, "geometry"]].copy()


def to_bytes(frame: gpd.GeoDataFrame, driver: str, suffix: str, tmp_path) -> bytes:
    path = tmp_path / f"layer{suffix}"
    frame.to_file(path, driver=driver)
    return path.read_bytes()


def zipped_shapefile(frame: gpd.GeoDataFrame, tmp_path, keep_prj: bool = True) -> bytes:
    folder = tmp_path / "shp"
    folder.mkdir()
    frame.to_file(folder / "tambon.shp")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part in folder.iterdir():
            if keep_prj or part.suffix != ".prj":
                archive.write(part, part.name)
    return buffer.getvalue()


def boundary_problems_of(data: bytes, name: str) -> list:
    with pytest.raises(geodata.UploadError) as caught:
        read_boundaries(data, name)
    return list(caught.value.problems)


def test_boundaries_in_each_format_are_read_in_wgs84(three_tambons, tmp_path):
    metric = three_tambons.to_crs(provinces.metric_crs())
    for data, name in ((to_bytes(three_tambons, "GeoJSON", ".geojson", tmp_path), "t.geojson"),
                       (to_bytes(metric, "GPKG", ".gpkg", tmp_path), "t.gpkg"),
                       (zipped_shapefile(metric, tmp_path), "t.zip")):
        loaded = read_boundaries(data, name)
        assert loaded.crs == schema.GEOGRAPHIC_CRS
        assert loaded[schema.TAMBON_CODE].tolist() == three_tambons[schema.TAMBON_CODE].tolist()


def test_shapefile_without_crs(three_tambons, tmp_path):
    data = zipped_shapefile(three_tambons, tmp_path, keep_prj=False)
    (problem,) = boundary_problems_of(data, "t.zip")
    assert problem.check == "missing_crs" and ".prj" in problem.fix


def test_wrong_crs_declared(three_tambons, tmp_path):
    metres_said_degrees = three_tambons.to_crs(provinces.metric_crs()).set_crs(schema.GEOGRAPHIC_CRS,
                                                                          allow_override=True)
    problems = boundary_problems_of(to_bytes(metres_said_degrees, "GPKG", ".gpkg", tmp_path), "t.gpkg")
    assert only(problems, "wrong_crs")[0].value == "EPSG:4326"


def test_invalid_polygon_says_why(three_tambons, tmp_path):
    bowtie = Polygon([(99.9, 8.4), (100.0, 8.5), (100.0, 8.4), (99.9, 8.5)])
    broken = three_tambons.copy()
    broken.loc[broken.index[1], "geometry"] = bowtie
    (problem,) = only(boundary_problems_of(to_bytes(broken, "GPKG", ".gpkg", tmp_path), "t.gpkg"),
                      "invalid_polygon")
    assert problem.row == 3 and "Self-intersection" in problem.message
    assert problem.value == broken[schema.TAMBON_CODE].iloc[1]


def test_boundary_code_problems(three_tambons, tmp_path):
    bad = three_tambons.copy()
    bad.loc[bad.index[0], schema.AMPHOE_CODE] = "8002"
    bad.loc[bad.index[2], schema.TAMBON_CODE] = bad[schema.TAMBON_CODE].iloc[1]
    problems = boundary_problems_of(to_bytes(bad, "GPKG", ".gpkg", tmp_path), "t.gpkg")
    assert only(problems, "code_hierarchy")[0].row == 2
    assert only(problems, "duplicate_code")[0].row == 4


def test_boundary_file_missing_code_column_and_empty(three_tambons, tmp_path):
    no_code = three_tambons.drop(columns=[schema.TAMBON_CODE])
    assert only(boundary_problems_of(to_bytes(no_code, "GPKG", ".gpkg", tmp_path), "t.gpkg"), "missing_column")
    assert only(boundary_problems_of(b"", "t.geojson"), "empty_file")
    empty = three_tambons.iloc[0:0]
    assert only(boundary_problems_of(to_bytes(empty, "GPKG", ".gpkg", tmp_path / ".."), "e.gpkg"), "empty_file")
