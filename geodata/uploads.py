"""Read and validate the planners' own files: newer DOPA village lists and boundary files.

Every check runs and every problem is collected (row, column, value, what is wrong, how to fix it) before
anything is raised, so a planner fixes a file in one pass. A file with any problem raises `UploadError` and
returns nothing: a bad file never replaces the data set in use.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from geodata import schema
from geodata.embedded import conform, locate_villages
from geodata.errors import Problem, UploadError

#: Encodings tried, in order, for CSV files: UTF-8 (with or without BOM), then Thai Windows-874.
CSV_ENCODINGS = ("utf-8-sig", "cp874")
VILLAGE_LIST_SUFFIXES = (".csv", ".xlsx")
BOUNDARY_SUFFIXES = (".geojson", ".json", ".gpkg", ".zip")
UPLOADED_SOURCE = "upload"

_DIGITS = re.compile(r"^\d+$")
_FIRST_DATA_ROW = 2  # spreadsheet numbering: the header is row 1


# --- Village lists ----------------------------------------------------------------------------------------
def read_village_list(data: bytes, filename: str, tambons: gpd.GeoDataFrame,
                      known_points: gpd.GeoDataFrame | None = None) -> gpd.GeoDataFrame:
    """A validated village list as located villages in the schema of `load_villages()`.

    `tambons` are the tambon polygons in use: every village's tambon must be one of them. Villages without
    coordinates in the file keep the point `known_points` has for the same village code (for example the
    embedded data set's); any still without a point get an estimated one inside their tambon.
    Raises UploadError listing every problem.
    """
    table = _read_village_table(data, filename)
    problems = list(village_list_problems(table, tambons))
    if problems:
        raise UploadError(filename, problems)
    return _locate_uploaded(table, tambons, known_points)


def village_list_problems(table: pd.DataFrame, tambons: gpd.GeoDataFrame) -> list[Problem]:
    """Every problem of a village table (all values as strings), in row order within each check."""
    if table.empty:
        return [Problem("empty_file", "the file has no village rows",
                        "export the list again with one row per village under a header row")]
    missing = [c for c in schema.UPLOAD_REQUIRED_COLUMNS if c not in table.columns]
    problems = [
        Problem("missing_column", f"required column {c!r} is missing",
                f"add a column named {c!r} (required: {', '.join(schema.UPLOAD_REQUIRED_COLUMNS)})", column=c)
        for c in missing
    ]
    present = [c for c in schema.UPLOAD_REQUIRED_COLUMNS if c in table.columns]
    problems += _blank_values(table, present)
    problems += _malformed_codes(table)
    problems += _duplicate_codes(table, schema.VILLAGE_CODE)
    problems += _hierarchy_problems(table)
    problems += _unknown_tambons(table, tambons)
    problems += _moo_problems(table)
    problems += _coordinate_problems(table)
    return problems


def _read_village_table(data: bytes, filename: str) -> pd.DataFrame:
    suffix = Path(filename).suffix.lower()
    if suffix not in VILLAGE_LIST_SUFFIXES:
        raise UploadError(filename, [Problem(
            "file_type", f"{suffix or 'no extension'} is not a village list format",
            f"save the list as {' or '.join(VILLAGE_LIST_SUFFIXES)}", value=filename)])
    if not data or not data.strip():
        return pd.DataFrame()
    if suffix == ".xlsx":
        try:
            table = pd.read_excel(io.BytesIO(data), dtype=str, keep_default_na=False)
        except Exception as exc:  # openpyxl raises many kinds for a broken workbook
            raise UploadError(filename, [Problem(
                "unreadable", f"the workbook cannot be opened ({exc})",
                "open it in Excel or LibreOffice and save it again as .xlsx")]) from exc
    else:
        text = _decode(data, filename)
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True)
    return _normalise_headers(table).map(_clean_cell)


def _decode(data: bytes, filename: str) -> str:
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UploadError(filename, [Problem(
        "encoding", "the file is neither UTF-8 nor Thai Windows-874 (TIS-620) text",
        "save the CSV as 'CSV UTF-8' (Excel) or 'Unicode (UTF-8)' (LibreOffice)")])


def _normalise_headers(table: pd.DataFrame) -> pd.DataFrame:
    renamed = {}
    for column in table.columns:
        key = str(column).strip()
        renamed[column] = schema.UPLOAD_HEADER_ALIASES.get(key, schema.UPLOAD_HEADER_ALIASES.get(key.lower(),
                                                                                                 key.lower()))
    return table.rename(columns=renamed)


def _clean_cell(value: object) -> str:
    text = "" if value is None else str(value).strip()
    # Spreadsheets turn codes into numbers: 80010601.0 is the code 80010601.
    return text[:-2] if re.fullmatch(r"\d+\.0", text) else text


def _row(index: int) -> int:
    return int(index) + _FIRST_DATA_ROW


def _blank_values(table: pd.DataFrame, columns: Iterable[str]) -> list[Problem]:
    return [
        Problem("missing_value", "the cell is empty", f"fill in {column!r} for this village",
                row=_row(i), column=column, value="")
        for column in columns for i in table.index[table[column] == ""]
    ]


def _malformed_codes(table: pd.DataFrame) -> list[Problem]:
    problems = []
    for column, length in schema.CODE_LENGTHS.items():
        if column not in table.columns:
            continue
        for i, value in table[column].items():
            if value and not (len(value) == length and _DIGITS.match(value)):
                problems.append(Problem(
                    "malformed_code", f"{column} must be exactly {length} digits",
                    f"write the {length}-digit DOPA code as text (a leading apostrophe in Excel keeps it)",
                    row=_row(i), column=column, value=value))
    return problems


def _duplicate_codes(table: pd.DataFrame, column: str) -> list[Problem]:
    if column not in table.columns:
        return []
    codes = table[column]
    first_row = {}
    problems = []
    for i, code in codes.items():
        if not code:
            continue
        if code in first_row:
            problems.append(Problem(
                "duplicate_code", f"code already used on row {first_row[code]}",
                "keep one row per code: delete the repeated row or correct its code",
                row=_row(i), column=column, value=code))
        else:
            first_row[code] = _row(i)
    return problems


def _well_formed(value: str, column: str) -> bool:
    return len(value) == schema.CODE_LENGTHS[column] and bool(_DIGITS.match(value))


def _hierarchy_problems(table: pd.DataFrame) -> list[Problem]:
    problems = []
    pairs = ((schema.VILLAGE_CODE, schema.TAMBON_CODE), (schema.TAMBON_CODE, schema.AMPHOE_CODE))
    for child, parent in pairs:
        if child not in table.columns or parent not in table.columns:
            continue
        for i, (c, p) in enumerate(zip(table[child], table[parent], strict=True)):
            if _well_formed(c, child) and _well_formed(p, parent) and not c.startswith(p):
                problems.append(Problem(
                    "code_hierarchy", f"{child} {c} does not start with its {parent} {p}",
                    f"correct the {child} or the {parent}: a {child} begins with the {parent} it belongs to",
                    row=_row(table.index[i]), column=child, value=c))
    return problems


def _unknown_tambons(table: pd.DataFrame, tambons: gpd.GeoDataFrame) -> list[Problem]:
    if schema.TAMBON_CODE not in table.columns:
        return []
    known = set(tambons[schema.TAMBON_CODE])
    return [
        Problem("unknown_tambon", "no tambon with this code in the boundaries in use",
                "correct the tambon code, or upload tambon boundaries that include it",
                row=_row(i), column=schema.TAMBON_CODE, value=code)
        for i, code in table[schema.TAMBON_CODE].items()
        if _well_formed(code, schema.TAMBON_CODE) and code not in known
    ]


def _moo_problems(table: pd.DataFrame) -> list[Problem]:
    if schema.MOO not in table.columns:
        return []
    problems = []
    for i, moo in table[schema.MOO].items():
        if not moo:
            continue
        if not _DIGITS.match(moo):
            problems.append(Problem("moo_not_numeric", "moo (หมู่ที่) must be a whole number",
                                    "write the moo number only, for example 3 instead of 'หมู่ 3'",
                                    row=_row(i), column=schema.MOO, value=moo))
            continue
        code = table.at[i, schema.VILLAGE_CODE] if schema.VILLAGE_CODE in table.columns else ""
        if _well_formed(code, schema.VILLAGE_CODE) and int(code[-2:]) != int(moo):
            problems.append(Problem("moo_mismatch", f"moo {moo} differs from the last two digits of {code}",
                                    "correct the moo or the village code: they must agree",
                                    row=_row(i), column=schema.MOO, value=moo))
    return problems


def _coordinate_problems(table: pd.DataFrame) -> list[Problem]:
    if schema.LAT not in table.columns and schema.LON not in table.columns:
        return []
    lat_col = table.get(schema.LAT, pd.Series("", index=table.index))
    lon_col = table.get(schema.LON, pd.Series("", index=table.index))
    b = schema.THAILAND_BOUNDS
    problems = []
    for i, (lat_text, lon_text) in enumerate(zip(lat_col, lon_col, strict=True)):
        row = _row(table.index[i])
        if not lat_text and not lon_text:
            continue  # no point: an estimated one will be placed
        lat, lon = pd.to_numeric(lat_text, errors="coerce"), pd.to_numeric(lon_text, errors="coerce")
        if pd.isna(lat) or pd.isna(lon):
            bad_col, bad_val = (schema.LAT, lat_text) if pd.isna(lat) else (schema.LON, lon_text)
            problems.append(Problem("coordinate_not_numeric", "latitude and longitude must both be decimal degrees",
                                    "write both as numbers such as 8.43 and 99.96, or leave both empty",
                                    row=row, column=bad_col, value=bad_val))
            continue
        lat_ok = b["lat_min"] <= lat <= b["lat_max"]
        lon_ok = b["lon_min"] <= lon <= b["lon_max"]
        if lat_ok and lon_ok:
            continue
        if b["lat_min"] <= lon <= b["lat_max"] and b["lon_min"] <= lat <= b["lon_max"]:
            problems.append(Problem("coordinates_swapped", "latitude and longitude look swapped",
                                    f"swap the two columns: lat should be about {lon}, lon about {lat}",
                                    row=row, column=schema.LAT, value=f"{lat_text}, {lon_text}"))
        else:
            problems.append(Problem(
                "outside_thailand", "the point lies outside Thailand",
                f"check the coordinates: Thailand spans lat {b['lat_min']}-{b['lat_max']}, "
                f"lon {b['lon_min']}-{b['lon_max']} (decimal degrees, WGS84)",
                row=row, column=schema.LAT, value=f"{lat_text}, {lon_text}"))
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
        codes = frame.loc[reuse, schema.VILLAGE_CODE]
        for column in (schema.LAT, schema.LON, schema.LOCATION_SOURCE, schema.MATCH_CONFIDENCE):
            frame.loc[reuse, column] = codes.map(known[column]).to_numpy()
    return locate_villages(frame, tambons)


# --- Boundary files ---------------------------------------------------------------------------------------
def read_boundaries(data: bytes, filename: str, level: str = "tambon") -> gpd.GeoDataFrame:
    """Validated boundary polygons (GeoJSON, GeoPackage or zipped Shapefile) in EPSG:4326.

    `level` is "tambon" (needs tambon_code and amphoe_code) or "amphoe" (needs amphoe_code). Polygons in another
    CRS are reprojected; a missing CRS, or coordinates that do not fit the declared CRS, is a problem.
    Raises UploadError listing every problem.
    """
    if level not in ("tambon", "amphoe"):
        raise ValueError(f"level must be 'tambon' or 'amphoe', not {level!r}")
    frame = _normalise_boundary_attributes(_read_geofile(data, filename))
    problems = boundary_problems(frame, level)
    if problems:
        raise UploadError(filename, problems)
    frame = frame.to_crs(schema.GEOGRAPHIC_CRS)
    columns = schema.TAMBON_COLUMNS if level == "tambon" else schema.AMPHOE_COLUMNS
    return conform(frame, {c: d for c, d in columns.items() if c in frame.columns})


def boundary_problems(frame: gpd.GeoDataFrame, level: str) -> list[Problem]:
    """Every problem of a boundary layer: emptiness, CRS, codes and polygon validity."""
    if frame.empty:
        return [Problem("empty_file", "the layer has no features", "export the layer again with its polygons")]
    frame = _normalise_boundary_attributes(frame)
    problems = _crs_problems(frame)
    code_columns = [schema.TAMBON_CODE, schema.AMPHOE_CODE] if level == "tambon" else [schema.AMPHOE_CODE]
    table = pd.DataFrame({c: frame[c].map(_clean_cell) for c in code_columns if c in frame.columns},
                         index=range(len(frame)))
    for column in code_columns:
        if column not in frame.columns:
            problems.append(Problem("missing_column", f"required attribute {column!r} is missing",
                                    f"add an attribute named {column!r} with the DOPA code", column=column))
    problems += _malformed_codes(table)
    problems += _duplicate_codes(table, code_columns[0])
    problems += _hierarchy_problems(table)
    problems += _geometry_problems(frame.geometry.reset_index(drop=True), table.get(code_columns[0]))
    return problems


def _normalise_boundary_attributes(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Lower-case attribute names, map known aliases to ours and strip the "TH" of HDX P-codes."""
    renamed = {}
    for column in frame.columns:
        if column != frame.geometry.name:
            key = str(column).lower()
            renamed[column] = schema.BOUNDARY_HEADER_ALIASES.get(key, key)
    frame = frame.rename(columns=renamed)
    for column in (schema.TAMBON_CODE, schema.AMPHOE_CODE):
        if column in frame.columns:
            frame[column] = frame[column].map(_clean_cell).str.removeprefix(schema.PCODE_PREFIX)
    return frame


def _crs_problems(frame: gpd.GeoDataFrame) -> list[Problem]:
    if frame.crs is None:
        return [Problem("missing_crs", "the file does not say which coordinate system it uses",
                        "include the .prj file in the zip, or save the layer with its CRS (EPSG:4326 or "
                        "EPSG:32647)")]
    try:
        minx, miny, maxx, maxy = frame.to_crs(schema.GEOGRAPHIC_CRS).total_bounds
    except Exception as exc:  # pyproj raises several kinds for an impossible transformation
        return [Problem("wrong_crs", f"the coordinates cannot be converted from {frame.crs} ({exc})",
                        "save the layer in EPSG:4326 or EPSG:32647", value=str(frame.crs))]
    b = schema.THAILAND_BOUNDS
    inside = (b["lon_min"] <= minx and maxx <= b["lon_max"] and b["lat_min"] <= miny and maxy <= b["lat_max"])
    if not inside:
        return [Problem(
            "wrong_crs", f"with the declared CRS {frame.crs.to_string()} the polygons fall outside Thailand "
            f"(lon {minx:.2f}..{maxx:.2f}, lat {miny:.2f}..{maxy:.2f})",
            "declare the CRS the coordinates are really in (for metres in UTM 47N: EPSG:32647)",
            value=frame.crs.to_string())]
    return []


def _geometry_problems(geometry: gpd.GeoSeries, codes: pd.Series | None) -> list[Problem]:
    problems = []
    for i, geom in geometry.items():
        code = codes.iloc[i] if codes is not None else None
        if geom is None or geom.is_empty:
            problems.append(Problem("empty_geometry", "the feature has no polygon",
                                    "draw the polygon or delete the feature", row=_row(i), value=code))
        elif geom.geom_type not in ("Polygon", "MultiPolygon"):
            problems.append(Problem("not_polygon", f"the feature is a {geom.geom_type}, not a polygon",
                                    "export the boundary layer (polygons), not points or lines",
                                    row=_row(i), value=code))
        elif not geom.is_valid:
            problems.append(Problem("invalid_polygon", f"invalid polygon: {shapely.is_valid_reason(geom)}",
                                    "repair it (QGIS: Vector > Geometry Tools > Fix Geometries) and upload again",
                                    row=_row(i), column="geometry", value=code))
    return problems


def _read_geofile(data: bytes, filename: str) -> gpd.GeoDataFrame:
    suffix = Path(filename).suffix.lower()
    if suffix not in BOUNDARY_SUFFIXES:
        raise UploadError(filename, [Problem(
            "file_type", f"{suffix or 'no extension'} is not a boundary file format",
            "upload GeoJSON (.geojson), GeoPackage (.gpkg) or a zipped Shapefile (.zip)", value=filename)])
    if not data:
        raise UploadError(filename, [Problem("empty_file", "the file is empty", "upload the exported layer")])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        target = str(path)
        if suffix == ".zip":
            target = _shapefile_in_zip(path, filename)
        try:
            return gpd.read_file(target)
        except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, ValueError) as exc:
            raise UploadError(filename, [Problem(
                "unreadable", f"the file cannot be read as {suffix} ({exc})",
                "export the layer again from your GIS in one of the accepted formats")]) from exc


def _shapefile_in_zip(path: Path, filename: str) -> str:
    try:
        names = zipfile.ZipFile(path).namelist()
    except zipfile.BadZipFile as exc:
        raise UploadError(filename, [Problem("unreadable", "the zip archive is damaged",
                                             "zip the Shapefile's files again")]) from exc
    shapefiles = [n for n in names if n.lower().endswith(".shp")]
    if len(shapefiles) != 1:
        raise UploadError(filename, [Problem(
            "unreadable", f"the zip holds {len(shapefiles)} .shp files, not one",
            "zip exactly one Shapefile (.shp with its .shx, .dbf and .prj)")])
    return f"/vsizip/{path}/{shapefiles[0]}"
