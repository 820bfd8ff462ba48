"""Fixtures of the national tests: the nation, built once per test session from every province (in the session's
own build cache, about half a minute on two quiet cores) and then read from that cache, and its default plan."""

import pytest

from geodata import nation
from geodata.national_plan import build_national_problem, default_national_scenario


@pytest.fixture(scope="session")
def frames():
    """(villages, tambons, amphoes, provinces) of the nation."""
    return (nation.load_national_villages(), nation.load_national_tambons(), nation.load_national_amphoes(),
            nation.load_national_provinces())


@pytest.fixture(scope="session")
def national_plan(frames):
    """(problem, scenario): the default national plan and the problem it must satisfy."""
    villages, tambons = frames[0], frames[1]
    return build_national_problem(villages, tambons), default_national_scenario(villages, tambons)
