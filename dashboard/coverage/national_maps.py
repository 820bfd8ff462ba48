"""The national coverage map: provinces shaded by coverage at national zoom, and one province brought closer.

A plain function returning a folium map served offline (no tiles unless asked), tested by rendering it to HTML.
The layers come from ``geodata.national_layers`` (compact: codes, names, counts; simplified as a coverage): every
province shaded by the share of its villages covered by the chosen year; and, for the province the reader brings
closer, its amphoe shaded the same way from zoom ``AMPHOE_ZOOM``, its tambons from ``TAMBON_ZOOM`` and its
villages (covered or not yet; estimated points hollow and dashed as everywhere) from ``VILLAGE_ZOOM``. Leaflet
adds and removes those layers as the reader zooms, so the national zoom shows provinces only. Villages are never
drawn for more than one province: the whole country's 75,206 points would not fit the map's payload budget.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import folium
from branca.element import MacroElement, Template

from dashboard.common.formatting import format_number, format_share
from dashboard.common.maps import AMPHOE_LINE, LegendItem, legend, province_frame, village_style
from dashboard.common.offline import serve_locally
from dashboard.coverage.maps import ShowFromZoom, coverage_colour, coverage_legend_items
from dashboard.coverage.national_figures import NationalCoverage
from geodata import schema

#: Zoom levels from which the chosen province's amphoe, tambons and villages are drawn (the country fits at
#: about 5 to 6, a province at about 8 to 9).
AMPHOE_ZOOM = 7
TAMBON_ZOOM = 9
VILLAGE_ZOOM = 10
#: The whole country's extent, [[south, west], [north, east]] (a little wider than the provinces).
COUNTRY_BOUNDS = [[5.5, 97.2], [20.6, 105.8]]
COVERED_COLOUR = "#253494"
NOT_YET_COLOUR = "#ffffff"
_PANES = (("national_provinces", 405, True), ("national_amphoe", 410, True), ("national_tambon", 420, True),
          ("national_lines", 430, False), ("national_villages", 440, True))


@dataclass(frozen=True)
class NationalMapWords:
    """The map's texts in one language: tooltip headings, the legend's title, its six class labels (grey first),
    its note, and the village swatches (covered, not yet, estimated location)."""

    province: str
    amphoe: str
    tambon: str
    village: str
    share: str
    count: str
    legend_title: str
    classes: tuple[str, ...]
    legend_note: str
    covered: str
    not_yet: str
    estimated: str


@dataclass(frozen=True)
class FocusLayers:
    """One province's layers (``geodata.national_layers``): amphoe, tambons and village points, and its frame."""

    code: str
    amphoes: Mapping
    tambons: Mapping
    villages: Mapping
    bounds: Sequence[Sequence[float]]


