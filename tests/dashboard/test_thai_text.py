"""The tables of every page in Thai hold Thai (or proper names and codes) and never show "None".

The browser walk (tests/browser/test_thai_pages.py) reads what is drawn as text; Streamlit draws st.dataframe
grids on a canvas, which only AppTest can read. Here every page, panel and tab is opened in Thai and every
table's headings and cells are checked against the same allow-list (tests/thai_text.py).
"""

from __future__ import annotations

import json
import math
import re

import pytest

from tests.dashboard.conftest import open_app
from tests.thai_text import allowed_words, foreign_words

PLAN_PANELS = ("roster", "locations", "compare", "history")
COVERAGE_TABS = ("แผนที่", "กราฟและอันดับอำเภอ", "ความก้าวหน้า 6 ขั้น")


@pytest.fixture(scope="module")
def allowed() -> set[str]:
    return allowed_words()


def headings(element) -> list[str]:
    """The column headings a reader sees: the column configuration's label where there is one."""
    frame = element.value.data if hasattr(element.value, "data") else element.value
    config = json.loads(element.proto.columns or "{}") if hasattr(element.proto, "columns") else {}
    return [str(config.get(str(c), {}).get("label") or c) for c in frame.columns
            if config.get(str(c), {}).get("hidden") is not True]


def shown_as_none(element) -> list[str]:
    """Columns where a missing value would be drawn as Streamlit's "None": a plain table with a None or NaN in a
    text column, or a grid without a placeholder for missing values."""
    frame = element.value.data if hasattr(element.value, "data") else element.value
    if hasattr(element.proto, "placeholder") and element.proto.placeholder:
        return []
    return [str(column) for column in frame.columns if frame[column].dtype == object
            and any(value is None or (isinstance(value, float) and math.isnan(value)) for value in frame[column])]


def hidden(element) -> set[str]:
    """Columns the grid does not draw (column configuration `None`)."""
    config = json.loads(element.proto.columns or "{}") if hasattr(element.proto, "columns") else {}
    return {name for name, column in config.items() if column.get("hidden") is True}


def check_tables(at, allowed: set[str], where: str) -> dict:
    problems = {}
    for i, element in enumerate([*at.dataframe, *at.table]):
        frame = element.value.data if hasattr(element.value, "data") else element.value
        texts = headings(element) + [str(i) for i in frame.index if isinstance(i, str)]
        texts += [v for column in frame.columns if str(column) not in hidden(element)
                  for v in frame[column].tolist() if isinstance(v, str)]
        words = foreign_words(texts, allowed)
        none = shown_as_none(element)
        if words or none:
            problems[f"{where} table {i}"] = {"english": words, "none": none}
    return problems


def test_every_grid_names_a_placeholder_for_missing_values():
    at = open_app("th")
    at.session_state["plan_panel"] = "history"
    at.run()
    assert at.dataframe and all(d.proto.placeholder == "—" for d in at.dataframe)


def test_every_plan_panel_table_reads_in_thai(allowed):
    at = open_app("th")
    assert len(at.table) >= 3, "the tallies are tables"
    problems = check_tables(at, allowed, "plan")
    for panel in PLAN_PANELS:
        at.session_state["plan_panel"] = panel
        at.run()
        assert not at.exception, at.exception
        problems |= check_tables(at, allowed, f"plan: {panel}")
    assert not problems, problems


def test_every_coverage_tab_table_reads_in_thai(allowed):
    at = open_app("th")
    at.switch_page("coverage/page.py")
    problems = {}
    for tab in COVERAGE_TABS:
        at.session_state["cov_tab"] = tab
        at.run()
        assert not at.exception, at.exception
        problems |= check_tables(at, allowed, f"coverage: {tab}")
    assert not problems, problems


@pytest.mark.parametrize("page", ["export/page.py", "data_page/page.py"])
def test_the_export_and_data_page_tables_read_in_thai(page, allowed):
    at = open_app("th")
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    assert not check_tables(at, allowed, page)


def test_the_problems_of_a_file_have_thai_headings_and_no_none(allowed):
    """(The problems' own sentences come from geodata and are worded there: only the table is checked here.)"""
    at = open_app("th")
    at.switch_page("data_page/page.py")
    at.run()
    at.file_uploader(key="village_upload").upload("villages.csv", b"village_code,moo\n80010101,x\n", "text/csv")
    at.run()
    assert not at.exception, at.exception
    (problems,) = at.dataframe
    assert not foreign_words(headings(problems), allowed), headings(problems)
    assert problems.proto.placeholder == "—" and not shown_as_none(problems)


# --- problems, refusals and infeasible plans (issue 11: Thai throughout) ------------------------------------
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: A value the planner wrote, quoted in a sentence ('x'): the planner's own text, not the page's.
QUOTED = re.compile(r"'[^']*'")
#: A village list with one problem of several kinds: empty name, a moo that is not a number, a code with a
#: digit of another script, a tambon not in the boundaries, a point outside Thailand.
BAD_VILLAGES = ("village_code,moo,village_th,tambon_code,amphoe_code,lat,lon\n"
                "80010601,1,,800106,8001,,\n80010602,สอง,บ้านสอง,800106,8001,,\n8001060³,3,บ้านสาม,800106,8001,,\n"
                "80990104,4,บ้านสี่,809901,8099,,\n80010605,5,บ้านห้า,800106,8001,1.5,1.5\n").encode()


