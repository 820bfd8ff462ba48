"""Scenarios on the Plan page: open, save as, duplicate, start from the default plan, mark the province's official
plan (sidebar); compare two scenarios and read a scenario's history (panels under the map).

The scenario edited here is the one every page shows (dashboard.common.open_scenario): opening one here opens it
on Coverage and Export, and a scenario chosen there opens here.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

import service
from dashboard.common.database import workspace
from dashboard.common.dataset import Dataset
from dashboard.common.formatting import MISSING, format_number, markdown_text
from dashboard.common.open_scenario import (
    CHOSEN,
    ShownScenario,
    first_visit_name,
    official_note,
    open_scenario_name,
)
from dashboard.common.province import chosen_province
from dashboard.common.scenarios import (
    approval,
    load_scenario,
    mark_official,
    name_problem,
    official_scenario_name,
    saved_scenario_names,
    scenario_error,
)
from dashboard.common.text import lang, t
from dashboard.plan import editing
from dashboard.plan.editing import Session, Villages
from dashboard.plan.names import tambon_names
from dashboard.plan.scenario_compare import history_table, metric_comparison, moved_villages
from geodata import limits, provinces, schema
from geodata.plans import DEFAULT_SCENARIO_NAME

PICK_KEY = "plan_scenario_pick"
NEW_NAME_KEY = "plan_new_name"
#: What the last sidebar action did (callbacks cannot draw; the sidebar shows it on the next run).
MESSAGE_KEY = "plan_sidebar_message"


def open_session() -> Session:
    """The session for the scenario open on every page (dashboard.common.open_scenario), kept.

    A fresh visit opens the province's official plan, else the scenario saved last, else creates the main
    scenario from the default plan. The default plan itself is not saved, so when it is the one chosen (on
    Coverage or Export) the page keeps the scenario it was editing.
    """
    wanted = open_scenario_name()
    if wanted == DEFAULT_SCENARIO_NAME:
        wanted = None
    province = chosen_province()
    session = editing.current()
    if session is not None and (wanted is None or wanted == session.scenario.name) \
            and session.scenario.province == province:  # else another province was chosen
        return editing.keep(session)
    scenario, missing = editing.open_or_create(workspace(), wanted or first_visit_name(),
                                               lambda: load_scenario(DEFAULT_SCENARIO_NAME), province)
    if missing:
        st.warning(t("plan.scenario.not_found", name=missing, opened=scenario.name))
    if session is not None and session.pending and scenario.name != session.scenario.name:
        st.warning(t("plan.scenario.pending_dropped", name=session.scenario.name,
                     n=format_number(len(session.pending)), opened=scenario.name))
    return editing.keep(Session(scenario))


def scenario_sidebar(session: Session, villages: Villages) -> None:
    """Open another scenario, save the plan under a new name, duplicate it, or start from the default plan."""
    sidebar = st.sidebar
    names = saved_scenario_names()
    if session.scenario.name not in names:  # saved a moment ago
        names = sorted([*names, session.scenario.name])
    if st.session_state.get(PICK_KEY) != session.scenario.name:
        st.session_state[PICK_KEY] = session.scenario.name
    official = official_scenario_name()
    labels = {name: t("common.shown.official_option", name=name) if name == official else name for name in names}
    sidebar.selectbox(t("plan.scenario.scenario"), names, key=PICK_KEY, on_change=_open_picked,
                      format_func=labels.get)
    sidebar.caption(t("plan.scenario.version", version=session.scenario.version, by=session.scenario.updated_by))
    official_box(session, official)
    sidebar.text_input(t("plan.scenario.name"), key=NEW_NAME_KEY, max_chars=limits.NAME_MAX_CHARS)
    sidebar.button(t("plan.scenario.save_as"), key="plan_save_as", help=t("plan.scenario.save_as_help"),
                   on_click=_save_as, args=(villages,), width="stretch")
    sidebar.button(t("plan.scenario.duplicate"), key="plan_duplicate", on_click=_duplicate, width="stretch")
    waves = ", ".join(f"{w.label} {format_number(w.target)}" for w in provinces.default_waves(chosen_province())
                      if w.target is not None)
    sidebar.button(t("plan.scenario.from_default"), key="plan_from_default",
                   help=t("plan.scenario.from_default_help", waves=waves), on_click=_from_default, width="stretch")
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        getattr(sidebar, message[0])(message[1])


def official_box(session: Session, official: str | None) -> None:
    """Whether the open scenario is the province's official plan (who marked it, when), or a button to make it so.

    The official plan is what executives and district offices see first and what the exports default to. Only
    a saved version can be approved: with pending changes the button waits until they are applied or discarded.
    """
    sidebar = st.sidebar
    scenario = session.scenario
    if scenario.name == official:
        sidebar.success(official_note(ShownScenario(scenario, CHOSEN, official, approval(scenario.name))),
                        icon=":material/verified:")
        return
    if official:
        sidebar.caption(t("common.shown.other_official", name=official))
    with sidebar.popover(t("plan.official.mark"), width="stretch", disabled=bool(session.pending),
                         help=t("plan.official.pending_first") if session.pending else t("plan.official.help")):
        st.markdown(t("plan.official.confirm", name=markdown_text(scenario.name), version=scenario.version))
        st.button(t("plan.official.do_mark"), key="plan_mark_official", type="primary", on_click=_mark_official,
                  args=(scenario.name, scenario.version))


def _mark_official(name: str, version: int) -> None:
    try:
        marked = mark_official(name, version)
    except service.REFUSALS as error:
        _say("error", scenario_error(error))
        return
    session = editing.current()
    if session is not None and session.scenario.name == name:
        editing.keep(replace(session, scenario=marked))
    _say("success", t("plan.official.marked", name=name, version=version))


def _open(name: str) -> None:
    scenario = workspace().open_scenario(name)
    editing.keep(Session(scenario))


def _open_picked() -> None:
    _open(st.session_state[PICK_KEY])


def _say(kind: str, text: str) -> None:
    st.session_state[MESSAGE_KEY] = (kind, text)


def _new_name() -> str:
    return st.session_state.get(NEW_NAME_KEY, "").strip()


def _save_as(villages: Villages) -> None:
    problem = name_problem(_new_name())
    if problem:
        _say("error", problem)
        return
    try:
        session = editing.save_as(editing.current(), workspace(), villages, _new_name())
    except service.REFUSALS as error:
        _say("error", scenario_error(error))
        return
    editing.keep(session)
    _say("success", t("plan.scenario.opened", name=session.scenario.name))


def _duplicate() -> None:
    problem = name_problem(_new_name())
    if problem:
        _say("error", problem)
        return
    try:
        copy = workspace().duplicate_scenario(editing.current().scenario.name, _new_name())
    except service.REFUSALS as error:
        _say("error", scenario_error(error))
        return
    editing.keep(Session(copy))
    _say("success", t("plan.scenario.opened", name=copy.name))


def _from_default() -> None:
    name = _new_name()
    problem = name_problem(name)
    if problem:
        _say("error", problem)
        return
    try:
        scenario = editing.create_from(workspace(), name, load_scenario(DEFAULT_SCENARIO_NAME))
    except service.REFUSALS as error:
        _say("error", scenario_error(error))
        return
    editing.keep(Session(scenario))
    _say("success", t("plan.scenario.opened", name=name))


def compare_panel(session: Session, dataset: Dataset) -> None:
    """Pick two saved scenarios of the province; show the villages that differ and the measures side by side."""
    names = saved_scenario_names()
    if session.scenario.name not in names:
        names = sorted([*names, session.scenario.name])
    left, right = st.columns(2)
    a = left.selectbox(t("plan.scenario.a"), names, index=names.index(session.scenario.name), key="plan_compare_a")
    others = [n for n in names if n != a] or names
    b = right.selectbox(t("plan.scenario.b"), others, key="plan_compare_b")
    first, second = workspace().open_scenario(a), workspace().open_scenario(b)
    st.dataframe(metric_comparison(first, second, lang()), hide_index=True, placeholder=MISSING,
                 key="plan_compare_metrics")
    frame = dataset.villages
    names_of = {code: (v, tb, am) for code, v, tb, am in zip(
        frame[schema.VILLAGE_CODE], frame[schema.VILLAGE_TH], frame[schema.TAMBON_TH], frame[schema.AMPHOE_TH],
        strict=True)}
    moved = moved_villages(first, second, names_of, lang())
    if moved.empty:
        st.info(t("plan.scenario.same"))
    else:
        st.markdown(t("plan.scenario.moved", n=len(moved)))
        st.dataframe(moved, hide_index=True, placeholder=MISSING, key="plan_compare_moved")


def history_panel(session: Session, dataset: Dataset) -> None:
    """The open scenario's change records, newest first."""
    st.caption(t("plan.scenario.history", name=session.scenario.name))
    changes = workspace().scenario_history(session.scenario.name)
    st.dataframe(history_table(changes, lang(), tambon_names(dataset)), hide_index=True, placeholder=MISSING,
                 key="plan_history_table")

