"""The planner's map: rendered HTML needs no network and draws on one canvas, villages carry their plan (locks
ringed, fully locked tambons outlined), the legend says so and folds away, the layer stays light; and the map's
returned state is read into the right event."""

import json
import re

import pytest

import geodata
from dashboard.common.offline import APP_STATIC_URL
from dashboard.plan.map_events import POINT, SHAPE, TAMBON, VILLAGE, read_map_event
from dashboard.plan.map_layers import (
    LOCK_COLOUR,
    POINT_SCALE,
    SELECTED_COLOUR,
    draw_texts,
    fit_request,
    legend_title,
    locked_tambons,
    map_data,
    plan_base_map,
    plan_layer,
    plan_legend_items,
    plan_state,
    script_json,
    village_points,
    village_styles,
)
from geodata import schema
from geodata.palette import PILOT_COLOUR, UNASSIGNED_COLOUR, wave_colours

LABELS = ("2548", "2549", "2550", "2551")
BOUNDS = [[7.8, 99.3], [9.3, 100.4]]


@pytest.fixture(scope="module")
def villages():
    return geodata.load_villages()


@pytest.fixture(scope="module")
def points(villages):
    return village_points(villages)


@pytest.fixture(scope="module")
def data(points):
    return map_data(points, geodata.load_tambons(), geodata.load_amphoes(), BOUNDS, "th")


@pytest.fixture(scope="module")
def assignment(villages):
    codes = list(villages[schema.VILLAGE_CODE])
    return {code: LABELS[1 + i % 3] for i, code in enumerate(codes)}


def state_of(points, assignment, locked=(), reasons=None, **options):
    return plan_state(points, assignment, set(locked), reasons or {}, labels=LABELS, pilot_label="2548",
                      pilot_tambons=options.pop("pilot_tambons", ()), lang=options.pop("lang", "th"), **options)


def base(data, lang="th"):
    return plan_base_map(BOUNDS, script_json(data), legend_title=legend_title(lang),
                         legend_items=plan_legend_items(LABELS, "2548", lang), lang=lang)


@pytest.fixture(scope="module")
def rendered(points, data, assignment):
    fmap = base(data)
    plan_layer(state_of(points, assignment, locked={"80010601"}, reasons={"80010601": "locked"},
                        pilot_tambons=["800107"], selection={"80010601"})).add_to(fmap)
    return fmap.get_root().render()


def test_everything_the_map_loads_comes_from_the_app(rendered):
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', rendered)
    assert any("leaflet.draw" in src for src in sources), "the drawing tool is served too"
    assert any("topojson-client" in src for src in sources) and any("plan_map.js?v=" in src for src in sources)
    assert all(src.startswith(APP_STATIC_URL) for src in sources), sources
    assert "cdn" not in rendered.lower()


def test_the_map_draws_on_one_canvas_with_its_buttons_at_the_upper_right(rendered):
    assert '"preferCanvas": true' in rendered
    assert 'L.control.zoom( { position: "topright" } )' in rendered
    assert re.search(r'var options = \{\s*position: "topright",\s*draw:', rendered), "the drawing tool too"


def test_the_drawing_tool_offers_only_rectangle_and_polygon(rendered):
    draw = re.search(r'draw: (\{.*?\}),\s*edit', rendered, re.S).group(1)
    options = json.loads(draw)
    assert options["polyline"] is False and options["circle"] is False and options["marker"] is False
    assert options["rectangle"] and options["polygon"]


def test_the_drawing_tool_speaks_the_readers_language(rendered):
    assert rendered.index("L.drawLocal") < rendered.index("L.Control.Draw")  # the words are set before the tool
    assert "วาดสี่เหลี่ยมเพื่อเลือกหมู่บ้าน" in rendered and "คลิกเพื่อเริ่มวาด" in rendered
    assert draw_texts("en")["draw"]["toolbar"]["buttons"]["polygon"] == "Draw a polygon to select villages"


def test_the_legend_names_each_wave_the_locks_and_the_pilots_and_folds_away(rendered):
    legend = re.search(r'<details class="km-legend" open style="([^"]*)">(.*?)</details>', rendered, re.S)
    assert legend, "the legend is a <details> box: its title folds it"
    style, body = legend.groups()
    assert "left:10px" in style, "upper left, beside the province: the coast is on the right"
    assert "2548 นำร่อง" in body and "2549" in body and "2551" in body
    assert "หมู่บ้านที่ล็อก" in body and "ตำบลที่ล็อกทั้งตำบล" in body and "ตำบลนำร่อง" in body
    assert "ตำแหน่งโดยประมาณ" in body and "ยังไม่กำหนดระยะ" in body and "รอยืนยัน" in body
    assert f"border:2px solid {LOCK_COLOUR}" in body, "the lock's swatch is the ring drawn on the map"
    assert "legend.open = false" in rendered, "it starts folded on a map too narrow for it (a phone)"


