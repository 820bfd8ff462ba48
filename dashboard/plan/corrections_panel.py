"""Location corrections on the Plan page: upload a CSV of corrections, and read the corrections in use with
their history. (Placing one village by clicking the map is part of the map's working area.)"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import geodata
from dashboard.common.database import workspace
from dashboard.common.dataset import Dataset
from dashboard.common.formatting import MISSING, format_timestamp
from dashboard.common.problem_table import show_problems
from dashboard.common.text import lang, t
from dashboard.common.thai_widgets import limited_file_uploader
from dashboard.common.village_features import quality_label
from geodata import limits
from geodata.corrections import CORRECTION_COLUMNS, read_corrections

#: What the last recording did (shown once after the rerun that follows it).
MESSAGE_KEY = "corrections_message"


def corrections_panel(dataset: Dataset) -> None:
    """CSV upload of corrections (checked, then recorded at once) and the corrections in use."""
    upload = limited_file_uploader(t("plan.corrections.upload"), limits.CORRECTIONS, key="corrections_upload",
                                   type=["csv"])
    st.caption(t("plan.corrections.columns", columns=" ".join(f"`{column}`" for column in CORRECTION_COLUMNS)))
    if upload is not None:
        try:
            checked = read_corrections(upload.getvalue(), upload.name, dataset.villages, dataset.tambons)
        except geodata.UploadError as error:
            st.error(t("plan.corrections.problems", n=len(error.problems)))
            show_problems(error.problems, key="corrections_problems")
        else:
            st.success(t("plan.corrections.valid", n=len(checked)))
            warned = [c for c in checked if c.warning]
            if warned:
                st.warning(t("plan.corrections.warnings", n=len(warned)))
            st.dataframe(pd.DataFrame([{t("plan.corrections.code"): c.village_code, t("plan.corrections.lat"): c.lat,
                                        t("plan.corrections.lon"): c.lon, t("plan.corrections.source"): c.source,
                                        t("plan.corrections.warning"): c.note.text(lang()) if c.note else ""}
                                       for c in checked]),
                         hide_index=True, placeholder=MISSING, key="corrections_preview")
            if st.button(t("plan.corrections.record"), key="corrections_record"):
                workspace().add_location_corrections(checked)
                st.session_state[MESSAGE_KEY] = t("plan.corrections.recorded", n=len(checked))
                st.rerun()
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        st.success(message)
    _corrections_in_use()


def _corrections_in_use() -> None:
    db = workspace()
    latest = db.location_corrections()
    st.markdown(t("plan.corrections.in_use", n=len(latest)))
    if not latest:
        return
    st.dataframe(_table(latest.values()), hide_index=True, placeholder=MISSING, key="corrections_table")
    code = st.selectbox(t("plan.corrections.history_of"), sorted(latest), key="corrections_history_code")
    st.dataframe(_table(db.correction_history(code)), hide_index=True, placeholder=MISSING, key="corrections_history")


def _table(corrections) -> pd.DataFrame:
    rows = []
    for c in corrections:
        previous = (f"{c.previous.lat:.5f}, {c.previous.lon:.5f} ({quality_label(c.previous.quality, lang())})"
                    if c.previous.lat is not None else "")
        rows.append({t("plan.corrections.code"): c.village_code, t("plan.corrections.lat"): c.lat,
                     t("plan.corrections.lon"): c.lon, t("plan.corrections.source"): c.source,
                     t("plan.corrections.author"): c.author, t("plan.corrections.at"): format_timestamp(c.at, lang()),
                     t("plan.corrections.previous"): previous})
    return pd.DataFrame(rows)
