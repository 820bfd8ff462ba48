"""Compact map layers of the national view: provinces at national zoom, one province's amphoe and tambons when
the user zooms into it, and one province's villages.

Every layer is a GeoJSON FeatureCollection (a plain dict) carrying only what a coverage map needs (codes, Thai and
English names, village counts; for villages their location quality, so estimated points are drawn as such), so
that a national map, the provinces plus one province's boundaries and villages, stays well under
``MAP_PAYLOAD_BUDGET``. Sizes are counted as folium embeds a layer (``payload_bytes``: ``json.dumps`` with its
ASCII escapes, 6 bytes per Thai letter); ``bench/bench_nation.py`` measures every province.

Boundaries are simplified as a coverage (shapely's ``coverage_simplify``: shared borders stay shared, no gaps or
slivers between neighbours), from the nation's polygons (``geodata.nation``: the national boundary file for every
province), so a province's tambons fit the province drawn at national zoom:

- provinces: tolerance in degrees, ``NATIONAL_TOLERANCE_DEG`` (0.01, about 1.1 km), coordinates to 3 decimals
  (about 110 m). Degrees rather than metres because the country spans UTM zones 47N and 48N and the provinces
  must be simplified as one coverage, or the borders across the zone boundary would no longer be shared; and on
  the Web Mercator map a degree of longitude and one of latitude are drawn the same size locally (to within 6 %
  between 5.6 and 20.5 degrees N), so a tolerance in degrees is a tolerance in screen pixels at a given zoom:
  0.01 degree is half a pixel at zoom 6, about one at zoom 7, where provinces are drawn.
- one province's amphoe and tambons: in metres in the province's own UTM zone (``geodata.display``, 80 m,
  coordinates to about 10 m), since they are drawn at province zoom.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import geopandas as gpd
import shapely

from geodata import nation, provinces, schema
from geodata.display import display_geojson, point_features

#: Most bytes of JSON a national map (every layer it draws at once) may carry.
MAP_PAYLOAD_BUDGET = 2_000_000
#: Simplification tolerance of the provinces at national zoom (degrees; see the module docstring).
NATIONAL_TOLERANCE_DEG = 0.01
#: Decimal places of the provinces' coordinates (3 places of a degree is about 110 m, a tenth of a pixel at zoom 6).
NATIONAL_DECIMALS = 3
#: Decimal places of village points (about 11 m; the points themselves are approximate).
VILLAGE_DECIMALS = 4

PROVINCE_PROPERTIES = (schema.PROVINCE, schema.PROVINCE_TH, schema.PROVINCE_EN, "n_muban")
AMPHOE_PROPERTIES = (schema.AMPHOE_CODE, schema.AMPHOE_TH, schema.AMPHOE_EN, "n_muban")
TAMBON_PROPERTIES = (schema.TAMBON_CODE, schema.TAMBON_TH, schema.TAMBON_EN, "n_muban")
VILLAGE_PROPERTIES = (schema.VILLAGE_CODE, schema.VILLAGE_TH, schema.VILLAGE_EN, schema.LOCATION_QUALITY)


def province_layer(frame: gpd.GeoDataFrame | None = None) -> dict:
    """Every province with villages, simplified for national zoom (default: the nation's provinces)."""
    frame = nation.load_national_provinces() if frame is None else frame
    geometry = shapely.coverage_simplify(frame.geometry.to_numpy(), NATIONAL_TOLERANCE_DEG)
    geometry = shapely.set_precision(geometry, 10.0 ** -NATIONAL_DECIMALS)
    return _collection(frame, PROVINCE_PROPERTIES, geometry)


def amphoe_layer(province: str) -> dict:
    """One province's amphoe, simplified for province zoom in its UTM zone."""
    return _boundaries(nation.load_national_amphoes(), province, AMPHOE_PROPERTIES)


def tambon_layer(province: str) -> dict:
    """One province's tambons, simplified for province zoom in its UTM zone."""
    return _boundaries(nation.load_national_tambons(), province, TAMBON_PROPERTIES)


def village_layer(province: str) -> dict:
    """One province's villages as points, with their location quality (``estimated`` for an estimated point)."""
    code = provinces.province(province).code
    villages = nation.load_national_villages()
    return point_features(villages[villages[schema.PROVINCE] == code], VILLAGE_PROPERTIES, VILLAGE_DECIMALS)


def payload_bytes(*layers: dict) -> int:
    """Bytes of JSON these layers take in a map page (folium embeds each with ``json.dumps``)."""
    return sum(len(json.dumps(layer).encode("utf-8")) for layer in layers)


def _boundaries(frame: gpd.GeoDataFrame, province: str, properties: Sequence[str]) -> dict:
    info = provinces.province(province)
    mine = frame[frame[schema.PROVINCE] == info.code]
    return display_geojson(mine, list(properties), metric_crs=info.metric_crs)


def _collection(frame: gpd.GeoDataFrame, properties: Sequence[str], geometry) -> dict:
    records = frame[list(properties)].astype(object).where(frame[list(properties)].notna(), None)
    features = [{"type": "Feature", "properties": record,
                 "geometry": json.loads(shapely.to_geojson(shape, indent=None))}
                for record, shape in zip(records.to_dict("records"), geometry, strict=True)]
    return {"type": "FeatureCollection", "features": features}