def test_boundaries_go_as_topojson_and_the_amphoe_borders_come_from_the_same_arcs(data):
    topology = data["topo"]
    tambons = topology["objects"]["t"]["geometries"]
    assert topology["type"] == "Topology" and len(tambons) == 170 and "transform" in topology
    assert {g["properties"]["tambon_code"] for g in tambons} == set(geodata.load_tambons()[schema.TAMBON_CODE])
    assert len(data["amphoeNames"]) == 23 and len(data["amphoePoints"]) == 23, "amphoe: names only, no polygons"
    assert data["tambonNames"]["800106"] == "ท่าไร่"


def test_villages_go_as_flat_arrays_in_the_data_sets_order(points, data, villages):
    sent = data["villages"]
    assert [str(c) for c in sent["codes"]] == list(villages[schema.VILLAGE_CODE])
    i = list(villages[schema.VILLAGE_CODE]).index("80010601")
    point = villages.geometry.iloc[i]
    assert sent["origin"][0] + sent["lat"][i] / POINT_SCALE == pytest.approx(point.y, abs=2e-5)
    assert sent["origin"][1] + sent["lon"][i] / POINT_SCALE == pytest.approx(point.x, abs=2e-5)
    assert sent["namePrefix"] == "บ้าน" and sent["namePrefix"] + sent["names"][i] == "บ้านท่าไร่"
    assert sent["moo"] is None, "the moo is the code's last two digits here: not sent"
    estimated = villages[schema.LOCATION_QUALITY] == schema.ESTIMATED
    assert sent["quality"].count("e") == int(estimated.sum()) and len(sent["quality"]) == 1553


def test_english_names_carry_the_thai_name_too(points):
    data = map_data(points, geodata.load_tambons(), geodata.load_amphoes(), BOUNDS, "en")
    i = list(points.codes).index("80010601")
    assert data["villages"]["namePrefix"] + data["villages"]["names"][i] == "บ้านท่าไร่ · Ban Tha Rai"
    assert data["tambonNames"]["800106"] == "Tha Rai · ท่าไร่"
    assert data["words"]["locked"] == "locked" and data["words"]["qualities"]["e"] == "estimated location"


def test_every_village_carries_its_wave_lock_and_reason(points, assignment):
    state = state_of(points, assignment, locked={"80010601"},
                     reasons={"80010601": "locked", "80010603": "spread"})
    index = {code: i for i, code in enumerate(points.codes)}
    assert len(state["wave"]) == len(state["locked"]) == len(state["reason"]) == len(state["style"]) == 1553
    first = index["80010601"]
    assert state["waves"][state["wave"][first]] == assignment["80010601"] and state["locked"][first] == 1
    assert state["reasons"][state["reason"][first]] == "locked"
    assert state["reasons"][state["reason"][index["80010603"]]] == "spread"
    assert state["reasons"][state["reason"][index["80010602"]]] == "manual", "a wave without a reason: by hand"
    assert sum(state["locked"]) == 1


def test_a_tambon_whose_villages_are_all_locked_is_outlined_but_a_pilot_tambon_has_its_own_outline(points):
    in_800106 = [c for c in points.codes if c.startswith("800106")]
    in_800107 = [c for c in points.codes if c.startswith("800107")]
    assert locked_tambons(points.codes, in_800106[:-1]) == [], "one village unlocked: the tambon is not locked"
    assert locked_tambons(points.codes, in_800106 + in_800107) == ["800106", "800107"]
    assert locked_tambons(points.codes, in_800106 + in_800107, pilot_tambons=["800107"]) == ["800106"]


def test_a_fit_request_carries_the_bounds_and_a_token_of_them(points):
    bounds = points.bounds(["80010601", "80010602"])
    request = fit_request(bounds)
    assert request["bounds"] == bounds and request["maxZoom"] == 14
    assert fit_request(bounds)["token"] == request["token"] != fit_request(points.bounds(["80010603"]))["token"]
    assert points.bounds(["no such code"]) is None and fit_request(None) is None


def test_the_rendered_layer_carries_the_state_and_the_pilot_and_locked_outlines(rendered):
    assert "kmPlan.init(" in rendered and "kmPlan.show(" in rendered
    shown = json.loads(re.search(r"kmPlan\.show\(\w+, (\{.*?\}),\s*typeof", rendered, re.S).group(1))
    assert shown["pilotTambons"] == ["800107"] and shown["styles"]["lockRing"]["color"] == LOCK_COLOUR
    assert "บ้านท่าไร่" not in rendered and "ท่าไร่" in rendered, "Thai is sent as UTF-8, names without บ้าน"


def test_villages_are_coloured_by_wave_with_estimated_ones_hollow_and_selection_ringed(villages, points):
    assignment = dict.fromkeys(villages[schema.VILLAGE_CODE], "2549")
    assignment["80010601"] = "2548"
    del assignment["80010602"]
    colours = wave_colours(LABELS, "2548")
    styles = village_styles(points, assignment, colours, selection={"80010603"}, changed={"80010604"})
    assert styles["80010601"]["fillColor"] == PILOT_COLOUR
    assert styles["80010602"]["fillColor"] == UNASSIGNED_COLOUR
    assert styles["80010603"]["color"] == SELECTED_COLOUR
    assert styles["80010604"]["radius"] > styles["80010605"]["radius"]
    estimated = villages.loc[villages[schema.LOCATION_QUALITY] == schema.ESTIMATED, schema.VILLAGE_CODE]
    assert all(styles[c].get("dashArray") and styles[c]["fillOpacity"] < 0.5 for c in estimated)
    located = villages.loc[villages[schema.LOCATION_QUALITY] != schema.ESTIMATED, schema.VILLAGE_CODE]
    assert not any(styles[c].get("dashArray") for c in located)


