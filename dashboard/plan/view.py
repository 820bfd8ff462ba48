"""Where the Plan page's map looks when the planner asks: the selection, a village found by search, or the villages
the optimiser moved (often off-screen). A request is fitted once, on the next drawing of the map, without
rebuilding it (it travels with the village layer; see map_layers.fit_request)."""

from __future__ import annotations

from collections.abc import Collection

import streamlit as st

from dashboard.common.dataset import Dataset
from dashboard.plan.map_layers import VILLAGE_ZOOM, VillagePoints, fit_request, village_points

VIEW_KEY = "plan_view"


def points_for(dataset: Dataset) -> VillagePoints:
    """The villages' points and names for the map (cached per data set and location corrections)."""
    return _points(dataset.points_key, dataset)


@st.cache_resource(show_spinner=False, max_entries=4)
def _points(points_key: str, _dataset: Dataset) -> VillagePoints:
    return village_points(_dataset.villages)


def show_villages(codes: Collection[str], dataset: Dataset, *, max_zoom: int = VILLAGE_ZOOM) -> bool:
    """Ask the map to fit the villages `codes` on its next drawing; False when none of them is known."""
    request = fit_request(points_for(dataset).bounds(codes), max_zoom=max_zoom)
    if request is None:
        return False
    st.session_state[VIEW_KEY] = request
    return True


def take_view() -> dict | None:
    """The view asked for since the map was last drawn, once."""
    return st.session_state.pop(VIEW_KEY, None)
