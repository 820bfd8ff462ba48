"""Scenarios for the pages: the default optimised plan (computed once per data set), the saved ones by name
(through the service, as far as the logged-in person may read them), the province's official plan, and what went
wrong when one could not be saved or opened, in the reader's language.

Every page reads and marks scenarios through the functions here, which go through the service layer.
"""

from __future__ import annotations

import streamlit as st

import service
from dashboard.common.database import workspace
from dashboard.common.dataset import province_dataset_in_use
from dashboard.common.formatting import format_timestamp
from dashboard.common.province import chosen_province
from dashboard.common.text import lang, t, with_detail
from geodata.exports.packet import Approval, approval_of
from geodata.messages import has
from geodata.plans import DEFAULT_SCENARIO_NAME, default_scenario
from geodata.scenario import Scenario


@st.cache_resource(show_spinner=False)
def _default_for(version: str) -> Scenario:
    dataset = province_dataset_in_use()
    return default_scenario(dataset.villages, dataset.tambons, dataset=version)


def scenario_names() -> list[str]:
    """The default optimised plan first, then every saved scenario of the chosen province by name."""
    return [DEFAULT_SCENARIO_NAME, *saved_scenario_names()]


def load_scenario(name: str) -> Scenario:
    """The default plan (computed once per data set) or a saved scenario, as far as the reader may see it."""
    if name == DEFAULT_SCENARIO_NAME:
        with st.spinner(t("common.computing_default")):
            return workspace().visible_part(_default_for(province_dataset_in_use().version))
    return workspace().open_scenario(name)


def saved_scenario_names(province: str | None = None) -> list[str]:
    """The name of every saved scenario of the chosen province (or `province`) that the reader may see (the
    default plan is not saved), by name."""
    province = chosen_province() if province is None else province
    return sorted(s.name for s in workspace().list_scenarios() if s.province == province)


def scenario_province(name: str) -> str | None:
    """The province saved scenario `name` covers (a code, or NATION), or None when there is no such scenario."""
    return next((s.province for s in workspace().list_scenarios() if s.name == name), None)


def most_recent_scenario_name(province: str | None = None) -> str | None:
    """The name of the chosen province's (or `province`'s) scenario saved last, or None when none is saved."""
    province = chosen_province() if province is None else province
    saved = [s for s in workspace().list_scenarios() if s.province == province]
    return max(saved, key=lambda s: (s.updated_at, s.name)).name if saved else None


def official_scenario_name(province: str | None = None) -> str | None:
    """The name of the chosen province's (or `province`'s) official (approved) plan, or None when no scenario
    is marked."""
    province = chosen_province() if province is None else province
    return next((s.name for s in workspace().list_scenarios() if s.official and s.province == province), None)


def approval(name: str) -> Approval | None:
    """When and by whom scenario `name` was last made the official plan (from its history), or None."""
    return approval_of(workspace().scenario_history(name))


def mark_official(name: str, version: int) -> Scenario:
    """Make `name`, as it is at `version`, the province's official plan, recorded with the logged-in planner's name.

    The service refuses it to anyone but a planner or an admin; it raises ScenarioConflictError when the scenario
    was saved again after `version` (the approver must see what they approve).
    """
    return workspace().mark_official(name, expected_version=version)


def scenario_error(error: Exception) -> str:
    """A refusal about a scenario in the interface language, naming the scenario and what to do.

    The store's and the service's own messages are English (for developers, logs and the command line); their
    errors carry the facts worded here. Any other store error (the database itself) is named with its message.
    """
    if isinstance(error, service.ScenarioExistsError):
        return t("common.scenario_exists", name=error.name)
    if isinstance(error, service.UnknownScenarioError):
        return t("common.scenario_unknown", name=error.name)
    if isinstance(error, service.ScenarioConflictError):
        return t("common.scenario_conflict", name=error.name, who=error.saved_by, version=error.found,
                 at=format_timestamp(error.saved_at, lang()), opened=error.expected)
    return refusal_text(error)


def refusal_text(error: Exception) -> str:
    """A refusal of the service (its catalogue message) or of the store (a scenario's, or the database's), in
    the interface language."""
    if isinstance(error, service.ServiceError) and error.key and has(error.key):
        return t(error.key, **error.values)
    if isinstance(error, (service.ScenarioExistsError, service.UnknownScenarioError, service.ScenarioConflictError)):
        return scenario_error(error)
    return with_detail(t("common.store_error"), error)


def name_problem(name: str) -> str | None:
    """Why `name` cannot name a new scenario (empty, or taken), or None if it can."""
    if not name.strip():
        return t("common.scenario_no_name")
    if workspace().has_scenario(name.strip()):
        return t("common.scenario_exists", name=name.strip())
    return None
