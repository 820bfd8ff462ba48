"""Every write and read of the service for every role: allowed ones take effect, refused ones change nothing.

planner: plans, corrections, progress; district (8001): progress of its own villages and reading its amphoe;
executive: reading only; admin: accounts only.
"""

from __future__ import annotations

import pytest

from geodata.corrections import CheckedCorrection, PreviousPoint
from planning.progress import ProgressRow
from service import AccessDenied, ChangeNote
from tests.service.conftest import PASSWORD
from tests.service.plans import ASSIGNMENT, KNOWN, SCENARIO, SETTINGS, TODAY, progress_csv, save_plan, snapshot


def _save(work):
    opened = work.open_scenario(SCENARIO)
    return work.save_scenario(SCENARIO, assignment={**opened.assignment, "80010102": "2550"}, settings=SETTINGS,
                              expected_version=opened.version, change=ChangeNote("assign", ("80010102",)))


def _report(work):
    return work.record_reports([ProgressRow("80010101", 1, TODAY.replace(year=2006, month=11, day=1), "อำเภอ")],
                               source="table", known_villages=KNOWN, village_waves=ASSIGNMENT, today=TODAY)


#: write -> (what it does, the roles that may)
WRITES = {
    "create scenario": (lambda w: save_plan(w, "ใหม่"), {"planner"}),
    "save scenario": (_save, {"planner"}),
    "duplicate scenario": (lambda w: w.duplicate_scenario(SCENARIO, "สำเนา"), {"planner"}),
    "delete scenario": (lambda w: w.delete_scenario(SCENARIO), {"planner"}),
    "mark official": (lambda w: w.mark_official(SCENARIO, expected_version=1), {"planner"}),
    "correct a location": (lambda w: w.add_location_corrections(
        [CheckedCorrection("80010101", 8.41, 99.91, "GPS", PreviousPoint(None, None, None))]), {"planner"}),
    "report progress": (_report, {"planner", "district"}),
    "import progress": (lambda w: w.import_progress_file(progress_csv("80010102"), "8001.csv", known_villages=KNOWN,
                                                         village_waves=ASSIGNMENT, today=TODAY),
                        {"planner", "district"}),
    "add a user": (lambda w: w.add_user("newcomer", PASSWORD, ["executive"]), {"admin"}),
    "disable a user": (lambda w: w.disable_user("executive"), {"admin"}),
    "reset a password": (lambda w: w.reset_password("planner", "another long password"), {"admin"}),
}
READS = {
    "open a scenario": (lambda w: w.open_scenario(SCENARIO), {"planner", "district", "executive"}),
    "list scenarios": (lambda w: w.list_scenarios(), {"planner", "district", "executive"}),
    "read progress": (lambda w: w.current_progress(), {"planner", "district", "executive"}),
    "list users": (lambda w: w.list_users(), {"admin"}),
}
ROLES = ("planner", "district", "executive", "admin")


@pytest.fixture
def planned(people):
    save_plan(people.work("planner"))
    return people


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("write", sorted(WRITES))
def test_a_write_is_done_for_the_roles_that_may_and_refused_unchanged_for_the_others(planned, write, role):
    act, allowed = WRITES[write]
    before = snapshot(planned.db)
    if role in allowed:
        act(planned.work(role))
        assert snapshot(planned.db) != before, f"{write} by {role} changed nothing"
    else:
        with pytest.raises(AccessDenied, match=f"{role} .* may not"):
            act(planned.work(role))
        assert snapshot(planned.db) == before


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("read", sorted(READS))
def test_a_read_is_given_to_the_roles_that_may_and_refused_to_the_others(planned, read, role):
    act, allowed = READS[read]
    if role in allowed:
        assert act(planned.work(role)) is not None
    else:
        with pytest.raises(AccessDenied):
            act(planned.work(role))


def test_each_change_records_the_logged_in_user_not_a_typed_name(planned):
    _save(planned.work("planner"))
    _report(planned.work("district"))
    planned.work("planner").add_location_corrections(
        [CheckedCorrection("80010201", 8.41, 99.91, "GPS", PreviousPoint(None, None, None))])
    db = planned.db
    assert [c.author for c in db.scenario_history(SCENARIO)] == ["planner", "planner"]
    assert db.open_scenario(SCENARIO).updated_by == "planner"
    assert db.current_progress()["80010101"].recorded_by == "district"
    assert db.location_corrections()["80010201"].author == "planner"
