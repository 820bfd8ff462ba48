"""A planner's round on the Plan page, in Thai, in Chromium with every outside request failing the test.

One page load walks the whole round (browser tests are the expensive part): a village found by search is
selected and shown on the map; moved to another wave and locked, with the warning that the wave would then be
over its target before applying; the version shown after applying, under the title and in the sidebar; the lock
ringed on the map (read from the map's own state: it is drawn on a canvas); a rectangle drawn and its villages
locked; the rest optimised; the waves moved to a rollout starting in B.E. 2570 with the waves editor, re-planned
and applied, then undone (the version shown follows again); a browser reload and a server restart find the plan as
it was saved.
"""

from __future__ import annotations

from store import open_store
from tests.browser.conftest import MAP_FRAME, wait_for_app
from tests.browser.planner import (
    draw_rectangle,
    map_frame_handle,
    map_report,
    selection_count,
    village_fill,
    village_ring,
    wait_for_villages,
    zoom_to,
)

VILLAGE = "80010601"
MAIN = "แผนหลัก"


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def shows(page, text: str, timeout: float = 30_000) -> None:
    """Wait until the page shows `text` and has finished running."""
    page.wait_for_function(f"document.body.innerText.includes({text!r})", timeout=timeout)
    wait_for_app(page)


def choose(page, key: str, option: str) -> None:
    page.locator(f".st-key-{key} input[role='combobox']").click()
    page.locator("[role='option']", has_text=option).first.click()


def press(page, key: str) -> None:
    page.locator(f".st-key-{key} button").filter(visible=True).first.click()
    wait_for_app(page)


def type_into(page, label: str, value: str) -> None:
    """Replace the text of the text field labelled `label` and confirm it (Enter)."""
    field = page.locator("[data-testid='stTextInput']", has_text=label).locator("input").first
    field.fill(value)
    field.press("Enter")
    wait_for_app(page)


def version_shown(page) -> tuple[str, str]:
    """The version the caption under the title and the sidebar name."""
    caption = page.locator("[data-testid='stMain'] [data-testid='stCaptionContainer']").first.inner_text()
    sidebar = page.locator("[data-testid='stSidebar']").inner_text()
    return caption, sidebar


def saved(app_server):
    db = open_store(f"sqlite:///{app_server.database}")
    try:
        return db.open_scenario(MAIN)
    finally:
        db.close()


