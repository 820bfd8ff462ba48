"""The national map's layers: shared borders kept, counts and estimated points carried, payload under budget."""

from collections import Counter

import pytest
import shapely

import geodata
from geodata import national_layers, provinces, schema
from tests.geodata.databuild.support import KORAT, UBON

pytestmark = pytest.mark.slow


def test_the_province_layer_keeps_shared_borders_and_fits_the_budget(frames):
    layer = national_layers.province_layer()
    shapes = shapely.from_geojson([shapely.to_geojson(shapely.geometry.shape(f["geometry"]))
                                   for f in layer["features"]])
    assert len(layer["features"]) == 76
    assert set(layer["features"][0]["properties"]) == {"province_code", "province_th", "province_en", "n_muban"}
    assert sum(f["properties"]["n_muban"] for f in layer["features"]) == 75_206
    assert shapely.is_valid(shapes).all() and shapely.coverage_is_valid(shapes)
    assert national_layers.payload_bytes(layer) < 300_000


def test_the_largest_province_zoomed_in_keeps_the_national_map_under_its_budget():
    layers = (national_layers.province_layer(), national_layers.amphoe_layer(KORAT),
              national_layers.tambon_layer(KORAT), national_layers.village_layer(KORAT))
    _, amphoes, tambons, villages = layers
    korat = provinces.province(KORAT)
    assert (len(amphoes["features"]), len(tambons["features"]), len(villages["features"])) == (
        korat.n_amphoe, korat.n_tambon, korat.n_villages)
    qualities = Counter(f["properties"]["location_quality"] for f in villages["features"])
    assert qualities[schema.ESTIMATED] == (geodata.load_villages(KORAT)[schema.LOCATION_QUALITY]
                                           == schema.ESTIMATED).sum()
    assert national_layers.payload_bytes(*layers) < national_layers.MAP_PAYLOAD_BUDGET


def test_a_province_east_of_102_degrees_is_simplified_into_valid_polygons():
    shapes = [shapely.geometry.shape(f["geometry"]) for f in national_layers.tambon_layer(UBON)["features"]]
    assert len(shapes) == provinces.province(UBON).n_tambon and all(shape.is_valid for shape in shapes)
    assert shapely.coverage_is_valid(shapely.set_precision(shapes, 1e-4))
