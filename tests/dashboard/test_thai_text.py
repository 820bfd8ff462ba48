"""The tables of every page in Thai hold Thai (or proper names and codes) and never show "None".

The browser walk (tests/browser/test_thai_pages.py) reads what is drawn as text; Streamlit draws st.dataframe
grids on a canvas, which only AppTest can read. Here every page, panel and tab is opened in Thai and every
table's headings and cells are checked against the same allow-list (tests/thai_text.py).
"""

from __future__ import annotations

import json
import math

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


def check_tables(at, allowed: set[str], where: str) -> dict:
    problems = {}
    for i, element in enumerate([*at.dataframe, *at.table]):
        frame = element.value.data if hasattr(element.value, "data") else element.value
        texts = headings(element) + [str(i) for i in frame.index if isinstance(i, str)]
        texts += [v for column in frame.columns for v in frame[column].tolist() if isinstance(v, str)]
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
