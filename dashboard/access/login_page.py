"""The login page: the only page before a login, so nothing of the plan shows to someone not logged in."""

from __future__ import annotations

import streamlit as st

import service
from dashboard.access import session
from dashboard.common.text import t, with_english_detail

st.title(t("access.login_title"))
st.caption(t("access.login_intro"))
with st.form("access_login", enter_to_submit=True):
    name = st.text_input(t("access.user_name"), key="access_user", max_chars=100)
    password = st.text_input(t("access.password"), key="access_password", type="password", max_chars=256)
    submitted = st.form_submit_button(t("access.log_in"), type="primary")
if submitted:
    try:
        session.log_in(name, password)
    except service.LoginThrottled as refused:
        st.error(t("access.login_throttled", **refused.values))
    except service.LoginRefused:
        st.error(t("access.login_refused"))
    except service.StoreError as error:
        st.error(with_english_detail(t("access.database_unavailable"), error))
    else:
        st.rerun()
if session.oidc_configured():
    st.button(t("access.log_in_external"), key="access_oidc", on_click=st.login)
