"""Villages, tambons and amphoes of any province, in the schema's columns, whichever way they are stored.

The default province serves the curated embedded files (``geodata.embedded``): they carry richer fields, and
saved plans and location corrections refer to them. Any other province is built from the national files on
first use and cached on disk (``geodata.databuild.cache``), then read with the same readers as the embedded set.
Called without a province, every loader returns the default province, as before provinces existed.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import geopandas as gpd

from geodata import embedded, provinces
from geodata.databuild import cache
from geodata.databuild.province import AMPHOE_FILE, TAMBON_FILE, VILLAGES_FILE, build_province, write_province
from geodata.plans import dataset_name

__all__ = ["built_data_set", "dataset_name", "load_amphoes", "load_tambons", "load_villages"]

#: Built provinces kept in memory per process (a few MB each); older ones are read again from the disk cache.
_PROVINCES_IN_MEMORY = 16


def load_villages(province: str | None = None) -> gpd.GeoDataFrame:
    """Every village of the province with a point; villages with no matched point get an estimated one."""
    code = provinces.province(province).code
    if code == provinces.DEFAULT_PROVINCE:
        return embedded.load_villages()
    return _built(code)[0].copy()


def load_tambons(province: str | None = None) -> gpd.GeoDataFrame:
    """The province's tambon polygons with names, codes, area, village counts and DOPA population."""
    code = provinces.province(province).code
    if code == provinces.DEFAULT_PROVINCE:
        return embedded.load_tambons()
    return _built(code)[1].copy()


def load_amphoes(province: str | None = None) -> gpd.GeoDataFrame:
    """The province's amphoe polygons (dissolved from the tambons for a built province) with the same figures."""
    code = provinces.province(province).code
    if code == provinces.DEFAULT_PROVINCE:
        return embedded.load_amphoes()
    return _built(code)[2].copy()


def built_data_set(province: str | None = None) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """(villages, tambons, amphoes) as built from the national files, for any province with villages.

    For every province but the default this is what the loaders return. For the default province it is the
    build the loaders do not use (they serve the curated embedded files): the nation (``geodata.nation``) takes
    its polygons from here so that every province's borders come from the one national boundary file.
    """
    built = _built(provinces.province(province).code)
    return built[0].copy(), built[1].copy(), built[2].copy()


@functools.lru_cache(maxsize=_PROVINCES_IN_MEMORY)
def _built(code: str) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """(villages, tambons, amphoes) of a built province, read once per process."""
    try:
        return _read_folder(cache.province_folder(code), code)
    except OSError:  # no writable cache folder: build in a throwaway folder instead
        with tempfile.TemporaryDirectory() as scratch:
            write_province(build_province(code), Path(scratch))
            return _read_folder(Path(scratch), code)


def _read_folder(folder: Path, code: str) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame]:
    tambons = embedded.read_tambons(folder / TAMBON_FILE)
    amphoes = embedded.read_amphoes(folder / AMPHOE_FILE)
    villages = embedded.locate_villages(embedded.read_village_table(folder / VILLAGES_FILE), tambons,
                                        metric_crs=provinces.metric_crs(code))
    return villages, tambons, amphoes
