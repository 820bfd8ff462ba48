"""Issue 10: every bad table a planner uploads is refused with its row and the fix, never with a Python error.

One readable test per case the issue names, over the four table readers the pages call (village list,
location corrections, six-step progress, facilitator roster). Each reader starts from a small valid file of
real codes, damaged in one known way. (Generated bad input is in test_upload_properties.py.)
"""

from __future__ import annotations

import codecs
import io
import json
import zipfile

import openpyxl
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import box

import geodata
import planning
from geodata import limits, provinces, schema
from geodata.corrections import read_corrections
from geodata.errors import UploadError
from geodata.progress_io import read_progress_file
from geodata.roster_file import read_roster_csv
from geodata.uploads import read_boundaries, read_village_list

UPLOAD_COLUMNS = [*schema.UPLOAD_REQUIRED_COLUMNS, schema.VILLAGE_EN, schema.LAT, schema.LON]
TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@pytest.fixture(scope="module")
def villages():
    return geodata.load_villages()


@pytest.fixture(scope="module")
def tambons():
    return geodata.load_tambons()


@pytest.fixture(scope="module")
def located(villages):
    """Ten villages that all have a matched point, as a planner's CSV holds them (every cell text)."""
    rows = villages[villages[schema.LOCATION_QUALITY] != schema.ESTIMATED].head(10)[UPLOAD_COLUMNS]
    return rows.astype(str).reset_index(drop=True)


def csv_of(frame) -> bytes:
    return frame.to_csv(index=False).encode("utf-8")


def lines_of(data: bytes) -> list[str]:
    return data.decode("utf-8").splitlines()


def problems(call) -> list:
    with pytest.raises(UploadError) as caught:
        call()
    return list(caught.value.problems)


# --- The four readers, each with a valid file of a few rows --------------------------------------------------
@pytest.fixture(scope="module")
def readers(villages, tambons, located):
    """name -> (valid CSV bytes, read(data, filename) raising UploadError or, for the roster, InvalidInputError)."""
    estimated = villages[villages[schema.LOCATION_QUALITY] == schema.ESTIMATED].iloc[0]
    inside = tambons.set_index(schema.TAMBON_CODE).geometry[estimated[schema.TAMBON_CODE]].representative_point()
    return {
        "village list": (csv_of(located), lambda d, n: read_village_list(d, n, tambons, known_points=villages)),
        "corrections": (f"village_code,lat,lon,source\n{estimated[schema.VILLAGE_CODE]},{inside.y:.6f},"
                        f"{inside.x:.6f},GPS อบต.\n80010601,8.39,100.02,GPS\n".encode(),
                        lambda d, n: read_corrections(d, n, villages, tambons)),
        "progress": ("village_code,step,reached_on,reported_by,reason\n80010601,4,1/6/2550,อ.เมือง,\n"
                     "80010602,1,2/6/2550,,\n".encode(),
                     lambda d, n: read_progress_file(d, n, reporter="ผู้นำเข้า")),
        "roster": (b"amphoe_code,teams\n8001,3\n8002,2\n",
                   lambda d, n: read_roster_csv(d, n, capacity=10, districts=["8001", "8002"])),
    }


def refusal(read, data: bytes, filename: str = "file.csv") -> str:
    """The whole message of the reader's refusal (UploadError, or InvalidInputError for the roster)."""
    with pytest.raises((UploadError, planning.InvalidInputError)) as caught:
        read(data, filename)
    return str(caught.value)


READER_NAMES = ("village list", "corrections", "progress", "roster")
VALID_ROWS = {"village list": 10, "corrections": 2, "progress": 2, "roster": 2}


def size_of(result) -> int:
    """Rows read: a frame's length, the corrections, a progress file's rows or a roster's districts."""
    if hasattr(result, "rows"):
        return len(result.rows)
    if hasattr(result, "teams"):
        return len(result.teams)
    return len(result)


@pytest.mark.parametrize("name", READER_NAMES)
def test_each_valid_file_is_read(readers, name):
    data, read = readers[name]
    assert size_of(read(data, "file.csv")) == VALID_ROWS[name]


# --- Crashes -------------------------------------------------------------------------------------------------
def test_a_list_where_every_village_has_coordinates_is_accepted(located, tambons, villages):
    """Raised `TypeError: Invalid value '[]' for dtype 'float64'`: no village needed a known point."""
    loaded = read_village_list(csv_of(located), "villages.csv", tambons, known_points=villages)
    assert loaded[schema.VILLAGE_CODE].tolist() == sorted(located[schema.VILLAGE_CODE])
    assert loaded[schema.LAT].tolist() == pytest.approx(located.sort_values(schema.VILLAGE_CODE)[schema.LAT]
                                                        .astype(float).tolist())


