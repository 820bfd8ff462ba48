"""Progress imports: valid rows are recorded, each kind of invalid row is refused with its reason, and the
template goes out and comes back. Files are read by geodata and recorded through the service layer, as the pages
do (the importer is a planner).

Villages of these tests (today is 30 June 2007 = 30/6/2550)::

    80010601  wave 2549 (from 1 Oct 2005)   at step 3 since 1/3/2549 (recorded before each test)
    80010602  wave 2550 (from 1 Oct 2006)   no report
    80010603  wave 2550                     no report
    80010701  in the data set, no wave in the plan
"""

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from geodata.errors import UploadError
from geodata.progress_io import (
    DateFormatError,
    parse_report_date,
    read_progress_file,
    template_csv,
    template_table,
    template_xlsx,
    thai_date_text,
)
from service import PLANNER, Actor, Workspace
from service.progress import current_steps
from service.roles import COMMAND_LINE
from store import open_store
from store.progress import NewProgress

TODAY = dt.date(2007, 6, 30)
KNOWN = ("80010601", "80010602", "80010603", "80010701")
WAVES = {"80010601": "2549", "80010602": "2550", "80010603": "2550"}


@pytest.fixture
def store(tmp_path):
    opened = open_store(f"sqlite:///{tmp_path / 'rollout.sqlite3'}")
    opened.record_progress([NewProgress("80010601", 3, dt.date(2006, 3, 1), "อ.เมือง")], source="table",
                           author="setup")
    yield opened
    opened.close()


def csv_file(*lines: str) -> bytes:
    return ("village_code,step,reached_on,reported_by,reason\n" + "\n".join(lines) + "\n").encode("utf-8")


def importer(db, name: str = "ผู้นำเข้า") -> Workspace:
    """The service as a planner who imports files (no account needed for an actor of the command line)."""
    return Workspace(db, Actor(name, frozenset({PLANNER}), None, COMMAND_LINE))


def do_import(store, data: bytes, filename: str = "amphoe_mueang.csv"):
    return importer(store).import_progress_file(data, filename, known_villages=KNOWN, village_waves=WAVES,
                                                today=TODAY)


@pytest.mark.parametrize(("text", "day"), [("2007-01-31", dt.date(2007, 1, 31)), ("31/1/2550", dt.date(2007, 1, 31)),
                                           ("1/10/2549", dt.date(2006, 10, 1)),
                                           ("2007-01-31 00:00:00", dt.date(2007, 1, 31))])
def test_dates_are_read_as_iso_or_thai_day_month_buddhist_year(text, day):
    assert parse_report_date(text) == day
    assert parse_report_date(thai_date_text(day)) == day


@pytest.mark.parametrize(("text", "hint"), [("31/1/2007", "31/1/2550"), ("2550-01-31", "2007-01-31"),
                                            ("31.1.2550", "not a date"), ("31/2/2550", "not a real date")])
def test_dates_in_the_wrong_era_or_form_are_refused_with_the_form_to_use(text, hint):
    with pytest.raises(DateFormatError, match=hint):
        parse_report_date(text)


def test_valid_rows_are_recorded_with_the_file_name_and_the_importer(store):
    outcome = do_import(store, csv_file("80010602,1,15/1/2550,พัฒนากร ต.ท่าไร่,", "80010601,4,2007-02-01,,"))
    assert outcome.refused == ()
    assert [(e.village_code, e.step) for e in outcome.recorded] == [("80010602", 1), ("80010601", 4)]
    current = store.current_progress()
    assert current["80010602"].reported_by == "พัฒนากร ต.ท่าไร่" and current["80010602"].source == "amphoe_mueang.csv"
    assert current["80010601"].reported_by == "ผู้นำเข้า"  # blank reporter: the planner who imported it
    assert current["80010601"].recorded_by == "ผู้นำเข้า"


def test_each_kind_of_invalid_row_is_refused_with_its_reason_and_the_valid_rows_kept(store):
    data = csv_file(
        "80999999,1,15/1/2550,,",      # row 2: unknown village
        "80010701,1,15/1/2550,,",      # row 3: no wave in the plan
        "80010602,7,15/1/2550,,",      # row 4: step outside 1-6
        "80010602,two,15/1/2550,,",    # row 5: step not a number
        "80010601,2,1/4/2550,,",       # row 6: backwards without a reason
        "80010602,1,1/7/2550,,",       # row 7: in the future
        "80010603,1,30/9/2549,,",      # row 8: before its wave (fiscal year 2550 starts 1/10/2549)
        "80010603,1,31-12-2549,,",     # row 9: unreadable date
        "80010603,2,15/1/2550,,",      # row 10: valid
        "80010601,1,2/4/2550,,ตั้งประชาคมใหม่",  # row 11: backwards with a reason: valid
    )
    outcome = do_import(store, data)
    reasons = {r.row: r.check for r in outcome.refused}
    assert reasons == {2: "unknown_village", 3: "no_wave", 4: "step_out_of_range", 5: "step_not_number",
                       6: "step_backwards", 7: "future_date", 8: "before_wave", 9: "date_unreadable"}
    assert all(r.message and r.fix for r in outcome.refused)
    assert [(e.village_code, e.step) for e in outcome.recorded] == [("80010603", 2), ("80010601", 1)]
    assert store.current_progress()["80010601"].reason == "ตั้งประชาคมใหม่"


