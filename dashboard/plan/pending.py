"""The Plan page's pending changes: listed in words, with a warning when applying them would leave a wave over or
under its target, then applied (saved as the scenario's next version), discarded, undone or redone; and what
happens when another planner saved the scenario first.

Applying, undoing and redoing each save a version through the editing session (`editing`); a save refused
because the scenario changed elsewhere leaves a conflict, offered here to reload (keeping the pending changes)
or to save them as a new scenario. A new version changes what the whole page names (the caption under the
title, the sidebar), so those callbacks ask for a full rerun, not just the working area's.
"""

from __future__ import annotations

import streamlit as st

import service
from dashboard.common.database import author, workspace
from dashboard.common.dataset import Dataset
from dashboard.common.formatting import format_number
from dashboard.common.scenarios import name_problem, scenario_error
from dashboard.common.text import lang, t
from dashboard.plan import editing
from dashboard.plan.editing import Session, Villages
from dashboard.plan.edits import Edit, EditError, change_summary
from dashboard.plan.names import tambon_names
from dashboard.plan.notices import notify
from dashboard.plan.reruns import request_full_rerun
from dashboard.plan.scenario_compare import describe_edit
from dashboard.plan.tallies import WaveOff
from geodata import limits

REASON_KEY = "plan_reason"
CONFLICT_NAME_KEY = "plan_conflict_name"


def pending_panel(session: Session, dataset: Dataset, villages: Villages, off_target: list[WaveOff]) -> None:
    """The pending edits in words, what they would leave off target, the reason box, apply/discard, undo/redo.

    `off_target` lists the waves the draft leaves over or under their targets (tallies.off_target)."""
    st.markdown(f"**{t('plan.pending.heading')}**")
    if session.pending:
        for edit in session.pending:
            st.markdown(f"- {describe(edit, dataset)}")
        if off_target:
            st.warning(t("plan.pending.off_target", waves=off_target_words(off_target)))
        st.text_input(t("plan.pending.reason"), key=REASON_KEY, max_chars=limits.NOTE_MAX_CHARS)
    else:
        st.caption(t("plan.pending.none"))
    columns = st.columns([3, 2])
    columns[0].button(t("plan.pending.apply"), key="plan_apply", type="primary", disabled=not session.pending,
                      on_click=_apply, args=(villages, off_target), width="stretch")
    columns[1].button(t("plan.pending.discard"), key="plan_discard", disabled=not session.pending,
                      on_click=_discard, width="stretch")
    columns = st.columns(2)
    columns[0].button(t("plan.pending.undo"), key="plan_undo", icon=":material/undo:",
                      disabled=bool(session.pending) or not session.history.can_undo, on_click=_undo_redo,
                      args=("undo", villages), width="stretch")
    columns[1].button(t("plan.pending.redo"), key="plan_redo", icon=":material/redo:",
                      disabled=bool(session.pending) or not session.history.can_redo, on_click=_undo_redo,
                      args=("redo", villages), width="stretch")


def describe(edit: Edit, dataset: Dataset) -> str:
    """A pending edit in words, in the interface language (as the history will word it once applied)."""
    return describe_edit(change_summary([edit])[2]["edits"][0], lang(), tambon_names(dataset))


def off_target_words(off_target: list[WaveOff]) -> str:
    """ "wave 2550: 7 over its target; wave 2551: 7 short" in the interface language."""
    return "; ".join(t("plan.pending.wave_over" if wave.difference > 0 else "plan.pending.wave_short",
                       wave=wave.label, n=format_number(abs(wave.difference))) for wave in off_target)


def conflict_panel(villages: Villages) -> None:
    """When another planner saved first: who did, reload (keeping my changes pending), or save mine as new."""
    session = editing.current()
    if session.conflict is None:
        return
    st.error(t("plan.pending.conflict", message=scenario_error(session.conflict.error)))
    st.button(t("plan.pending.reload"), key="plan_conflict_reload", on_click=_reload, args=(villages,))
    name_col, button_col = st.columns([3, 2], vertical_alignment="bottom")
    name_col.text_input(t("plan.pending.new_name"), key=CONFLICT_NAME_KEY, max_chars=limits.NAME_MAX_CHARS,
                        value=f"{session.scenario.name} ({author()})"[:limits.NAME_MAX_CHARS])
    button_col.button(t("plan.pending.save_new"), key="plan_conflict_save", on_click=_save_conflict_as_new,
                      args=(villages,))


def _apply(villages: Villages, off_target: list[WaveOff]) -> None:
    session = editing.apply_pending(editing.current(), workspace(), villages, st.session_state.get(REASON_KEY))
    editing.keep(session)
    request_full_rerun()
    if session.conflict is None:
        st.session_state[REASON_KEY] = ""
        if off_target:
            notify("warning", t("plan.pending.applied_off_target", version=session.scenario.version,
                                waves=off_target_words(off_target)))
        else:
            notify("success", t("plan.pending.applied", version=session.scenario.version))


def _discard() -> None:
    editing.keep(editing.discard_pending(editing.current()))


def _undo_redo(which: str, villages: Villages) -> None:
    step = editing.undo if which == "undo" else editing.redo
    try:
        session = step(editing.current(), workspace(), villages)
    except EditError as error:
        notify("error", error.words(lang()))
        return
    except service.REFUSALS as error:
        notify("error", scenario_error(error))
        return
    editing.keep(session)
    request_full_rerun()
    if session.conflict is None:
        notify("success", t("plan.pending.applied", version=session.scenario.version))


def _reload(villages: Villages) -> None:
    session, dropped = editing.reload(editing.current(), workspace(), villages)
    editing.keep(session)
    request_full_rerun()
    for error in dropped:
        notify("warning", t("plan.pending.dropped", reason=error.words(lang())))


def _save_conflict_as_new(villages: Villages) -> None:
    name = st.session_state.get(CONFLICT_NAME_KEY, "").strip()
    problem = name_problem(name)
    if problem:
        notify("error", problem)
        return
    try:
        session = editing.save_as(editing.current(), workspace(), villages, name)
    except service.REFUSALS as error:
        notify("error", scenario_error(error))
        return
    editing.keep(session)
    request_full_rerun()
    notify("success", t("plan.pending.applied", version=session.scenario.version))
