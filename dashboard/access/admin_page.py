"""The Admin page: every account, adding one, disabling or enabling one, resetting a password (admins only;
the service refuses anyone else whatever the page shows)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import service
from dashboard.access.login import ROLE_NAMES, role_names
from dashboard.common.database import workspace
from dashboard.common.formatting import format_timestamp
from dashboard.common.scenarios import refusal_text
from dashboard.common.text import lang, t
from service.passwords import MAX_PASSWORD_CHARS

ROLES = tuple(ROLE_NAMES)

st.title(t("access.admin_title"))
work = workspace()
for kind, message in st.session_state.pop("access_admin_done", []):
    (st.success if kind == "ok" else st.error)(message)


def _done(kind: str, message: str) -> None:
    st.session_state.setdefault("access_admin_done", []).append((kind, message))


def _password_twice(prefix: str) -> tuple[str, str]:
    """The new password and its repetition (typed twice, so a typing slip is caught before it is saved)."""
    first = st.text_input(t("access.password"), type="password", key=f"{prefix}_password",
                          max_chars=MAX_PASSWORD_CHARS)
    again = st.text_input(t("access.password_again"), type="password", key=f"{prefix}_again",
                          max_chars=MAX_PASSWORD_CHARS)
    return first, again


try:
    users = work.list_users()
except service.REFUSALS as error:
    st.error(refusal_text(error))
    st.stop()

st.subheader(t("access.admin_list"))
st.dataframe(pd.DataFrame({
    t("access.column_name"): [u.name for u in users],
    t("access.column_roles"): [role_names(u.roles) for u in users],
    t("access.column_amphoe"): [u.amphoe or "" for u in users],
    t("access.column_state"): [t("access.state_disabled") if u.disabled else t("access.state_enabled")
                               for u in users],
    t("access.column_created"): [format_timestamp(u.created_at, lang()) for u in users],
    t("access.column_created_by"): [u.created_by for u in users],
}), hide_index=True, width="stretch", key="access_users_table")

left, middle, right = st.columns(3)
with left, st.form("access_add_user"):
    st.subheader(t("access.add_user"))
    name = st.text_input(t("access.user_name"), key="access_new_name", max_chars=64)
    st.caption(t("access.roles"))
    roles = [role for role in ROLES if st.checkbox(t(ROLE_NAMES[role]), key=f"access_new_role_{role}")]
    amphoe = st.text_input(t("access.amphoe_of_district"), key="access_new_amphoe", max_chars=4)
    first, again = _password_twice("access_new")
    if st.form_submit_button(t("access.add"), type="primary"):
        if first != again:
            _done("error", t("access.passwords_differ"))
        else:
            try:
                added = work.add_user(name, first, roles, amphoe or None)
            except service.REFUSALS as error:
                _done("error", refusal_text(error))
            else:
                _done("ok", t("access.added", name=added.name))
        st.rerun()

names = [u.name for u in users]
with middle, st.form("access_switch_user"):
    st.subheader(t("access.disable_user"))
    chosen = st.selectbox(t("access.account"), names, key="access_switch_name")
    disable = st.form_submit_button(t("access.disable"))
    enable = st.form_submit_button(t("access.enable"))
    if disable or enable:
        try:
            changed = work.disable_user(chosen) if disable else work.enable_user(chosen)
        except service.REFUSALS as error:
            _done("error", refusal_text(error))
        else:
            _done("ok", t("access.disabled_done" if changed.disabled else "access.enabled_done", name=changed.name))
        st.rerun()

with right, st.form("access_reset_password", clear_on_submit=True):
    st.subheader(t("access.reset_password"))
    whose = st.selectbox(t("access.account"), names, key="access_reset_name")
    first, again = _password_twice("access_reset")
    if st.form_submit_button(t("access.reset")):
        if first != again:
            _done("error", t("access.passwords_differ"))
        else:
            try:
                work.reset_password(whose, first)
            except service.REFUSALS as error:
                _done("error", refusal_text(error))
            else:
                _done("ok", t("access.reset_done", name=whose))
        st.rerun()
