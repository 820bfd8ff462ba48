"""The editing session on a real database: every applied step is a saved version with its change record, undo and
redo are saved too, and a save based on an old version never overwrites another session's work."""

import pytest

import geodata
from dashboard.plan import editing
from dashboard.plan.editing import MAIN_SCENARIO, Session, Villages
from dashboard.plan.edits import ASSIGN, LOCK, PILOT, Edit, EditError
from geodata.plans import default_scenario
from service import PLANNER, Workspace
from service.logins import actor_of
from store import open_store


@pytest.fixture(scope="module")
def villages():
    return Villages.of(geodata.load_villages(), geodata.load_tambons())


@pytest.fixture(scope="module")
def default(villages):
    return default_scenario(villages.frame, villages.tambons)


@pytest.fixture
def store(tmp_path):
    opened = open_store(f"sqlite:///{tmp_path / 'rollout.sqlite3'}")
    for name in ("สมชาย", "สมหญิง", "a", "b"):
        opened.create_user(name, password_hash="$argon2id$v=19$m=65536,t=3,p=4$not-a-real-hash",
                           roles={PLANNER}, created_by="test")
    yield opened
    opened.close()


def planner(store, name: str) -> Workspace:
    """The saved work as planner `name` (an account of the test database) may use it."""
    return Workspace(store, actor_of(store.get_user(name)))


@pytest.fixture
def db(store):
    """The saved work as planner สมชาย; other planners are `planner(store, name)`."""
    return planner(store, "สมชาย")


@pytest.fixture
def session(db, default):
    scenario, _ = editing.open_or_create(db, None, lambda: default)
    return Session(scenario)


def a_village_in(session, wave):
    return next(v for v, w in sorted(session.scenario.assignment.items()) if w == wave
                and v not in session.scenario.locked)


def test_a_first_visit_creates_the_main_scenario_from_the_default_plan(db, default):
    scenario, missing = editing.open_or_create(db, None, lambda: default)
    assert scenario.name == MAIN_SCENARIO and scenario.version == 1 and missing is None
    assert scenario.assignment == default.assignment
    again, _ = editing.open_or_create(db, None, lambda: pytest.fail("must not recompute"))
    assert again.version == 1


def test_an_unknown_name_in_the_url_opens_the_main_scenario_and_says_so(db, default):
    editing.open_or_create(db, None, lambda: default)
    scenario, missing = editing.open_or_create(db, "ไม่มีแผนนี้", lambda: default)
    assert scenario.name == MAIN_SCENARIO and missing == "ไม่มีแผนนี้"


def test_pending_edits_change_nothing_until_applied_then_save_one_version(db, session, villages):
    village = a_village_in(session, "2549")
    session = editing.add_edit(session, Edit(ASSIGN, villages=(village,), wave="2550", lock=True), villages)
    assert editing.draft(session, villages).assignment[village] == "2550"
    assert db.open_scenario(MAIN_SCENARIO).assignment[village] == "2549"
    session = editing.apply_pending(session, planner(db.db, "สมหญิง"), villages, reason="ถนนขาด")
    saved = db.open_scenario(MAIN_SCENARIO)
    assert saved.version == 2 and saved.assignment[village] == "2550" and village in saved.locked
    assert saved.metrics["wave_sizes"]["2550"] == 601 and saved.metrics["failed_checks"] == ["wave_sizes_met"]
    last = db.scenario_history(MAIN_SCENARIO)[-1]
    assert (last.action, last.villages, last.author, last.reason) == ("assign", (village,), "สมหญิง", "ถนนขาด")
    assert session.pending == () and session.history.can_undo


def test_a_refused_edit_is_not_queued(session, villages):
    with pytest.raises(EditError):
        editing.add_edit(session, Edit(ASSIGN, villages=("80010601",), wave="2600"), villages)
    assert session.pending == ()


