"""Scenarios are saved atomically, versioned, never silently overwritten, and keep their history."""

import pytest

from store import (
    Change,
    ScenarioConflictError,
    ScenarioExistsError,
    StoreError,
    UnknownScenarioError,
    default_database_url,
    open_store,
)
from store import scenarios as store_scenarios

PLAN = {"80010601": "2549", "80010602": "2550", "80010603": "2551"}


def save_new(store, name="แผนหลัก", **kwargs):
    return store.save_scenario(name, assignment=PLAN, locked={"80010601"}, reasons={"80010602": "balance"},
                               settings={"capacity": 10}, metrics={"max_load": 2.5}, expected_version=None,
                               author="สมชาย", **kwargs)


def test_a_saved_scenario_reads_back_whole(store):
    save_new(store)
    scenario = store.open_scenario("แผนหลัก")
    assert scenario.assignment == PLAN
    assert scenario.locked == {"80010601"}
    assert scenario.reasons == {"80010602": "balance"}
    assert scenario.settings == {"capacity": 10} and scenario.metrics == {"max_load": 2.5}
    assert scenario.version == 1 and scenario.updated_by == "สมชาย"


def test_saved_work_survives_reopening_the_database(database_url):
    first = open_store(database_url)
    save_new(first)
    first.close()
    again = open_store(database_url)
    assert again.open_scenario("แผนหลัก").assignment == PLAN
    again.close()


def test_each_save_raises_the_version(store):
    save_new(store)
    saved = store.save_scenario("แผนหลัก", assignment={**PLAN, "80010603": "2550"}, expected_version=1,
                                author="สมหญิง")
    assert saved.version == 2 and saved.assignment["80010603"] == "2550"


def test_a_save_based_on_an_old_version_is_refused_and_writes_nothing(store):
    save_new(store)
    store.save_scenario("แผนหลัก", assignment={**PLAN, "80010603": "2550"}, expected_version=1, author="สมหญิง")
    with pytest.raises(ScenarioConflictError, match="changed by สมหญิง") as caught:
        store.save_scenario("แผนหลัก", assignment={}, expected_version=1, author="สมชาย")
    assert caught.value.found == 2
    assert store.open_scenario("แผนหลัก").assignment["80010603"] == "2550"
    assert len(store.scenario_history("แผนหลัก")) == 2


def test_creating_a_taken_name_is_refused(store):
    save_new(store)
    with pytest.raises(ScenarioExistsError, match="already exists"):
        save_new(store)


def test_unknown_scenario_lists_the_saved_ones(store):
    save_new(store)
    with pytest.raises(UnknownScenarioError, match="saved scenarios: 'แผนหลัก'"):
        store.open_scenario("ไม่มี")


def test_duplicate_copies_the_plan_and_notes_its_origin(store):
    save_new(store)
    copy = store.duplicate_scenario("แผนหลัก", "ทางเลือก ข", author="สมชาย")
    assert copy.assignment == PLAN and copy.locked == {"80010601"} and copy.version == 1
    (created,) = store.scenario_history("ทางเลือก ข")
    assert created.action == "duplicate" and created.detail == {"from": "แผนหลัก", "version": 1}


def test_history_records_when_who_what_which_and_why(store):
    save_new(store)
    store.save_scenario("แผนหลัก", assignment={**PLAN, "80010601": "2550"}, expected_version=1, author="สมหญิง",
                        change=Change(2, "", "สมหญิง", "assign", ("80010601",), {"to": "2550"}, "ถนนขาด"))
    history = store.scenario_history("แผนหลัก")
    assert [c.action for c in history] == ["create", "assign"]
    assert history[1].villages == ("80010601",) and history[1].reason == "ถนนขาด"
    assert history[1].detail == {"to": "2550"} and history[1].at


def test_a_failed_save_mid_transaction_leaves_the_previous_plan(store, monkeypatch):
    save_new(store)

    def fail_after_the_rows_are_written(*args):
        raise RuntimeError("power cut")

    # The scenario row and the changed assignment rows are written by now; the history row fails.
    monkeypatch.setattr(store_scenarios, "_record_change", fail_after_the_rows_are_written)
    with pytest.raises(RuntimeError, match="power cut"):
        store.save_scenario("แผนหลัก", assignment={**PLAN, "80010601": "2551"}, expected_version=1, author="x")
    monkeypatch.undo()
    scenario = store.open_scenario("แผนหลัก")
    assert scenario.version == 1 and scenario.assignment == PLAN
    assert len(store.scenario_history("แผนหลัก")) == 1


def test_a_plan_value_that_cannot_be_stored_is_refused_by_name(store):
    save_new(store)
    with pytest.raises(StoreError, match="village 80010601: the wave"):
        store.save_scenario("แผนหลัก", assignment={"80010601": object()}, expected_version=1, author="x")
    assert store.open_scenario("แผนหลัก").version == 1


def test_empty_name_is_refused(store):
    with pytest.raises(StoreError, match="needs a name"):
        store.save_scenario("  ", assignment={}, expected_version=None, author="x")


