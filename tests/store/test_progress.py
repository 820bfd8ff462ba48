"""Progress is kept as a history: every report stays, the latest by date reached is the current step."""

import datetime as dt

import pytest

from store import ProgressAlreadyRecordedError, StoreError, open_store
from store.progress import TABLE_SOURCE, NewProgress


def report(code="80010601", step=1, day=dt.date(2006, 11, 1), by="อ.เมือง", reason=""):
    return NewProgress(code, step, day, by, reason)


def test_a_report_reads_back_with_who_reported_who_recorded_when_and_where_from(store):
    (stored,) = store.record_progress([report(by="พัฒนาการอำเภอ")], source=TABLE_SOURCE, author="สมหญิง")
    current = store.current_progress()["80010601"]
    assert current == stored
    assert (current.step, current.reached_on, current.reported_by) == (1, dt.date(2006, 11, 1), "พัฒนาการอำเภอ")
    assert current.recorded_by == "สมหญิง" and current.source == "table" and current.recorded_at
    assert current.reason is None


def test_nothing_is_overwritten_and_the_latest_date_is_current(store):
    store.record_progress([report(step=1), report(step=2, day=dt.date(2007, 1, 5))], source="a.csv", author="a")
    store.record_progress([report(step=1, day=dt.date(2007, 3, 1), reason="ตั้งประชาคมใหม่")], source="b.xlsx",
                          author="b")
    history = store.progress_history("80010601")
    assert [(e.step, e.source) for e in history] == [(1, "a.csv"), (2, "a.csv"), (1, "b.xlsx")]
    assert store.current_progress()["80010601"].reason == "ตั้งประชาคมใหม่"


def test_a_report_recorded_later_but_dated_earlier_does_not_become_current(store):
    store.record_progress([report(step=3, day=dt.date(2007, 5, 1))], source=TABLE_SOURCE, author="a")
    store.record_progress([report(step=2, day=dt.date(2007, 2, 1))], source=TABLE_SOURCE, author="a")
    assert store.current_progress()["80010601"].step == 3
    assert [e.step for e in store.progress_history("80010601")] == [2, 3]


def test_same_day_reports_are_ordered_by_recording(store):
    store.record_progress([report(step=2), report(step=3)], source=TABLE_SOURCE, author="a")
    assert store.current_progress()["80010601"].step == 3


def test_current_progress_has_one_entry_per_reporting_village(store):
    store.record_progress([report("80010601"), report("80010602", 2), report("80010601", 2, dt.date(2007, 1, 1))],
                          source=TABLE_SOURCE, author="a")
    assert {code: e.step for code, e in store.current_progress().items()} == {"80010601": 2, "80010602": 2}
    assert store.progress_history("80019999") == []


def test_a_batch_with_a_bad_row_records_nothing(store):
    with pytest.raises(StoreError, match="step 7 is not one of the steps 1 to 6"):
        store.record_progress([report(), report(step=7)], source=TABLE_SOURCE, author="a")
    with pytest.raises(StoreError, match="reported_by is empty"):
        store.record_progress([report(by=" ")], source=TABLE_SOURCE, author="a")
    with pytest.raises(StoreError, match="planner's name"):
        store.record_progress([report()], source=TABLE_SOURCE, author="")
    assert store.current_progress() == {} and store.progress_revision() == 0


def test_the_revision_grows_with_every_report(store):
    store.record_progress([report()], source=TABLE_SOURCE, author="a")
    first = store.progress_revision()
    store.record_progress([report(step=2, day=dt.date(2007, 1, 1))], source=TABLE_SOURCE, author="a")
    assert store.progress_revision() > first


def test_progress_survives_reopening_the_database(database_url):
    url = database_url
    first = open_store(url)
    first.record_progress([report()], source=TABLE_SOURCE, author="a")
    first.close()
    again = open_store(url)
    assert again.current_progress()["80010601"].recorded_by == "a"
    again.close()


def test_a_report_recorded_already_refuses_the_batch_and_says_which(store):
    store.record_progress([report(step=1)], source="a.csv", author="a")
    with pytest.raises(ProgressAlreadyRecordedError, match="village 80010601 step 1 on 2006-11-01") as caught:
        store.record_progress([report("80010602"), report(step=1)], source="a.csv", author="a")
    assert caught.value.duplicates == [("80010601", 1, "2006-11-01")]
    assert store.progress_revision() == 1  # the new row of the batch was not recorded either
    with pytest.raises(ProgressAlreadyRecordedError):
        store.record_progress([report("80010602"), report("80010602")], source="a.csv", author="a")


def test_a_checked_recording_decides_on_the_latest_history_of_its_villages(store):
    store.record_progress([report(step=2), report("80010602", step=1)], source="a.csv", author="a")
    seen = {}

    def decide(current):
        seen.update(current)
        return [report(step=current["80010601"].step + 1, day=dt.date(2007, 1, 1))]

    (recorded,) = store.record_progress_checked({"80010601"}, decide, source=TABLE_SOURCE, author="b")
    assert set(seen) == {"80010601"} and seen["80010601"].step == 2  # only the villages asked for
    assert (recorded.step, recorded.recorded_by) == (3, "b")
    assert store.record_progress_checked({"80010601"}, lambda current: [], source=TABLE_SOURCE, author="b") == []
    with pytest.raises(StoreError, match="80010699 were not among the villages locked"):
        store.record_progress_checked({"80010601"}, lambda current: [report("80010699")], source="x", author="b")
    assert store.progress_revision() == 3
