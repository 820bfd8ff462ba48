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
