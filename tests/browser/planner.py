"""Driving the Plan page's map in Chromium like a planner: find a village, click it, draw a rectangle.

Shared by tests/browser/test_planner_map.py and bench/bench_map.py. The map lives in streamlit-folium's iframe,
where `window.map` is the Leaflet map, drawn on one canvas, and `kmPlan.report()` (dashboard/static/plan_map.js)
says what is drawn; villages are found by their feature's `village_code` and clicked with the real mouse at their
position on screen.
"""

from __future__ import annotations

import re

from tests.browser.conftest import MAP_FRAME

#: True once the map has drawn every village (1,553) and tambon (170) and the canvas has been painted.
ALL_DRAWN = "window.kmPlan && kmPlan.report().ready && kmPlan.report().tambons === 170"
_SELECTED = re.compile(r"(?:เลือกไว้|)\s*([\d,]+)\s*(?:หมู่บ้าน|villages selected)")


def map_frame_handle(page):
    """The map iframe's Frame (re-read each time: the component may have been re-mounted)."""
    return page.locator(MAP_FRAME).first.element_handle(timeout=60_000).content_frame()


def wait_for_villages(page, timeout: float = 60_000):
    frame = map_frame_handle(page)
    frame.wait_for_function(ALL_DRAWN, timeout=timeout)
    return frame


def map_report(page) -> dict:
    """What the map has drawn: villages and tambons on it, lock rings, outlined tambons, zoom."""
    return map_frame_handle(page).evaluate("() => kmPlan.report()")


def _layer(code: str) -> str:
    return ("let l = null; window.map.eachLayer(x => { if (x.feature && x.feature.properties && "
            f"x.feature.properties.village_code === '{code}') l = x; }});")


def village_fill(frame, code: str) -> str:
    """The fill colour the map draws village `code` with."""
    return frame.evaluate(f"() => {{ {_layer(code)} return l ? l.options.fillColor : null; }}")


def village_ring(frame, code: str) -> str:
    """The outline colour of village `code` (magenta when selected)."""
    return frame.evaluate(f"() => {{ {_layer(code)} return l ? l.options.color : null; }}")


def zoom_to(page, lat: float, lon: float, zoom: int = 13) -> None:
    """Centre the map on a point without animation (panning does not rerun the page)."""
    frame = map_frame_handle(page)
    # Return nothing: returning the map would make Playwright serialise every layer (seconds).
    frame.evaluate(f"() => {{ window.map.setView([{lat}, {lon}], {zoom}, {{animate: false}}); }}")
    page.wait_for_timeout(300)


def village_screen_point(page, code: str, zoom: int = 14) -> tuple[float, float]:
    """Zoom to village `code`; its position on the page (for the mouse)."""
    frame = map_frame_handle(page)
    lat, lon = frame.evaluate(f"() => {{ {_layer(code)} const p = l.getLatLng(); return [p.lat, p.lng]; }}")
    zoom_to(page, lat, lon, zoom)
    x, y = frame.evaluate(f"() => {{ {_layer(code)} const p = window.map.latLngToContainerPoint(l.getLatLng());"
                          " return [p.x, p.y]; }")
    box = page.locator(MAP_FRAME).first.bounding_box()
    return box["x"] + x, box["y"] + y


def click_village(page, code: str, zoom: int = 14) -> None:
    """Zoom to village `code` and click it with the mouse."""
    page.mouse.click(*village_screen_point(page, code, zoom))


def draw_rectangle(page, south: float, west: float, north: float, east: float) -> None:
    """Use the drawing tool's rectangle: press on one corner, drag to the other, release."""
    frame = map_frame_handle(page)
    frame.locator("a.leaflet-draw-draw-rectangle").click()
    corners = frame.evaluate(f"""() => {{
        const a = window.map.latLngToContainerPoint([{north}, {west}]);
        const b = window.map.latLngToContainerPoint([{south}, {east}]);
        return [a.x, a.y, b.x, b.y]; }}""")
    box = page.locator(MAP_FRAME).first.bounding_box()
    x0, y0, x1, y1 = (box["x"] + corners[0], box["y"] + corners[1], box["x"] + corners[2], box["y"] + corners[3])
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move((x0 + x1) / 2, (y0 + y1) / 2, steps=5)
    page.mouse.move(x1, y1, steps=5)
    page.mouse.up()


def selection_count(page) -> int:
    """The number of selected villages the page states (0 when none)."""
    text = page.locator("[data-testid='stMain']").inner_text()
    for line in text.splitlines():
        if line.startswith("เลือกไว้") or line.endswith("villages selected"):
            match = _SELECTED.search(line)
            if match:
                return int(match.group(1).replace(",", ""))
    return 0
