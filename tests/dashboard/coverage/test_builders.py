"""The Coverage page's tables, charts and maps, built without a browser from a small hand-made plan.

The plan (the same shape as tests/planning/test_coverage.py)::

    district 8001 (2 teams)                         district 8002 (1 team)
    tambon 800101: 80010101 2549, 80010102 2549,    tambon 800201: 80020101 2549, 80020102 2549,
                   80010103 2550                                   80020103 (no wave)
    tambon 800102: 80010201 2551

Charts are checked through their Vega-Lite specification (`to_dict()`, validated against the schema) and maps
through their rendered HTML.
"""

import datetime as dt
import json
import re

import pandas as pd
import pytest

import geodata
from dashboard.common.offline import STATIC_URL
from dashboard.coverage import charts
from dashboard.coverage import figures as data
from dashboard.coverage.maps import (
    COVERAGE_CLASSES,
    NOT_STARTED_COLOUR,
    STEP_COLOURS,
    TAMBON_ZOOM,
    coverage_class,
    coverage_legend_items,
    coverage_map,
    shaded,
    step_features,
    step_legend_items,
)
from geodata import schema
from geodata.display import display_geojson
from geodata.scenario import Scenario
from planning import parse_settings
from planning.progress import Reached

VILLAGES = pd.DataFrame({
    "village_code": ["80010101", "80010102", "80010103", "80010201", "80020101", "80020102", "80020103"],
    "moo": [1, 2, 3, 1, 1, 2, 3],
    "village_th": ["บ้านหนึ่ง", "บ้านสอง", "บ้านสาม", "บ้านสี่", "บ้านห้า", "บ้านหก", "บ้านเจ็ด"],
    "village_en": ["Ban Nueng", "Ban Song", "Ban Sam", "Ban Si", "Ban Ha", "Ban Hok", "Ban Chet"],
    "tambon_code": ["800101"] * 3 + ["800102"] + ["800201"] * 3,
    "tambon_th": ["ตำบลก"] * 3 + ["ตำบลข"] + ["ตำบลค"] * 3,
    "tambon_en": ["Tambon A"] * 3 + ["Tambon B"] + ["Tambon C"] * 3,
    "amphoe_code": ["8001"] * 4 + ["8002"] * 3,
    "amphoe_th": ["อำเภอหนึ่ง"] * 4 + ["อำเภอสอง"] * 3,
    "amphoe_en": ["District One"] * 4 + ["District Two"] * 3,
})
TAMBONS = pd.DataFrame({"tambon_code": ["800101", "800102", "800201"], "amphoe_code": ["8001", "8001", "8002"]})
ASSIGNMENT = {"80010101": "2549", "80010102": "2549", "80010103": "2550", "80010201": "2551",
              "80020101": "2549", "80020102": "2549"}
NAMES = {"8001": "อำเภอหนึ่ง", "8002": "อำเภอสอง"}


def scenario(assignment=ASSIGNMENT, pilot_label="2548", pilot_tambons=(), estimated=True) -> Scenario:
    waves = [{"label": "2548", "target": None}, {"label": "2549", "target": 4}, {"label": "2550", "target": 1},
             {"label": "2551", "target": None}]
    settings = {"waves": waves, "pilot_label": pilot_label, "pilot_tambons": list(pilot_tambons),
                "roster": {"teams": {"8001": 2, "8002": 1}, "capacity": 10, "estimated": estimated}}
    return Scenario("test", 1, "embedded", parse_settings(settings), {}, dict(assignment), frozenset(), {}, "", "",
                    "tester")


@pytest.fixture
def view():
    return data.coverage_view(scenario(), VILLAGES, TAMBONS)


# --- Tables -----------------------------------------------------------------------------------------------
def test_an_empty_pilot_wave_is_left_out(view):
    assert view.figures.labels == ("2549", "2550", "2551") and view.pilot_label is None
    assert view.roster_estimated


def test_a_pilot_wave_with_villages_is_kept_and_named():
    with_pilot = data.coverage_view(scenario({**ASSIGNMENT, "80020103": "2548"}, pilot_tambons=["800201"]),
                                    VILLAGES, TAMBONS)
    assert with_pilot.figures.labels[0] == "2548" and with_pilot.pilot_label == "2548"
    assert with_pilot.pilot_tambons == ("800201",)


