"""Settings for the whole suite."""

import pytest

import store


@pytest.fixture(autouse=True)
def no_real_database(tmp_path, monkeypatch):
    """No test reads or writes the user's own database: each starts with its own empty file."""
    monkeypatch.setenv(store.DATABASE_URL_VARIABLE, f"sqlite:///{tmp_path / 'rollout.sqlite3'}")
