"""Saved work for every page: the database, opened once per server, and the planner's name recorded with changes.

Imports nothing else of the dashboard, so the data set (location corrections) and the scenarios can both use it.
"""

from __future__ import annotations

import getpass

import streamlit as st

import store
from dashboard.common.text import lang, t, with_detail
from geodata import limits

AUTHOR_KEY = "author"


@st.cache_resource(show_spinner=False)
def get_store() -> store.Store:
    """The database (ROLLOUT_DATABASE_URL or the user's data folder), opened once per server."""
    return store.open_store()


def author() -> str:
    """The planner's name as typed in the sidebar (defaults to the login name), recorded with every change."""
    name = st.session_state.get(AUTHOR_KEY, "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "planner"


def author_box() -> None:
    """The planner's name in the sidebar of every page (recorded with plan changes, corrections, progress)."""
    st.sidebar.text_input(t("common.author"), key=AUTHOR_KEY, max_chars=limits.NAME_MAX_CHARS)


def database_error(error: store.StoreError) -> str:
    """Why the database cannot be used, in the interface language (shown before any page opens).

    The store explains in English, naming the file and the schema; a Thai reader of an outdated database still
    gets the command that upgrades it.
    """
    if isinstance(error, store.DatabaseUpgradeNeededError) and lang() == "th":
        return t("common.database_outdated", command=store.UPGRADE_COMMAND)
    return with_detail(t("common.database_error"), error)
