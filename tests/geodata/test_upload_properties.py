"""Issue 10, generated bad input: every upload reader returns a value or raises the project's error, never
another exception, and nothing is written when it refuses.

Readers (the functions the pages call): village list, location corrections, six-step progress (read, and
imported into a store), facilitator roster, boundary files. Inputs: arbitrary bytes; CSV-like text with
shuffled, duplicated and aliased headers, ragged rows, stray and unclosed quotes, mixed encodings (UTF-8 with
and without BOM, Windows-874, UTF-16 with and without BOM) and mixed digits (ASCII, Thai, superscript,
Arabic-Indic); small workbooks of the same tables; GeoJSON-like documents and zips. The roster reader's
error is planning.InvalidInputError (the dashboard shows the roster's problems that way); every other reader
raises geodata.UploadError.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import geodata
import planning
from geodata import schema
from geodata.corrections import read_corrections
from geodata.errors import UploadError
from geodata.progress_io import HEADER_ALIASES, read_progress_file
from geodata.roster_file import read_roster_csv
from geodata.uploads import read_boundaries, read_village_list
from service import PLANNER, Actor, Workspace
from service.roles import COMMAND_LINE
from store import open_store

#: Fast enough that the whole property set stays well under 30 s on two cores.
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VILLAGES = geodata.load_villages()
TAMBONS = geodata.load_tambons()
VILLAGES_BEFORE = VILLAGES.copy()
TAMBONS_BEFORE = TAMBONS.copy()

# --- Cells and headers --------------------------------------------------------------------------------------
REAL_VALUES = ["80010601", "80010602", "800106", "8001", "8002", "1", "2", "3", "12", "0", "-1", "3.0",
               "8.396698", "100.01881", "99.9", "1e400", "nan", "บ้านท่าไร่", "Ban Tha Rai", "31/1/2568",
               "2025-01-31", "29/2/2567", "GPS อบต.", "high", "estimated", ""]
SCRIPTS = {"thai": "๐๑๒๓๔๕๖๗๘๙", "arabic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹", "superscript": "⁰¹²³⁴⁵⁶⁷⁸⁹"}
TRICKY_TEXT = st.text(alphabet=st.sampled_from(list('aก1๑²٣ ,;"\'\t\r\n=+-@\x07\ufeffé\u200b')), max_size=12)
CELLS = st.one_of(st.sampled_from(REAL_VALUES), st.sampled_from(REAL_VALUES), TRICKY_TEXT,
                  st.integers(-10**25, 10**25).map(str))

VILLAGE_HEADERS = [*schema.UPLOAD_REQUIRED_COLUMNS, *schema.UPLOAD_OPTIONAL_COLUMNS, schema.MATCH_CONFIDENCE,
                   *schema.UPLOAD_HEADER_ALIASES, "VILLAGE_CODE", " moo ", "\ufeffvillage_code", "note", ""]
CORRECTION_HEADERS = ["village_code", "lat", "lon", "source", "รหัสหมู่บ้าน", "ละติจูด", "latitude", "Source",
                      "note", ""]
PROGRESS_HEADERS = ["village_code", "step", "reached_on", "reported_by", "reason", *HEADER_ALIASES, "wave",
                    "moo", ""]
ROSTER_HEADERS = ["amphoe_code", "teams", "Teams", "AMPHOE_CODE", "note", ""]


def _real_rows() -> dict[str, list[dict[str, str]]]:
    """Valid rows of each kind of file, from the embedded data: generated tables start from them half the time,
    so the readers' deeper checks (codes, hierarchy, points, dates, teams) run too, not only the header's."""
    sample = VILLAGES.head(40)
    upload = sample[[*schema.UPLOAD_REQUIRED_COLUMNS, schema.VILLAGE_EN, schema.LAT, schema.LON]].astype(str)
    upload.loc[sample[schema.LOCATION_QUALITY].to_numpy() == schema.ESTIMATED, [schema.LAT, schema.LON]] = ""
    return {
        "village list": upload.to_dict("records"),
        "corrections": [{"village_code": v, "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "source": "GPS"}
                        for v, lat, lon in zip(sample[schema.VILLAGE_CODE], sample[schema.LAT], sample[schema.LON],
                                               strict=True)],
        "progress": [{"village_code": v, "step": str(1 + i % 6), "reached_on": f"{1 + i % 28}/{1 + i % 12}/2550",
                      "reported_by": "อ.เมือง", "reason": "" if i % 3 else "ย้อนขั้น"}
                     for i, v in enumerate(sample[schema.VILLAGE_CODE])],
        "roster": [{"amphoe_code": "8001", "teams": "3"}, {"amphoe_code": "8002", "teams": "2"}],
    }


REAL_ROWS = _real_rows()


@st.composite
def tables(draw, headers: list[str], kind: str) -> list[list[str]]:
    """A header row and data rows: either random (shuffled, duplicated or aliased headers over ragged rows of
    tricky cells) or real rows with their columns shuffled, an extra header or two, and some cells damaged."""
    if draw(st.booleans()):
        header = draw(st.lists(st.sampled_from(headers), min_size=0, max_size=8))
        rows = draw(st.lists(st.lists(CELLS, min_size=0, max_size=len(header) + 2), max_size=8))
        return [header, *rows]
    real = REAL_ROWS[kind]
    header = draw(st.permutations(list(real[0])))
    for extra in draw(st.lists(st.sampled_from(headers), max_size=2)):
        header.insert(draw(st.integers(0, len(header))), extra)
    chosen = draw(st.lists(st.sampled_from(real), min_size=1, max_size=6))
    rows = []
    for record in chosen:
        row = [record.get(column, "") for column in header]
        for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
            row[draw(st.integers(0, len(row) - 1))] = draw(CELLS)
        change = draw(st.sampled_from(["keep"] * 6 + ["drop", "extra"]))
        if change == "drop":
            row = row[:-1]
        elif change == "extra":
            row.append(draw(CELLS))
        rows.append(row)
    return [header, *rows]


@st.composite
def csv_bytes(draw, headers: list[str], kind: str) -> bytes:
    """A table written as CSV with random quoting, line ends, digit scripts and encoding."""
    table = draw(tables(headers, kind))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = []
    for row in table:
        cells = []
        for cell in row:
            style = draw(st.sampled_from(["raw"] * 8 + ["quoted", "quoted", "unclosed"]))
            if style == "quoted":
                cell = '"' + cell.replace('"', '""') + '"'
            elif style == "unclosed":
                cell = '"' + cell
            cells.append(cell)
        lines.append(",".join(cells))
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    script = draw(st.sampled_from([None, None, None, *SCRIPTS]))
    if script:
        text = text.translate(str.maketrans("0123456789", SCRIPTS[script]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "cp874", "utf-16", "utf-16-le", "utf-16-be"]))
    return text.encode(encoding, errors="replace")


@st.composite
def xlsx_bytes(draw, headers: list[str], kind: str) -> bytes:
    """The same kind of table as a workbook, cells as numbers, dates, booleans or text."""
    table = draw(tables(headers, kind))
    book = openpyxl.Workbook()
    sheet = book.active
    for row in table:
        values = []
        for cell in row:
            as_type = draw(st.sampled_from(["text", "text", "text", "number", "date", "bool", "none"]))
            if as_type == "number" and cell.isascii() and cell.lstrip("-").replace(".", "", 1).isdigit():
                values.append(float(cell) if "." in cell else int(cell) if abs(int(cell)) < 2**53 else cell)
            elif as_type == "date":
                values.append(dt.datetime(2007, 1, 31))
            elif as_type == "bool":
                values.append(True)
            elif as_type == "none":
                values.append(None)
            else:
                values.append(cell.replace("\x00", "").replace("\x07", ""))
        sheet.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def uploads(headers: list[str], kind: str, suffixes: tuple[str, ...] = (".csv", ".xlsx")):
    """(bytes, filename): arbitrary bytes, CSV-like text or a workbook, mostly under the right kind of name and
    sometimes under a name the reader refuses or another format's name."""
    def names(suffix: str):
        return st.sampled_from([f"file{suffix}"] * 8 + [f"file{suffix.upper()}", "file.txt", "file",
                                                         *(f"file{s}" for s in suffixes if s != suffix)])

    kinds = [st.tuples(st.binary(max_size=600), names(suffixes[0])),
             *[st.tuples(csv_bytes(headers, kind), names(".csv"))] * 3]
    if ".xlsx" in suffixes:
        kinds.append(st.tuples(xlsx_bytes(headers, kind), names(".xlsx")))
    return st.one_of(*kinds)


