"""A short help panel at the top of a page: what to do first and what each action does, closed until opened.

The text is a message of the page's section in the catalogue (geodata.messages), in the reader's language.
"""

from __future__ import annotations

import streamlit as st

from dashboard.common.text import t


def help_panel(key: str) -> None:
    """A closed "how to use this page" panel holding the message `key` (Markdown, e.g. "coverage.help")."""
    with st.expander(t("common.help_title"), icon=":material/help:"):
        st.markdown(t(key))
