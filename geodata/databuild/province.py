"""One province's data set from the national files: villages with matched points, tambons, amphoe, population.

The result has the columns and dtypes of the embedded data set (``geodata.schema``) and is written as the same
files (``villages.csv``, ``tambon.geojson``, ``amphoe.geojson``, ``tambon.csv``, ``amphoe.csv``), so a built
province is read exactly like the embedded one. Villages without a matched point keep empty lat/lon: the
loader estimates their points inside their tambon and marks them ``estimated``, as for the embedded set.
Columns the national gazetteer does not have (male/female and municipal population, aliases, creation dates,
the gazetteer's comments) are left empty, never invented. All metric work is done in the province's own UTM
zone (``geodata.provinces.metric_crs``). Same input, same output, byte for byte.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geodata import provinces, schema
from geodata.databuild import matching
from geodata.databuild.national import (
    POINT_ID,
    POINT_NAME,
    POINT_TAMBON,
    POINT_TAMBON_NAME,
    NationalData,
    national_data,
)
from geodata.errors import GeodataError

#: Version of the build's output; part of the cache key, so raise it whenever the output changes.
BUILD_VERSION = "1"
#: ``loc_source`` of a village whose point is a matched 2012 point, and of one without a point.
MATCHED_SOURCE = "TH_VILLAGE2012_name_match"
NO_POINT_SOURCE = "none"
#: Date of the DOPA population figures.
POPULATION_DATE = "2021-12-31"
#: Degrees added around a province's frame when picking the 2012 points that may belong to it (> 1.5 km).
_POINT_MARGIN_DEG = 0.03
#: Files of a built province (the same names as the embedded data set).
VILLAGES_FILE, TAMBON_FILE, AMPHOE_FILE = "villages.csv", "tambon.geojson", "amphoe.geojson"
TAMBON_TABLE, AMPHOE_TABLE, SUMMARY_FILE = "tambon.csv", "amphoe.csv", "build.json"

#: Columns of a built villages.csv, in the embedded file's order.
VILLAGE_FILE_COLUMNS = (
    schema.VILLAGE_CODE, schema.MOO, schema.VILLAGE_TH, schema.VILLAGE_EN, schema.TAMBON_CODE, schema.TAMBON_TH,
    schema.TAMBON_EN, schema.AMPHOE_CODE, schema.AMPHOE_TH, schema.AMPHOE_EN, schema.PROVINCE, schema.LAT,
    schema.LON, schema.LOCATION_SOURCE, schema.MATCH_CONFIDENCE, "match_tier", "match_score", "src2012_name",
    "src2012_main_id", "point_in_own_tambon", "dist_to_own_tambon_m", "aliases", "created_effective",
    "split_from", "comment",
)


@dataclass(frozen=True)
class BuildSummary:
    """Headline figures of one province's build (written as build.json and into the national summary)."""

    province: str
    name_th: str
    name_en: str
    metric_crs: str
    amphoes: int
    tambons: int
    tambons_with_villages: int
    villages: int
    located: int
    estimated: int
    by_tier: dict[str, int]
    by_confidence: dict[str, int]
    max_distance_m: float
    population: int
    households: int
    build_version: str
    seconds: float


@dataclass(frozen=True)
class ProvinceBuild:
    """A built province: the village table (points where matched), tambon and amphoe polygons, and a summary."""

    villages: pd.DataFrame
    tambons: gpd.GeoDataFrame
    amphoes: gpd.GeoDataFrame
    summary: BuildSummary


def build_province(code: str, national: NationalData | None = None) -> ProvinceBuild:
    """Build one province's data set from the national files (GeodataError for an unknown or empty province)."""
    started = time.perf_counter()
    info = provinces.province(code)
    if not info.has_villages:
        raise GeodataError(f"province {info.label('en')} has no villages (its districts are not divided into "
                           f"muban), so it has nothing to plan; choose another province")
    national = national or national_data()
    tambons = _tambon_frame(info, national)
    villages = _village_table(info, national, tambons)
    tambons = _with_counts(tambons, villages)
    amphoes = _amphoe_frame(info, national, tambons)
    summary = _summary(info, villages, tambons, amphoes, time.perf_counter() - started)
    return ProvinceBuild(villages=villages, tambons=tambons, amphoes=amphoes, summary=summary)


