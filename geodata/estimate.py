"""Estimated locations for villages that have no surveyed point.

A village without a point still has to be drawn and planned. It gets a deterministic point inside its own
tambon polygon. Points are taken from a Halton sequence over the tambon's bounding box (in metres), keeping the
first ones that fall inside the polygon shrunk by a margin: a low-discrepancy sequence spreads the estimated
villages of one tambon evenly instead of stacking them on one spot, and the same input always gives the same
points. Every such point is marked `estimated` (schema.ESTIMATED) wherever it is shown or exported.
"""

from __future__ import annotations

import functools

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geodata import schema
from geodata.provinces import metric_crs_of

#: Estimated points keep this far (metres) inside the tambon border, so they stay inside after reprojection.
_INNER_MARGIN_M = 150.0
#: Halton candidates tried per tambon before giving up (a thin sliver tambon needs many).
_MAX_CANDIDATES = 20_000
#: Halton candidates tested at a time.
_BATCH = 512


def halton(index: np.ndarray, base: int) -> np.ndarray:
    """The radical inverse of each (1-based) index in `base`: one coordinate of a Halton sequence in [0, 1)."""
    index = np.asarray(index, dtype=np.int64).copy()
    result = np.zeros(index.shape, dtype=float)
    fraction = 1.0
    while np.any(index > 0):
        fraction /= base
        result += fraction * (index % base)
        index //= base
    return result


@functools.cache
def _halton_table(base: int) -> np.ndarray:
    """``halton`` of the indices 1 to ``_MAX_CANDIDATES + _BATCH``, computed once per process: each value is
    the same as computed batch by batch, and every tambon uses the same sequence."""
    return halton(np.arange(1, _MAX_CANDIDATES + _BATCH + 1), base)


def spread_points_in_polygon(polygon: BaseGeometry, count: int) -> list[shapely.Point]:
    """`count` evenly spread, deterministic points strictly inside `polygon` (a metric CRS is assumed)."""
    if count <= 0:
        return []
    inner = polygon.buffer(-_INNER_MARGIN_M)
    if inner.is_empty or inner.area < polygon.area * 0.05:
        inner = polygon.buffer(-min(_INNER_MARGIN_M, np.sqrt(polygon.area) * 0.02))
    if inner.is_empty:
        inner = polygon
    minx, miny, maxx, maxy = inner.bounds
    shapely.prepare(inner)
    points: list[shapely.Point] = []
    start = 1
    while len(points) < count and start < _MAX_CANDIDATES:
        batch = slice(start - 1, start - 1 + _BATCH)
        xs = minx + _halton_table(2)[batch] * (maxx - minx)
        ys = miny + _halton_table(3)[batch] * (maxy - miny)
        candidates = shapely.points(xs, ys)
        inside = candidates[shapely.contains(inner, candidates)]
        points.extend(inside[: count - len(points)])
        start += _BATCH
    if len(points) < count:  # pathological shape: fall back to the representative point, still inside
        points.extend([inner.representative_point()] * (count - len(points)))
    return points


def estimate_village_points(village_codes: list[str], tambon_codes: list[str], tambons: gpd.GeoDataFrame, *,
                            metric_crs: str | None = None) -> gpd.GeoSeries:
    """Estimated points (EPSG:4326) for villages with no location, each inside its own tambon.

    `village_codes[i]` belongs to `tambon_codes[i]`; villages of one tambon are placed in code order, so adding
    a village later does not move the others. Points are placed in `metric_crs` (default: the province's UTM
    zone, `geodata.provinces.metric_crs_of`).
    """
    metric_crs = metric_crs or metric_crs_of(tambons)
    metric = tambons.set_index(schema.TAMBON_CODE).geometry.to_crs(metric_crs)
    unknown = sorted(set(tambon_codes) - set(metric.index))
    if unknown:
        raise ValueError(f"cannot estimate locations: tambon code(s) {unknown} have no polygon; "
                         "add the tambon to the boundary file or correct the village's tambon code")
    by_tambon: dict[str, list[str]] = {}
    for village, tambon in sorted(zip(village_codes, tambon_codes, strict=True)):
        by_tambon.setdefault(tambon, []).append(village)
    placed: dict[str, shapely.Point] = {}
    for tambon, villages in by_tambon.items():
        for village, point in zip(villages, spread_points_in_polygon(metric[tambon], len(villages)),
                                  strict=True):
            placed[village] = point
    series = gpd.GeoSeries([placed[v] for v in village_codes], index=village_codes, crs=metric_crs)
    return series.to_crs(schema.GEOGRAPHIC_CRS)
