"""Read and validate the planners' own files: newer DOPA village lists and boundary files.

Every check runs and every problem is collected (row, column, value, what is wrong, how to fix it) before
anything is raised, so a planner fixes a file in one pass. A file with any problem raises `UploadError` and
returns nothing: a bad file never replaces the data set in use.
"""

from __future__ import annotations

import json
import logging
import tempfile
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pyproj
import shapely

from geodata import limits, schema
from geodata.embedded import conform, locate_villages
from geodata.errors import Problem, UploadError, all_of, as_written, column_label, digit_hint
from geodata.messages import Message
from geodata.table_checks import (
    blank_values,
    coordinate_problems,
    duplicate_codes,
    hierarchy_problems,
    long_texts,
    malformed_codes,
    well_formed,
)
from geodata.tables import (
    DIGITS,
    check_size,
    check_unpacked_size,
    clean_cell,
    headers_as_written,
    read_table,
    spreadsheet_row,
    too_many_rows,
)
from planning.numbers import ascii_digits

VILLAGE_LIST_SUFFIXES = (".csv", ".xlsx")
#: The columns a village list is read for (others are ignored); `match_confidence` is kept when present.
VILLAGE_LIST_COLUMNS = (*schema.UPLOAD_REQUIRED_COLUMNS, *schema.UPLOAD_OPTIONAL_COLUMNS, schema.MATCH_CONFIDENCE)
#: Columns holding codes and numbers: Thai digits in them are read as 0-9.
VILLAGE_LIST_NUMBER_COLUMNS = (schema.VILLAGE_CODE, schema.MOO, schema.TAMBON_CODE, schema.AMPHOE_CODE,
                               schema.LAT, schema.LON)
#: Free-text columns and their longest allowed text.
VILLAGE_LIST_TEXT_LIMITS = {schema.VILLAGE_TH: limits.NAME_MAX_CHARS, schema.VILLAGE_EN: limits.NAME_MAX_CHARS}
BOUNDARY_SUFFIXES = (".geojson", ".json", ".gpkg", ".zip")
UPLOADED_SOURCE = "upload"
_log = logging.getLogger(__name__)


# --- Village lists ----------------------------------------------------------------------------------------
def read_village_list(data: bytes, filename: str, tambons: gpd.GeoDataFrame,
                      known_points: gpd.GeoDataFrame | None = None) -> gpd.GeoDataFrame:
    """A validated village list as located villages in the schema of `load_villages()`.

    `tambons` are the tambon polygons in use: every village's tambon must be one of them. Villages without
    coordinates in the file keep the point `known_points` has for the same village code (for example the
    embedded data set's); any still without a point get an estimated one inside their tambon.
    Raises UploadError listing every problem.
    """
    table = read_table(data, filename, limit=limits.VILLAGE_LIST, columns=VILLAGE_LIST_COLUMNS,
                       suffixes=VILLAGE_LIST_SUFFIXES, header_aliases=schema.UPLOAD_HEADER_ALIASES,
                       number_columns=VILLAGE_LIST_NUMBER_COLUMNS, free_text=VILLAGE_LIST_TEXT_LIMITS)
    problems = as_written(village_list_problems(table, tambons), headers_as_written(table))
    if problems:
        raise UploadError(filename, problems)
    return _locate_uploaded(table, tambons, known_points)


def village_list_problems(table: pd.DataFrame, tambons: gpd.GeoDataFrame) -> list[Problem]:
    """Every problem of a village table (all values as strings), in row order within each check."""
    if not len(table):
        return [Problem("empty_file", Message("problem.empty_village_list"), Message("problem.fix.village_list_rows"))]
    missing = [c for c in schema.UPLOAD_REQUIRED_COLUMNS if c not in table.columns]
    required = [column_label(c) for c in schema.UPLOAD_REQUIRED_COLUMNS]
    problems = [Problem("missing_column", Message("problem.missing_column"),
                        Message("problem.fix.add_column", required=required), column=c) for c in missing]
    present = [c for c in schema.UPLOAD_REQUIRED_COLUMNS if c in table.columns]
    problems += blank_values(table, present)
    problems += long_texts(table, VILLAGE_LIST_TEXT_LIMITS)
    problems += malformed_codes(table)
    problems += duplicate_codes(table, schema.VILLAGE_CODE)
    problems += hierarchy_problems(table)
    problems += _unknown_tambons(table, tambons)
    problems += _moo_problems(table)
    problems += coordinate_problems(table)
    return problems


