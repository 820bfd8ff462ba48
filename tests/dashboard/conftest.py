"""Shared helpers for app tests: start the app from its navigation entry file."""

import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PAGES = ("plan/page.py", "coverage/page.py", "export/page.py", "data_page/page.py")


def open_app(lang: str = "th", timeout: float = 120) -> AppTest:
    """The app after its first run, in `lang`; asserts the run raised nothing."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


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
    from dashboard.common.database import get_store

    monkeypatch.setenv("ROLLOUT_DATABASE_URL", f"sqlite:///{tmp_path / 'rollout.sqlite3'}")
    get_store.clear()
    yield
    get_store.clear()


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