def test_headline_table_has_one_row_per_wave(view):
    table = data.headline_table(view.figures)
    assert table.to_dict("list") == {
        "wave": ["2549", "2550", "2551"], "new": [4, 1, 1], "covered": [4, 5, 6],
        "share": pytest.approx([4 / 7, 5 / 7, 6 / 7]), "tambons_full": [0, 1, 2], "tambons_partial": [2, 1, 1],
        "teams": [3, 2, 2]}


def test_s_curves_start_at_zero_the_year_before_the_first_wave_in_buddhist_years(view):
    table = data.s_curve_table(view.figures, NAMES, "จังหวัด")
    province = table[table["kind"] == "province"]
    assert list(province["year"]) == [2548, 2549, 2550, 2551]
    assert list(province["covered"]) == [0, 4, 5, 6]
    two = table[table["area"] == "อำเภอสอง"]
    assert list(two["share"]) == pytest.approx([0, 2 / 3, 2 / 3, 2 / 3])


def test_ranking_table_orders_by_coverage_or_by_load(view):
    by_coverage = data.ranking_table(view.figures, 2551, NAMES, "coverage")
    assert list(by_coverage["name"]) == ["อำเภอหนึ่ง", "อำเภอสอง"] and list(by_coverage["rank"]) == [1, 2]
    assert list(by_coverage["share_pct"]) == pytest.approx([100.0, 200 / 3])
    by_load = data.ranking_table(view.figures, 2551, NAMES, "load")
    assert list(by_load["name"]) == ["อำเภอสอง", "อำเภอหนึ่ง"] and list(by_load["max_load"]) == [2.0, 1.0]
    tied = data.ranking_table(view.figures, 2548, NAMES, "coverage")  # nothing covered yet: both first
    assert list(tied["rank"]) == [1, 1] and list(tied["district"]) == ["8001", "8002"]


def test_step_shares_and_stalled_villages_from_current_progress(view):
    today = dt.date(2007, 6, 30)  # waves 2549 and 2550 have started, 2551 (1 Oct 2007) has not
    current = {"80010101": Reached(2, dt.date(2007, 5, 1)), "80020101": Reached(1, dt.date(2006, 1, 1))}
    names = data.step_names("th", "0. ยังไม่มีรายงาน")
    shares = data.step_share_table(view, current, today, NAMES, names)
    one = shares[shares["district"] == "8001"].set_index("step")["villages"].to_dict()
    assert one == {0: 2, 1: 0, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0}  # 80010201 (wave 2551) not counted yet
    stalled = data.stalled_table(view, current, today, 6, VILLAGES, "en")
    # never reported: since their wave began (2549: 1 Oct 2005, 2550: 1 Oct 2006); 80010101 moved in May 2007
    assert list(stalled["village_code"]) == ["80010102", "80020102", "80020101", "80010103"]
    ban_ha = stalled.iloc[2]
    assert ban_ha["village"] == "Ban Ha" and ban_ha["step"] == 1 and ban_ha["days"] == 545
    steps = data.village_steps(view, current, today)
    assert steps["80010101"] == 2 and steps["80010102"] == 0 and steps["80010201"] is None


# --- Charts -----------------------------------------------------------------------------------------------
TITLES = {k: k for k in ("year", "share", "area", "covered", "villages", "name", "wave", "load", "teams", "step")}


def test_s_curve_chart_draws_the_province_against_one_district_on_buddhist_years(view):
    table = data.s_curve_table(view.figures, NAMES, "จังหวัด", districts=["8002"])
    assert set(table["area"]) == {"จังหวัด", "อำเภอสอง"}  # no line for the other districts
    spec = charts.s_curve_chart(table, titles=TITLES).to_dict()
    x = spec["encoding"]["x"]
    assert x["field"] == "year_label" and x["sort"] == ["2548", "2549", "2550", "2551"]
    assert spec["encoding"]["y"]["axis"]["format"] == "%"
    colour = spec["encoding"]["color"]["scale"]
    assert colour == {"domain": ["จังหวัด", "อำเภอสอง"], "range": [charts.PROVINCE_COLOUR, charts.HIGHLIGHT_COLOUR]}
    values = next(iter(spec["datasets"].values()))
    assert {row["year_label"] for row in values} == {"2548", "2549", "2550", "2551"}
    district = {row["year_label"]: row["share"] for row in values if row["area"] == "อำเภอสอง"}
    assert district["2548"] == 0 and district["2551"] == pytest.approx(2 / 3)


