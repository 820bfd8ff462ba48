"""``rollout data nation`` builds the whole country into the cache (here: finds the session's build) and says so;
``rollout plan|export --province nation`` plan it and write a province's packets of the national plan."""

import csv
import json
from collections import Counter

import pytest

from geodata import provinces
from geodata.plans import DEFAULT_SCENARIO_NAME
from service.cli import main

pytestmark = pytest.mark.slow


def test_data_nation_builds_or_finds_the_nation_and_prints_its_counts(frames, capsys):
    assert main(["data", "nation"]) == 0
    err = capsys.readouterr().err
    assert "nation: 76 provinces, 878 amphoe, 7,256 tambons (7,072 with villages), 75,206 villages" in err


def test_data_nation_refuses_no_workers_in_one_line(capsys):
    assert main(["data", "nation", "--workers", "0"]) == 2
    err = capsys.readouterr().err
    assert err == "rollout data nation: --workers 0 must be 1 or more\n"


def test_plan_of_the_nation_gives_every_village_a_wave_with_the_national_targets(frames, tmp_path, capsys):
    out, metrics = tmp_path / "plan.csv", tmp_path / "metrics.json"
    assert main(["plan", "--province", "nation", "--out", str(out), "--metrics", str(metrics)]) == 0
    with open(out, encoding="utf-8", newline="") as handle:
        waves = Counter(row["wave"] for row in csv.DictReader(handle))
    assert sum(waves.values()) == len(frames[0]) == 75_206
    assert (waves["2549"], waves["2550"], waves["2551"]) == (16_000, 24_000, 75_206 - 40_000)
    document = json.loads(metrics.read_text(encoding="utf-8"))
    assert (document["province"], document["status"]) == ("nation", "optimal")
    assert "plan: the whole country: " in capsys.readouterr().err


def test_a_national_roster_too_small_names_the_district_and_its_numbers(frames, tmp_path, capsys):
    """At 7 villages per team and wave two districts are short; Tha Takiap (2410), the first by code, is quoted."""
    assert main(["plan", "--province", "nation", "--capacity", "7", "--out", str(tmp_path / "plan.csv")]) == 2
    line = capsys.readouterr().err.strip()
    assert line.startswith("rollout plan: district Tha Takiap (2410) of Chachoengsao has 47 villages but 2 teams x 7 "
                           "villages per team and wave x 3 waves = 42 places, 5 short; give it at least 3 teams "
                           "(--roster) or let a team take at least 8 villages per wave (--capacity 8); and 1 more "
                           "district(s) whose teams cannot take their villages / อำเภอท่าตะเกียบ (2410)")


def test_export_of_the_nation_writes_the_named_provinces_packets(frames, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["export", "--province", "nation", "--for-province", "85", "--format", "csv", "--out",
                 str(out)]) == 0
    with open(out / "85_Ranong" / "85_Ranong_villages.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == provinces.province("85").n_villages
    assert {r["scenario"] for r in rows} == {f"{DEFAULT_SCENARIO_NAME} · ระนอง (85)"}
    assert "for 1 province(s)" in capsys.readouterr().err


def test_export_of_the_nation_needs_the_provinces_to_write(tmp_path, capsys):
    assert main(["export", "--province", "nation", "--out", str(tmp_path / "out")]) == 2
    assert "give --for-province with the province codes" in capsys.readouterr().err
