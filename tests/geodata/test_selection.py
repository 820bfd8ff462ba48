"""Selecting villages by drawn shape, by tambon or amphoe, by a click, or from a tooltip's text.

Four villages on a line (lon 100.00 .. 100.03, lat 8.0), in two tambons of one amphoe::

    8001 01 01  8001 01 02 | 8001 02 01  8001 02 02
       x          x        |    x           x
"""

import geopandas as gpd
import pytest
from shapely.geometry import Point

import geodata
from geodata import schema
from geodata.selection import (
    codes_in_text,
    find_villages,
    nearest_village,
    villages_in_shape,
    villages_of_amphoes,
    villages_of_tambons,
)


@pytest.fixture(scope="module")
def villages():
    codes = ["80010101", "80010102", "80010201", "80010202"]
    return gpd.GeoDataFrame(
        {schema.VILLAGE_CODE: codes, schema.TAMBON_CODE: [c[:6] for c in codes],
         schema.AMPHOE_CODE: ["8001"] * 4},
        geometry=[Point(100.0 + 0.01 * i, 8.0) for i in range(4)], crs=schema.GEOGRAPHIC_CRS)


def rectangle(west, east, south=7.9, north=8.1):
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north],
                                                [west, south]]]}


def test_a_rectangle_selects_the_villages_inside_it(villages):
    assert villages_in_shape(villages, rectangle(100.005, 100.025)) == ["80010102", "80010201"]


def test_a_village_on_the_border_of_the_shape_is_selected(villages):
    assert villages_in_shape(villages, rectangle(100.01, 100.02)) == ["80010102", "80010201"]


def test_a_polygon_away_from_every_village_selects_none(villages):
    assert villages_in_shape(villages, rectangle(101.0, 101.1)) == []


def test_a_drawn_line_is_refused_with_the_reason(villages):
    with pytest.raises(ValueError, match="draw a rectangle or polygon"):
        villages_in_shape(villages, {"type": "LineString", "coordinates": [[100, 8], [100.1, 8]]})


def test_tambons_and_amphoes_select_all_their_villages(villages):
    assert villages_of_tambons(villages, ["800102"]) == ["80010201", "80010202"]
    assert villages_of_amphoes(villages, ["8001"]) == sorted(villages[schema.VILLAGE_CODE])
    assert villages_of_tambons(villages, []) == []


def test_a_click_picks_the_nearest_village_within_reach(villages):
    assert nearest_village(villages, 8.0005, 100.0102) == "80010102"
    assert nearest_village(villages, 8.5, 100.0) is None  # 55 km away


def test_codes_are_read_from_tooltip_text_only_when_known():
    text = "หมู่บ้าน\tบ้านท่าไร่\nรหัส\t80010102\nตำบล\t800101"
    assert codes_in_text(text, {"80010102"}) == ["80010102"]
    assert codes_in_text(text, {"800101"}, kind="tambon") == ["800101"]
    assert codes_in_text(text, {"99999999"}) == []
    assert codes_in_text(None, {"80010102"}) == []


def test_selecting_in_the_province_uses_real_points():
    villages = geodata.load_villages()
    town = villages_in_shape(villages, rectangle(99.90, 100.00, 8.38, 8.48))
    assert 10 < len(town) < len(villages)
    assert set(town) <= set(villages[schema.VILLAGE_CODE])


# --- Finding a village by name or code ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def province():
    return geodata.load_villages()


def test_a_village_is_found_by_its_code_or_the_start_of_it_in_thai_digits_too(province):
    assert find_villages(province, "80010601") == (["80010601"], 1)
    codes, total = find_villages(province, "๘๐๐๑๐๖")
    assert total == 6 and codes == [f"8001060{i}" for i in range(1, 7)]


def test_a_village_is_found_by_thai_or_english_name_exact_names_first(province):
    codes, total = find_villages(province, "ท่าไร่")
    assert codes[0] == "80010601" and total == 2, "บ้านท่าไร่ itself, then a name that contains ท่าไร่"
    assert find_villages(province, "tha rai")[0][0] == "80010601", "English, any case and spacing"
    assert find_villages(province, "บ้านท่าไร่")[0][0] == "80010601"


def test_a_search_lists_a_few_best_first_and_counts_them_all(province):
    codes, total = find_villages(province, "หัว", limit=8)
    names = dict(zip(province[schema.VILLAGE_CODE], province[schema.VILLAGE_TH], strict=True))
    assert len(codes) == 8 and total == sum("หัว" in name for name in names.values()) > 8
    starts = [names[code].startswith("บ้านหัว") for code in codes]
    assert starts == sorted(starts, reverse=True), "names that start with the words come first"
    assert find_villages(province, "ไม่มีหมู่บ้านชื่อนี้") == ([], 0) and find_villages(province, "  ") == ([], 0)
