"""Map builders of the Coverage page: districts shaded by cumulative coverage, and villages coloured by step.

Plain functions returning folium maps served offline (dashboard.common.offline), tested by rendering them to HTML.

The coverage map stacks three panes: amphoe polygons shaded by the share of their villages covered by the chosen
year; tambon polygons shaded the same way, shown only from zoom level `TAMBON_ZOOM` (Leaflet adds and removes the
layer as the reader zooms); and on top the amphoe borders and the pilot tambons' thick dashed outline. Colours
come from a sequential, colour-blind-safe ColorBrewer scale (YlGnBu) in five classes plus grey for none.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence

import folium
from branca.element import MacroElement, Template

from dashboard.common.maps import AMPHOE_LINE, STYLE_PROPERTY, LegendItem, legend, province_frame, village_style
from dashboard.common.offline import serve_locally

#: Coverage classes: (lowest share in the class, colour). Grey = nothing covered; darkest = all covered.
COVERAGE_CLASSES: tuple[tuple[float, str], ...] = (
    (0.0, "#e0e0e0"), (1e-9, "#ffffcc"), (0.25, "#a1dab4"), (0.5, "#41b6c4"), (0.75, "#2c7fb8"), (1.0, "#253494"))
#: Step colours: grey for no report yet, then a sequential scale (YlGnBu) from step 1 to step 6.
STEP_COLOURS: dict[int, str] = {0: "#bdbdbd", 1: "#c7e9b4", 2: "#7fcdbb", 3: "#41b6c4", 4: "#1d91c0",
                                5: "#225ea8", 6: "#0c2c84"}
#: Villages whose wave has not started yet.
NOT_STARTED_COLOUR = "#ffffff"
PILOT_LINE = {"color": "#000000", "weight": 3.5, "dashArray": "7 5", "fill": False}
#: Zoom level from which tambons are drawn over the districts (the province fits at about 9).
TAMBON_ZOOM = 10
_PANES = (("coverage_amphoe", 410, True), ("coverage_tambon", 420, True), ("coverage_lines", 430, False))


def coverage_class(share: float) -> int:
    """The index in COVERAGE_CLASSES of a share in [0, 1] (0 = nothing covered, 5 = all)."""
    return max(i for i, (lowest, _) in enumerate(COVERAGE_CLASSES) if share >= lowest or i == 0)


def coverage_colour(share: float) -> str:
    """The class colour of a share in [0, 1]."""
    return COVERAGE_CLASSES[coverage_class(share)][1]


def coverage_legend_items(labels: Sequence[str]) -> list[LegendItem]:
    """Legend rows for the coverage classes; `labels` names them (6 labels, grey class first)."""
    return [LegendItem(label, colour) for label, (_, colour) in zip(labels, COVERAGE_CLASSES, strict=True)]


def shaded(collection: Mapping, code_property: str, shares: Mapping[str, float],
           extra: Mapping[str, Mapping[str, object]] | None = None) -> dict:
    """A copy of a display GeoJSON whose features carry `share`, their extra properties and a fill style."""
    out = copy.deepcopy(dict(collection))
    for feature in out["features"]:
        code = feature["properties"][code_property]
        share = float(shares.get(code, 0.0))
        feature["properties"].update({"share": share, **(extra or {}).get(code, {})})
        feature["properties"][STYLE_PROPERTY] = {"color": "#666666", "weight": 0.6, "fillColor": coverage_colour(share),
                                                 "fillOpacity": 0.85}
    return out


def coverage_map(bounds: Sequence[Sequence[float]], amphoes: Mapping, tambons: Mapping, *,
                 pilot_tambons: Mapping, tooltips: Mapping[str, tuple[Sequence[str], Sequence[str]]],
                 legend_title: str, legend_items: Sequence[LegendItem], legend_note: str | None = None,
                 online_tiles: bool = False, height: str = "100%") -> folium.Map:
    """Districts (and, zoomed in, tambons) shaded by coverage, pilot tambons outlined.

    `amphoes` and `tambons` come from `shaded`; `pilot_tambons` is a display GeoJSON of the pilot tambons (may be
    empty). `tooltips` maps "amphoe"/"tambon" to (property names, headings).
    """
    fmap = province_frame(bounds, online_tiles=online_tiles, height=height)
    for name, z_index, events in _PANES:
        folium.map.CustomPane(name, z_index=z_index, pointer_events=events).add_to(fmap)
    amphoe_fields, amphoe_aliases = tooltips["amphoe"]
    folium.GeoJson(amphoes, name="amphoe_coverage", pane="coverage_amphoe", style_function=_own_style,
                   tooltip=folium.GeoJsonTooltip(list(amphoe_fields), aliases=list(amphoe_aliases))).add_to(fmap)
    tambon_fields, tambon_aliases = tooltips["tambon"]
    tambon_layer = folium.GeoJson(
        tambons, name="tambon_coverage", pane="coverage_tambon", style_function=_own_style,
        tooltip=folium.GeoJsonTooltip(list(tambon_fields), aliases=list(tambon_aliases)))
    tambon_layer.add_to(fmap)
    ShowFromZoom(tambon_layer, TAMBON_ZOOM).add_to(fmap)
    folium.GeoJson(amphoes, name="amphoe_borders", pane="coverage_lines", style_function=lambda _: AMPHOE_LINE,
                   interactive=False).add_to(fmap)
    if pilot_tambons.get("features"):
        folium.GeoJson(pilot_tambons, name="pilot_tambons", pane="coverage_lines",
                       style_function=lambda _: PILOT_LINE, interactive=False).add_to(fmap)
    legend(legend_title, legend_items, legend_note).add_to(fmap)
    return serve_locally(fmap)


def step_features(points: Mapping, steps: Mapping[str, int | None], estimated: Mapping[str, bool]) -> dict:
    """A copy of village point features styled by step: `steps` maps code -> 0-6, or None if the wave has not
    started; estimated locations are drawn hollow and dashed as everywhere else."""
    out = copy.deepcopy(dict(points))
    for feature in out["features"]:
        code = feature["properties"]["village_code"]
        step = steps.get(code)
        colour = NOT_STARTED_COLOUR if step is None else STEP_COLOURS[step]
        style = village_style(colour, bool(estimated.get(code)))
        if step is None:
            style.update({"color": "#9e9e9e", "fillOpacity": 0.6})
        feature["properties"][STYLE_PROPERTY] = style
    return out


def step_legend_items(labels: Mapping[int | None, str], estimated_label: str) -> list[LegendItem]:
    """Legend rows for steps 0-6 and not started (keys of `labels`), then the estimated-location swatch."""
    items = [LegendItem(label, NOT_STARTED_COLOUR if step is None else STEP_COLOURS[step])
             for step, label in labels.items()]
    return [*items, LegendItem(estimated_label, "#7F7F7F", estimated=True)]


class ShowFromZoom(MacroElement):
    """Leaflet shows `layer` only at zoom `min_zoom` and closer (it is removed when the reader zooms out)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function() {
            var map = {{ this._parent.get_name() }};
            var layer = {{ this.layer_name }};
            function sync() {
                if (map.getZoom() >= {{ this.min_zoom }}) {
                    if (!map.hasLayer(layer)) { map.addLayer(layer); }
                } else if (map.hasLayer(layer)) {
                    map.removeLayer(layer);
                }
            }
            map.on("zoomend", sync);
            map.whenReady(sync);
        })();
        {% endmacro %}
    """)

    def __init__(self, layer: folium.GeoJson, min_zoom: int):
        super().__init__()
        self._name = "ShowFromZoom"
        self.layer_name = layer.get_name()
        self.min_zoom = int(min_zoom)


def _own_style(feature: Mapping) -> dict:
    return feature["properties"][STYLE_PROPERTY]
