"""Several processes on one database at once, on SQLite and PostgreSQL: first opens all succeed, of saves from
one version exactly one wins, and the same progress is recorded once."""

import pytest

from store import open_store
from tests.store.concurrency import run_together
from tests.store.workers import SCENARIO, WAVES, progress_rows
from tests.store.workers import main as work

pytestmark = pytest.mark.slow


def test_twenty_processes_opening_a_new_database_at_once_all_succeed(database_url):
    names = [f"worker-{n:02d}" for n in range(20)]
    outcomes = run_together(work, "first-open", database_url, names)
    assert outcomes == {"opened": 20}
    db = open_store(database_url)
    assert db.scenario_names() == names
    db.close()


def test_of_processes_saving_from_the_same_version_exactly_one_wins(database_url):
    db = open_store(database_url)
    db.save_scenario(SCENARIO, assignment={"80010101": "2549"}, expected_version=None, author="start")
    outcomes = run_together(work, "save", database_url, [*WAVES, *WAVES])
    assert outcomes == {"saved": 1, "conflict": 5}
    scenario = db.open_scenario(SCENARIO)
    history = db.scenario_history(SCENARIO)
    assert scenario.version == 2 and [c.version for c in history] == [1, 2]
    assert history[1].author == scenario.updated_by  # the winner's plan is the one stored
    assert scenario.assignment["80010101"] == scenario.updated_by.removeprefix("worker ")
    db.close()


def test_eight_concurrent_imports_of_the_same_reports_record_them_once(database_url):
    outcomes = run_together(work, "record", database_url, [""] * 8)
    assert outcomes == {"recorded 200": 1, "already recorded": 7}
    db = open_store(database_url)
    assert db.progress_revision() == 200
    assert len(db.current_progress()) == len(progress_rows()) == 200
    db.close()


def test_two_scenarios_marked_official_at_once_leave_exactly_one_official(database_url):
    db = open_store(database_url)
    for name in ("ก", "ข", "ค"):
        db.save_scenario(name, assignment={"80010101": "2549"}, expected_version=None, author="start")
    outcomes = run_together(work, "mark-official", database_url, ["ก", "ข", "ค"])
    assert outcomes == {"ก": 1, "ข": 1, "ค": 1}
    official = [s.name for s in db.list_scenarios() if s.official]
    assert len(official) == 1 and db.official_scenario().name == official[0]
    db.close()
