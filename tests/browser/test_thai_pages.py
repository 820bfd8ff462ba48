"""Every page in Thai shows Thai: a walk through every page, panel and tab in Chromium (offline), reading the
text a person sees and checking that no Latin-letter word is left other than proper names and codes
(tests/thai_text.py). Streamlit's own English (the uploader, the pick lists' "Select all", "Page not found")
counts too, and so do the messages raised below the page: a refused roster file, a plan the teams cannot
carry, a village list with problems (the grids of problems are drawn on a canvas, which AppTest reads:
tests/dashboard/test_thai_text.py). Table headings stay on one line, so no Thai word is cut in two.

The text is read from the page and from the map's frame: every text node that is drawn (not hidden, not zero
size, not font-size 0 as the Thai style sheet makes Streamlit's fixed English), leaving out icons (text in the
Material Symbols font is a ligature: "check_circle" draws a tick) and code (a file's column names written as
code).
"""

from __future__ import annotations

from tests.browser.conftest import MAP_FRAME, wait_for_app
from tests.browser.planner import map_frame_handle
from tests.thai_text import allowed_words, foreign_words

VISIBLE_TEXT = """() => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
        const element = node.parentElement;
        if (!element || !node.textContent.trim()) continue;
        if (element.closest('code, pre, script, style, noscript')) continue;
        const style = getComputedStyle(element);
        if (style.visibility === 'hidden' || style.display === 'none' || parseFloat(style.fontSize) === 0) continue;
        if (style.fontFamily.includes('Material Symbols')) continue;  // an icon drawn from its name
        const box = element.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1 || box.right < 0 || box.bottom < 0) continue;
        out.push(node.textContent.trim());
    }
    return out;
}"""
#: Table headings drawn on more than one line (a Thai word may then be cut in two).
WRAPPED_HEADINGS = """() => Array.from(document.querySelectorAll('[data-testid="stTable"] th')).filter(th => {
    const tops = new Set();
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
    }
    return tops.size > 1;
}).map(th => th.innerText)"""
BAD_VILLAGES = b"village_code,moo,village_th,tambon_code,amphoe_code\n80010101,x,,800101,8001\n"
#: A roster refused row by row (no teams, a number in another script, too many) and missing 21 districts.
BAD_ROSTER = "รหัสอำเภอ,จำนวนทีม\n8001,0\n8002,³\n8003,10001\n".encode()
#: One team in every district: the engine cannot fit the province's villages into the waves.
THIN_ROSTER = ("amphoe_code,teams\n" + "".join(f"{8000 + i},1\n" for i in range(1, 24))).encode()


def seen(page) -> list[str]:
    """The text drawn on the page and in its map frames."""
    texts = page.evaluate(VISIBLE_TEXT)
    for frame in page.frames:
        if frame != page.main_frame and frame.url.startswith(("about:", "http")):
            texts += frame.evaluate(VISIBLE_TEXT)
    return texts


def settle(page) -> None:
    page.wait_for_timeout(300)
    wait_for_app(page, timeout=180_000)


