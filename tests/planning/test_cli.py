"""``rollout plan`` on the embedded province: the plan file, the metrics file and bad input."""

from __future__ import annotations

import csv
import json

import pytest

from geodata.cli import PLAN_COLUMNS
from service.cli import main


@pytest.fixture(scope="module")
def default_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("plan")
    status = main(["plan", "--out", str(folder / "plan.csv"), "--metrics", str(folder / "metrics.json")])
    with open(folder / "plan.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return status, rows, json.loads((folder / "metrics.json").read_text(encoding="utf-8"))


def test_default_plan_exits_zero_with_the_plan_columns(default_run):
    status, rows, _ = default_run
    assert (status, tuple(rows[0])) == (0, PLAN_COLUMNS)


def test_default_plan_gives_every_village_exactly_once(default_run):
    _, rows, _ = default_run
    codes = [row["village_code"] for row in rows]
    assert (len(codes), len(set(codes))) == (1553, 1553)


def test_default_plan_fills_400_600_553_and_is_proven_optimal(default_run):
    _, rows, metrics = default_run
    counted = {label: sum(row["wave"] == label for row in rows) for label in ("2549", "2550", "2551")}
    assert (counted, metrics["status"]) == ({"2549": 400, "2550": 600, "2551": 553}, "optimal")


def test_metrics_file_has_the_agreed_keys(default_run):
    _, _, metrics = default_run
    assert {"wave_sizes", "max_load", "split_tambons", "status", "seconds"} <= set(metrics)


def test_pilot_villages_are_in_2548_and_locked(tmp_path):
    assert main(["plan", "--out", str(tmp_path / "plan.csv"), "--pilot", "800106"]) == 0
    with open(tmp_path / "plan.csv", encoding="utf-8", newline="") as handle:
        pilot = [row for row in csv.DictReader(handle) if row["tambon_code"] == "800106"]
    assert {(row["wave"], row["locked"], row["reason"]) for row in pilot} == {("2548", "true", "pilot")}


@pytest.mark.parametrize(("arguments", "named"), [
    (["--targets", "400,abc"], "'abc' is not a whole number"),
    (["--pilot", "999999"], "pilot tambon 999999"),
    (["--capacity", "0"], "capacity '0'"),
    (["--targets", "1000,600,600"], "1600 villages but there are only 1553, 47 too many"),
])
def test_bad_input_prints_one_line_naming_the_value_and_exits_2(tmp_path, capsys, arguments, named):
    status = main(["plan", "--out", str(tmp_path / "plan.csv"), *arguments])
    err = capsys.readouterr().err
    assert (status, err.count("\n"), named in err) == (2, 1, True)


def test_bad_roster_row_is_named(tmp_path, capsys):
    roster = tmp_path / "roster.csv"
    roster.write_text("amphoe_code,teams\n8001,many\n", encoding="utf-8")
    status = main(["plan", "--out", str(tmp_path / "plan.csv"), "--roster", str(roster)])
    assert (status, "row 1: district 8001 has teams 'many'" in capsys.readouterr().err) == (2, True)
