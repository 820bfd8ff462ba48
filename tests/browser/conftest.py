"""Real-browser fixtures: the dashboard served on a free local port, and Debian's Chromium driven by Playwright.

Every request to a host other than the app's fails the test (`offline_page`), which proves the dashboard needs
no internet. Every page logs in first through the login form, as `admin` (the first account, roles admin and
planner, created on first start with ADMIN_PASSWORD); the login then lasts through reloads by its cookie.
Screenshots go to test-artifacts/ for a person to look at. Marked `browser`; these tests need /usr/bin/chromium
(installed by `make test`).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"]
APP_READY = "[data-testid='stApp'][data-test-script-state='notRunning']"
ADMIN_PASSWORD = "the browser tests' admin passphrase"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """A `streamlit run dashboard/app.py` process with its own database file (or the database at `url`)."""

    def __init__(self, database: Path, url: str | None = None):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = database
        self.database_url = url or f"sqlite:///{database}"
        self.log = database.with_suffix(".log")
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        env = {**os.environ, "ROLLOUT_DATABASE_URL": self.database_url, "ROLLOUT_ADMIN_PASSWORD": ADMIN_PASSWORD}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard/app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(self.port), "--browser.gatherUsageStats",
             "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=self.log.open("wb"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the dashboard exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("the dashboard did not answer /_stcore/health within 60 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def restart(self) -> None:
        """Stop and start the server on the same port and database (a server restart)."""
        self.stop()
        port = self.port
        self.start_on(port)

    def start_on(self, port: int) -> None:
        self.port, self.url = port, f"http://127.0.0.1:{port}"
        self.start()


@pytest.fixture(scope="module")
def app_server(tmp_path_factory) -> Iterator[AppServer]:
    """A fresh dashboard (own empty database) for the test module."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (it installs Debian's chromium)")
    server = AppServer(tmp_path_factory.mktemp("app") / "rollout.sqlite3")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def offline_page(browser, app_server, request):
    """A page whose every request to another host is aborted and recorded; the test fails if any was made."""
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="th-TH")
    page = context.new_page()
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(app_server.url) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    log_in(page, app_server.url)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not outside, f"the app tried to reach other hosts: {outside[:5]}"


def log_in(page, url: str, name: str = "admin", password: str = ADMIN_PASSWORD) -> None:
    """Open the app and log in through its form; the page the login lands on has finished running."""
    page.goto(url)
    wait_for_app(page, timeout=120_000)
    page.locator(".st-key-access_user input").fill(name)
    page.locator(".st-key-access_password input").fill(password)
    page.locator(".st-key-access_submit button").click()
    page.wait_for_selector(".st-key-access_log_out", timeout=120_000)
    wait_for_app(page, timeout=120_000)


def wait_for_app(page, timeout: float = 60_000) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_selector(APP_READY, timeout=timeout)


def map_frame(page):
    return page.frame_locator(MAP_FRAME).first
