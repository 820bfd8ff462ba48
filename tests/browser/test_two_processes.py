"""Two app processes on one throwaway PostgreSQL server, as a province office runs them behind a proxy (no proxy
here: each browser talks to its own process, as sticky sessions would make it).

A change saved through one process is seen through the other after a reload, and a save based on an older
version is refused in either process: the app keeps no state of its own that the other process would miss.
"""

from __future__ import annotations

import pytest

from service import Gate
from service.passwords import hash_password
from store import open_store
from tests.browser.conftest import ADMIN_PASSWORD, AppServer, log_in, wait_for_app
from tests.browser.planner import click_village, wait_for_villages
from tests.browser.test_planner_map import choose, main_text, press, shows

MAIN = "แผนหลัก"
SOMSRI = ("somsri", "somsri's long passphrase")


@pytest.fixture(scope="module")
def database(postgres_server):
    url = postgres_server.new_database()
    db = open_store(url)
    Gate(db).ensure_first_admin(ADMIN_PASSWORD)  # as the first app process would; then a second planner
    db.create_user(SOMSRI[0], password_hash=hash_password(SOMSRI[1]), roles={"planner"}, created_by="test")
    db.close()
    return url


@pytest.fixture(scope="module")
def servers(tmp_path_factory, database):
    folder = tmp_path_factory.mktemp("two-apps")
    started = [AppServer(folder / f"app{n}.sqlite3", url=database) for n in (1, 2)]
    try:
        for server in started:
            server.start()
        yield started
    finally:
        for server in started:
            server.stop()


def open_plan(browser, server: AppServer, who: tuple[str, str] | None = None):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="th-TH")
    page = context.new_page()
    if who is None:
        log_in(page, server.url)
    else:
        log_in(page, server.url, *who)
    wait_for_villages(page, timeout=120_000)
    return page


def move_village(page, code: str, wave: str) -> None:
    """Select one village on the map, assign it to `wave` and apply (the pending change is saved)."""
    click_village(page, code)
    shows(page, "เลือกไว้ 1 หมู่บ้าน", timeout=30_000)
    choose(page, "plan_assign_wave", wave)
    press(page, "plan_assign")
    press(page, "plan_apply")


def saved(url: str):
    db = open_store(url)
    try:
        return db.open_scenario(MAIN), db.scenario_history(MAIN)
    finally:
        db.close()


def test_a_save_through_one_process_is_seen_through_the_other_and_old_versions_are_refused_in_both(
        browser, servers, database):
    first, second = servers
    admin = open_plan(browser, first)                 # process 1: creates แผนหลัก, version 1
    assert "แผน: แผนหลัก (ฉบับที่ 1)" in main_text(admin)
    somsri = open_plan(browser, second, SOMSRI)       # process 2: opens version 1
    assert "แผน: แผนหลัก (ฉบับที่ 1)" in main_text(somsri)

    move_village(admin, "80010601", "2551")          # saved through process 1
    shows(admin, "บันทึกแล้ว: ฉบับที่ 2")
    move_village(somsri, "80010602", "2551")         # process 2 still holds version 1: refused
    shows(somsri, "บันทึกแผน \"แผนหลัก\" เป็นฉบับที่ 2")
    assert saved(database)[0].version == 2 and saved(database)[0].updated_by == "admin"

    somsri.reload()                                  # process 2, after a reload: version 2 as process 1 saved it
    wait_for_app(somsri, timeout=120_000)
    wait_for_villages(somsri, timeout=120_000)
    assert "แผน: แผนหลัก (ฉบับที่ 2)" in main_text(somsri)
    move_village(somsri, "80010602", "2551")         # saved through process 2
    shows(somsri, "บันทึกแล้ว: ฉบับที่ 3")
    move_village(admin, "80010603", "2551")          # process 1 still holds version 2: refused
    shows(admin, "somsri บันทึกแผน \"แผนหลัก\" เป็นฉบับที่ 3")

    scenario, history = saved(database)
    assert scenario.version == 3 and [c.author for c in history] == ["admin", "admin", "somsri"]
    assert scenario.assignment["80010601"] == scenario.assignment["80010602"] == "2551"
    assert [c.villages for c in history[1:]] == [("80010601",), ("80010602",)], "the refused moves saved nothing"
