"""The Plan page's live tallies beside the map: a one-line summary always in view (each wave's villages with its
status, and whether the plan passes its checks), then the wave sizes (now and if the pending changes are applied)
with the checks in words, the split tambons and what the optimiser moved; and the district x wave load.

The tables themselves are built by `tallies` (pure, tested without Streamlit); this part computes them once per
plan (`figures_for`: a click that only changes the selection reuses them) and lays them out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd
import streamlit as st

import planning
from dashboard.common.dataset import Dataset
from dashboard.common.formatting import MISSING, format_number
from dashboard.common.text import lang, t, with_detail
from dashboard.plan import editing, view
from dashboard.plan.editing import Session, Villages
from dashboard.plan.edits import OPTIMISE, WAVES, Plan
from dashboard.plan.names import district_names, tambon_names
from dashboard.plan.tallies import (
    CheckLine,
    WaveOff,
    check_lines,
    load_matrix,
    off_target,
    optimal_max_load,
    split_table,
    styled_load,
    styled_waves,
    wave_table,
)
from geodata import schema

#: The optimiser's status codes in words (how it proved them is not shown: that is the engine's business).
STATUS_WORDS = {
    "optimal": "plan.status.optimal",
    "evaluated": "plan.status.evaluated",
    "local_optimum": "plan.status.local_optimum",
    "local_search": "plan.status.local_search",
    "off": "plan.status.off",
}
#: The tallies computed for the last plan shown: (what they were computed for, the pending edits, figures).
_MEMO_KEY = "plan_tallies_memo"


@dataclass(frozen=True)
class Figures:
    """What the tallies show for one plan: its problem (None when the plan cannot be evaluated, with `error`),
    the saved and the draft plan's metrics, the best largest load, the checks and the waves off target."""

    problem: planning.Problem | None
    error: planning.PlanningError | None
    saved_metrics: planning.PlanMetrics | None = None
    metrics: planning.PlanMetrics | None = None
    optimum: Fraction | None = None
    lines: tuple[CheckLine, ...] = ()
    off_target: tuple[WaveOff, ...] = ()

    @property
    def failed(self) -> int:
        return sum(not line.passed for line in self.lines)


def figures_for(session: Session, plan: Plan, villages: Villages) -> Figures:
    """The figures of the draft `plan`, computed once per saved version, pending edits and language."""
    key = (session.scenario.name, session.scenario.version, id(villages), lang())
    memo = st.session_state.get(_MEMO_KEY)
    if memo is not None and memo[0] == key and memo[1] is session.pending:
        return memo[2]
    figures = _compute(session, plan, villages)
    st.session_state[_MEMO_KEY] = (key, session.pending, figures)
    return figures


def _compute(session: Session, plan: Plan, villages: Villages) -> Figures:
    saved_problem, _ = editing.problem_for(session.scenario, session.plan, villages)
    problem, error = editing.problem_for(session.scenario, plan, villages)
    if problem is None or saved_problem is None:
        return Figures(None, error)
    metrics = planning.evaluate(problem, plan.assignment)
    return Figures(problem, error, planning.evaluate(saved_problem, session.plan.assignment), metrics,
                   optimal_max_load(problem), tuple(check_lines(problem, plan.assignment, lang())),
                   tuple(off_target(problem, metrics)))


def summary_line(figures: Figures, pending: bool) -> None:
    """One line always in view: each wave's villages (if applied, with pending changes), coloured by its status,
    and whether the plan passes every check."""
    if figures.problem is None:
        st.error(with_detail(t("plan.tallies.no_problem"), figures.error))
        return
    differences = {wave.label: wave.difference for wave in figures.off_target}
    badges = []
    for label in figures.problem.labels:
        count = format_number(figures.metrics.wave_sizes.get(label, 0))
        difference = differences.get(label, 0)
        if difference > 0:
            badges.append(f":red-badge[{label}: {count} · {t('plan.tallies.over', n=format_number(difference))}]")
        elif difference < 0:
            badges.append(f":orange-badge[{label}: {count} · "
                          f"{t('plan.tallies.short', n=format_number(-difference))}]")
        else:
            badges.append(f":green-badge[{label}: {count}]")
    verdict = (f":green-badge[:material/check_circle: {t('plan.tallies.valid')}]" if not figures.failed
               else f":red-badge[:material/cancel: {t('plan.tallies.failed', n=figures.failed)}]")
    lead = f"**{t('plan.tallies.if_applied')}** " if pending else ""
    st.markdown(lead + " ".join(badges) + " " + verdict)


def checks_tab(session: Session, plan: Plan, dataset: Dataset, villages: Villages, figures: Figures) -> None:
    """The wave sizes (now, if applied, status), the plan's checks in words, the split tambons, the optimiser's
    status and what it moved (with "show them on the map")."""
    if figures.problem is None:
        return
    if figures.error is not None:
        st.error(with_detail(t("plan.tallies.locks_error"), figures.error))
    shown = figures.metrics if session.pending else figures.saved_metrics
    waves = wave_table(figures.problem, figures.saved_metrics, lang(),
                       pending=figures.metrics if session.pending else None)
    waves = waves.set_index(waves.columns[0])
    st.markdown(f"**{t('plan.tallies.waves_heading')}**")
    st.table(styled_waves(waves, figures.problem, shown))  # plain HTML: readable by people, tests, screen readers
    if figures.problem.roster.estimated:
        st.caption(t("plan.tallies.estimated_roster"))
    st.markdown(f"**{t('plan.tallies.validity')}**")
    if not figures.failed:
        st.success(t("plan.tallies.valid"))
    for line in figures.lines:
        icon = ":green[:material/check_circle:]" if line.passed else ":red[:material/cancel:]"
        st.markdown(f"{icon} {line.rule}")
        for detail in line.details:
            st.caption(detail)
    with st.expander(t("plan.tallies.split", n=format_number(figures.metrics.split_tambons))):
        split = split_table(figures.metrics, plan.assignment, villages.tambon_of, tambon_names(dataset), lang())
        st.table(split.set_index(split.columns[0]))
    if session.last_optimise:
        _optimiser_status(session.last_optimise)
    moved = next((edit.moved for edit in reversed(session.pending) if edit.action in (OPTIMISE, WAVES)), None)
    if moved:
        st.markdown(f"**{t('plan.tallies.moved', n=format_number(len(moved)))}**")
        st.button(t("plan.tallies.show_moved"), key="plan_show_moved", icon=":material/zoom_in_map:",
                  on_click=view.show_villages, args=(tuple(moved), dataset))
        st.dataframe(moved_table(moved, dataset), hide_index=True, placeholder=MISSING, key="plan_moved_table",
                     height=240)


def load_tab(figures: Figures, dataset: Dataset) -> None:
    """Villages per facilitator team, district by wave, with the over-capacity and above-optimum cells flagged."""
    if figures.problem is None:
        return
    matrix = load_matrix(figures.problem, figures.metrics, district_names(dataset), figures.optimum)
    st.markdown(f"**{t('plan.tallies.load')}**")
    st.caption(t("plan.tallies.load_help", capacity=figures.problem.roster.capacity,
                 optimum="—" if matrix.optimum is None else f"{matrix.optimum:.2f}"))
    st.table(styled_load(matrix))


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
