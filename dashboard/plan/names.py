"""Names the Plan page's parts show for codes: districts, tambons and the pick lists, in the interface language."""

from __future__ import annotations

import streamlit as st

from dashboard.common.dataset import Dataset
from dashboard.common.text import lang
from geodata import schema


@st.cache_data(show_spinner=False, max_entries=4)
def _name_options(version: str, _dataset: Dataset) -> tuple[dict[str, str], dict[str, str]]:
    villages = _dataset.villages
    amphoes = villages.drop_duplicates(schema.AMPHOE_CODE).sort_values(schema.AMPHOE_CODE)
    tambons = villages.drop_duplicates(schema.TAMBON_CODE).sort_values(schema.TAMBON_CODE)
    return ({r[schema.AMPHOE_CODE]: f"{r[schema.AMPHOE_TH]} / {r[schema.AMPHOE_EN]} ({r[schema.AMPHOE_CODE]})"
             for _, r in amphoes.iterrows()},
            {r[schema.TAMBON_CODE]: f"{r[schema.TAMBON_TH]} / {r[schema.TAMBON_EN]} · {r[schema.AMPHOE_TH]} "
             f"({r[schema.TAMBON_CODE]})" for _, r in tambons.iterrows()})


def pick_list_labels(dataset: Dataset) -> tuple[dict[str, str], dict[str, str]]:
    """Amphoe and tambon pick-list labels (Thai / English (code)), for villages that exist (cached)."""
    return _name_options(dataset.version, dataset)


def district_names(dataset: Dataset) -> dict[str, str]:
    """Amphoe code -> name in the interface language."""
    column = schema.AMPHOE_TH if lang() == "th" else schema.AMPHOE_EN
    return dict(zip(dataset.amphoes[schema.AMPHOE_CODE], dataset.amphoes[column], strict=True))


def tambon_names(dataset: Dataset) -> dict[str, str]:
    """Tambon code -> name in the interface language."""
    column = schema.TAMBON_TH if lang() == "th" else schema.TAMBON_EN
    return dict(zip(dataset.tambons[schema.TAMBON_CODE], dataset.tambons[column], strict=True))