def test_wave_colours_are_colour_blind_safe_and_distinct():
    colours = wave_colours(LABELS, "2548")
    assert len(set(colours.values())) == 4
    assert set(colours.values()) - {PILOT_COLOUR} <= {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9",
                                                      "#CC79A7", "#F0E442"}


def test_the_map_is_light_enough_to_send(points, assignment, data):
    """What streamlit-folium sends (its arguments as JSON, Thai escaped): the base map once per data set and
    language, the village layer on every rerun."""
    import streamlit_folium

    fmap = base(data)
    layer = plan_layer(state_of(points, assignment))
    fmap.get_root().render()
    script = streamlit_folium._get_map_string(fmap)
    group = streamlit_folium._get_feature_group_string(layer, fmap)
    assert len(json.dumps(group)) < 25_000, f"village layer {len(json.dumps(group))} bytes"
    assert len(json.dumps(script)) < 260_000, f"base map {len(json.dumps(script))} bytes"
    assert group.count('"fillColor"') <= 12, "styles are sent once each and referred to by number"


def test_the_pages_copy_of_the_prepared_scripts_is_the_script_itself(points, data, assignment):
    """The big scripts are placed in the page as they are, not compiled as templates (which would also read
    "{{" in the data as template code)."""
    fmap = base(data)
    plan_layer(state_of(points, assignment)).add_to(fmap)
    page = fmap.get_root().render()
    assert script_json(data) in page


# --- Reading the map's returned state ---------------------------------------------------------------------
VILLAGES = {"80010601", "80010602"}
TAMBONS = {"800106"}


def state(**values):
    base = {"last_object_clicked": None, "last_object_clicked_tooltip": None, "last_object_clicked_count": 0,
            "last_active_drawing": None, "last_clicked": None}
    return {**base, **values}


def read(value, previous=None, **kwargs):
    return read_map_event(value, previous, village_codes=VILLAGES, tambon_codes=TAMBONS, **kwargs)


def test_a_clicked_village_is_read_from_its_feature():
    clicked = state(last_object_clicked_count=1, last_object_clicked={"lat": 8.4, "lng": 99.9},
                    last_active_drawing={"type": "Feature", "properties": {"village_code": "80010601"},
                                         "geometry": {"type": "Point", "coordinates": [99.9, 8.4]}})
    assert read(clicked) == read_map_event(clicked, None, village_codes=VILLAGES, tambon_codes=TAMBONS)
    assert read(clicked).kind == VILLAGE and read(clicked).code == "80010601"


def test_the_same_state_twice_is_not_a_new_event_but_a_second_click_is():
    clicked = state(last_object_clicked_count=1, last_active_drawing={"properties": {"village_code": "80010601"}})
    assert read(clicked, clicked) is None
    again = {**clicked, "last_object_clicked_count": 2}
    assert read(again, clicked).code == "80010601"


def test_a_clicked_tambon_is_read_from_its_feature_or_tooltip():
    by_feature = state(last_object_clicked_count=1, last_active_drawing={
        "properties": {"tambon_code": "800106"}, "geometry": {"type": "Polygon", "coordinates": []}})
    assert read(by_feature).kind == TAMBON and read(by_feature).code == "800106"
    by_tooltip = state(last_object_clicked_count=1, last_object_clicked_tooltip="  ตำบล ท่าไร่ รหัส 800106")
    assert read(by_tooltip).kind == TAMBON


def test_a_village_is_found_from_the_tooltip_then_from_the_nearest_point():
    by_tooltip = state(last_object_clicked_count=1, last_object_clicked_tooltip="รหัส\t80010602\n")
    assert read(by_tooltip).code == "80010602"
    by_position = state(last_object_clicked_count=1, last_object_clicked={"lat": 8.4, "lng": 99.9})
    assert read(by_position, nearest=lambda lat, lon: "80010601").code == "80010601"
    assert read(by_position) is None


def test_a_drawn_rectangle_is_a_shape():
    polygon = {"type": "Polygon", "coordinates": [[[99.9, 8.3], [100.0, 8.3], [100.0, 8.4], [99.9, 8.3]]]}
    drawn = state(last_object_clicked_count=1, last_active_drawing={"type": "Feature", "properties": {},
                                                                    "geometry": polygon})
    event = read(drawn)
    assert event.kind == SHAPE and event.geometry == polygon


def test_map_clicks_count_only_while_placing_a_village():
    clicked = state(last_clicked={"lat": 8.45, "lng": 99.95})
    assert read(clicked) is None
    event = read(clicked, want_point=True)
    assert event.kind == POINT and (event.lat, event.lon) == (8.45, 99.95)
    assert read(clicked, clicked, want_point=True) is None
