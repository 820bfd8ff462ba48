import pytest

from store import open_store


@pytest.fixture
def store(database_url):
    """An open store on a new database, once on SQLite and once on PostgreSQL."""
    opened = open_store(database_url)
    yield opened
    opened.close()
