"""The whole country as one data set: every province with villages (all but Bangkok), for national plans.

A ministry that funds village programmes in every province plans one rollout for all of them
(``geodata.national_plan``). The nation is assembled from the provinces' own data sets, so nothing about a
village differs between the nation and its province:

- villages: each province's villages exactly as ``geodata.load_villages(code)`` returns them (the curated
  embedded set for the default province, the build from the national files for the others): the same codes,
  points and location quality, estimated points included;
- tambons and amphoe: the polygons built from the national boundary file for every province, the default
  province's included. Its embedded polygons come from another cut of the boundaries and differ from its
  neighbours' by up to 1.3 km along the province border, which would leave gaps and overlaps there and cut the
  tambon adjacency across it. Village counts (``n_muban``, ``n_muban_located``) are counted from the nation's
  villages; population and households are DOPA's, as in every province;
- provinces: dissolved from the tambons, with summed counts and population and the area measured in the
  province's own UTM zone;
- the tambon adjacency of the whole country, across province borders (``geodata.adjacency``).

Building it builds every province (two worker processes; about half a minute on two cores the first time on a
machine), so the result is cached on disk beside the province builds (``geodata.databuild.cache``) as GeoParquet,
under a key of the national files, the build version, the embedded files and ``NATION_VERSION``; a process then
reads it in about a second and keeps it in memory. The data-set name ``NATIONAL_DATASET`` is distinct from every
province's (``geodata.dataset_name``): saved plans and the adjacency caches are keyed by it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

import planning
from geodata import embedded, plans, province_data, provinces, schema
from geodata.adjacency import tambon_adjacency
from geodata.databuild import cache
from geodata.errors import GeodataError
from geodata.messages import text

#: Name under which plans of the whole country are saved (no province's data-set name looks like it).
NATIONAL_DATASET = plans.NATIONAL_DATASET
#: Version of the assembled nation; part of its cache key, so raise it whenever its content changes.
NATION_VERSION = "1"
#: Villages of the national default waves after the pilot, 2549 and 2550; 2551 takes the rest.
NATIONAL_TARGETS = (16_000, 24_000)
#: The country's name, in Thai and English (geodata.messages).
NAME_TH, NAME_EN = text("common.country", "th"), text("common.country", "en")

_FILES = {"villages": "villages.parquet", "tambons": "tambons.parquet", "amphoes": "amphoes.parquet",
          "provinces": "provinces.parquet"}
ADJACENCY_FILE, SUMMARY_FILE = "adjacency.json", "nation.json"
_COLUMNS = {"villages": schema.VILLAGE_COLUMNS, "tambons": schema.TAMBON_COLUMNS,
            "amphoes": schema.AMPHOE_COLUMNS, "provinces": schema.PROVINCE_COLUMNS}
_LOAD_LOCK = threading.Lock()
#: Embedded files the nation reads (the default province's villages, placed inside its embedded tambons).
_EMBEDDED_INPUTS = ("villages.csv", "tambon.geojson")


@dataclass(frozen=True)
class Nation:
    """The whole country as a choice beside the provinces; read from the registry, without loading any data.

    ``default_waves`` are ``NATIONAL_TARGETS`` then the rest, flagged ``waves_are_default`` for the planner to
    change. Counts cover the provinces with villages (Bangkok has none).
    """

    name_th: str
    name_en: str
    dataset: str
    frame: provinces.MapFrame
    n_provinces: int
    n_amphoe: int
    n_tambon: int
    n_villages: int
    default_waves: tuple[planning.Wave, ...]
    waves_are_default: bool

    def label(self, language: str = "th") -> str:
        """``ประเทศไทย`` or ``Thailand``."""
        return self.name_th if language == "th" else self.name_en


@dataclass(frozen=True)
class NationData:
    """The nation's frames (EPSG:4326, the schema's columns) and its tambon adjacency."""

    villages: gpd.GeoDataFrame
    tambons: gpd.GeoDataFrame
    amphoes: gpd.GeoDataFrame
    provinces: gpd.GeoDataFrame
    adjacency: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class NationSummary:
    """Headline counts of the nation as loaded."""

    provinces: int
    amphoes: int
    tambons: int
    tambons_with_villages: int
    villages: int
    located: int
    estimated: int
    population: int
    households: int


def national_default_waves(n_villages: int) -> tuple[planning.Wave, ...]:
    """Pilot 2548 (the villages of pilot tambons), then 16,000 villages in 2549, 24,000 in 2550, the rest in 2551.

    GeodataError when there are fewer villages than the first two waves take.
    """
    first, second = NATIONAL_TARGETS
    if n_villages < first + second:
        raise GeodataError(f"the national default waves take {first:,} + {second:,} villages but there are only "
                           f"{n_villages:,}; give the wave targets yourself")
    return planning.waves_from_targets((first, second, n_villages - first - second))


def nation() -> Nation:
    """The whole country: names, map frame, counts and default waves, from the province registry."""
    with_villages = [p for p in provinces.provinces() if p.has_villages]
    n_villages = sum(p.n_villages for p in with_villages)
    frame = provinces.MapFrame(min(p.frame.min_lon for p in with_villages), min(p.frame.min_lat for p in with_villages),
                               max(p.frame.max_lon for p in with_villages), max(p.frame.max_lat for p in with_villages))
    return Nation(name_th=NAME_TH, name_en=NAME_EN, dataset=NATIONAL_DATASET, frame=frame,
                  n_provinces=len(with_villages), n_amphoe=sum(p.n_amphoe for p in with_villages),
                  n_tambon=sum(p.n_tambon for p in with_villages), n_villages=n_villages,
                  default_waves=national_default_waves(n_villages), waves_are_default=True)


def load_national_villages() -> gpd.GeoDataFrame:
    """Every village of the country (75,206), each with a point; estimated points are marked ``estimated``."""
    return _national_data().villages.copy()


def load_national_tambons() -> gpd.GeoDataFrame:
    """Every tambon of the provinces with villages, from the national boundary file, with counts and population."""
    return _national_data().tambons.copy()


def load_national_amphoes() -> gpd.GeoDataFrame:
    """Every amphoe of the provinces with villages, dissolved from its tambons, with counts and population."""
    return _national_data().amphoes.copy()


def load_national_provinces() -> gpd.GeoDataFrame:
    """Every province with villages, dissolved from its tambons, with names, counts, population and area."""
    return _national_data().provinces.copy()


def national_adjacency() -> dict[str, tuple[str, ...]]:
    """Neighbours of every tambon of the nation, across province borders (``geodata.adjacency``)."""
    return dict(_national_data().adjacency)


def national_summary() -> NationSummary:
    """Counts of the nation as loaded (loads it if needed)."""
    data = _national_data()
    villages, tambons = data.villages, data.tambons
    located = int((villages[schema.LOCATION_QUALITY] != schema.ESTIMATED).sum())
    return NationSummary(
        provinces=len(data.provinces), amphoes=len(data.amphoes), tambons=len(tambons),
        tambons_with_villages=int(villages[schema.TAMBON_CODE].nunique()), villages=len(villages),
        located=located, estimated=len(villages) - located, population=int(tambons[schema.POPULATION].sum()),
        households=int(tambons[schema.HOUSEHOLDS].sum()))


def build_nation(*, workers: int | None = None) -> NationData:
    """Assemble the nation from the provinces' data sets (each built and cached on first use), without caching
    the nation itself. ``workers`` processes build the provinces (default: up to 2)."""
    codes = [p.code for p in provinces.provinces() if p.has_villages]
    parts = _province_parts(codes, workers or min(2, os.cpu_count() or 1))
    villages = _stack([parts[code][0] for code in codes], schema.VILLAGE_COLUMNS)
    tambons = _with_counts(_stack([parts[code][1] for code in codes], schema.TAMBON_COLUMNS), villages,
                           schema.TAMBON_CODE)
    amphoes = _with_counts(_stack([parts[code][2] for code in codes], schema.AMPHOE_COLUMNS), villages,
                           schema.AMPHOE_CODE)
    return NationData(villages=villages, tambons=tambons, amphoes=amphoes,
                        provinces=_province_frame(tambons, amphoes), adjacency=tambon_adjacency(tambons))


def nation_folder(*, workers: int | None = None) -> Path:
    """The folder of the cached nation, building and caching it on first use (OSError if it cannot be written).

    Written under a temporary name and renamed into place in one step, as the province builds are, so a reader
    sees a complete nation or none.
    """
    folder = cache.cache_root() / "nation" / nation_cache_key()
    if (folder / SUMMARY_FILE).is_file():
        return folder
    data = build_nation(workers=workers)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".nation-", dir=folder.parent))
    try:
        write_nation(data, staging)
        try:
            staging.rename(folder)
        except OSError:
            if not (folder / SUMMARY_FILE).is_file():  # not another process's complete nation: a real failure
                raise
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return folder


def nation_cache_key() -> str:
    """Digest of everything the nation is made of: the province builds' key, the embedded files, NATION_VERSION."""
    digest = hashlib.sha256(f"{cache.cache_key()}:{NATION_VERSION}".encode())
    for name in _EMBEDDED_INPUTS:
        digest.update(embedded.data_file(name).read_bytes())
    return digest.hexdigest()[:16]


