"""Edits of a plan and the undo/redo history, on a hand-built plan.

Two tambons of three villages; waves 2548 (pilot, no target), 2549, 2550::

    tambon 800101: 80010101 -> 2549   80010102 -> 2549   80010103 -> 2550
    tambon 800102: 80010201 -> 2550   80010202 -> 2550   80010203 -> 2550
"""

import dataclasses

import pytest

from dashboard.plan.edits import (
    ASSIGN,
    LOCK,
    OPTIMISE,
    PILOT,
    ROSTER,
    UNLOCK,
    UNPILOT,
    WAVES,
    Edit,
    EditError,
    History,
    Plan,
    Step,
    apply_edit,
    apply_edits,
    change_summary,
    changed_villages,
    effective_edit,
)
from planning import Roster, parse_settings

TAMBON_OF = {"80010101": "800101", "80010102": "800101", "80010103": "800101",
             "80010201": "800102", "80010202": "800102", "80010203": "800102"}
SETTINGS = parse_settings({"waves": [{"label": "2548", "target": None}, {"label": "2549", "target": 2},
                                     {"label": "2550", "target": 4}],
                           "pilot_label": "2548", "pilot_tambons": [],
                           "roster": {"teams": {"8001": 2}, "capacity": 10, "estimated": True}})


@pytest.fixture
def plan():
    return Plan({"80010101": "2549", "80010102": "2549", "80010103": "2550", "80010201": "2550",
                 "80010202": "2550", "80010203": "2550"}, frozenset(), {"80010101": "spread"}, SETTINGS)


def test_assigning_moves_the_villages_and_locks_them_when_asked(plan):
    after = apply_edit(plan, Edit(ASSIGN, villages=("80010103",), wave="2549", lock=True), TAMBON_OF)
    assert after.assignment["80010103"] == "2549"
    assert after.locked == {"80010103"} and after.reasons["80010103"] == "locked"
    assert plan.assignment["80010103"] == "2550", "the original plan is unchanged"


def test_an_unlocked_hand_assignment_has_no_reason(plan):
    after = apply_edit(plan, Edit(ASSIGN, villages=("80010101",), wave="2550", lock=False), TAMBON_OF)
    assert after.assignment["80010101"] == "2550"
    assert "80010101" not in after.reasons and not after.locked


def test_assigning_to_an_unknown_wave_is_refused(plan):
    with pytest.raises(EditError, match="wave '2560' does not exist"):
        apply_edit(plan, Edit(ASSIGN, villages=("80010101",), wave="2560"), TAMBON_OF)


def test_lock_and_unlock_keep_the_wave_and_set_the_reason(plan):
    locked = apply_edit(plan, Edit(LOCK, villages=("80010101", "80010201")), TAMBON_OF)
    assert locked.locked == {"80010101", "80010201"} and locked.assignment == plan.assignment
    assert locked.reasons["80010201"] == "locked"
    unlocked = apply_edit(locked, Edit(UNLOCK, villages=("80010201",)), TAMBON_OF)
    assert unlocked.locked == {"80010101"} and "80010201" not in unlocked.reasons


def test_marking_a_pilot_tambon_puts_its_villages_in_the_pilot_wave_locked(plan):
    after = apply_edit(plan, Edit(PILOT, tambons=("800102",)), TAMBON_OF)
    assert {after.assignment[v] for v in ("80010201", "80010202", "80010203")} == {"2548"}
    assert after.locked == {"80010201", "80010202", "80010203"}
    assert after.settings.pilot_tambons == ("800102",)
    assert {after.reasons[v] for v in after.locked} == {"pilot"}
    assert SETTINGS.pilot_tambons == (), "settings are a new value, the old one unchanged"


def test_pilot_villages_cannot_be_moved_or_unlocked_one_by_one(plan):
    piloted = apply_edit(plan, Edit(PILOT, tambons=("800102",)), TAMBON_OF)
    with pytest.raises(EditError, match="pilot tambons"):
        apply_edit(piloted, Edit(ASSIGN, villages=("80010201",), wave="2549"), TAMBON_OF)
    with pytest.raises(EditError, match="unmark their tambons"):
        apply_edit(piloted, Edit(UNLOCK, villages=("80010201",)), TAMBON_OF)