def write_province(build: ProvinceBuild, folder: Path) -> None:
    """Write the built files into ``folder`` (created if needed), in the embedded data set's layout."""
    folder.mkdir(parents=True, exist_ok=True)
    build.villages.to_csv(folder / VILLAGES_FILE, index=False, lineterminator="\n")
    for frame, geo_name, table_name in ((build.tambons, TAMBON_FILE, TAMBON_TABLE),
                                        (build.amphoes, AMPHOE_FILE, AMPHOE_TABLE)):
        frame.to_file(folder / geo_name, driver="GeoJSON", layer_options={"RFC7946": "YES", "WRITE_NAME": "NO",
                                                                           "COORDINATE_PRECISION": 6})
        pd.DataFrame(frame.drop(columns=frame.geometry.name)).to_csv(folder / table_name, index=False,
                                                                     lineterminator="\n")
    summary = {k: v for k, v in asdict(build.summary).items() if k != "seconds"}
    (folder / SUMMARY_FILE).write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _tambon_frame(info: provinces.Province, national: NationalData) -> gpd.GeoDataFrame:
    """The province's gazetteer tambons with their polygons, names and population (no counts yet)."""
    gazetteer = national.tambons[national.tambons[schema.TAMBON_CODE].str[:2] == info.code]
    polygons = national.polygons.set_index(schema.TAMBON_CODE).geometry
    with_villages = set(national.villages.loc[national.villages[schema.TAMBON_CODE].str[:2] == info.code,
                                              schema.TAMBON_CODE].tolist())
    with_polygon = set(polygons.index.tolist())
    missing = sorted(with_villages - with_polygon)
    if missing:
        raise GeodataError(f"province {info.label('en')}: tambon(s) {', '.join(missing)} have villages but no "
                           f"polygon in the national boundary file; add their polygons to "
                           f"geodata/data/thailand and pack again")
    gazetteer = gazetteer[[code in with_polygon for code in gazetteer[schema.TAMBON_CODE]]]
    amphoes = national.amphoes.set_index(schema.AMPHOE_CODE)
    frame = pd.DataFrame({
        schema.TAMBON_CODE: gazetteer[schema.TAMBON_CODE].to_numpy(),
        schema.TAMBON_TH: gazetteer[schema.TAMBON_TH].to_numpy(),
        schema.TAMBON_EN: gazetteer[schema.TAMBON_EN].to_numpy(),
        schema.AMPHOE_CODE: gazetteer[schema.AMPHOE_CODE].to_numpy(),
        schema.AMPHOE_TH: gazetteer[schema.AMPHOE_CODE].map(amphoes[schema.AMPHOE_TH]).to_numpy(),
        schema.AMPHOE_EN: gazetteer[schema.AMPHOE_CODE].map(amphoes[schema.AMPHOE_EN]).to_numpy(),
        schema.PROVINCE: info.code,
        "province_th": info.name_th,
        "province_en": info.name_en,
        schema.POPULATION: gazetteer["population_2021"].to_numpy(),
        schema.HOUSEHOLDS: gazetteer["households_2021"].to_numpy(),
        "pop_ref_date": POPULATION_DATE,
    })
    frame = gpd.GeoDataFrame(frame, geometry=polygons.loc[frame[schema.TAMBON_CODE]].to_numpy(),
                             crs=schema.GEOGRAPHIC_CRS)
    frame[schema.AREA_KM2] = (frame.geometry.to_crs(info.metric_crs).area / 1e6).round(3)
    return frame.sort_values(schema.TAMBON_CODE, ignore_index=True)