def test_undo_and_redo_are_saved_as_new_versions(db, session, villages):
    village = a_village_in(session, "2549")
    session = editing.apply_pending(
        editing.add_edit(session, Edit(LOCK, villages=(village,)), villages), planner(db.db, "a"), villages)
    session = editing.undo(session, planner(db.db, "a"), villages)
    assert village not in db.open_scenario(MAIN_SCENARIO).locked and session.scenario.version == 3
    session = editing.redo(session, planner(db.db, "a"), villages)
    assert village in db.open_scenario(MAIN_SCENARIO).locked and session.scenario.version == 4
    assert [c.action for c in db.scenario_history(MAIN_SCENARIO)] == ["create", "lock", "undo", "redo"]


def test_undo_waits_for_pending_changes_to_be_applied_or_discarded(db, session, villages):
    village = a_village_in(session, "2549")
    session = editing.apply_pending(
        editing.add_edit(session, Edit(LOCK, villages=(village,)), villages), planner(db.db, "a"), villages)
    session = editing.add_edit(session, Edit(LOCK, villages=(a_village_in(session, "2550"),)), villages)
    with pytest.raises(EditError, match="apply or discard"):
        editing.undo(session, planner(db.db, "a"), villages)


def test_a_second_session_is_told_of_the_conflict_and_loses_nothing(db, session, villages):
    mine, theirs = session, Session(db.open_scenario(MAIN_SCENARIO))
    first, second = a_village_in(session, "2549"), a_village_in(session, "2550")
    theirs = editing.apply_pending(editing.add_edit(theirs, Edit(LOCK, villages=(first,)), villages),
                                   planner(db.db, "สมหญิง"),
                                   villages)
    mine = editing.add_edit(mine, Edit(LOCK, villages=(second,)), villages)
    mine = editing.apply_pending(mine, planner(db.db, "สมชาย"), villages)
    assert mine.conflict is not None and "changed by สมหญิง" in mine.conflict.message
    assert mine.pending, "the refused changes stay pending"
    assert db.open_scenario(MAIN_SCENARIO).locked == {first}, "their save is intact"
    reloaded, dropped = editing.reload(mine, db, villages)
    assert dropped == [] and reloaded.scenario.version == 2 and len(reloaded.pending) == 1
    reloaded = editing.apply_pending(reloaded, planner(db.db, "สมชาย"), villages)
    assert db.open_scenario(MAIN_SCENARIO).locked == {first, second}


def test_a_conflicting_draft_can_be_saved_as_a_new_scenario(db, session, villages):
    theirs = Session(db.open_scenario(MAIN_SCENARIO))
    editing.apply_pending(editing.add_edit(theirs, Edit(LOCK, villages=(a_village_in(session, "2549"),)),
                                                 villages), planner(db.db, "b"), villages)
    mine = editing.add_edit(session, Edit(PILOT, tambons=("800106",)), villages)
    mine = editing.apply_pending(mine, planner(db.db, "a"), villages)
    assert mine.conflict is not None
    copy = editing.save_as(mine, planner(db.db, "a"), villages, "แผนของฉัน")
    saved = db.open_scenario("แผนของฉัน")
    assert copy.scenario.name == "แผนของฉัน" and saved.settings.pilot_tambons == ("800106",)
    assert db.scenario_history("แผนของฉัน")[0].detail["from"] == MAIN_SCENARIO


def test_optimising_the_rest_keeps_locks_and_lists_what_moved(db, session, villages):
    moved_by_hand = [v for v, w in sorted(session.scenario.assignment.items()) if w == "2549"][:5]
    session = editing.add_edit(session, Edit(ASSIGN, villages=tuple(moved_by_hand), wave="2551", lock=True),
                                  villages)
    edit = editing.optimise_rest(session, villages)
    assert all(edit.assignment[v] == "2551" for v in moved_by_hand), "locks are kept"
    assert edit.metrics["status"] == "optimal" and not edit.metrics["failed_checks"]
    assert edit.moved and all(edit.assignment[v] == new for v, (old, new) in edit.moved.items())
    session = editing.apply_pending(editing.add_edit(session, edit, villages), planner(db.db, "a"), villages)
    saved = db.open_scenario(MAIN_SCENARIO)
    assert saved.metrics["status"] == "optimal" and saved.metrics["wave_sizes"]["2549"] == 400
    assert db.scenario_history(MAIN_SCENARIO)[-1].action == "edit"


