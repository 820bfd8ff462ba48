"""Which 2012 village point belongs to which DOPA village: matching by normalised Thai name, in three tiers.

The 2012 points carry a name and the tambon they were recorded under, but no DOPA code. A village takes a
point, one point per village and one village per point, in this order (the rules used for the province's
original data set, geodata/data/SOURCES.md):

1. ``same_tambon``: a point lying inside the village's own tambon polygon whose name is similar enough
   (``name_score`` >= ``MIN_SCORE``);
2. ``tambon_by_2012_name``: a point lying outside the tambon but recorded under the village's tambon name, no
   farther than ``MAX_DISTANCE_M`` from the tambon, similar name;
3. ``adjacent_tambon_exact_name``: a point lying outside the tambon (in a neighbouring tambon, or just offshore),
   no farther than ``MAX_DISTANCE_M``, with an identical normalised name.

Within a tier the best pairs are taken first (highest score, then nearest, then by village code and point id,
so the result never depends on input order). Confidence: ``high`` for an identical name in tiers 1 and 2,
``medium`` for a close one (score >= ``MEDIUM_SCORE``) or any tier-3 match, ``low`` otherwise; one step lower
when another village of the same tambon has the same name (which moo got which point is then a guess).

This module is plain Python on codes, names and distances; ``distances_to_tambons`` measures the distances
from metric geometries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

from geodata.databuild.names import name_score, name_variants, normalise_name

SAME_TAMBON = "same_tambon"
TAMBON_BY_2012_NAME = "tambon_by_2012_name"
ADJACENT_EXACT = "adjacent_tambon_exact_name"
#: Tiers in the order they are tried.
TIERS = (SAME_TAMBON, TAMBON_BY_2012_NAME, ADJACENT_EXACT)

#: Lowest name similarity accepted in tiers 1 and 2 (e.g. ลำลาว / ลำสาว, one letter of five).
MIN_SCORE = 0.8
#: Similarity from which a non-identical name is a ``medium`` rather than a ``low`` match.
MEDIUM_SCORE = 0.85
#: How far (metres) outside its own tambon a village's point may lie (tiers 2 and 3).
MAX_DISTANCE_M = 1500.0
#: Note written on a match whose name another village of the same tambon shares.
DUPLICATE_NOTE = "duplicate name in tambon: moo assignment uncertain"

_LOWER = {"high": "medium", "medium": "low", "low": "low"}


@dataclass(frozen=True)
class Village:
    """A DOPA village as the matcher sees it."""

    code: str
    name: str
    tambon: str
    tambon_name: str


@dataclass(frozen=True)
class Point:
    """A 2012 village point: its id, name, the tambon name it was recorded under and the polygon it lies in."""

    id: int
    name: str
    tambon_name: str
    in_tambon: str


@dataclass(frozen=True)
class Match:
    """The point a village got: tier, name score, confidence, and distance (metres) to the village's tambon."""

    village: str
    point: int
    tier: str
    score: float
    confidence: str
    distance_m: float
    duplicate_name: bool


def match_villages(villages: Sequence[Village], points: Sequence[Point],
                   near: Mapping[str, Mapping[int, float]], *, max_distance_m: float = MAX_DISTANCE_M
                   ) -> dict[str, Match]:
    """Village code -> Match for every village that found a point (see the module's rules).

    ``near`` maps a tambon code to the points lying outside it but within reach, point id -> distance in metres
    (``distances_to_tambons``); points farther than ``max_distance_m`` are never taken.
    """
    by_id = {point.id: point for point in points}
    inside: dict[str, list[Point]] = {}
    for point in sorted(points, key=lambda p: p.id):
        inside.setdefault(point.in_tambon, []).append(point)
    duplicates = _duplicate_names(villages)
    matches: dict[str, Match] = {}
    used: set[int] = set()
    for tier in TIERS:
        open_villages = [v for v in villages if v.code not in matches]
        pairs = sorted(_candidates(tier, open_villages, inside, by_id, near, max_distance_m))
        for _, village, point, score, distance in pairs:
            if village.code in matches or point in used:
                continue
            duplicate = village.code in duplicates
            matches[village.code] = Match(village.code, point, tier, round(score, 3),
                                          _confidence(tier, score, duplicate), distance, duplicate)
            used.add(point)
    return dict(sorted(matches.items()))


def _candidates(tier: str, villages: Iterable[Village], inside: Mapping[str, list[Point]],
                by_id: Mapping[int, Point], near: Mapping[str, Mapping[int, float]], max_distance_m: float):
    """(sort key, village, point id, score, distance) of every acceptable pair of this tier."""
    for village in villages:
        ours = name_variants(village.name)
        if not ours:
            continue
        if tier == SAME_TAMBON:
            for point in inside.get(village.tambon, ()):
                score = name_score(ours, name_variants(point.name), MIN_SCORE)
                if score >= MIN_SCORE:
                    yield (-score, 0.0, village.code, point.id), village, point.id, score, 0.0
            continue
        tambon_name = normalise_name(village.tambon_name, strip_prefix=False)
        for point_id, distance in sorted(near.get(village.tambon, {}).items()):
            point = by_id.get(point_id)
            if point is None or point.in_tambon == village.tambon or distance > max_distance_m:
                continue
            if tier == TAMBON_BY_2012_NAME:
                if normalise_name(point.tambon_name, strip_prefix=False) != tambon_name:
                    continue
                score = name_score(ours, name_variants(point.name), MIN_SCORE)
                if score >= MIN_SCORE:
                    yield (-score, distance, village.code, point_id), village, point_id, score, distance
            elif name_score(ours, name_variants(point.name), 1.0) == 1.0:
                yield (0.0, distance, village.code, point_id), village, point_id, 1.0, distance


def _confidence(tier: str, score: float, duplicate: bool) -> str:
    if tier == ADJACENT_EXACT:
        level = "medium"
    else:
        level = "high" if score == 1.0 else "medium" if score >= MEDIUM_SCORE else "low"
    return _LOWER[level] if duplicate else level


def _duplicate_names(villages: Iterable[Village]) -> set[str]:
    """Codes of villages whose normalised name another village of the same tambon has too."""
    seen: dict[tuple[str, str], list[str]] = {}
    for village in villages:
        name = normalise_name(village.name)
        if name:
            seen.setdefault((village.tambon, name), []).append(village.code)
    return {code for codes in seen.values() if len(codes) > 1 for code in codes}


def distances_to_tambons(tambons: gpd.GeoSeries, points: gpd.GeoSeries, max_distance_m: float = MAX_DISTANCE_M
                         ) -> dict[str, dict[int, float]]:
    """Tambon code -> {point id: distance in metres} for the points within ``max_distance_m`` of each tambon.

    ``tambons`` is indexed by tambon code and ``points`` by point id, both in the same metric CRS. Points inside
    a tambon are at distance 0. Distances are rounded to the metre.
    """
    if tambons.crs is None or not tambons.crs.is_projected or tambons.crs != points.crs:
        raise ValueError(f"distances need both layers in one metric CRS, got {tambons.crs} and {points.crs}")
    tambon_index, point_index = points.sindex.query(tambons.to_numpy(), predicate="dwithin",
                                                    distance=max_distance_m)
    distances = shapely.distance(tambons.to_numpy()[tambon_index], points.to_numpy()[point_index])
    out: dict[str, dict[int, float]] = {}
    codes, ids = tambons.index.to_numpy(), points.index.to_numpy()
    for t, p, d in zip(tambon_index, point_index, np.round(distances), strict=True):
        out.setdefault(str(codes[t]), {})[int(ids[p])] = float(d)
    return out