def test_database_location_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("ROLLOUT_DATABASE_URL", f"sqlite:///{tmp_path}/elsewhere.sqlite3")
    assert default_database_url().endswith("elsewhere.sqlite3")
    monkeypatch.delenv("ROLLOUT_DATABASE_URL")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_database_url() == f"sqlite:///{tmp_path}/km-rollout/rollout.sqlite3"


def test_unsupported_database_url_says_what_to_use():
    with pytest.raises(StoreError, match="sqlite:///.* or postgresql"):
        open_store("mysql://localhost/db")


def assignment_rows_written(store):
    """Count the assignment rows each INSERT/UPDATE/DELETE statement writes (one per parameter set)."""
    from sqlalchemy import event

    written = []

    def count(_conn, _cursor, statement, parameters, _context, executemany):
        if "assignments" in statement and statement.lstrip().split()[0] in {"INSERT", "UPDATE", "DELETE"}:
            written.append(len(parameters) if executemany else 1)

    event.listen(store.engine, "before_cursor_execute", count)
    return written


def test_a_save_writes_only_the_assignment_rows_that_changed(store):
    plan = {f"8001{t:02d}{m:02d}": "2549" for t in range(1, 21) for m in range(1, 21)}  # 400 villages
    store.save_scenario("ใหญ่", assignment=plan, locked={"80010101"}, expected_version=None, author="a")
    written = assignment_rows_written(store)
    changed = {**plan, "80010102": "2550"}  # one village moves
    changed.pop("80010103")  # one is taken out of the plan
    changed["80019999"] = "2551"  # one is added
    saved = store.save_scenario("ใหญ่", assignment=changed, locked=set(), expected_version=1, author="a")
    assert sum(written) == 4  # moved, removed, added, and 80010101 unlocked
    assert saved.assignment == changed and saved.locked == frozenset()
    written.clear()
    store.save_scenario("ใหญ่", assignment=changed, expected_version=2, author="a")
    assert sum(written) == 0  # nothing changed in the plan: only the version and history rows are written


def test_a_new_scenario_belongs_to_nakhon_si_thammarat_unless_told_and_is_not_official(store):
    assert (save_new(store).province, store.open_scenario("แผนหลัก").official) == ("80", False)
    other = store.save_scenario("ภูเก็ต", assignment={"83010101": "2549"}, expected_version=None, author="a",
                                province="83")
    assert other.province == "83"
    national = store.save_scenario("ทั้งประเทศ", assignment={"83010101": "2549", "85010101": "2550"},
                                   expected_version=None, author="a", province="nation")
    assert national.province == "nation" and store.open_scenario("ทั้งประเทศ").province == "nation"
    with pytest.raises(StoreError, match="province '8' is not a DOPA province code"):
        store.save_scenario("x", assignment={}, expected_version=None, author="a", province="8")


def test_marking_the_official_plan_records_who_and_when_and_replaces_the_previous_one(store):
    save_new(store)
    store.duplicate_scenario("แผนหลัก", "ทางเลือก ข", author="a")
    marked = store.mark_official("แผนหลัก", author="ผู้ว่า", expected_version=1)
    assert marked.official and store.official_scenario("80").name == "แผนหลัก"
    assert marked.version == 1  # the plan did not change: the mark names the version approved
    last = store.scenario_history("แผนหลัก")[-1]
    assert (last.action, last.author, last.version, last.detail) == ("official", "ผู้ว่า", 1, {"province": "80"})
    assert last.at
    store.mark_official("ทางเลือก ข", author="ผู้ว่า", expected_version=1)
    assert store.official_scenario().name == "ทางเลือก ข"
    assert not store.open_scenario("แผนหลัก").official
    assert store.scenario_history("แผนหลัก")[-1].action == "unofficial"
    assert [s.name for s in store.list_scenarios() if s.official] == ["ทางเลือก ข"]


def test_the_official_mark_is_per_province(store):
    save_new(store)
    store.save_scenario("ภูเก็ต", assignment={}, expected_version=None, author="a", province="83")
    store.mark_official("แผนหลัก", author="a", expected_version=1)
    store.mark_official("ภูเก็ต", author="a", expected_version=1)
    assert store.official_scenario("80").name == "แผนหลัก" and store.official_scenario("83").name == "ภูเก็ต"
    assert store.official_scenario("81") is None


def test_marking_a_version_that_moved_on_is_refused(store):
    save_new(store)
    store.save_scenario("แผนหลัก", assignment=PLAN, expected_version=1, author="สมหญิง")
    with pytest.raises(ScenarioConflictError, match="changed by สมหญิง"):
        store.mark_official("แผนหลัก", author="ผู้ว่า", expected_version=1)
    assert store.official_scenario() is None
    with pytest.raises(UnknownScenarioError):
        store.mark_official("ไม่มี", author="ผู้ว่า", expected_version=1)


def test_deleting_a_scenario_removes_its_plan_and_history(store):
    save_new(store)
    store.delete_scenario("แผนหลัก")
    assert store.scenario_names() == []
    with pytest.raises(UnknownScenarioError):
        store.delete_scenario("แผนหลัก")
    save_new(store)  # the name is free again, with a fresh history
    assert len(store.scenario_history("แผนหลัก")) == 1
