"""Measure the Plan page's map in headless Chromium: first full map, click -> tally, assign -> recoloured, payload.

    .venv/bin/python bench/bench_map.py [--rounds 3]

Starts the dashboard like the browser tests do (its own empty database, a free port), warms it up with one page
load (the first visit computes the default plan and saves the main scenario), then for each round:

- first map: from `page.goto` to every village and tambon drawn and painted (the map's canvas, as
  `kmPlan.report()` states it), in a fresh browser profile that has only logged in (its cache emptied after the
  login: the map's component, Leaflet and the village layer are not cached); `first_map_reload_s` is a reload in
  the same browser (the planner's usual case: Leaflet and the component already cached);
- click: from a real mouse click on a village to the selection count shown beside the map and the village
  ringed on the map;
- assign: from clicking "assign wave" to the village recoloured on the map and the pending tally shown;
- map payload: what the map costs to send: the files the map's iframe loads (streamlit-folium's component,
  Leaflet, Leaflet.draw, their CSS and icons) plus the websocket messages of the page load, which carry the
  map's script and village layer as the component's arguments (and the rest of the page's elements, so this is
  an upper bound). Streamlit's own frontend bundle, loaded once and cached by the browser, is reported apart
  (`page_total_mb`).

Targets (issue 11): first map < 2 s, click and assign < 0.5 s, map payload < 0.8 MB. Prints one line per number,
and the machine's load average before and after (the machine is shared: measure when it is quiet).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.browser_bench import cold_logged_in_page, loaded_bytes, record_load, run, served_browser, warm_page  # noqa: E402
from tests.browser.conftest import APP_READY  # noqa: E402
from tests.browser.planner import (  # noqa: E402
    ALL_DRAWN,
    map_frame_handle,
    selection_count,
    village_fill,
    village_screen_point,
)

TARGETS = {"first_map_s": 2.0, "click_s": 0.5, "assign_s": 0.5, "map_payload_mb": 0.8}


def measure(rounds: int) -> dict[str, list[float]]:
    numbers: dict[str, list[float]] = {key: [] for key in TARGETS}
    numbers["page_total_mb"] = []
    numbers["first_map_reload_s"] = []
    with served_browser() as (server, browser):
        warm = warm_page(browser, server.url)
        map_frame_handle(warm).wait_for_function(ALL_DRAWN, timeout=120_000)
        warm.close()
        for _ in range(rounds):
            _round(browser, server, numbers)
    return numbers


def _round(browser, server, numbers) -> None:
    page = cold_logged_in_page(browser, server.url)
    received, frames = record_load(page)
    started = time.perf_counter()
    page.goto(server.url)
    page.wait_for_selector(APP_READY, timeout=60_000)
    frame = map_frame_handle(page)
    frame.wait_for_function(ALL_DRAWN, timeout=60_000, polling="raf")
    numbers["first_map_s"].append(time.perf_counter() - started)
    numbers["map_payload_mb"].append((loaded_bytes(page, received, frames_only=True) + sum(frames)) / 1e6)
    numbers["page_total_mb"].append((loaded_bytes(page, received, frames_only=False) + sum(frames)) / 1e6)

    village = "80010601"
    x, y = village_screen_point(page, village)
    started = time.perf_counter()
    page.mouse.click(x, y)
    page.wait_for_function("document.body.innerText.includes('เลือกไว้ 1 หมู่บ้าน')", timeout=30_000)
    frame = map_frame_handle(page)
    frame.wait_for_function(f"(() => {{ {_find(village)}; return l && l.options.color === '#FF00FF'; }})()",
                            timeout=30_000)
    numbers["click_s"].append(time.perf_counter() - started)
    assert selection_count(page) == 1

    before = village_fill(frame, village)
    page.locator(".st-key-plan_assign button").click()
    started = time.perf_counter()
    frame.wait_for_function(f"(() => {{ {_find(village)}; return l && l.options.fillColor !== '{before}'; }})()",
                            timeout=30_000)
    page.wait_for_function("document.body.innerText.includes('ถ้ายืนยัน')", timeout=30_000)
    numbers["assign_s"].append(time.perf_counter() - started)

    started = time.perf_counter()
    page.reload()
    page.wait_for_selector(APP_READY, timeout=60_000)
    map_frame_handle(page).wait_for_function(ALL_DRAWN, timeout=60_000, polling="raf")
    numbers["first_map_reload_s"].append(time.perf_counter() - started)
    page.context.close()


def _find(code: str) -> str:
    return ("let l = null; window.map.eachLayer(x => { if (x.feature && x.feature.properties && "
            f"x.feature.properties.village_code === '{code}') l = x; }})")


if __name__ == "__main__":
    run(__doc__, measure, TARGETS, rounds=3)
