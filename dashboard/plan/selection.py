"""The selection on the Plan page: which villages the next action applies to.

Villages join the selection by a click on the map (a village toggles; a tambon toggles all its villages), by a
drawn rectangle or polygon, or from the pick lists of districts and tambons; "clear" empties it. The selection
lives in the editing session (`editing.Session.selection`), so it survives reruns and is drawn on the map.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

import streamlit as st

from dashboard.common.dataset import Dataset
from dashboard.common.formatting import format_number
from dashboard.common.text import t, with_detail
from dashboard.common.thai_widgets import multiselect_options
from dashboard.plan import editing
from dashboard.plan.editing import Session
from dashboard.plan.names import pick_list_labels
from dashboard.plan.notices import notify
from geodata.selection import villages_in_shape, villages_of_amphoes, villages_of_tambons

PICK_AMPHOE_KEY = "plan_pick_amphoe"
PICK_TAMBON_KEY = "plan_pick_tambon"


def selection_panel(session: Session, dataset: Dataset) -> None:
    """How many villages are selected, the pick lists, and "clear"."""
    count = len(session.selection)
    if count:
        st.markdown(f"**{t('plan.selection.selected', n=format_number(count))}**")
    else:
        st.caption(t("plan.selection.selected_none"))
    amphoe_options, tambon_options = pick_list_labels(dataset)
    with st.expander(t("plan.selection.pick")):
        st.multiselect(t("plan.selection.pick_amphoe"), list(amphoe_options), format_func=amphoe_options.get,
                       key=PICK_AMPHOE_KEY, **multiselect_options())
        st.multiselect(t("plan.selection.pick_tambon"), list(tambon_options), format_func=tambon_options.get,
                       key=PICK_TAMBON_KEY, **multiselect_options())
        st.button(t("plan.selection.pick_add"), key="plan_pick_add", on_click=_pick_by_name, args=(dataset,))
    st.button(t("plan.selection.clear"), key="plan_clear", disabled=not count, on_click=_set_selection,
              args=(frozenset(),))


def toggle_village(code: str) -> None:
    """A clicked village joins the selection, or leaves it if it was in."""
    session = editing.current()
    _keep(session, session.selection ^ {code})


def toggle_tambon(tambon: str, dataset: Dataset) -> None:
    """A clicked tambon's villages join the selection, or all leave it if all were in."""
    session = editing.current()
    members = set(villages_of_tambons(dataset.villages, [tambon]))
    selection = set(session.selection)
    _keep(session, selection - members if members <= selection else selection | members)


def add_shape(geometry: Mapping, dataset: Dataset) -> None:
    """The villages inside a drawn rectangle or polygon join the selection (a bad shape is a notice)."""
    session = editing.current()
    try:
        inside = villages_in_shape(dataset.villages, geometry)
    except ValueError as error:
        notify("error", with_detail(t("plan.selection.bad_shape"), error))
        inside = []
    _keep(session, session.selection | set(inside))


def _pick_by_name(dataset: Dataset) -> None:
    codes = set(villages_of_amphoes(dataset.villages, st.session_state.get(PICK_AMPHOE_KEY, [])))
    codes |= set(villages_of_tambons(dataset.villages, st.session_state.get(PICK_TAMBON_KEY, [])))
    session = editing.current()
    _keep(session, session.selection | codes)


def _set_selection(codes: frozenset[str]) -> None:
    _keep(editing.current(), codes)


def _keep(session: Session, codes: Iterable[str]) -> None:
    editing.keep(dataclasses.replace(session, selection=frozenset(codes)))
