"""The facilitator roster (teams of คุณอำนวย per district, villages per team and wave) as an editable table.

A planner edits the teams in the table or uploads a CSV (amphoe_code, teams). Either way the roster is checked
(bad rows refused with a message each) and becomes a pending change of the plan, applied like any other. While
the roster is the default guess (one team per tambon) it is labelled as estimated.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import planning
from dashboard.common.dataset import Dataset
from dashboard.common.formatting import MISSING
from dashboard.common.problem_table import show_problems
from dashboard.common.text import t
from dashboard.common.thai_widgets import limited_file_uploader
from dashboard.plan.editing import Villages
from dashboard.plan.edits import ROSTER, Edit, Plan
from geodata import limits, schema
from geodata.roster_file import RosterError, read_roster_csv, roster_from_table

CODE, TEAMS = "amphoe_code", "teams"


def roster_table(roster: planning.Roster, dataset: Dataset, villages: Villages) -> pd.DataFrame:
    """One row per district with villages: code, names, villages, teams (from the plan's roster)."""
    counts = pd.Series(villages.tambon_of).map(
        dict(zip(dataset.tambons[schema.TAMBON_CODE], dataset.tambons[schema.AMPHOE_CODE], strict=True))
    ).value_counts()
    amphoes = dataset.amphoes.set_index(schema.AMPHOE_CODE)
    rows = []
    for code in sorted(counts.index):
        rows.append({CODE: code, "th": amphoes.at[code, schema.AMPHOE_TH] if code in amphoes.index else "",
                     "en": amphoes.at[code, schema.AMPHOE_EN] if code in amphoes.index else "",
                     "villages": int(counts[code]), TEAMS: int(roster.teams.get(code, 0))})
    return pd.DataFrame(rows)


def roster_editor(plan: Plan, dataset: Dataset, villages: Villages, queue) -> None:
    """The roster table, capacity and CSV upload; a valid roster is handed to `queue(edit)` as pending."""
    st.subheader(t("plan.roster.title"))
    roster = plan.settings.roster
    if roster.estimated:
        st.warning(t("plan.roster.estimated"))
    else:
        st.caption(t("plan.roster.real"))
    table = roster_table(roster, dataset, villages)
    edited = st.data_editor(
        table, key="roster_table", hide_index=True, placeholder=MISSING, disabled=[CODE, "th", "en", "villages"],
        column_config={CODE: st.column_config.TextColumn(t("plan.roster.code")),
                       "th": st.column_config.TextColumn(t("plan.roster.name_th")),
                       "en": st.column_config.TextColumn(t("plan.roster.name_en")),
                       "villages": st.column_config.NumberColumn(t("plan.roster.villages")),
                       TEAMS: st.column_config.NumberColumn(t("plan.roster.teams"), min_value=1, step=1)})
    capacity = st.number_input(t("plan.roster.capacity"), min_value=1, step=1, value=int(roster.capacity),
                               key="roster_capacity")
    districts = list(table[CODE])
    if st.button(t("plan.roster.use_table"), key="roster_use_table"):
        _use(lambda: roster_from_table(edited[[CODE, TEAMS]].to_dict("records"), capacity=int(capacity),
                                       districts=districts), queue)
    upload = limited_file_uploader(t("plan.roster.upload"), limits.ROSTER, key="roster_upload", type=["csv"])
    if upload is not None:
        try:
            uploaded = read_roster_csv(upload.getvalue(), upload.name, capacity=int(capacity), districts=districts)
        except RosterError as error:
            _refused(error)
        else:
            st.success(t("plan.roster.file_ok", n=len(uploaded.teams), teams=sum(uploaded.teams.values())))
            if st.button(t("plan.roster.use_upload"), key="roster_use_upload"):
                _use(lambda: uploaded, queue)


def _use(build, queue) -> None:
    try:
        roster = build()
    except RosterError as error:
        _refused(error)
        return
    if queue(Edit(ROSTER, roster=roster)):
        st.rerun()  # the working area above shows the pending change


def _refused(error: RosterError) -> None:
    st.error(t("plan.roster.refused", n=len(error.found)))
    show_problems(error.found, key="roster_problems")
