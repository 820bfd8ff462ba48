"""Corrections of village locations: checking them (a click on the map or an uploaded CSV) and applying them.

A corrected village is no longer `estimated`: a planner has said where it is. Its `location_quality` becomes
`high` (a known point, like a confident name match) and its `loc_source` becomes ``correction:<source>`` (for
example ``correction:GPS survey 2549``), so every page and export can still tell a corrected point from a matched
one. The store keeps the history (source, author, date, the point it replaced); the embedded data set is never
modified, so the original point is always there to go back to. Recording is the service layer's
(`service`): this module checks and applies, on plain values.

Distances are measured in metres in the province's UTM zone (``geodata.provinces.metric_crs_of``). A point
outside Thailand is refused. A point outside the village's own tambon is accepted with a warning when it
is near (tambon borders are approximate) and refused when it is far, because then the village code or the
coordinates are wrong.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

import geopandas as gpd
import pandas as pd
import shapely
from pyproj import Transformer

from geodata import limits, schema
from geodata.errors import GeodataError, Problem, UploadError, as_written, column_label
from geodata.messages import Message
from geodata.provinces import metric_crs_of
from geodata.table_checks import (
    blank_values,
    coordinate_problems,
    duplicate_codes,
    long_texts,
    malformed_codes,
    outside_thailand,
)
from geodata.tables import headers_as_written, read_table, spreadsheet_row

SOURCE = "source"
#: Columns of a corrections file, in the order the help text lists them.
CORRECTION_COLUMNS = (schema.VILLAGE_CODE, schema.LAT, schema.LON, SOURCE)
#: `location_quality` of a corrected village, and the prefix of its `loc_source`.
CORRECTED_QUALITY = "high"
CORRECTION_SOURCE_PREFIX = "correction:"
#: A corrected point up to this far outside the village's tambon is accepted with a warning; farther is refused.
MAX_OUTSIDE_TAMBON_M = 5_000.0


class PointError(GeodataError):
    """A point clicked on the map that cannot be recorded; `problems` says why (no row: it is not from a file)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))

    def words(self, lang: str) -> str:
        """Why, in `lang`: each problem's sentence and its fix."""
        return " ".join(p.sentence_in(lang) for p in self.problems)

    @property
    def translated(self) -> bool:
        return True


@dataclass(frozen=True)
class PreviousPoint:
    """The point a correction replaces and how good it was (e.g. `estimated`); None where there was none."""

    lat: float | None
    lon: float | None
    quality: str | None


class CorrectedPoint(Protocol):
    """What applying a recorded correction needs of it: the point (decimal degrees) and where it comes from."""

    @property
    def lat(self) -> float: ...

    @property
    def lon(self) -> float: ...

    @property
    def source(self) -> str: ...


@dataclass(frozen=True)
class CheckedCorrection:
    """A correction that passed the checks, ready to record; `note` says why it deserves a second look
    (`warning` is its English)."""

    village_code: str
    lat: float
    lon: float
    source: str
    previous: PreviousPoint
    note: Message | None = None

    @property
    def warning(self) -> str | None:
        """The note in English, or None."""
        return None if self.note is None else str(self.note)


def check_point(village_code: str, lat: float, lon: float, source: str, villages: gpd.GeoDataFrame,
                tambons: gpd.GeoDataFrame, *, metric_crs: str | None = None) -> CheckedCorrection:
    """Check one correction (e.g. a point clicked on the map); raises PointError saying what is wrong.

    Distances are measured in ``metric_crs`` (default: the tambons' province's UTM zone, as for every function
    here)."""
    place = _Places(villages, tambons, metric_crs)
    problems = _point_problems(village_code, lat, lon, source, place, row=None)
    if problems:
        raise PointError(problems)
    return _checked(village_code, lat, lon, source, place)


