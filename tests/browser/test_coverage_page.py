"""The Coverage page draws its map and charts in a real browser with no internet.

Two loads (the first also computes the default plan, the second is a reader's usual visit), then the two other
tabs. The load times are written to test-artifacts/coverage_page_load.txt: a measurement, not a pass mark.
"""

import datetime as dt
import time

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from geodata.progress_io import thai_date_text
from service.passwords import hash_password
from store import open_store
from tests.browser.conftest import ARTIFACTS, log_in, map_frame, wait_for_app

CHART = "[data-testid='stVegaLiteChart']"
DRAWN = f"{CHART} canvas, {CHART} svg.marks"
#: The coverage map: a plain page in an iframe (it sends nothing back, so it needs no streamlit-folium).
COVERAGE_MAP = "iframe[data-testid='stIFrame']"


def coverage_map_frame(page):
    return page.frame_locator(COVERAGE_MAP).first


def charts_drawn(page) -> int:
    """Vega-Lite charts in the visible tab that have drawn their marks."""
    return page.locator(f"[data-testid='stTabPanel']:visible {CHART}").filter(
        has=page.locator("canvas, svg.marks")).count()


def open_tab(page, label: str) -> None:
    page.get_by_role("tab", name=label).click()
    page.wait_for_timeout(200)  # let the rerun start before waiting for it to finish
    wait_for_app(page)


def load_coverage_page(page, url: str) -> tuple[float, float]:
    """Open the Coverage page; seconds until the script finished and until the map and first chart were drawn."""
    started = time.monotonic()
    page.goto(f"{url}/coverage")
    wait_for_app(page)
    script_done = time.monotonic() - started
    coverage_map_frame(page).locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    page.locator(DRAWN).first.wait_for(timeout=30_000)
    return script_done, time.monotonic() - started


