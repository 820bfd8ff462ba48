"""Named checks, evaluate, rosters, waves and hops: the pieces the dashboard calls directly."""

from __future__ import annotations

import pytest

from planning import (
    InvalidInputError,
    Roster,
    Wave,
    default_roster,
    default_waves,
    evaluate,
    explain_failures,
    find_failures,
    hop_distances,
    make_problem,
    plan,
    roster_from_rows,
    validate_plan,
)
from tests.planning.engine_helpers import instance

TAMBONS = {"a1": ("A", 3), "a2": ("A", 2), "b1": ("B", 3)}


def small():
    """A: a1 (3 villages), a2 (2); B: b1 (3); one team each, C = 3; W1 = 4, W2 = the remaining 4."""
    return instance(TAMBONS, {"A": 1, "B": 1}, 3, (Wave("W1", 4), Wave("W2", None)), locks={"b101": "W2"})


def test_default_waves_are_a_neutral_share_of_the_villages_not_a_provinces_schedule():
    """26 % and 39 % of the villages (rounded half up) after the pilot, the rest last: 1,553 -> 404, 606, 543.
    (The governor's 400/600/600 moved to the province registry: tests/geodata/databuild/test_provinces.py.)"""
    assert default_waves(1553) == (Wave("2548", None), Wave("2549", 404), Wave("2550", 606), Wave("2551", 543))
    assert default_waves(10, (50,), pilot_label="P") == (Wave("P", None), Wave("2549", 5), Wave("2550", 5))
    assert make_problem({"v1": "t1", "v2": "t1"}, {"t1": "d1"}).waves == default_waves(2)


@pytest.mark.parametrize("bad", [(60, 50), (-1, 20)])
def test_default_wave_shares_over_100_or_negative_are_refused(bad):
    with pytest.raises(InvalidInputError, match=r"wave percentages .* must be >= 0 and add up to at most 100"):
        default_waves(100, bad)


def test_default_roster_has_one_team_per_tambon_with_villages_and_is_estimated():
    roster = default_roster({"v1": "t1", "v2": "t2", "v3": "t2"}, {"t1": "d1", "t2": "d1", "t3": "d2"})
    assert (roster.teams, roster.capacity, roster.estimated) == ({"d1": 2}, 10, True)


def test_roster_rows_accept_text_numbers_and_mappings():
    roster = roster_from_rows([("8001", "3"), {"amphoe_code": "8002", "teams": 2}], districts={"8001", "8002"})
    assert (roster.teams, roster.estimated) == ({"8001": 3, "8002": 2}, False)


def test_roster_rows_report_every_bad_row_with_its_number():
    rows = [("8001", "two"), ("8002", 0), ("9999", 1), ("8003", 1), ("8003", 2), ("8004", 2.5)]
    with pytest.raises(InvalidInputError) as caught:
        roster_from_rows(rows, districts={"8001", "8002", "8003", "8004"})
    assert [p.split(":")[0] for p in caught.value.problems] == ["row 1", "row 2", "row 3", "row 5", "row 6"]


def test_roster_row_with_non_integer_teams_says_what_to_write():
    with pytest.raises(InvalidInputError, match=r"row 1: district 8001 has teams 'two', which is not a whole "
                                                r"number; write the number of teams"):
        roster_from_rows([("8001", "two")])


def test_valid_plan_passes_every_check():
    problem = small()
    assert validate_plan(problem, plan(problem).assignment) == ()


def test_partial_assignment_fails_completeness_and_sizes_only():
    problem = small()
    partial = dict(list(plan(problem).assignment.items())[:5])
    assert validate_plan(problem, partial) == ("every_village_assigned_once", "wave_sizes_met")


def test_moving_a_locked_village_breaks_locks_respected():
    problem = small()
    assignment = plan(problem).assignment | {"b101": "W1"}
    assert "locks_respected" in validate_plan(problem, assignment)


def test_crowding_a_district_breaks_capacity_with_numbers():
    problem = small()
    crowded = {v: ("W1" if v.startswith("a") else "W2") for v in problem.villages}
    assert explain_failures(problem, crowded)["district_capacity_respected"] == (
        "district A has 5 villages in wave W1 but 1 teams x 3 = 3",)


def test_unknown_wave_label_breaks_completeness():
    problem = small()
    assignment = plan(problem).assignment | {"a101": "2560"}
    assert "every_village_assigned_once" in validate_plan(problem, assignment)


def test_evaluate_counts_loads_and_splits_of_a_manual_plan():
    problem = small()
    manual = {"a101": "W1", "a102": "W1", "a103": "W2", "a201": "W1", "a202": "W1",
              "b101": "W2", "b102": "W2", "b103": "W2"}
    metrics = evaluate(problem, manual)
    assert (metrics.counts, metrics.max_load, metrics.split_tambon_codes, metrics.failed_checks) == (
        {"A": {"W1": 4, "W2": 1}, "B": {"W1": 0, "W2": 3}}, 4.0, ("a1",), ("district_capacity_respected",))


def test_evaluate_handles_an_empty_assignment():
    metrics = evaluate(small(), {})
    assert (metrics.unassigned, metrics.max_load, metrics.wave_sizes) == (8, 0.0, {"W1": 0, "W2": 0})


def test_hops_count_borders_from_the_nearest_seed_and_unreached_are_farthest_plus_one():
    adjacency = {"a": ("b",), "b": ("a", "c"), "c": ("b",), "island": ()}
    assert hop_distances(adjacency, {"a"}) == {"a": 0, "b": 1, "c": 2, "island": 3}


def test_without_pilots_the_seeds_are_the_tambons_locked_to_the_earliest_locked_wave():
    assert small().seeds == ("b1",)


def test_without_pilots_or_locks_there_is_no_seed_and_no_hop():
    problem = instance(TAMBONS, {"A": 1, "B": 1}, 3, (Wave("W1", 4), Wave("W2", None)))
    assert (problem.seeds, problem.hops) == ((), {})


def test_failures_are_facts_with_the_numbers_each_sentence_quotes():
    problem = make_problem({"v1": "t1", "v2": "t1"}, {"t1": "d1"}, waves=[Wave("2549", 1), Wave("2550", 1)],
                           roster=Roster({"d1": 1}, 1, estimated=False))
    crowded = {"v1": "2549", "v2": "2549"}
    failures = find_failures(problem, crowded)
    assert set(failures) == set(explain_failures(problem, crowded)) == {"wave_sizes_met", "district_capacity_respected"}
    assert [(f.kind, dict(f.values)) for f in failures["wave_sizes_met"]] == [
        ("wave_size", {"wave": "2549", "n": 2, "size": 1}), ("wave_size", {"wave": "2550", "n": 0, "size": 1})]
    (capacity,) = failures["district_capacity_respected"]
    assert (capacity.check, capacity.kind, dict(capacity.values)) == (
        "district_capacity_respected", "capacity",
        {"district": "d1", "n": 2, "wave": "2549", "teams": 1, "capacity": 1, "limit": 1})
    assert str(capacity) == "district d1 has 2 villages in wave 2549 but 1 teams x 1 = 1"