def read_corrections(data: bytes, filename: str, villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame, *,
                     metric_crs: str | None = None) -> tuple[CheckedCorrection, ...]:
    """The corrections of a CSV file (columns village_code, lat, lon, source), every row checked.

    Raises UploadError listing every problem (row, column, value, fix); a file with any problem records nothing.
    """
    table = read_table(data, filename, limit=limits.CORRECTIONS, columns=CORRECTION_COLUMNS, suffixes=(".csv",),
                       header_aliases=schema.CORRECTION_HEADER_ALIASES,
                       number_columns=(schema.VILLAGE_CODE, schema.LAT, schema.LON), free_text=(SOURCE,))
    place = _Places(villages, tambons, metric_crs)
    problems = as_written(_table_problems(table, place), headers_as_written(table))
    if problems:
        raise UploadError(filename, problems)
    return tuple(_checked(row[schema.VILLAGE_CODE], float(row[schema.LAT]), float(row[schema.LON]), row[SOURCE],
                          place) for row in table.to_dict("records"))


def apply_corrections(villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame,
                      corrections: Mapping[str, CorrectedPoint], *, metric_crs: str | None = None
                      ) -> gpd.GeoDataFrame:
    """A copy of `villages` with each corrected village moved to its latest corrected point.

    Corrections of villages that are not in `villages` (another data set) are ignored.
    """
    out = villages.copy()
    rows = out.index[out[schema.VILLAGE_CODE].isin(corrections.keys())]
    if not len(rows):
        return out
    codes = out.loc[rows, schema.VILLAGE_CODE]
    lats = codes.map(lambda c: corrections[c].lat).astype(float)
    lons = codes.map(lambda c: corrections[c].lon).astype(float)
    out.loc[rows, schema.LAT] = lats.to_numpy()
    out.loc[rows, schema.LON] = lons.to_numpy()
    out.loc[rows, schema.LOCATION_QUALITY] = CORRECTED_QUALITY
    out.loc[rows, schema.LOCATION_SOURCE] = codes.map(lambda c: CORRECTION_SOURCE_PREFIX + corrections[c].source
                                                      ).to_numpy()
    points = gpd.GeoSeries.from_xy(lons, lats, index=rows, crs=schema.GEOGRAPHIC_CRS)
    out.loc[rows, out.geometry.name] = points.to_numpy()
    place = _Places(villages, tambons, metric_crs)
    distances = [place.outside_m(t, lat, lon) for t, lat, lon in
                 zip(out.loc[rows, schema.TAMBON_CODE], lats, lons, strict=True)]
    out.loc[rows, "dist_to_own_tambon_m"] = distances
    out.loc[rows, "point_in_own_tambon"] = [d == 0.0 for d in distances]
    return out


def is_corrected(location_source: object) -> bool:
    """True for a village whose point comes from a planner's correction."""
    return isinstance(location_source, str) and location_source.startswith(CORRECTION_SOURCE_PREFIX)


def previous_point(villages: gpd.GeoDataFrame, village_code: str) -> PreviousPoint:
    """The point and quality a correction of `village_code` replaces (what the data set in use has now)."""
    row = villages.loc[villages[schema.VILLAGE_CODE] == village_code]
    if row.empty:
        return PreviousPoint(None, None, None)
    first = row.iloc[0]
    return PreviousPoint(float(first[schema.LAT]), float(first[schema.LON]), str(first[schema.LOCATION_QUALITY]))


class _Places:
    """Village -> tambon and tambon polygons in metres (in ``metric_crs``, default the tambons' province's UTM
    zone), prepared once per check."""

    def __init__(self, villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame, metric_crs: str | None = None):
        crs = metric_crs or metric_crs_of(tambons)
        self.villages = villages
        self.tambon_of = dict(zip(villages[schema.VILLAGE_CODE], villages[schema.TAMBON_CODE], strict=True))
        self.polygons = tambons.set_index(schema.TAMBON_CODE).geometry.to_crs(crs)
        self._to_metric = Transformer.from_crs(schema.GEOGRAPHIC_CRS, crs, always_xy=True)

    def outside_m(self, tambon: str, lat: float, lon: float) -> float:
        """Metres from the point to the tambon's polygon (0 inside, or when the tambon has no polygon)."""
        polygon = self.polygons.get(tambon)
        if polygon is None:
            return 0.0
        x, y = self._to_metric.transform(lon, lat)
        return float(shapely.distance(polygon, shapely.Point(x, y)))


