"""Settings for the whole suite."""

import pytest

import store


@pytest.fixture(autouse=True)
def no_real_database(tmp_path, monkeypatch):
    """No test reads or writes the user's own database: each starts with its own empty file."""
    monkeypatch.setenv(store.DATABASE_URL_VARIABLE, f"sqlite:///{tmp_path / 'rollout.sqlite3'}")


@pytest.fixture(autouse=True, scope="session")
def no_real_build_cache(tmp_path_factory):
    """No test reads or writes the user's own cache of built provinces: the session has its own folder."""
    from geodata.databuild.cache import CACHE_DIR_VARIABLE

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_DIR_VARIABLE, str(tmp_path_factory.mktemp("build-cache")))
        yield
