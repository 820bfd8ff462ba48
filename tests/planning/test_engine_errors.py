"""Inputs the engine must refuse, with messages that name the culprit, the numbers and the fix."""

from __future__ import annotations

import pytest

from planning import InfeasiblePlanError, InvalidInputError, PlanningError, Roster, Wave, make_problem, plan
from tests.planning.engine_helpers import instance, villages_of

TAMBONS = {"a1": ("8017", 30), "a2": ("8017", 30), "b1": ("8018", 10)}
TWO_WAVES = (Wave("2549", 20), Wave("2550", None))


def test_district_short_of_capacity_names_district_teams_and_numbers():
    r"""บางขัน (8017) has 60 villages, 2 teams x 10 villages x 2 waves = 40."""
    problem = instance(TAMBONS, {"8017": 2, "8018": 1}, 10, (Wave("2549", 35), Wave("2550", None)),
                       district_names={"8017": "บางขัน"})
    with pytest.raises(InfeasiblePlanError, match=r"district บางขัน \(8017\) has 60 villages but 2 teams x 10 "
                                                  r"villages x 2 waves = 40 capacity; add teams \(needs 3\)"):
        plan(problem)


def test_district_short_of_capacity_counts_slots_lost_to_locks_elsewhere():
    r"""8018's b1 (10 villages) is locked to 2549 whose size is 10, so 8017 can use no slot of 2549:
    60 villages against 3 teams x 10 x 2 waves = 60 minus the 30 slots of the full wave."""
    problem = instance(TAMBONS, {"8017": 3, "8018": 1}, 10, (Wave("2549", 10), Wave("2550", None)),
                       tambon_locks={"b1": "2549"})
    with pytest.raises(InfeasiblePlanError, match=r"8017 has 60 villages but 3 teams x 10 villages x 2 waves = "
                                                  r"60 capacity minus 30 slots in waves too small"):
        plan(problem)


def test_locks_over_a_district_cap_in_one_wave_say_how_many_teams_are_needed():
    problem = instance(TAMBONS, {"8017": 2, "8018": 1}, 10, (Wave("2549", 30), Wave("2550", None)),
                       tambon_locks={"a1": "2549"})
    with pytest.raises(InfeasiblePlanError, match=r"8017 has 30 villages locked to wave 2549 but 2 teams x 10 "
                                                  r"villages = 20; add teams \(needs 3\), raise C to 15"):
        plan(problem)


def test_wave_that_no_district_can_fill_names_the_wave_and_numbers():
    r"""Three districts of 10 villages, one team each, C = 8: wave 2549 (25) can get at most 3 x 8 = 24,
    although each district alone fits: 8 in 2549 + 5 in 2550 >= 10."""
    tambons = {"a1": ("A", 10), "b1": ("B", 10), "c1": ("C", 10)}
    problem = instance(tambons, {"A": 1, "B": 1, "C": 1}, 8, (Wave("2549", 25), Wave("2550", None)))
    with pytest.raises(InfeasiblePlanError, match=r"wave 2549 needs 25 unlocked villages but the districts' "
                                                  r"teams can take at most 24 there"):
        plan(problem)


def test_locks_over_a_wave_target_say_how_many_to_unlock():
    villages = {f"v{i:03d}": "t1" for i in range(450)} | {f"w{i:03d}": "t2" for i in range(100)}
    with pytest.raises(InfeasiblePlanError, match=r"450 villages are locked to wave 2549, which has a target "
                                                  r"of 400; unlock 50"):
        make_problem(villages, {"t1": "d1", "t2": "d2"}, waves=(Wave("2549", 400), Wave("2550", None)),
                     tambon_locks={"t1": "2549"})


def test_targets_that_cannot_hold_every_village_say_by_how_many():
    villages = villages_of({"t1": ("d1", 8)})
    with pytest.raises(InfeasiblePlanError, match=r"3 villages have no wave; raise the last wave's target "
                                                  r"\(W2: 2\) by 3"):
        make_problem(villages, {"t1": "d1"}, waves=(Wave("W1", 3), Wave("W2", 2)))


def test_targets_beyond_the_villages_say_by_how_many():
    villages = villages_of({"t1": ("d1", 8)})
    with pytest.raises(InfeasiblePlanError, match=r"need 6 \(W1\) \+ 6 \(W2\) = 12 villages but there are only 8, "
                                                  r"4 too many"):
        make_problem(villages, {"t1": "d1"}, waves=(Wave("W1", 6), Wave("W2", 6), Wave("W3", None)))


def test_unknown_village_in_locks_is_named():
    with pytest.raises(InvalidInputError, match=r"village 99999999 is not in the province"):
        make_problem(villages_of({"t1": ("d1", 3)}), {"t1": "d1"}, waves=TWO_WAVES, locks={"99999999": "2549"})


def test_unknown_wave_in_locks_lists_the_waves():
    with pytest.raises(InvalidInputError, match=r"locked to wave '2560', which does not exist; use one of "
                                                r"2549, 2550"):
        make_problem(villages_of({"t1": ("d1", 3)}), {"t1": "d1"}, waves=TWO_WAVES, locks={"t101": "2560"})


def test_unknown_tambon_in_tambon_locks_and_pilots_is_named():
    with pytest.raises(InvalidInputError,
                       match=r"pilot tambon 808888 is not a tambon.*tambon 809999 is not in the province"):
        make_problem(villages_of({"t1": ("d1", 3)}), {"t1": "d1"}, tambon_locks={"809999": "2549"},
                     pilot_tambons={"808888"})


def test_unknown_district_in_roster_is_named():
    with pytest.raises(InvalidInputError, match=r"roster lists district 9999, which is not in the province"):
        make_problem(villages_of({"t1": ("d1", 3)}), {"t1": "d1"}, waves=TWO_WAVES,
                     roster=Roster({"d1": 1, "9999": 2}, 10, False))


def test_district_missing_from_roster_is_named():
    with pytest.raises(InvalidInputError, match=r"district d2 has villages but no teams in the roster"):
        make_problem(villages_of({"t1": ("d1", 3), "t2": ("d2", 2)}), {"t1": "d1", "t2": "d2"},
                     waves=TWO_WAVES, roster=Roster({"d1": 1}, 10, False))


def test_village_of_unknown_tambon_is_named():
    with pytest.raises(InvalidInputError, match=r"tambon t9 \(of village v1\) has no district"):
        make_problem({"v1": "t9"}, {"t1": "d1"})


def test_pilot_village_locked_elsewhere_is_refused():
    with pytest.raises(InvalidInputError, match=r"village t101 is in pilot tambon t1 \(wave 2548\) but locked "
                                                r"to 2549"):
        make_problem(villages_of({"t1": ("d1", 3), "t2": ("d1", 3)}), {"t1": "d1", "t2": "d1"},
                     pilot_tambons={"t1"}, locks={"t101": "2549"},
                     waves=(Wave("2548", None), Wave("2549", 2), Wave("2550", None)))


def test_every_engine_error_is_a_planning_error_and_a_value_error():
    assert issubclass(InfeasiblePlanError, PlanningError) and issubclass(InvalidInputError, ValueError)


def test_error_lists_every_problem_found():
    with pytest.raises(InvalidInputError) as caught:
        make_problem(villages_of({"t1": ("d1", 3)}), {"t1": "d1"}, waves=TWO_WAVES,
                     locks={"x1": "2549", "x2": "2549"})
    assert len(caught.value.problems) == 2