def test_unmarking_a_pilot_unlocks_its_villages(plan):
    piloted = apply_edit(plan, Edit(PILOT, tambons=("800102",)), TAMBON_OF)
    after = apply_edit(piloted, Edit(UNPILOT, tambons=("800102",)), TAMBON_OF)
    assert after.settings.pilot_tambons == () and not after.locked
    assert "80010201" not in after.reasons


def test_marking_a_pilot_adds_a_pilot_wave_when_the_plan_has_none(plan):
    no_pilot = Plan(plan.assignment, plan.locked, plan.reasons,
                    dataclasses.replace(SETTINGS, waves=SETTINGS.waves[1:], pilot_label=None))
    after = apply_edit(no_pilot, Edit(PILOT, tambons=("800101",)), TAMBON_OF)
    assert after.labels == ("2548", "2549", "2550") and after.pilot_label == "2548"


def test_a_roster_edit_replaces_the_roster_only(plan):
    roster = Roster({"8001": 4}, capacity=8, estimated=False)
    after = apply_edit(plan, Edit(ROSTER, roster=roster), TAMBON_OF)
    assert after.settings.roster == roster and after.assignment == plan.assignment
    assert after.settings.waves == plan.settings.waves


def test_accepting_an_optimised_plan_takes_its_waves_and_reasons(plan):
    optimised = {**plan.assignment, "80010103": "2549", "80010101": "2550"}
    after = apply_edit(plan, Edit(OPTIMISE, assignment=optimised, reasons={"80010101": "balance"},
                                  moved={"80010103": ["2550", "2549"]}), TAMBON_OF)
    assert after.assignment == optimised and after.reasons == {"80010101": "balance"}


def test_edits_apply_in_order_and_changed_villages_lists_waves_and_locks(plan):
    after = apply_edits(plan, [Edit(ASSIGN, villages=("80010103",), wave="2549", lock=False),
                               Edit(LOCK, villages=("80010202",))], TAMBON_OF)
    assert changed_villages(plan, after) == ["80010103", "80010202"]


def test_unknown_villages_and_actions_are_refused(plan):
    with pytest.raises(EditError, match="not in the data set"):
        apply_edit(plan, Edit(LOCK, villages=("99999999",)), TAMBON_OF)
    with pytest.raises(EditError, match="unknown edit"):
        Edit("paint")


def test_the_change_record_names_one_action_or_lists_several():
    one = change_summary([Edit(ASSIGN, villages=("a", "b"), wave="2549", lock=True)])
    assert one == ("assign", ("a", "b"), {"edits": [{"action": "assign", "villages": 2, "wave": "2549",
                                                     "lock": True}]})
    action, villages, detail = change_summary([Edit(LOCK, villages=("a",)), Edit(PILOT, tambons=("t",))])
    assert action == "edit" and villages == ("a",) and [e["action"] for e in detail["edits"]] == ["lock", "pilot"]


def test_undo_and_redo_walk_the_steps_any_number_of_times(plan):
    second = apply_edit(plan, Edit(LOCK, villages=("80010101",)), TAMBON_OF)
    third = apply_edit(second, Edit(LOCK, villages=("80010102",)), TAMBON_OF)
    history = History().record(Step("lock", plan, second)).record(Step("lock", second, third))
    step, history = history.undone()
    assert step.before == second
    step, history = history.undone()
    assert step.before == plan and not history.can_undo and history.can_redo
    step, history = history.redone()
    assert step.after == second
    step, history = history.redone()
    assert step.after == third and not history.can_redo
    with pytest.raises(EditError, match="nothing to redo"):
        history.redone()


