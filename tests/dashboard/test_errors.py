"""Issue 10: an unexpected error on a page shows a short message with an error id, never a traceback or a
server path; the id and the traceback go to the server log. Streamlit's own control flow passes through."""

from __future__ import annotations

import logging
import re
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import geodata.summary
from dashboard.common.errors import LOGGER_NAME, RAISE_VARIABLE
from geodata import limits
from tests.dashboard.conftest import open_app

SECRET_PATH = "/srv/km-rollout/secret/rollout.sqlite3"
ROOT = Path(__file__).resolve().parents[2]
ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "text", "code", "error", "warning", "info",
            "success", "exception", "json")


class Remember(logging.Handler):
    """Keeps the records of the error log, formatted with their tracebacks."""

    def __init__(self):
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(logging.Formatter().format(record))


@pytest.fixture
def server_log():
    handler = Remember()
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


@pytest.fixture
def broken_data_page(monkeypatch):
    """The Data page fails the way a bug would: an exception whose text holds a server path."""
    def fail(*args, **kwargs):
        raise RuntimeError(f"cannot read {SECRET_PATH}")

    monkeypatch.setattr(geodata.summary, "dataset_counts", fail)
    monkeypatch.delenv(RAISE_VARIABLE)


def shown_text(at: AppTest) -> str:
    return "\n".join(str(getattr(element, "value", "")) for kind in ELEMENTS for element in getattr(at, kind))


@pytest.mark.parametrize(("lang", "said"), [("th", "รหัสข้อผิดพลาด"), ("en", "error id")])
def test_a_failing_page_shows_an_error_id_and_no_traceback_or_path(broken_data_page, server_log, lang, said):
    at = open_app(lang)
    at.switch_page("data_page/page.py")
    at.run()
    assert not at.exception
    (message,) = [e.value for e in at.error if said in e.value]
    error_id = re.search(r"\b[0-9A-F]{8}\b", message).group()
    text = shown_text(at)
    for secret in (SECRET_PATH, "Traceback", "RuntimeError", "dataset_counts", ".py"):
        assert secret not in text
    logged = [line for line in server_log if error_id in line]
    assert logged and "Traceback" in logged[0] and SECRET_PATH in logged[0] and "page data" in logged[0]


def test_each_error_gets_its_own_id(broken_data_page, server_log):
    at = open_app("en")
    at.switch_page("data_page/page.py")
    at.run()
    at.run()
    ids = {re.search(r"error id ([0-9A-F]{8})", line).group(1) for line in server_log if "error id" in line}
    assert len(ids) == 2


def test_in_tests_the_error_is_raised_so_app_tests_cannot_overlook_it(monkeypatch, server_log):
    monkeypatch.setattr(geodata.summary, "dataset_counts", lambda *a, **k: 1 / 0)
    at = open_app("en")
    at.switch_page("data_page/page.py")
    at.run()
    assert at.exception  # (its text redacted: the traceback is in the log)
    assert any("error id" in line and "ZeroDivisionError" in line for line in server_log)


def control_flow_script():
    import streamlit as st

    from dashboard.common.errors import error_boundary

    def first():
        with error_boundary("first page"):
            st.session_state.runs = st.session_state.get("runs", 0) + 1
            if st.session_state.runs == 1:
                st.rerun()
            st.write(f"run {st.session_state.runs}")
            if st.session_state.get("go"):
                st.switch_page(second_page)
            st.stop()
            st.write("after stop")

    def second():
        st.write("second page")

    second_page = st.Page(second, title="second", url_path="second")
    with error_boundary("navigation"):
        st.navigation([st.Page(first, title="first", default=True), second_page]).run()


def test_rerun_stop_and_switch_page_pass_through_the_boundary(monkeypatch):
    monkeypatch.delenv(RAISE_VARIABLE)
    at = AppTest.from_function(control_flow_script, default_timeout=30)
    at.run()
    texts = [m.value for m in at.markdown]
    assert not at.exception and not at.error
    assert "run 2" in texts and "after stop" not in texts  # st.rerun reran, st.stop stopped
    at.session_state["go"] = True
    at.run()
    assert not at.error and "second page" in [m.value for m in at.markdown]  # st.switch_page switched


def test_streamlit_is_configured_to_show_no_error_details_and_the_upload_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["maxUploadSize"] == limits.MAX_UPLOAD_MEGABYTES
