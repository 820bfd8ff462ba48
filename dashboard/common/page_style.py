"""Layout rules every page shares, in both languages, as one small style sheet (no script, works offline).

Thai is written without spaces between words, so a narrow table header would wrap wherever the browser finds
room, sometimes inside a word ("ถ้ายืน|ยัน"). Headers of plain tables stay on one line; a table wider than its
column scrolls sideways instead.
"""

from __future__ import annotations

import streamlit as st

STYLE = '<style>[data-testid="stTable"] th { white-space: nowrap; }</style>'


def page_style() -> None:
    """Add the shared style sheet (style-only HTML takes no room on the page)."""
    st.html(STYLE)
