"""A planner's day on the Plan page, in Chromium with every outside request failing the test.

One page load walks the whole flow (browser tests are the expensive part): the villages drawn, a village clicked
and moved to another wave, the tally changing, a rectangle drawn and its villages locked, the rest optimised;
then a browser reload and a server restart find the plan as it was saved.
"""

from __future__ import annotations

import re

from store import open_store
from tests.browser.conftest import wait_for_app
from tests.browser.planner import (
    click_village,
    draw_rectangle,
    map_frame_handle,
    selection_count,
    village_fill,
    village_ring,
    village_screen_point,
    wait_for_villages,
    zoom_to,
)

VILLAGE = "80010601"
MAIN = "แผนหลัก"


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def wave_row(page, wave: str) -> list[str]:
    """The cells of one wave's row in the wave tally (an HTML table)."""
    row = page.locator("[data-testid='stTableStyledTable'] tr", has_text=wave).first
    return [cell.strip() for cell in row.locator("th, td").all_inner_texts()]


def village_wave_from_tooltip(page, code: str) -> str:
    page.mouse.move(*village_screen_point(page, code))
    tooltip = map_frame_handle(page).locator(".leaflet-tooltip").first
    tooltip.wait_for(timeout=10_000)
    return re.search(r"ระยะ \(พ\.ศ\.\)\s*(\d{4})", tooltip.inner_text()).group(1)


def shows(page, text: str, timeout: float = 30_000) -> None:
    """Wait until the page shows `text` and has finished running (the tallies come after the notices)."""
    page.wait_for_function(f"document.body.innerText.includes({text!r})", timeout=timeout)
    wait_for_app(page)


def choose(page, key: str, option: str) -> None:
    page.locator(f".st-key-{key} input[role='combobox']").click()
    page.locator("[role='option']", has_text=option).first.click()


def press(page, key: str) -> None:
    page.locator(f".st-key-{key} button").filter(visible=True).first.click()
    wait_for_app(page)


def saved(app_server):
    db = open_store(f"sqlite:///{app_server.database}")
    try:
        return db.open_scenario(MAIN)
    finally:
        db.close()


def test_plan_edit_lock_optimise_and_find_it_after_reload_and_restart(offline_page, app_server):
    page = offline_page
    responses: list[str] = []
    page.on("response", lambda r: responses.append(r.url))
    page.goto(app_server.url)
    wait_for_app(page, timeout=180_000)
    wait_for_villages(page, timeout=120_000)
    assert "2548 นำร่อง" in map_frame_handle(page).locator(".km-legend").inner_text()
    # The toolbar's sprite is a CSS background: it loads when the toolbar is painted, maybe after the villages.
    for _ in range(50):
        if any("leaflet-draw/images/spritesheet" in url for url in responses):
            break
        page.wait_for_timeout(200)
    assert any("leaflet-draw/images/spritesheet" in url for url in responses), "draw icons come from the app"
    before_2549 = int(wave_row(page, "2549")[2].replace(",", ""))

    # Click a village and move it to another wave: pending first, then applied.
    old_wave = village_wave_from_tooltip(page, VILLAGE)
    new_wave = "2549" if old_wave != "2549" else "2550"  # in or out of 2549, whichever wave the plan chose
    click_village(page, VILLAGE)
    shows(page, "เลือกไว้ 1 หมู่บ้าน", timeout=30_000)
    assert village_ring(map_frame_handle(page), VILLAGE) == "#FF00FF"
    old_fill = village_fill(map_frame_handle(page), VILLAGE)
    choose(page, "plan_assign_wave", new_wave)
    press(page, "plan_assign")
    shows(page, "ถ้ายืนยัน", timeout=30_000)
    assert village_fill(map_frame_handle(page), VILLAGE) != old_fill, "the map shows the pending wave"
    press(page, "plan_apply")
    shows(page, "บันทึกแล้ว: ฉบับที่ 2", timeout=30_000)
    after_2549 = int(wave_row(page, "2549")[2].replace(",", ""))
    assert after_2549 == before_2549 + (1 if new_wave == "2549" else -1), "the tally changed"
    assert saved(app_server).assignment[VILLAGE] == new_wave

    # Draw a rectangle around the town (west of the first village, which stays locked too) and lock its villages.
    press(page, "plan_clear")
    zoom_to(page, 8.43, 99.96, 11)
    draw_rectangle(page, 8.38, 99.90, 8.48, 100.00)
    page.wait_for_function("document.body.innerText.match(/เลือกไว้ [0-9,]+ หมู่บ้าน/)", timeout=30_000)
    wait_for_app(page)
    drawn = selection_count(page)
    assert drawn > 10
    press(page, "plan_lock")
    press(page, "plan_apply")
    shows(page, "บันทึกแล้ว: ฉบับที่ 3", timeout=30_000)
    assert len(saved(app_server).locked) == drawn + 1

    # Optimise the rest: what moved is listed, the proof is stated; the locks stay.
    press(page, "plan_optimise")
    shows(page, "หมู่บ้านที่ย้ายโดยการปรับแผน", timeout=60_000)
    assert "ผลการปรับแผน: ภาระทีมสูงสุดและจำนวนตำบลที่แบ่งหลายระยะต่ำที่สุดเท่าที่เป็นไปได้" in main_text(page)
    press(page, "plan_apply")
    shows(page, "บันทึกแล้ว: ฉบับที่ 4", timeout=30_000)
    plan = saved(app_server)
    assert plan.version == 4 and plan.metrics["status"] == "optimal" and len(plan.locked) == drawn + 1
    assert "แผนผ่านทุกข้อ" in main_text(page)

    # A browser reload reopens the scenario from the URL; a server restart loses nothing.
    page.reload()
    wait_for_app(page)
    assert "scenario=" in page.url
    assert "แผน: แผนหลัก (ฉบับที่ 4)" in main_text(page)
    app_server.restart()
    page.goto(page.url)
    wait_for_app(page, timeout=120_000)
    wait_for_villages(page)
    assert "แผน: แผนหลัก (ฉบับที่ 4)" in main_text(page)
    assert village_wave_from_tooltip(page, VILLAGE) == plan.assignment[VILLAGE]
