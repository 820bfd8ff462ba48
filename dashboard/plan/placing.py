"""Setting a village's corrected location by clicking the Plan page's map.

The planner switches placing on, chooses the village (the selection's first village is offered), clicks the
right place (the map then reports map clicks instead of selecting), names the source and saves. The point is
checked (inside the province, near its tambon) and recorded in the store with its source and author; the data
set in use changes, so the whole page reruns to draw the village where it now is.
"""

from __future__ import annotations

import streamlit as st

from dashboard.common.database import workspace
from dashboard.common.dataset import Dataset
from dashboard.common.text import lang, t
from dashboard.plan import editing
from dashboard.plan.editing import Villages
from dashboard.plan.notices import notify
from dashboard.plan.reruns import request_full_rerun
from geodata import limits, schema
from geodata.corrections import check_point
from geodata.errors import GeodataError

PLACE_MODE_KEY = "plan_place_mode"
PLACE_POINT_KEY = "plan_place_point"
PLACE_VILLAGE_KEY = "plan_place_village"
PLACE_SOURCE_KEY = "plan_place_source"


def is_placing() -> bool:
    """True while the planner is placing a village (map clicks then propose its point)."""
    return bool(st.session_state.get(PLACE_MODE_KEY))


def propose_point(lat: float, lon: float) -> None:
    """The point the planner clicked, to confirm before saving."""
    st.session_state[PLACE_POINT_KEY] = (lat, lon)


def placing_panel(dataset: Dataset, villages: Villages) -> None:
    """The placing switch and, while on, the village, the clicked point, its source and "save"."""
    if not st.toggle(t("plan.place.toggle"), key=PLACE_MODE_KEY):
        st.session_state.pop(PLACE_POINT_KEY, None)
        return
    session = editing.current()
    codes = sorted(villages.tambon_of)
    first = min(session.selection) if session.selection else codes[0]
    labels = dict(zip(dataset.villages[schema.VILLAGE_CODE], dataset.villages[schema.VILLAGE_TH], strict=True))
    code = st.selectbox(t("plan.place.village"), codes, index=codes.index(first), key=PLACE_VILLAGE_KEY,
                        format_func=lambda c: f"{c} {labels.get(c, '')}")
    point = st.session_state.get(PLACE_POINT_KEY)
    if point is None:
        st.info(t("plan.place.hint"))
        return
    lat, lon = point
    st.write(t("plan.place.point", lat=f"{lat:.5f}", lon=f"{lon:.5f}"))
    source = st.text_input(t("plan.place.source"), key=PLACE_SOURCE_KEY, max_chars=limits.NOTE_MAX_CHARS)
    st.button(t("plan.place.save"), key="plan_place_save", disabled=not source.strip(), on_click=_save_place,
              args=(code, lat, lon, dataset))


def _save_place(code: str, lat: float, lon: float, dataset: Dataset) -> None:
    source = st.session_state.get(PLACE_SOURCE_KEY, "")
    try:
        checked = check_point(code, lat, lon, source, dataset.villages, dataset.tambons)
    except GeodataError as error:
        notify("error", error.words(lang()))
        return
    workspace().add_location_correction(checked)
    st.session_state.pop(PLACE_POINT_KEY, None)
    st.session_state[PLACE_MODE_KEY] = False
    request_full_rerun()
    notify("warning" if checked.note else "success",
           checked.note.text(lang()) if checked.note else t("plan.place.saved", code=code))