def test_a_list_whose_villages_without_coordinates_have_no_known_point_is_accepted(located, tambons, villages):
    """The same crash when the rows without lat/lon have no located point in the data set in use."""
    unlocated = villages[villages[schema.LOCATION_QUALITY] == schema.ESTIMATED].head(3)[UPLOAD_COLUMNS]
    extra = unlocated.astype(str).assign(lat="", lon="")
    data = csv_of(located) + extra.to_csv(index=False, header=False).encode()
    loaded = read_village_list(data, "villages.csv", tambons, known_points=villages).set_index(schema.VILLAGE_CODE)
    assert (loaded.loc[extra[schema.VILLAGE_CODE], schema.LOCATION_QUALITY] == schema.ESTIMATED).all()
    assert (loaded.loc[located[schema.VILLAGE_CODE], schema.LOCATION_QUALITY] != schema.ESTIMATED).all()


def test_an_xlsx_list_with_numeric_codes_and_known_points_is_accepted(located, tambons, villages):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(UPLOAD_COLUMNS)
    for row in located.itertuples(index=False):
        sheet.append([int(row[0]), int(row[1]), row[2], int(row[3]), int(row[4]), row[5], float(row[6]),
                      float(row[7])])
    buffer = io.BytesIO()
    book.save(buffer)
    loaded = read_village_list(buffer.getvalue(), "villages.xlsx", tambons, known_points=villages)
    assert sorted(loaded[schema.VILLAGE_CODE]) == sorted(located[schema.VILLAGE_CODE])


def test_thai_digits_in_moo_codes_and_coordinates_are_read_as_digits(located, tambons, villages):
    thai = located.copy()
    for column in (schema.VILLAGE_CODE, schema.MOO, schema.TAMBON_CODE, schema.AMPHOE_CODE, schema.LAT):
        thai[column] = thai[column].str.translate(TO_THAI)
    loaded = read_village_list(csv_of(thai), "villages.csv", tambons, known_points=villages)
    assert sorted(loaded[schema.VILLAGE_CODE]) == sorted(located[schema.VILLAGE_CODE])
    assert sorted(loaded[schema.MOO]) == sorted(located[schema.MOO].astype(int))


@pytest.mark.parametrize(("column", "value", "check"), [
    (schema.MOO, "٣", "moo_not_numeric"),        # Arabic-Indic three: int() would accept it
    (schema.MOO, "²", "moo_not_numeric"),        # superscript two: isdigit() but not int()
    (schema.VILLAGE_CODE, "8001060²", "malformed_code"),
    (schema.LAT, "٨.٤", "coordinate_not_numeric"),
])
def test_digits_of_other_scripts_are_refused_naming_the_character(located, tambons, column, value, check):
    table = located.copy()
    table.loc[2, column] = value
    found = [p for p in problems(lambda: read_village_list(csv_of(table), "v.csv", tambons)) if p.check == check]
    assert found and found[0].row == 4
    assert "is not a digit 0-9 or ๐-๙" in found[0].message


@pytest.mark.parametrize("name", READER_NAMES)
def test_a_row_with_an_extra_cell_is_refused_with_its_row(readers, name):
    """Raised pandas' ParserError in every reader."""
    data, read = readers[name]
    lines = lines_of(data)
    lines[2] += ",surplus"
    message = refusal(read, "\n".join(lines).encode())
    assert "row 3" in message and "cells but the header has" in message and "'surplus'" in message


@pytest.mark.parametrize("name", READER_NAMES)
def test_an_extra_cell_on_the_first_data_row_is_refused_instead_of_shifting_the_columns(readers, name):
    """pandas took the first column as the index and read every cell one column to the left."""
    data, read = readers[name]
    lines = lines_of(data)
    lines[1] += ",surplus"
    message = refusal(read, "\n".join(lines).encode())
    assert "row 2" in message and "cells but the header has" in message


@pytest.mark.parametrize("name", READER_NAMES)
def test_an_unclosed_quote_is_refused_with_its_row(readers, name):
    data, read = readers[name]
    lines = lines_of(data)
    lines[2] = '"' + lines[2]
    message = refusal(read, "\n".join(lines).encode())
    assert "row 3" in message and "never closed" in message


