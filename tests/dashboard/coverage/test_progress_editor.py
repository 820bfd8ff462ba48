"""Progress entry on the Coverage page, without Streamlit: the editable table, recording it, refusals in words.

Villages (today is 30 June 2007)::

    80010101  wave 2549   at step 3 since 1 Mar 2006
    80010102  wave 2550   no report
    80010103  no wave
"""

import datetime as dt

import pandas as pd
import pytest

from dashboard.coverage.progress_editor import (
    REFUSALS,
    editor_table,
    entered_rows,
    kept_for_correction,
    record_table_entries,
    refusal_reason,
    refusal_table,
    refused_value,
)
from service import PLANNER, Actor, Workspace
from service.roles import COMMAND_LINE
from store import open_store
from store.progress import NewProgress

TODAY = dt.date(2007, 6, 30)
WAVES = {"80010101": "2549", "80010102": "2550"}
VILLAGES = pd.DataFrame({
    "village_code": ["80010101", "80010102", "80010103"], "moo": [1, 2, 3],
    "village_th": ["บ้านหนึ่ง", "บ้านสอง", "บ้านสาม"], "village_en": ["Ban Nueng", "Ban Song", "Ban Sam"],
    "tambon_code": ["800101"] * 3, "tambon_th": ["ท่าไร่"] * 3, "tambon_en": ["Tha Rai"] * 3,
})


@pytest.fixture
def store(tmp_path):
    """The saved work as a planner recording progress (no account needed for an actor of the command line)."""
    opened = open_store(f"sqlite:///{tmp_path / 'rollout.sqlite3'}")
    opened.record_progress([NewProgress("80010101", 3, dt.date(2006, 3, 1), "อำเภอ")], source="table", author="a")
    yield Workspace(opened, Actor("planner", frozenset({PLANNER}), None, COMMAND_LINE))
    opened.close()


def fill(table: pd.DataFrame, code: str, **cells) -> None:
    index = table.index[table["village_code"] == code][0]
    for column, value in cells.items():
        table.loc[index, column] = value


def test_the_table_lists_planned_villages_with_their_current_step_in_thai(store):
    table = editor_table(VILLAGES, WAVES, store.current_progress(), "th")
    assert list(table["village_code"]) == ["80010101", "80010102"]
    assert table.loc[0, "current"] == "3 · ความมีประสิทธิภาพของชุมชน" and table.loc[0, "since"] == "1 มี.ค. 2549"
    assert table.loc[1, "village"] == "2. บ้านสอง" and table.loc[1, "current"] == ""
    assert (table["step"] == "").all() and (table["reached_on"] == "").all()


def test_typed_rows_are_recorded_blank_rows_skipped_and_bad_rows_refused(store):
    table = editor_table(VILLAGES, WAVES, store.current_progress(), "en")
    fill(table, "80010101", step="2 · Learning exchange / KM", reached_on="1/5/2550")  # backwards, no reason
    fill(table, "80010102", step="1 · Community forum", reached_on="15/1/2550", reported_by="อบต.")
    outcome = record_table_entries(store, table, known_villages=VILLAGES["village_code"], village_waves=WAVES,
                                   today=TODAY)
    assert [(e.village_code, e.step, e.reported_by, e.source) for e in outcome.recorded] == [
        ("80010102", 1, "อบต.", "table")]
    assert [(r.row, r.check) for r in outcome.refused] == [(1, "step_backwards")]
    assert outcome.skipped == 0
    assert store.current_progress()["80010101"].step == 3  # nothing overwritten


def test_refused_rows_are_kept_as_typed_and_come_back_first_with_the_reason(store):
    table = editor_table(VILLAGES, WAVES, store.current_progress(), "en")
    fill(table, "80010101", step="2 · Learning exchange / KM", reached_on="1/5/2550", reported_by="อบต.")
    fill(table, "80010102", step="1 · Community forum", reached_on="15/1/2550")
    outcome = record_table_entries(store, table, known_villages=VILLAGES["village_code"],
                                   village_waves=WAVES, today=TODAY)
    kept = kept_for_correction(table, outcome.refused)
    assert list(kept) == ["80010101"]
    assert kept["80010101"].cells == {"step": "2", "reached_on": "1/5/2550", "reported_by": "อบต.", "reason": ""}
    again = editor_table(VILLAGES, WAVES, store.current_progress(), "th", kept)
    first = again.iloc[0]
    assert (first["village_code"], first["step"], first["reached_on"], first["reported_by"]) == (
        "80010101", "2 · ระบบการแลกเปลี่ยนเรียนรู้ หรือ การจัดการความรู้", "1/5/2550", "อบต.")
    assert first["problem"].startswith("ขั้น 2 ถอยหลังจากขั้นปัจจุบัน 3 โดยไม่มีเหตุผล")
    recorded = again.iloc[1]  # the recorded row comes back empty, with its new current step
    assert (recorded["village_code"], recorded["step"], recorded["problem"]) == ("80010102", "", "")
    assert recorded["current"] == "1 · ความเป็นประชาคม"


