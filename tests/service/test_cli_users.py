"""`rollout users ...` and `rollout plan --save-as`: accounts and saved plans from the command line; every
error one line and exit status 2."""

from __future__ import annotations

import contextlib
import io

import pytest

import store
from service.cli import main

PASSWORD = "a long enough passphrase"


@pytest.fixture
def database(database_url, monkeypatch):
    """ROLLOUT_DATABASE_URL names a new database: a SQLite file, then a PostgreSQL database."""
    monkeypatch.setenv(store.DATABASE_URL_VARIABLE, database_url)
    return database_url


def run(*argv: str, stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", io.StringIO(stdin))
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def one_line(status: int, err: str, named: str) -> None:
    assert status == 2 and err.count("\n") == 1 and named in err and "Traceback" not in err, (status, err)


def test_users_are_added_listed_and_disabled(database):
    assert run("users", "add", "somchai", "--role", "planner", "--password-stdin", stdin=PASSWORD + "\n")[0] == 0
    status, _, err = run("users", "add", "amphoe8001", "--role", "district", "--amphoe", "8001",
                         "--password-stdin", stdin=PASSWORD + "\n")
    assert status == 0 and err == "users add: amphoe8001 (district, amphoe 8001)\n"
    status, out, _ = run("users", "list")
    lines = out.splitlines()
    assert status == 0 and lines[0].split() == ["name", "roles", "amphoe", "state", "created"]
    assert lines[1].split()[:4] == ["amphoe8001", "district", "8001", "enabled"]
    assert lines[2].split()[:4] == ["somchai", "planner", "-", "enabled"] and "by cli:" in lines[2]
    assert run("users", "disable", "somchai")[0] == 0
    assert store.open_store(database).get_user("somchai").disabled
    assert store.open_store(database).get_user("somchai").password_hash.startswith("$argon2id$")


@pytest.mark.parametrize(("argv", "stdin", "named"), [
    (("users", "add", "x", "--role", "boss", "--password-stdin"), PASSWORD, "role boss is not one of"),
    (("users", "add", "x", "--role", "planner", "--password-stdin"), "short", "use at least 10"),
    (("users", "add", "x", "--role", "district", "--password-stdin"), PASSWORD, "4-digit DOPA code"),
    (("users", "add", "x", "--role", "planner"), "", "pipe it in with --password-stdin"),
    (("users", "add", "x", "--role", "planner", "--password-stdin"), "", "read nothing"),
    (("users", "disable", "nobody"), "", "no user named 'nobody'"),
    (("users", "add", "x"), "", "the following arguments are required: --role"),
])
def test_a_bad_users_command_is_one_line_and_changes_nothing(database, argv, stdin, named):
    status, _, err = run(*argv, stdin=stdin)
    one_line(status, err, named)
    assert store.open_store(database).count_users() == 0


def test_the_last_admin_cannot_be_disabled(database):
    run("users", "add", "boss", "--role", "admin", "--password-stdin", stdin=PASSWORD)
    one_line(*run("users", "disable", "boss")[::2], "last enabled admin")


@pytest.mark.slow
def test_plan_save_as_records_the_province_it_planned(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    monkeypatch.setenv(store.DATABASE_URL_VARIABLE, url)
    status, _, err = run("plan", "--province", "85", "--save-as", "ระนองจากคำสั่ง")
    assert status == 0, err
    saved = store.open_store(url).open_scenario("ระนองจากคำสั่ง")
    assert saved.province == "85" and saved.settings["province"] == "85" and saved.dataset == "province-85"
    assert {code[:2] for code in saved.assignment} == {"85"}


def test_plan_save_as_stores_the_plan_and_refuses_a_taken_name_unless_replace(database, tmp_path):
    status, _, err = run("plan", "--save-as", "แผนจากคำสั่ง")
    assert status == 0 and "saved as scenario 'แผนจากคำสั่ง' version 1" in err
    saved = store.open_store(database).open_scenario("แผนจากคำสั่ง")
    assert len(saved.assignment) == 1553 and saved.updated_by.startswith("cli:")
    assert saved.province == "80" and saved.settings["province"] == "80"
    assert saved.settings["roster"]["estimated"] is True
    out = tmp_path / "plan.csv"
    status, _, err = run("plan", "--out", str(out), "--save-as", "แผนจากคำสั่ง")
    one_line(status, err, "a scenario named 'แผนจากคำสั่ง' already exists")
    assert not out.exists(), "refused before any work"
    status, _, err = run("plan", "--save-as", "แผนจากคำสั่ง", "--replace", "--targets", "800,800")
    assert status == 0 and "version 2" in err
    assert set(store.open_store(database).open_scenario("แผนจากคำสั่ง").assignment.values()) == {"2549", "2550"}
    one_line(*run("plan", "--replace", "--out", str(out))[::2], "--replace goes with --save-as")
