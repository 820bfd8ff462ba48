"""Coverage figures of small hand-made plans whose answers are worked out by hand.

The plan used by most tests (7 villages, 3 tambons, 2 districts, waves 2549-2551)::

    district A (2 teams)                     district B (1 team)
    tambon A1: a1 2549, a2 2549, a3 2550     tambon B1: b1 2549, b2 2549, b3 (no wave)
    tambon A2: a4 2551

    wave          2549   2550   2551
    new villages     4      1      1
    covered          4      5      6      (of 7: 4/7, 5/7, 6/7)
    tambons full     0      1      2      (A1 from 2550, A2 from 2551; B1 never: b3 has no wave)
    tambons partly   2      1      1
    teams engaged    3      2      2      (A and B in 2549; only A afterwards)
    load A         1.0    0.5    0.5      (villages / 2 teams)
    load B         2.0    0.0    0.0
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planning.coverage import coverage_figures, rank_districts
from planning.errors import InvalidInputError

LABELS = ("2549", "2550", "2551")
VILLAGE_TAMBONS = {"a1": "A1", "a2": "A1", "a3": "A1", "a4": "A2", "b1": "B1", "b2": "B1", "b3": "B1"}
TAMBON_DISTRICTS = {"A1": "A", "A2": "A", "B1": "B"}
TEAMS = {"A": 2, "B": 1}
ASSIGNMENT = {"a1": "2549", "a2": "2549", "a3": "2550", "a4": "2551", "b1": "2549", "b2": "2549"}


@pytest.fixture
def figures():
    return coverage_figures(ASSIGNMENT, VILLAGE_TAMBONS, TAMBON_DISTRICTS, LABELS, TEAMS)


def test_villages_covered_by_the_end_of_each_wave_are_cumulative(figures):
    assert figures.new_by_wave == {"2549": 4, "2550": 1, "2551": 1}
    assert figures.covered_by_wave == {"2549": 4, "2550": 5, "2551": 6}
    assert figures.share_by_wave == pytest.approx({"2549": 4 / 7, "2550": 5 / 7, "2551": 6 / 7})


def test_villages_without_a_wave_count_in_the_province_but_are_never_covered(figures):
    assert figures.total_villages == 7
    assert figures.unassigned == 1


def test_tambons_fully_and_partly_covered(figures):
    assert figures.tambons_with_villages == 3
    assert figures.tambons_full_by_wave == {"2549": 0, "2550": 1, "2551": 2}
    assert figures.tambons_partial_by_wave == {"2549": 2, "2550": 1, "2551": 1}


def test_teams_engaged_are_the_teams_of_districts_with_a_village_in_the_wave(figures):
    assert figures.teams_by_wave == {"2549": 3, "2550": 2, "2551": 2}


def test_district_load_is_villages_per_team(figures):
    assert figures.district_load == {"A": {"2549": 1.0, "2550": 0.5, "2551": 0.5},
                                     "B": {"2549": 2.0, "2550": 0.0, "2551": 0.0}}


def test_district_and_tambon_shares_are_cumulative(figures):
    assert figures.district_share["A"] == pytest.approx({"2549": 0.5, "2550": 0.75, "2551": 1.0})
    assert figures.district_share["B"] == pytest.approx({"2549": 2 / 3, "2550": 2 / 3, "2551": 2 / 3})
    assert figures.tambon_share["A2"] == {"2549": 0.0, "2550": 0.0, "2551": 1.0}
    assert figures.tambon_villages == {"A1": 3, "A2": 1, "B1": 3}
    assert figures.tambon_covered["B1"] == {"2549": 2, "2550": 2, "2551": 2}


def test_coverage_at_a_year_uses_the_last_wave_not_after_it(figures):
    assert figures.wave_at(2548) is None and figures.covered_at(2548) == 0 and figures.share_at(2548) == 0
    assert figures.wave_at(2550) == "2550" and figures.covered_at(2550) == 5
    assert figures.covered_at(2560) == 6
    assert figures.district_share_at(2548) == {"A": 0.0, "B": 0.0}
    assert figures.tambon_share_at(2549)["A1"] == pytest.approx(2 / 3)
    assert figures.years == (2549, 2550, 2551)


def test_districts_ranked_by_coverage_and_by_load(figures):
    early = rank_districts(figures, 2549)
    assert [r.district for r in early] == ["B", "A"]  # B 2/3 covered, A 1/2
    late = rank_districts(figures, 2551)
    assert [(r.district, r.coverage_rank, r.load_rank) for r in late] == [("A", 1, 2), ("B", 2, 1)]
    b = late[1]
    assert (b.villages, b.covered, b.teams, b.max_load, b.max_load_wave) == (3, 2, 1, 2.0, "2549")


def test_ties_share_a_rank_and_the_next_rank_skips_their_places():
    """One team per district. By 2551 A and B are fully covered, C half, D not at all; B's heaviest load is 2
    villages per team (both in 2549), A's and C's 1, D's 0."""
    villages = {"a1": "A", "a2": "A", "b1": "B", "b2": "B", "c1": "C", "c2": "C", "d1": "D"}
    plan = {"a1": "2549", "a2": "2550", "b1": "2549", "b2": "2549", "c1": "2549"}
    figures = coverage_figures(plan, villages, {t: t for t in "ABCD"}, LABELS, dict.fromkeys("ABCD", 1))
    ranks = rank_districts(figures, 2551)
    assert [(r.district, r.coverage_rank) for r in ranks] == [("A", 1), ("B", 1), ("C", 3), ("D", 4)]
    assert {r.district: r.load_rank for r in ranks} == {"B": 1, "A": 2, "C": 2, "D": 4}