def write_nation(data: NationData, folder: Path) -> None:
    """Write the nation's frames (GeoParquet), its adjacency (JSON) and its summary into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for key, name in _FILES.items():
        getattr(data, key).to_parquet(folder / name, index=False)
    (folder / ADJACENCY_FILE).write_text(json.dumps(data.adjacency, separators=(",", ":")), encoding="utf-8")
    counts = {key: len(getattr(data, key)) for key in _FILES}
    (folder / SUMMARY_FILE).write_text(json.dumps({"version": NATION_VERSION, **counts}, indent=1) + "\n",
                                       encoding="utf-8")


def read_nation(folder: Path) -> NationData:
    """A nation written by ``write_nation``, in the schema's columns and dtypes."""
    frames = {key: embedded.conform(gpd.read_parquet(folder / name), _COLUMNS[key]) for key, name in _FILES.items()}
    adjacency = json.loads((folder / ADJACENCY_FILE).read_text(encoding="utf-8"))
    return NationData(**frames, adjacency={code: tuple(near) for code, near in adjacency.items()})


def _national_data() -> NationData:
    """The nation, read once per process (from the disk cache; built in memory when it cannot be written).

    One thread loads it while the others wait, so two sessions opening the national view at once build it once.
    """
    with _LOAD_LOCK:
        return _load_once()


