"""What the planner did on the map, read from the value streamlit-folium returns.

streamlit-folium returns the latest state of the map, not a list of events: the last clicked object (its tooltip
text, its position, and as GeoJSON under `last_active_drawing`), a click counter, the last drawn shape, the last
map click. `read_map_event` compares that state with the last one handled and says what is new:

- a village clicked (its feature carries `village_code`; failing that, a code in the tooltip text; failing that,
  the nearest village to the click);
- a tambon clicked (its feature carries `tambon_code`, or the tooltip text has a tambon code);
- a rectangle or polygon drawn (a polygon feature with no code);
- a point clicked on the map (used to set a village's corrected location).

Pure: no Streamlit, tested with hand-written values.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass

from geodata.selection import codes_in_text

#: The keys the Plan page asks streamlit-folium to return (anything else would rerun the page for nothing).
RETURNED_OBJECTS = ("last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count",
                    "last_active_drawing", "last_clicked")
VILLAGE, TAMBON, SHAPE, POINT = "village", "tambon", "shape", "point"
_OBJECT_KEYS = ("last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count",
                "last_active_drawing")


@dataclass(frozen=True)
class MapEvent:
    """One new thing the planner did: `kind` is village, tambon, shape or point."""

    kind: str
    code: str | None = None
    geometry: Mapping | None = None
    lat: float | None = None
    lon: float | None = None


def signature(value: Mapping | None) -> str:
    """A stable text of the returned state, to tell a new state from one already handled."""
    return json.dumps(value or {}, sort_keys=True, default=str)


def read_map_event(value: Mapping | None, previous: Mapping | None, *, village_codes: Collection[str],
                   tambon_codes: Collection[str], want_point: bool = False,
                   nearest: Callable[[float, float], str | None] | None = None) -> MapEvent | None:
    """The new event in `value` compared with `previous` (the last state handled), or None.

    With `want_point` (the planner is placing a village), a new map click is a POINT event and object clicks
    are ignored; otherwise map clicks are ignored.
    """
    value, previous = dict(value or {}), dict(previous or {})
    if want_point:
        clicked = value.get("last_clicked")
        if clicked and clicked != previous.get("last_clicked"):
            return MapEvent(POINT, lat=float(clicked["lat"]), lon=float(clicked["lng"]))
        return None
    if all(value.get(k) == previous.get(k) for k in _OBJECT_KEYS):
        return None
    feature = value.get("last_active_drawing") or {}
    properties = feature.get("properties") or {}
    geometry = feature.get("geometry") or {}
    if properties.get("village_code") in village_codes:
        return MapEvent(VILLAGE, code=properties["village_code"])
    if properties.get("tambon_code") in tambon_codes:
        return MapEvent(TAMBON, code=properties["tambon_code"])
    drawing_is_new = feature and feature != previous.get("last_active_drawing")
    if drawing_is_new and geometry.get("type") in ("Polygon", "MultiPolygon") and not properties.get("tambon_code"):
        return MapEvent(SHAPE, geometry=geometry)
    return _from_tooltip(value, village_codes, tambon_codes, nearest)


def _from_tooltip(value: Mapping, village_codes: Collection[str], tambon_codes: Collection[str],
                  nearest: Callable[[float, float], str | None] | None) -> MapEvent | None:
    text = value.get("last_object_clicked_tooltip")
    villages = codes_in_text(text, village_codes, "village")
    if villages:
        return MapEvent(VILLAGE, code=villages[0])
    tambons = codes_in_text(text, tambon_codes, "tambon")
    if tambons:
        return MapEvent(TAMBON, code=tambons[0])
    clicked = value.get("last_object_clicked")
    if clicked and nearest is not None:
        code = nearest(float(clicked["lat"]), float(clicked["lng"]))
        if code:
            return MapEvent(VILLAGE, code=code)
    return None
