"""The planner's map: villages coloured by wave, locked villages ringed and fully locked tambons outlined, the
selection and pending changes highlighted, pilot tambons outlined, names of places as the planner zooms in, and a
drawing tool (rectangle, polygon) for selecting villages.

Plain functions returning folium objects, tested by rendering them to HTML; the drawing itself is
`dashboard/static/plan_map.js` (`kmPlan.init` once per map, `kmPlan.show` on every rerun). The base map (the
boundaries, the villages' fixed data, the legend, the drawing tool) changes only with the data set, the language,
the waves or the tile switch; everything that changes with a click (each village's wave, lock, reason and style,
the outlines, a view to fit) is one FeatureGroup, handed to streamlit-folium's `feature_group_to_add` so the
browser swaps it in without rebuilding the map.

Speed and size, measured by bench/bench_map.py:
- Leaflet draws every shape on one canvas (`prefer_canvas`), not one SVG element per village;
- the boundaries go as TopoJSON (each shared border once; the amphoe borders are drawn from the same arcs), the
  villages as a few flat arrays (codes, points in 1e-5 degrees, names), built once per data set and language;
- a rerun sends each village's state as small numbers (wave, lock, reason, style index);
- tooltips are built in the browser when shown, from those arrays and one table of words;
- the big prepared scripts are placed in the page as they are (`_PreparedScript`): folium would otherwise compile
  each element's rendered script as a Jinja template, a third of a second a rerun.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import folium
import folium.plugins
import geopandas as gpd
from branca.element import CssLink, Element, JavascriptLink, MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from dashboard.common.maps import (
    AMPHOE_LINE,
    FOLD_BELOW_PX,
    SELECTED_COLOUR,
    TAMBON_LINE,
    LegendItem,
    legend,
    province_frame,
    village_style,
)
from dashboard.common.offline import app_asset, serve_locally
from geodata import schema
from geodata.corrections import is_corrected
from geodata.display import display_topology, label_points
from geodata.messages import text
from geodata.palette import UNASSIGNED_COLOUR, wave_colours

#: Outline of a pilot tambon (dashed black, faintly filled) and of a tambon whose every village is locked.
PILOT_TAMBON_LINE = {"color": "#000000", "weight": 3, "dashArray": "6 4", "fill": True, "fillColor": "#000000",
                     "fillOpacity": 0.08}
LOCK_COLOUR = "#3B1F6E"
LOCKED_TAMBON_LINE = {"color": LOCK_COLOUR, "weight": 3, "fill": False}
#: The ring around a locked village: `gap` pixels outside the village's dot, in a colour no wave uses.
LOCK_RING = {"color": LOCK_COLOUR, "weight": 2, "fill": False, "opacity": 1, "gap": 3}
#: Drawn shapes are outlines only: clicks go through them to the villages underneath.
DRAWN_SHAPE = {"color": "#FF00FF", "weight": 2, "fill": False, "interactive": False, "clickable": False}
VILLAGE_LAYER = "villages"
#: Village points are sent as whole numbers of 1e-5 degrees (about a metre) from the province's corner.
POINT_SCALE = 100_000
#: Zoom levels from which amphoe and tambon names are written on the map (the province fits at about 8.5).
NAME_ZOOM = {"amphoe": 9.5, "tambon": 11}
#: Zoom when the map is fitted to one village (a search result).
VILLAGE_ZOOM = 14
TAMBON_TOLERANCE_M = 150.0

#: The village tooltip's row headings.
_HEADINGS = {"village": "plan.map.village", "code": "plan.map.code", "moo": "plan.map.moo",
             "tambon": "plan.map.tambon", "amphoe": "plan.map.amphoe", "wave": "plan.map.wave",
             "lock": "plan.map.lock", "reason": "plan.map.reason", "quality": "plan.map.quality",
             "unassigned": "plan.map.unassigned", "locked": "plan.map.locked", "unlocked": "plan.map.unlocked"}
#: Why a village is in its wave (planning's reason codes, and "manual" for a wave set by hand and not locked).
_REASONS = {"pilot": "plan.map.reason_pilot", "locked": "plan.map.reason_locked",
            "balance": "plan.map.reason_balance", "spread": "plan.map.reason_spread",
            "manual": "plan.map.reason_manual"}
REASON_CODES = ("", *_REASONS)
#: Location quality (geodata.schema.LOCATION_QUALITIES, and "corrected" by a planner), one letter each.
_QUALITIES = {"high": ("h", "plan.map.quality_high"), "medium": ("m", "plan.map.quality_medium"),
              "low": ("l", "plan.map.quality_low"), "estimated": ("e", "plan.map.quality_estimated"),
              "corrected": ("c", "plan.map.quality_corrected")}


@dataclass(frozen=True)
class VillagePoints:
    """The unchanging part of the village layer for one data set, in the data set's village order.

    `lat`/`lon` are degrees (for fitting the map), `quality` one letter per village (h, m, l, e, c for a
    planner's correction); `index` gives a code's position.
    """

    codes: tuple[str, ...]
    lat: tuple[float, ...]
    lon: tuple[float, ...]
    names_th: tuple[str, ...]
    names_en: tuple[str, ...]
    moo: tuple[int, ...]
    quality: str
    estimated: frozenset[str]
    index: Mapping[str, int]

    def bounds(self, codes: Collection[str]) -> list[list[float]] | None:
        """[[south, west], [north, east]] of the villages `codes` (None when none is known)."""
        positions = [self.index[c] for c in codes if c in self.index]
        if not positions:
            return None
        lats, lons = [self.lat[i] for i in positions], [self.lon[i] for i in positions]
        return [[min(lats), min(lons)], [max(lats), max(lons)]]


def village_points(villages: gpd.GeoDataFrame) -> VillagePoints:
    """Village points and names for drawing (build once per data set and cache)."""
    points = villages.geometry.to_crs(schema.GEOGRAPHIC_CRS)
    codes = tuple(villages[schema.VILLAGE_CODE])
    quality = []
    for level, source in zip(villages[schema.LOCATION_QUALITY], villages[schema.LOCATION_SOURCE], strict=True):
        quality.append(_QUALITIES["corrected" if is_corrected(source) else level][0])
    english = [name if isinstance(name, str) else "" for name in villages[schema.VILLAGE_EN]]
    return VillagePoints(
        codes, tuple(float(p.y) for p in points), tuple(float(p.x) for p in points),
        tuple(villages[schema.VILLAGE_TH]), tuple(english), tuple(int(m) for m in villages[schema.MOO]),
        "".join(quality),
        frozenset(villages.loc[villages[schema.LOCATION_QUALITY] == schema.ESTIMATED, schema.VILLAGE_CODE]),
        {code: i for i, code in enumerate(codes)})


def script_json(value: object) -> str:
    """JSON safe to place inside a <script> element."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def map_data(points: VillagePoints, tambons: gpd.GeoDataFrame, amphoes: gpd.GeoDataFrame,
             bounds: Sequence[Sequence[float]], lang: str, *, topology: Mapping | None = None) -> dict:
    """What `kmPlan.init` draws: the tambons as TopoJSON, names of places, the villages' fixed data, the words of
    the tooltips. `topology` may be passed in when already built (it depends on the data set only)."""
    if topology is None:
        topology = tambon_topology(tambons)
    return {
        "topo": topology, "object": "t", "bounds": [list(corner) for corner in bounds],
        "tambonNames": _place_names(tambons, schema.TAMBON_CODE, schema.TAMBON_TH, schema.TAMBON_EN, lang),
        "tambonPoints": label_points(tambons, [schema.TAMBON_CODE]),
        "amphoeNames": _place_names(amphoes, schema.AMPHOE_CODE, schema.AMPHOE_TH, schema.AMPHOE_EN, lang),
        "amphoePoints": label_points(amphoes, [schema.AMPHOE_CODE]),
        "villages": _village_arrays(points, lang),
        "words": {**{key: text(message, lang) for key, message in _HEADINGS.items()},
                  "reasons": {code: text(message, lang) for code, message in _REASONS.items()},
                  "qualities": {letter: text(message, lang) for letter, message in _QUALITIES.values()}},
        "styles": {"tambon": TAMBON_LINE, "amphoe": AMPHOE_LINE},
        "nameZoom": NAME_ZOOM, "foldLegendBelow": FOLD_BELOW_PX,
    }