@pytest.mark.parametrize(("name", "header", "alias"), [
    ("village list", schema.VILLAGE_CODE, "รหัสหมู่บ้าน"),
    ("corrections", schema.VILLAGE_CODE, "รหัสหมู่บ้าน"),
    ("progress", "step", "ขั้นที่"),
])
def test_two_headers_meaning_the_same_column_are_refused_naming_both(readers, name, header, alias):
    """Raised "The truth value of a Series is ambiguous" (the frame had two columns of one name)."""
    data, read = readers[name]
    lines = lines_of(data)
    lines = [f"{lines[0]},{alias}", *(f"{line},{line.split(',')[lines[0].split(',').index(header)]}"
                                      for line in lines[1:])]
    message = refusal(read, "\n".join(lines).encode())
    assert f"headers '{header}' (column A" in message or f"headers '{header}'" in message
    assert f"'{alias}'" in message and f"both mean '{header}'" in message


def test_a_progress_file_with_two_code_columns_that_disagree_is_refused(readers):
    """The second column was used silently."""
    _, read = readers["progress"]
    data = "village_code,step,reached_on,รหัสหมู่บ้าน\n80010601,4,1/6/2550,80010602\n".encode()
    message = refusal(read, data)
    assert "'village_code' (column A) and 'รหัสหมู่บ้าน' (column D) both mean 'village_code'" in message


def test_a_duplicated_column_the_reader_does_not_use_is_ignored(readers):
    data, read = readers["progress"]
    lines = lines_of(data)
    lines = [lines[0] + ",note,note", *(line + ",a,b" for line in lines[1:])]
    assert len(read("\n".join(lines).encode(), "file.csv").rows) == 2


# --- Encodings -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "cp874"])
def test_utf16_with_or_without_a_byte_order_mark_and_windows_874_are_read(located, tambons, villages, encoding):
    """UTF-16 without a BOM was reported as "every column missing"."""
    data = located.to_csv(index=False).encode(encoding)
    if encoding == "utf-16":
        assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    loaded = read_village_list(data, "villages.csv", tambons, known_points=villages)
    assert sorted(loaded[schema.VILLAGE_TH]) == sorted(located[schema.VILLAGE_TH])


def test_a_binary_file_named_csv_is_refused_as_not_text(tambons):
    found = problems(lambda: read_village_list(b"PK\x03\x04\x00\x00binary\x00\x01", "v.csv", tambons))
    assert [p.check for p in found] == ["encoding"]


# --- Row numbers ---------------------------------------------------------------------------------------------
def test_blank_rows_are_skipped_but_counted_so_row_numbers_match_the_spreadsheet(located, tambons):
    table = located.copy()
    table.loc[2, schema.MOO] = "five"
    lines = lines_of(csv_of(table))
    data = "\n".join([lines[0], "", ",,,,,,,", *lines[1:]]).encode()
    (problem,) = [p for p in problems(lambda: read_village_list(data, "v.csv", tambons))
                  if p.check == "moo_not_numeric"]
    assert problem.row == 6  # header 1, blank 2, empty cells 3, data from row 4: the damaged line is row 6


# --- Free text -----------------------------------------------------------------------------------------------
def test_a_village_name_longer_than_the_limit_is_refused(located, tambons):
    table = located.copy()
    table.loc[1, schema.VILLAGE_TH] = "บ้าน" * 30
    (problem,) = [p for p in problems(lambda: read_village_list(csv_of(table), "v.csv", tambons))
                  if p.check == "text_too_long"]
    assert (problem.row, problem.column) == (3, schema.VILLAGE_TH)
    assert f"at most {limits.NAME_MAX_CHARS} are allowed" in problem.message


def test_a_correction_source_longer_than_the_limit_is_refused(readers):
    data, read = readers["corrections"]
    long_source = "ส" * (limits.NOTE_MAX_CHARS + 1)
    message = refusal(read, data.replace("GPS อบต.".encode(), long_source.encode()))
    assert f"the source has {limits.NOTE_MAX_CHARS + 1} characters; at most {limits.NOTE_MAX_CHARS}" in message


def test_a_progress_row_with_a_reason_of_20000_characters_is_refused_and_the_others_kept(readers):
    """20,000 characters were stored."""
    data, read = readers["progress"]
    lines = lines_of(data)
    lines[1] += "x" * 20_000
    parsed = read("\n".join(lines).encode(), "file.csv")
    assert [r.village_code for r in parsed.rows] == ["80010602"]
    (refused,) = parsed.refused
    assert (refused.check, refused.row, refused.column) == ("text_too_long", 2, "reason")
    assert "the reason has 20,000 characters; at most 500 are allowed" in refused.message


