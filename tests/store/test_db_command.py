"""`rollout db upgrade`: upgrades the configured database and says what it did; a database the store refuses
gives one line and exit status 2, never a traceback."""

import shutil
from pathlib import Path

import store
from service.cli import main
from store.migrate import HEAD

V2_FILE = Path(__file__).with_name("data") / "v2_rollout.sqlite3"


def test_db_upgrade_upgrades_a_file_of_the_first_store_then_the_planner_opens_it(tmp_path, monkeypatch, capsys):
    copy = tmp_path / "rollout.sqlite3"
    shutil.copyfile(V2_FILE, copy)
    monkeypatch.setenv(store.DATABASE_URL_VARIABLE, f"sqlite:///{copy}")
    assert main(["export", "--scenario", "แผนหลัก", "--amphoe", "8001", "--format", "csv",
                 "--out", str(tmp_path / "out")]) == 2
    refused = capsys.readouterr().err
    assert refused.count("\n") == 1 and "run `rollout db upgrade`" in refused and "Traceback" not in refused
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().err == (f"db upgrade: the SQLite file rollout.sqlite3 upgraded from schema "
                                       f"v2 (before migrations) to {HEAD}\n")
    assert main(["db", "upgrade"]) == 0
    assert "already at schema" in capsys.readouterr().err
    assert store.open_store().open_scenario("แผนหลัก").version == 3


def test_db_upgrade_on_an_unreachable_server_prints_one_line_and_exits_2(monkeypatch, capsys):
    from tests.postgres_server import free_port

    monkeypatch.setenv(store.DATABASE_URL_VARIABLE,
                       f"postgresql+psycopg://planner:not-for-your-eyes@127.0.0.1:{free_port()}/rollout")
    assert main(["db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("rollout db: cannot reach the PostgreSQL database rollout")
    assert err.count("\n") == 1 and "not-for-your-eyes" not in err and "Traceback" not in err