def tambon_topology(tambons: gpd.GeoDataFrame) -> dict:
    """The tambons simplified for display as TopoJSON (object "t", property `tambon_code`)."""
    return display_topology(tambons, {schema.TAMBON_CODE: "tambon_code"}, object_name="t",
                            tolerance_m=TAMBON_TOLERANCE_M)


def plan_state(points: VillagePoints, assignment: Mapping[str, str], locked: Collection[str],
               reasons: Mapping[str, str], *, labels: Sequence[str], pilot_label: str | None,
               pilot_tambons: Collection[str], lang: str, selection: Collection[str] = (),
               changed: Collection[str] = (), fit: Mapping | None = None) -> dict:
    """What `kmPlan.show` draws on this run: per village (in the points' order) its wave, lock, reason and style
    index; the distinct styles; the pilot and fully locked tambons; the view to fit, if the planner asked.

    A village with a wave and no reason was set by hand and not locked ("manual").
    """
    waves = ["", *labels]
    wave_index = {label: i for i, label in enumerate(waves)}
    reason_index = {code: i for i, code in enumerate(REASON_CODES)}
    keys = _style_keys(points, assignment, wave_colours(labels, pilot_label), selection, changed)
    distinct: dict[tuple, int] = {}
    style = [distinct.setdefault(key, len(distinct)) for key in keys]
    wave, lock, reason = [], [], []
    locked = set(locked)
    for code in points.codes:
        label = assignment.get(code, "")
        wave.append(wave_index.get(label, 0))
        lock.append(int(code in locked))
        reason.append(reason_index.get(reasons.get(code) or ("manual" if label else ""), 0))
    return {
        "waves": waves, "waveNames": wave_display_names(labels, pilot_label, lang),
        "wave": wave, "locked": lock, "reasons": list(REASON_CODES), "reason": reason, "style": style,
        "styles": {"village": [_style(key) for key in distinct], "lockRing": LOCK_RING,
                   "pilotTambon": PILOT_TAMBON_LINE, "lockedTambon": LOCKED_TAMBON_LINE},
        "pilotTambons": sorted(pilot_tambons),
        "lockedTambons": locked_tambons(points.codes, locked, pilot_tambons),
        "fit": dict(fit) if fit else None,
    }