def test_any_cell_longer_than_the_cell_limit_is_refused(readers):
    data, read = readers["roster"]
    message = refusal(read, data.replace(b"8002,2", b"8002," + b"9" * (limits.CELL_MAX_CHARS + 1)))
    assert f"at most {limits.CELL_MAX_CHARS:,} are allowed" in message


def test_a_control_character_in_a_cell_is_refused(located, tambons):
    table = located.copy()
    table.loc[0, schema.VILLAGE_EN] = "Ban\x07 Tha Rai"
    (problem,) = problems(lambda: read_village_list(csv_of(table), "v.csv", tambons))
    assert (problem.check, problem.row, problem.column) == ("control_character", 2, schema.VILLAGE_EN)
    assert "U+0007" in problem.message


# --- Size and rows -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "limit"), [("village list", limits.VILLAGE_LIST),
                                             ("corrections", limits.CORRECTIONS),
                                             ("progress", limits.PROGRESS), ("roster", limits.ROSTER)])
def test_a_file_over_its_size_limit_is_refused_saying_the_limit(readers, name, limit):
    data, read = readers[name]
    padded = data + b"\n" * (limit.max_bytes - len(data) + 1)
    message = refusal(read, padded)
    assert f"may be at most {limit.max_megabytes} MB" in message


@pytest.mark.parametrize(("name", "limit"), [("village list", limits.VILLAGE_LIST),
                                             ("corrections", limits.CORRECTIONS),
                                             ("progress", limits.PROGRESS), ("roster", limits.ROSTER)])
def test_a_file_over_its_row_limit_is_refused_saying_the_limit(readers, name, limit):
    data, read = readers[name]
    lines = lines_of(data)
    many = "\n".join([lines[0], *([lines[1]] * (limit.max_rows + 1))]).encode()
    assert len(many) <= limit.max_bytes
    message = refusal(read, many)
    assert f"more than {limit.max_rows:,} rows; a {limit.what} may have at most {limit.max_rows:,}" in message


def test_an_xlsx_over_the_row_limit_is_refused(located, tambons):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(UPLOAD_COLUMNS)
    row = located.iloc[0].tolist()
    for _ in range(limits.VILLAGE_LIST.max_rows + 1):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    (problem,) = problems(lambda: read_village_list(buffer.getvalue(), "v.xlsx", tambons))
    assert problem.check == "too_many_rows"


def test_a_workbook_that_would_unpack_to_too_much_is_refused_before_opening(tambons):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (limits.MAX_UNPACKED_BYTES + 1))
    assert len(buffer.getvalue()) < limits.VILLAGE_LIST.max_bytes
    (problem,) = problems(lambda: read_village_list(buffer.getvalue(), "v.xlsx", tambons))
    assert problem.check == "file_too_large" and "unpacks to" in problem.message


def test_a_damaged_workbook_is_refused_in_the_users_terms(tambons):
    (problem,) = problems(lambda: read_village_list(b"PK\x03\x04 not really a workbook", "v.xlsx", tambons))
    assert problem.check == "unreadable" and "damaged or not an .xlsx file" in problem.message


# --- Boundary files ------------------------------------------------------------------------------------------
def boundary_problems(data: bytes, filename: str) -> list:
    return problems(lambda: read_boundaries(data, filename))


@pytest.fixture(scope="module")
def two_tambons(tambons):
    return tambons.head(2)[[schema.TAMBON_CODE, schema.TAMBON_TH, schema.AMPHOE_CODE, "geometry"]].copy()


def geojson_with_crs(frame, crs_name: str) -> bytes:
    document = json.loads(frame.to_json())
    document["crs"] = {"type": "name", "properties": {"name": crs_name}}
    return json.dumps(document).encode()


def test_a_geojson_declaring_an_unknown_crs_is_refused(two_tambons):
    """EPSG:99999 was read as EPSG:4326 without a word."""
    (problem,) = boundary_problems(geojson_with_crs(two_tambons, "EPSG:99999"), "t.geojson")
    assert problem.check == "unknown_crs" and problem.value == "EPSG:99999"
    assert "EPSG:4326" in problem.fix


def test_a_geojson_declaring_a_known_crs_is_reprojected(two_tambons):
    metric = two_tambons.to_crs(provinces.metric_crs())
    loaded = read_boundaries(geojson_with_crs(metric, "urn:ogc:def:crs:EPSG::32647"), "t.geojson")
    assert loaded.crs == schema.GEOGRAPHIC_CRS
    assert loaded.geometry.iloc[0].centroid.distance(two_tambons.geometry.iloc[0].centroid) < 1e-6


