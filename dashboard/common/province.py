"""Which province the pages work on (or the whole country): the session's choice, read by every page.

The choice is made once per run by the entry script (dashboard.common.province_picker: the sidebar's pick list,
the page address's ``?province=``, the open scenario's province, a district user's amphoe) and kept in the
session; everything else only reads it here. Before any choice it is the registry's default province.
"""

from __future__ import annotations

import streamlit as st

from geodata import provinces
from geodata.messages import text

#: The session's chosen province: a registry code, or ``provinces.NATION`` for the national view.
PROVINCE_KEY = "province"
NATION = provinces.NATION


def chosen_province() -> str:
    """The chosen province's code, or NATION; the default province before any choice."""
    return st.session_state.get(PROVINCE_KEY) or provinces.DEFAULT_PROVINCE


def is_nation() -> bool:
    """True when the whole country is chosen (the national view)."""
    return chosen_province() == NATION


def province_name(lang: str, code: str | None = None) -> str:
    """The chosen province's (or `code`'s) name in `lang`, as a message's ``{province}`` field says it; the
    whole country's name for NATION."""
    code = chosen_province() if code is None else code
    if code == NATION:
        return text("province.nation_name", lang)
    info = provinces.province(code)
    return info.name_th if lang == "th" else info.name_en


def province_label(code: str) -> str:
    """"ระนอง · Ranong (85)", or the whole country in both languages: one label a planner finds by typing Thai,
    English or the code."""
    if code == NATION:
        return f"{text('province.nation_name', 'th')} · {text('province.nation_name', 'en')}"
    info = provinces.province(code)
    return f"{info.name_th} · {info.name_en} ({info.code})"
