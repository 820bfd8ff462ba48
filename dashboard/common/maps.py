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


#: Legend swatches: a filled dot, a ring around a dot (a locked village), a tambon's outline, a dashed outline.
SWATCHES = ("dot", "ring", "outline", "dashed")


@dataclass(frozen=True)
class LegendItem:
    """One row of a map legend: a swatch colour and its label; `estimated` draws the hollow dashed dot; `swatch`
    is one of SWATCHES; `large` draws a larger dot (a changed village)."""

    label: str
    colour: str
    estimated: bool = False
    swatch: str = "dot"
    large: bool = False


def province_frame(bounds: Sequence[Sequence[float]], *, online_tiles: bool = False, height: str = "100%",
                   prefer_canvas: bool = False, zoom_control: bool | str = True, min_zoom: int = 7) -> folium.Map:
    """An empty map fitted to `bounds` ([[south, west], [north, east]]); OpenStreetMap tiles only if asked.

    `prefer_canvas` draws every vector layer on one canvas (much faster for many points than one SVG element
    each); `zoom_control` may name the corner of the zoom buttons ("topright"); `min_zoom` is how far out the
    reader may zoom (7 shows a province and its neighbours, 5 the whole country)."""
    fmap = folium.Map(tiles=None, control_scale=False, prefer_canvas=prefer_canvas, height=height,
                      zoom_snap=0.25, min_zoom=min_zoom, max_zoom=17, zoom_control=zoom_control)
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


def legend(title: str, items: Sequence[LegendItem], note: str | None = None, *, corner: str = "topright"
           ) -> MacroElement:
    """A legend box in a corner of the map (plain HTML; no CDN-loaded colormap) that folds to its title.

    It starts open; on a map narrower than FOLD_BELOW_PX or than twice its width (a phone, a small map) it
    starts folded, so it never covers the map there. `corner` is "topright" or "topleft"."""
    rows = [f'<div>{_swatch(item)}{html.escape(item.label)}</div>' for item in items]
    note_html = f'<div style="margin-top:4px;color:#555;max-width:220px">{html.escape(note)}</div>' if note else ""
    side = "left" if corner == "topleft" else "right"
    body = (f'<details class="km-legend" open style="position:absolute;top:10px;{side}:10px;z-index:1000;'
            f'background:rgba(255,255,255,.92);padding:5px 8px;border-radius:4px;font:12px sans-serif;'
            f'box-shadow:0 1px 4px rgba(0,0,0,.3);max-width:240px"><summary style="cursor:pointer;font-weight:bold">'
            f'{html.escape(title)}</summary>{"".join(rows)}{note_html}</details>')
    element = MacroElement()
    element._template = Template("{% macro html(this, kwargs) %}" + body + "{% endmacro %}"
                                 "{% macro script(this, kwargs) %}" + _FOLD_ON_SMALL_MAPS + "{% endmacro %}")
    return element


#: Maps narrower than this (in CSS pixels: a phone held upright) start with the legend folded.
FOLD_BELOW_PX = 450
#: Folds the legend on a map too narrow for it (runs with the map's script, after the legend is in the page).
_FOLD_ON_SMALL_MAPS = f"""
    (function () {{
        var legend = document.querySelector(".km-legend");
        var width = legend ? legend.parentElement.offsetWidth : 0;
        if (legend && (width < {FOLD_BELOW_PX} || width < 2 * legend.offsetWidth)) {{ legend.open = false; }}
    }})();
"""


def _swatch(item: LegendItem) -> str:
    """The swatch of one legend row: a dot (hollow and dashed if estimated, larger if `large`), a ring, an
    outline or a dashed outline."""
    size = 15 if item.large else 11
    common = f"display:inline-block;vertical-align:middle;margin-right:6px;width:{size}px;height:{size}px;"
    if item.swatch == "ring":
        return (f'<span style="{common}border-radius:50%;border:2px solid {item.colour};background:#9E9E9E;'
                f'box-shadow:inset 0 0 0 2px #fff"></span>')
    if item.swatch in ("outline", "dashed"):
        line = "dashed" if item.swatch == "dashed" else "solid"
        return f'<span style="{common}border:2px {line} {item.colour};background:#f4f1ea"></span>'
    border = "2px dashed" if item.estimated else "1px solid"
    fill = f"{item.colour}33" if item.estimated else item.colour
    return f'<span style="{common}border-radius:50%;background:{fill};border:{border} {item.colour}"></span>'
