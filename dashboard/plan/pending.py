"""The Plan page's pending changes: listed in words, then applied (saved as the scenario's next version),
discarded, undone or redone; and what happens when another planner saved the scenario first.

Applying, undoing and redoing each save a version through the editing session (`editing`); a save refused
because the scenario changed elsewhere leaves a conflict, offered here to reload (keeping the pending changes)
or to save them as a new scenario.
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
from dashboard.plan.edits import ASSIGN, LOCK, OPTIMISE, PILOT, ROSTER, UNLOCK, UNPILOT, Edit, EditError
from dashboard.plan.names import tambon_names
from dashboard.plan.notices import notify
from geodata import limits

REASON_KEY = "plan_reason"
CONFLICT_NAME_KEY = "plan_conflict_name"
#: How the edits that name only their villages or tambons are described.
_EDIT_WORDS = {LOCK: "plan.pending.edit.lock", UNLOCK: "plan.pending.edit.unlock", PILOT: "plan.pending.edit.pilot",
               UNPILOT: "plan.pending.edit.unpilot"}


def pending_panel(session: Session, dataset: Dataset, villages: Villages) -> None:
    """The pending edits in words, the reason box, apply/discard, undo/redo."""
    st.markdown(f"**{t('plan.pending.heading')}**")
    if session.pending:
        for edit in session.pending:
            st.markdown(f"- {describe(edit, dataset)}")
        st.text_input(t("plan.pending.reason"), key=REASON_KEY, max_chars=limits.NOTE_MAX_CHARS)
    else:
        st.caption(t("plan.pending.none"))
    columns = st.columns([3, 2])
    columns[0].button(t("plan.pending.apply"), key="plan_apply", type="primary", disabled=not session.pending,
                      on_click=_apply, args=(villages,), width="stretch")
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
    """A pending edit in words, in the interface language."""
    n = format_number(len(edit.villages))
    if edit.action == ASSIGN:
        return t("plan.pending.edit.assign_lock" if edit.lock else "plan.pending.edit.assign", n=n, wave=edit.wave)
    if edit.action in (PILOT, UNPILOT):
        names = tambon_names(dataset)
        return t(_EDIT_WORDS[edit.action], tambons=", ".join(names.get(c, c) for c in edit.tambons))
    if edit.action == OPTIMISE:
        return t("plan.pending.edit.optimise", n=format_number(len(edit.moved)))
    if edit.action == ROSTER:
        return t("plan.pending.edit.roster")
    return t(_EDIT_WORDS[edit.action], n=n)


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


def _apply(villages: Villages) -> None:
    session = editing.apply_pending(editing.current(), workspace(), villages, st.session_state.get(REASON_KEY))
    editing.keep(session)
    if session.conflict is None:
        st.session_state[REASON_KEY] = ""
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
    if session.conflict is None:
        notify("success", t("plan.pending.applied", version=session.scenario.version))


def _reload(villages: Villages) -> None:
    session, dropped = editing.reload(editing.current(), workspace(), villages)
    editing.keep(session)
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
    notify("success", t("plan.pending.applied", version=session.scenario.version))
