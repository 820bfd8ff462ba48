"""The data build: province 80 reproduces the embedded set; four other provinces are built, located and planned."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

import planning
from geodata import embedded, provinces, schema
from geodata.databuild.matching import MAX_DISTANCE_M, TIERS
from geodata.databuild.national import national_data
from geodata.databuild.province import write_province
from geodata.estimate import estimate_village_points
from geodata.plans import build_problem
from geodata.province_data import dataset_name, load_amphoes, load_tambons, load_villages
from tests.geodata.databuild.support import EXPECTED_CRS, KORAT, PHUKET, STRESS_PROVINCES, built

pytestmark = pytest.mark.slow
NST = provinces.DEFAULT_PROVINCE
TODAY_LOCATED = 1118


# --- Province 80 against today's embedded set -------------------------------------------------------------------

def test_province_80_has_the_same_amphoe_tambons_and_village_codes():
    build = built(NST)
    assert (build.summary.amphoes, build.summary.tambons) == (23, 170)
    assert list(build.villages[schema.VILLAGE_CODE]) == list(embedded.load_villages()[schema.VILLAGE_CODE])
    assert set(build.tambons[schema.TAMBON_CODE]) == set(embedded.load_tambons()[schema.TAMBON_CODE])


def test_province_80_has_the_same_population_and_households_per_tambon_and_amphoe():
    build = built(NST)
    for ours, theirs, code in ((build.tambons, embedded.load_tambons(), schema.TAMBON_CODE),
                               (build.amphoes, embedded.load_amphoes(), schema.AMPHOE_CODE)):
        columns = [schema.POPULATION, schema.HOUSEHOLDS, "n_muban"]
        pd.testing.assert_frame_equal(pd.DataFrame(ours.set_index(code)[columns]).sort_index(),
                                      pd.DataFrame(theirs.set_index(code)[columns]).sort_index())
    assert build.summary.population == 1_549_344 and build.summary.households == 590_976


def test_province_80_locates_within_two_points_of_todays_share():
    located = built(NST).summary.located
    assert abs(located - TODAY_LOCATED) / 1553 <= 0.02


def test_province_80_points_agree_with_todays():
    """Villages located both today and by the build: nearly all get the same 2012 point (within 100 m)."""
    ours = built(NST).villages.set_index(schema.VILLAGE_CODE)
    theirs = embedded.read_village_table(embedded.data_file("villages.csv")).set_index(schema.VILLAGE_CODE)
    both = ours[schema.LAT].notna() & theirs[schema.LAT].notna()
    metric = provinces.metric_crs(NST)

    def points(frame):
        located = frame[both]
        return gpd.GeoSeries.from_xy(located[schema.LON].astype(float), located[schema.LAT].astype(float),
                                     crs=schema.GEOGRAPHIC_CRS).to_crs(metric)

    agree = (points(ours).distance(points(theirs), align=False) <= 100).sum()
    assert both.sum() >= 0.97 * TODAY_LOCATED
    assert agree >= 0.95 * both.sum()


# --- Four provinces chosen to stress the assumptions ------------------------------------------------------------

@pytest.mark.parametrize("code", STRESS_PROVINCES)
def test_counts_equal_the_gazetteer(code):
    build, info, national = built(code), provinces.province(code), national_data()
    villages = national.villages[national.villages[schema.VILLAGE_CODE].str[:2] == code]
    assert list(build.villages[schema.VILLAGE_CODE]) == sorted(villages[schema.VILLAGE_CODE])
    assert (build.summary.villages, build.summary.tambons, build.summary.amphoes) == (
        info.n_villages, info.n_tambon, info.n_amphoe)
    assert build.summary.located + build.summary.estimated == info.n_villages
    assert sum(build.summary.by_tier.values()) == build.summary.located
    assert build.tambons[schema.POPULATION].sum() == (
        national.tambons.loc[national.tambons[schema.TAMBON_CODE].str[:2] == code, "population_2021"].sum())


@pytest.mark.parametrize("code", STRESS_PROVINCES)
def test_amphoe_polygons_are_their_tambons_dissolved(code):
    build = built(code)
    metric = provinces.metric_crs(code)
    tambons = build.tambons.to_crs(metric)
    for amphoe, row in build.amphoes.to_crs(metric).set_index(schema.AMPHOE_CODE).iterrows():
        own = tambons[tambons[schema.AMPHOE_CODE] == amphoe]
        union = shapely.union_all(own.geometry.to_numpy())
        assert row.geometry.is_valid
        assert row.geometry.symmetric_difference(union).area < 1e-4 * union.area
        assert (row["n_tambon"], row[schema.POPULATION]) == (len(own), own[schema.POPULATION].sum())


@pytest.mark.parametrize("code", STRESS_PROVINCES)
def test_metric_work_is_done_in_the_provinces_utm_zone(code):
    build, crs = built(code), EXPECTED_CRS[code]
    assert build.summary.metric_crs == crs == provinces.metric_crs(code)
    measured = (build.tambons.geometry.to_crs(crs).area / 1e6).round(3)
    np.testing.assert_allclose(build.tambons[schema.AREA_KM2], measured, atol=0.0015)


@pytest.mark.parametrize("code", STRESS_PROVINCES)
def test_estimated_villages_lie_strictly_inside_their_own_tambon(code):
    villages, tambons = load_villages(code), load_tambons(code)
    estimated = villages[villages[schema.LOCATION_QUALITY] == schema.ESTIMATED]
    assert len(estimated) == built(code).summary.estimated
    polygons = tambons.set_index(schema.TAMBON_CODE).geometry
    own = estimated[schema.TAMBON_CODE].map(polygons).to_numpy()
    assert shapely.contains_properly(own, estimated.geometry.to_numpy()).all()
    # placed in the province's own zone: the same points as estimating there directly
    again = estimate_village_points(estimated[schema.VILLAGE_CODE].tolist(), estimated[schema.TAMBON_CODE].tolist(),
                                    tambons, metric_crs=EXPECTED_CRS[code])
    assert shapely.equals_exact(again.to_numpy(), estimated.geometry.to_numpy(), tolerance=1e-9).all()


@pytest.mark.parametrize("code", STRESS_PROVINCES)
def test_matched_villages_lie_in_or_within_1500_m_of_their_own_tambon(code):
    villages, tambons = load_villages(code), load_tambons(code)
    matched = villages[villages[schema.LOCATION_QUALITY] != schema.ESTIMATED]
    assert set(matched["match_tier"]) <= set(TIERS)
    assert set(matched[schema.LOCATION_QUALITY]) <= {"high", "medium", "low"}
    metric = EXPECTED_CRS[code]
    polygons = tambons.set_index(schema.TAMBON_CODE).geometry.to_crs(metric)
    own = gpd.GeoSeries(matched[schema.TAMBON_CODE].map(polygons).to_numpy(), crs=metric)
    distance = own.distance(matched.geometry.to_crs(metric).reset_index(drop=True))
    assert distance.max() <= MAX_DISTANCE_M + 1
    np.testing.assert_allclose(distance, matched["dist_to_own_tambon_m"].to_numpy(), atol=1.0)
    inside = matched["point_in_own_tambon"].to_numpy(dtype=bool)
    assert (distance[inside] < 1.0).all() and (distance[~inside] > 0).all()


@pytest.mark.parametrize("code", STRESS_PROVINCES)
def test_a_plan_on_the_default_waves_and_estimated_roster_passes_every_check(code):
    villages, tambons = load_villages(code), load_tambons(code)
    waves = provinces.default_waves(code)
    problem = build_problem(villages, tambons, dataset=dataset_name(code), waves=waves)
    result = planning.plan(problem)
    assert problem.roster.estimated and problem.roster.capacity == planning.DEFAULT_CAPACITY
    assert planning.validate_plan(problem, result.assignment) == ()
    assert [result.metrics.wave_sizes[w.label] for w in waves[1:]] == [w.target for w in waves[1:]]
    assert set(result.assignment) == set(villages[schema.VILLAGE_CODE])


def test_a_province_that_cannot_be_planned_names_the_district_and_the_numbers():
    """Nakhon Ratchasima at 6 villages per team: Pak Chong (3021) has 219 villages and 12 tambons, 216 places."""
    villages, tambons = load_villages(KORAT), load_tambons(KORAT)
    roster = planning.default_roster(dict(zip(villages[schema.VILLAGE_CODE], villages[schema.TAMBON_CODE],
                                              strict=True)),
                                     dict(zip(tambons[schema.TAMBON_CODE], tambons[schema.AMPHOE_CODE], strict=True)),
                                     capacity=6)
    problem = build_problem(villages, tambons, dataset=dataset_name(KORAT), waves=provinces.default_waves(KORAT),
                            roster=roster)
    with pytest.raises(planning.InfeasiblePlanError,
                       match=r"district ปากช่อง \(3021\) has 219 villages but 12 teams x 6 villages x 3 waves = 216"):
        planning.plan(problem)


# --- Determinism and the loaders --------------------------------------------------------------------------------

def test_the_build_is_deterministic_to_the_byte(tmp_path):
    from geodata.databuild.province import build_province

    write_province(built(PHUKET), tmp_path / "first")
    write_province(build_province(PHUKET), tmp_path / "second")
    names = sorted(path.name for path in (tmp_path / "first").iterdir())
    assert names == ["amphoe.csv", "amphoe.geojson", "build.json", "tambon.csv", "tambon.geojson", "villages.csv"]
    for name in names:
        assert (tmp_path / "first" / name).read_bytes() == (tmp_path / "second" / name).read_bytes(), name


@pytest.mark.parametrize("code", STRESS_PROVINCES)
def test_loaded_frames_have_the_schema_columns_and_dtypes(code):
    for frame, columns in ((load_villages(code), schema.VILLAGE_COLUMNS), (load_tambons(code), schema.TAMBON_COLUMNS),
                           (load_amphoes(code), schema.AMPHOE_COLUMNS)):
        assert frame.crs == schema.GEOGRAPHIC_CRS
        assert list(frame.columns) == [*columns, schema.GEOMETRY]
        for name, dtype in columns.items():
            assert frame[name].dtype == pd.Series(dtype=dtype).dtype, name
    tambons = load_tambons(code)
    assert tambons["pop2021_male"].isna().all()  # not in the national gazetteer: empty, not invented
