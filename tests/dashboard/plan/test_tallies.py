"""The live tallies are tables built from the engine's metrics and checks; tested on a hand-worked problem.

District 8001 has one team (C = 2), district 8002 two teams. Waves 2549 (target 3) and 2550 (the rest)::

    tambon 800101 (8001): a1 a2 a3        tambon 800201 (8002): b1 b2 b3

By hand: 8001 places 3 villages in 2 waves with one team, so one of its waves has at least 2 villages: the
best largest load is 2.0 villages per team (8002's loads are at most 1.0).
"""

from fractions import Fraction

import pytest

import planning
from dashboard.plan.tallies import (
    ABOVE_OPTIMUM,
    OVER_CAPACITY,
    STATUS_COLOURS,
    WaveOff,
    check_lines,
    load_matrix,
    off_target,
    optimal_max_load,
    split_table,
    styled_load,
    styled_waves,
    wave_table,
)
from geodata.messages import text

VILLAGES = {"a1": "800101", "a2": "800101", "a3": "800101", "b1": "800201", "b2": "800201", "b3": "800201"}
TAMBONS = {"800101": "8001", "800201": "8002"}


@pytest.fixture(scope="module")
def problem():
    return planning.make_problem(VILLAGES, TAMBONS, waves=(planning.Wave("2549", 3), planning.Wave("2550", None)),
                                 roster=planning.Roster({"8001": 1, "8002": 2}, capacity=2, estimated=False))


def test_the_optimum_is_the_hand_worked_largest_load(problem):
    assert optimal_max_load(problem) == Fraction(2)


def test_wave_table_shows_targets_counts_and_status(problem):
    metrics = planning.evaluate(problem, {"a1": "2549", "a2": "2549", "b1": "2549", "a3": "2550",
                                          "b2": "2550", "b3": "2550"})
    table = wave_table(problem, metrics, "en")
    assert table.to_dict("records") == [
        {"Wave (B.E.)": "2549", "Target": "3", "Now": 3, "Status": "on target"},
        {"Wave (B.E.)": "2550", "Target": "the rest (3)", "Now": 3, "Status": "on target"}]


def test_wave_table_shows_what_pending_changes_would_give(problem):
    now = planning.evaluate(problem, dict.fromkeys(VILLAGES, "2550"))
    pending = planning.evaluate(problem, {**dict.fromkeys(VILLAGES, "2550"), "a1": "2549"})
    table = wave_table(problem, now, "th", pending=pending)
    assert list(table["ถ้ายืนยัน"]) == [1, 5]
    assert list(table["สถานะ"]) == ["ขาด 2", "เกิน 2"]


def test_the_waves_a_plan_leaves_over_or_under_target_with_by_how_many(problem):
    pending = planning.evaluate(problem, {**dict.fromkeys(VILLAGES, "2550"), "a1": "2549"})
    assert off_target(problem, pending) == [WaveOff("2549", -2), WaveOff("2550", 2)]
    on_target = planning.evaluate(problem, {"a1": "2549", "a2": "2549", "b1": "2549", "a3": "2550", "b2": "2550",
                                            "b3": "2550"})
    assert off_target(problem, on_target) == []


def test_status_cells_are_coloured_by_over_short_or_on_target(problem):
    now = planning.evaluate(problem, {"a1": "2549", "a2": "2549", "b1": "2549", "a3": "2550", "b2": "2550",
                                      "b3": "2550"})
    pending = planning.evaluate(problem, {**dict.fromkeys(VILLAGES, "2550"), "a1": "2549"})
    table = wave_table(problem, now, "th", pending=pending).set_index("ระยะ (พ.ศ.)")
    cells = styled_waves(table, problem, pending)._compute().ctx
    status = list(table.columns).index("สถานะ")
    assert cells[(0, status)] == [("background-color", STATUS_COLOURS["short"])], "2549: ขาด 2"
    assert cells[(1, status)] == [("background-color", STATUS_COLOURS["over"])], "2550: เกิน 2"
    assert not any(cells.get((row, 0)) for row in (0, 1)), "only the status cells are coloured"
    fine = styled_waves(wave_table(problem, now, "th").set_index("ระยะ (พ.ศ.)"), problem, now)._compute().ctx
    assert {tuple(v) for v in fine.values() if v} == {(("background-color", STATUS_COLOURS["ok"]),)}


