"""Entry point: `streamlit run dashboard/app.py`. Sets up the page, the language switch, the login and the
navigation.

Nothing of the plan shows before a login: until then the entry script shows the login form and no page runs
(dashboard/access). After it, the navigation lists only the pages the person's roles may use (the service layer
checks every read and write again): the Plan page for planners, Coverage, Export and Data for whoever reads plans
(a district user sees their amphoe's part), Users for admins. Every page works on the province chosen in
the sidebar (dashboard.common.province_picker), or shows the national view for the whole country. The login is
checked against the database on every run, so a logout, an expiry or an admin disabling the account ends it at
the next click, in every app process.

Every page has its own address: /coverage, /export, /data, /users, and the Plan page at the root and at /plan (a
hidden second entry for the same script, so /plan does not end on Streamlit's English "page not found"). A
redirect from the root to /plan would cost a second script run on every first visit, so the root serves the page.

Page icons are Material Symbols (bundled with Streamlit); the favicon is the app's own file, because a Material
favicon would be fetched from Google's font server, which an offline machine cannot reach.

A database that cannot be used (outdated schema, unreachable server...) is a message before any page, and an
unexpected error on a page is a message with an error id (dashboard/common/errors.py), never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

import service
from dashboard.access import session
from dashboard.access.login import account_box, login_form
from dashboard.common.database import database_error, get_database
from dashboard.common.errors import error_boundary
from dashboard.common.page_style import page_style
from dashboard.common.province_picker import choose_province
from dashboard.common.scenarios import refusal_text
from dashboard.common.text import language_switch, t
from dashboard.common.thai_widgets import thai_widget_text

FAVICON = str(Path(__file__).parent / "static" / "favicon.png")


def pages_for(allowed: service.Permissions) -> list[st.Page]:
    """The pages this person may use, the first being the one the root address opens.

    The first page is the default, whose address is the root; a hidden copy of it keeps its own address too
    (/plan for a planner, /coverage for an executive or a district office, /users for an admin alone), so a link
    or a bookmark to it opens it instead of Streamlit's English "Page not found"."""
    shown = []  # (script, title key, icon, url path)
    if allowed.edit_plans:
        shown.append(("plan/page.py", "common.page_plan", ":material/map:", "plan"))
    if allowed.read_plans:
        shown += [("coverage/page.py", "common.page_coverage", ":material/monitoring:", "coverage"),
                  ("export/page.py", "common.page_export", ":material/download:", "export"),
                  ("data_page/page.py", "common.page_data", ":material/database:", "data")]
    if allowed.manage_users:
        shown.append(("access/admin_page.py", "access.page_admin", ":material/group:", "users"))
    pages = []
    for position, (script, title, icon, path) in enumerate(shown):
        if position == 0:
            pages += [st.Page(script, title=t(title), icon=icon, default=True),
                      st.Page(script, title=t(title), url_path=path, visibility="hidden")]
        else:
            pages.append(st.Page(script, title=t(title), icon=icon, url_path=path))
    return pages


st.set_page_config(page_title=t("common.browser_title"), page_icon=FAVICON, layout="wide")
language_switch()
page_style()
thai_widget_text()
try:
    get_database()
    actor = session.resume()
except service.StoreError as error:
    st.error(database_error(error))
    st.stop()
except service.ServiceError as refused:  # an identity provider's claims that give no role here
    st.error(refusal_text(refused))
    st.stop()
session.keep_cookie()
if actor is None:
    login_form()
    st.stop()
account_box(actor)
choose_province(actor)  # before any page: every page works on the province (or the nation) chosen here
pages = pages_for(actor.permissions)
if not pages:
    st.warning(t("access.nothing_allowed"))
    st.stop()
navigation = st.navigation(pages)
with error_boundary(f"page {navigation.url_path or navigation.title}"):  # an error id, never a traceback
    navigation.run()
