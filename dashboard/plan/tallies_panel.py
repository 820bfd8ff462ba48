"""The Plan page's live tallies: wave sizes (now and if the pending changes are applied), the plan's checks in
words, the district x wave load, the split tambons, and what the optimiser moved with its proof status.

The tables themselves are built by `tallies` (pure, tested without Streamlit); this part lays them out.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

import planning
from dashboard.common.dataset import Dataset
from dashboard.common.formatting import MISSING, format_number
from dashboard.common.text import lang, t, with_detail
from dashboard.plan import editing
from dashboard.plan.editing import Session, Villages
from dashboard.plan.edits import OPTIMISE, Plan
from dashboard.plan.names import district_names, tambon_names
from dashboard.plan.tallies import check_lines, load_matrix, optimal_max_load, split_table, styled_load, wave_table
from geodata import schema

#: The optimiser's status codes in words (how it proved them is not shown: that is the engine's business).
STATUS_WORDS = {
    "optimal": "plan.status.optimal",
    "evaluated": "plan.status.evaluated",
    "local_optimum": "plan.status.local_optimum",
    "local_search": "plan.status.local_search",
    "off": "plan.status.off",
}


def tallies_panel(session: Session, plan: Plan, dataset: Dataset, villages: Villages) -> None:
    """Everything the planner checks after a change, for the draft `plan`."""
    saved_problem, _ = editing.problem_for(session.scenario, session.plan, villages)
    problem, error = editing.problem_for(session.scenario, plan, villages)
    if problem is None or saved_problem is None:
        st.error(with_detail(t("plan.tallies.no_problem"), error))
        return
    if error is not None:
        st.error(with_detail(t("plan.tallies.locks_error"), error))
    saved_metrics = planning.evaluate(saved_problem, session.plan.assignment)
    metrics = planning.evaluate(problem, plan.assignment)
    waves_col, checks_col = st.columns([2, 3], gap="medium")
    with waves_col:
        st.subheader(t("plan.tallies.waves_heading"))
        waves = wave_table(problem, saved_metrics, lang(), pending=metrics if session.pending else None)
        st.table(waves.set_index(waves.columns[0]))  # plain HTML: readable by people, tests and screen readers
        if problem.roster.estimated:
            st.caption(t("plan.tallies.estimated_roster"))
    with checks_col:
        st.subheader(t("plan.tallies.validity"))
        lines = check_lines(problem, plan.assignment, lang())
        if all(line.passed for line in lines):
            st.success(t("plan.tallies.valid"))
        for line in lines:
            icon = ":green[:material/check_circle:]" if line.passed else ":red[:material/cancel:]"
            st.markdown(f"{icon} {line.rule}")
            for detail in line.details:
                st.caption(detail)
        if session.last_optimise:
            _optimiser_status(session.last_optimise)
    optimum = optimal_max_load(problem)
    matrix = load_matrix(problem, metrics, district_names(dataset), optimum)
    st.subheader(t("plan.tallies.load"))
    st.caption(t("plan.tallies.load_help", capacity=problem.roster.capacity,
                 optimum="—" if matrix.optimum is None else f"{matrix.optimum:.2f}"))
    st.table(styled_load(matrix))
    with st.expander(t("plan.tallies.split", n=format_number(metrics.split_tambons))):
        split = split_table(metrics, plan.assignment, villages.tambon_of, tambon_names(dataset), lang())
        st.table(split.set_index(split.columns[0]))
    moved = next((edit.moved for edit in reversed(session.pending) if edit.action == OPTIMISE), None)
    if moved is not None:
        st.subheader(t("plan.tallies.moved", n=format_number(len(moved))))
        st.dataframe(moved_table(moved, dataset), hide_index=True, placeholder=MISSING, key="plan_moved_table")


def status_words(code: str | None) -> str:
    """An engine status code in the interface language."""
    if not code:
        return "—"
    return t(STATUS_WORDS[code]) if code in STATUS_WORDS else code


def _optimiser_status(metrics: Mapping) -> None:
    st.info(t("plan.tallies.proof", status=status_words(metrics.get("status")),
              spread=status_words(metrics.get("spread_status")), seconds=f"{metrics.get('seconds', 0):.2f}"))


def moved_table(moved: Mapping, dataset: Dataset) -> pd.DataFrame:
    """The villages an optimisation moves: code, names, from wave, to wave."""
    frame = dataset.villages.set_index(schema.VILLAGE_CODE)
    rows = []
    for code, (old, new) in sorted(moved.items()):
        row = frame.loc[code] if code in frame.index else None
        rows.append({t("common.code"): code,
                     t("common.village"): "" if row is None else row[schema.VILLAGE_TH],
                     t("common.tambon"): "" if row is None else row[schema.TAMBON_TH],
                     t("common.amphoe"): "" if row is None else row[schema.AMPHOE_TH],
                     t("plan.tallies.from"): old, t("plan.tallies.to"): new})
    return pd.DataFrame(rows)