def test_rows_of_one_village_in_a_file_are_taken_in_date_order(store):
    outcome = do_import(store, csv_file("80010602,2,1/3/2550,,", "80010602,1,1/1/2550,,"))
    assert [e.step for e in outcome.recorded] == [1, 2]
    assert store.current_progress()["80010602"].step == 2


def test_blank_rows_are_skipped_not_refused(store):
    outcome = do_import(store, csv_file("80010602,,,,", "80010603,1,15/1/2550,,"))
    assert outcome.skipped == 1 and outcome.refused == () and len(outcome.recorded) == 1


def test_thai_headers_and_windows_874_text_are_read(store):
    data = "รหัสหมู่บ้าน,ขั้นที่,วันที่,ผู้รายงาน\n80010602,1,15/1/2550,นายอำเภอ\n".encode("cp874")
    outcome = do_import(store, data)
    assert [e.reported_by for e in outcome.recorded] == ["นายอำเภอ"]


def test_a_file_missing_a_required_column_is_refused_whole_and_records_nothing(store):
    before = store.progress_revision()
    with pytest.raises(UploadError, match="required column 'reached_on' is missing"):
        do_import(store, b"village_code,step\n80010602,1\n")
    with pytest.raises(UploadError, match="not a progress file format"):
        do_import(store, b"whatever", "report.pdf")
    with pytest.raises(UploadError, match="no rows"):
        do_import(store, b"")
    assert store.progress_revision() == before


def test_the_template_lists_planned_villages_with_their_current_step(store):
    villages = pd.DataFrame({
        "village_code": ["80010601", "80010602", "80010701"], "moo": [1, 2, 1],
        "village_th": ["บ้านหนึ่ง", "บ้านสอง", "บ้านไม่มีระยะ"], "tambon_th": ["ท่าไร่"] * 3,
        "amphoe_th": ["เมืองนครศรีธรรมราช"] * 3})
    table = template_table(villages, WAVES, current_steps(store.current_progress()))
    assert list(table["village_code"]) == ["80010601", "80010602"]
    assert list(table["current_step"]) == ["3", ""] and list(table["current_since"]) == ["1/3/2549", ""]
    assert list(table["wave"]) == ["2549", "2550"]
    untouched = read_progress_file(template_csv(table), "template.csv", reporter="x")
    assert untouched.rows == () and untouched.refused == () and untouched.skipped == 2


def test_a_filled_in_xlsx_template_is_imported(store):
    villages = pd.DataFrame({"village_code": ["80010602", "80010603"], "moo": [2, 3],
                             "village_th": ["บ้านสอง", "บ้านสาม"], "tambon_th": ["ท่าไร่"] * 2,
                             "amphoe_th": ["เมืองนครศรีธรรมราช"] * 2})
    workbook = openpyxl.load_workbook(io.BytesIO(template_xlsx(template_table(villages, WAVES, {}), ["อ่านก่อน"])))
    sheet = workbook["progress"]
    header = [c.value for c in sheet[1]]
    sheet.cell(2, header.index("step") + 1, "1")
    sheet.cell(2, header.index("reached_on") + 1, "15/1/2550")
    sheet.cell(3, header.index("step") + 1, 2)                             # typed as a number
    sheet.cell(3, header.index("reached_on") + 1, dt.datetime(2007, 2, 1))  # typed as an Excel date
    buffer = io.BytesIO()
    workbook.save(buffer)
    outcome = do_import(store, buffer.getvalue(), "ท่าไร่.xlsx")
    assert outcome.refused == ()
    assert [(e.village_code, e.step, e.reached_on) for e in outcome.recorded] == [
        ("80010602", 1, dt.date(2007, 1, 15)), ("80010603", 2, dt.date(2007, 2, 1))]


def import_worker(_action: str, url: str, data: str, wait) -> str:
    """One district office importing the file `data` (run in its own process by run_together)."""
    db = open_store(url)
    codes = sorted({line.split(",")[0] for line in data.splitlines()[1:]})
    waves = {code: "2549" for code in codes}
    wait()
    outcome = importer(db, "อำเภอ").import_progress_file(data.encode(), "amphoe_8001.csv", known_villages=codes,
                                                       village_waves=waves, today=TODAY)
    reasons = sorted({refusal.check for refusal in outcome.refused})
    return f"recorded {len(outcome.recorded)}, refused {len(outcome.refused)} {reasons}"


@pytest.mark.slow
def test_eight_offices_importing_the_same_file_at_once_record_it_once(database_url):
    """The issue's case: 8 concurrent imports of one 200-row file recorded 1,200 rows instead of 200."""
    from tests.store.concurrency import run_together

    lines = [f"8001{t:02d}{m:02d},{1 + (t + m) % 3},2006-11-{1 + m:02d},,"
             for t in range(1, 11) for m in range(1, 21)]
    data = "village_code,step,reached_on,reported_by,reason\n" + "\n".join(lines) + "\n"
    outcomes = run_together(import_worker, "import", database_url, [data] * 8)
    assert outcomes == {"recorded 200, refused 0 []": 1, "recorded 0, refused 200 ['no_change']": 7}
    db = open_store(database_url)
    assert db.progress_revision() == 200
    db.close()
