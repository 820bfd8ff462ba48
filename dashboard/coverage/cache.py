"""Cached pieces of the Coverage page, keyed by cheap values (scenario name and version, data set version, year,
language, progress revision) so a rerun rebuilds only what changed. Frames are passed with a leading underscore:
Streamlit does not hash them; the key arguments stand for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import streamlit as st

from dashboard.common.dataset import Dataset, boundary_layers, map_bounds
from dashboard.common.formatting import format_date, format_number, format_share
from dashboard.common.village_features import TOOLTIP_PROPERTIES
from dashboard.coverage.figures import CoverageView, coverage_view
from dashboard.coverage.maps import coverage_legend_items, coverage_map, shaded, step_features
from geodata import schema
from geodata.display import display_geojson, point_features
from geodata.scenario import Scenario
from planning.progress import Reached


@dataclass(frozen=True)
class CoverageMapWords:
    """The coverage map's texts in one language: tooltip fields and headings ("amphoe"/"tambon" -> (property
    names, headings)), the legend's title, its six class labels (grey first) and its note."""

    tooltips: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]
    legend_title: str
    classes: tuple[str, ...]
    legend_note: str


#: Small multiples are drawn small: coarser district outlines keep the chart light (about 50 kB per panel).
SMALL_MAP_TOLERANCE_M = 300.0


@st.cache_data(show_spinner=False, max_entries=16)
def cached_view(name: str, version: int, saved_at: str, dataset_version: str, _scenario: Scenario,
                _villages: pd.DataFrame, _tambons: pd.DataFrame) -> CoverageView:
    """`coverage_view` of one scenario version (its name, version and save time: a scenario deleted and saved
    again under its name starts at version 1 again) over one data set version."""
    return coverage_view(_scenario, _villages, _tambons)


@st.cache_data(show_spinner=False, max_entries=4)
def small_amphoes(dataset_version: str, _amphoes: gpd.GeoDataFrame) -> dict:
    """Coarse amphoe outlines for the small multiples."""
    return display_geojson(_amphoes, [schema.AMPHOE_CODE, schema.AMPHOE_TH, schema.AMPHOE_EN],
                           tolerance_m=SMALL_MAP_TOLERANCE_M, decimals=3)


@st.cache_resource(show_spinner=False, max_entries=32)
def coverage_layers(view_key: tuple, year: int, lang: str, _view: CoverageView, _dataset: Dataset
                    ) -> tuple[dict, dict, dict]:
    """(amphoes, tambons, pilot tambons) display GeoJSON shaded by coverage at B.E. `year`, with tooltip text.

    Kept as one shared object per key (not a copy per run: the tambon layer is half a megabyte, and unpickling
    it on every run cost a tenth of a second); callers must not modify it.
    """
    tambon_outlines, amphoe_outlines = boundary_layers(_dataset.version, _dataset.tambons, _dataset.amphoes)
    figures = _view.figures
    wave = figures.wave_at(year)
    district_share, tambon_share = figures.district_share_at(year), figures.tambon_share_at(year)

    def text(share: float, covered: int, total: int) -> dict[str, str]:
        return {"share_text": format_share(share), "count_text": f"{format_number(covered)} / {format_number(total)}"}

    district_extra = {d: text(district_share[d], figures.district_covered[d][wave] if wave else 0, n)
                      for d, n in figures.district_villages.items()}
    tambon_extra = {t: text(tambon_share[t], figures.tambon_covered[t][wave] if wave else 0, n)
                    for t, n in figures.tambon_villages.items()}
    amphoes = shaded(amphoe_outlines, schema.AMPHOE_CODE, district_share, district_extra)
    tambons = shaded(tambon_outlines, schema.TAMBON_CODE, tambon_share, tambon_extra)
    blank = {"share_text": "", "count_text": ""}
    for feature in tambons["features"]:  # tambons without villages carry empty tooltip cells
        for key, value in blank.items():
            feature["properties"].setdefault(key, value)
    pilot_codes = set(_view.pilot_tambons)
    pilots = {"type": "FeatureCollection", "features": [
        f for f in tambon_outlines["features"] if f["properties"][schema.TAMBON_CODE] in pilot_codes]}
    return amphoes, tambons, pilots


@st.cache_data(show_spinner=False, max_entries=16)
def coverage_map_html(view_key: tuple, year: int, lang: str, online: bool, _view: CoverageView, _dataset: Dataset,
                      _words: CoverageMapWords) -> str:
    """The coverage map at B.E. `year` as one HTML document (`words` are the map's texts in `lang`).

    The map sends nothing back to the page, so it is drawn as a plain page in an iframe, rendered once per
    scenario version, year, language and basemap choice: rendering the folium map on every run, as
    streamlit-folium does, cost about half a second.
    """
    amphoes, tambons, pilots = coverage_layers(view_key, year, lang, _view, _dataset)
    fmap = coverage_map(map_bounds(_dataset), amphoes, tambons, pilot_tambons=pilots, online_tiles=online,
                        tooltips=_words.tooltips, legend_title=_words.legend_title,
                        legend_items=coverage_legend_items(_words.classes), legend_note=_words.legend_note)
    return fmap.get_root().render()


@st.cache_data(show_spinner=False, max_entries=8)
def step_points(key: tuple, lang: str, today: dt.date, _villages: gpd.GeoDataFrame, _steps: dict[str, int | None],
                _current: dict[str, Reached], _waves: dict[str, str], step_labels: dict) -> dict:
    """Village points styled by step, with wave, step and date in the tooltip (estimated locations hollow)."""
    planned = _villages[_villages[schema.VILLAGE_CODE].isin(_waves.keys())].copy()
    codes = planned[schema.VILLAGE_CODE]
    planned["wave"] = codes.map(_waves)
    planned["step_text"] = codes.map(lambda c: step_labels[_steps[c]] if _steps.get(c) is not None
                                     else step_labels[None])
    planned["since_text"] = codes.map(lambda c: format_date(_current[c].reached_on, lang) if c in _current else "")
    points = point_features(planned, [*TOOLTIP_PROPERTIES, "wave", "step_text", "since_text"])
    estimated = dict(zip(codes, planned[schema.LOCATION_QUALITY] == schema.ESTIMATED, strict=True))
    return step_features(points, _steps, estimated)
