"""Several app processes on one PostgreSQL server through the service: of planners saving from the same version
exactly one wins, and a database outage is reported and then survived without a restart."""

from __future__ import annotations

import pytest

from service import StoreError, Workspace
from service.logins import actor_of
from service.passwords import hash_password
from store import open_store
from tests.postgres_server import PostgresServer
from tests.service.plans import SCENARIO, SETTINGS, save_plan
from tests.store.concurrency import run_together

pytestmark = pytest.mark.slow


def save_worker(_action: str, url: str, wave: str, wait) -> str:
    """One planner's process: open the plan, wait for the others, save village 80010102 into `wave`."""
    db = open_store(url)
    work = Workspace(db, actor_of(db.get_user("planner")))
    opened = work.open_scenario(SCENARIO)
    wait()
    try:
        work.save_scenario(SCENARIO, assignment={**opened.assignment, "80010102": wave}, settings=SETTINGS,
                           expected_version=opened.version)
    except StoreError as refused:
        return "refused: changed by planner" if "changed by planner" in str(refused) else str(refused)
    finally:
        db.close()
    return "saved"


def test_of_planners_in_separate_processes_saving_one_version_exactly_one_wins(postgres_server):
    url = postgres_server.new_database()
    db = open_store(url)
    db.create_user("planner", password_hash=hash_password("a long passphrase"), roles={"planner"},
                   created_by="test")
    save_plan(Workspace(db, actor_of(db.get_user("planner"))))
    outcomes = run_together(save_worker, "save", url, ["2549", "2550", "2549", "2550"])
    assert outcomes == {"saved": 1, "refused: changed by planner": 3}
    assert db.open_scenario(SCENARIO).version == 2 and len(db.scenario_history(SCENARIO)) == 2
    db.close()


def test_a_postgresql_restart_is_reported_then_the_same_process_carries_on():
    server = PostgresServer().start()
    try:
        db = open_store(server.new_database())
        db.create_user("planner", password_hash=hash_password("a long passphrase"), roles={"planner"},
                       created_by="test")
        work = Workspace(db, actor_of(db.get_user("planner")))
        save_plan(work)
        server.pause()
        with pytest.raises(StoreError, match="cannot reach the PostgreSQL database .* check that the PostgreSQL "
                                             "server is running"):
            work.open_scenario(SCENARIO)
        server.resume()
        assert work.open_scenario(SCENARIO).version == 1
        opened = work.open_scenario(SCENARIO)
        assert work.save_scenario(SCENARIO, assignment=opened.assignment, settings=SETTINGS,
                                  expected_version=1).version == 2
        db.close()
    finally:
        server.stop()
