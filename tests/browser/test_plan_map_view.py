"""The Plan page's map as a person sees it, in Chromium (offline): at 1440 x 900 the tallies stand beside the map
and the legend hides no village at province zoom; names of places appear as the map zooms in; a tooltip near the
map's edge stays inside the map; a clicked tambon leaves no focus rectangle; on a phone (390 x 844) the legend is
folded and covers almost nothing of the map."""

from __future__ import annotations

from tests.browser.conftest import MAP_FRAME, wait_for_app
from tests.browser.planner import map_frame_handle, selection_count, wait_for_villages, zoom_to

#: Screen position (in the map's frame) of every village, and the legend's box.
VILLAGES_UNDER_LEGEND = """() => {
    const box = document.querySelector('.km-legend').getBoundingClientRect();
    let under = 0, all = 0;
    window.map.eachLayer(l => {
        if (!(l.feature && l.feature.properties && l.feature.properties.village_code)) return;
        all += 1;
        const p = window.map.latLngToContainerPoint(l.getLatLng());
        const r = l.options.radius;
        if (p.x + r >= box.left && p.x - r <= box.right && p.y + r >= box.top && p.y - r <= box.bottom) under += 1;
    });
    return [under, all];
}"""
#: The village drawn lowest on the screen (its tooltip would run past the map's bottom edge).
LOWEST_VILLAGE = """() => {
    let best = null, lowest = -1;
    window.map.eachLayer(l => {
        if (!(l.feature && l.feature.properties && l.feature.properties.village_code)) return;
        const p = window.map.latLngToContainerPoint(l.getLatLng());
        if (p.y > lowest && p.y < window.map.getSize().y) { lowest = p.y; best = [p.x, p.y]; }
    });
    return best;
}"""


def open_plan(page, app_server, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(app_server.url)
    wait_for_app(page, timeout=180_000)
    wait_for_villages(page, timeout=120_000)


def test_at_1440_by_900_the_tallies_stand_beside_the_map_and_the_legend_hides_no_village(offline_page, app_server):
    page = offline_page
    open_plan(page, app_server, 1440, 900)
    map_box = page.locator(MAP_FRAME).first.bounding_box()
    for part in ("[data-testid='stTabs']", "[data-testid='stMarkdownContainer']:has-text('2549: 400')"):
        box = page.locator(part).first.bounding_box()
        assert box["x"] >= map_box["x"] + map_box["width"], f"{part} is right of the map"
        assert box["y"] < map_box["y"] + map_box["height"] / 2, f"{part} is beside the map, not below it"
    assert map_box["y"] + map_box["height"] <= 900, "the whole map is on the screen"
    frame = map_frame_handle(page)
    assert frame.evaluate("() => document.querySelector('.km-legend').open"), "open on a wide map"
    under, villages = frame.evaluate(VILLAGES_UNDER_LEGEND)
    assert villages == 1553 and under == 0, f"{under} villages under the legend"


def test_names_of_places_appear_as_the_map_zooms_in(offline_page, app_server):
    page = offline_page
    open_plan(page, app_server, 1440, 900)
    frame = map_frame_handle(page)
    assert frame.locator(".km-amphoe").count() == 0 and frame.locator(".km-tambon").count() == 0
    zoom_to(page, 8.43, 99.96, 10)
    assert frame.locator(".km-amphoe").count() == 23 and frame.locator(".km-tambon").count() == 0
    zoom_to(page, 8.43, 99.96, 12)
    assert frame.locator(".km-tambon").count() == 170
    assert "ท่าไร่" in frame.locator(".km-tambon").all_inner_texts()


def test_a_tooltip_at_the_maps_edge_stays_inside_the_map(offline_page, app_server):
    page = offline_page
    open_plan(page, app_server, 1440, 900)
    frame = map_frame_handle(page)
    x, y = frame.evaluate(LOWEST_VILLAGE)
    box = page.locator(MAP_FRAME).first.bounding_box()
    page.mouse.move(box["x"] + x, box["y"] + y)
    tooltip = frame.locator(".leaflet-tooltip.foliumtooltip").first
    tooltip.wait_for(timeout=10_000)
    inside = frame.evaluate("""() => {
        const map = document.querySelector('.leaflet-container').getBoundingClientRect();
        const tip = document.querySelector('.leaflet-tooltip.foliumtooltip').getBoundingClientRect();
        return [tip.top >= map.top, tip.bottom <= map.bottom, tip.left >= map.left, tip.right <= map.right];
    }""")
    assert inside == [True, True, True, True]


def test_a_clicked_tambon_is_selected_without_a_focus_rectangle(offline_page, app_server):
    page = offline_page
    open_plan(page, app_server, 1440, 900)
    zoom_to(page, 8.20, 99.85, 11)
    box = page.locator(MAP_FRAME).first.bounding_box()
    frame = map_frame_handle(page)
    # A point of a tambon away from every village and clear of the legend, found on the map itself.
    x, y = frame.evaluate("""() => {
        const size = window.map.getSize(), dots = [];
        const legend = document.querySelector('.km-legend').getBoundingClientRect();
        window.map.eachLayer(l => { if (l.feature && l.feature.properties && l.feature.properties.village_code)
            dots.push(window.map.latLngToContainerPoint(l.getLatLng())); });
        for (let y = legend.bottom + 40; y < size.y - 40; y += 20) for (let x = 60; x < size.x - 80; x += 20)
            if (dots.every(d => Math.hypot(d.x - x, d.y - y) > 25)) return [x, y];
        return null; }""")
    page.mouse.click(box["x"] + x, box["y"] + y)
    page.wait_for_function("document.body.innerText.match(/เลือกไว้ [0-9,]+ หมู่บ้าน/)", timeout=30_000)
    wait_for_app(page)
    assert selection_count(page) > 0, "the tambon's villages are selected"
    focused = map_frame_handle(page).evaluate("""() => { const e = document.activeElement;
        const style = getComputedStyle(e); return [e.tagName, style.outlineStyle, style.outlineWidth]; }""")
    assert focused[0] != "path" and (focused[1] == "none" or focused[2] == "0px"), focused


def test_on_a_phone_the_legend_is_folded_and_covers_almost_nothing(offline_page, app_server):
    page = offline_page
    open_plan(page, app_server, 390, 844)
    frame = map_frame_handle(page)
    folded, legend_area, map_area = frame.evaluate("""() => {
        const legend = document.querySelector('.km-legend');
        const l = legend.getBoundingClientRect(), m = document.querySelector('.leaflet-container')
            .getBoundingClientRect();
        return [!legend.open, l.width * l.height, m.width * m.height]; }""")
    assert folded and legend_area / map_area < 0.05, legend_area / map_area
    frame.locator(".km-legend summary").click()
    assert frame.evaluate("() => document.querySelector('.km-legend').open"), "a tap opens it"
