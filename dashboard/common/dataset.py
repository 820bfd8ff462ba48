"""The data set the dashboard works on, loaded once and cached, and the display layers derived from it.

The embedded province is the default. A planner may replace the village list for the session with a validated
upload (Data page); a file that fails validation never replaces the data set in use. Location corrections
recorded in the database (Plan page) are applied to whichever village list is in use: a corrected village has its
corrected point and is no longer `estimated` (see geodata.corrections). A district user works on their amphoe's
part of the data set (its villages, tambons and the amphoe), as the service lets them read only that part of a
plan.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import geopandas as gpd
import streamlit as st

import geodata
from dashboard.common.database import current_actor, get_database, workspace
from geodata import schema
from geodata.corrections import apply_corrections
from geodata.display import display_geojson

DATASET_KEY = "dataset"
EMBEDDED = "embedded"


@dataclass(frozen=True)
class Dataset:
    """The villages and boundaries in use; `version` changes whenever the content does (a cache key).

    `locations` counts the location corrections applied to the points (0 = none): plans depend on `version` only
    (the villages and their tambons), anything drawn from the points depends on both.
    """

    name: str
    version: str
    villages: gpd.GeoDataFrame
    tambons: gpd.GeoDataFrame
    amphoes: gpd.GeoDataFrame
    locations: int = 0

    @property
    def points_key(self) -> str:
        """A cache key for anything built from the village points (changes with every location correction)."""
        return f"{self.version}@{self.locations}"


@st.cache_resource(show_spinner=False)
def embedded_dataset() -> Dataset:
    """The province's embedded data set (shared by all sessions; callers must not modify the frames)."""
    return Dataset(EMBEDDED, EMBEDDED, geodata.load_villages(), geodata.load_tambons(), geodata.load_amphoes())


def dataset_in_use() -> Dataset:
    """The session's data set as the logged-in person works on it: the province's (`province_dataset_in_use`),
    or a district user's amphoe of it."""
    full = province_dataset_in_use()
    actor = current_actor()
    amphoe = None if actor is None else actor.permissions.amphoe
    return full if amphoe is None else _amphoe_part(full.version, full.locations, amphoe, full)


def province_dataset_in_use() -> Dataset:
    """The session's data set: an accepted upload, or the embedded province, with the location corrections."""
    return with_location_corrections(st.session_state.get(DATASET_KEY) or embedded_dataset())


def with_location_corrections(base: Dataset) -> Dataset:
    """`base` with the latest location correction of each village applied (cached per correction count)."""
    revision = workspace().corrections_revision()
    if revision == 0:
        return base
    return _corrected(get_database().url, base.version, revision, base)


@st.cache_resource(show_spinner=False, max_entries=4)
def _corrected(database: str, version: str, revision: int, _base: Dataset) -> Dataset:
    villages = apply_corrections(_base.villages, _base.tambons, workspace().location_corrections())
    return Dataset(_base.name, _base.version, villages, _base.tambons, _base.amphoes, locations=revision)


@st.cache_resource(show_spinner=False, max_entries=32)
def _amphoe_part(version: str, locations: int, amphoe: str, _full: Dataset) -> Dataset:
    def mine(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        return frame[frame[schema.AMPHOE_CODE] == amphoe]

    return Dataset(_full.name, f"{version}-amphoe{amphoe}", mine(_full.villages), mine(_full.tambons),
                   mine(_full.amphoes), locations=locations)


def use_uploaded_villages(name: str, villages: gpd.GeoDataFrame) -> Dataset:
    """Make a validated village list the session's data set (boundaries stay those in use)."""
    current = dataset_in_use()
    digest = hashlib.sha1(villages.drop(columns="geometry").to_csv(index=False).encode()).hexdigest()[:12]
    dataset = Dataset(name, f"upload-{digest}", villages, current.tambons, current.amphoes)
    st.session_state[DATASET_KEY] = dataset
    return dataset


def reset_to_embedded() -> None:
    st.session_state.pop(DATASET_KEY, None)


@st.cache_data(show_spinner=False, max_entries=8)
def boundary_layers(version: str, _tambons: gpd.GeoDataFrame, _amphoes: gpd.GeoDataFrame) -> tuple[dict, dict]:
    """Simplified tambon and amphoe GeoJSON for drawing (cached per data set version)."""
    tambons = display_geojson(_tambons, [schema.TAMBON_CODE, schema.TAMBON_TH, schema.TAMBON_EN,
                                         schema.AMPHOE_CODE])
    amphoes = display_geojson(_amphoes, [schema.AMPHOE_CODE, schema.AMPHOE_TH, schema.AMPHOE_EN],
                              tolerance_m=120.0)
    return tambons, amphoes


def map_bounds(dataset: Dataset) -> list[list[float]]:
    """[[south, west], [north, east]] of the province."""
    west, south, east, north = dataset.tambons.total_bounds
    return [[float(south), float(west)], [float(north), float(east)]]
