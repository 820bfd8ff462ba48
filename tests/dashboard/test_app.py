"""Every page opens with no exception, in Thai and in English."""

from pathlib import Path

import pytest

from tests.dashboard.conftest import PAGES, first_run, open_app


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_without_exception(page, lang):
    at = open_app(lang)
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    assert at.title, f"{page} shows a title"


def test_thai_is_the_default_language():
    at = open_app()
    assert at.title[0].value == "แผนการขยายผลรายหมู่บ้าน · นครศรีธรรมราช"


def test_english_switch_changes_the_page_text():
    at = open_app("en")
    assert at.title[0].value == "Village rollout plan · Nakhon Si Thammarat"


def test_data_page_states_the_counts():
    at = open_app("en")
    at.switch_page("data_page/page.py")
    at.run()
    table = at.table[0].value
    counts = dict(zip(table.index, table.iloc[:, 0], strict=True))
    assert counts["Villages"] == "1,553"
    assert counts["Villages with a matched point"] == "1,118"
    assert counts["Villages with an estimated location"] == "435"
    assert counts["Districts (amphoe)"] == "23"
    assert counts["Subdistricts (tambon)"] == "170"
    assert counts["Population (DOPA register, 31 Dec 2021)"] == "1,549,344"
    assert any("OCHA / Royal Thai Survey Department" in m.value for m in at.markdown)


def test_a_database_that_needs_upgrading_is_a_message_with_the_command_not_a_traceback(tmp_path, monkeypatch):
    import shutil

    old = tmp_path / "old.sqlite3"
    shutil.copyfile(Path(__file__).parents[1] / "store" / "data" / "v2_rollout.sqlite3", old)
    monkeypatch.setenv("ROLLOUT_DATABASE_URL", f"sqlite:///{old}")
    at = first_run("en")  # said before the login form: no one can log in to a database behind
    (message,) = at.error
    assert message.value.startswith("The database cannot be used: the SQLite file old.sqlite3 was saved by an older")
    assert "run `rollout db upgrade`" in message.value and str(tmp_path) not in message.value
