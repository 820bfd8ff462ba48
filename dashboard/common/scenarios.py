"""Scenarios for the pages: the default optimised plan (computed once per data set), the saved ones by name,
the province's official plan, and what went wrong when one could not be saved or opened, in the reader's language.

Every page reads and marks scenarios through the functions here (not the store directly), so a service layer
can take them over in one place.
"""

from __future__ import annotations

import streamlit as st

import store
from dashboard.common.database import author, get_store
from dashboard.common.dataset import dataset_in_use
from dashboard.common.formatting import format_timestamp
from dashboard.common.text import lang, t, with_detail
from geodata import schema
from geodata.exports.packet import Approval, approval_of
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


def saved_scenario_names() -> list[str]:
    """Every saved scenario's name (the default plan is not saved)."""
    return get_store().scenario_names()


def most_recent_scenario_name() -> str | None:
    """The name of the scenario saved last, or None when nothing is saved."""
    saved = get_store().list_scenarios()
    return max(saved, key=lambda s: (s.updated_at, s.name)).name if saved else None


def official_scenario_name(province: str = schema.PROVINCE_CODE) -> str | None:
    """The name of the province's official (approved) plan, or None when no scenario is marked."""
    return next((s.name for s in get_store().list_scenarios() if s.official and s.province == province), None)


def approval(name: str) -> Approval | None:
    """When and by whom scenario `name` was last made the official plan (from its history), or None."""
    return approval_of(get_store().scenario_history(name))


def mark_official(name: str, version: int) -> store.Scenario:
    """Make `name`, as it is at `version`, the province's official plan, recorded with the planner's name.

    Raises store.ScenarioConflictError when the scenario was saved again after `version` (the approver must see
    what they approve).
    """
    return get_store().mark_official(name, author=author(), expected_version=version)


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
