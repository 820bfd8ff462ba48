"""Schema versions: a new database is made at the newest schema, an old one is refused until `rollout db upgrade`
brings it there without losing a row, on SQLite and on PostgreSQL."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from store import DatabaseUpgradeNeededError, StoreError, open_store, upgrade
from store.database import parse_database_url
from store.migrate import BASELINE, HEAD, MIGRATIONS, REVISIONS
from store.tables import metadata

#: A file saved by the raw-sqlite3 store of d3fbc3a (PRAGMA user_version 2; see data/make_v2_database.py).
V2_FILE = Path(__file__).with_name("data") / "v2_rollout.sqlite3"
V2_ROWS = {"scenarios": 2, "assignments": 3106, "changes": 4, "location_corrections": 6, "progress": 40}


def row_counts(url: str) -> dict[str, int]:
    engine = create_engine(parse_database_url(url))
    with engine.connect() as conn:
        counts = {table: conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar() for table in V2_ROWS}
    engine.dispose()
    return counts


def schema_differences(url: str) -> list:
    engine = create_engine(parse_database_url(url))
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    engine.dispose()
    return differences


def revision_of(url: str) -> str | None:
    engine = create_engine(parse_database_url(url))
    with engine.connect() as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
    engine.dispose()
    return revision


@pytest.fixture
def v2_copy(tmp_path):
    copy = tmp_path / "rollout.sqlite3"
    shutil.copyfile(V2_FILE, copy)
    return f"sqlite:///{copy}"


def test_the_revision_list_matches_the_migration_scripts():
    scripts = ScriptDirectory(str(MIGRATIONS))
    assert tuple(reversed([s.revision for s in scripts.walk_revisions()])) == REVISIONS
    assert scripts.get_current_head() == HEAD


def test_a_new_database_is_created_at_the_newest_schema_on_first_open(database_url):
    open_store(database_url).close()
    assert revision_of(database_url) == HEAD
    assert schema_differences(database_url) == []


def test_upgrade_builds_an_empty_database_by_running_every_revision(database_url):
    result = upgrade(database_url)
    assert (result.before, result.after) == ("empty", HEAD)
    assert revision_of(database_url) == HEAD
    assert schema_differences(database_url) == []  # the revisions and tables.py describe the same schema
    db = open_store(database_url)
    db.save_scenario("ก", assignment={"80010601": "2549"}, expected_version=None, author="a")
    assert db.open_scenario("ก").province == "80"
    db.close()


def test_upgrading_a_current_database_changes_nothing(database_url):
    open_store(database_url).close()
    assert (upgrade(database_url).before, revision_of(database_url)) == (HEAD, HEAD)


def test_a_file_of_the_first_store_is_refused_with_the_command_to_run(v2_copy):
    with pytest.raises(DatabaseUpgradeNeededError, match="older version.*run `rollout db upgrade`"):
        open_store(v2_copy)
    assert row_counts(v2_copy) == V2_ROWS  # refusing touched nothing


def test_upgrade_keeps_every_row_of_a_file_of_the_first_store(v2_copy):
    result = upgrade(v2_copy)
    assert (result.before, result.after) == ("v2 (before migrations)", HEAD)
    assert row_counts(v2_copy) == V2_ROWS
    assert revision_of(v2_copy) == HEAD
    db = open_store(v2_copy)
    main = db.open_scenario("แผนหลัก")
    assert (main.version, len(main.assignment), len(main.locked), main.updated_by) == (3, 1553, 41, "สมชาย")
    assert (main.province, main.official) == ("80", False)
    assert [c.action for c in db.scenario_history("แผนหลัก")] == ["create", "assign", "lock"]
    assert db.scenario_history("ทางเลือก ข")[0].detail == {"from": "แผนหลัก", "version": 3}
    assert len(db.location_corrections()) == 5 and db.corrections_revision() == 6
    assert db.progress_revision() == 40 and len(db.current_progress()) == 30
    # the upgraded file works as a new one: a save writes, the history grows
    saved = db.save_scenario("แผนหลัก", assignment={**main.assignment, "80010101": "2551"}, expected_version=3,
                             author="สมหญิง")
    assert saved.version == 4
    db.close()


def test_a_file_from_before_recorded_by_existed_is_upgraded_and_keeps_its_rows(v2_copy):
    path = v2_copy.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:  # user_version 1: progress had no recorded_by column
        conn.execute("ALTER TABLE progress DROP COLUMN recorded_by")
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    upgrade(v2_copy)
    assert row_counts(v2_copy) == V2_ROWS
    db = open_store(v2_copy)
    assert {entry.recorded_by for entry in db.current_progress().values()} == {""}
    db.close()


def test_a_database_behind_the_newest_schema_is_refused_then_upgraded(database_url):
    engine = create_engine(parse_database_url(database_url))
    with engine.begin() as conn:  # what a database at the baseline looks like
        config_upgrade_to(conn, BASELINE)
    engine.dispose()
    with pytest.raises(DatabaseUpgradeNeededError, match=f"schema {BASELINE}.*rollout db upgrade"):
        open_store(database_url)
    assert upgrade(database_url).before == BASELINE
    open_store(database_url).close()


def config_upgrade_to(conn, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    command.upgrade(config, revision)


def test_a_database_of_a_newer_planner_is_refused(database_url):
    open_store(database_url).close()
    engine = create_engine(parse_database_url(database_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    for attempt in (open_store, upgrade):
        with pytest.raises(StoreError, match="newer version of the planner"):
            attempt(database_url)


def test_a_database_of_another_program_is_left_alone(database_url):
    engine = create_engine(parse_database_url(database_url))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    for attempt in (open_store, upgrade):
        with pytest.raises(StoreError, match=r"holds other tables \(invoices\)"):
            attempt(database_url)
