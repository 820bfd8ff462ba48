"""The planner's map: villages coloured by wave, the selection and pending changes highlighted, pilot tambons
outlined, and a drawing tool (rectangle, polygon) for selecting villages.

Plain functions returning folium objects, tested by rendering them to HTML. The base map (boundaries, drawing
tool, legend) changes only with the language, the waves or the tile switch; everything that changes with a click
(village colours, selection, pilot outlines) is one FeatureGroup, handed to streamlit-folium's
`feature_group_to_add` so the browser swaps that layer without rebuilding the map.

Speed matters on every click. folium.GeoJson serialises its data on every render (twice per streamlit-folium
call), so the big, unchanging GeoJSON (boundaries, village points) is serialised once, cached, and placed in the
page by small template elements (`PreparedGeoJson`, `VillageLayer`); a rerun serialises only what changed: each
village's wave, lock, reason and style index. Village features carry short property keys; tambon and amphoe
names, wave and reason texts are sent once, in the tooltip's lookup table.
"""

from __future__ import annotations

import html
import json
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import folium
import folium.plugins
import geopandas as gpd
from branca.element import MacroElement
from folium.template import Template

from dashboard.common.maps import (
    AMPHOE_LINE,
    SELECTED_COLOUR,
    TAMBON_LINE,
    LegendItem,
    legend,
    province_frame,
    village_style,
)
from dashboard.common.offline import serve_locally
from geodata import schema
from geodata.corrections import is_corrected
from geodata.messages import text
from geodata.palette import UNASSIGNED_COLOUR, wave_colours

PILOT_TAMBON_LINE = {"color": "#000000", "weight": 3, "dashArray": "6 4", "fill": True, "fillColor": "#000000",
                     "fillOpacity": 0.08}
#: Drawn shapes are outlines only: clicks go through them to the villages underneath.
DRAWN_SHAPE = {"color": "#FF00FF", "weight": 2, "fill": False, "interactive": False, "clickable": False}
VILLAGE_LAYER = "villages"

#: The village tooltip's row headings.
_HEADINGS = {"village": "plan.map.village", "code": "plan.map.code", "moo": "plan.map.moo",
             "tambon": "plan.map.tambon", "amphoe": "plan.map.amphoe", "wave": "plan.map.wave",
             "lock": "plan.map.lock", "reason": "plan.map.reason", "quality": "plan.map.quality"}
#: Why a village is in its wave (planning's reason codes, and "manual" for a wave set by hand and not locked).
_REASONS = {"pilot": "plan.map.reason_pilot", "locked": "plan.map.reason_locked",
            "balance": "plan.map.reason_balance", "spread": "plan.map.reason_spread",
            "manual": "plan.map.reason_manual"}
#: Location quality (geodata.schema.LOCATION_QUALITIES, and "corrected" by a planner).
_QUALITIES = {"high": "plan.map.quality_high", "medium": "plan.map.quality_medium", "low": "plan.map.quality_low",
              "estimated": "plan.map.quality_estimated", "corrected": "plan.map.quality_corrected"}


@dataclass(frozen=True)
class VillagePoints:
    """The unchanging part of the village layer for one data set: points, names and codes.

    `features` are GeoJSON features with short properties: `village_code`, `n` (Thai · English name), `m` (moo),
    `q` (location quality, or `corrected`); the tooltip reads the tambon and amphoe from the code's first 6 and 4
    digits (DOPA codes nest). `tambon_names`/`amphoe_names` give "Thai / English" for the tooltip's lookup
    table. `json` is the features serialised once, so a rerun only serialises what changed (waves, locks,
    styles).
    """

    features: tuple[dict, ...]
    estimated: frozenset[str]
    tambon_names: dict[str, str]
    amphoe_names: dict[str, str]
    json: str