def locked_tambons(codes: Sequence[str], locked: Collection[str], pilot_tambons: Collection[str] = ()
                   ) -> list[str]:
    """Tambons whose every village is locked (pilot tambons left out: they have their own outline). A village's
    tambon is the first 6 digits of its code (DOPA codes nest)."""
    members: dict[str, list[str]] = {}
    for code in codes:
        members.setdefault(code[:6], []).append(code)
    locked, pilots = set(locked), set(pilot_tambons)
    return sorted(t for t, villages in members.items() if t not in pilots and all(v in locked for v in villages))


def village_styles(points: VillagePoints, assignment: Mapping[str, str], colours: Mapping[str, str],
                   selection: Collection[str] = (), changed: Collection[str] = ()) -> dict[str, dict]:
    """Leaflet style of every village: fill by wave, hollow and dashed if estimated, magenta ring if selected,
    larger if changed (pending or moved by the optimiser)."""
    keys = _style_keys(points, assignment, colours, selection, changed)
    made: dict[tuple, dict] = {}
    return {code: made.setdefault(key, _style(key)) for code, key in zip(points.codes, keys, strict=True)}


def _style_keys(points: VillagePoints, assignment: Mapping[str, str], colours: Mapping[str, str],
                selection: Collection[str], changed: Collection[str]) -> list[tuple[str, bool, bool, bool]]:
    """What a village's style depends on, per village: (fill colour, estimated, selected, changed)."""
    selection, changed = set(selection), set(changed)
    return [(colours.get(assignment.get(code, ""), UNASSIGNED_COLOUR), code in points.estimated, code in selection,
             code in changed) for code in points.codes]


