"""The selection on the Plan page: which villages the next action applies to.

Villages join the selection by a click on the map (a village toggles; a tambon toggles all its villages), by a
drawn rectangle or polygon, from the pick lists of districts and tambons, or by searching a village's name or
code (the village found is selected and shown on the map); "clear" empties it and "zoom to selection" fits the
map to it. The selection lives in the editing session (`editing.Session.selection`), so it survives reruns and
is drawn on the map.

The pick lists are a form: choosing in them reruns nothing, "add" adds exactly what they show, and they are
emptied after each "add", so an earlier pick is never added again unseen.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

import streamlit as st

from dashboard.common.dataset import Dataset
from dashboard.common.formatting import format_number
from dashboard.common.text import t, with_detail
from dashboard.common.thai_widgets import multiselect_options
from dashboard.plan import editing, view
from dashboard.plan.editing import Session
from dashboard.plan.names import pick_list_labels, village_label
from dashboard.plan.notices import notify
from geodata.selection import find_villages, villages_in_shape, villages_of_amphoes, villages_of_tambons

PICK_AMPHOE_KEY = "plan_pick_amphoe"
PICK_TAMBON_KEY = "plan_pick_tambon"
SEARCH_KEY = "plan_search"
FOUND_KEY = "plan_search_found"
CHOSEN_KEY = "plan_search_choice"
#: How many villages a search lists to choose from.
SEARCH_LIMIT = 8
#: Chips of the pick lists show their whole label, wrapped if need be (Streamlit cuts a long one short).
_CHIP_STYLE = """<style>
.st-key-plan_pick_amphoe [data-tag], .st-key-plan_pick_tambon [data-tag] { max-width: 100%; height: auto; }
.st-key-plan_pick_amphoe [data-tag] > span, .st-key-plan_pick_tambon [data-tag] > span {
    max-width: none; white-space: normal; overflow: visible; text-overflow: clip; }
</style>"""


def selection_panel(session: Session, dataset: Dataset) -> None:
    """The village search, how many villages are selected with "zoom to" and "clear", and the pick lists."""
    _search_box(dataset)
    count = len(session.selection)
    if count:
        text_col, zoom_col, clear_col = st.columns([2, 2, 2], vertical_alignment="center")
        text_col.markdown(f"**{t('plan.selection.selected', n=format_number(count))}**")
        zoom_col.button(t("plan.selection.zoom"), key="plan_zoom_selection", icon=":material/zoom_in_map:",
                        on_click=_zoom_to_selection, args=(dataset,), width="stretch")
        clear_col.button(t("plan.selection.clear"), key="plan_clear", on_click=_set_selection,
                         args=(frozenset(),), width="stretch")
    else:
        st.caption(t("plan.selection.selected_none"))
    amphoe_options, tambon_options = pick_list_labels(dataset)
    with st.expander(t("plan.selection.pick")):
        st.html(_CHIP_STYLE)
        with st.form("plan_pick_form", border=False, enter_to_submit=False):
            st.multiselect(t("plan.selection.pick_amphoe"), list(amphoe_options), format_func=amphoe_options.get,
                           key=PICK_AMPHOE_KEY, **multiselect_options())
            st.multiselect(t("plan.selection.pick_tambon"), list(tambon_options), format_func=tambon_options.get,
                           key=PICK_TAMBON_KEY, **multiselect_options())
            st.form_submit_button(t("plan.selection.pick_add"), key="plan_pick_add", on_click=_pick_by_name,
                                  args=(dataset,))


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


def _search_box(dataset: Dataset) -> None:
    """A village's name or code; one match is selected and shown at once, several are listed to choose from."""
    st.text_input(t("plan.search.label"), key=SEARCH_KEY, placeholder=t("plan.search.placeholder"),
                  on_change=_search, args=(dataset,), label_visibility="collapsed", icon=":material/search:")
    found = st.session_state.get(FOUND_KEY)
    if not found:
        return
    codes, total = found
    st.caption(t("plan.search.several", n=format_number(total), shown=format_number(len(codes))))
    labels = {code: village_label(dataset, code) for code in codes}
    st.radio(t("plan.search.choose"), codes, index=None, key=CHOSEN_KEY, format_func=labels.get,
             on_change=_choose_found, args=(dataset,), label_visibility="collapsed")


def _search(dataset: Dataset) -> None:
    query = st.session_state.get(SEARCH_KEY, "").strip()
    st.session_state.pop(FOUND_KEY, None)
    if not query:
        return
    codes, total = find_villages(dataset.villages, query, SEARCH_LIMIT)
    if total == 0:
        notify("warning", t("plan.search.none", query=query))
    elif total == 1:
        _select_and_show(codes[0], dataset)
    else:
        st.session_state[FOUND_KEY] = (codes, total)


def _choose_found(dataset: Dataset) -> None:
    code = st.session_state.get(CHOSEN_KEY)
    st.session_state.pop(FOUND_KEY, None)
    st.session_state.pop(CHOSEN_KEY, None)
    if code:
        _select_and_show(code, dataset)


def _select_and_show(code: str, dataset: Dataset) -> None:
    session = editing.current()
    _keep(session, session.selection | {code})
    view.show_villages([code], dataset)
    notify("success", t("plan.search.shown", village=village_label(dataset, code)))


def _zoom_to_selection(dataset: Dataset) -> None:
    view.show_villages(editing.current().selection, dataset)


def _pick_by_name(dataset: Dataset) -> None:
    """Add what the pick lists show, then empty them (so nothing is added twice unseen)."""
    codes = set(villages_of_amphoes(dataset.villages, st.session_state.get(PICK_AMPHOE_KEY, [])))
    codes |= set(villages_of_tambons(dataset.villages, st.session_state.get(PICK_TAMBON_KEY, [])))
    st.session_state[PICK_AMPHOE_KEY] = []
    st.session_state[PICK_TAMBON_KEY] = []
    session = editing.current()
    _keep(session, session.selection | codes)


def _set_selection(codes: frozenset[str]) -> None:
    _keep(editing.current(), codes)


def _keep(session: Session, codes: Iterable[str]) -> None:
    editing.keep(dataclasses.replace(session, selection=frozenset(codes)))