def village_points(villages: gpd.GeoDataFrame, decimals: int = 5) -> VillagePoints:
    """Village features for drawing (build once per data set and cache)."""
    points = villages.geometry.to_crs(schema.GEOGRAPHIC_CRS)
    features = []
    estimated = set()
    for row, point in zip(villages.itertuples(index=False), points, strict=True):
        record = row._asdict()
        quality = record[schema.LOCATION_QUALITY]
        if quality == schema.ESTIMATED:
            estimated.add(record[schema.VILLAGE_CODE])
        if is_corrected(record[schema.LOCATION_SOURCE]):
            quality = "corrected"
        english = record[schema.VILLAGE_EN]
        name = record[schema.VILLAGE_TH] + (f" · {english}" if isinstance(english, str) and english else "")
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(point.x, decimals), round(point.y, decimals)]},
            "properties": {"village_code": record[schema.VILLAGE_CODE], "n": html.escape(name),
                           "m": int(record[schema.MOO]), "q": quality},
        })
    collection = {"type": "FeatureCollection", "features": features}
    return VillagePoints(tuple(features), frozenset(estimated),
                         _names(villages, schema.TAMBON_CODE, schema.TAMBON_TH, schema.TAMBON_EN),
                         _names(villages, schema.AMPHOE_CODE, schema.AMPHOE_TH, schema.AMPHOE_EN),
                         script_json(collection))


def script_json(value: object) -> str:
    """JSON safe to place inside a <script> element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def village_state(points: VillagePoints, assignment: Mapping[str, str], locked: Collection[str],
                  reasons: Mapping[str, str]) -> dict[str, list]:
    """Per village: [wave label or "", 1 if locked else 0, reason key]; "manual" for a wave set by hand."""
    state = {}
    for feature in points.features:
        code = feature["properties"]["village_code"]
        wave = assignment.get(code, "")
        state[code] = [wave, int(code in locked), reasons.get(code) or ("manual" if wave else "")]
    return state


def village_styles(points: VillagePoints, assignment: Mapping[str, str], colours: Mapping[str, str],
                   selection: Collection[str] = (), changed: Collection[str] = ()) -> dict[str, dict]:
    """Leaflet style of every village: fill by wave, hollow and dashed if estimated, magenta ring if selected,
    larger if changed (pending or moved by the optimiser)."""
    selection, changed = set(selection), set(changed)
    styles = {}
    for feature in points.features:
        code = feature["properties"]["village_code"]
        colour = colours.get(assignment.get(code, ""), UNASSIGNED_COLOUR)
        styles[code] = village_style(colour, code in points.estimated, selected=code in selection,
                                     changed=code in changed)
    return styles


def tooltip_texts(points: VillagePoints, lang: str, wave_names: Mapping[str, str]) -> dict:
    """The lookup table the village tooltip reads: headings, names of tambons/amphoes, waves, reasons."""
    return {
        "h": {key: text(message, lang) for key, message in _HEADINGS.items()},
        "t": points.tambon_names,
        "a": points.amphoe_names,
        "w": {"": text("plan.map.unassigned", lang), **wave_names},
        "k": [text("plan.map.unlocked", lang), text("plan.map.locked", lang)],
        "r": {"": "", **{key: text(message, lang) for key, message in _REASONS.items()}},
        "q": {key: text(message, lang) for key, message in _QUALITIES.items()},
    }


class VillageLayer(MacroElement):
    """All villages as one Leaflet GeoJSON layer of circle markers, drawn from pre-serialised points plus this
    run's state (wave, lock, reason, style per village) and a tooltip built from one lookup table.

    The tooltip returns a DOM element whose text carries the village code, which streamlit-folium reports back
    as `last_object_clicked_tooltip` when a village is clicked; the clicked feature itself (with its code)
    comes back as `last_active_drawing`.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function() {
            var styles = {{ this.styles_json }}, state = {{ this.state_json }}, T = {{ this.texts_json }};
            var layer = L.geoJson({{ this.points_json }}, {
                pointToLayer: function(feature, latlng) {
                    var s = state[feature.properties.village_code] || ["", 0, "", 0];
                    return L.circleMarker(latlng, styles[s[3]]);
                }
            });
            layer.bindTooltip(function(item) {
                var p = item.feature.properties, s = state[p.village_code] || ["", 0, "", 0], h = T.h;
                var tambon = p.village_code.slice(0, 6), amphoe = p.village_code.slice(0, 4);
                var rows = [[h.village, p.n], [h.code, p.village_code], [h.moo, p.m],
                            [h.tambon, T.t[tambon] || tambon], [h.amphoe, T.a[amphoe] || amphoe],
                            [h.wave, T.w[s[0]] || s[0]], [h.lock, T.k[s[1]]], [h.reason, T.r[s[2]] || s[2]],
                            [h.quality, T.q[p.q] || p.q]];
                var div = L.DomUtil.create('div');
                div.innerHTML = '<table>' + rows.map(function(r) {
                    return '<tr><th>' + r[0] + '</th><td>' + r[1] + '</td></tr>'; }).join('') + '</table>';
                return div;
            }, {sticky: false, className: "foliumtooltip"});
            return layer;
        })();
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, points_json: str, state: Mapping[str, Sequence], styles: Mapping[str, dict],
                 texts: Mapping):
        super().__init__()
        self._name = "VillageLayer"
        distinct: dict[str, int] = {}
        rows = {}
        for code, row in state.items():
            key = json.dumps(styles[code], sort_keys=True)
            rows[code] = [*row, distinct.setdefault(key, len(distinct))]
        self.points_json = points_json
        self.state_json = script_json(rows)
        self.styles_json = script_json([json.loads(key) for key in distinct])
        self.texts_json = script_json(dict(texts))


