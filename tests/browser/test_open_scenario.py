"""The plan shown is the plan being edited, in Chromium: a scenario opened and changed on the Plan page is the one
Coverage and Export show (same name, same version), and once it is the official plan a new visitor sees it first.
"""

from __future__ import annotations

from tests.browser.conftest import log_in, wait_for_app
from tests.browser.planner import click_village, wait_for_villages
from tests.browser.test_planner_map import choose, press, shows

SCENARIO = "ทางเลือกผู้ว่า"
VILLAGE = "80010601"


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def go_to(page, title: str) -> None:
    """Follow the sidebar's link to another page (the same browser session)."""
    page.locator("[data-testid='stSidebarNav']").get_by_role("link", name=title).click()
    page.wait_for_timeout(300)
    wait_for_app(page)


def test_coverage_and_export_show_the_scenario_open_on_the_plan_page(offline_page, app_server, browser):
    page = offline_page
    page.goto(app_server.url)
    wait_for_app(page, timeout=180_000)
    wait_for_villages(page, timeout=120_000)
    page.locator(".st-key-plan_new_name input").fill(SCENARIO)
    press(page, "plan_save_as")
    shows(page, f"เปิดแผน {SCENARIO}")
    click_village(page, VILLAGE)
    shows(page, "เลือกไว้ 1 หมู่บ้าน")
    choose(page, "plan_assign_wave", "2549")
    press(page, "plan_assign")
    press(page, "plan_apply")
    shows(page, "บันทึกแล้ว: ฉบับที่ 2")

    for title in ("ความครอบคลุม", "ส่งออก"):
        go_to(page, title)
        assert f"แผนที่แสดง: {SCENARIO} ฉบับที่ 2" in main_text(page), title
        assert "ยังไม่มีแผนทางการของจังหวัด" in main_text(page)

    # Back on the Plan page it is still the scenario being edited; make it the province's official plan.
    go_to(page, "วางแผน")
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_role("button", name="ตั้งเป็นแผนทางการของจังหวัด").click()
    page.get_by_role("button", name="ยืนยัน ตั้งเป็นแผนทางการ").click()
    page.get_by_text(f"ตั้ง {SCENARIO} ฉบับที่ 2 เป็นแผนทางการของจังหวัดแล้ว").wait_for(timeout=30_000)
    wait_for_app(page)

    # A new visitor (an executive, a district office) opens the official plan first.
    visitor = browser.new_context(viewport={"width": 1440, "height": 900}, locale="th-TH")
    try:
        fresh = visitor.new_page()
        log_in(fresh, app_server.url)
        fresh.goto(f"{app_server.url}/export")
        wait_for_app(fresh)
        text = main_text(fresh)
        assert f"แผนที่แสดง: {SCENARIO} ฉบับที่ 2" in text
        assert "เป็นแผนทางการของจังหวัด: ตั้งโดย" in text
    finally:
        visitor.close()
