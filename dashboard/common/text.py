"""Small Streamlit helpers every page uses: the current language and translated text."""

from __future__ import annotations

import streamlit as st

from dashboard.common.formatting import DEFAULT_LANGUAGE, LANGUAGE_KEY, Texts, translate


def lang() -> str:
    """The session's interface language ("th" by default)."""
    return st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE)


def t(texts: Texts, key: str, **values: object) -> str:
    """`key` from a page's text table (or the shared glossary) in the session's language."""
    return translate(texts, key, lang(), **values)


def language_switch() -> None:
    """Thai/English radio in the sidebar; Thai is the default."""
    st.sidebar.radio(translate({}, "language", lang()), ["th", "en"], key=LANGUAGE_KEY, horizontal=True,
                     format_func=lambda code: {"th": "ไทย", "en": "English"}[code])
