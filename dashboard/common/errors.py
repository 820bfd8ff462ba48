"""Unexpected errors on a page: the user sees a short message with an error id, the server log gets the id and
the traceback. With `client.showErrorDetails = "none"` (.streamlit/config.toml) Streamlit itself shows no
details either, so no traceback or server path ever reaches a browser.

`error_boundary` wraps the page run in app.py and the Plan page's fragment (a fragment's own reruns do not pass
through the page). Streamlit's control flow is not an error: st.rerun and st.switch_page raise RerunException
and st.stop raises StopException (streamlit/runtime/scriptrunner_utils/exceptions.py), subclasses of
ScriptControlException, which derives from BaseException; they are re-raised untouched.

Tests set ROLLOUT_RAISE_ERRORS=1 (tests/dashboard/conftest.py): the error is logged with its id and then
raised, so AppTest reports it as an exception instead of a message a test could overlook.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException

from dashboard.common.text import lang
from geodata.error_ids import new_error_id, unexpected_error_message

LOGGER_NAME = "km_rollout.errors"
RAISE_VARIABLE = "ROLLOUT_RAISE_ERRORS"
P = ParamSpec("P")
R = TypeVar("R")


class _ServerLog(logging.StreamHandler):
    """stderr, where Streamlit logs too, with time and level."""

    def __init__(self):
        super().__init__(sys.stderr)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))


def _logger() -> logging.Logger:
    """The server log of unexpected errors (its stderr handler added once per process)."""
    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(handler, _ServerLog) for handler in logger.handlers):
        logger.addHandler(_ServerLog())
        logger.setLevel(logging.INFO)
    return logger


@contextmanager
def error_boundary(where: str) -> Iterator[None]:
    """Run the block; an unexpected exception is logged with a new error id and shown as a short message."""
    try:
        yield
    except ScriptControlException:  # st.rerun, st.stop, st.switch_page
        raise
    except Exception:
        error_id = new_error_id()
        _logger().exception("error id %s in %s", error_id, where)
        if os.environ.get(RAISE_VARIABLE):
            raise
        st.error(unexpected_error_message(error_id, lang()), icon=":material/error:")


def guarded(where: str) -> Callable[[Callable[P, R]], Callable[P, R | None]]:
    """Decorator: the function runs inside `error_boundary(where)` (for fragments, which rerun on their own)."""
    def decorate(function: Callable[P, R]) -> Callable[P, R | None]:
        @functools.wraps(function)
        def run(*args: P.args, **kwargs: P.kwargs) -> R | None:
            with error_boundary(where):
                return function(*args, **kwargs)
            return None

        return run

    return decorate