def test_impossible_locks_still_give_tallies_and_say_why(session, villages):
    too_many = tuple(sorted(session.scenario.assignment)[:401])
    session = editing.add_edit(session, Edit(ASSIGN, villages=too_many, wave="2549", lock=True), villages)
    problem, error = editing.problem_for(session.scenario, editing.draft(session, villages), villages)
    assert problem is not None and "401 villages are locked to wave 2549" in str(error)
    with pytest.raises(Exception, match="401 villages are locked"):
        editing.optimise_rest(session, villages)


# --- Changing the waves ------------------------------------------------------------------------------------
ROLLOUT_2570 = [{"label": "2569", "target": None}, {"label": "2570", "target": 400},
                {"label": "2571", "target": 600}, {"label": "2572", "target": None}]


def test_new_years_keep_the_plan_in_place_with_locks_and_pilots_by_position(db, session, villages):
    village = a_village_in(session, "2550")
    session = editing.add_edit(session, Edit(LOCK, villages=(village,)), villages)
    session = editing.add_edit(session, Edit(PILOT, tambons=("800106",)), villages)
    edit = editing.replan_waves(session, villages, ROLLOUT_2570, "2569")
    assert edit.assignment[village] == "2571" and village in edit.locked, "the lock keeps its wave's position"
    pilots = [v for v, t in villages.tambon_of.items() if t == "800106"]
    assert all(edit.assignment[v] == "2569" for v in pilots) and set(pilots) <= edit.locked
    assert edit.metrics["status"] == "optimal" and not edit.metrics["failed_checks"]
    assert edit.metrics["wave_sizes"] == {"2569": len(pilots), "2570": 400, "2571": 600, "2572": 553 - len(pilots)}
    renamed = {"2548": "2569", "2549": "2570", "2550": "2571", "2551": "2572"}
    before = editing.draft(session, villages).assignment
    assert set(edit.moved) == {v for v in before if renamed[before[v]] != edit.assignment[v]}
    session = editing.apply_pending(editing.add_edit(session, edit, villages), db, villages, "a")
    saved = db.open_scenario(MAIN_SCENARIO)
    assert saved.settings.to_json()["waves"] == ROLLOUT_2570 and saved.settings.pilot_label == "2569"
    assert saved.settings.pilot_tambons == ("800106",) and saved.assignment[village] == "2571"


def test_more_waves_and_no_pilot_wave(session, villages):
    session = editing.add_edit(session, Edit(PILOT, tambons=("800106",)), villages)
    waves = [{"label": "2570", "target": 300}, {"label": "2571", "target": 300}, {"label": "2572", "target": 400},
             {"label": "2573", "target": None}]
    edit = editing.replan_waves(session, villages, waves, None)
    assert edit.metrics["wave_sizes"] == {"2570": 300, "2571": 300, "2572": 400, "2573": 553}
    after = editing.draft(editing.add_edit(session, edit, villages), villages)
    assert after.pilot_label is None and after.pilot_tambons == frozenset() and not after.locked, \
        "without a pilot wave there are no pilot tambons, and their villages are no longer locked"


def test_waves_the_locks_cannot_fit_are_refused_by_the_engine(session, villages):
    locked = tuple(sorted(session.scenario.assignment)[:450])
    session = editing.add_edit(session, Edit(ASSIGN, villages=locked, wave="2549", lock=True), villages)
    with pytest.raises(Exception, match="450 villages are locked to wave 2570"):
        editing.replan_waves(session, villages, ROLLOUT_2570, "2569")


def test_the_same_waves_change_nothing(session, villages):
    waves = [{"label": "2548", "target": None}, {"label": "2549", "target": 400}, {"label": "2550", "target": 600},
             {"label": "2551", "target": None}]
    edit = editing.replan_waves(session, villages, waves, "2548")
    with pytest.raises(EditError, match="nothing changes"):
        editing.add_edit(session, edit, villages)
