"""Entry point: `streamlit run dashboard/app.py`. Sets up the page, the language switch and the navigation.

Every page has its own address: /plan, /coverage, /export, /data. The app's root address is a hidden start page
that opens /plan (keeping the query, e.g. the scenario), so a bookmark of either form works and no address
ends on Streamlit's "page not found".

Page icons are Material Symbols (bundled with Streamlit); the favicon is the app's own file, because a Material
favicon would be fetched from Google's font server, which an offline machine cannot reach.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.common.database import author_box
from dashboard.common.page_style import page_style
from dashboard.common.text import language_switch, t
from dashboard.common.thai_widgets import thai_widget_text

FAVICON = str(Path(__file__).parent / "static" / "favicon.png")

st.set_page_config(page_title=t("common.browser_title"), page_icon=FAVICON, layout="wide")
language_switch()
page_style()
thai_widget_text()
author_box()
plan_page = st.Page("plan/page.py", title=t("common.page_plan"), icon=":material/map:", url_path="plan")


def _start() -> None:
    """The root address: open the Plan page, keeping the query (a scenario named in an old link)."""
    st.switch_page(plan_page, query_params=st.query_params.to_dict())


pages = [
    st.Page(_start, title=t("common.page_plan"), url_path="start", default=True, visibility="hidden"),
    plan_page,
    st.Page("coverage/page.py", title=t("common.page_coverage"), icon=":material/monitoring:",
            url_path="coverage"),
    st.Page("export/page.py", title=t("common.page_export"), icon=":material/download:", url_path="export"),
    st.Page("data_page/page.py", title=t("common.page_data"), icon=":material/database:", url_path="data"),
]
st.navigation(pages).run()
