"""Plans for the pages: the store, the planner's name, and scenarios by name (the default plan first)."""

from __future__ import annotations

import getpass

import streamlit as st

import store
from dashboard.data import dataset_in_use
from dashboard.ui import t
from geodata import limits
from geodata.plans import DEFAULT_SCENARIO_NAME, default_scenario

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
    label = {"author": ("ชื่อผู้วางแผน (บันทึกกับทุกการแก้ไข)", "Planner's name (recorded with every change)")}
    st.sidebar.text_input(t(label, "author"), key=AUTHOR_KEY, max_chars=limits.NAME_MAX_CHARS)


@st.cache_resource(show_spinner="กำลังคำนวณแผนตั้งต้น / computing the default plan…")
def _default_for(version: str) -> store.Scenario:
    dataset = dataset_in_use()
    return default_scenario(dataset.villages, dataset.tambons, dataset=version)


def scenario_names() -> list[str]:
    """The default optimised plan first, then every saved scenario by name."""
    return [DEFAULT_SCENARIO_NAME, *get_store().scenario_names()]


def load_scenario(name: str) -> store.Scenario:
    """The default plan (computed once per data set) or a saved scenario."""
    if name == DEFAULT_SCENARIO_NAME:
        return _default_for(dataset_in_use().version)
    return get_store().open_scenario(name)
