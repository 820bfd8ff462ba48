"""Export page: the plan files each amphoe office receives (XLSX, PDF, CSV, GeoPackage, GeoJSON), or all of them.

Thin: the files are built by geodata.exports (the same code as `rollout export`) through dashboard.export.files.
The built files stay in the session until the choice changes, so clicking one download does not lose the others.
"""

from __future__ import annotations

import contextlib

import streamlit as st

from dashboard.common.dataset import dataset_in_use
from dashboard.common.scenarios import load_scenario, scenario_names
from dashboard.common.text import t
from dashboard.export.files import amphoe_names, amphoe_options, build_downloads, export_request
from geodata.errors import GeodataError
from geodata.exports import ALL_AMPHOES, FORMATS
from planning.errors import PlanningError
from store import StoreError

TEXT = {
    "title": ("ส่งออกแผนรายอำเภอ", "Export district plans"),
    "intro": ("สร้างไฟล์แผนที่แต่ละอำเภอได้รับ: XLSX สำหรับแก้ไข, PDF สำหรับพิมพ์ (แผนที่ สรุป และรายชื่อหมู่บ้าน), "
              "CSV และ GeoPackage/GeoJSON สำหรับโปรแกรม GIS ทุกไฟล์ระบุชื่อฉากทัศน์และวันที่",
              "Build the files each district office receives: XLSX to edit, PDF to print (map, summary, village "
              "list), CSV and GeoPackage/GeoJSON for GIS tools. Every file names the scenario and its date."),
    "scenario": ("แผนทางเลือก (ฉากทัศน์)", "Scenario"),
    "amphoe": ("อำเภอ (พิมพ์ชื่อหรือรหัสเพื่อค้นหา)", "District (type a name or code to search)"),
    "all": ("ทุกอำเภอ และทั้งจังหวัด (zip มีโฟลเดอร์ละอำเภอ)", "Every district and the whole province (zip with a "
            "folder per district)"),
    "formats": ("รูปแบบไฟล์", "Formats"),
    "xlsx": ("XLSX (Excel): สรุป รายชื่อหมู่บ้าน แยกตามระยะ ทีมคุณอำนวย", "XLSX (Excel): summary, villages, one "
             "sheet per wave, roster"),
    "pdf": ("PDF (A4 พิมพ์ได้): แผนที่ สรุป รายชื่อหมู่บ้าน", "PDF (printable A4): map, summary, village list"),
    "csv": ("CSV (UTF-8 เปิดใน Excel ได้)", "CSV (UTF-8, opens in Excel)"),
    "gpkg": ("GeoPackage (QGIS): หมู่บ้านและขอบเขตตำบล", "GeoPackage (QGIS): villages and tambon polygons"),
    "geojson": ("GeoJSON: หมู่บ้านและขอบเขตตำบล", "GeoJSON: villages and tambon polygons"),
    "no_format": ("เลือกรูปแบบไฟล์อย่างน้อย 1 รูปแบบ", "Choose at least one format."),
    "build": ("สร้างไฟล์", "Build the files"),
    "building": ("กำลังสร้างไฟล์…", "Building the files…"),
    "slow_all": ("ทุกอำเภอพร้อม PDF ใช้เวลาประมาณครึ่งนาที", "Every district with PDFs takes about half a minute."),
    "bad_plan": ("ส่งออกแผนนี้ไม่ได้: {error}", "This plan cannot be exported: {error}"),
    "ready": ("สร้างเสร็จ {n} ไฟล์ ใน {seconds:.1f} วินาที", "Built {n} file(s) in {seconds:.1f} s."),
    "stale": ("ไฟล์ด้านล่างสร้างจากตัวเลือกก่อนหน้า กด \"สร้างไฟล์\" เพื่อสร้างใหม่",
              "The files below were built for an earlier choice; press \"Build the files\" to rebuild."),
    "zip": ("ดาวน์โหลดทั้งหมด (zip)", "Download everything (zip)"),
    "province_files": ("ไฟล์ระดับจังหวัด", "Province files"),
    "files": ("ไฟล์ของอำเภอ", "District files"),
    "estimated": ("หมู่บ้านที่ไม่มีพิกัดสำรวจใช้ตำแหน่งโดยประมาณ และถูกระบุว่า \"ตำแหน่งโดยประมาณ (estimated)\" "
                  "ในทุกไฟล์ จำนวนทีมคุณอำนวยที่ยังเป็นค่าประมาณก็ถูกระบุไว้เช่นกัน",
                  "Villages without a surveyed point use an estimated location, marked \"ตำแหน่งโดยประมาณ "
                  "(estimated)\" in every file; an estimated facilitator roster is marked too."),
}
RESULT_KEY = "export_result"

dataset = dataset_in_use()
st.title(t(TEXT, "title"))
st.caption(t(TEXT, "intro"))

names = amphoe_names(dataset.amphoes)
scenario_name = st.selectbox(t(TEXT, "scenario"), scenario_names(), key="exp_scenario")
amphoe = st.selectbox(t(TEXT, "amphoe"), amphoe_options(dataset.amphoes), key="exp_amphoe",
                      format_func=lambda code: t(TEXT, "all") if code == ALL_AMPHOES else names[code])
formats = st.multiselect(t(TEXT, "formats"), list(FORMATS), default=list(FORMATS), key="exp_formats",
                         format_func=lambda fmt: t(TEXT, fmt))
st.info(t(TEXT, "estimated"))
if amphoe == ALL_AMPHOES and "pdf" in formats:
    st.caption(t(TEXT, "slow_all"))

if st.button(t(TEXT, "build"), key="exp_build", type="primary", disabled=not formats):
    bar = st.progress(0.0, text=t(TEXT, "building"))
    try:
        scenario = load_scenario(scenario_name)
        st.session_state[RESULT_KEY] = build_downloads(
            scenario, dataset.villages, dataset.tambons, dataset.amphoes, dataset_version=dataset.version,
            amphoe=amphoe, formats=formats, progress=lambda share, what: bar.progress(share, text=what))
    except (GeodataError, PlanningError, StoreError) as error:
        st.session_state.pop(RESULT_KEY, None)
        st.error(t(TEXT, "bad_plan", error=error))
    bar.empty()
if not formats:
    st.warning(t(TEXT, "no_format"))

result = st.session_state.get(RESULT_KEY)
if result is not None:
    current = None
    with contextlib.suppress(GeodataError, PlanningError, StoreError):
        current = export_request(load_scenario(scenario_name), dataset.version, amphoe, formats)
    if current != result.request:
        st.warning(t(TEXT, "stale"))
    st.success(t(TEXT, "ready", n=result.written, seconds=result.seconds))
    st.download_button(t(TEXT, "zip"), result.archive.data, file_name=result.archive.file_name,
                       mime=result.archive.mime, key="exp_zip", type="primary")
    st.subheader(t(TEXT, "province_files") if result.request[4] == ALL_AMPHOES else t(TEXT, "files"))
    for i, item in enumerate(result.files):
        st.download_button(item.file_name, item.data, file_name=item.file_name, mime=item.mime, key=f"exp_file_{i}")
