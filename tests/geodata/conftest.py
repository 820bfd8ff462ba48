"""Fixtures the export tests share: the embedded data set and the hand-made plan of tests/geodata/exports_support."""

import pytest

import geodata
from tests.geodata.exports_support import make_scenario


@pytest.fixture(scope="module")
def data():
    """(villages, tambons, amphoes) of the embedded province."""
    return geodata.load_villages(), geodata.load_tambons(), geodata.load_amphoes()


@pytest.fixture(scope="module")
def scenario(data):
    """The hand-made plan described in exports_support (tests that need another plan define their own)."""
    return make_scenario(data[0], data[1])
