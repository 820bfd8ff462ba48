"""Scenarios for the pages: the default optimised plan (computed once per data set) and the saved ones by name."""

from __future__ import annotations

import streamlit as st

import store
from dashboard.common.database import get_store
from dashboard.common.dataset import dataset_in_use
from dashboard.common.text import t
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
