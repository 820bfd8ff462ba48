"""Altair chart builders of the Coverage page: plain functions from tables (dashboard.coverage.figures) to charts.

Altair draws with Vega-Lite, which Streamlit bundles: the charts need no network. Years on every axis are
Buddhist-era years; numbers use Arabic digits with thousands separators and shares are percentages, as Thai
tables write them. Tests check the charts' specifications (`chart.to_dict()`), no browser needed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from dashboard.coverage.maps import COVERAGE_CLASSES, STEP_COLOURS, coverage_class

#: The named dataset of district outlines the small maps share.
SMALL_MAP_OUTLINES = "district_outlines"
PROVINCE_COLOUR = "#000000"
HIGHLIGHT_COLOUR = "#D55E00"
#: Vega scheme of the load heatmap (sequential; more villages per team = darker, up to the capacity).
LOAD_SCHEME = "blues"
#: A cell whose teams carry more than their capacity (a colour the sequential scheme does not use).
OVER_CAPACITY_COLOUR = "#c0392b"
#: Pixels per district row: every Thai district name gets its own readable label.
ROW_HEIGHT = 26
_SHARE_AXIS = alt.Axis(format="%", tickCount=5)
_NAME_AXIS = alt.Axis(labelLimit=240, labelOverlap=False)


def s_curve_chart(table: pd.DataFrame, *, titles: Mapping[str, str], height: int = 340) -> alt.Chart:
    """Cumulative coverage by year: the province (bold black) against one district (orange), with a legend.

    `table` is `figures.s_curve_table` for the province and the district to compare (one line per area);
    `titles` names "year", "share", "area", "covered", "villages".
    """
    data = table.assign(year_label=table["year"].astype(str))
    areas = list(dict.fromkeys(data.sort_values("kind", ascending=False)["area"]))  # the province first
    colours = [PROVINCE_COLOUR if kind == "province" else HIGHLIGHT_COLOUR
               for kind in data.drop_duplicates("area").set_index("area").loc[areas, "kind"]]
    return alt.Chart(data).mark_line(point=alt.OverlayMarkDef(size=60, filled=True)).encode(
        x=alt.X("year_label:O", title=titles["year"], axis=alt.Axis(labelAngle=0),
                sort=sorted(data["year_label"].unique())),
        y=alt.Y("share:Q", title=titles["share"], scale=alt.Scale(domain=[0, 1]), axis=_SHARE_AXIS),
        color=alt.Color("area:N", title=titles["area"], sort=areas,
                        scale=alt.Scale(domain=areas, range=colours),
                        legend=alt.Legend(orient="bottom", labelLimit=300)),
        strokeWidth=alt.StrokeWidth("kind:N", scale=alt.Scale(domain=["province", "district"], range=[3.5, 2.5]),
                                    legend=None),
        tooltip=[alt.Tooltip("area:N", title=titles["area"]), alt.Tooltip("year_label:O", title=titles["year"]),
                 alt.Tooltip("share:Q", title=titles["share"], format=".1%"),
                 alt.Tooltip("covered:Q", title=titles["covered"], format=",.0f"),
                 alt.Tooltip("villages:Q", title=titles["villages"], format=",.0f")],
    ).properties(height=height)


def load_heatmap(table: pd.DataFrame, *, titles: Mapping[str, str], district_order: Sequence[str],
                 capacity: int) -> alt.LayerChart:
    """District (rows, in `district_order`) x wave: colour = villages per team on a fixed scale from 0 to the
    teams' `capacity`, so a district is dark only when its teams are near full; a cell over capacity is drawn in
    its own red with "!" after the number. Every cell writes its number.

    `table` is `figures.load_table`; `titles` names "name", "wave", "load", "villages", "teams".
    """
    base = alt.Chart(table).encode(
        x=alt.X("wave:O", title=titles["wave"], axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("name:N", title=titles["name"], sort=list(district_order), axis=_NAME_AXIS),
        tooltip=[alt.Tooltip("name:N", title=titles["name"]), alt.Tooltip("wave:O", title=titles["wave"]),
                 alt.Tooltip("villages:Q", title=titles["villages"], format=",.0f"),
                 alt.Tooltip("teams:Q", title=titles["teams"], format=",.0f"),
                 alt.Tooltip("load:Q", title=titles["load"], format=",.2f")])
    scale = alt.Scale(scheme=LOAD_SCHEME, domain=[0, capacity], clamp=True)
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.condition(alt.datum.over, alt.value(OVER_CAPACITY_COLOUR),
                            alt.Color("load:Q", title=titles["load"], scale=scale,
                                      legend=alt.Legend(values=_legend_ticks(capacity)))))
    numbers = base.transform_calculate(
        label="format(datum.load, ',.1f') + (datum.over ? ' !' : '')").mark_text(fontSize=11).encode(
        text=alt.Text("label:N"),
        color=alt.condition(f"datum.over || datum.load > {capacity * 0.6}", alt.value("white"),
                            alt.value("black")))
    return alt.layer(cells, numbers).properties(height=alt.Step(ROW_HEIGHT))


def _legend_ticks(capacity: int) -> list[int]:
    """Whole numbers from 0 to the capacity, at most six of them, the capacity always last."""
    step = max(1, -(-capacity // 5))
    return sorted({*range(0, capacity, step), capacity})


def step_bars(table: pd.DataFrame, *, titles: Mapping[str, str], district_order: Sequence[str]) -> alt.Chart:
    """Share of each district's started villages at each step (0 = no report yet), as 100 % stacked bars.

    `table` is `figures.step_share_table`; `titles` names "name", "share", "step", "villages".
    """
    order = table.drop_duplicates("step").sort_values("step")
    return alt.Chart(table).mark_bar().encode(
        y=alt.Y("name:N", title=titles["name"], sort=list(district_order), axis=_NAME_AXIS),
        x=alt.X("villages:Q", stack="normalize", title=titles["share"], axis=_SHARE_AXIS),
        color=alt.Color("step_name:N", title=titles["step"],
                        scale=alt.Scale(domain=list(order["step_name"]),
                                        range=[STEP_COLOURS[s] for s in order["step"]]),
                        legend=alt.Legend(orient="bottom", columns=2, labelLimit=420)),
        order=alt.Order("step:Q"),
        tooltip=[alt.Tooltip("name:N", title=titles["name"]), alt.Tooltip("step_name:N", title=titles["step"]),
                 alt.Tooltip("villages:Q", title=titles["villages"], format=",.0f"),
                 alt.Tooltip("share:Q", title=titles["share"], format=".1%")],
    ).properties(height=alt.Step(ROW_HEIGHT))


def wave_small_multiples(amphoes: Mapping, shares: pd.DataFrame, *, wave_titles: Mapping[str, str],
                         titles: Mapping[str, str], class_labels: Sequence[str], name_property: str,
                         width: int = 190) -> dict:
    """One small map per wave: districts shaded by the share covered by that wave's end, in the map's classes.

    `amphoes` is a display GeoJSON with `amphoe_code` and `name_property`; `shares` is
    `figures.wave_share_table`; `wave_titles` maps wave label -> panel title; `class_labels` names the
    coverage classes (as the big map's legend does).

    Returns a Vega-Lite specification (for `st.vega_lite_chart`) written directly, not through Altair: the
    district outlines are one named dataset that every panel reads and joins to its wave's shares, so they are
    sent once instead of once per wave, and no schema validation walks their coordinates (Altair took about
    1.5 s per page run here).
    """
    labels = list(class_labels)
    outlines = [{"type": "Feature", "geometry": f["geometry"],
                 "properties": {"code": f["properties"]["amphoe_code"], "name": f["properties"][name_property]}}
                for f in amphoes["features"]]
    panels = []
    for wave, title in wave_titles.items():
        rows = shares.loc[shares["wave"] == wave, ["district", "share"]].itertuples(index=False)
        values = [{"district": d, "share": float(v), "coverage_class": labels[coverage_class(float(v))]}
                  for d, v in rows]
        panels.append({
            "title": title, "width": width, "height": int(width * 1.15),
            "data": {"name": SMALL_MAP_OUTLINES},
            "transform": [
                {"lookup": "properties.code",
                 "from": {"data": {"values": values}, "key": "district", "fields": ["share", "coverage_class"]},
                 "default": None},
                {"calculate": "datum.share == null ? 0 : datum.share", "as": "share"},
                {"calculate": f"datum.coverage_class == null ? {json.dumps(labels[0])} : datum.coverage_class",
                 "as": "coverage_class"}],
            "projection": {"type": "mercator"},
            "mark": {"type": "geoshape", "stroke": "white", "strokeWidth": 0.5},
            "encoding": {
                "color": {"field": "coverage_class", "type": "nominal", "title": titles["share"],
                          "scale": {"domain": labels, "range": [c for _, c in COVERAGE_CLASSES]},
                          "legend": {"labelLimit": 200}},
                "tooltip": [{"field": "properties.name", "type": "nominal", "title": titles["name"]},
                            {"field": "share", "type": "quantitative", "title": titles["share"], "format": ".1%"}]},
        })
    return {"datasets": {SMALL_MAP_OUTLINES: outlines}, "hconcat": panels, "resolve": {"scale": {"color": "shared"}}}
