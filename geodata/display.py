"""Light versions of the boundaries for drawing on screen.

Browsers pay for every vertex, so boundaries are simplified as a coverage (shared borders stay shared, no gaps
or slivers appear between neighbours) in metres, in the UTM zone of the province drawn (47N or 48N,
``geodata.provinces.metric_crs_of``), and coordinates are rounded to about 10 m. The full-detail polygons stay in
use for every computation. The national view simplifies its provinces in degrees instead
(``geodata.national_layers``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import geopandas as gpd
import shapely

from geodata import schema
from geodata.provinces import metric_crs_of

#: Simplification tolerance for display (metres): invisible at province zoom, keeps the map payload small.
DISPLAY_TOLERANCE_M = 80.0
#: Decimal places kept in display coordinates (4 places of a degree is about 11 m).
DISPLAY_DECIMALS = 4


def simplified_for_display(polygons: gpd.GeoDataFrame, tolerance_m: float = DISPLAY_TOLERANCE_M, *,
                           metric_crs: str | None = None) -> gpd.GeoDataFrame:
    """The polygons simplified together as a coverage, in EPSG:4326; the tolerance is in metres in
    ``metric_crs`` (default: their province's UTM zone)."""
    crs = metric_crs or metric_crs_of(polygons)
    metric = polygons.to_crs(crs)
    simplified = shapely.coverage_simplify(metric.geometry.to_numpy(), tolerance_m)
    out = metric.set_geometry(gpd.GeoSeries(simplified, index=metric.index, crs=crs))
    return out.to_crs(schema.GEOGRAPHIC_CRS)


def display_geojson(polygons: gpd.GeoDataFrame, properties: Sequence[str],
                    tolerance_m: float = DISPLAY_TOLERANCE_M, decimals: int = DISPLAY_DECIMALS, *,
                    metric_crs: str | None = None) -> dict:
    """A GeoJSON FeatureCollection of simplified polygons carrying only `properties` (simplified in metres in
    ``metric_crs``, default their province's UTM zone)."""
    crs = metric_crs or metric_crs_of(polygons)
    light = simplified_for_display(polygons[[*properties, polygons.geometry.name]], tolerance_m, metric_crs=crs)
    geometry = shapely.set_precision(light.geometry.to_numpy(), 10.0 ** -decimals)
    features = []
    for record, geom in zip(light[list(properties)].to_dict("records"), geometry, strict=True):
        features.append({"type": "Feature", "properties": record,
                         "geometry": json.loads(shapely.to_geojson(geom, indent=None))})
    return {"type": "FeatureCollection", "features": features}


def point_features(frame: gpd.GeoDataFrame, properties: Sequence[str], decimals: int = 5) -> dict:
    """A GeoJSON FeatureCollection of points (EPSG:4326) carrying only `properties` (values as JSON types)."""
    points = frame.geometry.to_crs(schema.GEOGRAPHIC_CRS)
    records = frame[list(properties)].astype(object).where(frame[list(properties)].notna(), None)
    features = [
        {"type": "Feature", "properties": record,
         "geometry": {"type": "Point", "coordinates": [round(p.x, decimals), round(p.y, decimals)]}}
        for record, p in zip(records.to_dict("records"), points, strict=True)
    ]
    return {"type": "FeatureCollection", "features": features}
