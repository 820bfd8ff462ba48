"""What the planner can do with the selection on the Plan page: assign it to a wave (and lock it), lock or unlock
it, mark or unmark its tambons as pilot, or optimise the rest of the plan.

Each action becomes a pending edit of the editing session (nothing is saved until the planner applies it; see
`pending`). Buttons act through `on_click` callbacks, which run before the working area is drawn again, so the
map and the tallies drawn afterwards already show the change.
"""

from __future__ import annotations

import dataclasses

import streamlit as st

import planning
from dashboard.common.text import lang, t, with_detail
from dashboard.plan import editing
from dashboard.plan.editing import Session, Villages
from dashboard.plan.edits import ASSIGN, LOCK, PILOT, UNLOCK, UNPILOT, Edit, EditError, Plan
from dashboard.plan.map_layers import wave_display_names
from dashboard.plan.notices import notify
from dashboard.plan.reruns import rerun_fragment

ASSIGN_WAVE_KEY = "plan_assign_wave"
ASSIGN_LOCK_KEY = "plan_assign_lock"


def actions_panel(session: Session, plan: Plan, villages: Villages) -> None:
    """The wave to assign to, the action buttons (disabled with nothing selected) and "optimise the rest"."""
    st.markdown(f"**{t('plan.actions.heading')}**")
    none = not session.selection
    names = wave_display_names(plan.labels, plan.pilot_label, lang())
    wave_col, lock_col = st.columns([3, 2], vertical_alignment="bottom")
    wave_col.selectbox(t("plan.actions.to_wave"), list(plan.labels), format_func=names.get, key=ASSIGN_WAVE_KEY,
                       index=min(1, len(plan.labels) - 1))
    lock_col.checkbox(t("plan.actions.lock_too"), value=True, key=ASSIGN_LOCK_KEY)
    columns = st.columns(3)
    columns[0].button(t("plan.actions.assign"), key="plan_assign", disabled=none, on_click=_queue_selection,
                      args=(ASSIGN, villages), type="primary", width="stretch")
    columns[1].button(t("plan.actions.lock"), key="plan_lock", disabled=none, on_click=_queue_selection,
                      args=(LOCK, villages), width="stretch")
    columns[2].button(t("plan.actions.unlock"), key="plan_unlock", disabled=none, on_click=_queue_selection,
                      args=(UNLOCK, villages), width="stretch")
    columns = st.columns(2)
    columns[0].button(t("plan.actions.pilot"), key="plan_pilot", disabled=none, on_click=_queue_selection,
                      args=(PILOT, villages), width="stretch")
    columns[1].button(t("plan.actions.unpilot"), key="plan_unpilot", disabled=none, on_click=_queue_selection,
                      args=(UNPILOT, villages), width="stretch")
    if st.button(t("plan.actions.optimise"), key="plan_optimise", help=t("plan.actions.optimise_help"),
                 width="stretch"):
        with st.spinner(t("plan.actions.optimising")):
            _optimise(villages)
        rerun_fragment()


def queue(edit: Edit, villages: Villages) -> bool:
    """Add an edit to the pending changes; a refused edit is shown as an error. True if queued."""
    try:
        editing.keep(editing.add_edit(editing.current(), edit, villages))
    except EditError as error:
        notify("error", error.words(lang()))
        return False
    return True


def _queue_selection(action: str, villages: Villages) -> None:
    session = editing.current()
    codes = tuple(sorted(session.selection))
    tambons = tuple(sorted({villages.tambon_of[c] for c in codes}))
    if action == ASSIGN:
        edit = Edit(ASSIGN, villages=codes, wave=st.session_state.get(ASSIGN_WAVE_KEY),
                    lock=bool(st.session_state.get(ASSIGN_LOCK_KEY, True)))
    elif action in (PILOT, UNPILOT):
        edit = Edit(action, tambons=tambons, villages=tuple(v for v, tb in villages.tambon_of.items()
                                                             if tb in set(tambons)))
    else:
        edit = Edit(action, villages=codes)
    queue(edit, villages)


def _optimise(villages: Villages) -> None:
    session = editing.current()
    try:
        edit = editing.optimise_rest(session, villages)
    except planning.PlanningError as error:
        notify("error", with_detail(t("plan.actions.optimise_failed"), error))
        return
    if not edit.moved:  # nothing to queue; the optimiser's status is still worth showing
        editing.keep(dataclasses.replace(session, last_optimise=edit.metrics))
        notify("info", t("plan.edit_error.nothing_moves"))
        return
    editing.keep(editing.add_edit(session, edit, villages))
