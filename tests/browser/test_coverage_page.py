"""The Coverage page draws its map and charts in a real browser with no internet (one page load, three tabs)."""

import time

from tests.browser.conftest import ARTIFACTS, map_frame, wait_for_app

CHART = "[data-testid='stVegaLiteChart']"
DRAWN = f"{CHART} canvas, {CHART} svg.marks"


def charts_drawn(page) -> int:
    """Vega-Lite charts in the visible tab that have drawn their marks."""
    return page.locator(f"[data-testid='stTabPanel']:visible {CHART}").filter(
        has=page.locator("canvas, svg.marks")).count()


def open_tab(page, label: str) -> None:
    page.get_by_role("tab", name=label).click()
    page.wait_for_timeout(200)  # let the rerun start before waiting for it to finish
    wait_for_app(page)


def test_coverage_page_draws_map_small_multiples_charts_and_progress_offline(offline_page, app_server):
    page = offline_page
    started = time.monotonic()
    page.goto(f"{app_server.url}/coverage")
    wait_for_app(page)
    frame = map_frame(page)
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
    page.locator(DRAWN).first.wait_for(timeout=30_000)
    seconds = time.monotonic() - started
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "coverage_page_load.txt").write_text(f"coverage page: map and first chart drawn {seconds:.2f} s "
                                                      "after goto\n")
    # 23 districts shaded, 23 district borders; tambons appear only when zoomed in.
    assert frame.locator("path.leaflet-interactive").count() >= 23
    assert "สัดส่วนหมู่บ้านที่ครอบคลุม" in frame.locator(".km-legend").inner_text()
    body = page.locator("[data-testid='stMain']").inner_text()
    assert "ครอบคลุมเมื่อสิ้นปี 2549" in body and "1,553" in body
    assert charts_drawn(page) == 1  # the small multiples, one panel per wave

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
    assert seconds < 30