class PreparedGeoJson(MacroElement):
    """A GeoJSON layer from an already-serialised FeatureCollection (cache the string): one fixed style, and
    optionally a tooltip of some properties. Cheap to render on every rerun, unlike folium.GeoJson, which
    serialises its data each time."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.data_json }}, {
            style: function() { return {{ this.style_json }}; },
            interactive: {{ this.interactive_json }}
        });
        {%- if this.fields %}
        {{ this.get_name() }}.bindTooltip(function(item) {
            var p = item.feature.properties, fields = {{ this.fields_json }}, aliases = {{ this.aliases_json }};
            var div = L.DomUtil.create('div');
            div.innerHTML = '<table>' + fields.map(function(f, i) {
                return '<tr><th>' + aliases[i] + '</th><td>' + (p[f] === null ? '' : p[f]) + '</td></tr>';
            }).join('') + '</table>';
            return div;
        }, {sticky: true, className: "foliumtooltip"});
        {%- endif %}
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, data_json: str, *, style: Mapping, interactive: bool = True,
                 tooltip_fields: Sequence[str] = (), tooltip_aliases: Sequence[str] = ()):
        super().__init__()
        self._name = "PreparedGeoJson"
        self.data_json = data_json
        self.style_json = script_json(dict(style))
        self.interactive_json = "true" if interactive else "false"
        self.fields = list(tooltip_fields)
        self.fields_json = script_json(self.fields)
        self.aliases_json = script_json([html.escape(a) for a in tooltip_aliases])


def plan_layer(points: VillagePoints, state: Mapping[str, Sequence], styles: Mapping[str, dict], texts: Mapping,
               *, pilot_outlines_json: str | None = None) -> folium.FeatureGroup:
    """The FeatureGroup that changes with every edit: pilot tambon outlines (if any) under the village layer."""
    group = folium.FeatureGroup(name=VILLAGE_LAYER)
    if pilot_outlines_json:
        PreparedGeoJson(pilot_outlines_json, style=PILOT_TAMBON_LINE, interactive=False).add_to(group)
    VillageLayer(points.json, state, styles, texts).add_to(group)
    return group


def pilot_outlines(tambons: Mapping, pilot_tambons: Collection[str]) -> str | None:
    """The display GeoJSON of the pilot tambons only, serialised (None when there is none)."""
    wanted = set(pilot_tambons)
    features = [f for f in tambons["features"] if f["properties"][schema.TAMBON_CODE] in wanted]
    return script_json({"type": "FeatureCollection", "features": features}) if features else None


def plan_base_map(bounds: Sequence[Sequence[float]], tambons_json: str, amphoes_json: str, *,
                  labels: Mapping[str, str], legend_title: str, legend_items: Sequence[LegendItem],
                  legend_note: str, online_tiles: bool = False, lang: str = "th") -> folium.Map:
    """The offline base of the planner's map: tambon polygons (clickable, with name and code) under amphoe
    borders, the legend, and the drawing tool (rectangle and polygon only, its buttons and hints in `lang`),
    all served by the app.

    `tambons_json`/`amphoes_json` are display GeoJSON serialised once (see `script_json`); online tiles are an
    optional layer.
    """
    fmap = province_frame(bounds, online_tiles=online_tiles)
    PreparedGeoJson(tambons_json, style=TAMBON_LINE, tooltip_fields=(schema.TAMBON_TH, schema.TAMBON_EN,
                                                                     schema.TAMBON_CODE),
                    tooltip_aliases=(labels["tambon"], "", labels["code"])).add_to(fmap)
    PreparedGeoJson(amphoes_json, style=AMPHOE_LINE, interactive=False).add_to(fmap)
    DrawTexts(draw_texts(lang)).add_to(fmap)  # before the tool: it reads its words when it is built
    folium.plugins.Draw(
        export=False, position="topleft", show_geometry_on_click=False,
        draw_options={"polyline": False, "circle": False, "marker": False, "circlemarker": False,
                      "rectangle": {"shapeOptions": DRAWN_SHAPE}, "polygon": {"shapeOptions": DRAWN_SHAPE}},
        edit_options={"edit": False, "remove": True},
    ).add_to(fmap)
    legend(legend_title, legend_items, legend_note).add_to(fmap)
    return serve_locally(fmap)


def draw_texts(lang: str) -> dict:
    """The drawing tool's buttons, hints and actions in `lang`, shaped like Leaflet.draw's `L.drawLocal`."""
    def say(key: str) -> str:
        return text(key, lang)

    return {
        "draw": {
            "toolbar": {
                "actions": {"title": say("plan.draw.cancel_title"), "text": say("plan.draw.cancel")},
                "finish": {"title": say("plan.draw.finish_title"), "text": say("plan.draw.finish")},
                "undo": {"title": say("plan.draw.undo_title"), "text": say("plan.draw.undo")},
                "buttons": {"polygon": say("plan.draw.polygon"), "rectangle": say("plan.draw.rectangle")},
            },
            "handlers": {
                "polygon": {"tooltip": {"start": say("plan.draw.polygon_start"),
                                        "cont": say("plan.draw.polygon_continue"),
                                        "end": say("plan.draw.polygon_end")}},
                "polyline": {"error": say("plan.draw.crossing")},
                "rectangle": {"tooltip": {"start": say("plan.draw.rectangle_start")}},
                "simpleshape": {"tooltip": {"end": say("plan.draw.release")}},
            },
        },
        "edit": {
            "toolbar": {
                "actions": {"save": {"title": say("plan.draw.save_title"), "text": say("plan.draw.save")},
                            "cancel": {"title": say("plan.draw.cancel_title"), "text": say("plan.draw.cancel")},
                            "clearAll": {"title": say("plan.draw.clear_all"), "text": say("plan.draw.clear_all")}},
                "buttons": {"remove": say("plan.draw.remove"), "removeDisabled": say("plan.draw.remove_none")},
            },
            "handlers": {"remove": {"tooltip": {"text": say("plan.draw.remove_hint")}}},
        },
    }


class DrawTexts(MacroElement):
    """Sets Leaflet.draw's words (`L.drawLocal`, its documented way to translate it) for this map's tool."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            function merge(into, from) {
                for (var key in from) {
                    if (typeof from[key] === "object") { into[key] = into[key] || {}; merge(into[key], from[key]); }
                    else { into[key] = from[key]; }
                }
            }
            merge(L.drawLocal, {{ this.texts_json }});
        })();
        {% endmacro %}
    """)

    def __init__(self, texts: Mapping):
        super().__init__()
        self._name = "DrawTexts"
        self.texts_json = script_json(dict(texts))


def wave_display_names(labels: Sequence[str], pilot_label: str | None, lang: str) -> dict[str, str]:
    """How waves are written on the map: the B.E. year, the pilot wave marked as such."""
    return {label: text("plan.map.legend_pilot", lang, label=label) if label == pilot_label else label
            for label in labels}


def plan_legend_items(labels: Sequence[str], pilot_label: str | None, lang: str) -> list[LegendItem]:
    """Legend rows: each wave's colour and year, villages with no wave, and the selection ring."""
    colours = wave_colours(labels, pilot_label)
    names = wave_display_names(labels, pilot_label, lang)
    return [*(LegendItem(names[label], colours[label]) for label in labels),
            LegendItem(text("plan.map.legend_unassigned", lang), UNASSIGNED_COLOUR),
            LegendItem(text("plan.map.legend_selected", lang), SELECTED_COLOUR),
            LegendItem(text("plan.map.quality_estimated", lang), "#7F7F7F", estimated=True)]


def legend_texts(lang: str) -> tuple[str, str]:
    """The legend's title and its note (estimated points, pilot outlines, large dots)."""
    note = f"{text('plan.map.legend_note', lang)}; {text('plan.map.legend_changed', lang)}"
    return text("plan.map.legend_title", lang), note


def _names(villages: gpd.GeoDataFrame, code: str, thai: str, english: str) -> dict[str, str]:
    frame = villages[[code, thai, english]].drop_duplicates(code)
    return {c: html.escape(f"{th} / {en}" if isinstance(en, str) and en else th)
            for c, th, en in frame.itertuples(index=False)}
