"""Who is logged in to this browser session, and how a reload keeps the login.

After a login the service gives a random session token; the database keeps only its digest, with an expiry, and
any session can be revoked there (logging out, an admin disabling the account or resetting its password). Every
run of every page asks the database whether the token is still valid, so a revoked login ends at the next click,
in every app process.

Across a reload the browser keeps the token in a cookie, `km_session`, set from the page by a small script
(Streamlit has no way to set a cookie from the server) and read back with `st.context.cookies` when the browser
connects again. Trade-off: a cookie set by a script cannot be HttpOnly, so a script injected into the page could
read it; the cookie is SameSite=Strict, Secure over HTTPS, expires with the session, is never in a URL, and the
session it names can be revoked on the server. The alternative, asking for the password again after every
reload, was judged worse for planners who reload often. An identity provider's login (OpenID Connect through
`st.login`) keeps Streamlit's own HttpOnly cookie instead.
"""

from __future__ import annotations

import json

import streamlit as st

import service
from dashboard.common.database import ACTOR_KEY, get_database

COOKIE = "km_session"
TOKEN_KEY = "access_token"
EXTERNAL_KEY = "access_external"
_LOOPBACK = {None, "", "127.0.0.1", "::1", "localhost"}


def gate() -> service.Gate:
    return service.Gate(get_database())


def client_address() -> str:
    """The browser's address for the failed-login limit: the proxy's X-Real-IP / X-Forwarded-For when the request
    came through a proxy on this machine, else the connection's own address."""
    address = getattr(st.context, "ip_address", None)
    address = address if isinstance(address, str) else None  # None when run locally (and in AppTest)
    if address in _LOOPBACK:
        headers = st.context.headers
        real = headers.get("X-Real-Ip")
        forwarded = headers.get("X-Forwarded-For")
        first = real if isinstance(real, str) and real else (forwarded.split(",")[0].strip()
                                                              if isinstance(forwarded, str) else "")
        return first[:64] or address or "local"
    return address


def oidc_configured() -> bool:
    """True when `[auth]` is set in Streamlit's secrets (an identity provider for st.login)."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError, AttributeError):
        return False
    except Exception:  # noqa: BLE001 - a malformed secrets file: no identity provider, say it in the server log
        return False


def resume() -> service.Actor | None:
    """The actor of this browser session if its login is still valid (checked in the database on every run).

    Raises service.StoreError when the database cannot be reached (the app says so and stops).
    """
    token = st.session_state.get(TOKEN_KEY) or st.context.cookies.get(COOKIE)
    actor = gate().resume(token) if token else None
    if actor is None and oidc_configured() and st.user.is_logged_in:
        actor = _external_actor()
    if actor is None:
        st.session_state.pop(TOKEN_KEY, None)
    elif token:
        st.session_state[TOKEN_KEY] = token
    st.session_state[ACTOR_KEY] = actor
    return actor


def _external_actor() -> service.Actor:
    """The identity provider's person, mapped once per browser session (the login is recorded once); the service
    checks before every write that no disabled local account of that name keeps them out."""
    claims = st.user.to_dict()
    known = st.session_state.get(EXTERNAL_KEY)
    if known is not None and known[0] == claims:
        return known[1]
    actor = gate().external_actor(claims, address=client_address())
    st.session_state[EXTERNAL_KEY] = (claims, actor)
    return actor


def log_in(name: str, password: str) -> service.Actor:
    """Log in with a local account; raises LoginRefused / LoginThrottled / StoreError with the reason."""
    login = gate().log_in(name, password, address=client_address())
    st.session_state[TOKEN_KEY] = login.token
    st.session_state[ACTOR_KEY] = login.actor
    return login.actor


def log_out() -> None:
    """End the login: revoked in the database, forgotten here, and the browser's cookie expired."""
    gate().log_out(st.session_state.pop(TOKEN_KEY, None) or st.context.cookies.get(COOKIE))
    st.session_state[ACTOR_KEY] = None
    if oidc_configured() and st.user.is_logged_in:
        st.session_state.pop(EXTERNAL_KEY, None)
        st.logout()


def keep_cookie() -> None:
    """Make the browser's cookie match this session: set it after a login, expire it after a logout."""
    token = st.session_state.get(TOKEN_KEY)
    if token == st.context.cookies.get(COOKIE) or (token is None and not st.context.cookies.get(COOKIE)):
        return
    if token:
        seconds = int(service.logins.session_lifetime().total_seconds())
        value = f"{COOKIE}={token}; Path=/; Max-Age={seconds}; SameSite=Strict"
    else:
        value = f"{COOKIE}=; Path=/; Max-Age=0; SameSite=Strict"
    script = (f"<script>document.cookie = {json.dumps(value)} + "
              "(location.protocol === 'https:' ? '; Secure' : '');</script>")
    st.html(script, unsafe_allow_javascript=True)