def _style(key: tuple[str, bool, bool, bool]) -> dict:
    colour, estimated, selected, changed = key
    return village_style(colour, estimated, selected=selected, changed=changed)


def fit_request(bounds: Sequence[Sequence[float]] | None, *, max_zoom: int = VILLAGE_ZOOM) -> dict | None:
    """A view for the map to fit once (`kmPlan.show` fits each request once, told apart by its token)."""
    if bounds is None:
        return None
    token = hashlib.sha1(json.dumps([bounds, max_zoom]).encode()).hexdigest()[:10]
    return {"bounds": [list(corner) for corner in bounds], "maxZoom": max_zoom, "token": token}


class _Verbatim(Element):
    """Text placed in the page as it is (branca compiles an element's text as a Jinja template otherwise)."""

    def __init__(self, content: str):
        super().__init__()
        self.content = content

    def render(self, **kwargs) -> str:
        return self.content


class _PreparedScript(JSCSSMixin):
    """A map element whose script carries large, ready-made JSON, placed in the page as it is.

    folium's MacroElement compiles every element's rendered script as a Jinja template before adding it to the
    page; for hundreds of kB of JSON that costs about a third of a second on each rerun. streamlit-folium reads
    the script macro itself; this keeps the page's copy cheap too."""

    def render(self, **kwargs) -> None:
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        script = self._template.module.__dict__["script"]
        figure.script.add_child(_Verbatim(script(self, kwargs)), name=self.get_name())


class PlanMapData(_PreparedScript):
    """Loads the map's script (plan_map.js, topojson-client, their style) and calls `kmPlan.init` with the
    boundaries, names and villages (`data_json`, prepared once per data set and language)."""

    default_js = [("topojson_client", "topojson-client/topojson-client.min.js"), app_asset("plan_map.js")]
    default_css = [app_asset("plan_map.css")]
    _template = Template("""
        {% macro script(this, kwargs) %}
        kmPlan.init({{ this._parent.get_name() }}, {{ this.data_json }});
        {% endmacro %}
    """)

    def __init__(self, data_json: str):
        super().__init__()
        self._name = "PlanMapData"
        self.data_json = data_json


class PlanState(_PreparedScript):
    """This run's villages and outlines (`kmPlan.show`), in the FeatureGroup streamlit-folium swaps in.

    streamlit-folium runs this script inside its own code, where its `updateComponentValue` (report the map's
    state now) can be seen: it is handed over so a click is reported at once rather than after the component's
    250 ms pause (meant for map moves)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        kmPlan.show({{ this._parent.get_name() }}, {{ this.state_json }},
                     typeof updateComponentValue === "function" ? updateComponentValue : null);
        {% endmacro %}
    """)

    def __init__(self, state: Mapping):
        super().__init__()
        self._name = "PlanState"
        self.state_json = script_json(dict(state))


def plan_layer(state: Mapping) -> folium.FeatureGroup:
    """The FeatureGroup that changes with every edit: outlines, villages, lock rings (see `plan_state`)."""
    group = folium.FeatureGroup(name=VILLAGE_LAYER)
    PlanState(state).add_to(group)
    return group


