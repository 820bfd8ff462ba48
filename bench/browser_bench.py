"""What the browser benches share: a new browser that has only logged in, what a page load cost, the report.

A timed "first visit" must load what a person's first visit loads. Logging in lands on the Plan page, which
caches the map's files, so `cold_logged_in_page` empties the browser's cache after the login (Chrome DevTools
Protocol) and keeps only the login cookie.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from tests.browser.conftest import APP_READY, CHROMIUM, CHROMIUM_ARGS, AppServer, log_in

VIEWPORT = {"width": 1440, "height": 1000}


@contextlib.contextmanager
def served_browser() -> Iterator[tuple[AppServer, object]]:
    """The dashboard started like the browser tests start it (its own empty database, a free port) and Debian's
    Chromium; both stopped afterwards, also when a measurement fails."""
    from playwright.sync_api import sync_playwright

    server = AppServer(Path(tempfile.mkdtemp()) / "rollout.sqlite3")
    server.start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield server, browser
            browser.close()
    finally:
        server.stop()


def warm_page(browser, url: str):
    """A logged-in page for a warm-up visit (the login lands on the Plan page, which saves the main scenario)."""
    page = browser.new_page(viewport=VIEWPORT)
    log_in(page, url)
    return page


def cold_logged_in_page(browser, url: str):
    """A page in a new browser profile, logged in (not timed), on the Data page (no map), its cache emptied."""
    page = browser.new_context(viewport=VIEWPORT).new_page()
    log_in(page, url)
    page.goto(f"{url}/data")
    page.wait_for_selector(APP_READY, timeout=60_000)
    page.context.new_cdp_session(page).send("Network.clearBrowserCache")
    return page


def record_load(page) -> tuple[list, list[int]]:
    """Start recording what `page` receives: its responses, and the sizes of its websocket messages (Streamlit
    sends the page's elements, a map's HTML among them, over its websocket)."""
    responses: list = []
    frames: list[int] = []
    page.on("response", lambda response: responses.append(response))  # a bound builtin cannot be a handler
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(len(payload))))
    return responses, frames


def body_size(response) -> int:
    """Bytes of a response's body; 0 for one the browser no longer holds (a frame that reloaded since)."""
    from playwright.sync_api import Error

    try:
        return len(response.body())
    except Error:
        return 0


def loaded_bytes(page, responses: Sequence, *, frames_only: bool) -> int:
    """Bytes of the successful GET responses of a page load (source maps aside); with `frames_only`, only those
    loaded by the page's iframes (the map's component, Leaflet and its styles)."""
    loaded = [r for r in responses if r.ok and r.request.method == "GET" and not r.url.endswith(".map")]
    return sum(body_size(r) for r in loaded if not frames_only or r.frame != page.main_frame)


def print_report(numbers: Mapping[str, list[float]], targets: Mapping[str, float]) -> None:
    """One line per number: its median, the runs, and the verdict against its target; then the load average."""
    width = max(len(key) for key in numbers)
    for key, values in numbers.items():
        target = targets.get(key)
        verdict = "" if target is None else ("ok" if statistics.median(values) < target else "OVER TARGET")
        unit = "MB" if key.endswith("_mb") else "s"
        print(f"{key:{width}s} median {statistics.median(values):6.2f} {unit}  "
              f"(runs: {', '.join(f'{v:.2f}' for v in values)})"
              + (f"  target < {target} {unit}: {verdict}" if target else ""))
    print("load average after (1, 5, 15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


def run(doc: str, measure: Callable[[int], Mapping[str, list[float]]], targets: Mapping[str, float],
        rounds: int) -> None:
    """A bench's command line: ``--rounds N`` (default `rounds`), the load average before, then the report."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=rounds)
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print_report(measure(parser.parse_args().rounds), targets)
