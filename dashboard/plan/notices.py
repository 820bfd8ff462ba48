"""The Plan page's one-line notices: what the last action did ("saved: version 3") or why it was refused.

Callbacks run before the page is drawn, so they cannot draw; they leave a notice here and the working area shows
it once, at the top of its side panel, on the run that follows.
"""

from __future__ import annotations

import streamlit as st

NOTICE_KEY = "plan_notice"
#: Streamlit's message kinds a notice may take.
KINDS = ("success", "info", "warning", "error")


def notify(kind: str, text: str) -> None:
    """Leave a notice for the next run (`kind` is one of KINDS)."""
    if kind not in KINDS:
        raise ValueError(f"notice kind {kind!r} is not one of {KINDS}")
    st.session_state[NOTICE_KEY] = (kind, text)


def show_notice() -> None:
    """Show the notice left by the last action, once."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        getattr(st, notice[0])(notice[1])