def _village_table(info: provinces.Province, national: NationalData, tambons: gpd.GeoDataFrame) -> pd.DataFrame:
    """Every village of the province with its matched 2012 point, if any (the villages.csv content)."""
    gazetteer = national.villages[national.villages[schema.VILLAGE_CODE].str[:2] == info.code]
    names = tambons.set_index(schema.TAMBON_CODE)
    table = pd.DataFrame({
        schema.VILLAGE_CODE: gazetteer[schema.VILLAGE_CODE].to_numpy(),
        schema.MOO: gazetteer[schema.MOO].to_numpy(),
        schema.VILLAGE_TH: gazetteer[schema.VILLAGE_TH].to_numpy(),
        schema.VILLAGE_EN: gazetteer[schema.VILLAGE_EN].to_numpy(),
        schema.TAMBON_CODE: gazetteer[schema.TAMBON_CODE].to_numpy(),
    })
    for column in (schema.TAMBON_TH, schema.TAMBON_EN, schema.AMPHOE_CODE, schema.AMPHOE_TH, schema.AMPHOE_EN):
        table[column] = table[schema.TAMBON_CODE].map(names[column])
    table[schema.PROVINCE] = info.code
    table = table.sort_values(schema.VILLAGE_CODE, ignore_index=True)
    points = _points_near(info, national)
    matches = _match(table, tambons, points, info.metric_crs)
    return _with_points(table, matches, points)


def _points_near(info: provinces.Province, national: NationalData) -> gpd.GeoDataFrame:
    """The 2012 points within the province's frame plus a margin wider than the matching distance."""
    frame = info.frame
    return national.points.cx[frame.min_lon - _POINT_MARGIN_DEG:frame.max_lon + _POINT_MARGIN_DEG,
                              frame.min_lat - _POINT_MARGIN_DEG:frame.max_lat + _POINT_MARGIN_DEG]


def _match(villages: pd.DataFrame, tambons: gpd.GeoDataFrame, points: gpd.GeoDataFrame, metric_crs: str
           ) -> dict[str, matching.Match]:
    own = tambons[tambons[schema.TAMBON_CODE].isin(set(villages[schema.TAMBON_CODE]))]
    near = matching.distances_to_tambons(own.set_index(schema.TAMBON_CODE).geometry.to_crs(metric_crs),
                                         points.set_index(POINT_ID).geometry.to_crs(metric_crs))
    village_columns = (schema.VILLAGE_CODE, schema.VILLAGE_TH, schema.TAMBON_CODE, schema.TAMBON_TH)
    point_columns = (POINT_ID, POINT_NAME, POINT_TAMBON_NAME, POINT_TAMBON)
    return matching.match_villages(  # columns as lists: iterating pandas' Arrow strings one by one is slow
        [matching.Village(*row) for row in zip(*(villages[c].tolist() for c in village_columns), strict=True)],
        [matching.Point(int(i), n, tn, it)
         for i, n, tn, it in zip(*(points[c].tolist() for c in point_columns), strict=True)],
        near)


def _with_points(table: pd.DataFrame, matches: dict[str, matching.Match], points: gpd.GeoDataFrame
                 ) -> pd.DataFrame:
    by_id = points.set_index(POINT_ID)
    found = [matches.get(code) for code in table[schema.VILLAGE_CODE]]
    rows = [i for i, match in enumerate(found) if match is not None]
    taken = [found[i] for i in rows]
    ids = [match.point for match in taken]
    located = pd.DataFrame(index=table.index, columns=[schema.LAT, schema.LON], dtype="float64")
    located[schema.LOCATION_SOURCE] = NO_POINT_SOURCE
    if taken:
        where = table.index[rows]
        geometry = by_id.geometry.loc[ids]
        located.loc[where, schema.LAT] = [round(y, 6) for y in geometry.y]
        located.loc[where, schema.LON] = [round(x, 6) for x in geometry.x]
        located.loc[where, schema.LOCATION_SOURCE] = MATCHED_SOURCE
        for column, values in (
                (schema.MATCH_CONFIDENCE, [m.confidence for m in taken]),
                ("match_tier", [m.tier for m in taken]),
                ("match_score", [m.score for m in taken]),
                ("src2012_name", by_id.loc[ids, POINT_NAME].to_numpy()),
                ("src2012_main_id", [str(i) for i in ids]),
                ("point_in_own_tambon", ["true" if m.distance_m == 0 else "false" for m in taken]),
                ("dist_to_own_tambon_m", [m.distance_m for m in taken]),
                ("comment", [matching.DUPLICATE_NOTE if m.duplicate_name else None for m in taken])):
            located[column] = pd.Series(values, index=where)
    out = pd.concat([table, located], axis=1)
    return out.reindex(columns=list(VILLAGE_FILE_COLUMNS))


