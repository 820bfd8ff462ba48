"""Fixtures of the national tests: the nation, built once per test session from every province (in the session's
own build cache, about half a minute on two quiet cores) and then read from that cache."""

import pytest

from geodata import nation


@pytest.fixture(scope="session")
def frames():
    """(villages, tambons, amphoes, provinces) of the nation."""
    return (nation.load_national_villages(), nation.load_national_tambons(), nation.load_national_amphoes(),
            nation.load_national_provinces())

