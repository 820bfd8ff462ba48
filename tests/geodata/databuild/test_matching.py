"""The matching rules on tiny fixtures: tier order, one point per village, the 1.5 km rule, confidence."""

import geopandas as gpd
import pytest
from shapely.geometry import Point as ShapelyPoint
from shapely.geometry import box

from geodata.databuild.matching import (
    ADJACENT_EXACT,
    MAX_DISTANCE_M,
    SAME_TAMBON,
    TAMBON_BY_2012_NAME,
    Point,
    Village,
    distances_to_tambons,
    match_villages,
)

UTM47 = "EPSG:32647"


def village(code, name, tambon="800101", tambon_name="ท่าไร่"):
    return Village(code, name, tambon, tambon_name)


def test_a_point_in_the_own_tambon_wins_over_an_exact_name_next_door():
    """Tier 1 (own tambon, similar name) is tried before tier 3 (exact name, next tambon)."""
    villages = [village("80010101", "บ้านนาเคียนใต้")]
    points = [Point(1, "บ้านนาเคียน", "ท่าไร่", "800101"), Point(2, "บ้านนาเคียนใต้", "ท่าซัก", "800102")]
    match = match_villages(villages, points, near={"800101": {2: 200.0}})["80010101"]
    assert (match.point, match.tier, match.confidence) == (1, SAME_TAMBON, "low")


def test_tiers_in_order_own_tambon_then_2012_tambon_name_then_exact_name_next_door():
    villages = [village("80010101", "บ้านหนองบัว"), village("80010102", "บ้านโคกกลาง"),
                village("80010103", "บ้านท่าม่วง")]
    points = [
        Point(1, "บ้านหนองบัว", "ท่าไร่", "800101"),      # inside the tambon
        Point(2, "บ้านโคกกลาง", "ท่าไร่", "800102"),      # next door, recorded under our tambon's name
        Point(3, "บ้านท่าม่วง", "ท่าซัก", "800102"),      # next door, another tambon's name, exact name
    ]
    matches = match_villages(villages, points, near={"800101": {2: 300.0, 3: 900.0}})
    assert {code: (m.point, m.tier) for code, m in matches.items()} == {
        "80010101": (1, SAME_TAMBON), "80010102": (2, TAMBON_BY_2012_NAME), "80010103": (3, ADJACENT_EXACT)}
    assert {m.confidence for m in matches.values()} == {"high", "medium"}
    assert matches["80010103"].confidence == "medium"
    assert matches["80010103"].distance_m == 900.0


def test_next_door_needs_an_exact_name_unless_the_2012_record_names_our_tambon():
    villages = [village("80010101", "บ้านหนองลง")]
    similar_elsewhere = [Point(7, "บ้านหนองลุง", "ท่าซัก", "800102")]
    assert match_villages(villages, similar_elsewhere, near={"800101": {7: 100.0}}) == {}
    recorded_here = [Point(7, "บ้านหนองลุง", "ท่าไร่", "800102")]
    match = match_villages(villages, recorded_here, near={"800101": {7: 100.0}})["80010101"]
    assert (match.tier, match.score, match.confidence) == (TAMBON_BY_2012_NAME, 0.923, "medium")


@pytest.mark.parametrize(("distance", "matched"), [(MAX_DISTANCE_M - 1, True), (MAX_DISTANCE_M, True),
                                                   (MAX_DISTANCE_M + 1, False)])
def test_points_more_than_1500_m_outside_the_tambon_are_never_taken(distance, matched):
    villages = [village("80010101", "บ้านท่าม่วง")]
    points = [Point(3, "บ้านท่าม่วง", "ท่าไร่", "800102")]
    assert bool(match_villages(villages, points, near={"800101": {3: distance}})) is matched


def test_each_point_goes_to_one_village_the_better_name_first():
    villages = [village("80010101", "บ้านนาเคียน"), village("80010102", "บ้านนาเคียนเหนือ")]
    points = [Point(1, "บ้านนาเคียนเหนือ", "ท่าไร่", "800101")]
    matches = match_villages(villages, points, near={})
    assert list(matches) == ["80010102"] and matches["80010102"].score == 1.0


def test_villages_sharing_a_name_get_points_in_moo_order_one_step_less_confident():
    villages = [village("80010105", "บ้านปลายทราย"), village("80010101", "บ้านปลายทราย")]
    points = [Point(20, "บ้านปลายทราย", "ท่าไร่", "800101"), Point(10, "บ้านปลายทราย", "ท่าไร่", "800101")]
    matches = match_villages(villages, points, near={})
    assert {code: m.point for code, m in matches.items()} == {"80010101": 10, "80010105": 20}
    assert {(m.confidence, m.duplicate_name) for m in matches.values()} == {("medium", True)}


def test_the_result_does_not_depend_on_input_order():
    villages = [village(f"800101{moo:02d}", name) for moo, name in
                enumerate(["บ้านหนองบัว", "บ้านหนองบัวใต้", "บ้านโคก", "บ้านโคกใหม่"], start=1)]
    points = [Point(i, name, "ท่าไร่", "800101") for i, name in
              enumerate(["บ้านหนองบัว", "บ้านหนองบัวใต้", "บ้านโคกใหม่", "บ้านโคก"], start=1)]
    forward = match_villages(villages, points, near={})
    backward = match_villages(villages[::-1], points[::-1], near={})
    assert forward == backward and len(forward) == 4


def test_a_village_with_no_name_matches_nothing():
    points = [Point(1, "", "ท่าไร่", "800101"), Point(2, "บ้าน", "ท่าไร่", "800101")]
    assert match_villages([village("80010101", "")], points, near={}) == {}


def test_distances_to_tambons_in_metres_from_the_polygon_edge():
    """Two 1 km squares side by side (UTM 47N metres); points inside, 400 m and 2 km beyond:

        [A][B]  .(400 m)      .(2 km)
    """
    origin_x, origin_y = 600_000, 900_000
    tambons = gpd.GeoSeries([box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)], index=["A", "B"],
                            crs=UTM47).translate(origin_x, origin_y)
    points = gpd.GeoSeries([ShapelyPoint(500, 500), ShapelyPoint(2400, 500), ShapelyPoint(4000, 500)],
                           index=[1, 2, 3], crs=UTM47).translate(origin_x, origin_y)
    near = distances_to_tambons(tambons, points)
    assert near == {"A": {1: 0.0, 2: 1400.0}, "B": {1: 500.0, 2: 400.0}}


def test_distances_refuse_degrees():
    lonlat = gpd.GeoSeries([box(100, 8, 100.01, 8.01)], index=["A"], crs="EPSG:4326")
    with pytest.raises(ValueError, match="metric CRS"):
        distances_to_tambons(lonlat, gpd.GeoSeries([ShapelyPoint(100, 8)], index=[1], crs="EPSG:4326"))