def plan_base_map(bounds: Sequence[Sequence[float]], data_json: str, *, legend_title: str,
                  legend_items: Sequence[LegendItem], online_tiles: bool = False, lang: str = "th") -> folium.Map:
    """The offline base of the planner's map, drawn on one canvas: tambons (clickable, with name and code) under
    the amphoe borders, names of places as the planner zooms in, the legend (upper left, beside the province; it
    folds on a narrow map), the zoom buttons and the drawing tool (rectangle and polygon only, its words in
    `lang`) upper right, all served by the app. `data_json` is `map_data` serialised (see `script_json`); online
    tiles are an optional layer."""
    fmap = province_frame(bounds, online_tiles=online_tiles, prefer_canvas=True, zoom_control="topright")
    PlanMapData(data_json).add_to(fmap)
    DrawTexts(draw_texts(lang)).add_to(fmap)  # before the tool: it reads its words when it is built
    folium.plugins.Draw(
        export=False, position="topright", show_geometry_on_click=False,
        draw_options={"polyline": False, "circle": False, "marker": False, "circlemarker": False,
                      "rectangle": {"shapeOptions": DRAWN_SHAPE}, "polygon": {"shapeOptions": DRAWN_SHAPE}},
        edit_options={"edit": False, "remove": True},
    ).add_to(fmap)
    legend(legend_title, legend_items, corner="topleft").add_to(fmap)
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
    """Legend rows: each wave's colour and year, villages with no wave, the selection ring, the lock ring, a fully
    locked tambon, a pilot tambon, an estimated location and a changed village."""
    colours = wave_colours(labels, pilot_label)
    names = wave_display_names(labels, pilot_label, lang)
    return [*(LegendItem(names[label], colours[label]) for label in labels),
            LegendItem(text("plan.map.legend_unassigned", lang), UNASSIGNED_COLOUR),
            LegendItem(text("plan.map.legend_selected", lang), SELECTED_COLOUR, swatch="ring"),
            LegendItem(text("plan.map.legend_locked", lang), LOCK_COLOUR, swatch="ring"),
            LegendItem(text("plan.map.legend_locked_tambon", lang), LOCK_COLOUR, swatch="outline"),
            LegendItem(text("plan.map.legend_pilot_tambon", lang), "#000000", swatch="dashed"),
            LegendItem(text("plan.map.quality_estimated", lang), "#7F7F7F", estimated=True),
            LegendItem(text("plan.map.legend_changed", lang), "#7F7F7F", large=True)]


def legend_title(lang: str) -> str:
    return text("plan.map.legend_title", lang)


def _village_arrays(points: VillagePoints, lang: str) -> dict:
    """The villages' fixed data as flat arrays: codes as numbers, points in POINT_SCALE steps from the province's
    corner, names in `lang` with the beginning they all share (บ้าน, "village") sent once as `namePrefix`, and the
    moo numbers only when they are not the code's last two digits (DOPA codes end with the moo)."""
    south, west = min(points.lat), min(points.lon)
    origin = [round(south, 3) - 0.001, round(west, 3) - 0.001]
    names = points.names_th if lang == "th" else tuple(
        f"{th} · {en}" if en else th for th, en in zip(points.names_th, points.names_en, strict=True))
    prefix = os.path.commonprefix(list(names)) if len(names) > 1 else ""
    return {"codes": [int(code) if code.isdigit() else code for code in points.codes],
            "origin": origin, "scale": POINT_SCALE,
            "lat": [round((lat - origin[0]) * POINT_SCALE) for lat in points.lat],
            "lon": [round((lon - origin[1]) * POINT_SCALE) for lon in points.lon],
            "namePrefix": html.escape(prefix), "names": [html.escape(name[len(prefix):]) for name in names],
            "moo": None if all(code[-2:].isdigit() and int(code[-2:]) == moo
                               for code, moo in zip(points.codes, points.moo, strict=True)) else list(points.moo),
            "quality": points.quality}


def _place_names(frame: gpd.GeoDataFrame, code: str, thai: str, english: str, lang: str) -> dict[str, str]:
    """Code -> name in `lang` (English as "English · Thai", so both can be matched with a paper list)."""
    names = {}
    for c, th, en in frame[[code, thai, english]].drop_duplicates(code).itertuples(index=False):
        names[c] = html.escape(th if lang == "th" or not isinstance(en, str) or not en else f"{en} · {th}")
    return names
