"""The planner's map: rendered HTML needs no network, villages carry their plan, the layer stays light; and the
map's returned state is read into the right event."""

import json
import re

import pytest

import geodata
from dashboard.common.offline import STATIC_URL
from dashboard.plan.map_events import POINT, SHAPE, TAMBON, VILLAGE, read_map_event
from dashboard.plan.map_layers import (
    SELECTED_COLOUR,
    draw_texts,
    legend_texts,
    pilot_outlines,
    plan_base_map,
    plan_layer,
    plan_legend_items,
    script_json,
    tooltip_texts,
    village_points,
    village_state,
    village_styles,
    wave_display_names,
)
from geodata import schema
from geodata.display import display_geojson
from geodata.palette import PILOT_COLOUR, UNASSIGNED_COLOUR, wave_colours

LABELS = ("2548", "2549", "2550", "2551")
TAMBON_LABELS = {"tambon": "ตำบล", "amphoe": "อำเภอ", "code": "รหัส"}


@pytest.fixture(scope="module")
def villages():
    return geodata.load_villages()


@pytest.fixture(scope="module")
def points(villages):
    return village_points(villages)


@pytest.fixture(scope="module")
def boundaries():
    tambons, amphoes = geodata.load_tambons(), geodata.load_amphoes()
    tambons = display_geojson(tambons, [schema.TAMBON_CODE, schema.TAMBON_TH, schema.TAMBON_EN])
    amphoes = display_geojson(amphoes, [schema.AMPHOE_CODE, schema.AMPHOE_TH], tolerance_m=120.0)
    return tambons, script_json(tambons), script_json(amphoes)


@pytest.fixture(scope="module")
def assignment(villages):
    codes = list(villages[schema.VILLAGE_CODE])
    return {code: LABELS[1 + i % 3] for i, code in enumerate(codes)}


@pytest.fixture(scope="module")
def rendered(points, boundaries, assignment):
    title, note = legend_texts("th")
    fmap = plan_base_map([[7.8, 99.3], [9.3, 100.4]], *boundaries[1:], labels=TAMBON_LABELS, legend_title=title,
                         legend_items=plan_legend_items(LABELS, "2548", "th"), legend_note=note)
    styles = village_styles(points, assignment, wave_colours(LABELS, "2548"), selection={"80010601"})
    texts = tooltip_texts(points, "th", wave_display_names(LABELS, "2548", "th"))
    plan_layer(points, village_state(points, assignment, {"80010601"}, {"80010601": "locked"}), styles, texts,
               pilot_outlines_json=pilot_outlines(boundaries[0], ["800106"])).add_to(fmap)
    return fmap.get_root().render()


def test_everything_the_map_loads_comes_from_the_app(rendered):
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', rendered)
    assert any("leaflet.draw" in src for src in sources), "the drawing tool is served too"
    assert all(src.startswith(STATIC_URL) for src in sources), sources
    assert "cdn" not in rendered.lower()


def test_the_drawing_tool_offers_only_rectangle_and_polygon(rendered):
    draw = re.search(r'draw: (\{.*?\}),\s*edit', rendered, re.S).group(1)
    options = json.loads(draw)
    assert options["polyline"] is False and options["circle"] is False and options["marker"] is False
    assert options["rectangle"] and options["polygon"]


def test_the_drawing_tool_speaks_the_readers_language(rendered):
    assert rendered.index("L.drawLocal") < rendered.index("L.Control.Draw")  # the words are set before the tool
    assert "วาดสี่เหลี่ยมเพื่อเลือกหมู่บ้าน" in rendered and "คลิกเพื่อเริ่มวาด" in rendered
    assert draw_texts("en")["draw"]["toolbar"]["buttons"]["polygon"] == "Draw a polygon to select villages"


def test_the_legend_gives_each_wave_in_buddhist_era_and_the_pilot(rendered):
    assert "2548 นำร่อง" in rendered and "2549" in rendered and "2551" in rendered
    assert "ตำแหน่งโดยประมาณ" in rendered and "ยังไม่กำหนดระยะ" in rendered


def test_every_village_carries_its_code_wave_lock_and_reason(points, assignment):
    state = village_state(points, assignment, {"80010601"}, {"80010601": "locked", "80010603": "spread"})
    assert len(state) == 1553 and len(points.features) == 1553
    assert state["80010601"] == [assignment["80010601"], 1, "locked"]
    assert state["80010603"] == [assignment["80010603"], 0, "spread"]
    assert state["80010602"][2] == "manual", "a wave without a reason was set by hand"


def test_the_rendered_map_carries_each_villages_code_state_and_the_pilot_outline(rendered):
    assert '"village_code":"80010601"' in rendered
    assert '"80010601":["2550",1,"locked",' in rendered or '"80010601":["2549",1,"locked",' in rendered
    assert "บ้านท่าไร่ · Ban Tha Rai" in rendered, "Thai is sent as UTF-8, not escaped"
    assert '"dashArray":"6 4"' in rendered, "pilot tambons are outlined"


def test_tooltips_name_villages_in_thai_and_english_and_explain_wave_lock_reason(points):
    texts = tooltip_texts(points, "en", wave_display_names(LABELS, "2548", "en"))
    assert texts["w"]["2548"] == "2548 pilot" and texts["k"] == ["not locked", "locked"]
    assert texts["r"]["spread"] and texts["q"]["estimated"] == "estimated location"
    feature = next(f for f in points.features if f["properties"]["village_code"] == "80010601")
    assert feature["properties"]["n"] == "บ้านท่าไร่ · Ban Tha Rai"
    assert " / " in texts["t"]["800106"], "tambon names in Thai / English"


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


def test_the_map_is_light_enough_to_send(points, assignment, boundaries):
    import streamlit_folium

    title, note = legend_texts("th")
    fmap = plan_base_map([[7.8, 99.3], [9.3, 100.4]], *boundaries[1:], labels=TAMBON_LABELS, legend_title=title,
                         legend_items=plan_legend_items(LABELS, "2548", "th"), legend_note=note)
    styles = village_styles(points, assignment, wave_colours(LABELS, "2548"))
    texts = tooltip_texts(points, "th", wave_display_names(LABELS, "2548", "th"))
    layer = plan_layer(points, village_state(points, assignment, set(), {}), styles, texts)
    fmap.get_root().render()
    base = streamlit_folium._get_map_string(fmap)
    script = streamlit_folium._get_feature_group_string(layer, fmap)
    assert len(script.encode()) < 600_000, f"village layer {len(script.encode())} bytes"
    assert len(base.encode()) + len(script.encode()) < 1_500_000
    # Styles are sent once each (a few distinct ones) and referred to by number, not repeated per village.
    assert script.count('"fillColor"') <= 12


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
