import pytest

from store import open_store


@pytest.fixture
def store(tmp_path):
    opened = open_store(f"sqlite:///{tmp_path / 'rollout.sqlite3'}")
    yield opened
    opened.close()
