"""The interface language and its text: a thin helper over the message catalogue (geodata.messages).

Thai is the default; the sidebar switch sets the session's language, and `t(key)` looks a message up in it.
Code that runs without a session (pure table builders, tests) calls `geodata.messages.text(key, lang)`.
"""

from __future__ import annotations

import streamlit as st

from dashboard.common.province import province_name
from geodata.errors import GeodataError
from geodata.messages import DEFAULT_LANGUAGE, LANGUAGES, PROVINCE_FIELD, names_province, text
from geodata.messages.facts import error_sentences
from planning.errors import PlanningError

LANGUAGE_KEY = "lang"


def lang() -> str:
    """The session's interface language ("th" by default)."""
    return st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE)


def t(key: str, **values: object) -> str:
    """The message `key` (e.g. "plan.page.title") in the session's language, with its fields filled; a
    ``{province}`` field not given names the chosen province (dashboard.common.province)."""
    language = lang()
    if PROVINCE_FIELD not in values and names_province(key, language):
        values = {**values, PROVINCE_FIELD: province_name(language)}
    return text(key, language, **values)


def with_detail(message: str, error: BaseException) -> str:
    """`message` (already in the interface language) and what `error` says, in the reader's language.

    The planning engine's refusals (its facts, with their numbers and fixes) and geodata's errors raised with a
    catalogue message are worded from the catalogue in Thai or English; several are listed one per line. Other
    errors (the store's, the engine's checks for developers) explain themselves in English only: English readers
    get that detail, a Thai reader the catalogue's Thai sentence alone rather than English mixed into a Thai page.
    """
    details = error_details(error, lang())
    if len(details) > 1:
        return message + ":\n" + "\n".join(f"- {detail}" for detail in details)
    return f"{message}: {details[0]}" if details else message


def error_details(error: BaseException, language: str) -> list[str]:
    """What `error` says in `language`, one sentence per problem; [] when it cannot say it in that language."""
    if isinstance(error, PlanningError):
        return error_sentences(error, language)
    if isinstance(error, GeodataError) and error.translated:
        return [error.words(language)]
    return [str(error)] if language == "en" else []


def language_switch() -> None:
    """Thai/English radio in the sidebar; Thai is the default. Each language is named in itself."""
    names = {"th": text("common.language_name_th", "th"), "en": text("common.language_name_en", "en")}
    st.sidebar.radio(t("common.language"), list(LANGUAGES), key=LANGUAGE_KEY, horizontal=True,
                     format_func=names.get)
