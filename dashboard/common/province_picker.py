"""Choosing the province (or the whole country) every page works on: the sidebar's pick list and the page
address's ``?province=``, run once per run by the entry script before the page.

What decides, in order:
1. a district user's amphoe: they see only its province (no pick list, the province named in the sidebar);
2. the open scenario: a scenario opens its own province (a shared link ``?scenario=...``, a reload);
3. ``?province=CODE`` (or ``nation``) in the page address, else the session's last choice, else the registry's
   default province. A code that cannot be used (unknown, or a province without villages) is said in the
   reader's language (the catalogue's words, geodata.province_choice) and the session's province, or the
   default one, is shown instead: nothing open is lost.
The choice is written back to the address, so a reload or a shared link keeps it. Choosing another province
closes the open scenario (it belongs to the province left); that province's official plan, else its scenario
saved last, else its default plan opens.
"""

from __future__ import annotations

import streamlit as st

import planning
import service
from dashboard.common.formatting import format_number
from dashboard.common.open_scenario import forget_open, open_scenario_name
from dashboard.common.province import NATION, PROVINCE_KEY, chosen_province, province_label
from dashboard.common.scenarios import scenario_province
from dashboard.common.text import lang, t
from geodata import province_choice, provinces
from geodata.errors import WordedError
from geodata.plans import DEFAULT_SCENARIO_NAME

#: The page address's parameter naming the province (?province=85, ?province=nation).
QUERY_KEY = "province"
#: The sidebar pick list's widget key.
PICK_KEY = "province_pick"


def choose_province(actor: service.Actor) -> str:
    """Settle this run's province (see the module docstring), draw the sidebar's choice, and return it."""
    amphoe = actor.permissions.amphoe
    if amphoe is not None:
        code = provinces.province(amphoe[:2]).code
        _keep(code)
        st.sidebar.caption(t("province.yours", label=province_label(code)))
        return code
    refusal = _from_address()
    if actor.permissions.read_plans:
        _follow_open_scenario()
    code = chosen_province()
    _keep(code)
    if refusal is not None:
        st.warning(t("province.bad_address", reason=refusal.words(lang()),
                     fallback=province_label(code)), icon=":material/warning:")
    if actor.permissions.read_plans:
        _pick_list(code)
    return code


def province_options() -> list[str]:
    """The pick list's entries: the whole country first, then every province with villages by code."""
    return [NATION, *(p.code for p in provinces.provinces() if p.has_villages)]


def _from_address() -> WordedError | None:
    """Take ``?province=`` into the session when it names a usable province; the refusal when it does not."""
    asked = st.query_params.get(QUERY_KEY)
    if asked is None or asked == st.session_state.get(PROVINCE_KEY):
        return None
    try:
        st.session_state[PROVINCE_KEY] = province_choice.parse_province(asked)
    except WordedError as refused:
        return refused
    return None


def _follow_open_scenario() -> None:
    """A saved scenario opens its own province (scenarios saved before provinces read as the default one)."""
    wanted = open_scenario_name()
    if not wanted or wanted == DEFAULT_SCENARIO_NAME:
        return
    province = scenario_province(wanted)
    if province is not None and province != chosen_province():
        st.session_state[PROVINCE_KEY] = province


def _keep(code: str) -> None:
    st.session_state[PROVINCE_KEY] = code
    if st.query_params.get(QUERY_KEY) != code:
        st.query_params[QUERY_KEY] = code


def _pick_list(code: str) -> None:
    options = province_options()
    if st.session_state.get(PICK_KEY) != code:
        st.session_state[PICK_KEY] = code
    st.sidebar.selectbox(t("province.picker"), options, key=PICK_KEY, format_func=province_label,
                         help=t("province.picker_help"), on_change=_picked)


def _picked() -> None:
    code = st.session_state[PICK_KEY]
    if code != chosen_province():
        forget_open()
        _keep(code)


def default_waves_notice(waves: tuple[planning.Wave, ...], province: str | None = None) -> None:
    """Say that the plan's waves are the province's default ones (shares of its villages, not its own
    schedule; ``geodata.provinces.Province.waves_are_default``), for the planner to change, when they are."""
    code = chosen_province() if province is None else province
    if code == NATION:
        return
    info = provinces.province(code)
    if not info.waves_are_default or tuple(waves) != info.default_waves:
        return
    shown = ", ".join(f"{w.label} {format_number(w.target)}" for w in info.default_waves if w.target is not None)
    st.info(t("province.default_waves", waves=shown), icon=":material/tune:")


def nation_elsewhere() -> None:
    """On a page that works on one province (Plan, Export, Data) while the whole country is chosen: say where
    the national view is, and stop the page."""
    st.info(t("province.nation_elsewhere"), icon=":material/public:")
    st.stop()
