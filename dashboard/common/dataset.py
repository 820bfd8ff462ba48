"""The data set the dashboard works on, loaded once and cached, and the display layers derived from it.

The data set is the chosen province's (dashboard.common.province): the default province's embedded files, or
another province's data set built from the national files on its first use (``geodata.province_data``: a few
seconds, once; cached on disk, then read in well under a second), each loaded once per server process. Nothing
of another province is read until it is chosen, so the default province's first page costs what it always did.
A planner may replace the village list for the session with a validated upload (Data page), for the province
it was checked against; a file that fails validation never replaces the data set in use. Location corrections
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

from dashboard.common.database import current_actor, get_database, workspace
from dashboard.common.province import chosen_province, province_name
from dashboard.common.text import lang, t
from geodata import province_data, provinces, schema
from geodata.corrections import apply_corrections
from geodata.display import display_geojson

DATASET_KEY = "dataset"
EMBEDDED = "embedded"


@dataclass(frozen=True)
class Dataset:
    """The villages and boundaries in use; `version` changes whenever the content does (a cache key).

    `locations` counts the location corrections applied to the points (0 = none): plans depend on `version` only
    (the villages and their tambons), anything drawn from the points depends on both. `province` is the
    registry code of the province the data set covers.
    """

    name: str
    version: str
    villages: gpd.GeoDataFrame
    tambons: gpd.GeoDataFrame
    amphoes: gpd.GeoDataFrame
    locations: int = 0
    province: str = provinces.DEFAULT_PROVINCE

    @property
    def points_key(self) -> str:
        """A cache key for anything built from the village points (changes with every location correction)."""
        return f"{self.version}@{self.locations}"


@st.cache_resource(show_spinner=False, max_entries=8)
def _province_dataset(code: str) -> Dataset:
    name = province_data.dataset_name(code)  # "embedded" for the default province, as saved plans name it
    return Dataset(name, name, province_data.load_villages(code), province_data.load_tambons(code),
                   province_data.load_amphoes(code), province=code)


def province_dataset(code: str) -> Dataset:
    """A province's own data set (shared by all sessions; callers must not modify the frames). The first
    choice of a province builds it from the national files, with a spinner saying so."""
    if code == provinces.DEFAULT_PROVINCE:
        return _province_dataset(code)
    with st.spinner(t("province.building", province=province_name(lang(), code)), show_time=True):
        return _province_dataset(code)


def embedded_dataset() -> Dataset:
    """The chosen province's own data set, as shipped or built (no upload, no corrections)."""
    return province_dataset(chosen_province())


def dataset_in_use() -> Dataset:
    """The session's data set as the logged-in person works on it: the province's (`province_dataset_in_use`),
    or a district user's amphoe of it."""
    full = province_dataset_in_use()
    actor = current_actor()
    amphoe = None if actor is None else actor.permissions.amphoe
    return full if amphoe is None else _amphoe_part(full.version, full.locations, amphoe, full)


def province_dataset_in_use() -> Dataset:
    """The session's data set: an accepted upload for the chosen province, or the province's own, with the
    location corrections."""
    upload = st.session_state.get(DATASET_KEY)
    if upload is not None and upload.province != chosen_province():
        upload = None  # checked against another province: that province's pages use it again when chosen
    return with_location_corrections(upload or embedded_dataset())


def with_location_corrections(base: Dataset) -> Dataset:
    """`base` with the latest location correction of each village applied (cached per correction count)."""
    revision = workspace().corrections_revision()
    if revision == 0:
        return base
    return _corrected(get_database().url, base.version, revision, base)


@st.cache_resource(show_spinner=False, max_entries=4)
def _corrected(database: str, version: str, revision: int, _base: Dataset) -> Dataset:
    villages = apply_corrections(_base.villages, _base.tambons, workspace().location_corrections())
    return Dataset(_base.name, _base.version, villages, _base.tambons, _base.amphoes, locations=revision,
                   province=_base.province)


@st.cache_resource(show_spinner=False, max_entries=32)
def _amphoe_part(version: str, locations: int, amphoe: str, _full: Dataset) -> Dataset:
    def mine(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        return frame[frame[schema.AMPHOE_CODE] == amphoe]

    return Dataset(_full.name, f"{version}-amphoe{amphoe}", mine(_full.villages), mine(_full.tambons),
                   mine(_full.amphoes), locations=locations, province=_full.province)


def use_uploaded_villages(name: str, villages: gpd.GeoDataFrame) -> Dataset:
    """Make a validated village list the session's data set (boundaries stay those in use)."""
    current = dataset_in_use()
    digest = hashlib.sha1(villages.drop(columns="geometry").to_csv(index=False).encode()).hexdigest()[:12]
    dataset = Dataset(name, f"upload-{current.province}-{digest}", villages, current.tambons, current.amphoes,
                      province=current.province)
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
