"""A database that cannot be used gives a StoreError saying what is wrong and what to do: no driver exception, no
traceback chained to it, no password and no server path."""

import sqlite3
from pathlib import Path

import pytest

from store import StoreError, open_store
from store import database as store_database
from store.database import parse_database_url
from tests.postgres_server import free_port

PLAN = {"80010601": "2549"}


def assert_clean(error: StoreError, *secrets: str) -> None:
    """The message is the whole story: nothing chained (no driver traceback), nothing secret in it."""
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)
    for secret in secrets:
        assert secret not in str(error)


def read_only_url(database_url: str, postgres_server) -> str:
    """The same database, opened so that it refuses writes."""
    if database_url.startswith("sqlite"):
        return f"sqlite:///file:{database_url.removeprefix('sqlite:///')}?mode=ro&uri=true"
    name = parse_database_url(database_url).database
    postgres_server.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    return database_url


def test_a_read_only_database_can_be_read_and_refuses_writes_with_a_message(database_url, request):
    writable = open_store(database_url)
    writable.save_scenario("แผน", assignment=PLAN, expected_version=None, author="a")
    writable.close()
    server = request.getfixturevalue("postgres_server") if database_url.startswith("postgresql") else None
    db = open_store(read_only_url(database_url, server))
    assert db.open_scenario("แผน").assignment == PLAN
    with pytest.raises(StoreError, match="is read-only .*give the planner write access") as caught:
        db.save_scenario("แผน", assignment={}, expected_version=1, author="a")
    assert_clean(caught.value, str(Path(database_url.removeprefix("sqlite:///")).parent))
    db.close()


def test_a_damaged_sqlite_file_says_so_and_what_to_do(tmp_path):
    damaged = tmp_path / "rollout.sqlite3"
    damaged.write_bytes(b"this is not a database, it is a shopping list\n" * 200)
    with pytest.raises(StoreError, match="rollout.sqlite3 is damaged or is not a planner database.*backup") as caught:
        open_store(f"sqlite:///{damaged}")
    assert_clean(caught.value, str(tmp_path))


def test_a_sqlite_file_in_a_place_that_cannot_be_a_folder_says_so(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(StoreError, match="cannot create the folder for the SQLite file rollout.sqlite3") as caught:
        open_store(f"sqlite:///{blocker / 'sub' / 'rollout.sqlite3'}")
    assert_clean(caught.value, str(tmp_path))


def test_a_sqlite_file_locked_by_another_program_says_so(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'rollout.sqlite3'}"
    open_store(url).close()
    monkeypatch.setattr(store_database, "SQLITE_BUSY_SECONDS", 0.2)
    db = open_store(url)
    other = sqlite3.connect(tmp_path / "rollout.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="stayed locked by another program.*try again") as caught:
            db.save_scenario("แผน", assignment=PLAN, expected_version=None, author="a")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert_clean(caught.value, str(tmp_path))
    db.save_scenario("แผน", assignment=PLAN, expected_version=None, author="a")  # works once the lock is gone
    db.close()


def test_an_unreachable_server_says_so_without_the_password():
    url = f"postgresql+psycopg://planner:s3cret-Passw0rd@127.0.0.1:{free_port()}/rollout"
    with pytest.raises(StoreError, match="cannot reach the PostgreSQL database rollout on 127.0.0.1.*running"
                       ) as caught:
        open_store(url)
    assert_clean(caught.value, "s3cret-Passw0rd")


def test_a_missing_database_on_a_running_server_says_so(postgres_server):
    url = postgres_server.url("no_such_database").replace("rollout@", "rollout:pw-never-shown@")
    with pytest.raises(StoreError, match='cannot reach .*database "no_such_database" does not exist') as caught:
        open_store(url)
    assert_clean(caught.value, "pw-never-shown")


def test_a_server_restart_is_reported_then_the_store_carries_on(postgres_server):
    db = open_store(postgres_server.new_database())
    db.save_scenario("แผน", assignment=PLAN, expected_version=None, author="a")
    postgres_server.pause()
    try:
        with pytest.raises(StoreError, match="cannot reach the PostgreSQL database"):
            db.scenario_names()
    finally:
        postgres_server.resume()
    assert db.scenario_names() == ["แผน"]  # the same store object, no restart of the app
    db.close()


@pytest.mark.parametrize("url", ["mysql://planner:hunter2-secret@db.example/rollout",
                                 "oracle+cx://planner:hunter2-secret@db/rollout"])
def test_an_unsupported_url_is_named_without_its_password(url):
    with pytest.raises(StoreError, match=r"unsupported database URL .*\*\*\*.*postgresql\+psycopg") as caught:
        open_store(url)
    assert_clean(caught.value, "hunter2-secret")


def test_postgres_urls_without_a_driver_get_psycopg():
    assert parse_database_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert parse_database_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    assert parse_database_url("/srv/km/rollout.sqlite3").database == "/srv/km/rollout.sqlite3"
