"""A hand-made plan of the embedded province for the export tests (no solver run, so the tests stay fast).

Waves follow the tambon code: tambon number mod 3 gives 2549, 2550 or 2551. On top of that, for amphoe 8018
(ถ้ำพรรณรา, 3 tambons): its first tambon is split (half 2549, half 2550), its first village is locked, and its last
village has no wave. The scenario name is Thai and the date 26 Nov 2026 (UTC) = 26 พ.ย. 2569.
"""

from __future__ import annotations

import geopandas as gpd

import planning
from geodata import schema
from geodata.scenario import Scenario

WAVES = ("2549", "2550", "2551")
AMPHOE = "8018"
#: How the files of amphoe 8018 start: its code and Thai name (ถ้ำพรรณรา).
AMPHOE_FILES = "8018_ถ้ำพรรณรา"
SCENARIO_NAME = "ทดสอบ ส่งออก (ฉบับจังหวัด)"
THAI_DATE = "26 พ.ย. 2569"


def wave_of_tambon(tambon_code: str) -> str:
    return WAVES[int(tambon_code[-2:]) % 3]


def make_scenario(villages: gpd.GeoDataFrame, tambons: gpd.GeoDataFrame, *, estimated_roster: bool = True
                  ) -> Scenario:
    """The plan described in the module docstring; every amphoe gets one team per tambon."""
    assignment = {code: wave_of_tambon(tambon) for code, tambon in
                  zip(villages[schema.VILLAGE_CODE], villages[schema.TAMBON_CODE], strict=True)}
    reasons = dict.fromkeys(assignment, "spread")
    mine = villages[villages[schema.AMPHOE_CODE] == AMPHOE].sort_values(schema.VILLAGE_CODE)
    first_tambon = mine[schema.TAMBON_CODE].iloc[0]
    split = mine[mine[schema.TAMBON_CODE] == first_tambon][schema.VILLAGE_CODE].tolist()
    for i, code in enumerate(split):
        assignment[code] = "2549" if i % 2 == 0 else "2550"
        reasons[code] = "balance"
    locked = mine[schema.VILLAGE_CODE].iloc[0]
    reasons[locked] = "locked"
    unassigned = mine[schema.VILLAGE_CODE].iloc[-1]
    del assignment[unassigned]
    del reasons[unassigned]
    teams = tambons.groupby(schema.AMPHOE_CODE).size().astype(int).to_dict()
    settings = {"waves": [{"label": "2548", "target": None}, {"label": "2549", "target": 400},
                          {"label": "2550", "target": 600}, {"label": "2551", "target": 600}],
                "pilot_label": "2548", "pilot_tambons": [],
                "roster": {"teams": {str(k): int(v) for k, v in teams.items()}, "capacity": 10,
                           "estimated": estimated_roster}}
    metrics = {"max_load": 4.5, "split_tambons": 1, "spread_cost": 0.0, "pace_gap": 12.5, "status": "optimal",
               "failed_checks": []}
    return Scenario(name=SCENARIO_NAME, version=3, dataset="embedded", settings=planning.parse_settings(settings),
                    metrics=metrics,
                    assignment=assignment, locked=frozenset({locked}), reasons=reasons,
                    created_at="2026-11-20T03:00:00+00:00", updated_at="2026-11-26T03:00:00+00:00",
                    updated_by="ทดสอบ")


def expected_waves(villages: gpd.GeoDataFrame, scenario: Scenario, amphoe: str) -> dict[str, str | None]:
    """Village code -> wave (None: no wave) of one amphoe, as the scenario says."""
    mine = villages[villages[schema.AMPHOE_CODE] == amphoe]
    return {code: scenario.assignment.get(code) for code in mine[schema.VILLAGE_CODE]}
