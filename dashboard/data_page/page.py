"""Data page: what the data set holds, where it comes from, and checking a planner's own files."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import geodata
from dashboard.common.dataset import (
    EMBEDDED,
    dataset_in_use,
    embedded_dataset,
    reset_to_embedded,
    use_uploaded_villages,
)
from dashboard.common.formatting import format_number
from dashboard.common.text import t
from geodata.summary import dataset_counts
from geodata.uploads import read_boundaries, read_village_list

TEXT = {
    "title": ("ข้อมูล", "Data"),
    "in_use": ("ชุดข้อมูลที่ใช้อยู่: {name}", "Data set in use: {name}"),
    "embedded": ("ข้อมูลฝังในโปรแกรม (นครศรีธรรมราช)", "embedded data (Nakhon Si Thammarat)"),
    "counts": ("จำนวน", "Counts"),
    "what": ("รายการ", "Item"),
    "count": ("จำนวน", "Count"),
    "n_amphoe": ("อำเภอ", "Districts (amphoe)"),
    "n_tambon": ("ตำบล", "Subdistricts (tambon)"),
    "n_tambon_villages": ("ตำบลที่มีหมู่บ้าน", "Subdistricts with villages"),
    "n_villages": ("หมู่บ้าน", "Villages"),
    "n_located": ("หมู่บ้านที่มีพิกัดจากการจับคู่ชื่อ", "Villages with a matched point"),
    "n_estimated": ("หมู่บ้านที่ใช้ตำแหน่งโดยประมาณ", "Villages with an estimated location"),
    "n_population": ("ประชากร (ทะเบียนราษฎร์ 31 ธ.ค. 2564)", "Population (DOPA register, 31 Dec 2021)"),
    "n_households": ("ครัวเรือน", "Households"),
    "sources": ("แหล่งข้อมูลและการอ้างอิง", "Sources and credits"),
    "upload_villages": ("ตรวจสอบรายชื่อหมู่บ้าน (CSV หรือ XLSX)", "Check a village list (CSV or XLSX)"),
    "upload_help": ("คอลัมน์ที่ต้องมี: village_code, moo, village_th, tambon_code, amphoe_code; "
                    "เลือกได้: village_en, lat, lon. รองรับ UTF-8 และ Windows-874",
                    "Required columns: village_code, moo, village_th, tambon_code, amphoe_code; optional: "
                    "village_en, lat, lon. UTF-8 or Windows-874 text."),
    "problems": ("พบปัญหา {n} รายการ ไฟล์นี้ยังไม่ถูกนำไปใช้ ข้อมูลที่ใช้อยู่ไม่เปลี่ยนแปลง",
                 "{n} problem(s) found. The file was not used; the data set in use is unchanged."),
    "valid": ("ไฟล์ถูกต้อง: {n} หมู่บ้าน ({estimated} หมู่บ้านใช้ตำแหน่งโดยประมาณ)",
              "The file is valid: {n} villages ({estimated} with an estimated location)."),
    "use_it": ("ใช้รายชื่อนี้ในการวางแผน", "Use this list for planning"),
    "now_using": ("กำลังใช้รายชื่อหมู่บ้านจาก {name}", "Now using the village list from {name}."),
    "back_to_embedded": ("กลับไปใช้ข้อมูลฝังในโปรแกรม", "Return to the embedded data"),
    "upload_boundaries": ("ตรวจสอบไฟล์ขอบเขตตำบล (GeoJSON, GeoPackage, Shapefile แบบ zip)",
                          "Check a tambon boundary file (GeoJSON, GeoPackage, zipped Shapefile)"),
    "boundaries_valid": ("ไฟล์ขอบเขตถูกต้อง: {n} ตำบล (ตรวจสอบเท่านั้น ยังไม่แทนขอบเขตที่ใช้อยู่)",
                         "The boundary file is valid: {n} tambons (checked only; it does not replace the "
                         "boundaries in use)."),
    "row": ("แถว", "Row"), "column": ("คอลัมน์", "Column"), "value": ("ค่า", "Value"),
    "problem": ("ปัญหา", "Problem"), "fix": ("วิธีแก้", "How to fix"), "check": ("การตรวจ", "Check"),
}


def problem_table(problems) -> pd.DataFrame:
    return pd.DataFrame([{t(TEXT, "row"): p.row, t(TEXT, "column"): p.column, t(TEXT, "value"): p.value,
                          t(TEXT, "problem"): p.message, t(TEXT, "fix"): p.fix, t(TEXT, "check"): p.check}
                         for p in problems])


dataset = dataset_in_use()
st.title(t(TEXT, "title"))
st.info(t(TEXT, "in_use", name=t(TEXT, "embedded") if dataset.name == EMBEDDED else dataset.name))
if dataset.name != EMBEDDED and st.button(t(TEXT, "back_to_embedded"), key="reset_dataset"):
    reset_to_embedded()
    st.rerun()

counts = dataset_counts(dataset.villages, dataset.tambons, dataset.amphoes)
st.subheader(t(TEXT, "counts"))
rows = [("n_amphoe", counts.amphoes), ("n_tambon", counts.tambons),
        ("n_tambon_villages", counts.tambons_with_villages), ("n_villages", counts.villages),
        ("n_located", counts.villages_located), ("n_estimated", counts.villages_estimated),
        ("n_population", counts.population), ("n_households", counts.households)]
st.table(pd.DataFrame({t(TEXT, "what"): [t(TEXT, k) for k, _ in rows],
                       t(TEXT, "count"): [format_number(v) for _, v in rows]}).set_index(t(TEXT, "what")))

st.subheader(t(TEXT, "upload_villages"))
st.caption(t(TEXT, "upload_help"))
upload = st.file_uploader(t(TEXT, "upload_villages"), type=["csv", "xlsx"], key="village_upload",
                          label_visibility="collapsed")
if upload is not None:
    try:
        candidate = read_village_list(upload.getvalue(), upload.name, dataset.tambons,
                                      known_points=embedded_dataset().villages)
    except geodata.UploadError as error:
        st.error(t(TEXT, "problems", n=format_number(len(error.problems))))
        st.dataframe(problem_table(error.problems), hide_index=True, use_container_width=True)
    else:
        estimated = int((candidate["location_quality"] == "estimated").sum())
        st.success(t(TEXT, "valid", n=format_number(len(candidate)), estimated=format_number(estimated)))
        if st.button(t(TEXT, "use_it"), key="use_upload"):
            use_uploaded_villages(upload.name, candidate)
            st.success(t(TEXT, "now_using", name=upload.name))

st.subheader(t(TEXT, "upload_boundaries"))
boundary_upload = st.file_uploader(t(TEXT, "upload_boundaries"), type=["geojson", "json", "gpkg", "zip"],
                                   key="boundary_upload", label_visibility="collapsed")
if boundary_upload is not None:
    try:
        boundaries = read_boundaries(boundary_upload.getvalue(), boundary_upload.name, level="tambon")
    except geodata.UploadError as error:
        st.error(t(TEXT, "problems", n=format_number(len(error.problems))))
        st.dataframe(problem_table(error.problems), hide_index=True, use_container_width=True)
    else:
        st.success(t(TEXT, "boundaries_valid", n=format_number(len(boundaries))))

st.subheader(t(TEXT, "sources"))
st.markdown(geodata.sources_markdown())
