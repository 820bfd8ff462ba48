"""The embedded data set of the default province, shipped as package data (see geodata/data/SOURCES.md).

The readers here also read a province built from the national files (``geodata.databuild``), whose files have the
same layout. The loaders return fresh GeoDataFrames in EPSG:4326 with the columns and dtypes of `geodata.schema`;
codes are strings. Files are read once per process and copied on every call, so callers may modify what they get.
"""

from __future__ import annotations

import functools
import os
from importlib import resources

import geopandas as gpd
import pandas as pd

from geodata import provinces, schema
from geodata.estimate import estimate_village_points

_DATA = resources.files("geodata") / "data"


def data_file(name: str):
    """A path-like handle to one embedded file (importlib.resources, so it works from a wheel too)."""
    return _DATA / name


def sources_markdown(lang: str = "en") -> str:
    """The embedded data's sources, licences and credits: SOURCES.md, or its Thai version SOURCES.th.md."""
    return data_file("SOURCES.th.md" if lang == "th" else "SOURCES.md").read_text(encoding="utf-8")


def load_tambons() -> gpd.GeoDataFrame:
    """The province's 170 tambon polygons with names, codes, area and DOPA population (2021-12-31)."""
    return _tambons().copy()


def load_amphoes() -> gpd.GeoDataFrame:
    """The province's 23 amphoe polygons with names, codes, area and DOPA population (2021-12-31)."""
    return _amphoes().copy()


def load_villages() -> gpd.GeoDataFrame:
    """The province's 1,553 villages, each with a point; villages with no surveyed point get an estimated one.

    `location_quality` is the match confidence of a matched point (`high`/`medium`/`low`) or `estimated`.
    """
    return _villages().copy()


@functools.cache
def _tambons() -> gpd.GeoDataFrame:
    with resources.as_file(data_file("tambon.geojson")) as path:
        return read_tambons(path)


@functools.cache
def _amphoes() -> gpd.GeoDataFrame:
    with resources.as_file(data_file("amphoe.geojson")) as path:
        return read_amphoes(path)


@functools.cache
def _villages() -> gpd.GeoDataFrame:
    with resources.as_file(data_file("villages.csv")) as path:
        raw = read_village_table(path)
    return locate_villages(raw, _tambons(), metric_crs=provinces.metric_crs(provinces.DEFAULT_PROVINCE))


def read_tambons(path: str | os.PathLike) -> gpd.GeoDataFrame:
    """Tambon polygons from a GeoJSON file of a data set (embedded or built), in the schema's columns."""
    return conform(gpd.read_file(path), schema.TAMBON_COLUMNS).sort_values(schema.TAMBON_CODE, ignore_index=True)


def read_amphoes(path: str | os.PathLike) -> gpd.GeoDataFrame:
    """Amphoe polygons from a GeoJSON file of a data set (embedded or built), in the schema's columns."""
    return conform(gpd.read_file(path), schema.AMPHOE_COLUMNS).sort_values(schema.AMPHOE_CODE, ignore_index=True)


def read_village_table(path: str | os.PathLike) -> pd.DataFrame:
    """A data set's villages.csv as text cells (empty cells are missing values)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])


def locate_villages(raw: pd.DataFrame, tambons: gpd.GeoDataFrame, *, metric_crs: str | None = None
                    ) -> gpd.GeoDataFrame:
    """Turn a village table (lat/lon where known) into points, estimating the missing ones inside their tambon.

    ``metric_crs`` is where the estimates are placed (default: the UTM zone of the tambons' centre).
    """
    frame = raw.copy()
    for column in (schema.LAT, schema.LON):
        frame[column] = pd.to_numeric(frame.get(column), errors="coerce")
    has_point = frame[schema.LAT].notna() & frame[schema.LON].notna()
    confidence = frame.get(schema.MATCH_CONFIDENCE, pd.Series(pd.NA, index=frame.index, dtype="str"))
    frame[schema.LOCATION_QUALITY] = confidence.where(has_point & confidence.notna(), "high")
    frame.loc[~has_point, schema.LOCATION_QUALITY] = schema.ESTIMATED
    source = frame.get(schema.LOCATION_SOURCE, pd.Series(pd.NA, index=frame.index, dtype="str"))
    frame[schema.LOCATION_SOURCE] = source.where(has_point, schema.ESTIMATED_SOURCE)

    geometry = gpd.GeoSeries.from_xy(frame[schema.LON], frame[schema.LAT], crs=schema.GEOGRAPHIC_CRS)
    missing = frame.index[~has_point]
    if len(missing):
        estimated = estimate_village_points(
            frame.loc[missing, schema.VILLAGE_CODE].tolist(),
            frame.loc[missing, schema.TAMBON_CODE].tolist(),
            tambons, metric_crs=metric_crs,
        )
        geometry.loc[missing] = estimated.to_numpy()
        frame.loc[missing, schema.LON] = estimated.x.to_numpy()
        frame.loc[missing, schema.LAT] = estimated.y.to_numpy()
    located = gpd.GeoDataFrame(frame, geometry=geometry, crs=schema.GEOGRAPHIC_CRS)
    return conform(located, schema.VILLAGE_COLUMNS).sort_values(schema.VILLAGE_CODE, ignore_index=True)


def conform(frame: gpd.GeoDataFrame, columns: dict[str, str]) -> gpd.GeoDataFrame:
    """Keep the schema's columns in the schema's order and dtypes (absent optional columns become empty)."""
    out = {}
    for name, dtype in columns.items():
        if name not in frame.columns:
            out[name] = pd.Series(index=frame.index, dtype=dtype)
            continue
        values = frame[name]
        if dtype == "float64":
            values = pd.to_numeric(values, errors="coerce")
        if dtype == "boolean" and values.dtype != "boolean":
            values = values.map({"true": True, "false": False, True: True, False: False}, na_action="ignore")
        out[name] = values.astype(dtype)
    out[schema.GEOMETRY] = frame.geometry.to_numpy()
    return gpd.GeoDataFrame(out, geometry=schema.GEOMETRY, crs=frame.crs)
