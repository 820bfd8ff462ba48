"""Saved work for every page, through the service layer: the database (opened once per server) and the
logged-in person's workspace, whose every call the service checks against their role.

Pages never touch the store: they call `workspace()` (a `service.Workspace` for the person logged in to this
browser session). Imports nothing else of the dashboard but the text helpers, so the data set (location
corrections), the scenarios and the login can all use it.
"""

from __future__ import annotations

import streamlit as st

import service
from dashboard.common.text import lang, t, with_detail

#: Where the entry script keeps the actor of this run (dashboard.access.session sets it after checking the login).
ACTOR_KEY = "access_actor"


@st.cache_resource(show_spinner=False)
def get_database():
    """The database (ROLLOUT_DATABASE_URL or the user's data folder), opened once per server process.

    On a database without accounts, the first start creates `admin` (service.Gate.ensure_first_admin: the
    password from ROLLOUT_ADMIN_PASSWORD, or generated and printed once on the server's console). A database
    that cannot be opened raises service.StoreError and is tried again at the next run (nothing is cached).
    """
    db = service.open_database()
    service.Gate(db).ensure_first_admin()
    return db


def current_actor() -> service.Actor | None:
    """The person logged in to this browser session (None before a login)."""
    return st.session_state.get(ACTOR_KEY)


def workspace() -> service.Workspace:
    """The saved work as the logged-in person may use it; AccessDenied if nobody is logged in."""
    actor = current_actor()
    if actor is None:
        raise service.AccessDenied("nobody is logged in; log in first", "access.not_logged_in")
    return service.Workspace(get_database(), actor)


def author() -> str:
    """The logged-in person's name, as the service records it with every change (shown, e.g., in a new
    scenario's suggested name)."""
    actor = current_actor()
    return actor.name if actor else ""


def database_error(error: service.StoreError) -> str:
    """Why the database cannot be used, in the interface language (shown before any page opens).

    The store explains in English, naming the file and the schema; a Thai reader of an outdated database still
    gets the command that upgrades it.
    """
    if isinstance(error, service.DatabaseUpgradeNeededError) and lang() == "th":
        return t("common.database_outdated", command=service.UPGRADE_COMMAND)
    return with_detail(t("common.database_error"), error)
