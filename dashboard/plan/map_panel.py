"""The Plan page's map and what the planner does on it.

The map is rebuilt from cached GeoJSON on each run, but the browser keeps it mounted: only the village layer
(passed as `feature_group_to_add`) is swapped, and panning returns nothing to Python. What streamlit-folium
returns is read once per new state (`map_events.read_map_event`) and handed to the part that owns it: clicks
and drawings change the selection, a map click while placing proposes a village's point.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st
from streamlit_folium import st_folium

from dashboard.common.dataset import Dataset, map_bounds
from dashboard.common.text import lang, t
from dashboard.plan import editing, placing, selection
from dashboard.plan.editing import Session, Villages
from dashboard.plan.edits import Plan
from dashboard.plan.map_events import POINT, RETURNED_OBJECTS, SHAPE, TAMBON, VILLAGE, read_map_event
from dashboard.plan.map_layers import (
    legend_texts,
    pilot_outlines,
    plan_base_map,
    plan_layer,
    plan_legend_items,
    script_json,
    tooltip_texts,
    village_points,
    village_state,
    village_styles,
    wave_display_names,
)
from geodata import schema
from geodata.display import display_geojson
from geodata.palette import wave_colours
from geodata.selection import nearest_village

MAP_KEY = "plan_map"
#: The last map state already turned into an event (streamlit-folium returns states, not events).
HANDLED_KEY = "plan_map_handled"
MAP_HEIGHT = 620
TAMBON_TOLERANCE_M, AMPHOE_TOLERANCE_M = 120.0, 200.0


@st.cache_resource(show_spinner=False, max_entries=4)
def _points(points_key: str, _dataset: Dataset):
    return village_points(_dataset.villages)


@st.cache_resource(show_spinner=False, max_entries=4)
def _boundaries(version: str, _dataset: Dataset) -> tuple[dict, str, str]:
    """Display tambons (for pilot outlines) and both boundary layers serialised once per data set.

    Simplified more than the other pages' maps (120 m tambons, 200 m amphoes, under a pixel at province zoom):
    the Plan page sends the villages too and keeps the whole map under 1.5 MB.
    """
    tambons = display_geojson(_dataset.tambons, [schema.TAMBON_CODE, schema.TAMBON_TH, schema.TAMBON_EN],
                              tolerance_m=TAMBON_TOLERANCE_M)
    amphoes = display_geojson(_dataset.amphoes, [schema.AMPHOE_CODE], tolerance_m=AMPHOE_TOLERANCE_M)
    return tambons, script_json(tambons), script_json(amphoes)


def draw_map(session: Session, plan: Plan, dataset: Dataset, online_tiles: bool) -> Mapping | None:
    """Draw the map of `plan` (the draft: saved plan + pending edits); returns the map's state."""
    labels = plan.labels
    pilot = plan.pilot_label
    tambons, tambons_json, amphoes_json = _boundaries(dataset.version, dataset)
    title, note = legend_texts(lang())
    fmap = plan_base_map(map_bounds(dataset), tambons_json, amphoes_json,
                         labels={"tambon": t("common.tambon"), "amphoe": t("common.amphoe"),
                                 "code": t("common.code")}, legend_title=title,
                         legend_items=plan_legend_items(labels, pilot, lang()), legend_note=note,
                         online_tiles=online_tiles, lang=lang())
    points = _points(dataset.points_key, dataset)
    changed = set(editing.pending_villages(session))
    state = village_state(points, plan.assignment, plan.locked, plan.reasons)
    styles = village_styles(points, plan.assignment, wave_colours(labels, pilot), session.selection, changed)
    texts = tooltip_texts(points, lang(), wave_display_names(labels, pilot, lang()))
    layer = plan_layer(points, state, styles, texts,
                       pilot_outlines_json=pilot_outlines(tambons, plan.pilot_tambons))
    return st_folium(fmap, key=MAP_KEY, feature_group_to_add=layer, returned_objects=list(RETURNED_OBJECTS),
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
