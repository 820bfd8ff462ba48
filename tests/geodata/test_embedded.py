"""The embedded data set holds what SOURCES.md says it holds."""

import geopandas as gpd
import pytest
import shapely

import geodata
from geodata import provinces, schema
from geodata.summary import dataset_counts

MUNICIPAL_TAMBONS = {"800101", "800102", "800103", "800901", "801201"}
PROVINCE_POPULATION = 1_549_344


@pytest.fixture(scope="module")
def villages():
    return geodata.load_villages()


@pytest.fixture(scope="module")
def tambons():
    return geodata.load_tambons()


@pytest.fixture(scope="module")
def amphoes():
    return geodata.load_amphoes()


def test_counts_match_the_sources(villages, tambons, amphoes):
    counts = dataset_counts(villages, tambons, amphoes)
    assert (counts.amphoes, counts.tambons, counts.villages) == (23, 170, 1553)
    assert counts.tambons_with_villages == 165
    assert (counts.villages_located, counts.villages_estimated) == (1118, 435)


def test_fully_municipal_tambons_have_no_villages(villages, tambons):
    empty = set(tambons[schema.TAMBON_CODE]) - set(villages[schema.TAMBON_CODE])
    assert empty == MUNICIPAL_TAMBONS


def test_every_frame_is_in_wgs84_with_schema_columns(villages, tambons, amphoes):
    for frame, columns in ((villages, schema.VILLAGE_COLUMNS), (tambons, schema.TAMBON_COLUMNS),
                           (amphoes, schema.AMPHOE_COLUMNS)):
        assert frame.crs == schema.GEOGRAPHIC_CRS
        assert list(frame.columns) == [*columns, schema.GEOMETRY]


def test_codes_are_strings_of_the_right_length(villages, tambons, amphoes):
    for frame in (villages, tambons, amphoes):
        for column, length in schema.CODE_LENGTHS.items():
            if column in frame.columns:
                assert frame[column].map(type).eq(str).all()
                assert frame[column].str.fullmatch(rf"\d{{{length}}}").all(), column


def test_codes_nest_village_in_tambon_in_amphoe(villages, tambons):
    assert (villages[schema.VILLAGE_CODE].str[:6] == villages[schema.TAMBON_CODE]).all()
    assert (villages[schema.TAMBON_CODE].str[:4] == villages[schema.AMPHOE_CODE]).all()
    assert (tambons[schema.TAMBON_CODE].str[:4] == tambons[schema.AMPHOE_CODE]).all()
    assert (villages[schema.VILLAGE_CODE].str[6:].astype(int) == villages[schema.MOO]).all()


def test_codes_are_unique(villages, tambons, amphoes):
    assert villages[schema.VILLAGE_CODE].is_unique
    assert tambons[schema.TAMBON_CODE].is_unique
    assert amphoes[schema.AMPHOE_CODE].is_unique


def test_population_sums_to_the_province_total(tambons, amphoes):
    assert tambons[schema.POPULATION].sum() == PROVINCE_POPULATION
    assert amphoes[schema.POPULATION].sum() == PROVINCE_POPULATION


def test_every_polygon_is_valid(tambons, amphoes):
    assert tambons.geometry.is_valid.all()
    assert amphoes.geometry.is_valid.all()


def test_every_village_has_a_point(villages):
    assert villages.geometry.notna().all()
    assert not villages.geometry.is_empty.any()
    assert villages[[schema.LAT, schema.LON]].notna().all().all()


def test_location_quality_follows_match_confidence(villages):
    located = villages[villages[schema.LOCATION_QUALITY] != schema.ESTIMATED]
    assert (located[schema.LOCATION_QUALITY] == located[schema.MATCH_CONFIDENCE]).all()
    assert villages[schema.LOCATION_QUALITY].value_counts().to_dict() == {
        "high": 884, "estimated": 435, "medium": 186, "low": 48}


def test_each_estimated_point_lies_inside_its_own_tambon(villages, tambons):
    estimated = villages[villages[schema.LOCATION_QUALITY] == schema.ESTIMATED]
    polygons = tambons.set_index(schema.TAMBON_CODE).geometry
    own = gpd.GeoSeries(estimated[schema.TAMBON_CODE].map(polygons).to_numpy(), crs=schema.GEOGRAPHIC_CRS)
    assert len(estimated) == 435
    assert shapely.contains(own.to_numpy(), estimated.geometry.to_numpy()).all()


def test_estimated_points_of_one_tambon_do_not_stack(villages):
    estimated = villages[villages[schema.LOCATION_QUALITY] == schema.ESTIMATED].to_crs(provinces.metric_crs())
    for _, group in estimated.groupby(schema.TAMBON_CODE):
        if len(group) > 1:
            nearest = [group.geometry.drop(i).distance(p).min() for i, p in group.geometry.items()]
            assert min(nearest) > 100, "estimated villages of one tambon should be spread, not stacked"


def test_estimated_points_are_deterministic(villages):
    from geodata.embedded import _villages

    _villages.cache_clear()
    again = geodata.load_villages()
    assert again.geometry.equals(villages.geometry)


def test_loaders_return_copies_callers_may_modify():
    first = geodata.load_villages()
    first[schema.VILLAGE_TH] = "changed"
    assert (geodata.load_villages()[schema.VILLAGE_TH] != "changed").all()


def test_sources_name_the_credits():
    text = geodata.sources_markdown()
    assert "OCHA / Royal Thai Survey Department" in text
    assert "Hoerstemeier" in text
    assert "estimated" in text
