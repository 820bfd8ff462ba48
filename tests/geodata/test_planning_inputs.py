"""The waves a planner types in the waves editor (geodata.planning_inputs.waves_from_rows): B.E. years in
increasing order, whole-number targets, the last wave taking the rest; every problem named with its fix."""

import pytest

from geodata.planning_inputs import WavesInputError, waves_from_rows
from planning import Wave


def test_a_rollout_from_2570_with_a_pilot_and_the_last_wave_taking_the_rest():
    waves = waves_from_rows(["2570", "2571", "2572"], ["400", "600"], pilot_year="2569", villages=1553)
    assert waves == [Wave("2569", None), Wave("2570", 400), Wave("2571", 600), Wave("2572", None)]


def test_thai_digits_are_read_and_the_pilot_wave_may_be_left_out():
    waves = waves_from_rows(["๒๕๗๐", "๒๕๗๑"], ["๕๐๐"], pilot_year=None, villages=1553)
    assert waves == [Wave("2570", 500), Wave("2571", None)]


def refusal(*args, **kwargs) -> WavesInputError:
    with pytest.raises(WavesInputError) as caught:
        waves_from_rows(*args, **kwargs)
    return caught.value


def test_years_that_do_not_increase_are_refused_naming_them():
    error = refusal(["2570", "2570", "2569"], ["400", "600"], pilot_year="2569", villages=1553)
    assert error.words("th") == [
        "ปี 2570 ต้องมาหลังปีของระยะก่อนหน้า (2570): เรียงปี พ.ศ. จากน้อยไปมาก",
        "ปี 2569 ต้องมาหลังปีของระยะก่อนหน้า (2570): เรียงปี พ.ศ. จากน้อยไปมาก"]


def test_a_christian_era_year_is_named_with_its_buddhist_era_year():
    error = refusal(["2027", "2028"], ["400"], pilot_year=None, villages=1553)
    assert "2027 is a Christian-era year: use B.E. 2570" in str(error)
    assert error.words("th")[0] == "2027 เป็นปี ค.ศ.: ใช้ปี พ.ศ. 2570"


def test_a_target_that_is_not_a_number_and_an_empty_year_are_named():
    error = refusal(["2570", ""], ["สี่ร้อย"], pilot_year=None, villages=1553)
    assert error.words("en") == ["“” is not a B.E. year: type the year in digits, e.g. 2570",
                                 "the target of wave 2570 (“สี่ร้อย”) must be a whole number of villages, 1 or more"]


def test_targets_that_leave_the_last_wave_nothing_are_refused_with_the_numbers():
    error = refusal(["2570", "2571", "2572"], ["1000", "500"], pilot_year="2569", villages=1553, pilot_villages=53)
    assert error.words("en") == ["the targets add up to 1,553 villages (with 53 pilot villages), leaving none of "
                                 "the 1,553 for the last wave: lower the targets or use fewer waves"]


def test_at_most_twelve_waves_after_the_pilot():
    years = [str(2570 + i) for i in range(13)]
    error = refusal(years, ["10"] * 12, pilot_year=None, villages=1553)
    assert "13 waves: give 1 to 12 waves after the pilot" in str(error)
