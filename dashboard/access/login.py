"""The login form, shown instead of any page until someone logs in: nothing of the plan shows before that.

Run by the entry script itself (not as a page of the navigation), so an address such as /coverage opened before
logging in shows this form, and the same address opens once the login succeeded.
"""

from __future__ import annotations

import streamlit as st

import service
from dashboard.access import session
from dashboard.common.database import database_error
from dashboard.common.scenarios import refusal_text
from dashboard.common.text import t
from geodata import limits
from service.passwords import MAX_PASSWORD_CHARS

#: Each role's name, as the sidebar and the Users page show it.
ROLE_NAMES = {service.PLANNER: "access.role.planner", service.DISTRICT: "access.role.district",
              service.EXECUTIVE: "access.role.executive", service.ADMIN: "access.role.admin"}


def role_names(roles) -> str:
    """The roles of an account in words, in the interface language."""
    return ", ".join(t(ROLE_NAMES[role]) for role in sorted(roles) if role in ROLE_NAMES)


def login_form() -> None:
    """The name and password form (and the identity provider's button when one is configured)."""
    st.title(t("access.login_title"))
    st.caption(t("access.login_intro"))
    with st.form("access_login", enter_to_submit=True):
        name = st.text_input(t("access.user_name"), key="access_user", max_chars=limits.NAME_MAX_CHARS)
        password = st.text_input(t("access.password"), key="access_password", type="password",
                                 max_chars=MAX_PASSWORD_CHARS)
        submitted = st.form_submit_button(t("access.log_in"), type="primary", key="access_submit")
    if submitted:
        try:
            session.log_in(name, password)
        except service.LoginThrottled as refused:
            st.error(t("access.login_throttled", **refused.values))
        except service.LoginRefused:
            st.error(t("access.login_refused"))
        except service.StoreError as error:
            st.error(database_error(error))
        except service.ServiceError as refused:
            st.error(refusal_text(refused))
        else:
            st.rerun()
    if session.oidc_configured():
        st.button(t("access.log_in_external"), key="access_oidc", on_click=st.login)


def account_box(actor: service.Actor) -> None:
    """Who is logged in, in the sidebar of every page, and the button to log out."""
    roles = role_names(actor.roles)
    where = f" · {t('access.logged_in_amphoe', amphoe=actor.amphoe)}" if actor.amphoe else ""
    st.sidebar.caption(t("access.logged_in_as", name=actor.name, roles=roles) + where)
    st.sidebar.button(t("access.log_out"), key="access_log_out", on_click=session.log_out)
