"""Tambon adjacency and hop distances, on a hand-drawn grid and on the province."""

import geopandas as gpd
import pytest
from shapely.geometry import box

import geodata
from geodata import provinces, schema


def grid_tambons() -> gpd.GeoDataFrame:
    """Three squares in a row and one island, 1 km apart from the row (UTM metres):

        [A][B][C]      [I]

    A-B and B-C share borders; A and C do not touch; I touches nothing and is nearest to C.
    """
    size = 1000
    shapes = {"A": box(0, 0, size, size), "B": box(size, 0, 2 * size, size),
              "C": box(2 * size, 0, 3 * size, size), "I": box(4 * size, 0, 5 * size, size)}
    frame = gpd.GeoDataFrame({schema.TAMBON_CODE: list(shapes)}, geometry=list(shapes.values()),
                             crs=provinces.metric_crs())
    frame.geometry = frame.geometry.translate(600_000, 900_000)
    return frame.to_crs(schema.GEOGRAPHIC_CRS)


def test_shared_borders_make_neighbours_and_islands_join_the_nearest():
    adjacency = geodata.tambon_adjacency(grid_tambons())
    assert adjacency == {"A": ("B",), "B": ("A", "C"), "C": ("B", "I"), "I": ("C",)}


def test_hop_distances_count_from_the_nearest_seed():
    adjacency = geodata.tambon_adjacency(grid_tambons())
    assert geodata.hop_distances(adjacency, ["A"]) == {"A": 0, "B": 1, "C": 2, "I": 3}
    assert geodata.hop_distances(adjacency, ["A", "I"]) == {"A": 0, "I": 0, "B": 1, "C": 1}
    assert geodata.hop_distances(adjacency, []) == {}


def test_unknown_seed_is_named():
    adjacency = geodata.tambon_adjacency(grid_tambons())
    with pytest.raises(ValueError, match="999999"):
        geodata.hop_distances(adjacency, ["999999"])


def test_province_adjacency_is_symmetric_and_connected():
    adjacency = geodata.tambon_adjacency(geodata.load_tambons())
    assert len(adjacency) == 170
    for tambon, neighbours in adjacency.items():
        assert tambon not in neighbours
        for other in neighbours:
            assert tambon in adjacency[other]
    hops = geodata.hop_distances(adjacency, ["800106"])
    assert len(hops) == 170, "every tambon is reachable from any seed"


def test_province_neighbours_really_share_a_border():
    tambons = geodata.load_tambons().to_crs(provinces.metric_crs()).set_index(schema.TAMBON_CODE)
    adjacency = geodata.tambon_adjacency(geodata.load_tambons())
    # Tha Rai (800106) borders its neighbours along a line, not at a corner.
    for other in adjacency["800106"]:
        shared = tambons.geometry["800106"].boundary.intersection(tambons.geometry[other].boundary)
        assert shared.length > 1