def returns_or_refuses(call, errors=(UploadError,)):
    """The call's value, or None when it raised one of `errors`; any other exception fails the test."""
    try:
        result = call()
    except errors as error:
        assert str(error)
        checks = sorted({p.check for p in getattr(error, "problems", ()) if hasattr(p, "check")})
        event(f"refused: {', '.join(checks[:3]) or type(error).__name__}")
        return None
    event("accepted")
    return result


def inputs_untouched() -> None:
    """The data set in use is as it was: a refused (or accepted) upload never changes it."""
    assert VILLAGES.equals(VILLAGES_BEFORE) and TAMBONS.equals(TAMBONS_BEFORE)


# --- Table readers ------------------------------------------------------------------------------------------
@FAST
@given(upload=uploads(VILLAGE_HEADERS, "village list"))
def test_village_list_reader_returns_villages_or_raises_upload_error(upload):
    data, name = upload
    result = returns_or_refuses(lambda: read_village_list(data, name, TAMBONS, known_points=VILLAGES))
    if result is not None:
        assert list(result.columns) == [*schema.VILLAGE_COLUMNS, schema.GEOMETRY]
        assert result.geometry.notna().all()
    inputs_untouched()


@FAST
@given(upload=uploads(CORRECTION_HEADERS, "corrections", suffixes=(".csv",)))
def test_corrections_reader_returns_corrections_or_raises_upload_error(upload):
    data, name = upload
    result = returns_or_refuses(lambda: read_corrections(data, name, VILLAGES, TAMBONS))
    if result is not None:
        assert all(c.village_code in set(VILLAGES[schema.VILLAGE_CODE]) for c in result)
    inputs_untouched()