def national_map(provinces: Mapping, coverage: NationalCoverage, words: NationalMapWords, lang: str, *,
                 focus: FocusLayers | None = None, online_tiles: bool = False, height: str = "100%"
                 ) -> folium.Map:
    """Provinces shaded by `coverage`; with `focus`, that province's amphoe, tambons and villages as the reader
    zooms in, and the map fitted to it."""
    suffix = "th" if lang == "th" else "en"
    fmap = province_frame(focus.bounds if focus else COUNTRY_BOUNDS, online_tiles=online_tiles, height=height,
                          prefer_canvas=True, min_zoom=5)
    for name, z_index, events in _PANES:
        folium.map.CustomPane(name, z_index=z_index, pointer_events=events).add_to(fmap)
    heading = [words.share, words.count]
    folium.GeoJson(
        _shaded(provinces, schema.PROVINCE, coverage.province_share, coverage.province_covered),
        name="provinces", pane="national_provinces", style_function=_coverage_style,
        tooltip=folium.GeoJsonTooltip([f"province_{suffix}", "share_text", "count_text"],
                                      aliases=[words.province, *heading])).add_to(fmap)
    if focus is not None:
        amphoes = folium.GeoJson(
            _shaded(focus.amphoes, schema.AMPHOE_CODE, coverage.amphoe_share, coverage.amphoe_covered),
            name="focus_amphoe", pane="national_amphoe", style_function=_coverage_style,
            tooltip=folium.GeoJsonTooltip([f"amphoe_{suffix}", "share_text", "count_text"],
                                          aliases=[words.amphoe, *heading]))
        tambons = folium.GeoJson(
            _shaded(focus.tambons, schema.TAMBON_CODE, coverage.tambon_share, coverage.tambon_covered),
            name="focus_tambon", pane="national_tambon", style_function=_coverage_style,
            tooltip=folium.GeoJsonTooltip([f"tambon_{suffix}", "share_text", "count_text"],
                                          aliases=[words.tambon, *heading]))
        borders = folium.GeoJson(focus.amphoes, name="focus_borders", pane="national_lines",
                                 style_function=lambda _: AMPHOE_LINE, interactive=False)
        villages = folium.GeoJson(
            _villages(focus.villages, coverage.covered_villages), name="focus_villages", pane="national_villages",
            marker=folium.CircleMarker(radius=4), style_function=_village_style,
            tooltip=folium.GeoJsonTooltip([f"village_{suffix}", schema.VILLAGE_CODE], aliases=[words.village, ""]))
        for layer, zoom in ((amphoes, AMPHOE_ZOOM), (tambons, TAMBON_ZOOM), (borders, AMPHOE_ZOOM),
                            (villages, VILLAGE_ZOOM)):
            layer.add_to(fmap)
            ShowFromZoom(layer, zoom).add_to(fmap)
    items = [*coverage_legend_items(words.classes), LegendItem(words.covered, COVERED_COLOUR),
             LegendItem(words.not_yet, "#9e9e9e"), LegendItem(words.estimated, "#7F7F7F", estimated=True)]
    legend(words.legend_title, items, words.legend_note).add_to(fmap)
    DrawnMark(focus.code if focus else "").add_to(fmap)
    return serve_locally(fmap)


class DrawnMark(MacroElement):
    """Once the map has painted its first frames, ``<body data-km-drawn="N" data-km-focus="CODE">`` says how many
    provinces it drew and which province it is fitted to ("" for none): what the browser test and
    ``bench/bench_national_map.py`` wait for (the canvas has no element per shape)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            map.whenReady(function() {
                requestAnimationFrame(function() { requestAnimationFrame(function() {
                    var drawn = 0;
                    map.eachLayer(function(layer) {
                        if (layer.feature && layer.feature.properties.province_th !== undefined) { drawn += 1; }
                    });
                    document.body.setAttribute("data-km-focus", {{ this.focus|tojson }});
                    document.body.setAttribute("data-km-drawn", String(drawn));
                }); });
            });
        })();
        {% endmacro %}
    """)

    def __init__(self, focus: str):
        super().__init__()
        self._name = "DrawnMark"
        self.focus = focus


def _shaded(collection: Mapping, code_property: str, shares: Mapping[str, float], covered: Mapping[str, int]
            ) -> dict:
    """A copy of a layer whose features carry their share and its text ("42.0 %", "1,234 / 2,938")."""
    out = copy.deepcopy(dict(collection))
    for feature in out["features"]:
        props = feature["properties"]
        code = str(props[code_property])
        share = float(shares.get(code, 0.0))
        props.update({"share": round(share, 4), "share_text": format_share(share) if code in shares else "",
                      "count_text": (f"{format_number(covered.get(code, 0))} / {format_number(props['n_muban'])}"
                                     if code in shares else "")})
    return out


def _villages(points: Mapping, covered: frozenset[str]) -> dict:
    out = copy.deepcopy(dict(points))
    for feature in out["features"]:
        feature["properties"]["covered"] = feature["properties"][schema.VILLAGE_CODE] in covered
    return out


def _coverage_style(feature: Mapping) -> dict:
    return {"color": "#666666", "weight": 0.6, "fillColor": coverage_colour(feature["properties"]["share"]),
            "fillOpacity": 0.85}


def _village_style(feature: Mapping) -> dict:
    props = feature["properties"]
    estimated = props.get(schema.LOCATION_QUALITY) == schema.ESTIMATED
    style = village_style(COVERED_COLOUR if props["covered"] else NOT_YET_COLOUR, estimated)
    style["radius"] = 4
    if not props["covered"]:
        style.update({"color": "#9e9e9e", "fillOpacity": 0.6})
    return style