def test_a_pilot_wave_counts_like_any_other_wave():
    plan = {**ASSIGNMENT, "b3": "2548"}
    figures = coverage_figures(plan, VILLAGE_TAMBONS, TAMBON_DISTRICTS, ("2548", *LABELS), TEAMS)
    assert figures.covered_by_wave == {"2548": 1, "2549": 5, "2550": 6, "2551": 7}
    assert figures.tambons_full_by_wave["2551"] == 3
    assert figures.teams_by_wave["2548"] == 1


def test_unknown_villages_waves_and_districts_are_all_reported():
    plan = {**ASSIGNMENT, "zz": "2549", "a4": "2560"}
    with pytest.raises(InvalidInputError) as error:
        coverage_figures(plan, VILLAGE_TAMBONS, TAMBON_DISTRICTS, LABELS, {"A": 2})
    text = str(error.value)
    assert "zz" in text and "'2560'" in text and "district(s) B have no facilitator teams" in text


def test_wave_labels_must_be_increasing_years():
    with pytest.raises(InvalidInputError, match="not Buddhist-era years"):
        coverage_figures({}, VILLAGE_TAMBONS, TAMBON_DISTRICTS, ("wave 1",), TEAMS)
    with pytest.raises(InvalidInputError, match="increasing order"):
        coverage_figures({}, VILLAGE_TAMBONS, TAMBON_DISTRICTS, ("2550", "2549"), TEAMS)


@given(st.dictionaries(st.sampled_from(sorted(VILLAGE_TAMBONS)), st.sampled_from(LABELS)))
def test_coverage_grows_and_ends_with_every_assigned_village(assignment):
    figures = coverage_figures(assignment, VILLAGE_TAMBONS, TAMBON_DISTRICTS, LABELS, TEAMS)
    covered = list(figures.covered_by_wave.values())
    assert covered == sorted(covered) and covered[-1] == len(assignment)
    assert figures.unassigned == 7 - len(assignment)
    for label in LABELS:
        assert figures.tambons_full_by_wave[label] + figures.tambons_partial_by_wave[label] <= 3
        assert 0 <= figures.share_by_wave[label] <= 1
        assert sum(figures.district_new[d][label] for d in TEAMS) == figures.new_by_wave[label]
    full = list(figures.tambons_full_by_wave.values())
    assert full == sorted(full)