@FAST
@given(upload=uploads(PROGRESS_HEADERS, "progress"))
def test_progress_reader_returns_rows_and_refusals_or_raises_upload_error(upload):
    data, name = upload
    parsed = returns_or_refuses(lambda: read_progress_file(data, name, reporter="ผู้นำเข้า"))
    if parsed is not None:
        assert all(r.row >= 1 for r in parsed.rows) and all(isinstance(r.step, int) for r in parsed.rows)


@FAST
@given(upload=uploads(ROSTER_HEADERS, "roster", suffixes=(".csv",)))
def test_roster_reader_returns_a_roster_or_raises_its_error(upload):
    data, name = upload
    roster = returns_or_refuses(lambda: read_roster_csv(data, name, capacity=10, districts=["8001", "8002"]),
                                errors=(planning.InvalidInputError,))
    if roster is not None:
        assert set(roster.teams) == {"8001", "8002"} and all(1 <= n <= 10_000 for n in roster.teams.values())


@pytest.fixture(scope="module")
def progress_store(tmp_path_factory):
    opened = open_store(f"sqlite:///{tmp_path_factory.mktemp('progress') / 'rollout.sqlite3'}")
    yield opened
    opened.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(upload=uploads(PROGRESS_HEADERS, "progress"))
def test_a_refused_progress_file_records_nothing(progress_store, upload):
    data, name = upload
    before = progress_store.current_progress()
    waves = {"80010601": "2549", "80010602": "2550"}
    importer = Workspace(progress_store, Actor("ผู้นำเข้า", frozenset({PLANNER}), None, COMMAND_LINE))
    outcome = returns_or_refuses(lambda: importer.import_progress_file(
        data, name, known_villages=VILLAGES[schema.VILLAGE_CODE],
        village_waves=waves, today=dt.date(2007, 6, 30)))
    after = progress_store.current_progress()
    if outcome is None:
        assert after == before
    else:
        assert {e.village_code for e in outcome.recorded} <= set(waves)
        assert {c for c in after if after[c] != before.get(c)} == {e.village_code for e in outcome.recorded}


