"""Shared helpers for app tests: start the app from its navigation entry file and log in through its form.

Every app test logs in as a person with a role (`open_app(..., user=..., roles=...)`; by default `tester`, a
planner named สมชาย), through the login form the app shows first: no test bypasses the login.
"""

import functools
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PAGES = ("plan/page.py", "coverage/page.py", "export/page.py", "data_page/page.py")
TESTER = "สมชาย"
PASSWORD = "a long test passphrase"


@functools.cache
def _password_hash() -> str:
    from service.passwords import hash_password

    return hash_password(PASSWORD)


def ensure_user(name: str = TESTER, roles=("planner",), amphoe: str | None = None) -> None:
    """The account `name` in the test's database (created with `roles` the first time)."""
    from dashboard.common.database import get_database

    db = get_database()
    if db.get_user(name) is None:
        db.create_user(name, password_hash=_password_hash(), roles=set(roles), amphoe=amphoe, created_by="test")


def log_in(at: AppTest, name: str = TESTER, password: str = PASSWORD) -> AppTest:
    """Fill in and submit the login form; asserts the run raised nothing."""
    at.text_input(key="access_user").input(name)
    at.text_input(key="access_password").input(password)
    at.button(key="access_submit").click().run()
    assert not at.exception, at.exception
    return at


def open_app(lang: str = "th", timeout: float = 120, *, user: str = TESTER, roles=("planner",),
             amphoe: str | None = None) -> AppTest:
    """The app after logging in as `user` (created with `roles` and `amphoe` if new), in `lang`; asserts no run
    raised anything."""
    ensure_user(user, roles, amphoe)
    return log_in(first_run(lang, timeout), user)


def first_run(lang: str = "th", timeout: float = 120) -> AppTest:
    """The app's first run in a new browser session, in `lang`, before anyone logs in."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def run(at: AppTest) -> AppTest:
    """Run the script again (after a widget changed); asserts the run raised nothing."""
    at.run()
    assert not at.exception, at.exception
    return at


def on_page(at: AppTest, page: str) -> AppTest:
    """Switch to `page` (e.g. "coverage/page.py") and run it; asserts the run raised nothing."""
    at.switch_page(page)
    return run(at)


def as_new_visit(at: AppTest) -> AppTest:
    """`at` as a new browser session stands before its first page: no scenario open, none named in the address
    (the first run of an AppTest is always the Plan page, which opens one)."""
    from dashboard.common.open_scenario import OPEN_KEY, QUERY_KEY
    from dashboard.plan.editing import SESSION_KEY

    for key in (OPEN_KEY, SESSION_KEY):
        if key in at.session_state:
            del at.session_state[key]
    at.query_params.pop(QUERY_KEY, None)
    return at


@pytest.fixture
def app():
    return open_app()


@pytest.fixture(autouse=True)
def isolated_database(tmp_path, monkeypatch):
    """Every app test works on its own empty database, never the user's (pages save scenarios on first visit)."""
    from dashboard.common.database import get_database

    monkeypatch.setenv("ROLLOUT_DATABASE_URL", f"sqlite:///{tmp_path / 'rollout.sqlite3'}")
    monkeypatch.setenv("ROLLOUT_ADMIN_PASSWORD", "the first admin's passphrase")
    get_database.clear()
    yield
    get_database.clear()


@pytest.fixture(autouse=True)
def unexpected_errors_raise(monkeypatch):
    """A page's unexpected error is logged with its id and raised, so `at.exception` reports it (the user
    would see the error id message instead; tests/dashboard/test_errors.py checks that)."""
    from dashboard.common.errors import RAISE_VARIABLE

    monkeypatch.setenv(RAISE_VARIABLE, "1")


@pytest.fixture(autouse=True)
def test_process_main_module_kept():
    """Streamlit's script runner installs the script it runs as `__main__` (so pickle finds the script's
    objects) and leaves it there; AppTest runs the app in the test process. A later test that starts processes
    with "spawn" (the nation build) would then run dashboard/app.py in each child. Put the test process's own
    `__main__` back after every app test."""
    main = sys.modules["__main__"]
    yield
    sys.modules["__main__"] = main