def test_load_heatmap_runs_from_zero_to_the_capacity_and_flags_cells_over_it(view):
    table = data.load_table(view.figures, NAMES, capacity=2)
    assert not table.loc[(table["name"] == "อำเภอสอง") & (table["wave"] == "2549"), "over"].item()  # 2 of 2
    table.loc[0, ["villages", "load", "over"]] = [5, 2.5, True]  # 5 villages for 2 teams: over
    spec = charts.load_heatmap(table, titles=TITLES, district_order=["อำเภอหนึ่ง", "อำเภอสอง"], capacity=2).to_dict()
    cells = spec["layer"][0]
    assert cells["mark"]["type"] == "rect"
    colour = cells["encoding"]["color"]
    assert colour["field"] == "load" and colour["scale"]["domain"] == [0, 2] and colour["scale"]["clamp"] is True
    assert colour["legend"]["values"] == [0, 1, 2]
    assert colour["condition"]["value"] == charts.OVER_CAPACITY_COLOUR and "over" in colour["condition"]["test"]
    assert cells["encoding"]["y"]["sort"] == ["อำเภอหนึ่ง", "อำเภอสอง"]
    assert {t["field"] for t in cells["encoding"]["tooltip"]} == {"name", "wave", "villages", "teams", "load"}
    numbers = spec["layer"][1]
    assert "datum.over ? ' !'" in numbers["transform"][0]["calculate"]
    values = next(iter(spec["datasets"].values()))
    assert {(r["name"], r["wave"], r["load"], r["over"]) for r in values} >= {("อำเภอสอง", "2549", 2.0, False),
                                                                              ("อำเภอหนึ่ง", "2549", 2.5, True)}


def test_step_bars_stack_to_one_hundred_percent_in_step_order(view):
    names = data.step_names("en", "0. No report yet")
    shares = data.step_share_table(view, {}, dt.date(2007, 6, 30), NAMES, names)
    spec = charts.step_bars(shares, titles=TITLES, district_order=["อำเภอหนึ่ง", "อำเภอสอง"]).to_dict()
    assert spec["encoding"]["x"]["stack"] == "normalize"
    scale = spec["encoding"]["color"]["scale"]
    assert scale["domain"][0] == "0. No report yet" and scale["domain"][6] == "6. Periodic evaluation"
    assert scale["range"] == [STEP_COLOURS[s] for s in range(7)]


def test_small_multiples_draw_one_map_per_wave_in_the_map_classes(view):
    amphoes = display_geojson(geodata.load_amphoes(), [schema.AMPHOE_CODE, schema.AMPHOE_TH], tolerance_m=300)
    labels = [f"class {i}" for i in range(6)]
    spec = charts.wave_small_multiples(
        amphoes, data.wave_share_table(view.figures), wave_titles={"2549": "2549", "2550": "2550", "2551": "2551"},
        titles=TITLES, class_labels=labels, name_property="amphoe_th")
    assert [panel["title"] for panel in spec["hconcat"]] == ["2549", "2550", "2551"]
    (outlines,) = spec["datasets"].values()  # the 23 outlines, sent once for every panel
    assert len(outlines) == 23 and all(panel["data"] == {"name": charts.SMALL_MAP_OUTLINES}
                                       for panel in spec["hconcat"])
    first, last = spec["hconcat"][0], spec["hconcat"][2]
    assert first["mark"]["type"] == "geoshape" and first["projection"]["type"] == "mercator"
    assert first["encoding"]["color"]["scale"]["domain"] == labels
    joined = {row["district"]: row["coverage_class"] for row in last["transform"][0]["from"]["data"]["values"]}
    # by 2551: 8001 has all 4 villages, 8002 2 of 3; 8003 is not in this plan: the default class 0
    assert (joined["8001"], joined["8002"], joined.get("8003")) == ("class 5", "class 3", None)
    assert 'datum.coverage_class == null ? "class 0"' in last["transform"][2]["calculate"]
    names = {f["properties"]["code"]: f["properties"]["name"] for f in outlines}
    assert (names["8001"], names["8002"]) == ("เมืองนครศรีธรรมราช", "พรหมคีรี")


