"""Layout rules every page shares, in both languages, as one small style sheet (no script, works offline).

Thai is written without spaces between words, so a narrow table header would wrap wherever the browser finds
room, sometimes inside a word ("ถ้ายืน|ยัน"). Headers of plain tables stay on one line; a table wider than its
column scrolls sideways instead.
"""

from __future__ import annotations

import streamlit as st

#: (The heading's text sits in a markdown paragraph inside the cell, whose own style sets it wrapping again when
#: the table is squeezed, as the waves table is beside a long notice: both are kept on one line.)
STYLE = ('<style>[data-testid="stTable"] th, [data-testid="stTable"] th * { white-space: nowrap !important; }'
         '</style>')


def page_style() -> None:
    """Add the shared style sheet (style-only HTML takes no room on the page)."""
    st.html(STYLE)
