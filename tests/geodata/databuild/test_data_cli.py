"""``rollout data build`` and ``rollout data provinces``: the files, the summary table and bad input."""

import csv

import pytest

from service.cli import main
from tests.geodata.databuild.support import PHUKET, RANONG


@pytest.mark.slow
def test_build_writes_each_province_and_a_summary_table(tmp_path, capsys):
    assert main(["data", "build", "--province", f"{PHUKET},{RANONG}", "--out", str(tmp_path)]) == 0
    for code in (PHUKET, RANONG):
        assert {p.name for p in (tmp_path / code).iterdir()} == {
            "villages.csv", "tambon.geojson", "amphoe.geojson", "tambon.csv", "amphoe.csv", "build.json"}
    with open(tmp_path / "summary.csv", encoding="utf-8", newline="") as handle:
        rows = {row["province"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {PHUKET, RANONG}
    phuket = rows[PHUKET]
    assert (phuket["villages"], phuket["metric_crs"]) == ("104", "EPSG:32647")
    assert int(phuket["located"]) + int(phuket["estimated"]) == 104
    assert "83 Phuket: 104 villages" in capsys.readouterr().err


@pytest.mark.parametrize(("province", "named"), [
    ("99", "province code '99' is not a Thai province"),
    ("10", "Krung Thep Maha Nakhon (10) has no villages"),
    (",", "--province is empty"),
])
def test_bad_province_prints_one_line_and_exits_2(tmp_path, capsys, province, named):
    status = main(["data", "build", "--province", province, "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert (status, err.count("\n"), named in err) == (2, 1, True)
    assert err.startswith("rollout data build: ")
    assert not (tmp_path / "out").exists()


def test_an_unwritable_folder_prints_one_line_and_exits_2(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    status = main(["data", "build", "--province", PHUKET, "--out", str(blocker / "out")])
    err = capsys.readouterr().err
    assert (status, err.count("\n"), "choose a writable --out folder" in err) == (2, 1, True)


def test_provinces_lists_every_province_with_its_metric_crs(capsys):
    assert main(["data", "provinces"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == ["code", "name_th", "name_en", "metric_crs", "villages"]
    assert len(lines) == 78
    assert "34\tอุบลราชธานี\tUbon Ratchathani\tEPSG:32648\t2708" in lines
