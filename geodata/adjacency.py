"""Which tambons border which, and how many hops each tambon is from a set of seed tambons.

These feed the planner: KM spreads from the pilot tambons to their neighbours, so the planner measures
distance in tambon hops rather than kilometres.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping

import geopandas as gpd
import numpy as np
import shapely

from geodata import schema
from geodata.provinces import metric_crs_of

#: Polygons are neighbours when their shared border is at least this long (metres): a corner touch is not a
#: border, and the embedded polygons share their borders exactly.
MIN_SHARED_BORDER_M = 1.0


def tambon_adjacency(tambons: gpd.GeoDataFrame, *, metric_crs: str | None = None) -> dict[str, tuple[str, ...]]:
    """Neighbours of every tambon: polygons that share a border; islands are joined to the nearest tambon.

    The result is symmetric and connected (one component), with neighbours sorted by code. Borders are measured
    in `metric_crs` (default: the province's UTM zone, `geodata.provinces.metric_crs_of`).
    """
    metric = tambons.to_crs(metric_crs or metric_crs_of(tambons)).reset_index(drop=True)
    codes = metric[schema.TAMBON_CODE].tolist()
    geoms = metric.geometry.to_numpy()
    neighbours: dict[str, set[str]] = {code: set() for code in codes}
    left, right = metric.sindex.query(geoms, predicate="intersects")
    pairs = left < right
    left, right = left[pairs], right[pairs]
    borders = shapely.boundary(geoms)
    shared = shapely.length(shapely.intersection(borders[left], borders[right]))
    for i, j in zip(left[shared >= MIN_SHARED_BORDER_M], right[shared >= MIN_SHARED_BORDER_M], strict=True):
        neighbours[codes[i]].add(codes[j])
        neighbours[codes[j]].add(codes[i])
    _join_islands(neighbours, codes, geoms)
    return {code: tuple(sorted(neighbours[code])) for code in sorted(codes)}


def _join_islands(neighbours: dict[str, set[str]], codes: list[str], geoms: np.ndarray) -> None:
    """Link every component other than the largest to its nearest tambon outside it, until one remains.

    The link joins the closest pair (smallest distance, then smallest codes) of a tambon of the smallest
    component and one of the largest.
    """
    index = {code: i for i, code in enumerate(codes)}
    while True:
        components = _components(neighbours)
        if len(components) <= 1:
            return
        components.sort(key=lambda c: (-len(c), min(c)))
        main, island = sorted(components[0]), sorted(components[-1])
        tree = shapely.STRtree(geoms[[index[code] for code in main]])
        (near_island, near_main), distances = tree.query_nearest(
            geoms[[index[code] for code in island]], all_matches=True, return_distance=True)
        _, a, b = min((float(d), island[i], main[j]) for i, j, d in zip(near_island, near_main, distances,
                                                                         strict=True))
        neighbours[a].add(b)
        neighbours[b].add(a)


def _components(neighbours: Mapping[str, Iterable[str]]) -> list[set[str]]:
    seen: set[str] = set()
    components = []
    for start in sorted(neighbours):
        if start in seen:
            continue
        component = {start}
        queue = deque([start])
        while queue:
            for nxt in neighbours[queue.popleft()]:
                if nxt not in component:
                    component.add(nxt)
                    queue.append(nxt)
        seen |= component
        components.append(component)
    return components


def hop_distances(adjacency: Mapping[str, Iterable[str]], seeds: Iterable[str]) -> dict[str, int]:
    """Hops from every tambon to the nearest seed tambon (seeds are 0). Empty seeds give an empty mapping.

    Raises ValueError naming any seed that is not a tambon of the adjacency.
    """
    seeds = sorted(set(seeds))
    unknown = [s for s in seeds if s not in adjacency]
    if unknown:
        raise ValueError(f"unknown seed tambon code(s) {unknown}: use 6-digit tambon codes of the data set")
    hops = dict.fromkeys(seeds, 0)
    queue = deque(seeds)
    while queue:
        here = queue.popleft()
        for nxt in adjacency[here]:
            if nxt not in hops:
                hops[nxt] = hops[here] + 1
                queue.append(nxt)
    return hops
