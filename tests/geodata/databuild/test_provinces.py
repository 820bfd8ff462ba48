"""The province registry: codes, names, UTM zone either side of 102 degrees E, map frames, default waves."""

import geopandas as gpd
import pytest
from shapely.geometry import box

import planning
from geodata import provinces, schema
from geodata.adjacency import tambon_adjacency
from geodata.errors import GeodataError
from geodata.estimate import estimate_village_points
from geodata.provinces import DEFAULT_PROVINCE, default_waves_for, metric_crs, metric_crs_of, province, utm_crs


def test_the_registry_holds_the_77_provinces_of_the_gazetteer():
    registry = provinces.provinces()
    assert len(registry) == 77
    assert sum(p.n_villages for p in registry) == 75_206
    assert sum(p.n_amphoe for p in registry) == 928
    assert sum(p.n_tambon for p in registry) == 7_436
    assert [p.code for p in registry if not p.has_villages] == ["10"]  # Bangkok's khwaeng have no muban


@pytest.mark.parametrize(("code", "crs"), [
    ("80", "EPSG:32647"),   # Nakhon Si Thammarat, 99.8 E
    ("36", "EPSG:32647"),   # Chaiyaphum, centre 101.8 E although it reaches 102.5 E
    ("30", "EPSG:32648"),   # Nakhon Ratchasima, centre 102.1 E although it starts at 101.2 E
    ("34", "EPSG:32648"),   # Ubon Ratchathani, 105 E
    ("50", "EPSG:32647"),   # Chiang Mai
])
def test_metric_crs_is_the_utm_zone_of_the_province_centre(code, crs):
    assert metric_crs(code) == crs
    assert province(code).metric_crs == utm_crs(*province(code).centre)


def test_21_provinces_lie_east_of_102_degrees_and_none_is_borderline():
    centres = [p.centre[0] for p in provinces.provinces()]
    assert sum(lon >= 102 for lon in centres) == 21
    assert min(abs(lon - 102) for lon in centres) > 0.1  # the zone does not hang on how the centre is taken


def test_utm_zone_boundaries():
    assert (utm_crs(101.999, 14), utm_crs(102.0, 14), utm_crs(96.0, 14)) == ("EPSG:32647", "EPSG:32648",
                                                                            "EPSG:32647")


def test_map_frame_contains_the_centre():
    for p in provinces.provinces():
        frame = p.frame
        assert frame.min_lon < p.centre[0] < frame.max_lon and frame.min_lat < p.centre[1] < frame.max_lat


def test_the_default_province_keeps_its_own_schedule():
    default = province()
    assert default.code == DEFAULT_PROVINCE and default.name_en == "Nakhon Si Thammarat"
    assert default.default_waves == (planning.Wave("2548", None), planning.Wave("2549", 400),
                                     planning.Wave("2550", 600), planning.Wave("2551", 600))
    assert not default.waves_are_default


def test_other_provinces_get_26_and_39_percent_then_the_rest_marked_as_a_default():
    ubon = province("34")
    assert ubon.waves_are_default
    # 2,708 villages: 26 % = 704.08 -> 704, 39 % = 1,056.12 -> 1,056, the rest 948
    assert ubon.default_waves == (planning.Wave("2548", None), planning.Wave("2549", 704),
                                  planning.Wave("2550", 1056), planning.Wave("2551", 948))


@pytest.mark.parametrize("n", [1, 7, 104, 178, 1553, 3757])
def test_default_shares_always_sum_to_the_villages(n):
    waves = default_waves_for(n)
    assert sum(w.target for w in waves[1:]) == n
    assert all(w.target >= 0 for w in waves[1:])


@pytest.mark.parametrize("code", ["99", "8", "080", "nst", ""])
def test_an_unknown_province_code_is_refused_with_how_to_find_valid_codes(code):
    with pytest.raises(GeodataError, match=rf"province code '{code}' is not a Thai province.*rollout data provinces"):
        province(code)


def test_metric_crs_of_a_frame_follows_its_province_or_else_its_centre():
    east = gpd.GeoDataFrame({schema.PROVINCE: ["34"]}, geometry=[box(104.8, 15.2, 104.9, 15.3)],
                            crs=schema.GEOGRAPHIC_CRS)
    assert metric_crs_of(east) == "EPSG:32648"
    assert metric_crs_of(east.drop(columns=schema.PROVINCE)) == "EPSG:32648"
    # Nakhon Ratchasima's western tambons lie west of 102 E; the province's zone still applies
    west_part = gpd.GeoDataFrame({schema.PROVINCE: ["30"]}, geometry=[box(101.3, 14.5, 101.4, 14.6)],
                                 crs=schema.GEOGRAPHIC_CRS)
    assert metric_crs_of(west_part) == "EPSG:32648"
    assert metric_crs_of(west_part.drop(columns=schema.PROVINCE)) == "EPSG:32647"


def test_estimates_and_adjacency_measure_in_the_frames_zone():
    """Two 1 km squares in UTM 48N (Ubon Ratchathani): a shared border, and an estimate inside its square."""
    squares = gpd.GeoDataFrame({schema.TAMBON_CODE: ["340101", "340102"], schema.PROVINCE: ["34", "34"]},
                               geometry=[box(0, 0, 1000, 1000), box(1000, 0, 2000, 1000)], crs="EPSG:32648")
    squares.geometry = squares.geometry.translate(500_000, 1_680_000)
    lonlat = squares.to_crs(schema.GEOGRAPHIC_CRS)
    assert tambon_adjacency(lonlat) == {"340101": ("340102",), "340102": ("340101",)}
    placed = estimate_village_points(["34010101"], ["340101"], lonlat)
    assert squares.geometry.iloc[0].buffer(-100).contains(placed.to_crs("EPSG:32648").iloc[0])
    for zone, same in (("EPSG:32648", True), ("EPSG:32647", False)):
        explicit = estimate_village_points(["34010101"], ["340101"], lonlat, metric_crs=zone)
        assert bool(placed.geom_equals_exact(explicit, tolerance=1e-9).all()) == same