def test_small_multiples_draw_in_vega_lite(view):
    """The specification is valid Vega-Lite (checked against the schema Altair ships)."""
    import altair as alt

    amphoes = display_geojson(geodata.load_amphoes(), [schema.AMPHOE_CODE, schema.AMPHOE_TH], tolerance_m=300)
    spec = charts.wave_small_multiples(amphoes, data.wave_share_table(view.figures), wave_titles={"2549": "x"},
                                       titles=TITLES, class_labels=list("abcdef"), name_property="amphoe_th")
    alt.HConcatChart.from_dict(spec, validate=True)


# --- Maps -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("share", "index"), [(0.0, 0), (0.01, 1), (0.25, 2), (0.5, 3), (0.74, 3), (0.999, 4),
                                              (1.0, 5)])
def test_coverage_classes_bound_each_share(share, index):
    assert coverage_class(share) == index


@pytest.fixture(scope="module")
def layers():
    tambons = display_geojson(geodata.load_tambons(), [schema.TAMBON_CODE, schema.TAMBON_TH, schema.AMPHOE_CODE])
    amphoes = display_geojson(geodata.load_amphoes(), [schema.AMPHOE_CODE, schema.AMPHOE_TH])
    return amphoes, tambons


def render_coverage_map(layers, pilot_codes=()):
    amphoes, tambons = layers
    pilots = {"type": "FeatureCollection",
              "features": [f for f in tambons["features"] if f["properties"]["tambon_code"] in pilot_codes]}
    amphoe_layer = shaded(amphoes, "amphoe_code", {"8001": 1.0, "8002": 0.3}, {"8001": {"share_text": "100.0%"}})
    tambon_layer = shaded(tambons, "tambon_code", {"800101": 0.6})
    fmap = coverage_map([[7.8, 99.3], [9.3, 100.4]], amphoe_layer, tambon_layer, pilot_tambons=pilots,
                        tooltips={"amphoe": (["amphoe_th"], ["อำเภอ"]), "tambon": (["tambon_th"], ["ตำบล"])},
                        legend_title="สัดส่วนหมู่บ้านที่ครอบคลุม",
                        legend_items=coverage_legend_items(["ยังไม่มี", "<25", "25", "50", "75", "ครบ"]))
    return fmap.get_root().render()


def test_coverage_map_loads_only_local_assets_and_shows_tambons_from_a_zoom_level(layers):
    html = render_coverage_map(layers)
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources and all(src.startswith(STATIC_URL) for src in sources), sources
    assert f"map.getZoom() >= {TAMBON_ZOOM}" in html and "map.removeLayer(layer)" in html
    assert "สัดส่วนหมู่บ้านที่ครอบคลุม" in html


def test_coverage_map_shades_districts_by_class_colour(layers):
    html = render_coverage_map(layers)
    assert COVERAGE_CLASSES[5][1] in html and COVERAGE_CLASSES[2][1] in html  # 8001 all, 8002 at 30 %
    assert json.dumps("100.0%") in html


def test_pilot_tambons_are_outlined_only_when_the_plan_has_them(layers):
    assert "7 5" not in render_coverage_map(layers)
    assert '"dashArray": "7 5"' in render_coverage_map(layers, pilot_codes=("800101",))


def test_step_points_are_coloured_by_step_and_estimated_locations_stay_hollow():
    points = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"village_code": code}, "geometry": {"type": "Point", "coordinates": [0, 0]}}
        for code in ("a", "b", "c")]}
    styled = step_features(points, {"a": 4, "b": 0, "c": None}, {"a": True})
    style = {f["properties"]["village_code"]: f["properties"]["_style"] for f in styled["features"]}
    assert style["a"]["fillColor"] == STEP_COLOURS[4] and style["a"]["dashArray"] and style["a"]["fillOpacity"] < 0.5
    assert style["b"]["fillColor"] == STEP_COLOURS[0] and "dashArray" not in style["b"]
    assert style["c"]["fillColor"] == NOT_STARTED_COLOUR
    assert "_style" not in points["features"][0]["properties"]  # the input is not modified
    items = step_legend_items({0: "none", 1: "one", None: "not started"}, "estimated")
    assert [i.label for i in items] == ["none", "one", "not started", "estimated"] and items[-1].estimated
