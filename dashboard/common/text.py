"""The interface language and its text: a thin helper over the message catalogue (geodata.messages).

Thai is the default; the sidebar switch sets the session's language, and `t(key)` looks a message up in it.
Code that runs without a session (pure table builders, tests) calls `geodata.messages.text(key, lang)`.
"""

from __future__ import annotations

import streamlit as st

from geodata.messages import DEFAULT_LANGUAGE, LANGUAGES, text

LANGUAGE_KEY = "lang"


def lang() -> str:
    """The session's interface language ("th" by default)."""
    return st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE)


def t(key: str, **values: object) -> str:
    """The message `key` (e.g. "plan.page.title") in the session's language, with its fields filled."""
    return text(key, lang(), **values)


def with_english_detail(message: str, detail: object) -> str:
    """`message` (already in the interface language) and, for English readers, the engine's own English detail.

    The planning engine and the store explain their errors in English, for developers; a Thai reader gets the
    catalogue's Thai sentence alone rather than English mixed into a Thai page.
    """
    return f"{message}: {detail}" if lang() == "en" else message


def language_switch() -> None:
    """Thai/English radio in the sidebar; Thai is the default. Each language is named in itself."""
    names = {"th": text("common.language_name_th", "th"), "en": text("common.language_name_en", "en")}
    st.sidebar.radio(t("common.language"), list(LANGUAGES), key=LANGUAGE_KEY, horizontal=True,
                     format_func=names.get)