# --- Boundary files -----------------------------------------------------------------------------------------
COORDINATES = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([100.0, 8.4, 1e308]),
                        st.integers(-10**20, 10**20), st.text(max_size=3), st.none())
RINGS = st.lists(st.lists(COORDINATES, min_size=0, max_size=3), min_size=0, max_size=6)
GEOMETRIES = st.one_of(
    st.none(),
    st.fixed_dictionaries({"type": st.sampled_from(["Polygon", "MultiPolygon", "Point", "LineString", "Bogus"]),
                           "coordinates": st.one_of(st.lists(RINGS, max_size=2), RINGS, COORDINATES)}),
    st.just({"type": "Polygon", "coordinates": [[[100.0, 8.4], [100.1, 8.4], [100.1, 8.5], [100.0, 8.4]]]}),
    st.just({"type": "Polygon", "coordinates": [[[99.9, 8.4], [100.0, 8.5], [100.0, 8.4], [99.9, 8.5],
                                                 [99.9, 8.4]]]}),
)
PROPERTIES = st.dictionaries(st.sampled_from(["tambon_code", "amphoe_code", "TAMBON_CODE", "ADM3_PCODE",
                                              "adm2_pcode", "tambon_th", "n_muban", "area_km2", "x"]),
                             st.one_of(CELLS, st.integers(), st.floats(), st.none(), st.booleans()), max_size=5)
CRS_NAMES = st.sampled_from(["EPSG:4326", "EPSG:32647", "EPSG:99999", "urn:ogc:def:crs:OGC:1.3:CRS84", "nonsense", ""])
CRS_MEMBERS = st.one_of(st.none(), CRS_NAMES.map(lambda name: {"type": "name", "properties": {"name": name}}),
                        st.integers(), st.text(max_size=5))


@st.composite
def geojson_bytes(draw) -> bytes:
    document = {"type": draw(st.sampled_from(["FeatureCollection", "Feature", "Polygon", "Bogus"])),
                "features": draw(st.lists(st.fixed_dictionaries(
                    {"type": st.just("Feature"), "properties": PROPERTIES, "geometry": GEOMETRIES}), max_size=4))}
    crs = draw(CRS_MEMBERS)
    if crs is not None:
        document["crs"] = crs
    text = json.dumps(document, allow_nan=True)
    cut = draw(st.integers(0, len(text)))
    return text[:cut].encode() if draw(st.booleans()) and cut < len(text) else text.encode()


@st.composite
def zip_bytes(draw) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in draw(st.lists(st.sampled_from(["t.shp", "t.shx", "t.dbf", "t.prj", "u.shp", "readme.txt",
                                                   "../evil.shp", "dir/t.shp"]), max_size=4, unique=True)):
            archive.writestr(name, draw(st.binary(max_size=200)))
    return buffer.getvalue()


BOUNDARY_UPLOADS = st.one_of(
    st.tuples(st.binary(max_size=600), st.sampled_from(["t.geojson", "t.json", "t.gpkg", "t.zip", "t.shp"])),
    st.tuples(geojson_bytes(), st.sampled_from(["t.geojson", "t.json"])),
    st.tuples(zip_bytes(), st.just("t.zip")),
)


@FAST
@given(upload=BOUNDARY_UPLOADS, level=st.sampled_from(["tambon", "amphoe"]))
def test_boundary_reader_returns_polygons_or_raises_upload_error_and_leaves_no_files(upload, level):
    data, name = upload
    with tempfile.TemporaryDirectory() as private:
        saved, tempfile.tempdir = tempfile.tempdir, private
        try:
            result = returns_or_refuses(lambda: read_boundaries(data, name, level=level))
        finally:
            tempfile.tempdir = saved
        assert list(Path(private).iterdir()) == []  # the reader's temporary copy is gone, refused or not
    if result is not None:
        assert result.crs == schema.GEOGRAPHIC_CRS
        assert result.geometry.geom_type.isin(["Polygon", "MultiPolygon"]).all()

