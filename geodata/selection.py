"""Which villages a planner means: inside a drawn shape, of some tambons or amphoes, nearest to a click, found by
name or code.

The map sends shapes as GeoJSON geometries (longitude/latitude). Points are matched against the villages' spatial
index (`GeoDataFrame.sindex`), so selecting in a rectangle over the whole province stays fast. Results are
village codes in code order, the plain values the planning engine and the store work with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import geopandas as gpd
import shapely
from pyproj import Transformer

from geodata import schema
from geodata.databuild.names import VILLAGE_PREFIX
from geodata.provinces import metric_crs_of
from planning.numbers import ascii_digits

#: A click farther than this from every village does not pick one (metres).
MAX_CLICK_DISTANCE_M = 1_500.0
_AREAL = ("Polygon", "MultiPolygon")
_VILLAGE_CODE = re.compile(r"(?<!\d)(\d{8})(?!\d)")
_TAMBON_CODE = re.compile(r"(?<!\d)(\d{6})(?!\d)")


def villages_in_shape(villages: gpd.GeoDataFrame, geometry: Mapping) -> list[str]:
    """Codes of the villages inside (or on the border of) a drawn GeoJSON polygon or rectangle.

    Raises ValueError for a geometry that is not a polygon (a drawn line or point selects nothing by area).
    """
    if geometry.get("type") not in _AREAL:
        raise ValueError(f"cannot select villages inside a {geometry.get('type')!r}; draw a rectangle or polygon")
    shape = shapely.make_valid(shapely.geometry.shape(geometry))
    hits = villages.sindex.query(shape, predicate="intersects")
    return sorted(villages[schema.VILLAGE_CODE].iloc[hits])


def villages_of_tambons(villages: gpd.GeoDataFrame, tambon_codes: Iterable[str]) -> list[str]:
    """Codes of every village of the given tambons."""
    wanted = set(tambon_codes)
    return sorted(villages.loc[villages[schema.TAMBON_CODE].isin(wanted), schema.VILLAGE_CODE])


def villages_of_amphoes(villages: gpd.GeoDataFrame, amphoe_codes: Iterable[str]) -> list[str]:
    """Codes of every village of the given amphoes (districts)."""
    wanted = set(amphoe_codes)
    return sorted(villages.loc[villages[schema.AMPHOE_CODE].isin(wanted), schema.VILLAGE_CODE])


def nearest_village(villages: gpd.GeoDataFrame, lat: float, lon: float,
                    max_distance_m: float = MAX_CLICK_DISTANCE_M, *, metric_crs: str | None = None) -> str | None:
    """The village nearest to a clicked point, or None when none lies within `max_distance_m`, measured in
    ``metric_crs`` (default: the villages' province's UTM zone, ``geodata.provinces.metric_crs_of``)."""
    crs = metric_crs or metric_crs_of(villages)
    to_metric = Transformer.from_crs(schema.GEOGRAPHIC_CRS, crs, always_xy=True)
    x, y = to_metric.transform(lon, lat)
    metric = villages.geometry.to_crs(crs)
    index, distance = metric.sindex.nearest(shapely.Point(x, y), return_distance=True)
    if not len(distance) or distance[0] > max_distance_m:
        return None
    return str(villages[schema.VILLAGE_CODE].iloc[index[1][0]])


def codes_in_text(text: str | None, known: Iterable[str], kind: str = "village") -> list[str]:
    """Known village (8-digit) or tambon (6-digit) codes found in a tooltip's text, in order of appearance."""
    if not text:
        return []
    pattern = _VILLAGE_CODE if kind == "village" else _TAMBON_CODE
    known = set(known)
    return [code for code in pattern.findall(text) if code in known]


def find_villages(villages: gpd.GeoDataFrame, query: str, limit: int = 8) -> tuple[list[str], int]:
    """Villages whose code starts with `query` (Thai digits read as 0-9) or whose Thai or English name contains it
    (case and spacing ignored): up to `limit` codes, best first (a name equal to the query, then one starting
    with it, with or without the บ้าน that begins village names, then the rest, each in code order), and how many
    match in all."""
    wanted = _normalised(ascii_digits(query))
    if not wanted:
        return [], 0
    ranked = []
    for code, thai, english in villages[[schema.VILLAGE_CODE, schema.VILLAGE_TH, schema.VILLAGE_EN]].itertuples(
            index=False):
        if wanted.isdigit():
            if code.startswith(wanted):
                ranked.append((0, code))
            continue
        names = [_normalised(thai), _normalised(english if isinstance(english, str) else "")]
        bare = [name.removeprefix(VILLAGE_PREFIX).removeprefix("ban") for name in names]
        if wanted in names or wanted in bare:
            ranked.append((0, code))
        elif any(name.startswith(wanted) for name in names + bare):
            ranked.append((1, code))
        elif any(wanted in name for name in names):
            ranked.append((2, code))
    ranked.sort()
    return [code for _, code in ranked[:limit]], len(ranked)


def _normalised(name: str) -> str:
    return re.sub(r"\s+", "", name).casefold()
