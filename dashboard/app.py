"""Entry point: `streamlit run dashboard/app.py`. Sets up the page, the language switch and the navigation.

Every page has its own address: /coverage, /export, /data, and the Plan page at the root and at /plan (a hidden
second entry for the same script, so /plan does not end on Streamlit's English "page not found"). A redirect
from the root to /plan would cost a second script run on every first visit, so the root serves the page.

Page icons are Material Symbols (bundled with Streamlit); the favicon is the app's own file, because a Material
favicon would be fetched from Google's font server, which an offline machine cannot reach.

A database that cannot be used (outdated schema, unreachable server...) is a message before any page, and an
unexpected error on a page is a message with an error id (dashboard/common/errors.py), never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.common.database import author_box, database_error, get_store
from dashboard.common.errors import error_boundary
from dashboard.common.page_style import page_style
from dashboard.common.text import language_switch, t
from dashboard.common.thai_widgets import thai_widget_text
from store import StoreError

FAVICON = str(Path(__file__).parent / "static" / "favicon.png")

st.set_page_config(page_title=t("common.browser_title"), page_icon=FAVICON, layout="wide")
language_switch()
page_style()
thai_widget_text()
try:
    get_store()
except StoreError as error:
    st.error(database_error(error))
    st.stop()
author_box()
pages = [
    st.Page("plan/page.py", title=t("common.page_plan"), icon=":material/map:", default=True),
    st.Page("plan/page.py", title=t("common.page_plan"), url_path="plan", visibility="hidden"),
    st.Page("coverage/page.py", title=t("common.page_coverage"), icon=":material/monitoring:",
            url_path="coverage"),
    st.Page("export/page.py", title=t("common.page_export"), icon=":material/download:", url_path="export"),
    st.Page("data_page/page.py", title=t("common.page_data"), icon=":material/database:", url_path="data"),
]
navigation = st.navigation(pages)
with error_boundary(f"page {navigation.url_path or navigation.title}"):  # an error id, never a traceback
    navigation.run()
