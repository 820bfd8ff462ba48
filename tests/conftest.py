"""Settings for the whole suite."""

import pytest

import store
from tests.postgres_server import PostgresMissing, PostgresServer


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


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server on 127.0.0.1, started on first use and stopped at the end of the session.

    Missing PostgreSQL fails the tests that need it (never a silent skip): CI must prove both backends.
    """
    try:
        server = PostgresServer()
    except PostgresMissing as missing:
        pytest.fail(str(missing), pytrace=False)
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """The URL of a new, empty database: a SQLite file, or a database on the throwaway PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    return request.getfixturevalue("postgres_server").new_database()
