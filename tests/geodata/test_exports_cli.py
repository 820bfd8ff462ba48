"""`rollout export` from the command line: a saved scenario by name, the default plan, and one-line errors."""

from __future__ import annotations

import csv
import re
import subprocess
import zipfile

import pytest

import geodata
import store
from geodata import schema
from service import Workspace
from service.cli import main
from service.database import command_line_actor
from tests.geodata.exports_support import AMPHOE, SCENARIO_NAME, expected_waves, make_scenario


@pytest.fixture
def database(tmp_path, monkeypatch):
    """A database holding the hand-made scenario, found through ROLLOUT_DATABASE_URL as the dashboard does."""
    monkeypatch.setenv(store.DATABASE_URL_VARIABLE, f"sqlite:///{tmp_path / 'rollout.sqlite3'}")
    villages, tambons = geodata.load_villages(), geodata.load_tambons()
    plan = make_scenario(villages, tambons)
    Workspace(store.open_store(), command_line_actor()).save_plan_as(plan.name, plan)
    return plan


def read_waves(path) -> dict[str, str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row[schema.VILLAGE_CODE]: row["wave"] for row in csv.DictReader(handle)}


def test_a_saved_scenario_is_exported_by_name(database, tmp_path, capsys):
    out = tmp_path / "out"
    status = main(["export", "--scenario", SCENARIO_NAME, "--amphoe", AMPHOE, "--format", "csv,xlsx",
                   "--out", str(out)])
    assert status == 0
    folder = out / "8018_Tham_Phannara"
    assert sorted(p.name for p in folder.iterdir()) == ["8018_ถ้ำพรรณรา_plan.xlsx", "8018_ถ้ำพรรณรา_villages.csv"]
    expected = {code: wave or "" for code, wave in expected_waves(geodata.load_villages(), database, AMPHOE).items()}
    assert read_waves(folder / "8018_ถ้ำพรรณรา_villages.csv") == expected
    assert "export: 2 files" in capsys.readouterr().err


def test_all_amphoes_go_in_one_zip_with_a_folder_each(database, tmp_path):
    out = tmp_path / "out"
    assert main(["export", "--scenario", SCENARIO_NAME, "--amphoe", "all", "--format", "csv", "--out", str(out),
                 "--zip"]) == 0
    (archive,) = out.glob("*.zip")
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
    folders = {name.split("/")[0] for name in names if "/" in name}
    assert len(folders) == 23 and "8007_Cha-uat" in folders
    assert "80_Nakhon_Si_Thammarat_villages.csv" in names


def test_without_a_scenario_the_default_plan_is_exported(tmp_path):
    out = tmp_path / "out"
    assert main(["export", "--amphoe", "8022", "--format", "csv", "--out", str(out)]) == 0
    waves = read_waves(out / "8022_Chang_Klang" / "8022_ช้างกลาง_villages.csv")
    villages = geodata.load_villages()
    assert len(waves) == int((villages[schema.AMPHOE_CODE] == "8022").sum())
    assert set(waves.values()) <= {"2549", "2550", "2551"}


def test_without_a_scenario_the_official_plan_is_exported_with_its_approval(database, tmp_path, capsys):
    store.open_store().mark_official(SCENARIO_NAME, author="นายอนุมัติ", expected_version=1)
    out = tmp_path / "out"
    assert main(["export", "--amphoe", AMPHOE, "--format", "csv,pdf", "--out", str(out)]) == 0
    assert f"exporting the province's official plan '{SCENARIO_NAME}' (version 1)" in capsys.readouterr().err
    folder = out / "8018_Tham_Phannara"
    expected = {code: wave or "" for code, wave in expected_waves(geodata.load_villages(), database, AMPHOE).items()}
    assert read_waves(folder / "8018_ถ้ำพรรณรา_villages.csv") == expected
    text = subprocess.run(["pdftotext", "-layout", str(folder / "8018_ถ้ำพรรณรา_plan.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "แผนทางการของจังหวัด: ตั้งในโปรแกรมโดย นายอนุมัติ เมื่อ" in text


@pytest.mark.parametrize(("arguments", "message"), [
    (["--scenario", "ไม่มีแผนนี้"], r"no scenario named 'ไม่มีแผนนี้'; saved scenarios: 'ทดสอบ ส่งออก"),
    (["--amphoe", "9999"], r"no amphoe '9999'; use a code of the province \(8001, .*8023\) or 'all'"),
    (["--format", "xlsx,shp"], r"unknown format\(s\) shp; choose from xlsx,pdf,csv,gpkg,geojson"),
])
def test_bad_input_is_one_line_on_stderr_and_exit_status_2(database, tmp_path, capsys, arguments, message):
    assert main(["export", *arguments, "--out", str(tmp_path / "out")]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("rollout export: ") and "\n" not in error
    assert re.search(message, error), error
    assert not (tmp_path / "out").exists()


def test_location_corrections_in_the_database_reach_the_exported_files(tmp_path):
    """The Export page exports the corrected points; the command line, reading the same database, must too."""
    villages = geodata.load_villages()
    estimated = villages[(villages[schema.AMPHOE_CODE] == "8022")
                         & (villages[schema.LOCATION_QUALITY] == schema.ESTIMATED)].iloc[0]
    code = estimated[schema.VILLAGE_CODE]
    store.open_store().add_location_correction(code, estimated[schema.LAT] + 0.001, estimated[schema.LON],
                                               source="GPS อำเภอ", author="ทดสอบ")
    out = tmp_path / "out"
    assert main(["export", "--amphoe", "8022", "--format", "csv", "--out", str(out)]) == 0
    with (out / "8022_Chang_Klang" / "8022_ช้างกลาง_villages.csv").open(encoding="utf-8-sig", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r[schema.VILLAGE_CODE] == code)
    assert row[schema.LOCATION_QUALITY] == "high"
    assert float(row[schema.LAT]) == pytest.approx(estimated[schema.LAT] + 0.001)
