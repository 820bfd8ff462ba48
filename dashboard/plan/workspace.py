"""The Plan page's working area: the map, and beside it (a right-hand column, so the planner never scrolls after a
click) a one-line summary of the waves and checks, then three tabs: the selection and the actions on it with the
pending changes; the wave sizes with the plan's checks; the district x wave load.

All of it is one `st.fragment`: a click on the map, a drawn shape or an action button reruns only this part of
the page (a change that makes a new version reruns the whole page, which names the version too). This module
only lays the parts out; each part owns its widgets, its session keys and its callbacks:

- `map_panel`: the map and what the planner does on it (clicks, drawings);
- `placing`: setting a village's location by clicking the map;
- `notices`: what the last action did, or why it was refused;
- `selection`: the village search, the selected villages and the pick lists;
- `actions`: assign, lock, pilot, optimise (each a pending edit);
- `pending`: the pending edits, apply, discard, undo, redo, and conflicts with another planner's save;
- `tallies_panel`: the summary line, wave sizes, checks, load matrix, split tambons, what the optimiser moved.
"""

from __future__ import annotations

import streamlit as st

from dashboard.common.dataset import Dataset
from dashboard.common.errors import guarded
from dashboard.common.text import t
from dashboard.plan import editing
from dashboard.plan.actions import actions_panel
from dashboard.plan.editing import Villages
from dashboard.plan.map_panel import draw_map, handle_map_state, latest_map_state
from dashboard.plan.notices import show_notice
from dashboard.plan.pending import conflict_panel, pending_panel
from dashboard.plan.placing import placing_panel
from dashboard.plan.reruns import full_rerun_requested, rerun_fragment
from dashboard.plan.selection import selection_panel
from dashboard.plan.tallies_panel import checks_tab, figures_for, load_tab, summary_line

#: The tabs beside the map (key -> label).
TABS = {"edit": "plan.tabs.edit", "checks": "plan.tabs.checks", "load": "plan.tabs.load"}


def villages_for(dataset: Dataset) -> Villages:
    """Village codes and tambons of the data set in use, as edits and problems need them (cached)."""
    return _villages(dataset.points_key, dataset)


@st.cache_resource(show_spinner=False, max_entries=4)
def _villages(points_key: str, _dataset: Dataset) -> Villages:
    return Villages.of(_dataset.villages, _dataset.tambons)


@st.fragment
@guarded("the Plan page's map and actions")
def plan_workspace(dataset: Dataset, online_tiles: bool) -> None:
    """Map, selection, actions, pending changes and tallies of the open scenario (reruns on its own)."""
    if full_rerun_requested():
        st.rerun()
    villages = villages_for(dataset)
    handle_map_state(latest_map_state(), dataset, villages)
    session = editing.current()
    plan = editing.draft(session, villages)
    left, right = st.columns([11, 9], gap="medium")
    with left:  # the map first: it is sent to the browser while the rest is computed
        returned = draw_map(session, plan, dataset, online_tiles)
        if handle_map_state(returned, dataset, villages):
            rerun_fragment()
        placing_panel(dataset, villages)
    figures = figures_for(session, plan, villages)
    with right:
        show_notice()
        conflict_panel(villages)
        summary_line(figures, pending=bool(session.pending))
        edit_tab, checks, load = st.tabs([t(label) for label in TABS.values()], key="plan_side_tabs")
        with edit_tab:
            selection_panel(session, dataset)
            actions_panel(session, plan, villages)
            pending_panel(session, dataset, villages, list(figures.off_target))
        with checks:
            checks_tab(session, plan, dataset, villages, figures)
        with load:
            load_tab(figures, dataset)
