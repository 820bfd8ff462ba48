"""Which scenario the pages show: the one open in this browser session, the same on every page.

The Plan page edits one saved scenario at a time; Coverage and Export show that same scenario at its latest
saved version, so an executive or a district office never sees another plan than the one being edited. The
choice is kept in the session and in the page address (a reload keeps it). A fresh visit opens the chosen
province's official plan, else its scenario saved last, else its default optimised plan (not saved, and said
so). Choosing another scenario on any page opens it on every page; a scenario opens its own province
(dashboard.common.province_picker), and choosing another province closes the open scenario.

Every page asks here; the scenarios themselves are read through dashboard.common.scenarios.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

import service
from dashboard.common.formatting import format_timestamp, markdown_text
from dashboard.common.scenarios import (
    approval,
    load_scenario,
    most_recent_scenario_name,
    official_scenario_name,
    scenario_names,
)
from dashboard.common.text import lang, t
from geodata.exports.packet import Approval
from geodata.plans import DEFAULT_SCENARIO_NAME
from geodata.scenario import Scenario

#: The name of the scenario open in this session (shared by every page).
OPEN_KEY = "open_scenario"
#: The page address's parameter naming the open scenario (?scenario=...), so a reload reopens it.
QUERY_KEY = "scenario"

#: Why a page shows the scenario it shows.
CHOSEN = "chosen"  # opened in this session (on any page) or named in the address
OFFICIAL = "official"  # a fresh visit: the province's official plan
RECENT = "recent"  # a fresh visit, no official plan: the scenario saved last
DEFAULT = "default"  # nothing saved: the default optimised plan


@dataclass(frozen=True)
class ShownScenario:
    """The scenario a page shows, why (CHOSEN, OFFICIAL, RECENT or DEFAULT), the province's official plan's name
    (None when no scenario is marked), how the shown one was approved if it is the official plan, and the name
    asked for that no longer exists (None when it was found)."""

    scenario: Scenario
    why: str
    official_name: str | None
    approval: Approval | None = None
    missing: str | None = None

    @property
    def is_default(self) -> bool:
        """True for the default optimised plan, which is computed, not saved."""
        return self.scenario.name == DEFAULT_SCENARIO_NAME

    @property
    def is_official(self) -> bool:
        return not self.is_default and self.scenario.name == self.official_name


def open_scenario_name() -> str | None:
    """The scenario named in the page address (a reload, a shared link), else the one open in this session."""
    return st.query_params.get(QUERY_KEY) or st.session_state.get(OPEN_KEY)


def remember_open(name: str) -> None:
    """Open scenario `name` on every page of this session, and name it in the page address."""
    st.session_state[OPEN_KEY] = name
    if st.query_params.get(QUERY_KEY) != name:
        st.query_params[QUERY_KEY] = name


def forget_open() -> None:
    """Open no scenario (another province was chosen): the pages open that province's first-visit plan."""
    st.session_state.pop(OPEN_KEY, None)
    st.query_params.pop(QUERY_KEY, None)


def first_visit_name() -> str | None:
    """What a fresh visit opens: the official plan, else the scenario saved last (None when nothing is saved)."""
    return official_scenario_name() or most_recent_scenario_name()


def shown_scenario() -> ShownScenario:
    """The scenario to show: the open one at its latest saved version; on a fresh visit the official plan, else
    the one saved last, else the default optimised plan. Raises service.StoreError when the database fails."""
    official = official_scenario_name()
    wanted, missing = open_scenario_name(), None
    if wanted:
        try:
            return _shown(load_scenario(wanted), CHOSEN, official)
        except service.UnknownScenarioError:  # deleted since, or a mistyped address
            missing = wanted
    if official:
        return _shown(load_scenario(official), OFFICIAL, official, missing)
    recent = most_recent_scenario_name()
    if recent:
        return _shown(load_scenario(recent), RECENT, official, missing)
    return _shown(load_scenario(DEFAULT_SCENARIO_NAME), DEFAULT, official, missing)


def scenario_picker(key: str, label: str) -> ShownScenario:
    """A pick list of every scenario (default plan first) set to the shown one; choosing opens it everywhere.

    Returns what the page shows, and says which scenario it is (name, version, official or not) under the list.
    """
    shown = shown_scenario()
    names = scenario_names()
    if shown.scenario.name not in names:  # saved a moment ago by another session
        names.append(shown.scenario.name)
    if st.session_state.get(key) != shown.scenario.name:
        st.session_state[key] = shown.scenario.name
    labels = {name: t("common.shown.official_option", name=name) if name == shown.official_name else name
              for name in names}
    st.selectbox(label, names, key=key, format_func=labels.get, on_change=_open_picked, args=(key,))
    describe(shown)
    return shown


def describe(shown: ShownScenario) -> None:
    """Say which scenario the page shows (name, version, who saved it when) and whether it is the official plan."""
    if shown.missing:
        st.warning(t("common.shown.missing", name=shown.missing, opened=shown.scenario.name))
    st.markdown(shown_sentence(shown))
    note = official_note(shown)
    if note:
        st.caption(note)


def shown_sentence(shown: ShownScenario) -> str:
    """"แผนที่แสดง: NAME · ฉบับที่ 3 · บันทึกโดย X เมื่อ ..." (or the default plan, which is not saved)."""
    if shown.is_default:
        return t("common.shown.default")
    scenario = shown.scenario
    return t("common.shown.saved", name=markdown_text(scenario.name), version=scenario.version,
             by=markdown_text(scenario.updated_by), at=format_timestamp(scenario.updated_at, lang()))


def official_note(shown: ShownScenario) -> str:
    """Whether the shown scenario is the official plan (by whom, when, at which version), or which one is."""
    if shown.is_official and shown.approval is not None:
        mark = shown.approval
        note = t("common.shown.is_official", by=mark.by, at=format_timestamp(mark.at, lang()), version=mark.version)
        if mark.version < shown.scenario.version:
            note += " " + t("common.shown.changed_since", version=mark.version)
        return note
    if shown.official_name:
        return t("common.shown.other_official", name=shown.official_name)
    return t("common.shown.no_official")


def _shown(scenario: Scenario, why: str, official: str | None, missing: str | None = None) -> ShownScenario:
    mark = approval(scenario.name) if official is not None and scenario.name == official else None
    return ShownScenario(scenario, why, official, mark, missing)


def _open_picked(key: str) -> None:
    remember_open(st.session_state[key])