def test_every_page_panel_and_tab_reads_in_thai(offline_page, app_server):
    page = offline_page
    allowed = allowed_words()
    found: dict[str, dict[str, str]] = {}

    def check(state: str) -> None:
        settle(page)
        words = foreign_words(seen(page), allowed)
        wrapped = page.evaluate(WRAPPED_HEADINGS)
        if wrapped:
            words["(table headings on two lines)"] = ", ".join(wrapped)
        if words:
            found[state] = words

    # Every page has an address: /plan opens without Streamlit's English "Page not found".
    page.goto(f"{app_server.url}/plan")
    settle(page)
    page.locator(MAP_FRAME).first.wait_for(timeout=120_000)
    assert "Page not found" not in page.locator("body").inner_text()
    check("/plan")
    page.goto(app_server.url)
    page.locator(MAP_FRAME).first.wait_for(timeout=120_000)
    check("/ (the Plan page too)")

    # The drawing tool's hint and actions, while a polygon is being drawn.
    frame = map_frame_handle(page)
    frame.locator("a.leaflet-draw-draw-polygon").click()
    box = page.locator(MAP_FRAME).first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    frame.locator(".leaflet-draw-tooltip").first.wait_for(timeout=10_000)
    check("plan: drawing a polygon")
    frame.locator(".leaflet-draw-actions a").last.click()  # cancel the drawing

    page.locator("[data-testid='stExpander'] summary").first.click()
    page.locator(".st-key-plan_pick_tambon input[role='combobox']").click()
    page.keyboard.type("ท่า")
    page.wait_for_timeout(500)
    check("plan: pick lists, filtered")
    page.keyboard.type("ศาลา")
    page.locator("[role='option']", has_text="ท่าศาลา").first.click()
    page.keyboard.press("Escape")
    cut = page.evaluate("""() => Array.from(document.querySelectorAll('.st-key-plan_pick_tambon [data-tag] > span'))
        .filter(s => s.scrollWidth > s.clientWidth + 1).map(s => s.innerText)""")
    assert page.locator(".st-key-plan_pick_tambon [data-tag]").count() == 1 and cut == [], f"chips cut: {cut}"
    search = page.locator(".st-key-plan_search input")
    search.fill("หัว")
    check("plan: typing in the village search")
    search.press("Enter")
    page.locator(".st-key-plan_search_choice").wait_for(timeout=30_000)
    check("plan: village search, several found")
    page.get_by_role("button", name="วิธีใช้หน้านี้").click()
    page.get_by_text("เริ่มต้น").first.wait_for(timeout=10_000)
    check("plan: help")
    page.keyboard.press("Escape")
    for tab in ("ระยะและความถูกต้อง", "ภาระทีม"):
        page.get_by_role("tab", name=tab).click()
        check(f"plan: tab {tab}")
    page.get_by_role("tab", name="แก้ไขแผน").click()
    page.locator(".st-key-plan_panel").get_by_text("ระยะและเป้าหมาย", exact=True).click()
    page.locator(".st-key-waves_apply").wait_for(timeout=30_000)
    year = page.locator("[data-testid='stTextInput']", has_text="ระยะที่ 1: ปี พ.ศ.").locator("input").first
    year.fill("2027")
    year.press("Enter")
    settle(page)
    page.locator(".st-key-waves_apply button").click()
    page.get_by_text("ยังใช้ระยะนี้ไม่ได้").first.wait_for(timeout=30_000)
    check("plan: waves editor, a year refused")
    panels = {"ทีมคุณอำนวย": ".st-key-roster_capacity", "แก้ตำแหน่งหมู่บ้าน": ".st-key-corrections_upload",
              "เปรียบเทียบแผน": ".st-key-plan_compare_a", "ประวัติการแก้ไข": "text=ประวัติการแก้ไขของ"}
    for panel, shown in panels.items():
        page.locator(".st-key-plan_panel").get_by_text(panel, exact=True).click()
        page.locator(shown).first.wait_for(timeout=30_000)
        check(f"plan: {panel}")

    # A refused roster file, then a roster the teams cannot carry: "optimise the rest" says why, in Thai.
    page.locator(".st-key-plan_panel").get_by_text("ทีมคุณอำนวย", exact=True).click()
    roster_input = page.locator(".st-key-roster_upload [data-testid='stFileUploaderDropzoneInput']")
    roster_input.set_input_files(files=[{"name": "roster.csv", "mimeType": "text/csv", "buffer": BAD_ROSTER}])
    page.get_by_text("ไม่รับทีมคุณอำนวยนี้").first.wait_for(timeout=30_000)
    check("plan: a refused roster file")
    roster_input.set_input_files(files=[{"name": "roster.csv", "mimeType": "text/csv", "buffer": THIN_ROSTER}])
    page.locator(".st-key-roster_use_upload button").click()
    settle(page)
    settle(page)
    page.locator(".st-key-plan_optimise button").first.click()
    page.get_by_text("ปรับแผนไม่ได้").first.wait_for(timeout=120_000)
    check("plan: an infeasible plan")

    page.goto(f"{app_server.url}/coverage")
    settle(page)
    check("/coverage: map")
    for tab in ("กราฟและอันดับอำเภอ", "ความก้าวหน้า 6 ขั้น"):
        page.get_by_role("tab", name=tab).click()
        check(f"/coverage: {tab}")

    page.goto(f"{app_server.url}/export")
    check("/export")
    page.locator(".st-key-exp_formats input[role='combobox']").click()  # every format chosen: "no results" left
    page.locator("[role='option']").first.wait_for(timeout=10_000)
    check("/export: the formats list, all chosen")
    page.keyboard.press("Escape")

    page.goto(f"{app_server.url}/data")
    check("/data")
    page.locator(".st-key-village_upload [data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "villages.csv", "mimeType": "text/csv", "buffer": BAD_VILLAGES}])
    page.get_by_text("พบปัญหา").first.wait_for(timeout=30_000)
    check("/data: a file with problems")

    assert not found, "English on the Thai pages: " + "; ".join(
        f"{state}: {', '.join(f'{w!r} in {where!r}' for w, where in words.items())}" for state, words in found.items())


SIZE_NOTE = """key => {
    const note = document.querySelector(`.st-key-${key} [data-testid="stFileUploaderDropzoneInstructions"] span`);
    return note ? getComputedStyle(note, '::after').content : null;
}"""


def test_each_file_picker_states_its_own_size_limit_in_thai(offline_page, app_server):
    """Streamlit's note under a picker ("5MB per file") is written in Thai with that picker's own limit
    (geodata.limits), not the server's largest upload."""
    page = offline_page
    page.goto(f"{app_server.url}/data")
    settle(page)
    for key in ("village_upload", "boundary_upload"):  # the uploader's own script loads after the page's
        page.locator(f".st-key-{key} [data-testid='stFileUploaderDropzoneInstructions']").wait_for(timeout=30_000)
    assert page.evaluate(SIZE_NOTE, "village_upload") == '"ไฟล์ละไม่เกิน 5 เมกะไบต์"'
    assert page.evaluate(SIZE_NOTE, "boundary_upload") == '"ไฟล์ละไม่เกิน 20 เมกะไบต์"'