def _with_counts(tambons: gpd.GeoDataFrame, villages: pd.DataFrame) -> gpd.GeoDataFrame:
    code = tambons[schema.TAMBON_CODE]
    counts = villages[schema.TAMBON_CODE].value_counts()
    located = villages.loc[villages[schema.LAT].notna(), schema.TAMBON_CODE].value_counts()
    out = tambons.copy()
    out["n_muban"] = code.map(counts).fillna(0).astype("int64")
    out["n_muban_located"] = code.map(located).fillna(0).astype("int64")
    return _ordered(out, schema.TAMBON_COLUMNS, ("province_th", "province_en", "pop_ref_date"))


def _amphoe_frame(info: provinces.Province, national: NationalData, tambons: gpd.GeoDataFrame
                  ) -> gpd.GeoDataFrame:
    """Amphoe polygons dissolved from their tambons, with summed counts and population."""
    sums = tambons.groupby(schema.AMPHOE_CODE).agg(
        n_tambon=(schema.TAMBON_CODE, "size"), n_muban=("n_muban", "sum"),
        n_muban_located=("n_muban_located", "sum"), **{schema.POPULATION: (schema.POPULATION, "sum"),
                                                       schema.HOUSEHOLDS: (schema.HOUSEHOLDS, "sum")})
    geometry = tambons.groupby(schema.AMPHOE_CODE).geometry.agg(
        lambda polygons: shapely.union_all(polygons.to_numpy(), grid_size=1e-6))
    names = national.amphoes.set_index(schema.AMPHOE_CODE)
    frame = gpd.GeoDataFrame(sums.reset_index(), geometry=geometry.loc[sums.index].to_numpy(),
                             crs=schema.GEOGRAPHIC_CRS)
    frame[schema.AMPHOE_TH] = frame[schema.AMPHOE_CODE].map(names[schema.AMPHOE_TH])
    frame[schema.AMPHOE_EN] = frame[schema.AMPHOE_CODE].map(names[schema.AMPHOE_EN])
    frame[schema.PROVINCE] = info.code
    frame[schema.AREA_KM2] = (frame.geometry.to_crs(info.metric_crs).area / 1e6).round(3)
    frame["pop_ref_date"] = POPULATION_DATE
    return _ordered(frame, schema.AMPHOE_COLUMNS, ("pop_ref_date",))


def _ordered(frame: gpd.GeoDataFrame, columns: dict[str, str], extra: tuple[str, ...]) -> gpd.GeoDataFrame:
    """The schema's columns in order (absent ones empty), then the extra columns, then the geometry."""
    out = frame.copy()
    for name, dtype in columns.items():
        out[name] = out[name].astype(dtype) if name in out.columns else pd.Series(index=out.index, dtype=dtype)
    return out[[*columns, *extra, out.geometry.name]]


def _summary(info: provinces.Province, villages: pd.DataFrame, tambons: gpd.GeoDataFrame,
             amphoes: gpd.GeoDataFrame, seconds: float) -> BuildSummary:
    located = villages[villages[schema.LAT].notna()]
    return BuildSummary(
        province=info.code, name_th=info.name_th, name_en=info.name_en, metric_crs=info.metric_crs,
        amphoes=len(amphoes), tambons=len(tambons),
        tambons_with_villages=int(villages[schema.TAMBON_CODE].nunique()), villages=len(villages),
        located=len(located), estimated=len(villages) - len(located),
        by_tier={tier: int((located["match_tier"] == tier).sum()) for tier in matching.TIERS},
        by_confidence={q: int((located[schema.MATCH_CONFIDENCE] == q).sum()) for q in ("high", "medium", "low")},
        max_distance_m=float(located["dist_to_own_tambon_m"].max()) if len(located) else 0.0,
        population=int(tambons[schema.POPULATION].sum()), households=int(tambons[schema.HOUSEHOLDS].sum()),
        build_version=BUILD_VERSION, seconds=round(seconds, 2))
