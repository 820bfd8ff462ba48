"""Another province and the national view in a real browser with no internet (every request to another host
fails the test): Ranong chosen in the address, then the whole country on Coverage, then a province brought
closer on the national map.

The nation is built in this test process first (in the session's build cache, which the app server reads too),
as `rollout data nation` would build it ahead: the dashboard itself builds it without worker processes.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import wait_for_app

NATIONAL_MAP = "iframe[data-testid='stIFrame']"
#: What the national map shows now: provinces, amphoe and village shapes on the map, and the zoom.
COUNT_LAYERS = """() => {
    const map = Object.values(window).find(v => v && v instanceof L.Map);
    const shown = {provinces: 0, amphoe: 0, villages: 0, zoom: map.getZoom()};
    map.eachLayer(layer => {
        const p = layer.feature && layer.feature.properties;
        if (!p) return;
        if (p.province_th !== undefined) shown.provinces += 1;
        else if (p.village_code !== undefined) shown.villages += 1;
        else if (p.amphoe_code !== undefined && p.tambon_code === undefined && p.share !== undefined) shown.amphoe += 1;
    });
    return shown;
}"""


@pytest.fixture(scope="module")
def built_nation():
    from geodata import nation

    return nation.nation_folder()


def map_state(page, focus: str) -> dict:
    """COUNT_LAYERS in the national map's frame once it has painted, fitted to province `focus`; the frame is
    replaced when the page sends a new map (a rerun), so a frame that goes away while it is read is read again."""
    from playwright.sync_api import Error

    for _ in range(5):
        page.frame_locator(NATIONAL_MAP).first.locator(f"body[data-km-drawn][data-km-focus='{focus}']").wait_for(
            timeout=60_000)
        try:
            return page.locator(NATIONAL_MAP).first.element_handle().content_frame().evaluate(COUNT_LAYERS)
        except Error:
            wait_for_app(page)
    raise AssertionError("the national map kept being replaced")


def heading(page) -> str:
    return page.locator("h1").first.inner_text()


def test_ranong_and_the_national_view_open_offline(built_nation, offline_page, app_server):
    page = offline_page
    page.goto(f"{app_server.url}/coverage?province=85")
    wait_for_app(page, timeout=120_000)
    assert "ระนอง" in heading(page)
    page.locator(f"{NATIONAL_MAP}").first.wait_for(timeout=60_000)  # Ranong's coverage map
    assert "province=85" in page.url

    page.goto(f"{app_server.url}/coverage?province=nation")
    wait_for_app(page, timeout=180_000)  # the first national view in this server computes the national plan
    assert heading(page) == "ความครอบคลุมของการขยายผลทั้งประเทศ"
    body = page.frame_locator(NATIONAL_MAP).first.locator("body[data-km-drawn]")
    body.wait_for(timeout=60_000)
    assert int(body.get_attribute("data-km-drawn")) == 76
    assert page.get_by_text("16,000").count() >= 1

    page.locator(".st-key-nat_focus").click()
    page.keyboard.type("Ranong")
    page.keyboard.press("Enter")
    wait_for_app(page)
    shown = map_state(page, "85")  # fitted to Ranong: its amphoe drawn over the provinces
    assert shown["amphoe"] == 5 and shown["provinces"] == 76 and shown["zoom"] >= 7, shown
    assert "province=nation" in page.url
