"""The national view: the Coverage page with the whole country chosen (figures, the map's layers and size, and
the page in AppTest). The nation is built once per test session (in the session's own build cache) and its
default plan computed once per process, as the page does."""

from __future__ import annotations

import re

import pytest

from dashboard.coverage.national_figures import national_coverage, plan_years, wave_counts
from dashboard.coverage.national_maps import FocusLayers, NationalMapWords, national_map
from geodata import national_layers, provinces, schema
from tests.dashboard.conftest import open_app

WORDS = NationalMapWords("จังหวัด", "อำเภอ", "ตำบล", "หมู่บ้าน", "สัดส่วน", "จำนวน", "สัดส่วนที่ครอบคลุม",
                         tuple("abcdef"), "ซูมเข้า", "ครอบคลุมแล้ว", "ยังไม่ถึง", "ตำแหน่งโดยประมาณ")


@pytest.fixture(scope="module")
def nation_plan():
    """(villages, default national plan), the nation built with two workers in this test process first."""
    from geodata import nation
    from geodata.national_plan import default_national_scenario

    nation.nation_folder()
    villages = nation.load_national_villages()
    return villages, default_national_scenario(villages, nation.load_national_tambons())


def focus(code: str) -> FocusLayers:
    frame = provinces.province(code).frame
    return FocusLayers(code, national_layers.amphoe_layer(code), national_layers.tambon_layer(code),
                       national_layers.village_layer(code),
                       [[frame.min_lat, frame.min_lon], [frame.max_lat, frame.max_lon]])


def test_coverage_by_year_adds_the_waves_up_and_every_province_adds_up_to_the_country(nation_plan):
    villages, plan = nation_plan
    years, counts = plan_years(plan), wave_counts(plan)
    assert years == (2549, 2550, 2551) and counts == {"2549": 16_000, "2550": 24_000, "2551": len(villages) - 40_000}
    reach = national_coverage(plan, villages, 2550)
    assert reach.covered == 40_000 == sum(reach.province_covered.values()) == sum(reach.tambon_covered.values())
    assert len(reach.province_share) == 76 and len(reach.covered_villages) == 40_000
    ranong = villages[villages[schema.PROVINCE] == "85"]
    covered_in_ranong = sum(plan.assignment[c] in ("2549", "2550") for c in ranong[schema.VILLAGE_CODE])
    assert reach.province_covered["85"] == covered_in_ranong
    assert reach.province_share["85"] == pytest.approx(covered_in_ranong / len(ranong))
    assert national_coverage(plan, villages, 2551).share == 1.0


def test_the_national_map_draws_provinces_only_until_one_is_chosen_offline_and_within_the_budget(nation_plan):
    villages, plan = nation_plan
    reach = national_coverage(plan, villages, 2549)
    country = national_map(national_layers.province_layer(), reach, WORDS, "th").get_root().render()
    assert "focus_villages" not in country and country.count('"province_th"') >= 76
    assert not re.findall(r'(?:src|href)="https?://', country), "nothing is fetched from another host"
    largest = national_map(national_layers.province_layer(), reach, WORDS, "th", focus=focus("30")
                           ).get_root().render()
    assert len(largest.encode()) < national_layers.MAP_PAYLOAD_BUDGET  # Nakhon Ratchasima, the largest province
    assert largest.count('"village_code"') >= 3_757 and "ตำแหน่งโดยประมาณ" in largest


def test_choosing_the_whole_country_shows_the_national_view_with_its_default_plan(nation_plan):
    at = open_app("en", roles=("executive",))
    at.selectbox(key="province_pick").set_value("nation").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Rollout coverage of the whole country" and at.query_params["province"] == "nation"
    assert any("default national plan: default waves (2549 16,000, 2550 24,000, 2551 the rest)" in i.value
               for i in at.info)
    assert [m.value for m in at.metric] == ["16,000", "40,000", f"{len(nation_plan[0]):,}"]
    at.selectbox(key="nat_focus").set_value("85").run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert len(table) == 76 and table["villages"].sum() == len(nation_plan[0])
    at.switch_page("export/page.py").run()
    assert not at.exception and "the national view is on the Coverage page" in at.info[0].value