def test_a_new_step_clears_the_redo_stack(plan):
    second = apply_edit(plan, Edit(LOCK, villages=("80010101",)), TAMBON_OF)
    history = History().record(Step("lock", plan, second))
    _, history = history.undone()
    history = history.record(Step("lock", plan, second))
    assert not history.can_redo and len(history.undo) == 1


# --- Edits that change nothing, or only some of their villages -------------------------------------------
def test_moving_villages_already_in_that_wave_changes_nothing_and_says_so(plan):
    """"Move 2 villages to 2549" when both are in 2549 and no lock is asked: nothing moves (their reason may be the
    optimiser's; that is not a change of plan)."""
    with pytest.raises(EditError, match="All 2 villages are already in wave 2549"):
        effective_edit(plan, Edit(ASSIGN, villages=("80010101", "80010102"), wave="2549"), TAMBON_OF)


def test_moving_villages_already_there_but_locking_them_is_a_change(plan):
    edit = effective_edit(plan, Edit(ASSIGN, villages=("80010101", "80010102"), wave="2549", lock=True), TAMBON_OF)
    assert edit.villages == ("80010101", "80010102")


def test_an_edit_names_only_the_villages_it_changes(plan):
    edit = Edit(ASSIGN, villages=("80010101", "80010102", "80010103"), wave="2549")
    assert effective_edit(plan, edit, TAMBON_OF).villages == ("80010103",)
    locked = apply_edit(plan, Edit(LOCK, villages=("80010101",)), TAMBON_OF)
    assert effective_edit(locked, Edit(LOCK, villages=("80010101", "80010201")), TAMBON_OF).villages == \
        ("80010201",)


def test_locking_locked_villages_or_unlocking_unlocked_ones_changes_nothing(plan):
    locked = apply_edit(plan, Edit(LOCK, villages=("80010101",)), TAMBON_OF)
    with pytest.raises(EditError, match="already locked"):
        effective_edit(locked, Edit(LOCK, villages=("80010101",)), TAMBON_OF)
    with pytest.raises(EditError, match="None of the selected villages is locked"):
        effective_edit(plan, Edit(UNLOCK, villages=("80010101",)), TAMBON_OF)
    assert EditError("plan.edit_error.already_locked", n=1).words("th") == "ทั้ง 1 หมู่บ้านล็อกอยู่แล้ว: ไม่มีอะไรเปลี่ยน"


def test_marking_a_pilot_tambon_twice_changes_nothing(plan):
    piloted = apply_edit(plan, Edit(PILOT, tambons=("800101",)), TAMBON_OF)
    with pytest.raises(EditError, match="pilot tambons already"):
        effective_edit(piloted, Edit(PILOT, tambons=("800101",)), TAMBON_OF)


# --- Changing the waves ------------------------------------------------------------------------------------
def test_a_waves_edit_takes_the_new_waves_the_kept_locks_and_the_remade_plan(plan):
    waves = ({"label": "2569", "target": None}, {"label": "2570", "target": 3}, {"label": "2571", "target": None})
    remade = {v: "2570" if i < 3 else "2571" for i, v in enumerate(sorted(TAMBON_OF))}
    edit = Edit(WAVES, waves=waves, pilot_label="2569", locked=frozenset({"80010101"}), assignment=remade,
                reasons={"80010101": "locked"}, moved={"80010103": ["2550", "2570"]}, villages=("80010103",))
    after = apply_edit(plan, edit, TAMBON_OF)
    assert after.labels == ("2569", "2570", "2571") and after.pilot_label == "2569"
    assert after.assignment == remade and after.locked == {"80010101"}
    assert after.settings.roster == plan.settings.roster, "the roster stays"
    without_pilot = apply_edit(plan, Edit(WAVES, waves=waves[1:], pilot_label=None, locked=frozenset(),
                                          assignment=remade), TAMBON_OF)
    assert without_pilot.pilot_label is None and without_pilot.pilot_tambons == frozenset()
    summary = change_summary([edit])[2]["edits"][0]
    assert summary["waves"] == [dict(w) for w in waves] and summary["moved"] == {"80010103": ["2550", "2570"]}
