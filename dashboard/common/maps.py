"""Map builders: plain functions that return folium objects, tested by rendering them to HTML.

The base map carries the boundaries (amphoe over tambon) and is the basemap when no tile server answers; online
tiles are an optional layer. Villages are one `folium.GeoJson` layer of points (one folium object, not one per
village: far cheaper to send and to redraw), styled from properties precomputed in Python. Estimated locations
are drawn hollow with a dashed outline wherever villages are drawn.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import folium
from branca.element import MacroElement, Template

from dashboard.common.offline import serve_locally

#: Okabe-Ito colours (colour-blind safe) for the location quality of a village point.
QUALITY_COLOURS = {"high": "#0072B2", "medium": "#009E73", "low": "#E69F00", "estimated": "#7F7F7F"}
AMPHOE_LINE = {"color": "#333333", "weight": 2.2, "fill": False}
TAMBON_LINE = {"color": "#8c8c8c", "weight": 0.8, "fillColor": "#f4f1ea", "fillOpacity": 0.55}
VILLAGE_RADIUS = 5
#: Ring of a selected village (a colour no wave uses), and how much larger a changed village is drawn.
SELECTED_COLOUR = "#FF00FF"
CHANGED_RADIUS = 3
#: Style keys a village feature may carry in its properties (set by `style_villages`).
STYLE_PROPERTY = "_style"


@dataclass(frozen=True)
class LegendItem:
    """One row of a map legend: a swatch colour and its label; `estimated` draws the hollow dashed swatch."""

    label: str
    colour: str
    estimated: bool = False


def province_frame(bounds: Sequence[Sequence[float]], *, online_tiles: bool = False, height: str = "100%"
                   ) -> folium.Map:
    """An empty map fitted to `bounds` ([[south, west], [north, east]]); OpenStreetMap tiles only if asked."""
    fmap = folium.Map(tiles=None, control_scale=False, prefer_canvas=False, height=height,
                      zoom_snap=0.25, min_zoom=7, max_zoom=17)
    MetricScale().add_to(fmap)
    fmap.fit_bounds(bounds)
    if online_tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", overlay=False, control=True,
                         attr="© OpenStreetMap contributors").add_to(fmap)
    return fmap


def base_map(bounds: Sequence[Sequence[float]], tambons: Mapping, amphoes: Mapping, *, labels: Mapping[str, str],
             online_tiles: bool = False, height: str = "100%") -> folium.Map:
    """An offline map of the province: tambon polygons as the basemap, amphoe borders on top.

    `bounds` is [[south, west], [north, east]]; `tambons`/`amphoes` are display GeoJSON (see
    geodata.display.display_geojson) with *_th/*_en name properties; `labels` gives the tooltip headings.
    """
    fmap = province_frame(bounds, online_tiles=online_tiles, height=height)
    folium.GeoJson(
        tambons, name=labels["tambon"], style_function=lambda _: TAMBON_LINE, highlight_function=None,
        tooltip=folium.GeoJsonTooltip(["tambon_th", "tambon_en", "tambon_code"],
                                      aliases=[labels["tambon"], "", labels["code"]]),
    ).add_to(fmap)
    folium.GeoJson(amphoes, name=labels["amphoe"], style_function=lambda _: AMPHOE_LINE,
                   interactive=False).add_to(fmap)
    return serve_locally(fmap)


class MetricScale(MacroElement):
    """Leaflet's scale bar in kilometres only (folium's also draws miles, which Thai readers do not use)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "MetricScale"


def village_style(colour: str, estimated: bool, *, selected: bool = False, changed: bool = False) -> dict:
    """Leaflet path options for one village point, the same on every map: filled for a located point, hollow and
    dashed if estimated; a magenta ring if selected; larger with a black outline if changed (pending or moved by
    the optimiser)."""
    style = {
        "radius": VILLAGE_RADIUS + (CHANGED_RADIUS if changed else 0) + (1 if selected else 0),
        "color": SELECTED_COLOUR if selected else ("#000000" if changed else colour),
        "weight": 3 if selected else (2 if changed or estimated else 1),
        "fillColor": colour,
        "fill": True,
        "fillOpacity": 0.2 if estimated else 0.85,
        "opacity": 1,
    }
    if estimated:
        style["dashArray"] = "3 2"
    return style


def village_layer(features: Mapping, *, name: str, tooltip_fields: Sequence[str], tooltip_aliases: Sequence[str]
                  ) -> folium.FeatureGroup:
    """One feature group holding all village points; each feature's `_style` property gives its look."""
    group = folium.FeatureGroup(name=name)
    folium.GeoJson(
        features,
        name=name,
        marker=folium.CircleMarker(radius=VILLAGE_RADIUS),
        style_function=lambda feature: feature["properties"][STYLE_PROPERTY],
        tooltip=folium.GeoJsonTooltip(list(tooltip_fields), aliases=list(tooltip_aliases), sticky=False),
    ).add_to(group)
    return group


def legend(title: str, items: Sequence[LegendItem], note: str | None = None) -> MacroElement:
    """A legend box in the map's upper-right corner (plain HTML; no CDN-loaded colormap)."""
    rows = []
    for item in items:
        border = "2px dashed" if item.estimated else "1px solid"
        fill = f"{item.colour}33" if item.estimated else item.colour
        rows.append(
            f'<div><span style="display:inline-block;width:11px;height:11px;border-radius:50%;'
            f'background:{fill};border:{border} {item.colour};margin-right:6px"></span>'
            f"{html.escape(item.label)}</div>")
    note_html = f'<div style="margin-top:4px;color:#555;max-width:220px">{html.escape(note)}</div>' if note else ""
    body = (f'<div class="km-legend" style="position:absolute;top:10px;right:10px;z-index:1000;'
            f'background:rgba(255,255,255,.92);padding:6px 9px;border-radius:4px;font:12px sans-serif;'
            f'box-shadow:0 1px 4px rgba(0,0,0,.3)"><b>{html.escape(title)}</b>{"".join(rows)}{note_html}</div>')
    element = MacroElement()
    element._template = Template("{% macro html(this, kwargs) %}" + body + "{% endmacro %}")
    return element
