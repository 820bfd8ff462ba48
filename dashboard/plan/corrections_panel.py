"""Location corrections on the Plan page: upload a CSV of corrections, and read the corrections in use with
their history. (Placing one village by clicking the map is part of the map's working area.)"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import geodata
from dashboard.common.database import author, get_store
from dashboard.common.dataset import Dataset
from dashboard.common.text import t
from geodata.corrections import CORRECTION_COLUMNS, read_corrections

#: What the last recording did (shown once after the rerun that follows it).
MESSAGE_KEY = "corrections_message"

TEXT = {
    "upload": ("อัปโหลดไฟล์แก้ตำแหน่งหมู่บ้าน (CSV: village_code, lat, lon, source)",
               "Upload location corrections (CSV: village_code, lat, lon, source)"),
    "problems": ("พบปัญหา {n} รายการ ยังไม่บันทึกตำแหน่งใดเลย", "{n} problem(s) found; no location was recorded"),
    "valid": ("ไฟล์ถูกต้อง: {n} หมู่บ้าน", "The file is valid: {n} villages"),
    "warnings": ("ควรตรวจ {n} จุด (อยู่นอกเขตตำบลเล็กน้อย)", "{n} point(s) deserve a second look (just outside "
                                                                  "their tambon)"),
    "record": ("บันทึกตำแหน่งทั้งหมด", "Record these locations"),
    "recorded": ("บันทึกตำแหน่งใหม่ {n} หมู่บ้านแล้ว", "Recorded new locations of {n} villages"),
    "in_use": ("ตำแหน่งที่แก้ไขแล้ว: {n} หมู่บ้าน", "Corrected locations in use: {n} villages"),
    "history_of": ("ประวัติตำแหน่งของหมู่บ้าน", "Location history of a village"),
    "code": ("รหัส", "Code"), "lat": ("ละติจูด", "Latitude"), "lon": ("ลองจิจูด", "Longitude"),
    "source": ("แหล่งที่มา", "Source"), "author": ("ผู้แก้ไข", "By"), "at": ("เมื่อ (UTC)", "When (UTC)"),
    "previous": ("ตำแหน่งเดิม", "Previous point"), "warning": ("ข้อสังเกต", "Note"),
    "row": ("แถว", "Row"), "column": ("คอลัมน์", "Column"), "value": ("ค่า", "Value"),
    "problem": ("ปัญหา", "Problem"), "fix": ("วิธีแก้", "How to fix"),
}


def corrections_panel(dataset: Dataset) -> None:
    """CSV upload of corrections (checked, then recorded at once) and the corrections in use."""
    upload = st.file_uploader(t(TEXT, "upload"), type=["csv"], key="corrections_upload")
    st.caption(", ".join(CORRECTION_COLUMNS))
    if upload is not None:
        try:
            checked = read_corrections(upload.getvalue(), upload.name, dataset.villages, dataset.tambons)
        except geodata.UploadError as error:
            st.error(t(TEXT, "problems", n=len(error.problems)))
            st.dataframe(pd.DataFrame([{t(TEXT, "row"): p.row, t(TEXT, "column"): p.column,
                                        t(TEXT, "value"): p.value, t(TEXT, "problem"): p.message,
                                        t(TEXT, "fix"): p.fix} for p in error.problems]),
                         hide_index=True, key="corrections_problems")
        else:
            st.success(t(TEXT, "valid", n=len(checked)))
            warned = [c for c in checked if c.warning]
            if warned:
                st.warning(t(TEXT, "warnings", n=len(warned)))
            st.dataframe(pd.DataFrame([{t(TEXT, "code"): c.village_code, t(TEXT, "lat"): c.lat,
                                        t(TEXT, "lon"): c.lon, t(TEXT, "source"): c.source,
                                        t(TEXT, "warning"): c.warning or ""} for c in checked]),
                         hide_index=True, key="corrections_preview")
            if st.button(t(TEXT, "record"), key="corrections_record"):
                get_store().add_location_corrections([c.to_new() for c in checked], author=author())
                st.session_state[MESSAGE_KEY] = t(TEXT, "recorded", n=len(checked))
                st.rerun()
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        st.success(message)
    _corrections_in_use()


def _corrections_in_use() -> None:
    db = get_store()
    latest = db.location_corrections()
    st.markdown(t(TEXT, "in_use", n=len(latest)))
    if not latest:
        return
    st.dataframe(_table(latest.values()), hide_index=True, key="corrections_table")
    code = st.selectbox(t(TEXT, "history_of"), sorted(latest), key="corrections_history_code")
    st.dataframe(_table(db.correction_history(code)), hide_index=True, key="corrections_history")


def _table(corrections) -> pd.DataFrame:
    rows = []
    for c in corrections:
        previous = (f"{c.previous.lat:.5f}, {c.previous.lon:.5f} ({c.previous.quality})"
                    if c.previous.lat is not None else "")
        rows.append({t(TEXT, "code"): c.village_code, t(TEXT, "lat"): c.lat, t(TEXT, "lon"): c.lon,
                     t(TEXT, "source"): c.source, t(TEXT, "author"): c.author, t(TEXT, "at"): c.at,
                     t(TEXT, "previous"): previous})
    return pd.DataFrame(rows)
