"""Data page: a planner's village list is checked, and only a valid one can replace the data set in use."""

import pandas as pd
import pytest

import geodata
from geodata import schema
from tests.dashboard.conftest import open_app

COLUMNS = [*schema.UPLOAD_REQUIRED_COLUMNS, schema.VILLAGE_EN]


@pytest.fixture(scope="module")
def good_csv() -> bytes:
    """The embedded village list without coordinates, as a newer DOPA list would come."""
    villages = geodata.load_villages()[COLUMNS]
    return villages.to_csv(index=False).encode("utf-8")


def bad_csv(good: bytes) -> bytes:
    """The same list with a non-numeric moo on data row 2 and a duplicated code on the last row."""
    table = pd.read_csv(pd.io.common.BytesIO(good), dtype=str)
    table.loc[1, schema.MOO] = "สอง"
    table.loc[len(table)] = table.loc[0]
    return table.to_csv(index=False).encode("utf-8")


def data_page():
    at = open_app("en")
    at.switch_page("data_page/page.py")
    at.run()
    assert not at.exception
    return at


def in_use(at) -> str:
    return next(i.value for i in at.info if i.value.startswith("Data set in use"))


def upload(at, name: str, content: bytes):
    at.file_uploader(key="village_upload").upload(name, content, "text/csv")
    at.run()
    assert not at.exception, at.exception
    return at


def test_a_bad_list_shows_every_problem_and_changes_nothing(good_csv):
    at = upload(data_page(), "newer.csv", bad_csv(good_csv))
    assert "2 problem(s) found" in at.error[0].value
    problems = at.dataframe[0].value
    assert set(problems["Check"]) == {"moo_not_numeric", "duplicate_code"}
    assert problems.loc[problems["Check"] == "moo_not_numeric", "Row"].iloc[0] == 3
    assert in_use(at) == "Data set in use: embedded data (Nakhon Si Thammarat)"
    assert not [b for b in at.button if b.key == "use_upload"], "a bad file offers no way to use it"


def test_a_valid_list_can_replace_the_data_set_and_a_later_bad_one_cannot(good_csv):
    at = upload(data_page(), "newer.csv", good_csv)
    assert "The file is valid: 1,553 villages" in at.success[0].value
    at.button(key="use_upload").click().run()
    assert not at.exception
    at.run()
    assert in_use(at) == "Data set in use: newer.csv"
    at = upload(at, "broken.csv", bad_csv(good_csv))
    assert at.error and in_use(at) == "Data set in use: newer.csv"
