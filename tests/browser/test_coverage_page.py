"""The Coverage page draws its map and charts in a real browser with no internet.

Two loads (the first also computes the default plan, the second is a reader's usual visit), then the two other
tabs. The load times are written to test-artifacts/coverage_page_load.txt: a measurement, not a pass mark.
"""

import datetime as dt
import time

from geodata.progress_io import thai_date_text
from tests.browser.conftest import ARTIFACTS, map_frame, wait_for_app

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
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": "amphoe_8001.csv", "mimeType": "text/csv", "buffer": report}])
    wait_for_app(page)
    page.get_by_role("button", name="นำเข้าไฟล์นี้").click()
    page.get_by_text("บันทึกแล้ว 1 รายการ").wait_for(timeout=30_000)
    page.get_by_text("ไม่รับ 1 แถว").wait_for(timeout=30_000)
    wait_for_app(page)
    assert page.get_by_text("ไม่รับ 1 แถว").count() == 1
    # the page redraws with the new step: 80010601 moved today, so it is no longer stalled
    assert "1,552 หมู่บ้านไม่เปลี่ยนขั้นนานกว่า 6 เดือน" in page.locator("[data-testid='stMain']").inner_text()
