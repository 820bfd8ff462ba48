"""Coverage page (executives): how far a plan reaches by year, where the load falls, and the six-step progress.

Thin: figures come from dashboard.coverage.figures (planning.coverage / planning.progress), maps from
dashboard.coverage.maps, charts from dashboard.coverage.charts, the progress tab from dashboard.coverage.progress_tab.
Tabs run lazily: only the open tab's maps and charts are built.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from streamlit_folium import st_folium

from dashboard.common.dataset import boundary_layers, dataset_in_use, map_bounds
from dashboard.common.formatting import COMMON, format_number, format_share
from dashboard.common.scenarios import load_scenario, scenario_names
from dashboard.common.text import lang, t
from dashboard.coverage import charts
from dashboard.coverage import figures as data
from dashboard.coverage.cache import cached_view, coverage_layers, small_amphoes
from dashboard.coverage.maps import coverage_legend_items, coverage_map
from dashboard.coverage.progress_tab import MAP_HEIGHT, keep_if_offered, progress_tab
from dashboard.coverage.text import TEXT
from geodata import schema
from planning.errors import PlanningError
from store import StoreError

COVERAGE_CLASS_KEYS = tuple(f"class_{i}" for i in range(6))

dataset = dataset_in_use()
language = lang()
today = dt.date.today()
st.title(t(TEXT, "title"))
st.caption(t(TEXT, "intro"))
online = st.sidebar.toggle(t(COMMON, "online_tiles"), value=False, key="online_tiles")

name = st.selectbox(t(TEXT, "scenario"), scenario_names(), key="cov_scenario")
try:
    scenario = load_scenario(name)
    view = cached_view(scenario.name, scenario.version, dataset.version, scenario, dataset.villages,
                       dataset.tambons)
except (PlanningError, StoreError) as exc:
    st.error(t(TEXT, "bad_plan", error=exc))
    st.stop()
figures = view.figures
district_names = data.names(dataset.amphoes, schema.AMPHOE_CODE, schema.AMPHOE_TH, schema.AMPHOE_EN, language)
district_order = [district_names.get(d, d) for d in figures.district_villages]


def year_label(label: str) -> str:
    return t(TEXT, "pilot_year", year=label) if label == view.pilot_label else label


# --- Headline figures -------------------------------------------------------------------------------------
for column, label in zip(st.columns(len(figures.labels)), figures.labels, strict=True):
    column.metric(t(TEXT, "covered_by", year=year_label(label)), format_number(figures.covered_by_wave[label]),
                  delta=t(TEXT, "new_in", n=format_number(figures.new_by_wave[label])), delta_color="off",
                  help=t(TEXT, "of_province", share=format_share(figures.share_by_wave[label]),
                         total=format_number(figures.total_villages)))
teams_key = "teams_estimated" if view.roster_estimated else "teams"
headline = data.headline_table(figures)
st.dataframe({
    t(TEXT, "wave"): [year_label(w) for w in headline["wave"]],
    t(TEXT, "new"): [format_number(n) for n in headline["new"]],
    t(TEXT, "covered"): [format_number(n) for n in headline["covered"]],
    t(TEXT, "share"): [format_share(s) for s in headline["share"]],
    t(TEXT, "tambons_full"): [format_number(n) for n in headline["tambons_full"]],
    t(TEXT, "tambons_partial"): [format_number(n) for n in headline["tambons_partial"]],
    t(TEXT, teams_key): [format_number(n) for n in headline["teams"]],
}, hide_index=True, key="cov_headline")
notes = [t(TEXT, "tambon_count", n=format_number(figures.tambons_with_villages)), t(TEXT, "teams_note")]
if figures.unassigned:
    notes.append(t(TEXT, "unassigned", n=format_number(figures.unassigned)))
st.caption(" · ".join(notes))
if view.roster_estimated:
    st.warning(t(TEXT, "roster_estimated"), icon=":material/info:")

year = st.select_slider(t(TEXT, "year"), options=keep_if_offered("cov_year", list(figures.years)), key="cov_year",
                        format_func=str)
TAB_KEYS = ("tab_map", "tab_charts", "tab_progress")
open_tab = st.session_state.get("cov_tab")
for tab_key in TAB_KEYS:  # the open tab is remembered by its label: keep it open when the language changes
    if open_tab in TEXT[tab_key]:
        st.session_state["cov_tab"] = t(TEXT, tab_key)
tab_map, tab_charts, tab_progress = st.tabs([t(TEXT, k) for k in TAB_KEYS], key="cov_tab", on_change="rerun")

# --- Map ------------------------------------------------------------------------------------------------------
if tab_map.open is not False:
    with tab_map:
        st.subheader(t(TEXT, "map_title", year=year))
        tambons_geo, amphoes_geo = boundary_layers(dataset.version, dataset.tambons, dataset.amphoes)
        view_key = (scenario.name, scenario.version, dataset.version)
        amphoe_layer, tambon_layer, pilot_layer = coverage_layers(view_key, year, language, view, amphoes_geo,
                                                                  tambons_geo, view.pilot_tambons)
        heading = [t(TEXT, "share"), t(TEXT, "count")]
        suffix = "th" if language == "th" else "en"
        fmap = coverage_map(
            map_bounds(dataset), amphoe_layer, tambon_layer, pilot_tambons=pilot_layer, online_tiles=online,
            tooltips={"amphoe": ([f"amphoe_{suffix}", "share_text", "count_text"], [t(COMMON, "amphoe"), *heading]),
                      "tambon": ([f"tambon_{suffix}", "share_text", "count_text"], [t(COMMON, "tambon"), *heading])},
            legend_title=t(TEXT, "legend_title"),
            legend_items=coverage_legend_items([t(TEXT, k) for k in COVERAGE_CLASS_KEYS]),
            legend_note=t(TEXT, "pilot_note") if view.pilot_tambons else t(TEXT, "zoom_note"))
        st_folium(fmap, key="cov_map", height=MAP_HEIGHT, use_container_width=True, returned_objects=[])
        st.subheader(t(TEXT, "small_multiples"))
        panels = charts.wave_small_multiples(
            small_amphoes(dataset.version, dataset.amphoes), data.wave_share_table(figures),
            wave_titles={w: year_label(w) for w in figures.labels},
            titles={"share": t(TEXT, "legend_title"), "name": t(COMMON, "amphoe")},
            class_labels=[t(TEXT, k) for k in COVERAGE_CLASS_KEYS], name_property=f"amphoe_{suffix}")
        st.altair_chart(panels, key="cov_small_multiples")

# --- Charts -----------------------------------------------------------------------------------------------
if tab_charts.open:
    with tab_charts:
        st.subheader(t(TEXT, "s_curve"))
        no_highlight = t(TEXT, "none")  # format functions stay pure: AppTest calls them outside the script
        highlight_code = st.selectbox(
            t(TEXT, "highlight"), keep_if_offered("cov_highlight", [None, *figures.district_villages]),
            key="cov_highlight", format_func=lambda c: no_highlight if c is None else district_names.get(c, c))
        highlight = district_names.get(highlight_code, highlight_code) if highlight_code else None
        curve = data.s_curve_table(figures, district_names, t(COMMON, "province"))
        st.altair_chart(charts.s_curve_chart(curve, highlight=highlight, titles={
            "year": t(TEXT, "year"), "share": t(TEXT, "share"), "area": t(TEXT, "area"),
            "covered": t(TEXT, "covered"), "villages": t(TEXT, "villages")}), key="cov_s_curve")
        st.subheader(t(TEXT, "heatmap"))
        st.altair_chart(charts.load_heatmap(data.load_table(figures, district_names), district_order=district_order,
                                            titles={"name": t(COMMON, "amphoe"), "wave": t(TEXT, "wave"),
                                                    "load": t(TEXT, "load"), "villages": t(TEXT, "new"),
                                                    "teams": t(TEXT, teams_key)}), key="cov_heatmap")
        if view.roster_estimated:
            st.caption(t(TEXT, "roster_estimated"))
        st.subheader(t(TEXT, "ranking"))
        orders = {o: t(TEXT, f"by_{o}") for o in ("coverage", "load")}
        order = st.radio(t(TEXT, "rank_by"), list(orders), key="cov_rank_order", horizontal=True,
                         format_func=orders.get)
        ranking = data.ranking_table(figures, year, district_names, order).drop(columns="district")
        number = st.column_config.NumberColumn
        st.dataframe(ranking, hide_index=True, key="cov_ranking", column_config={
            "coverage_rank": number(t(TEXT, "coverage_rank"), format="%d"),
            "load_rank": number(t(TEXT, "load_rank"), format="%d"),
            "name": st.column_config.TextColumn(t(COMMON, "amphoe")),
            "villages": number(t(TEXT, "villages"), format="%d"),
            "covered": number(t(TEXT, "covered_year", year=year), format="%d"),
            "share_pct": number(t(TEXT, "share_pct"), format="%.1f%%"),
            "teams": number(t(TEXT, teams_key), format="%d"),
            "max_load": number(t(TEXT, "max_load"), format="%.2f"),
            "max_load_wave": st.column_config.TextColumn(t(TEXT, "max_load_wave"))})


# --- Six-step progress --------------------------------------------------------------------------------------
if tab_progress.open:
    with tab_progress:
        progress_tab(scenario, view, dataset, district_names, district_order, online, today)
