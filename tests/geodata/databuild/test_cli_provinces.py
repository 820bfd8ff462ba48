"""``rollout plan`` and ``rollout export`` with ``--province``: another province planned and exported, and one-line
refusals (exit 2, English then Thai) for an unknown code, a province without villages and a roster too small.
The nation (``--province nation``) is tested with the nation's fixtures, tests/geodata/nation/test_nation_cli.py."""

from __future__ import annotations

import csv
import json

import openpyxl
import pytest

from geodata import provinces, schema
from geodata.province_data import load_villages
from service.cli import main
from tests.geodata.databuild.support import KORAT, RANONG

pytestmark = pytest.mark.slow


def one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    return err.strip()


def test_plan_of_another_province_covers_its_villages_with_its_default_waves(tmp_path, capsys):
    out, metrics = tmp_path / "plan.csv", tmp_path / "metrics.json"
    assert main(["plan", "--province", RANONG, "--out", str(out), "--metrics", str(metrics)]) == 0
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(r["village_code"] for r in rows) == sorted(load_villages(RANONG)[schema.VILLAGE_CODE])
    document = json.loads(metrics.read_text(encoding="utf-8"))
    targets = {w.label: w.target for w in provinces.default_waves(RANONG)[1:]}
    assert document["province"] == RANONG and document["status"] == "optimal"
    assert {label: document["wave_sizes"][label] for label in targets} == targets
    assert "plan: Ranong (85): " in capsys.readouterr().err


def test_an_unknown_province_is_refused_in_one_line_naming_it_and_how_to_list_the_codes(tmp_path, capsys):
    out = tmp_path / "plan.csv"
    assert main(["plan", "--province", "99", "--out", str(out)]) == 2
    line = one_line(capsys)
    assert line.startswith("rollout plan: province code '99' is not a Thai province")
    assert "'rollout data provinces' lists every code" in line and "ไม่มีจังหวัดรหัส '99'" in line
    assert not out.exists()


def test_a_province_without_villages_is_refused(tmp_path, capsys):
    assert main(["export", "--province", "10", "--out", str(tmp_path / "out")]) == 2
    line = one_line(capsys)
    assert "Krung Thep Maha Nakhon (10) has no villages" in line and "กรุงเทพมหานคร (10) ไม่มีหมู่บ้าน" in line


def test_a_roster_that_cannot_carry_a_district_quotes_its_numbers_and_the_fix(tmp_path, capsys):
    """Nakhon Ratchasima at 6 villages per team: Pak Chong (3021) has 219 villages, 12 teams, 3 waves: 216."""
    out = tmp_path / "plan.csv"
    assert main(["plan", "--province", KORAT, "--capacity", "6", "--out", str(out)]) == 2
    line = one_line(capsys)
    assert ("rollout plan: district Pak Chong (3021) of Nakhon Ratchasima has 219 villages but 12 teams x 6 villages "
            "per team and wave x 3 waves = 216 places, 3 short; give it at least 13 teams (--roster) or let a team "
            "take at least 7 villages per wave (--capacity 7) / อำเภอปากช่อง (3021) จังหวัดนครราชสีมา มี 219 หมู่บ้าน"
            ) in line
    assert not out.exists()


def test_export_of_another_province_names_its_files_and_titles_after_it(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["export", "--province", RANONG, "--format", "xlsx", "--out", str(out)]) == 0
    info = provinces.province(RANONG)
    book = openpyxl.load_workbook(out / "85_Ranong_plan.xlsx", read_only=True)
    assert f"จังหวัด{info.name_th}" in book.worksheets[0]["A1"].value
    assert len(list(out.glob("85??_*/85??_*_plan.xlsx"))) == info.n_amphoe  # 8501_Mueang_Ranong/8501_เมืองระนอง_plan
    assert "export: 6 files" in capsys.readouterr().err


def test_export_refuses_an_amphoe_of_another_province_and_for_province_without_the_nation(tmp_path, capsys):
    assert main(["export", "--province", RANONG, "--amphoe", "8001", "--out", str(tmp_path / "a")]) == 2
    assert "no amphoe '8001'; use a code of the province (8501, 8502" in one_line(capsys)
    assert main(["export", "--province", RANONG, "--for-province", "34", "--out", str(tmp_path / "b")]) == 2
    assert "--for-province goes with --province nation only" in one_line(capsys)
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()
