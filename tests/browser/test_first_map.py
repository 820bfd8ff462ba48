"""The Plan page draws the province in a real browser with no internet."""

from tests.browser.conftest import map_frame, wait_for_app
from tests.browser.planner import map_report, wait_for_villages


def test_plan_page_draws_boundaries_and_every_village_offline(offline_page, app_server):
    offline_page.goto(app_server.url)
    wait_for_app(offline_page)
    wait_for_villages(offline_page, timeout=60_000)
    # 170 tambon polygons and 1,553 villages on the map's one canvas (no SVG element per shape).
    drawn = map_report(offline_page)
    assert drawn["villages"] == 1553 and drawn["tambons"] == 170
    frame = map_frame(offline_page)
    assert frame.locator("canvas.leaflet-zoom-animated").count() == 1
    assert frame.locator("path.leaflet-interactive").count() == 0
    assert frame.locator(".km-legend").inner_text().count("\n") >= 3


def test_data_page_shows_counts_and_credits_offline(offline_page, app_server):
    offline_page.goto(f"{app_server.url}/data")
    wait_for_app(offline_page)
    body = offline_page.locator("[data-testid='stMain']").inner_text()
    assert "1,553" in body and "1,118" in body and "435" in body
    assert "OCHA / Royal Thai Survey Department" in body
