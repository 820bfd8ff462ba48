"""The waves editor: a planner preparing a rollout (for example one starting in B.E. 2570) sets the number of waves,
their B.E. years, each wave's target (the last takes the rest), and whether there is a pilot wave.

"Re-plan" reads what was typed (geodata.planning_inputs.waves_from_rows: every problem named, nothing changed on
bad input), re-makes the plan for those waves (editing.replan_waves: locks kept by position, the rest optimised)
and queues it as a pending change, previewed and applied like any other; the waves are then saved in the
scenario's settings. The editor is its own fragment, so typing in it reruns only the editor.
"""

from __future__ import annotations

from collections import Counter

import streamlit as st

import planning
from dashboard.common.text import lang, t, with_detail
from dashboard.plan import editing
from dashboard.plan.editing import Session, Villages
from dashboard.plan.edits import EditError, Plan
from dashboard.plan.notices import notify
from geodata import limits
from geodata.planning_inputs import WavesInputError, waves_from_rows


@st.fragment
def waves_editor(session: Session, plan: Plan, villages: Villages) -> None:
    """The pilot switch and year, the number of waves, each wave's year and target, and "re-plan"."""
    st.subheader(t("plan.waves.title"))
    st.caption(t("plan.waves.help"))
    prefix = f"waves_{session.scenario.version}_{len(session.pending)}"  # fresh fields for each plan shown
    rollout = [label for label in plan.labels if label != plan.pilot_label]
    sizes = Counter(plan.assignment.values())
    targets = {w.label: w.target for w in plan.settings.waves}
    pilot_col, year_col = st.columns(2, vertical_alignment="bottom")
    pilot = pilot_col.toggle(t("plan.waves.pilot"), value=plan.pilot_label is not None, key=f"{prefix}_pilot")
    pilot_year = None
    if pilot:
        default = plan.pilot_label or str(int(rollout[0]) - 1 if rollout and rollout[0].isdigit() else "")
        pilot_year = year_col.text_input(t("plan.waves.pilot_year"), value=default, key=f"{prefix}_pilot_year",
                                         max_chars=10)
    count = int(st.number_input(t("plan.waves.count"), min_value=1, max_value=limits.MAX_WAVES, step=1,
                                value=max(1, len(rollout)), key=f"{prefix}_count"))
    years, typed = [], []
    for i in range(count):
        label = rollout[i] if i < len(rollout) else _next_year(rollout, i)
        year_col, target_col = st.columns(2, vertical_alignment="bottom")
        years.append(year_col.text_input(t("plan.waves.year", n=i + 1), value=label, key=f"{prefix}_year_{i}",
                                         max_chars=10))
        if i < count - 1:
            # the old last wave's target is only its maximum: offer its villages now
            default = sizes.get(label, 0) if label == rollout[-1] else targets.get(label) or sizes.get(label, 0)
            typed.append(target_col.text_input(t("plan.waves.target"), value=str(default or ""),
                                               key=f"{prefix}_target_{i}", max_chars=10))
        else:
            target_col.markdown(f"{t('plan.waves.target')}: **{t('plan.waves.rest')}**")
    if st.button(t("plan.waves.apply"), key="waves_apply", type="primary"):
        _replan(session, plan, villages, years, typed, pilot_year)


def _replan(session: Session, plan: Plan, villages: Villages, years: list[str], targets: list[str],
            pilot_year: str | None) -> None:
    pilot_villages = sum(1 for v in plan.assignment if villages.tambon_of.get(v) in plan.pilot_tambons)
    try:
        waves = waves_from_rows(years, targets, pilot_year=pilot_year, villages=len(villages.tambon_of),
                                pilot_villages=pilot_villages if pilot_year is not None else 0)
    except WavesInputError as error:
        st.error(t("plan.waves.refused") + "\n" + "\n".join(f"- {line}" for line in error.words(lang())))
        return
    pilot_label = waves[0].label if pilot_year is not None else None
    settings = [{"label": wave.label, "target": wave.target} for wave in waves]
    try:
        edit = editing.replan_waves(editing.current(), villages, settings, pilot_label)
        editing.keep(editing.add_edit(editing.current(), edit, villages))
    except planning.PlanningError as error:
        st.error(with_detail(t("plan.waves.impossible"), error))
        return
    except EditError as error:
        st.error(error.words(lang()))
        return
    notify("success", t("plan.waves.queued"))
    st.rerun()  # the whole page: the working area shows the pending change


def _next_year(rollout: list[str], position: int) -> str:
    """A year for a wave added after the known ones: the year after the last, counting on."""
    last = rollout[-1] if rollout else ""
    return str(int(last) + position - len(rollout) + 1) if last.isdigit() else ""
