"""Light versions of the boundaries for drawing on screen.

Browsers pay for every vertex, so boundaries are simplified as a coverage (shared borders stay shared, no gaps
or slivers appear between neighbours) in metres, in the UTM zone of the province drawn (47N or 48N,
``geodata.provinces.metric_crs_of``), and coordinates are rounded to about 10 m. The full-detail polygons stay in
use for every computation. The national view simplifies its provinces in degrees instead
(``geodata.national_layers``).

`display_topology` sends the same light polygons as TopoJSON (the ``topojson`` package): each border shared by two
neighbours is written once, quantised to about 10 m and delta-encoded, about a third of the GeoJSON's size; the
browser decodes it with topojson-client and can draw the borders between groups (amphoe) from the same arcs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import geopandas as gpd
import shapely
import topojson

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


#: Quantisation of display TopoJSON: 10,000 steps across the province's extent (about 12 to 16 m a step).
DISPLAY_QUANTISATION = 10_000


def display_topology(polygons: gpd.GeoDataFrame, properties: Mapping[str, str], *, object_name: str,
                     tolerance_m: float = DISPLAY_TOLERANCE_M, quantisation: int = DISPLAY_QUANTISATION,
                     metric_crs: str | None = None) -> dict:
    """The polygons simplified for display as a TopoJSON Topology with one object, `object_name`.

    `properties` maps each column to keep to its name in the topology. Each shared border is one arc; the
    quantised, delta-encoded arcs are what the browser receives.
    """
    crs = metric_crs or metric_crs_of(polygons)
    light = simplified_for_display(polygons[[*properties, polygons.geometry.name]], tolerance_m, metric_crs=crs)
    light = light.rename(columns=dict(properties)).reset_index(drop=True)
    topology = topojson.Topology(light, prequantize=quantisation, object_name=object_name).to_dict()
    topology.pop("bbox", None)
    for geometry in topology["objects"][object_name]["geometries"]:
        geometry.pop("id", None)
    return topology


def label_points(polygons: gpd.GeoDataFrame, columns: Sequence[str], *, decimals: int = DISPLAY_DECIMALS,
                 metric_crs: str | None = None) -> list[list]:
    """A point inside each polygon to write its name at: ``[lat, lon, *values of columns]`` per polygon."""
    crs = metric_crs or metric_crs_of(polygons)
    inside = polygons.to_crs(crs).representative_point().to_crs(schema.GEOGRAPHIC_CRS)
    values = polygons[list(columns)].itertuples(index=False)
    return [[round(point.y, decimals), round(point.x, decimals), *row] for point, row in zip(inside, values,
                                                                                             strict=True)]


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