def test_corrected_rows_leave_the_kept_ones_and_rows_of_villages_not_shown_stay_kept(store):
    table = editor_table(VILLAGES, WAVES, store.current_progress(), "en")
    fill(table, "80010101", step="2 · Learning exchange / KM", reached_on="1/5/2550")
    outcome = record_table_entries(store, table, known_villages=VILLAGES["village_code"],
                                   village_waves=WAVES, today=TODAY)
    elsewhere = {"80020101": kept_for_correction(table, outcome.refused)["80010101"]}  # another district's row
    kept = kept_for_correction(table, outcome.refused, elsewhere)
    corrected = editor_table(VILLAGES, WAVES, store.current_progress(), "en", kept)
    fill(corrected, "80010101", reason="ทีมเปลี่ยน")
    outcome = record_table_entries(store, corrected, known_villages=VILLAGES["village_code"],
                                   village_waves=WAVES, today=TODAY)
    assert [e.village_code for e in outcome.recorded] == ["80010101"] and not outcome.refused
    assert list(kept_for_correction(corrected, outcome.refused, kept)) == ["80020101"]


def test_dates_picked_as_dates_are_written_the_thai_way():
    cells = entered_rows(pd.DataFrame({"village_code": ["80010102"], "step": ["4 · x"],
                                       "reached_on": [dt.date(2007, 1, 15)], "reported_by": [None],
                                       "reason": [float("nan")]}))
    assert cells.iloc[0].to_dict() == {"village_code": "80010102", "step": "4", "reached_on": "15/1/2550",
                                       "reported_by": "", "reason": ""}


def refusals(store):
    data = (b"village_code,step,reached_on,reported_by,reason\n"
            b"80999999,1,15/1/2550,,\n80010103,1,15/1/2550,,\n80010102,7,15/1/2550,,\n80010102,x,15/1/2550,,\n"
            b"80010101,2,1/4/2550,,\n80010102,1,1/7/2550,,\n80010102,1,30/9/2549,,\n80010102,1,31/13/2549,,\n"
            b"80010101,3,1/4/2550,,\n80010101,4,1/2/2549,,\n80010102,,15/1/2550,,\n"
            b"80010102,1,15/1/2550,," + b"x" * 501 + b"\n")
    return store.import_progress_file(data, "f.csv", known_villages=VILLAGES["village_code"], village_waves=WAVES,
                                      today=TODAY).refused


def test_every_refusal_reads_in_thai_and_english_with_thai_dates(store):
    found = refusals(store)
    assert {r.check for r in found} == set(REFUSALS)
    for refusal in found:
        thai, english = refusal_reason(refusal, "th"), refusal_reason(refusal, "en")
        assert "Fix:" not in thai and "Fix:" not in english, refusal  # each check has its own wording
        assert thai != english
    before_wave = next(r for r in found if r.check == "before_wave")
    assert refusal_reason(before_wave, "th") == ("วันที่ 30 ก.ย. 2549 ก่อนเริ่มระยะ 2550 ของหมู่บ้าน "
                                                 "(ปีงบประมาณ 2550 เริ่ม 1 ต.ค. 2549)")
    table = refusal_table(found, "en")
    assert list(table.columns) == ["Row", "Code", "Value", "Why refused"] and len(table) == len(found)


def test_a_refusal_names_the_column_as_the_reader_knows_it_and_dates_come_back_in_buddhist_era(store):
    found = refusals(store)
    empty = next(r for r in found if r.check == "missing_value")
    assert refusal_reason(empty, "th").startswith("ช่อง ขั้น ว่าง")  # not the internal name "step"
    assert refusal_reason(empty, "en").startswith("The step cell is empty")
    before_wave = next(r for r in found if r.check == "before_wave")
    assert before_wave.value == "2006-09-30"  # as the rules quote it
    assert refused_value(before_wave, "th") == "30 ก.ย. 2549"  # as the reader wrote it: B.E.
    table = refusal_table(found, "th")
    assert "30 ก.ย. 2549" in set(table["ค่า"]) and not any("2006" in str(v) for v in table["ค่า"])


def test_a_reason_too_long_is_refused_in_words_with_its_length_and_the_limit(store):
    too_long = next(r for r in refusals(store) if r.check == "text_too_long")
    assert refusal_reason(too_long, "th") == "ช่อง เหตุผล ยาว 501 ตัวอักษร รับได้ไม่เกิน 500 ตัวอักษร: เขียนให้สั้นลง"
    assert refusal_reason(too_long, "en") == "The reason has 501 characters; at most 500 are allowed: shorten it"
