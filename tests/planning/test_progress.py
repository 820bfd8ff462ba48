"""The six-step rules: which reported rows are recorded, and the reason each refused row gets.

The villages used here::

    v2549  wave 2549 (starts 1 Oct 2005: fiscal year 2549)   current step 3, reached 2006-03-01
    v2550  wave 2550 (starts 1 Oct 2006)                      no report yet
    other  wave 2550                                          no report yet
    loose  in the data set, no wave in the plan
    today  2007-06-30
"""

import datetime as dt

import pytest

from planning.progress import (
    NOT_REPORTED,
    STEPS,
    ProgressRow,
    Reached,
    check_progress_rows,
    months_before,
    stalled_villages,
    step_by_number,
    step_counts_by_district,
    wave_start,
)

TODAY = dt.date(2007, 6, 30)
KNOWN = {"v2549", "v2550", "other", "loose"}
WAVES = {"v2549": "2549", "v2550": "2550", "other": "2550"}
CURRENT = {"v2549": Reached(3, dt.date(2006, 3, 1))}


def check(*rows):
    return check_progress_rows(rows, known_villages=KNOWN, village_waves=WAVES, current=CURRENT, today=TODAY)


def row(code="v2550", step=1, day=dt.date(2007, 1, 15), reason="", number=2):
    return ProgressRow(code, step, day, "อำเภอ", reason, row=number)


def test_the_six_steps_are_numbered_one_to_six():
    assert [s.number for s in STEPS] == [1, 2, 3, 4, 5, 6]
    assert step_by_number(6).english == "Periodic evaluation"
    with pytest.raises(ValueError, match="numbered 1 to 6"):
        step_by_number(7)


def test_a_wave_starts_on_the_first_day_of_its_thai_fiscal_year():
    assert wave_start("2550") == dt.date(2006, 10, 1)
    assert wave_start("2548") == dt.date(2004, 10, 1)
    with pytest.raises(ValueError, match="not a Buddhist-era year"):
        wave_start("wave 1")


def test_valid_rows_are_accepted():
    result = check(row(), row("v2549", 4, dt.date(2007, 2, 1), number=3))
    assert [r.village_code for r in result.accepted] == ["v2550", "v2549"]
    assert result.refused == ()


@pytest.mark.parametrize(("bad", "check_name"), [
    (row("80999999"), "unknown_village"),
    (row("loose"), "no_wave"),
    (row(step=0), "step_out_of_range"),
    (row(step=7), "step_out_of_range"),
    (row(day=dt.date(2007, 7, 1)), "future_date"),
    (row(day=dt.date(2006, 9, 30)), "before_wave"),
    (row("v2549", 2, dt.date(2007, 1, 1)), "step_backwards"),
    (row("v2549", 3, dt.date(2007, 1, 1)), "no_change"),
    (row("v2549", 4, dt.date(2006, 2, 1)), "before_current"),
])
def test_each_kind_of_invalid_row_is_refused_with_its_reason_and_the_valid_rows_kept(bad, check_name):
    good = row("other", 1, dt.date(2007, 1, 15), number=9)
    result = check(bad, good)
    assert result.accepted == (good,)
    assert [r.check for r in result.refused] == [check_name]
    refusal = result.refused[0]
    assert refusal.row == 2 and refusal.village_code == bad.village_code
    assert refusal.message and refusal.fix


def test_a_step_may_go_back_when_a_reason_is_given():
    back = row("v2549", 2, dt.date(2007, 1, 1), reason="ผู้นำชุมชนเปลี่ยน ต้องตั้งประชาคมใหม่")
    assert check(back).accepted == (back,)


def test_the_first_day_of_the_fiscal_year_and_today_are_allowed():
    first, last = row(day=dt.date(2006, 10, 1)), row("v2549", 5, TODAY, number=3)
    assert check(first, last).accepted == (first, last)


def test_a_row_breaking_several_rules_gets_every_reason():
    result = check(row("loose", 9, dt.date(2008, 1, 1)))
    assert {r.check for r in result.refused} == {"no_wave", "step_out_of_range", "future_date"}
    assert result.refused_rows == (2,)


def test_rows_of_one_village_are_taken_in_date_order():
    # Given out of order: step 2 (Mar) before step 1 (Jan); in date order each builds on the one before.
    second, first = row(step=2, day=dt.date(2007, 3, 1), number=2), row(step=1, day=dt.date(2007, 1, 1), number=3)
    result = check(second, first)
    assert result.accepted == (first, second)


def test_a_repeated_row_in_one_file_is_refused_as_no_change():
    once, again = row(number=2), row(number=3)
    result = check(once, again)
    assert result.accepted == (once,)
    assert [(r.row, r.check) for r in result.refused] == [(3, "no_change")]


def test_refusals_carry_the_values_an_interface_needs_to_word_them():
    refusal = check(row(day=dt.date(2006, 9, 30))).refused[0]
    assert refusal.details["wave"] == "2550" and refusal.details["wave_start"] == dt.date(2006, 10, 1)
    assert "fiscal year 2550" in str(refusal)


def test_months_before_keeps_the_day_or_the_end_of_a_shorter_month():
    assert months_before(dt.date(2007, 6, 30), 6) == dt.date(2006, 12, 30)
    assert months_before(dt.date(2007, 3, 31), 1) == dt.date(2007, 2, 28)
    assert months_before(dt.date(2007, 1, 15), 13) == dt.date(2005, 12, 15)


def test_stalled_villages_have_no_change_for_more_than_n_months():
    waves = {"quiet": "2549", "busy": "2549", "silent": "2550", "done": "2549", "later": "2551"}
    current = {"quiet": Reached(2, dt.date(2006, 12, 1)), "busy": Reached(4, dt.date(2007, 5, 1)),
               "done": Reached(6, dt.date(2006, 1, 1))}
    stalled = stalled_villages(current, waves, today=TODAY, months=6)
    # silent never reported since its wave began (2006-10-01); quiet last moved 2006-12-01, before 2006-12-30.
    assert [(s.village_code, s.step, s.since) for s in stalled] == [
        ("silent", NOT_REPORTED, dt.date(2006, 10, 1)), ("quiet", 2, dt.date(2006, 12, 1))]
    assert stalled_villages(current, waves, today=TODAY, months=8) == stalled[:1]


def test_step_counts_by_district_cover_started_villages_with_every_step():
    waves = {"a1": "2549", "a2": "2549", "b1": "2550", "b2": "2552"}
    districts = {"a1": "A", "a2": "A", "b1": "B", "b2": "B"}
    current = {"a1": Reached(2, dt.date(2006, 1, 1))}
    counts = step_counts_by_district(current, waves, districts, today=TODAY)
    assert counts == {"A": {0: 1, 1: 0, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0},
                      "B": {0: 1, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0}}
