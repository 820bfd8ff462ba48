"""The national view: the Coverage page when the whole country is chosen in the sidebar.

A mode of Coverage rather than a page of its own: it answers Coverage's question (how far a plan reaches by a
year, and where) for a national plan, it is read by the same people (executives, a ministry), and the province
pick list is the one way to move between a province and the country on every page.

What it shows: the national plan (the default national plan, 16,000 / 24,000 / the rest, marked as defaults; or a
national scenario saved with ``rollout plan --province nation --save-as NAME``), villages covered by the end of
each wave, a map of provinces shaded by coverage at national zoom, with one province's amphoe, tambons and
villages as the reader zooms into it (``dashboard.coverage.national_maps``), and the provinces ranked.

Cost: the nation is read from the disk cache once per server process (built on its very first use on the
machine, about a minute with one process: the dashboard builds without worker processes, because a worker
spawned from a Streamlit server would run the app's script; ``rollout data nation`` builds it ahead with two);
the default national plan is computed once per process (a few seconds) and shared by every session; the map's
HTML is kept per plan version, year, province zoomed into and language.
"""

from __future__ import annotations

import contextlib

import pandas as pd
import streamlit as st

from dashboard.common.database import workspace
from dashboard.common.formatting import MISSING, format_number, format_share
from dashboard.common.province import NATION, province_label
from dashboard.common.scenarios import saved_scenario_names
from dashboard.common.text import lang, t
from dashboard.coverage.national_figures import NationalCoverage, national_coverage, plan_years, wave_counts
from dashboard.coverage.national_maps import FocusLayers, NationalMapWords, national_map
from dashboard.coverage.progress_tab import MAP_HEIGHT, keep_if_offered
from geodata import national_layers, provinces
from geodata.plans import DEFAULT_SCENARIO_NAME
from geodata.scenario import Scenario

#: Class labels of the coverage map (grey first), shared with the province's coverage map.
COVERAGE_CLASSES = ("coverage.class_0", "coverage.class_1", "coverage.class_2", "coverage.class_3",
                    "coverage.class_4", "coverage.class_5")
NO_FOCUS = ""


@st.cache_resource(show_spinner=False)
def national_villages() -> pd.DataFrame:
    """The nation's villages (``geodata.nation``), read once per process; built first if the machine has none."""
    from geodata import nation  # the whole country is read only when the national view is opened

    with contextlib.suppress(OSError):  # no writable cache folder: the loaders build it in memory
        nation.nation_folder(workers=1)  # no worker processes from inside the Streamlit server
    return nation.load_national_villages()


@st.cache_resource(show_spinner=False)
def national_default_plan() -> Scenario:
    """The default national plan, computed once per process and shared by every session."""
    from geodata import nation
    from geodata.national_plan import default_national_scenario

    national_villages()
    return default_national_scenario(nation.load_national_villages(), nation.load_national_tambons())


@st.cache_resource(show_spinner=False)
def province_shapes() -> dict:
    """Every province, simplified for national zoom (``geodata.national_layers.province_layer``)."""
    national_villages()
    return national_layers.province_layer()


@st.cache_resource(show_spinner=False, max_entries=16)
def focus_layers(code: str) -> FocusLayers:
    """One province's amphoe, tambons and villages for the national map, fitted to its frame."""
    frame = provinces.province(code).frame
    return FocusLayers(code, national_layers.amphoe_layer(code), national_layers.tambon_layer(code),
                       national_layers.village_layer(code),
                       [[frame.min_lat, frame.min_lon], [frame.max_lat, frame.max_lon]])


@st.cache_resource(show_spinner=False, max_entries=16)
def coverage_at(key: tuple, year: int, _scenario: Scenario) -> NationalCoverage:
    return national_coverage(_scenario, national_villages(), year)


@st.cache_data(show_spinner=False, max_entries=16)
def national_map_html(key: tuple, year: int, focus: str, language: str, online: bool, _scenario: Scenario,
                      _words: NationalMapWords) -> str:
    """The national map as one HTML page (drawn in an iframe: it sends nothing back to the page)."""
    fmap = national_map(province_shapes(), coverage_at(key, year, _scenario), _words, language,
                        focus=focus_layers(focus) if focus else None, online_tiles=online)
    return fmap.get_root().render()


