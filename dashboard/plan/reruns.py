"""How much of the Plan page reruns after a change: the working-area fragment alone, or the whole page.

A click on the map or an action reruns only the fragment. A change to the data set itself (a village placed at
a corrected location) changes what every part of the page draws, so its callback asks for a full rerun, which
the fragment performs when it next runs.
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitInvalidLayoutContextError

#: Set by a callback when the data set changed (a location correction): the whole page must rerun.
FULL_RERUN_KEY = "plan_full_rerun"


def rerun_fragment() -> None:
    """Rerun just the fragment (or the page, when this run is a full run: Streamlit allows no less then)."""
    try:
        st.rerun(scope="fragment")
    except StreamlitInvalidLayoutContextError:
        st.rerun()


def request_full_rerun() -> None:
    """Ask for the whole page to rerun (from a callback, which cannot rerun by itself)."""
    st.session_state[FULL_RERUN_KEY] = True


def full_rerun_requested() -> bool:
    """True once after `request_full_rerun` (the request is consumed)."""
    return bool(st.session_state.pop(FULL_RERUN_KEY, False))