@functools.cache
def _load_once() -> NationData:
    try:
        return read_nation(nation_folder())
    except OSError:
        return build_nation()


def _province_parts(codes: list[str], workers: int) -> dict[str, tuple[gpd.GeoDataFrame, ...]]:
    """(villages, tambons, amphoes) of every province, largest first so the workers finish evenly.

    Worker processes are spawned, not forked: the dashboard calls this from a thread of a multi-threaded server.
    """
    order = sorted(codes, key=lambda c: (-provinces.province(c).n_villages, c))
    if workers <= 1:
        return {code: _province_part(code) for code in order}
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        return dict(zip(order, pool.map(_province_part, order), strict=True))


def _province_part(code: str) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """One province's villages (its own data set's) and its polygons built from the national boundary file."""
    villages, tambons, amphoes = province_data.built_data_set(code)
    if code == provinces.DEFAULT_PROVINCE:
        villages = province_data.load_villages(code)
    return villages, tambons, amphoes


def _stack(frames: list[gpd.GeoDataFrame], columns: dict[str, str]) -> gpd.GeoDataFrame:
    stacked = pd.concat([embedded.conform(frame, columns) for frame in frames], ignore_index=True)
    return gpd.GeoDataFrame(stacked, geometry=schema.GEOMETRY, crs=schema.GEOGRAPHIC_CRS)


def _with_counts(frame: gpd.GeoDataFrame, villages: gpd.GeoDataFrame, code: str) -> gpd.GeoDataFrame:
    """``n_muban`` and ``n_muban_located`` (villages with a matched point) counted from the nation's villages."""
    located = villages[villages[schema.LOCATION_QUALITY] != schema.ESTIMATED]
    out = frame.copy()
    out["n_muban"] = out[code].map(villages[code].value_counts()).fillna(0).astype("int64")
    out["n_muban_located"] = out[code].map(located[code].value_counts()).fillna(0).astype("int64")
    return out


def _province_frame(tambons: gpd.GeoDataFrame, amphoes: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Province polygons dissolved from their tambons, with summed counts and population."""
    grouped = tambons.groupby(schema.PROVINCE, sort=True)
    sums = grouped.agg(n_tambon=(schema.TAMBON_CODE, "size"), n_muban=("n_muban", "sum"),
                       n_muban_located=("n_muban_located", "sum"),
                       **{schema.POPULATION: (schema.POPULATION, "sum"), schema.HOUSEHOLDS: (schema.HOUSEHOLDS, "sum")})
    sums["n_amphoe"] = amphoes.groupby(schema.PROVINCE).size().reindex(sums.index).fillna(0).astype("int64")
    codes = sums.index.tolist()
    # the union of the amphoe, themselves unions of the tambons: the same polygons as the tambons' union, 3x faster
    geometry = [shapely.union_all(amphoes.geometry[amphoes[schema.PROVINCE] == code].to_numpy(), grid_size=1e-6)
                for code in codes]
    frame = gpd.GeoDataFrame(sums.reset_index(), geometry=geometry, crs=schema.GEOGRAPHIC_CRS)
    info = [provinces.province(code) for code in codes]
    frame[schema.PROVINCE_TH] = [p.name_th for p in info]
    frame[schema.PROVINCE_EN] = [p.name_en for p in info]
    frame[schema.AREA_KM2] = [round(gpd.GeoSeries([g], crs=schema.GEOGRAPHIC_CRS).to_crs(p.metric_crs).area.iloc[0]
                                    / 1e6, 3) for g, p in zip(geometry, info, strict=True)]
    return embedded.conform(frame, schema.PROVINCE_COLUMNS)