def test_a_planners_round_in_thai_searched_moved_locked_optimised_rewaved_and_kept(offline_page, app_server):
    page = offline_page
    page.goto(app_server.url)
    wait_for_app(page, timeout=180_000)
    wait_for_villages(page, timeout=120_000)
    legend = map_frame_handle(page).locator(".km-legend").inner_text()
    assert "2548 นำร่อง" in legend and "หมู่บ้านที่ล็อก" in legend and "ตำบลที่ล็อกทั้งตำบล" in legend
    assert map_report(page)["lockRings"] == [], "nothing is locked in the default plan"

    # Search by Thai name: two villages match; choosing one selects it and shows it on the map.
    type_into(page, "ค้นหาหมู่บ้าน", "ท่าไร่")
    shows(page, "พบ 2 หมู่บ้าน")
    page.locator(".st-key-plan_search_choice").get_by_text(f"({VILLAGE})").click()
    shows(page, "เลือกไว้ 1 หมู่บ้าน")
    frame = map_frame_handle(page)
    frame.wait_for_function("""() => { const r = kmPlan.report(); return r.zoom >= 13; }""", timeout=10_000)
    assert village_ring(frame, VILLAGE) == "#FF00FF"
    inside = frame.evaluate(f"""() => {{ let l = null; window.map.eachLayer(x => {{ if (x.feature &&
        x.feature.properties && x.feature.properties.village_code === '{VILLAGE}') l = x; }});
        return window.map.getBounds().contains(l.getLatLng()); }}""")
    assert inside, "the village found is in view"

    # Move it to another wave and lock it: the preview warns before applying which wave would be over target.
    old_wave = saved(app_server).assignment[VILLAGE]
    new_wave = "2549" if old_wave != "2549" else "2550"
    old_fill = village_fill(frame, VILLAGE)
    choose(page, "plan_assign_wave", new_wave)
    press(page, "plan_assign")
    shows(page, "ถ้ายืนยัน:")
    assert f"ระยะ {new_wave} เกินเป้า 1 หมู่บ้าน" in main_text(page) and f"ระยะ {old_wave} ขาด 1 หมู่บ้าน" in \
        main_text(page), "the warning names each wave and by how many"
    assert village_fill(map_frame_handle(page), VILLAGE) != old_fill, "the map shows the pending wave"
    press(page, "plan_apply")
    shows(page, "บันทึกแล้ว: ฉบับที่ 2")
    caption, sidebar = version_shown(page)
    assert "ฉบับที่ 2" in caption and "ฉบับที่ 2" in sidebar, "the caption and the sidebar show the new version"
    assert saved(app_server).assignment[VILLAGE] == new_wave
    wait_for_villages(page)
    assert map_report(page)["lockRings"] == [VILLAGE], "the locked village is ringed on the map"

    # Draw a rectangle around the town and lock its villages: each is ringed.
    press(page, "plan_clear")
    zoom_to(page, 8.43, 99.96, 11)
    draw_rectangle(page, 8.38, 99.90, 8.48, 100.00)
    page.wait_for_function("document.body.innerText.match(/เลือกไว้ [0-9,]+ หมู่บ้าน/)", timeout=30_000)
    wait_for_app(page)
    drawn = selection_count(page)
    assert drawn > 10
    press(page, "plan_lock")
    press(page, "plan_apply")
    shows(page, "ฉบับที่ 3")
    locked = saved(app_server).locked
    assert len(locked) == drawn + 1
    wait_for_villages(page)
    assert sorted(map_report(page)["lockRings"]) == sorted(locked)

    # Optimise the rest: what moved is listed, the proof is stated; the locks stay; the plan passes.
    press(page, "plan_optimise")
    page.get_by_role("tab", name="ระยะและความถูกต้อง").click()
    shows(page, "หมู่บ้านที่ย้ายโดยการปรับแผน", timeout=60_000)
    assert "ผลการปรับแผน: ภาระทีมสูงสุดและจำนวนตำบลที่แบ่งหลายระยะต่ำที่สุดเท่าที่เป็นไปได้" in main_text(page)
    page.get_by_role("tab", name="แก้ไขแผน").click()
    press(page, "plan_apply")
    shows(page, "ฉบับที่ 4")
    plan = saved(app_server)
    assert plan.version == 4 and plan.metrics["status"] == "optimal" and len(plan.locked) == drawn + 1
    assert "แผนผ่านทุกข้อ" in main_text(page)

    # The waves editor: the same rollout moved to B.E. 2569-2572; re-planned as a pending change, then applied.
    page.locator(".st-key-plan_panel").get_by_text("ระยะและเป้าหมาย", exact=True).click()
    wait_for_app(page)
    type_into(page, "ปี พ.ศ. ของระยะนำร่อง", "2569")
    for position, year in enumerate(("2570", "2571", "2572"), start=1):
        type_into(page, f"ระยะที่ {position}: ปี พ.ศ.", year)
    press(page, "waves_apply")
    shows(page, "เปลี่ยนระยะเป็น 2569 นำร่อง")
    assert "2570: 400" in main_text(page), "the summary shows the re-made plan's waves"
    press(page, "plan_apply")
    shows(page, "ฉบับที่ 5")
    plan = saved(app_server)
    assert [w["label"] for w in plan.settings["waves"]] == ["2569", "2570", "2571", "2572"]
    position = ["2548", "2549", "2550", "2551"].index(new_wave)
    assert plan.assignment[VILLAGE] == ["2569", "2570", "2571", "2572"][position] and VILLAGE in plan.locked
    assert len(plan.locked) == drawn + 1 and "แผนผ่านทุกข้อ" in main_text(page)

    # Undo is a new version too, and everything on the page says which.
    press(page, "plan_undo")
    shows(page, "บันทึกแล้ว: ฉบับที่ 6")
    caption, sidebar = version_shown(page)
    assert "ฉบับที่ 6" in caption and "ฉบับที่ 6" in sidebar
    assert [w["label"] for w in saved(app_server).settings["waves"]] == ["2548", "2549", "2550", "2551"]

    # A browser reload reopens the scenario from the URL; a server restart loses nothing.
    page.reload()
    wait_for_app(page)
    assert "scenario=" in page.url
    assert "แผน: แผนหลัก (ฉบับที่ 6)" in main_text(page)
    app_server.restart()
    page.goto(page.url)
    wait_for_app(page, timeout=120_000)
    wait_for_villages(page)
    assert "แผน: แผนหลัก (ฉบับที่ 6)" in main_text(page)
    assert sorted(map_report(page)["lockRings"]) == sorted(saved(app_server).locked)
    assert page.locator(MAP_FRAME).count() == 1
