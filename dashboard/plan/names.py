"""Names the Plan page's parts show for codes: districts, tambons and the pick lists, in the interface language."""

from __future__ import annotations

import streamlit as st

from dashboard.common.dataset import Dataset
from dashboard.common.text import lang
from geodata import schema
from geodata.messages import text


@st.cache_data(show_spinner=False, max_entries=8)
def _name_options(version: str, language: str, _dataset: Dataset) -> tuple[dict[str, str], dict[str, str]]:
    villages = _dataset.villages
    amphoes = villages.drop_duplicates(schema.AMPHOE_CODE).sort_values(schema.AMPHOE_CODE)
    tambons = villages.drop_duplicates(schema.TAMBON_CODE).sort_values(schema.TAMBON_CODE)
    amphoe, tambon = ((schema.AMPHOE_TH, schema.TAMBON_TH) if language == "th"
                      else (schema.AMPHOE_EN, schema.TAMBON_EN))
    return ({r[schema.AMPHOE_CODE]: f"{r[amphoe]} ({r[schema.AMPHOE_CODE]})" for _, r in amphoes.iterrows()},
            {r[schema.TAMBON_CODE]: f"{r[tambon]} · {r[amphoe]} ({r[schema.TAMBON_CODE]})"
             for _, r in tambons.iterrows()})


def pick_list_labels(dataset: Dataset) -> tuple[dict[str, str], dict[str, str]]:
    """Amphoe and tambon pick-list labels in the interface language, short enough to read on a chip: "name
    (code)" and "tambon · amphoe (code)", for villages that exist (cached)."""
    return _name_options(dataset.version, lang(), dataset)


def district_names(dataset: Dataset) -> dict[str, str]:
    """Amphoe code -> name in the interface language."""
    column = schema.AMPHOE_TH if lang() == "th" else schema.AMPHOE_EN
    return dict(zip(dataset.amphoes[schema.AMPHOE_CODE], dataset.amphoes[column], strict=True))


def tambon_names(dataset: Dataset) -> dict[str, str]:
    """Tambon code -> name in the interface language."""
    column = schema.TAMBON_TH if lang() == "th" else schema.TAMBON_EN
    return dict(zip(dataset.tambons[schema.TAMBON_CODE], dataset.tambons[column], strict=True))


def village_label(dataset: Dataset, code: str) -> str:
    """A village as a planner finds it in a list: "บ้านท่าไร่ หมู่ 1 · ท่าไร่, เมืองนครศรีธรรมราช (80010601)"."""
    return _village_labels(dataset.version, lang(), dataset).get(code, code)


@st.cache_data(show_spinner=False, max_entries=8)
def _village_labels(version: str, language: str, _dataset: Dataset) -> dict[str, str]:
    village, tambon, amphoe = ((schema.VILLAGE_TH, schema.TAMBON_TH, schema.AMPHOE_TH) if language == "th"
                               else (schema.VILLAGE_EN, schema.TAMBON_EN, schema.AMPHOE_EN))
    frame = _dataset.villages
    moo = text("plan.map.moo", language)
    labels = {}
    for row in frame[[schema.VILLAGE_CODE, village, schema.VILLAGE_TH, schema.MOO, tambon, amphoe]].itertuples(
            index=False):
        code, name, thai, number, tambon_name, amphoe_name = row
        name = name if isinstance(name, str) and name else thai
        labels[code] = f"{name} {moo} {number} · {tambon_name}, {amphoe_name} ({code})"
    return labels
