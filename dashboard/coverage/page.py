"""Coverage page (executives): how far a plan reaches by year, where the load falls, and the six-step progress.

Thin: figures come from dashboard.coverage.figures (planning.coverage / planning.progress), maps from
dashboard.coverage.maps, charts from dashboard.coverage.charts, the progress tab from dashboard.coverage.progress_tab.
Tabs run lazily: only the open tab's maps and charts are built. With the whole country chosen in the sidebar
the page is the national view (dashboard.coverage.national_view).
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard.common.dataset import dataset_in_use
from dashboard.common.formatting import MISSING, format_number, format_share
from dashboard.common.help_panel import help_panel
from dashboard.common.open_scenario import scenario_picker
from dashboard.common.province import is_nation
from dashboard.common.province_picker import default_waves_notice
from dashboard.common.scenarios import scenario_error
from dashboard.common.text import lang, t, with_detail
from dashboard.coverage import charts
from dashboard.coverage import figures as data
from dashboard.coverage.cache import CoverageMapWords, cached_view, coverage_map_html, small_amphoes
from dashboard.coverage.national_view import national_view
from dashboard.coverage.progress_tab import MAP_HEIGHT, keep_if_offered, progress_tab
from geodata import schema
from geodata.messages import text
from planning.errors import PlanningError
from service import ServiceError, StoreError

#: The coverage classes of the maps, grey (nothing covered) first.
COVERAGE_CLASSES = ("coverage.class_0", "coverage.class_1", "coverage.class_2", "coverage.class_3",
                    "coverage.class_4", "coverage.class_5")
#: Column widths (pixels) of the district ranking: together narrower than the page at 1440 px, so the table
#: never scrolls sideways; each heading fits its column in Thai and in English.
RANK_WIDTHS = {"rank": 64, "name": 150, "villages": 80, "covered": 130, "share_pct": 90, "teams": 130,
               "max_load": 190, "max_load_wave": 110}
#: The tabs, by the message of their label.
TABS = ("coverage.tab_map", "coverage.tab_charts", "coverage.tab_progress")

online = st.sidebar.toggle(t("common.online_tiles"), value=False, key="online_tiles")
if is_nation():  # the whole country chosen in the sidebar: the national view instead
    national_view(online)
    st.stop()
dataset = dataset_in_use()
language = lang()
today = dt.date.today()
st.title(t("coverage.title"))
st.caption(t("coverage.intro"))
help_panel("coverage.help")

try:
    scenario = scenario_picker("cov_scenario", t("coverage.scenario")).scenario
except (ServiceError, StoreError) as exc:
    st.error(scenario_error(exc))
    st.stop()
default_waves_notice(scenario.settings.waves)
try:
    view = cached_view(scenario.name, scenario.version, scenario.updated_at, dataset.version, scenario,
                       dataset.villages, dataset.tambons)
except PlanningError as exc:
    st.error(with_detail(t("coverage.bad_plan"), exc))
    st.stop()
figures = view.figures
district_names = data.names(dataset.amphoes, schema.AMPHOE_CODE, schema.AMPHOE_TH, schema.AMPHOE_EN, language)
district_order = [district_names.get(d, d) for d in figures.district_villages]


def year_label(label: str) -> str:
    return t("coverage.pilot_year", year=label) if label == view.pilot_label else label


# --- Headline figures -------------------------------------------------------------------------------------
for column, label in zip(st.columns(len(figures.labels)), figures.labels, strict=True):
    column.metric(t("coverage.covered_by", year=year_label(label)), format_number(figures.covered_by_wave[label]),
                  delta=t("coverage.new_in", n=format_number(figures.new_by_wave[label]), year=label),
                  delta_color="off", delta_arrow="off",
                  help=t("coverage.of_province", share=format_share(figures.share_by_wave[label]),
                         total=format_number(figures.total_villages)))
teams_key = "coverage.teams_estimated" if view.roster_estimated else "coverage.teams"
headline = data.headline_table(figures)
st.dataframe({
    t("coverage.wave"): [year_label(w) for w in headline["wave"]],
    t("coverage.new"): [format_number(n) for n in headline["new"]],
    t("coverage.covered"): [format_number(n) for n in headline["covered"]],
    t("coverage.share"): [format_share(s) for s in headline["share"]],
    t("coverage.tambons_full"): [format_number(n) for n in headline["tambons_full"]],
    t("coverage.tambons_partial"): [format_number(n) for n in headline["tambons_partial"]],
    t(teams_key): [format_number(n) for n in headline["teams"]],
}, hide_index=True, placeholder=MISSING, key="cov_headline")
notes = [t("coverage.tambon_count", n=format_number(figures.tambons_with_villages)), t("coverage.teams_note")]
if figures.unassigned:
    notes.append(t("coverage.unassigned", n=format_number(figures.unassigned)))
st.caption(" · ".join(notes))
if view.roster_estimated:
    st.warning(t("coverage.roster_estimated"), icon=":material/info:")

year = st.select_slider(t("coverage.year"), options=keep_if_offered("cov_year", list(figures.years)), key="cov_year",
                        format_func=str)
open_tab = st.session_state.get("cov_tab")
for tab in TABS:  # the open tab is remembered by its label: keep it open when the language changes
    if open_tab in (text(tab, "th"), text(tab, "en")):
        st.session_state["cov_tab"] = t(tab)
tab_map, tab_charts, tab_progress = st.tabs([t(tab) for tab in TABS], key="cov_tab", on_change="rerun")

# --- Map ------------------------------------------------------------------------------------------------------
if tab_map.open is not False:
    with tab_map:
        st.subheader(t("coverage.map_title", year=year))
        view_key = (scenario.name, scenario.version, scenario.updated_at, dataset.version)
        heading = (t("coverage.share"), t("coverage.count"))
        suffix = "th" if language == "th" else "en"
        words = CoverageMapWords(
            tooltips={"amphoe": ((f"amphoe_{suffix}", "share_text", "count_text"), (t("common.amphoe"), *heading)),
                      "tambon": ((f"tambon_{suffix}", "share_text", "count_text"), (t("common.tambon"), *heading))},
            legend_title=t("coverage.legend_title"), classes=tuple(t(key) for key in COVERAGE_CLASSES),
            legend_note=t("coverage.pilot_note") if view.pilot_tambons else t("coverage.zoom_note"))
        st.iframe(coverage_map_html(view_key, year, language, online, view, dataset, words), height=MAP_HEIGHT)
        st.subheader(t("coverage.small_multiples"))
        panels = charts.wave_small_multiples(
            small_amphoes(dataset.version, dataset.amphoes), data.wave_share_table(figures),
            wave_titles={w: year_label(w) for w in figures.labels},
            titles={"share": t("coverage.legend_title"), "name": t("common.amphoe")},
            class_labels=[t(key) for key in COVERAGE_CLASSES], name_property=f"amphoe_{suffix}")
        st.vega_lite_chart(panels, key="cov_small_multiples")

# --- Charts -----------------------------------------------------------------------------------------------
if tab_charts.open:
    with tab_charts:
        st.subheader(t("coverage.s_curve"))
        highlight = st.selectbox(t("coverage.highlight"), keep_if_offered("cov_highlight",
                                                                          list(figures.district_villages)),
                                 key="cov_highlight", format_func=district_names.get)
        curve = data.s_curve_table(figures, district_names, t("common.province"), districts=[highlight])
        st.altair_chart(charts.s_curve_chart(curve, titles={
            "year": t("coverage.year"), "share": t("coverage.legend_title"), "area": t("coverage.area"),
            "covered": t("coverage.covered"), "villages": t("coverage.villages")}), key="cov_s_curve")
        st.subheader(t("coverage.heatmap"))
        st.caption(t("coverage.heatmap_scale", capacity=view.capacity))
        st.altair_chart(charts.load_heatmap(data.load_table(figures, district_names, view.capacity),
                                            district_order=district_order, capacity=view.capacity,
                                            titles={"name": t("common.amphoe"), "wave": t("coverage.wave"),
                                                    "load": t("coverage.load"), "villages": t("coverage.new"),
                                                    "teams": t(teams_key)}), key="cov_heatmap")
        if view.roster_estimated:
            st.caption(t("coverage.roster_estimated"))
        st.subheader(t("coverage.ranking"))
        orders = {"coverage": t("coverage.by_coverage"), "load": t("coverage.by_load")}
        order = st.radio(t("coverage.rank_by"), list(orders), key="cov_rank_order", horizontal=True,
                         format_func=orders.get)
        ranking = data.ranking_table(figures, year, district_names, order).drop(columns="district")
        number = st.column_config.NumberColumn
        teams_short = "coverage.rank_teams_estimated" if view.roster_estimated else "coverage.rank_teams"
        st.dataframe(ranking, hide_index=True, placeholder=MISSING, key="cov_ranking", column_config={
            "rank": number(t("coverage.rank"), format="%d", width=RANK_WIDTHS["rank"]),
            "name": st.column_config.TextColumn(t("common.amphoe"), width=RANK_WIDTHS["name"]),
            "villages": number(t("coverage.rank_villages"), format="%d", width=RANK_WIDTHS["villages"]),
            "covered": number(t("coverage.covered_year", year=year), format="%d", width=RANK_WIDTHS["covered"]),
            "share_pct": number(t("coverage.share_pct"), format="%.1f%%", width=RANK_WIDTHS["share_pct"]),
            "teams": number(t(teams_short), format="%d", width=RANK_WIDTHS["teams"]),
            "max_load": number(t("coverage.max_load"), format="%.2f", width=RANK_WIDTHS["max_load"]),
            "max_load_wave": st.column_config.TextColumn(t("coverage.max_load_wave"),
                                                         width=RANK_WIDTHS["max_load_wave"])})


# --- Six-step progress --------------------------------------------------------------------------------------
if tab_progress.open:
    with tab_progress:
        progress_tab(scenario, view, dataset, district_names, district_order, online, today)
