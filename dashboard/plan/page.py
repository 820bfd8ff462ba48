"""Plan page: paint villages into waves on the map, lock what is decided, optimise the rest, keep scenarios.

The recipe: the chosen province's data set (the whole country is read on Coverage instead) and the open
scenario (from the URL; created from the default plan on a first visit),
the sidebar (scenarios, tiles; the planner's name is in every page's sidebar), the scenario and version shown
under the title with a short help, the working area (map, and beside it the tallies, selection, actions and
pending changes; one fragment), then the waves editor, the roster, location corrections, comparison and history.
"""

from __future__ import annotations

import streamlit as st

from dashboard.common.dataset import dataset_in_use
from dashboard.common.province import is_nation
from dashboard.common.province_picker import default_waves_notice, nation_elsewhere
from dashboard.common.text import t
from dashboard.plan import editing
from dashboard.plan.actions import queue
from dashboard.plan.corrections_panel import corrections_panel
from dashboard.plan.roster_editor import roster_editor
from dashboard.plan.scenario_panel import compare_panel, history_panel, open_session, scenario_sidebar
from dashboard.plan.waves_editor import waves_editor
from dashboard.plan.workspace import plan_workspace, villages_for

#: The Plan page fits a 1440 x 900 screen without scrolling: less room above the title, a smaller title.
PAGE_STYLE = """<style>
[data-testid="stMainBlockContainer"] { padding-top: 4rem; }
[data-testid="stMainBlockContainer"] h1 { font-size: 2rem; padding-top: 0; }
</style>"""
#: The panels under the working area, one open at a time, and their labels.
PANELS = {"waves": "plan.page.panel_waves", "roster": "plan.page.panel_roster",
          "locations": "plan.page.panel_locations", "compare": "plan.page.panel_compare",
          "history": "plan.page.panel_history"}

st.html(PAGE_STYLE)
st.title(t("plan.page.title"))
if is_nation():  # the whole country is read on Coverage, not edited here
    nation_elsewhere()
dataset = dataset_in_use()
villages = villages_for(dataset)
session = open_session()
scenario_sidebar(session, villages)
online = st.sidebar.toggle(t("common.online_tiles"), value=False, key="online_tiles")
caption, help_col = st.columns([4, 1], vertical_alignment="center")
caption.caption(t("plan.page.caption", name=session.scenario.name, version=session.scenario.version))
with help_col.popover(t("plan.help.title"), icon=":material/help:", width="stretch"):
    st.markdown(t("plan.help.body"))
default_waves_notice(session.scenario.settings.waves)

plan_workspace(dataset, online)

# One panel at a time, none at first: the map and tallies come first and load fastest.
labels = {key: t(message) for key, message in PANELS.items()}
panel = st.radio(t("plan.page.more"), list(PANELS), index=None, horizontal=True, key="plan_panel",
                 format_func=labels.get)
session = editing.current()
if panel == "waves":
    waves_editor(session, editing.draft(session, villages), villages)
elif panel == "roster":
    roster_editor(editing.draft(session, villages), dataset, villages, lambda edit: queue(edit, villages))
elif panel == "locations":
    corrections_panel(dataset)
elif panel == "compare":
    compare_panel(session, dataset)
elif panel == "history":
    history_panel(session, dataset)