def national_view(online: bool) -> None:
    """The Coverage page for the whole country."""
    st.title(t("coverage.national_title"))
    with st.spinner(t("province.building_nation"), show_time=True):
        villages = national_villages()
        default = national_default_plan()
    with_villages = [p for p in provinces.provinces() if p.has_villages]
    st.caption(t("coverage.national_intro", villages=format_number(len(villages)),
                 provinces=format_number(len(with_villages))))
    names = keep_if_offered("nat_scenario", [DEFAULT_SCENARIO_NAME, *saved_scenario_names(NATION)])
    name = st.selectbox(t("coverage.national_scenario"), names, key="nat_scenario")
    scenario = default if name == DEFAULT_SCENARIO_NAME else workspace().open_scenario(name)
    if name == DEFAULT_SCENARIO_NAME:
        counts = wave_counts(scenario)
        labels = [w.label for w in scenario.settings.waves if w.target is not None]
        shown = ", ".join(f"{label} {format_number(counts.get(label, 0))}" for label in labels[:-1])
        st.info(t("coverage.national_default", waves=f"{shown}, {labels[-1]} {t('coverage.national_rest')}"),
                icon=":material/tune:")
    key = (scenario.name, scenario.version, scenario.updated_at)
    years = plan_years(scenario)
    counts = wave_counts(scenario)
    covered = 0
    for column, year in zip(st.columns(len(years)), years, strict=True):
        covered += counts.get(str(year), 0)
        column.metric(t("coverage.covered_by", year=year), format_number(covered),
                      delta=t("coverage.new_in", n=format_number(counts.get(str(year), 0)), year=year),
                      delta_color="off", delta_arrow="off",
                      help=t("coverage.national_of_country", share=format_share(covered / len(villages)),
                             total=format_number(len(villages))))
    year = st.select_slider(t("coverage.year"), options=keep_if_offered("nat_year", list(years)), key="nat_year",
                            format_func=str)
    codes = [p.code for p in with_villages]
    no_focus = t("coverage.national_focus_none")
    focus = st.selectbox(t("coverage.national_focus"), keep_if_offered("nat_focus", [NO_FOCUS, *codes]),
                         key="nat_focus", format_func=lambda c: no_focus if c == NO_FOCUS else province_label(c))
    language = lang()
    st.subheader(t("coverage.national_map_title", year=year))
    st.iframe(national_map_html(key, year, focus, language, online, scenario, _words()), height=MAP_HEIGHT)
    reach = coverage_at(key, year, scenario)
    st.subheader(t("coverage.national_table", year=year))
    table = pd.DataFrame({
        "name": [(p.name_th if language == "th" else p.name_en) + f" ({p.code})" for p in with_villages],
        "villages": [p.n_villages for p in with_villages],
        "covered": [reach.province_covered.get(p.code, 0) for p in with_villages],
        "share": [100 * reach.province_share.get(p.code, 0.0) for p in with_villages],
    }).sort_values(["share", "name"], ascending=[False, True])
    number = st.column_config.NumberColumn
    st.dataframe(table, hide_index=True, placeholder=MISSING, key="nat_table", column_config={
        "name": st.column_config.TextColumn(t("common.province")),
        "villages": number(t("coverage.national_villages"), format="%d"),
        "covered": number(t("coverage.covered_year", year=year), format="%d"),
        "share": number(t("coverage.national_share"), format="%.1f%%")})


def _words() -> NationalMapWords:
    return NationalMapWords(
        province=t("common.province"), amphoe=t("common.amphoe"), tambon=t("common.tambon"),
        village=t("coverage.national_villages"), share=t("coverage.national_share"), count=t("coverage.count"),
        legend_title=t("coverage.legend_title"), classes=tuple(t(key) for key in COVERAGE_CLASSES),
        legend_note=t("coverage.national_legend_note"), covered=t("coverage.national_covered"),
        not_yet=t("coverage.national_not_yet"), estimated=t("common.quality_estimated"))

