"""The data set the dashboard works on, loaded once and cached, and the display layers derived from it.

The embedded province is the default. A planner may replace the village list for the session with a validated
upload (Data page); a file that fails validation never replaces the data set in use. Location corrections
recorded in the store (Plan page) are applied to whichever village list is in use: a corrected village has its
corrected point and is no longer `estimated` (see geodata.corrections).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import geopandas as gpd
import streamlit as st

import geodata
from dashboard.common.database import get_store
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
    """The session's data set: an accepted upload, or the embedded province, with the location corrections."""
    return with_location_corrections(st.session_state.get(DATASET_KEY) or embedded_dataset())


def with_location_corrections(base: Dataset) -> Dataset:
    """`base` with the latest location correction of each village applied (cached per correction count)."""
    db = get_store()
    revision = db.corrections_revision()
    if revision == 0:
        return base
    return _corrected(db.url, base.version, revision, base)


@st.cache_resource(show_spinner=False, max_entries=4)
def _corrected(database: str, version: str, revision: int, _base: Dataset) -> Dataset:
    villages = apply_corrections(_base.villages, _base.tambons, get_store().location_corrections())
    return Dataset(_base.name, _base.version, villages, _base.tambons, _base.amphoes, locations=revision)


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
