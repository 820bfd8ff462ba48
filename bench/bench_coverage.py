"""Measure the Coverage page in headless Chromium on a warm server: from opening the page to the map and charts
drawn.

    .venv/bin/python bench/bench_coverage.py [--rounds 5]

Starts the dashboard like the browser tests do (its own empty database, a free port) and warms it up as a
province office would have it: the Plan page once (which saves the main scenario) and the Coverage page once
(which computes and caches that scenario's coverage). Then, for each round, in a fresh browser profile (nothing
cached in the browser):

- script: from `page.goto(".../coverage")` until Streamlit has finished running the page;
- drawn: until the coverage map's districts and the first chart (one small map per wave) are drawn: what the
  reader waits for (the target, issue 11: under 2 s);
- reload: the same, reloading the page in the same browser (Leaflet and the component cached);
- payload: the websocket messages of the page load (the page's elements, the map's script and layers, the
  charts' specifications).

Prints one line per number (medians, and every run), and the machine's load average: the machine is shared.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.browser_bench import cold_logged_in_page, record_load, run, served_browser, warm_page  # noqa: E402
from tests.browser.conftest import APP_READY, AppServer  # noqa: E402
from tests.browser.test_coverage_page import COVERAGE_MAP  # noqa: E402

TARGETS = {"drawn_s": 2.0}
#: The first chart of the page (the small multiples) has drawn its marks.
CHART_DRAWN = "[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg.marks"


def measure(rounds: int) -> dict[str, list[float]]:
    numbers: dict[str, list[float]] = {"script_s": [], "drawn_s": [], "reload_s": [], "payload_mb": []}
    with served_browser() as (server, browser):
        warm = warm_page(browser, server.url)
        _load(warm, f"{server.url}/coverage")
        warm.close()
        for _ in range(rounds):
            _round(browser, server, numbers)
    return numbers


def _load(page, url: str) -> tuple[float, float]:
    """Open `url`; seconds until the script finished, and until the map and the first chart were drawn."""
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(APP_READY, timeout=120_000)
    script = time.perf_counter() - started
    page.frame_locator(COVERAGE_MAP).first.locator("path.leaflet-interactive").first.wait_for(timeout=120_000)
    page.locator(CHART_DRAWN).first.wait_for(timeout=120_000)
    return script, time.perf_counter() - started


def _round(browser, server: AppServer, numbers: dict[str, list[float]]) -> None:
    page = cold_logged_in_page(browser, server.url)  # logged in (not timed); the timing starts at /coverage
    _, frames = record_load(page)
    script, drawn = _load(page, f"{server.url}/coverage")
    numbers["script_s"].append(script)
    numbers["drawn_s"].append(drawn)
    numbers["payload_mb"].append(sum(frames) / 1e6)
    numbers["reload_s"].append(_load(page, f"{server.url}/coverage")[1])
    page.context.close()


if __name__ == "__main__":
    run(__doc__, measure, TARGETS, rounds=5)
