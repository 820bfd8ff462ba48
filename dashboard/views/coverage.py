"""Coverage page (executives): filled in by the coverage issue."""

import streamlit as st

from dashboard.ui import t

TEXT = {"title": ("ความครอบคลุม", "Coverage"),
        "soon": ("หน้านี้จะแสดงความครอบคลุมตามระยะ อำเภอ และปี", "This page will show coverage by wave, district and year.")}
st.title(t(TEXT, "title"))
st.info(t(TEXT, "soon"))