def _unknown_tambons(table: pd.DataFrame, tambons: gpd.GeoDataFrame) -> list[Problem]:
    if schema.TAMBON_CODE not in table.columns:
        return []
    known = set(tambons[schema.TAMBON_CODE])
    return [
        Problem("unknown_tambon", Message("problem.unknown_tambon"), Message("problem.fix.unknown_tambon"),
                row=spreadsheet_row(i), column=schema.TAMBON_CODE, value=code)
        for i, code in table[schema.TAMBON_CODE].items()
        if well_formed(code, schema.TAMBON_CODE) and code not in known
    ]


def _moo_problems(table: pd.DataFrame) -> list[Problem]:
    if schema.MOO not in table.columns:
        return []
    problems = []
    for i, moo in table[schema.MOO].items():
        if not moo:
            continue
        if not DIGITS.match(moo):
            problems.append(Problem("moo_not_numeric", Message("problem.moo_not_numeric", hint=digit_hint(moo)),
                                    Message("problem.fix.moo_number"), row=spreadsheet_row(i), column=schema.MOO,
                                    value=moo))
            continue
        code = table.at[i, schema.VILLAGE_CODE] if schema.VILLAGE_CODE in table.columns else ""
        if well_formed(code, schema.VILLAGE_CODE) and int(code[-2:]) != int(moo):
            problems.append(Problem("moo_mismatch", Message("problem.moo_mismatch", moo=moo, code=code),
                                    Message("problem.fix.moo_mismatch"), row=spreadsheet_row(i), column=schema.MOO,
                                    value=moo))
    return problems