def _checked(code: str, lat: float, lon: float, source: str, place: _Places) -> CheckedCorrection:
    tambon = place.tambon_of[code]
    distance = place.outside_m(tambon, lat, lon)
    note = None
    if distance > 0:
        note = Message("problem.near_outside_tambon", code=code, km=distance / 1000, tambon=tambon)
    return CheckedCorrection(code, float(lat), float(lon), source.strip(), previous_point(place.villages, code),
                             note)


def _table_problems(table: pd.DataFrame, place: _Places) -> list[Problem]:
    columns = [column_label(c) for c in CORRECTION_COLUMNS]
    if not len(table):
        return [Problem("empty_file", Message("problem.empty_corrections"),
                        Message("problem.fix.correction_rows", header=columns))]
    missing = [c for c in CORRECTION_COLUMNS if c not in table.columns]
    if missing:
        return [Problem("missing_column", Message("problem.missing_column"),
                        Message("problem.fix.add_correction_column", columns=columns), column=c) for c in missing]
    problems = blank_values(table, CORRECTION_COLUMNS)
    problems += long_texts(table, {SOURCE: limits.NOTE_MAX_CHARS})
    problems += [p for p in malformed_codes(table) if p.column == schema.VILLAGE_CODE]
    problems += duplicate_codes(table, schema.VILLAGE_CODE)
    coordinate = coordinate_problems(table)
    problems += coordinate
    bad_rows = {p.row for p in problems}
    for i, row in table.iterrows():
        if spreadsheet_row(i) in bad_rows:
            continue
        problems += _point_problems(row[schema.VILLAGE_CODE], float(row[schema.LAT]), float(row[schema.LON]),
                                    row[SOURCE], place, row=spreadsheet_row(i))
    return sorted(problems, key=lambda p: (p.row or 0, p.column or ""))


def _point_problems(code: str, lat: float, lon: float, source: str, place: _Places, row: int | None
                    ) -> list[Problem]:
    if not isinstance(source, str) or not source.strip():
        return [Problem("missing_value", Message("problem.no_source"), Message("problem.fix.name_source"),
                        row=row, column=SOURCE, value="")]
    if len(source.strip()) > limits.NOTE_MAX_CHARS:
        return [Problem("text_too_long",
                        Message("problem.text_too_long", length=len(source.strip()), most=limits.NOTE_MAX_CHARS),
                        Message("problem.fix.shorten_to", most=limits.NOTE_MAX_CHARS), row=row, column=SOURCE,
                        value=source.strip()[:40] + "…")]
    tambon = place.tambon_of.get(code)
    if tambon is None:
        return [Problem("unknown_village", Message("problem.unknown_village"), Message("problem.fix.village_code"),
                        row=row, column=schema.VILLAGE_CODE, value=str(code))]
    b = schema.THAILAND_BOUNDS
    if not (math.isfinite(lat) and math.isfinite(lon) and b["lat_min"] <= lat <= b["lat_max"]
            and b["lon_min"] <= lon <= b["lon_max"]):
        return [outside_thailand(row, f"{lat}, {lon}")]
    distance = place.outside_m(tambon, lat, lon)
    if distance > MAX_OUTSIDE_TAMBON_M:
        return [Problem("far_outside_tambon", Message("problem.far_outside_tambon", km=distance / 1000, tambon=tambon),
                        Message("problem.fix.far_outside_tambon"), row=row, column=schema.LAT,
                        value=f"{lat}, {lon}")]
    return []