@pytest.mark.parametrize(("data", "filename", "said"), [
    (b"{not json at all", "t.geojson", "not valid GeoJSON"),
    (b'{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Polygon"', "t.json",
     "not valid GeoJSON"),
    (b"SQLite format 3\x00" + b"\x00" * 200, "t.gpkg", "not a readable GeoPackage"),
])
@pytest.mark.filterwarnings("ignore:GPKG:RuntimeWarning")
def test_an_unreadable_boundary_file_is_explained_without_gdal_text_or_server_paths(data, filename, said):
    (problem,) = boundary_problems(data, filename)
    text = str(problem)
    assert problem.check == "unreadable" and said in text
    assert "/tmp" not in text and "upload." not in text
    assert "not recognized" not in text and "driver" not in text.lower()


@pytest.mark.filterwarnings("ignore:Column names longer:UserWarning", "ignore:Normalized/laundered:RuntimeWarning")
def test_a_zip_whose_shapefile_lacks_its_dbf_is_explained(two_tambons, tmp_path):
    folder = tmp_path / "shp"
    folder.mkdir()
    two_tambons.to_file(folder / "t.shp")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part in folder.iterdir():
            if part.suffix not in (".dbf", ".shx"):
                archive.write(part, part.name)
    (problem,) = boundary_problems(buffer.getvalue(), "t.zip")
    assert problem.check == "unreadable" and ".shx" in problem.message and "/tmp" not in str(problem)


def test_two_attributes_meaning_the_same_code_are_refused_naming_both(two_tambons, tmp_path):
    both = two_tambons.assign(ADM3_PCODE="TH" + two_tambons[schema.TAMBON_CODE])
    path = tmp_path / "t.gpkg"
    both.to_file(path)
    found = [p for p in boundary_problems(path.read_bytes(), "t.gpkg") if p.check == "duplicate_column"]
    assert found and "'tambon_code'" in found[0].message and "'ADM3_PCODE'" in found[0].message


def test_a_layer_without_geometries_is_refused(two_tambons, tmp_path):
    table = pd.DataFrame(two_tambons.drop(columns="geometry"))
    path = tmp_path / "t.gpkg"
    pyogrio.write_dataframe(table, path, driver="GPKG")
    (problem,) = boundary_problems(path.read_bytes(), "t.gpkg")
    assert problem.check == "no_geometry"


def test_attributes_that_are_not_numbers_where_counts_are_expected_do_not_crash(two_tambons, tmp_path):
    odd = two_tambons.assign(n_muban=["many", None], area_km2=["big", "1.5"])
    path = tmp_path / "t.gpkg"
    odd.to_file(path)
    loaded = read_boundaries(path.read_bytes(), "t.gpkg")
    assert loaded[schema.TAMBON_CODE].tolist() == two_tambons[schema.TAMBON_CODE].tolist()


def test_a_boundary_file_over_the_size_limit_is_refused_unread():
    data = b'{"type": "FeatureCollection", "features": []}' + b" " * limits.BOUNDARIES.max_bytes
    (problem,) = boundary_problems(data, "t.geojson")
    assert problem.check == "file_too_large" and "at most 20 MB" in problem.message


def test_a_boundary_file_with_more_features_than_the_limit_is_refused(tambons, tmp_path):
    tiny = tambons.head(1)[[schema.TAMBON_CODE, schema.AMPHOE_CODE, "geometry"]]
    tiny = tiny.assign(geometry=[box(100.0, 8.0, 100.001, 8.001)])
    many = pd.concat([tiny] * (limits.BOUNDARIES.max_rows + 1), ignore_index=True)
    path = tmp_path / "t.gpkg"
    many.to_file(path)
    (problem,) = boundary_problems(path.read_bytes(), "t.gpkg")
    assert problem.check == "too_many_rows" and "more than 5,000 features" in problem.message


def test_a_correction_placed_on_the_map_with_an_overlong_source_is_refused(villages, tambons):
    from geodata.corrections import check_point

    row = villages[villages[schema.LOCATION_QUALITY] == schema.ESTIMATED].iloc[0]
    with pytest.raises(geodata.GeodataError, match=f"at most {limits.NOTE_MAX_CHARS} are allowed"):
        check_point(row[schema.VILLAGE_CODE], row[schema.LAT], row[schema.LON], "ส" * 20_000, villages, tambons)
