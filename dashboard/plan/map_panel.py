"""The Plan page's map and what the planner does on it.

The map is rebuilt from cached data on each run, but the browser keeps it mounted: only the village layer (passed
as `feature_group_to_add`) is swapped, and panning returns nothing to Python. What streamlit-folium
returns is read once per new state (`map_events.read_map_event`) and handed to the part that owns it: clicks
and drawings change the selection, a map click while placing proposes a village's point.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st
from streamlit_folium import st_folium

from dashboard.common.dataset import Dataset, map_bounds
from dashboard.common.text import lang
from dashboard.plan import editing, placing, selection
from dashboard.plan.editing import Session, Villages
from dashboard.plan.edits import Plan
from dashboard.plan.map_events import POINT, RETURNED_OBJECTS, SHAPE, TAMBON, VILLAGE, read_map_event
from dashboard.plan.map_layers import (
    legend_title,
    map_data,
    plan_base_map,
    plan_layer,
    plan_legend_items,
    plan_state,
    script_json,
    tambon_topology,
)
from dashboard.plan.view import points_for, take_view
from geodata.selection import nearest_village

MAP_KEY = "plan_map"
#: The last map state already turned into an event (streamlit-folium returns states, not events).
HANDLED_KEY = "plan_map_handled"
MAP_HEIGHT = 600


@st.cache_resource(show_spinner=False, max_entries=4)
def _topology(version: str, _dataset: Dataset) -> dict:
    return tambon_topology(_dataset.tambons)


@st.cache_resource(show_spinner=False, max_entries=8)
def _map_data(points_key: str, language: str, _dataset: Dataset) -> str:
    """The base map's data (boundaries, names, villages), serialised once per data set and language."""
    data = map_data(points_for(_dataset), _dataset.tambons, _dataset.amphoes, map_bounds(_dataset), language,
                    topology=_topology(_dataset.version, _dataset))
    return script_json(data)


def draw_map(session: Session, plan: Plan, dataset: Dataset, online_tiles: bool) -> Mapping | None:
    """Draw the map of `plan` (the draft: saved plan + pending edits); returns the map's state."""
    fmap = plan_base_map(map_bounds(dataset), _map_data(dataset.points_key, lang(), dataset),
                         legend_title=legend_title(lang()),
                         legend_items=plan_legend_items(plan.labels, plan.pilot_label, lang()),
                         online_tiles=online_tiles, lang=lang())
    state = plan_state(points_for(dataset), plan.assignment, plan.locked, plan.reasons, labels=plan.labels,
                       pilot_label=plan.pilot_label, pilot_tambons=plan.pilot_tambons, lang=lang(),
                       selection=session.selection, changed=editing.pending_villages(session), fit=take_view())
    return st_folium(fmap, key=MAP_KEY, feature_group_to_add=plan_layer(state), returned_objects=list(RETURNED_OBJECTS),
                     height=MAP_HEIGHT, use_container_width=True)


def latest_map_state() -> Mapping | None:
    """The map's state as the component last reported it (read before the map is drawn again)."""
    return st.session_state.get(MAP_KEY)


def handle_map_state(value: Mapping | None, dataset: Dataset, villages: Villages) -> bool:
    """Turn a new map state into a selection change (or a proposed point); True if something changed."""
    if not value or editing.current() is None:
        return False
    handled = st.session_state.get(HANDLED_KEY)
    if handled == value:
        return False
    st.session_state[HANDLED_KEY] = value
    event = read_map_event(value, handled, village_codes=villages.tambon_of,
                           tambon_codes=set(villages.tambon_of.values()), want_point=placing.is_placing(),
                           nearest=lambda lat, lon: nearest_village(dataset.villages, lat, lon))
    if event is None:
        return False
    if event.kind == POINT:
        placing.propose_point(event.lat, event.lon)
    elif event.kind == VILLAGE:
        selection.toggle_village(event.code)
    elif event.kind == TAMBON:
        selection.toggle_tambon(event.code, dataset)
    elif event.kind == SHAPE:
        selection.add_shape(event.geometry, dataset)
    return True
