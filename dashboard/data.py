"""The data set the dashboard works on, loaded once and cached, and the display layers derived from it.

The embedded province is the default. A planner may replace the village list for the session with a validated
upload (Data page); a file that fails validation never replaces the data set in use.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import geopandas as gpd
import streamlit as st

import geodata
from geodata import schema
from geodata.display import display_geojson

DATASET_KEY = "dataset"
EMBEDDED = "embedded"


@dataclass(frozen=True)
class Dataset:
    """The villages and boundaries in use; `version` changes whenever the content does (a cache key)."""

    name: str
    version: str
    villages: gpd.GeoDataFrame
    tambons: gpd.GeoDataFrame
    amphoes: gpd.GeoDataFrame


@st.cache_resource(show_spinner=False)
def embedded_dataset() -> Dataset:
    """The province's embedded data set (shared by all sessions; callers must not modify the frames)."""
    return Dataset(EMBEDDED, EMBEDDED, geodata.load_villages(), geodata.load_tambons(), geodata.load_amphoes())


def dataset_in_use() -> Dataset:
    """The session's data set: an accepted upload, or the embedded province."""
    return st.session_state.get(DATASET_KEY) or embedded_dataset()


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