def numbers(texts) -> set[str]:
    return {n for text in texts for n in NUMBER.findall(str(text))}


def problem_table_of(at):
    """The table of problems (row, column, ... and the check's name, hidden)."""
    (element,) = [d for d in at.dataframe if list(d.value.columns[:2]) in (["แถว", "คอลัมน์"], ["Row", "Column"])]
    assert str(element.value.columns[-1]) in hidden(element), "the check's name is not shown"
    return element, element.value


def shown_words(element, frame, value_column: str, allowed: set[str]) -> dict[str, str]:
    """Latin words in the cells a reader sees, but the planner's own values (the value column, quoted values)."""
    texts = [QUOTED.sub(" ", v) for column in frame.columns
             if str(column) not in hidden(element) and column != value_column
             for v in frame[column].tolist() if isinstance(v, str)]
    return foreign_words(texts + headings(element), allowed)


def upload_bad_villages(lang: str):
    at = open_app(lang)
    at.switch_page("data_page/page.py")
    at.run()
    return uploaded(at, "village_upload", "villages.csv", BAD_VILLAGES)


def uploaded(at, key: str, name: str, content: bytes):
    """`at` after a CSV file is given to the file picker `key` (and the page ran again without an error)."""
    at.file_uploader(key=key).upload(name, content, "text/csv")
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_problems_of_a_file_read_in_thai_with_their_rows_values_and_numbers(allowed):
    thai_at, english_at = upload_bad_villages("th"), upload_bad_villages("en")
    element, thai = problem_table_of(thai_at)
    _, english = problem_table_of(english_at)
    assert len(thai) == len(english) >= 5
    assert not shown_words(element, thai, "ค่า", allowed), shown_words(element, thai, "ค่า", allowed)
    assert list(thai["แถว"]) == list(english["Row"]) and list(thai["ค่า"]) == list(english["Value"])
    assert set(thai.iloc[:, -1]) >= {"missing_value", "moo_not_numeric", "malformed_code", "unknown_tambon",
                                     "outside_thailand"}
    for (_, th), (_, en) in zip(thai.iterrows(), english.iterrows(), strict=True):
        assert numbers([th["ปัญหา"], th["วิธีแก้"]]) == numbers([en["Problem"], en["How to fix"]]), (th, en)
    assert "หมู่ที่" in set(thai["คอลัมน์"]) and "moo" in set(english["Column"]), "the column as its reader knows it"


def roster_upload(at, content: bytes):
    at.session_state["plan_panel"] = "roster"
    at.run()
    return uploaded(at, "roster_upload", "roster.csv", content)


def test_a_refused_roster_reads_in_thai_with_its_rows_and_values(allowed):
    content = "รหัสอำเภอ,จำนวนทีม\n8001,0\n8001,๒\n8002,10001\n".encode()
    at = roster_upload(open_app("th"), content)
    errors = [e.value for e in at.error]
    assert any(e.startswith("ไม่รับทีมคุณอำนวยนี้") for e in errors) and not foreign_words(errors, allowed)
    element, table = problem_table_of(at)
    assert not shown_words(element, table, "ค่า", allowed)
    first = table[table["แถว"] == 1].iloc[0]
    assert first["คอลัมน์"] == "จำนวนทีม" and first["ค่า"] == "0" and "8001" in first["ปัญหา"]
    assert "10000" in " ".join(table["วิธีแก้"]), "the most teams a district can have"
    assert "8003" in " ".join(table["ปัญหา"]), "every district without a row is named"


def infeasible_optimise(lang: str):
    """A roster of one team per district (10 villages a wave each): the rest cannot be planned."""
    import geodata

    codes = sorted(set(geodata.load_villages()["amphoe_code"]))
    at = roster_upload(open_app(lang), ("amphoe_code,teams\n" + "".join(f"{c},1\n" for c in codes)).encode())
    next(b for b in at.button if b.key == "roster_use_upload").click()
    at.run()
    next(b for b in at.button if b.key == "plan_optimise").click()
    at.run()
    assert not at.exception, at.exception
    return [e.value for e in at.error]


def test_an_infeasible_plan_is_explained_in_thai_with_the_numbers_of_the_english(allowed):
    (thai,) = [e for e in infeasible_optimise("th") if e.startswith("ปรับแผนไม่ได้")]
    (english,) = [e for e in infeasible_optimise("en") if e.startswith("The rest cannot be optimised")]
    assert "อำเภอ" in thai and "วิธีแก้" in thai and "เพิ่มทีม" in thai
    assert not foreign_words([thai], allowed), foreign_words([thai], allowed)
    assert numbers([thai]) == numbers([english]) and len(numbers([thai])) > 5