def test_load_matrix_flags_over_capacity_and_above_optimum(problem):
    everything_first = planning.evaluate(problem, {"a1": "2549", "a2": "2549", "a3": "2549", "b1": "2550",
                                                   "b2": "2550", "b3": "2550"})
    matrix = load_matrix(problem, everything_first, {"8001": "Mueang"}, optimal_max_load(problem))
    assert matrix.values.loc["Mueang (8001)", "2549"] == 3.0
    assert matrix.values.loc["8002 (8002)", "2550"] == 1.5
    assert matrix.flagged(OVER_CAPACITY) == [("Mueang (8001)", "2549")]  # 3 villages > 1 team x C = 2
    assert matrix.flagged(ABOVE_OPTIMUM) == []
    balanced = planning.evaluate(problem, {"a1": "2549", "a2": "2549", "a3": "2550", "b1": "2549",
                                           "b2": "2550", "b3": "2550"})
    assert load_matrix(problem, balanced, {}, optimal_max_load(problem)).flagged(OVER_CAPACITY) == []


def test_a_load_above_the_optimum_but_within_capacity_is_flagged_amber():
    problem = planning.make_problem(VILLAGES, TAMBONS, waves=(planning.Wave("2549", 3), planning.Wave("2550", None)),
                                    roster=planning.Roster({"8001": 1, "8002": 1}, capacity=3, estimated=False))
    # Optimum: each district one wave of 2 and one of 1 -> 2.0; putting all of 8001 in 2549 gives 3.0.
    metrics = planning.evaluate(problem, {"a1": "2549", "a2": "2549", "a3": "2549", "b1": "2550", "b2": "2550",
                                          "b3": "2550"})
    matrix = load_matrix(problem, metrics, {}, optimal_max_load(problem))
    assert matrix.optimum == 2.0
    assert set(matrix.flagged(ABOVE_OPTIMUM)) == {("8001 (8001)", "2549"), ("8002 (8002)", "2550")}


def test_styled_matrix_tints_flagged_cells(problem):
    metrics = planning.evaluate(problem, dict.fromkeys(VILLAGES, "2549"))
    html = styled_load(load_matrix(problem, metrics, {}, optimal_max_load(problem))).to_html()
    assert "#f4a6a6" in html and "3.0" in html


def test_split_tambons_list_each_wave_count(problem):
    assignment = {"a1": "2549", "a2": "2550", "a3": "2550", "b1": "2549", "b2": "2549", "b3": "2550"}
    metrics = planning.evaluate(problem, assignment)
    table = split_table(metrics, assignment, VILLAGES, {"800101": "Tha Rai"}, "en")
    assert table.to_dict("records") == [
        {"Code": "800101", "Tambon": "Tha Rai", "Waves with villages": "2549: 1, 2550: 2"},
        {"Code": "800201", "Tambon": "800201", "Waves with villages": "2549: 2, 2550: 1"}]


def test_checks_are_named_in_words_with_what_fails(problem):
    lines = check_lines(problem, {"a1": "2549"}, "th")
    assert [line.name for line in lines] == list(planning.CHECKS)
    failed = {line.name: line for line in lines if not line.passed}
    assert set(failed) == {"every_village_assigned_once", "wave_sizes_met"}
    assert failed["wave_sizes_met"].rule == "ขนาดแต่ละระยะตรงตามเป้า"
    assert any("ระยะ 2549 มี 1 หมู่บ้าน" in d for d in failed["wave_sizes_met"].details)
    english = {line.name: line for line in check_lines(problem, {"a1": "2549"}, "en") if not line.passed}
    assert any("wave 2549 has 1 villages" in d for d in english["wave_sizes_met"].details)


def test_a_valid_plan_passes_every_check(problem):
    assignment = {"a1": "2549", "a2": "2549", "a3": "2550", "b1": "2549", "b2": "2550", "b3": "2550"}
    assert all(line.passed for line in check_lines(problem, assignment, "en"))


def test_engine_status_codes_are_shown_in_words():
    from dashboard.plan.tallies_panel import STATUS_WORDS

    assert set(STATUS_WORDS) >= {"optimal", "evaluated", "local_optimum", "local_search", "off"}
    for key in STATUS_WORDS.values():
        thai, english = text(key, "th"), text(key, "en")
        assert thai and english and thai != english
