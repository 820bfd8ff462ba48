"""Export page (district plan files): filled in by the exports issue."""

import streamlit as st

from dashboard.ui import t

TEXT = {"title": ("ส่งออกแผน", "Export the plan"),
        "soon": ("หน้านี้จะสร้างไฟล์แผนของแต่ละอำเภอ (XLSX, PDF, CSV, GeoPackage)",
                 "This page will build each district's plan files (XLSX, PDF, CSV, GeoPackage).")}
st.title(t(TEXT, "title"))
st.info(t(TEXT, "soon"))
