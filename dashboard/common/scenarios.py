"""Scenarios for the pages: the default optimised plan (computed once per data set), the saved ones by name,
and what went wrong when one could not be saved or opened, in the reader's language."""

from __future__ import annotations

import streamlit as st

import store
from dashboard.common.database import get_store
from dashboard.common.dataset import dataset_in_use
from dashboard.common.formatting import format_timestamp
from dashboard.common.text import lang, t, with_detail
from geodata.plans import DEFAULT_SCENARIO_NAME, default_scenario


@st.cache_resource(show_spinner=False)
def _default_for(version: str) -> store.Scenario:
    dataset = dataset_in_use()
    return default_scenario(dataset.villages, dataset.tambons, dataset=version)


def scenario_names() -> list[str]:
    """The default optimised plan first, then every saved scenario by name."""
    return [DEFAULT_SCENARIO_NAME, *get_store().scenario_names()]


def load_scenario(name: str) -> store.Scenario:
    """The default plan (computed once per data set) or a saved scenario."""
    if name == DEFAULT_SCENARIO_NAME:
        with st.spinner(t("common.computing_default")):
            return _default_for(dataset_in_use().version)
    return get_store().open_scenario(name)


def scenario_error(error: store.StoreError) -> str:
    """A store error about a scenario in the interface language, naming the scenario and what to do.

    The store's own messages are English (for developers and logs); its errors carry the facts worded here.
    Any other store error (the database itself) is named with the store's message.
    """
    if isinstance(error, store.ScenarioExistsError):
        return t("common.scenario_exists", name=error.name)
    if isinstance(error, store.UnknownScenarioError):
        return t("common.scenario_unknown", name=error.name)
    if isinstance(error, store.ScenarioConflictError):
        return t("common.scenario_conflict", name=error.name, who=error.saved_by, version=error.found,
                 at=format_timestamp(error.saved_at, lang()), opened=error.expected)
    return with_detail(t("common.store_error"), error)


def name_problem(name: str) -> str | None:
    """Why `name` cannot name a new scenario (empty, or taken), or None if it can."""
    if not name.strip():
        return t("common.scenario_no_name")
    if get_store().has_scenario(name.strip()):
        return t("common.scenario_exists", name=name.strip())
    return None