def _locate_uploaded(table: pd.DataFrame, tambons: gpd.GeoDataFrame,
                     known_points: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame:
    frame = table.replace("", pd.NA)
    names = tambons.drop(columns=tambons.geometry.name).set_index(schema.TAMBON_CODE)
    for column in (schema.TAMBON_TH, schema.TAMBON_EN, schema.AMPHOE_TH, schema.AMPHOE_EN, schema.PROVINCE):
        frame[column] = frame[schema.TAMBON_CODE].map(names[column])
    for column in (schema.LAT, schema.LON):
        frame[column] = pd.to_numeric(frame[column], errors="coerce") if column in frame else float("nan")
    frame[schema.MOO] = frame[schema.MOO].astype(int)
    given = frame[schema.LAT].notna()
    stated = frame.get(schema.MATCH_CONFIDENCE, pd.Series(pd.NA, index=frame.index, dtype="object"))
    stated = stated.where(stated.isin(schema.LOCATION_QUALITIES[:-1]), "high")
    frame[schema.MATCH_CONFIDENCE] = stated.where(given, None).astype(object)
    frame[schema.LOCATION_SOURCE] = pd.Series(None, index=frame.index, dtype=object).mask(given, UPLOADED_SOURCE)
    if known_points is not None:
        known = known_points[known_points[schema.LOCATION_QUALITY] != schema.ESTIMATED].set_index(
            schema.VILLAGE_CODE)
        reuse = ~given & frame[schema.VILLAGE_CODE].isin(known.index)
        codes = frame[schema.VILLAGE_CODE]
        # `mask` rather than `.loc[reuse] = ...`: assigning an empty selection into a float column raised
        # TypeError under pandas 3 when no village needed a known point.
        for column in (schema.LAT, schema.LON, schema.LOCATION_SOURCE, schema.MATCH_CONFIDENCE):
            frame[column] = frame[column].mask(reuse, codes.map(known[column]))
    return locate_villages(frame, tambons)


# --- Boundary files ---------------------------------------------------------------------------------------
#: What a boundary file that GDAL cannot open is, per format, in the planner's terms (GDAL's own text names the
#: server's temporary files and drivers, so it goes to the server log only): what is wrong, how to fix it.
UNREADABLE_BOUNDARIES = {
    ".geojson": ("problem.unreadable_geojson", "problem.fix.export_geojson"),
    ".json": ("problem.unreadable_geojson", "problem.fix.export_geojson"),
    ".gpkg": ("problem.unreadable_geopackage", "problem.fix.export_geopackage"),
    ".zip": ("problem.unreadable_shapefile", "problem.fix.zip_shapefile"),
}
#: What a non-polygon feature is, as the problem names it (shapely's geometry type -> its word).
GEOMETRY_TYPES = {"Point": "problem.geometry.point", "MultiPoint": "problem.geometry.multipoint",
                  "LineString": "problem.geometry.line", "MultiLineString": "problem.geometry.multiline",
                  "LinearRing": "problem.geometry.ring", "GeometryCollection": "problem.geometry.collection"}
#: Why a polygon is invalid, as GEOS words it (shapely.is_valid_reason, before the place it names).
VALIDITY_REASONS = {
    "Self-intersection": "problem.validity.self_intersection",
    "Ring Self-intersection": "problem.validity.ring_self_intersection",
    "Too few points in geometry component": "problem.validity.too_few_points",
    "Hole lies outside shell": "problem.validity.hole_outside",
    "Holes are nested": "problem.validity.nested_holes",
    "Interior is disconnected": "problem.validity.disconnected",
    "Nested shells": "problem.validity.nested_shells",
    "Duplicate Rings": "problem.validity.duplicate_rings",
    "Invalid Coordinate": "problem.validity.invalid_coordinate",
    "Ring is not closed": "problem.validity.not_closed",
}
#: Attributes a boundary file is read for; others are dropped.
BOUNDARY_ATTRIBUTES = tuple(dict.fromkeys([*schema.TAMBON_COLUMNS, *schema.AMPHOE_COLUMNS]))


def read_boundaries(data: bytes, filename: str, level: str = "tambon") -> gpd.GeoDataFrame:
    """Validated boundary polygons (GeoJSON, GeoPackage or zipped Shapefile) in EPSG:4326.

    `level` is "tambon" (needs tambon_code and amphoe_code) or "amphoe" (needs amphoe_code). Polygons in another
    CRS are reprojected; a missing or unknown CRS, or coordinates that do not fit the declared CRS, is a problem.
    Files over `geodata.limits.BOUNDARIES` (bytes or features) are refused before they are read in full.
    Raises UploadError listing every problem.
    """
    if level not in ("tambon", "amphoe"):
        raise ValueError(f"level must be 'tambon' or 'amphoe', not {level!r}")
    raw = _read_geofile(data, filename)
    problems = boundary_problems(raw, level)
    if problems:
        raise UploadError(filename, problems)
    frame, _ = _normalise_boundary_attributes(raw)
    frame = frame.to_crs(schema.GEOGRAPHIC_CRS)
    columns = schema.TAMBON_COLUMNS if level == "tambon" else schema.AMPHOE_COLUMNS
    return conform(frame, _conformable(frame, columns))


def boundary_problems(frame: gpd.GeoDataFrame, level: str) -> list[Problem]:
    """Every problem of a boundary layer: emptiness, geometry column, CRS, codes and polygon validity."""
    if frame.empty:
        return [Problem("empty_file", Message("problem.empty_layer"), Message("problem.fix.export_polygons"))]
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry.name not in frame.columns:
        return [Problem("no_geometry", Message("problem.no_geometry"), Message("problem.fix.not_a_table"))]
    frame, problems = _normalise_boundary_attributes(frame)
    problems += _crs_problems(frame)
    code_columns = [schema.TAMBON_CODE, schema.AMPHOE_CODE] if level == "tambon" else [schema.AMPHOE_CODE]
    table = pd.DataFrame({c: frame[c].map(clean_cell) for c in code_columns if c in frame.columns},
                         index=range(len(frame)))
    for column in code_columns:
        if column not in frame.columns:
            problems.append(Problem("missing_column", Message("problem.missing_attribute"),
                                    Message("problem.fix.add_attribute"), column=column))
    problems += malformed_codes(table)
    problems += duplicate_codes(table, code_columns[0])
    problems += hierarchy_problems(table)
    problems += _geometry_problems(frame.geometry.reset_index(drop=True), table.get(code_columns[0]))
    return problems


def _normalise_boundary_attributes(frame: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Our attribute names (lower-cased, known aliases mapped), the "TH" of HDX P-codes stripped, other
    attributes dropped; two attributes meaning one of ours are a problem (the first one is kept)."""
    geometry = frame.geometry.name
    sources: dict[str, list[str]] = {}
    for column in frame.columns:
        if column != geometry:
            key = str(column).strip().lower()
            name = schema.BOUNDARY_HEADER_ALIASES.get(key, key)
            if name in BOUNDARY_ATTRIBUTES:
                sources.setdefault(name, []).append(column)
    problems = [
        Problem("duplicate_column",
                Message("problem.duplicate_attributes_two" if len(columns) == 2
                        else "problem.duplicate_attributes_many",
                        headers=all_of([Message("problem.quoted", name=str(c)) for c in columns])),
                Message("problem.fix.keep_one_attribute"), column=name, value=", ".join(str(c) for c in columns))
        for name, columns in sources.items() if len(columns) > 1]
    kept = {columns[0]: name for name, columns in sources.items()}
    out = frame[[*kept, geometry]].rename(columns=kept)
    for column in (schema.TAMBON_CODE, schema.AMPHOE_CODE):
        if column in out.columns:
            out[column] = out[column].map(lambda v: ascii_digits(clean_cell(v))).str.removeprefix(
                schema.PCODE_PREFIX)
    return out, problems


def _conformable(frame: gpd.GeoDataFrame, columns: dict[str, str]) -> dict[str, str]:
    """The schema columns present in `frame` whose values fit their dtype (counts that are not whole numbers,
    for example, are left out: a boundary file is checked for its codes and polygons, not its statistics)."""
    usable = {}
    for column, dtype in columns.items():
        if column not in frame.columns:
            continue
        if dtype == "int64":
            numbers = pd.to_numeric(frame[column], errors="coerce")
            if numbers.isna().any() or not (numbers % 1 == 0).all() or (numbers.abs() > 2 ** 53).any():
                continue
        usable[column] = dtype
    return usable


def _crs_problems(frame: gpd.GeoDataFrame) -> list[Problem]:
    if frame.crs is None:
        return [Problem("missing_crs", Message("problem.missing_crs"), Message("problem.fix.declare_crs"))]
    try:
        minx, miny, maxx, maxy = frame.to_crs(schema.GEOGRAPHIC_CRS).total_bounds
    except Exception as exc:  # pyproj raises several kinds for an impossible transformation
        _log.info("CRS %s cannot be converted: %r", frame.crs, exc)
        return [Problem("wrong_crs", Message("problem.crs_not_convertible", crs=frame.crs.to_string()),
                        Message("problem.fix.save_in_crs"), value=frame.crs.to_string())]
    b = schema.THAILAND_BOUNDS
    inside = (b["lon_min"] <= minx and maxx <= b["lon_max"] and b["lat_min"] <= miny and maxy <= b["lat_max"])
    if not inside:
        return [Problem(
            "wrong_crs", Message("problem.crs_outside", crs=frame.crs.to_string(), minx=float(minx),
                                 maxx=float(maxx), miny=float(miny), maxy=float(maxy)),
            Message("problem.fix.true_crs"), value=frame.crs.to_string())]
    return []


def _geometry_problems(geometry: gpd.GeoSeries, codes: pd.Series | None) -> list[Problem]:
    problems = []
    for i, geom in geometry.items():
        code = codes.iloc[i] if codes is not None else None
        if geom is None or geom.is_empty:
            problems.append(Problem("empty_geometry", Message("problem.empty_geometry"),
                                    Message("problem.fix.draw_polygon"), row=spreadsheet_row(i), value=code))
        elif geom.geom_type not in ("Polygon", "MultiPolygon"):
            kind = Message(GEOMETRY_TYPES[geom.geom_type]) if geom.geom_type in GEOMETRY_TYPES else geom.geom_type
            problems.append(Problem("not_polygon", Message("problem.not_polygon", geometry=kind),
                                    Message("problem.fix.export_boundaries"), row=spreadsheet_row(i), value=code))
        elif not geom.is_valid:
            problems.append(Problem("invalid_polygon",
                                    Message("problem.invalid_polygon", reason=_validity(shapely.is_valid_reason(geom))),
                                    Message("problem.fix.repair_polygon"), row=spreadsheet_row(i),
                                    column=schema.GEOMETRY, value=code))
    return problems


def _validity(reason: str) -> Message | str:
    """GEOS's reason a polygon is invalid ("Self-intersection[99.9 8.4]") in words, the place kept as it is."""
    words, bracket, place = reason.partition("[")
    key = VALIDITY_REASONS.get(words.strip())
    return Message(key, where=bracket + place) if key else reason


def _read_geofile(data: bytes, filename: str) -> gpd.GeoDataFrame:
    suffix = Path(filename).suffix.lower()
    if suffix not in BOUNDARY_SUFFIXES:
        raise UploadError(filename, [Problem(
            "file_type", Message("problem.boundary_file_type", suffix=suffix or Message("problem.no_extension")),
            Message("problem.fix.boundary_format"), value=filename)])
    if not data:
        raise UploadError(filename, [Problem("empty_file", Message("problem.empty_upload"),
                                             Message("problem.fix.export_layer"))])
    check_size(data, filename, limits.BOUNDARIES)
    declared = None
    if suffix in (".geojson", ".json"):
        declared = _declared_geojson_crs(data, filename)
    elif suffix == ".zip":
        check_unpacked_size(data, filename, Message("problem.zip_archive"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        target = str(path)
        if suffix == ".zip":
            target = _shapefile_in_zip(path, filename)
        try:
            features = pyogrio.read_info(target)["features"]
            if features > limits.BOUNDARIES.max_rows:
                raise too_many_rows(filename, limits.BOUNDARIES)
            frame = gpd.read_file(target)
        except UploadError:
            raise
        except Exception as exc:  # GDAL raises many kinds for a damaged file; its text names server paths
            _log.info("unreadable boundary file %s: %r", filename, exc)
            what, fix = UNREADABLE_BOUNDARIES[suffix]
            raise UploadError(filename, [Problem("unreadable", Message(what), Message(fix))]) from exc
    if len(frame) > limits.BOUNDARIES.max_rows:
        raise too_many_rows(filename, limits.BOUNDARIES)
    if declared is not None and isinstance(frame, gpd.GeoDataFrame) and frame.crs is not None \
            and not frame.crs.equals(declared, ignore_axis_order=True):
        frame = frame.set_crs(declared, allow_override=True)
    return frame


def _declared_geojson_crs(data: bytes, filename: str) -> pyproj.CRS | None:
    """The CRS a GeoJSON declares in its (pre-RFC 7946) "crs" member; UploadError when it names no known CRS.

    GDAL reads an unknown CRS (EPSG:99999) as EPSG:4326 without a word, so the member is checked here.
    """
    if b'"crs"' not in data:
        return None
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return None  # not JSON: GDAL's reading says the file is unreadable
    member = document.get("crs") if isinstance(document, dict) else None
    if member is None:
        return None
    name = member.get("properties", {}).get("name") if isinstance(member, dict) and isinstance(
        member.get("properties"), dict) else None
    fix = Message("problem.fix.known_crs")
    if not isinstance(name, str) or not name.strip():
        raise UploadError(filename, [Problem("unknown_crs", Message("problem.crs_unnamed"), fix,
                                             value=str(member)[:80])])
    try:
        return pyproj.CRS.from_user_input(name.strip())
    except pyproj.exceptions.CRSError as exc:
        raise UploadError(filename, [Problem("unknown_crs", Message("problem.crs_unknown", crs=name.strip()), fix,
                                             value=name.strip()[:80])]) from exc


def _shapefile_in_zip(path: Path, filename: str) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UploadError(filename, [Problem("unreadable", Message("problem.zip_damaged"),
                                             Message("problem.fix.zip_again"))]) from exc
    shapefiles = [n for n in names if n.lower().endswith(".shp")]
    if len(shapefiles) != 1:
        raise UploadError(filename, [Problem("unreadable", Message("problem.zip_shapefiles", n=len(shapefiles)),
                                             Message("problem.fix.zip_one_shapefile"))])
    return f"/vsizip/{path}/{shapefiles[0]}"
