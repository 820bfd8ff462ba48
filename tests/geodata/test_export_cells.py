"""Issue 10: no text leaves in an export as a spreadsheet formula; real numbers stay numbers.

Every spreadsheet the product writes is read back with openpyxl (XLSX) or the csv module: the district
workbook and CSV (one amphoe and the province), the progress template (CSV and XLSX) and ``rollout plan``'s
CSV. The plan carries dangerous texts where a user can put them: the scenario name, the author and uploaded
village names (English and Thai). Each must arrive as text, an apostrophe in front and the original visible.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools

import openpyxl
import pytest

from geodata import schema
from geodata.exports.cells import spreadsheet_cell, spreadsheet_frame, spreadsheet_text
from geodata.exports.packets import export_plan
from geodata.progress_io import template_csv, template_table, template_xlsx
from service.cli import main as rollout
from tests.geodata.exports_support import AMPHOE, AMPHOE_FILES

#: Texts a spreadsheet would run as a formula (or treat as one on import).
DANGEROUS = ('=HYPERLINK("http://example.com/x","click")', "+1", "-x", "@SUM(A1:A9)", "\tTab", "\rCR",
             "  =1+1")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(text: str) -> str:
    return "'" + text


@pytest.fixture(scope="module")
def dangerous_plan(data, scenario):
    """The hand-made plan, renamed, authored and with village names of amphoe 8018 set to dangerous texts, and a
    negative metric (a real number that must stay a number; the workbook shows max_load, not the pace gap)."""
    villages, tambons, amphoes = data
    villages = villages.copy()
    mine = villages.index[villages[schema.AMPHOE_CODE] == AMPHOE]
    names = itertools.cycle(DANGEROUS)
    for i in mine:
        villages.loc[i, schema.VILLAGE_EN] = next(names)
        villages.loc[i, schema.VILLAGE_TH] = next(names)
    plan = dataclasses.replace(scenario, name=DANGEROUS[0], updated_by="@evil",
                               metrics={**scenario.metrics, "max_load": -2.5})
    return plan, villages, tambons, amphoes


@pytest.fixture(scope="module")
def exported(dangerous_plan, tmp_path_factory):
    plan, villages, tambons, amphoes = dangerous_plan
    out = tmp_path_factory.mktemp("exports")
    result = export_plan(plan, villages, tambons, amphoes, out, amphoe="all", formats=("xlsx", "csv"))
    return {path.path.name: path.path for path in result.files}


def xlsx_cells(path) -> list:
    book = openpyxl.load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]


def csv_cells(path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [cell for row in csv.reader(handle) for cell in row]


def assert_no_formula_text(texts) -> None:
    live = [t for t in texts if isinstance(t, str) and t.lstrip(" ").startswith(FORMULA_STARTS)]
    assert not live, live[:5]


@pytest.mark.parametrize("name", [f"{AMPHOE_FILES}_plan.xlsx", "80_Nakhon_Si_Thammarat_plan.xlsx"])
def test_no_workbook_cell_is_a_formula_and_the_dangerous_texts_are_shown_as_text(exported, name):
    cells = xlsx_cells(exported[name])
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = [c.value for c in cells]
    assert_no_formula_text(values)
    shown = {v for v in values if isinstance(v, str)}
    for text in DANGEROUS:  # XML reads a carriage return back as a line feed
        assert any(neutralised(text).replace("\r", "\n") in value for value in shown), text
    assert neutralised("@evil") in shown


@pytest.mark.parametrize("name", [f"{AMPHOE_FILES}_villages.csv", "80_Nakhon_Si_Thammarat_villages.csv"])
def test_no_csv_cell_starts_like_a_formula_and_the_dangerous_texts_are_kept_after_an_apostrophe(exported, name):
    cells = csv_cells(exported[name])
    assert_no_formula_text(cells)
    for text in DANGEROUS:
        assert neutralised(text) in cells, text


def test_a_negative_number_stays_a_number_in_the_workbook(exported):
    cells = xlsx_cells(exported[f"{AMPHOE_FILES}_plan.xlsx"])
    numbers = [c for c in cells if c.value == -2.5]
    assert numbers and all(c.data_type == "n" for c in numbers)


def test_coordinates_stay_numbers_in_the_csv(exported):
    with open(exported[f"{AMPHOE_FILES}_villages.csv"], encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert all(float(row[schema.LAT]) > 0 for row in rows)


@pytest.fixture(scope="module")
def template(dangerous_plan):
    _, villages, _, _ = dangerous_plan
    mine = villages[villages[schema.AMPHOE_CODE] == AMPHOE]
    return template_table(mine, dict.fromkeys(mine[schema.VILLAGE_CODE], "2549"), {})


def test_the_progress_template_csv_has_no_formula(template):
    with io.StringIO(template_csv(template).decode("utf-8-sig"), newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert_no_formula_text(cells)
    assert neutralised(DANGEROUS[0]) in cells


def test_the_progress_template_xlsx_has_no_formula(template):
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(template, ["=1+1 is not an instruction"])))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert_no_formula_text([c.value for c in cells])
    assert neutralised(DANGEROUS[0]) in [c.value for c in cells]


def test_rollout_plan_csv_has_no_formula(tmp_path):
    assert rollout(["plan", "--out", str(tmp_path / "plan.csv")]) == 0
    assert_no_formula_text(csv_cells(tmp_path / "plan.csv"))


# --- The one function ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", DANGEROUS)
def test_dangerous_text_gets_an_apostrophe_and_keeps_the_original(text):
    assert spreadsheet_text(text) == neutralised(text)


@pytest.mark.parametrize("value", [-2.5, -3, 0, 1553, 8.43, None, True, "บ้านท่าไร่", "Ban Tha Rai", "2549", "a=b"])
def test_numbers_and_ordinary_text_are_unchanged(value):
    assert spreadsheet_cell(value) == value


def test_characters_a_workbook_cannot_hold_are_dropped():
    assert spreadsheet_text("Ban\x07 Tha\x00 Rai") == "Ban Tha Rai"


def test_a_frame_keeps_its_number_columns_numbers():
    import pandas as pd

    frame = spreadsheet_frame(pd.DataFrame({"name": ["=1", "ok"], "value": [-1.5, 2.0]}))
    assert frame["name"].tolist() == ["'=1", "ok"] and frame["value"].tolist() == [-1.5, 2.0]
