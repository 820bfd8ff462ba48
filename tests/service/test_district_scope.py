"""A district user reads and reports for their own amphoe only; a forged request for another amphoe is refused
and records nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from planning.progress import ProgressRow
from service import AccessDenied
from tests.service.plans import ASSIGNMENT, KNOWN, SCENARIO, TODAY, progress_csv, save_plan, snapshot

REPORTED = dt.date(2006, 11, 1)


@pytest.fixture
def planned(people):
    save_plan(people.work("planner"))
    return people


def report(work, *codes: str):
    return work.record_reports([ProgressRow(code, 1, REPORTED, "อำเภอ") for code in codes], source="table",
                               known_villages=KNOWN, village_waves=ASSIGNMENT, today=TODAY)


def test_a_district_user_records_progress_of_their_own_villages(planned):
    outcome = report(planned.work("district"), "80010101", "80010201")
    assert [e.village_code for e in outcome.recorded] == ["80010101", "80010201"]


def test_a_forged_report_for_another_amphoe_is_refused_and_records_nothing(planned):
    before = snapshot(planned.db)
    with pytest.raises(AccessDenied, match="amphoe 8001 only; villages 80020101 are in another amphoe"):
        report(planned.work("district"), "80020101")
    with pytest.raises(AccessDenied, match="80020101"):  # mixed with an own village: still nothing recorded
        report(planned.work("district"), "80010101", "80020101")
    assert snapshot(planned.db) == before


def test_a_file_with_another_amphoes_village_is_refused_whole(planned):
    before = snapshot(planned.db)
    with pytest.raises(AccessDenied, match="80020101"):
        planned.work("district").import_progress_file(progress_csv("80010101", "80020101"), "8001.csv",
                                                      known_villages=KNOWN, village_waves=ASSIGNMENT, today=TODAY)
    assert snapshot(planned.db) == before


def test_the_other_district_may_report_its_own_village_only(planned):
    assert len(report(planned.work("other_district"), "80020101").recorded) == 1
    with pytest.raises(AccessDenied):
        report(planned.work("other_district"), "80010101")


def test_a_district_user_reads_only_their_amphoes_part_of_a_plan_and_of_progress(planned):
    report(planned.work("planner"), "80010101", "80020101")
    mine = planned.work("district").open_scenario(SCENARIO)
    assert set(mine.assignment) == {"80010101", "80010102", "80010201"}
    assert mine.locked == {"80010101"} and set(mine.reasons) == {"80010101"}
    assert set(planned.work("district").current_progress()) == {"80010101"}
    assert set(planned.work("executive").current_progress()) == {"80010101", "80020101"}
    assert set(planned.work("executive").open_scenario(SCENARIO).assignment) == set(ASSIGNMENT)
    with pytest.raises(AccessDenied):
        planned.work("district").progress_history("80020101")


def test_a_role_taken_away_counts_at_the_next_write_without_a_new_login(planned):
    district = planned.work("district")
    planned.db.disable_user("district")
    before = snapshot(planned.db)
    with pytest.raises(AccessDenied, match="disabled"):
        report(district, "80010101")
    assert snapshot(planned.db) == before
