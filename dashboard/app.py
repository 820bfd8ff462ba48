"""Entry point: `streamlit run dashboard/app.py`. Sets up the page, the language switch and the navigation.

Page icons are Material Symbols (bundled with Streamlit); the favicon is the app's own file, because a Material
favicon would be fetched from Google's font server, which an offline machine cannot reach.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.errors import error_boundary
from dashboard.i18n import COMMON
from dashboard.plans import author_box, get_store
from dashboard.ui import language_switch, t
from store import StoreError

FAVICON = str(Path(__file__).parent / "static" / "favicon.png")

st.set_page_config(page_title="KM rollout · นครศรีธรรมราช", page_icon=FAVICON, layout="wide")
language_switch()
try:  # a database that cannot be used (outdated schema, unreachable server...) is a message, not a traceback
    get_store()
except StoreError as error:
    st.error(t(COMMON, "database_error", error=error))
    st.stop()
author_box()
pages = [
    st.Page("views/plan.py", title=t(COMMON, "page_plan"), icon=":material/map:", url_path="plan", default=True),
    st.Page("views/coverage.py", title=t(COMMON, "page_coverage"), icon=":material/monitoring:",
            url_path="coverage"),
    st.Page("views/export.py", title=t(COMMON, "page_export"), icon=":material/download:", url_path="export"),
    st.Page("views/data.py", title=t(COMMON, "page_data"), icon=":material/database:", url_path="data"),
]
navigation = st.navigation(pages)
with error_boundary(f"page {navigation.url_path or navigation.title}"):  # an error id, never a traceback
    navigation.run()