def test_coverage_page_draws_map_small_multiples_charts_and_progress_offline(offline_page, app_server):
    page = offline_page
    cold = load_coverage_page(page, app_server.url)  # the first visit also computes the default plan
    warm = load_coverage_page(page, app_server.url)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "coverage_page_load.txt").write_text(
        f"coverage page, first visit: script done {cold[0]:.2f} s, map and chart drawn {cold[1]:.2f} s after goto\n"
        f"coverage page, reload: script done {warm[0]:.2f} s, map and chart drawn {warm[1]:.2f} s after goto\n")
    frame = coverage_map_frame(page)
    # 23 districts shaded, 23 district borders; tambons appear only when zoomed in.
    assert frame.locator("path.leaflet-interactive").count() >= 23
    assert "สัดส่วนหมู่บ้านที่ครอบคลุม" in frame.locator(".km-legend").inner_text()
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "ครอบคลุมเมื่อสิ้นปี 2549" in body and "1,553" in body
    assert charts_drawn(page) == 1  # the small multiples, one panel per wave
    districts_only = frame.locator("path.leaflet-interactive").count()
    for _ in range(2):  # zoom in past TAMBON_ZOOM: the tambon layer is added
        frame.locator("a.leaflet-control-zoom-in").click()
        page.wait_for_timeout(400)
    assert frame.locator("path.leaflet-interactive").count() >= districts_only + 165

    open_tab(page, "กราฟและอันดับอำเภอ")
    page.locator(f"[data-testid='stTabPanel']:visible {CHART}").nth(1).locator("canvas, svg.marks").wait_for(
        timeout=30_000)
    assert charts_drawn(page) == 2  # S-curves and the load heatmap
    assert page.locator("[data-testid='stTabPanel']:visible [data-testid='stDataFrame']").count() == 1

    open_tab(page, "ความก้าวหน้า 6 ขั้น")
    page.locator(f"[data-testid='stTabPanel']:visible {CHART}").first.locator("canvas, svg.marks").wait_for(
        timeout=30_000)
    step_map = map_frame(page)
    step_map.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    assert step_map.locator("path.leaflet-interactive").count() >= 1553
    assert "ยังไม่มีรายงาน" in step_map.locator(".km-legend").inner_text()

    # A district office's file: one valid row, one with a step that does not exist.
    report = (f"village_code,step,reached_on,reported_by,reason\n80010601,1,{thai_date_text(dt.date.today())},อำเภอ,\n"
              "80010602,9,1/1/2550,อำเภอ,\n").encode()
    page.locator(".st-key-cov_prog_upload [data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "amphoe_8001.csv", "mimeType": "text/csv", "buffer": report}])
    wait_for_app(page)
    page.get_by_role("button", name="นำเข้าไฟล์นี้").click()
    page.get_by_text("บันทึกแล้ว 1 รายการ").wait_for(timeout=30_000)
    page.get_by_text("ไม่รับ 1 แถว").wait_for(timeout=30_000)
    wait_for_app(page)
    assert page.get_by_text("ไม่รับ 1 แถว").count() == 1
    # the page redraws with the new step: 80010601 moved today, so it is no longer stalled
    assert "1,552 หมู่บ้านไม่เปลี่ยนขั้นนานกว่า 6 เดือน" in page.locator("[data-testid='stMain']").inner_text()


#: The progress grid's geometry (Streamlit's grid: 35 px rows under a 35 px header; the village column pinned
#: first, then the 340 px "new step" column, then the date).
ROW_PX, STEP_X, DATE_X = 35, 300, 560


def grid_rows(grid) -> list[list[str]]:
    """The grid's rows as its accessible table gives them (the cells are drawn on a canvas), once it has drawn
    them (a grid built again after recording takes a moment)."""
    grid.locator("td").first.wait_for(state="attached", timeout=30_000)
    return grid.evaluate("e => Array.from(e.querySelectorAll('tr')).slice(1).map("
                         "r => Array.from(r.querySelectorAll('td')).map(c => c.textContent))")


def cell_becomes(page, grid, row: int, column: int, text: str, seconds: float = 5) -> bool:
    """True once the grid's accessible table holds `text` in data row `row`, column `column` (it follows the
    canvas a moment after an edit closes)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if grid_rows(grid)[row - 1][column] == text:
            return True
        page.wait_for_timeout(200)
    return False


def choose_step(page, grid, row: int, step: str) -> None:
    """Choose `step` in the "new step" cell of data row `row` from the grid's own drop-down (opened by a click and
    Enter; a click the canvas grid dropped under load is made again, at most twice)."""
    for _ in range(3):
        box = grid.bounding_box()
        page.mouse.click(box["x"] + STEP_X, box["y"] + ROW_PX * row + ROW_PX / 2)
        page.keyboard.press("Enter")
        option = page.get_by_role("option", name=step)
        try:
            option.wait_for(timeout=5_000)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            continue
        option.click()
        if cell_becomes(page, grid, row, 1, step):
            return
    raise AssertionError(f"the grid did not take step {step!r} in row {row}: {grid_rows(grid)[row - 1]}")


def type_in_cell(page, grid, row: int, column: int, x: int, text: str) -> None:
    """Write `text` in the cell of data row `row` (from 1), column `column` (from 0, at `x` px) with the grid's
    own editor, and check that the grid holds it. The canvas grid sometimes drops a double-click that comes
    right after another edit (seen under load), so an edit that did not take is made again, at most twice."""
    for _ in range(3):
        box = grid.bounding_box()
        page.mouse.dblclick(box["x"] + x, box["y"] + ROW_PX * row + ROW_PX / 2)
        editor = page.locator("textarea.gdg-input")  # the grid's text editor, over the cell
        try:
            editor.wait_for(timeout=5_000)
        except PlaywrightTimeout:
            continue
        editor.press("Control+A")
        editor.press_sequentially(text)
        editor.press("Enter")
        editor.wait_for(state="detached", timeout=10_000)
        if cell_becomes(page, grid, row, column, text):
            return
    raise AssertionError(f"the grid did not take {text!r} in row {row}: {grid_rows(grid)[row - 1]}")


def test_a_refused_progress_row_stays_in_the_grid_to_correct(offline_page, app_server):
    page = offline_page
    page.goto(f"{app_server.url}/coverage")
    wait_for_app(page)
    open_tab(page, "ความก้าวหน้า 6 ขั้น")
    grid = page.locator("[data-testid='stForm'] [data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    village = grid_rows(grid)[1][0]  # the second village of the district: "2. บ้านไร่บน"
    choose_step(page, grid, 2, "2 · ระบบการแลกเปลี่ยนเรียนรู้ หรือ การจัดการความรู้")
    type_in_cell(page, grid, 2, 2, DATE_X, "31/2/2568")  # there is no 31 February
    page.get_by_role("button", name="บันทึกรายการที่กรอก").click()
    page.get_by_text("ไม่รับ 1 แถว").wait_for(timeout=60_000)
    wait_for_app(page)
    first = grid_rows(grid)[0]
    assert first[:3] == [village, "2 · ระบบการแลกเปลี่ยนเรียนรู้ หรือ การจัดการความรู้", "31/2/2568"], first
    assert first[5].startswith("อ่านวันที่ '31/2/2568' ไม่ได้"), first  # why, beside the row
    assert "1 แถวที่ไม่รับยังอยู่บนสุดของตาราง" in page.locator("[data-testid='stMain']").inner_text()

    # Correct only the date: the kept step is recorded with it.
    type_in_cell(page, grid, 1, 2, DATE_X, thai_date_text(dt.date.today()))
    page.get_by_role("button", name="บันทึกรายการที่กรอก").click()
    page.get_by_text("บันทึกแล้ว 1 รายการ").wait_for(timeout=60_000)
    wait_for_app(page)
    again = {row[0]: row for row in grid_rows(grid)}
    assert again[village][1:6] == ["", "", "", "", ""], again[village]  # recorded: back to an empty row
    assert "ยังอยู่บนสุดของตาราง" not in page.locator("[data-testid='stMain']").inner_text()
    db = open_store(f"sqlite:///{app_server.database}")
    try:
        reached = db.current_progress()["80010602"]  # the district's second village, บ้านไร่บน
    finally:
        db.close()
    assert (reached.step, reached.reached_on) == (2, dt.date.today())


#: A district office's account (amphoe 8001) and its password.
DISTRICT_USER = ("somchai_8001", "a district office's passphrase")


def test_district_staff_can_record_progress_on_a_phone(browser, app_server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  locale="th-TH")
    page = context.new_page()
    db = open_store(f"sqlite:///{app_server.database}")
    try:
        if db.get_user(DISTRICT_USER[0]) is None:
            db.create_user(DISTRICT_USER[0], password_hash=hash_password(DISTRICT_USER[1]), roles={"district"},
                           amphoe="8001", created_by="test")
    finally:
        db.close()
    try:
        log_in(page, app_server.url, *DISTRICT_USER)  # district staff, on their phone
        page.goto(f"{app_server.url}/coverage")
        wait_for_app(page)
        assert "Page not found" not in page.locator("body").inner_text()
        open_tab(page, "ความก้าวหน้า 6 ขั้น")
        save = page.get_by_role("button", name="บันทึกรายการที่กรอก")
        save.scroll_into_view_if_needed()
        grid = page.locator("[data-testid='stForm'] [data-testid='stDataFrame']").first
        width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"the page scrolls sideways on a phone: {width}"
        for element in (grid, save):
            box = element.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        grid.locator("th").first.wait_for(state="attached", timeout=30_000)  # the grid draws after the page runs
        header = grid.evaluate("e => Array.from(e.querySelectorAll('th')).map(h => h.textContent)")
        assert header[:2] == ["หมู่บ้าน", "ขั้นใหม่"], header  # in view side by side: the village, its new step
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "coverage_progress_phone.png"))
    finally:
        context.close()
