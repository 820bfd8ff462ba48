"""Headline counts of a data set, as the Data page and the tests state them."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd

from geodata import schema


@dataclass(frozen=True)
class DatasetCounts:
    amphoes: int
    tambons: int
    tambons_with_villages: int
    villages: int
    villages_located: int
    villages_estimated: int
    population: int
    households: int
    by_location_quality: dict[str, int]


def dataset_counts(villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame, amphoes: gpd.GeoDataFrame
                   ) -> DatasetCounts:
    """Counts of districts, subdistricts, villages (located and estimated) and people."""
    quality = villages[schema.LOCATION_QUALITY].value_counts()
    estimated = int(quality.get(schema.ESTIMATED, 0))
    return DatasetCounts(
        amphoes=len(amphoes),
        tambons=len(tambons),
        tambons_with_villages=int(villages[schema.TAMBON_CODE].nunique()),
        villages=len(villages),
        villages_located=len(villages) - estimated,
        villages_estimated=estimated,
        population=int(tambons[schema.POPULATION].sum()),
        households=int(tambons[schema.HOUSEHOLDS].sum()),
        by_location_quality={q: int(quality.get(q, 0)) for q in schema.LOCATION_QUALITIES},
    )
