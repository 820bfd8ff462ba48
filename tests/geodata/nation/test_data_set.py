"""The whole country as one data set: the gazetteer's counts, each province's own villages, valid provinces,
an adjacency across province borders."""

from collections import deque

import pandas as pd
import pytest
import shapely

import geodata
from geodata import nation, provinces, schema
from geodata.databuild.national import national_data
from tests.geodata.databuild.support import UBON

pytestmark = pytest.mark.slow
NST = provinces.DEFAULT_PROVINCE


def test_the_nation_has_the_gazetteers_villages_tambons_amphoe_and_provinces(frames):
    villages, tambons, amphoes, provinces_frame = frames
    gazetteer = national_data()
    outside_bangkok = gazetteer.amphoes[gazetteer.amphoes[schema.AMPHOE_CODE].str[:2] != "10"]
    assert len(villages) == 75_206 and villages[schema.VILLAGE_CODE].is_unique
    assert set(villages[schema.VILLAGE_CODE]) == set(gazetteer.villages[schema.VILLAGE_CODE])
    assert villages[schema.TAMBON_CODE].nunique() == gazetteer.villages[schema.TAMBON_CODE].nunique() == 7_072
    assert set(amphoes[schema.AMPHOE_CODE]) == set(outside_bangkok[schema.AMPHOE_CODE]) and len(amphoes) == 878
    assert sorted(provinces_frame[schema.PROVINCE]) == [p.code for p in provinces.provinces() if p.has_villages]
    assert len(provinces_frame) == 76 and "10" not in set(provinces_frame[schema.PROVINCE])
    assert len(tambons) == nation.nation().n_tambon == 7_256
    summary = nation.national_summary()
    assert (summary.villages, summary.tambons_with_villages, summary.amphoes, summary.provinces) == (
        75_206, 7_072, 878, 76)
    assert summary.located + summary.estimated == 75_206
    in_nation = gazetteer.tambons[gazetteer.tambons[schema.TAMBON_CODE].isin(set(tambons[schema.TAMBON_CODE]))]
    assert summary.population == int(in_nation["population_2021"].sum()) == int(tambons[schema.POPULATION].sum())


def test_a_province_inside_the_nation_has_exactly_the_villages_it_has_on_its_own(frames):
    villages = frames[0]
    for code in (NST, UBON):
        mine = villages[villages[schema.PROVINCE] == code].reset_index(drop=True)
        pd.testing.assert_frame_equal(mine, geodata.load_villages(code))
    assert (villages.loc[villages[schema.PROVINCE] == NST, schema.LOCATION_QUALITY] != schema.ESTIMATED).sum() == 1118


def test_the_national_data_set_has_its_own_name():
    names = {geodata.dataset_name(p.code) for p in provinces.provinces()}
    assert nation.NATIONAL_DATASET not in names and nation.nation().dataset == nation.NATIONAL_DATASET


def test_province_polygons_are_valid_and_their_counts_sum_to_the_nations(frames):
    villages, tambons, amphoes, provinces_frame = frames
    assert shapely.is_valid(provinces_frame.geometry.to_numpy()).all()
    per_province = villages[schema.PROVINCE].value_counts()
    assert provinces_frame.set_index(schema.PROVINCE)["n_muban"].to_dict() == per_province.to_dict()
    assert provinces_frame["n_muban"].sum() == len(villages)
    assert provinces_frame["n_muban_located"].sum() == (villages[schema.LOCATION_QUALITY] != schema.ESTIMATED).sum()
    assert provinces_frame["n_tambon"].sum() == len(tambons) and provinces_frame["n_amphoe"].sum() == len(amphoes)
    assert provinces_frame[schema.POPULATION].sum() == tambons[schema.POPULATION].sum()
    # the dissolved province covers its tambons: same area to within 0.1 %
    tambon_area = tambons.groupby(schema.PROVINCE)[schema.AREA_KM2].sum()
    ratio = provinces_frame.set_index(schema.PROVINCE)[schema.AREA_KM2] / tambon_area
    assert ratio.between(0.999, 1.001).all(), ratio[~ratio.between(0.999, 1.001)]


def test_tambon_adjacency_crosses_province_borders_and_joins_the_whole_country():
    adjacency = nation.national_adjacency()
    bordering = {near[:2] for code, neighbours in adjacency.items() if code[:2] == NST for near in neighbours}
    assert {"81", "84", "92", "93"} <= bordering  # Krabi, Surat Thani, Trang, Phatthalung
    seen, queue = {min(adjacency)}, deque([min(adjacency)])
    while queue:
        for near in adjacency[queue.popleft()]:
            if near not in seen:
                seen.add(near)
                queue.append(near)
    assert seen == set(adjacency)
    assert all(code in adjacency[near] for code, neighbours in adjacency.items() for near in neighbours)
