"""Logging in and staying logged in: local accounts, login sessions, the failed-login limits, OpenID Connect.

A successful login makes a random session token (`secrets.token_urlsafe`); the browser keeps the token and the
database keeps only its SHA-256 digest, with an expiry, so a stolen database does not open sessions and any
session can be revoked on the server (logging out, disabling the account). Every app process reads the same
records, so a user logged in through one process is logged in through the others.

Failed logins are limited per account (`ACCOUNT_FAILURES` in `FAILURE_WINDOW`) and per address
(`ADDRESS_FAILURES`, more, because an office shares one address): beyond them a login is refused before the
password is even checked, until the window has passed. Refusals do not say whether the name or the password was
wrong.

Where a province runs an identity provider, Streamlit's `st.login` (OpenID Connect) authenticates and the
page passes the ID token's claims to `external_actor`, which maps the roles claim to roles (see README).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from geodata import limits
from service.errors import AccessDenied, LoginRefused, LoginThrottled, ServiceError
from service.passwords import (
    MAX_PASSWORD_CHARS,
    check_new_password,
    generate_password,
    hash_password,
    needs_rehash,
    verify_password,
)
from service.roles import ADMIN, DISTRICT, EXTERNAL, LOCAL, PLANNER, Actor
from store import ROLES, Store, User, UserExistsError

ACCOUNT_FAILURES = 5
ADDRESS_FAILURES = 20
FAILURE_WINDOW = dt.timedelta(minutes=15)
#: How long a login lasts (ROLLOUT_SESSION_HOURS overrides it).
SESSION_HOURS_VARIABLE = "ROLLOUT_SESSION_HOURS"
DEFAULT_SESSION_HOURS = 12
ADMIN_NAME = "admin"
ADMIN_PASSWORD_VARIABLE = "ROLLOUT_ADMIN_PASSWORD"
#: Claims of an identity provider's ID token read by `external_actor` (environment variables override them).
OIDC_NAME_CLAIM_VARIABLE, OIDC_ROLES_CLAIM_VARIABLE, OIDC_AMPHOE_CLAIM_VARIABLE = (
    "ROLLOUT_OIDC_NAME_CLAIM", "ROLLOUT_OIDC_ROLES_CLAIM", "ROLLOUT_OIDC_AMPHOE_CLAIM")
DEFAULT_OIDC_CLAIMS = ("preferred_username", "roles", "amphoe")


@dataclass(frozen=True)
class Login:
    """A login just made: the actor, the session token for the browser (shown nowhere) and its expiry."""

    actor: Actor
    token: str = field(repr=False)
    expires_at: str


def session_lifetime() -> dt.timedelta:
    """How long a login lasts: ROLLOUT_SESSION_HOURS (1 to 720), else 12 hours."""
    raw = os.environ.get(SESSION_HOURS_VARIABLE, "").strip()
    if not raw:
        return dt.timedelta(hours=DEFAULT_SESSION_HOURS)
    if not raw.isdigit() or not 1 <= int(raw) <= 720:
        raise ServiceError(f"{SESSION_HOURS_VARIABLE}={raw!r} is not a number of hours from 1 to 720; unset it for "
                           f"{DEFAULT_SESSION_HOURS} hours")
    return dt.timedelta(hours=int(raw))


def token_digest(token: str) -> str:
    """What the database keeps of a session token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def actor_of(user: User) -> Actor:
    return Actor(user.name, frozenset(user.roles), user.amphoe, LOCAL)


class Gate:
    """Logins, sessions and the first account of a database (a store opened with `service.open_database`)."""

    def __init__(self, db: Store):
        self.db = db

    def log_in(self, name: str, password: str, *, address: str) -> Login:
        """Check a name and password from `address` (the client's IP); a Login, or LoginRefused/LoginThrottled.

        Every attempt that is checked is recorded (with its outcome) for the limits.
        """
        name = (name or "").strip()[:limits.NAME_MAX_CHARS]
        address = (address or "unknown")[:limits.NAME_MAX_CHARS]
        self._refuse_if_throttled(name, address)
        user = self.db.get_user(name) if name else None
        ok = verify_password(user.password_hash if user else None, password) and user is not None \
            and not user.disabled
        self.db.record_login_attempt(name, address, ok=ok)
        if not ok:
            raise LoginRefused("wrong user name or password, or the account is disabled; try again or ask an admin",
                               "access.login_refused")
        if needs_rehash(user.password_hash):
            self.db.set_password_hash(user.name, hash_password(password))
        token = secrets.token_urlsafe(32)
        session = self.db.create_session(user.name, token_digest(token), lifetime=session_lifetime())
        return Login(actor_of(session.user), token, session.expires_at)

    def resume(self, token: str | None) -> Actor | None:
        """The actor of a session token that is still valid (not expired, revoked or of a disabled account)."""
        if not token or not isinstance(token, str) or len(token) > MAX_PASSWORD_CHARS:
            return None
        session = self.db.lookup_session(token_digest(token))
        return None if session is None else actor_of(session.user)

    def log_out(self, token: str | None) -> None:
        """End the session of this token on the server (the browser forgets its copy)."""
        if token and isinstance(token, str) and len(token) <= MAX_PASSWORD_CHARS:
            self.db.revoke_session(token_digest(token))

    def ensure_first_admin(self, password: str | None = None, announce: Callable[[str], None] | None = None
                           ) -> bool:
        """On a database without accounts, create `admin` (roles admin and planner); True if it was created.

        The password is `password`, else ROLLOUT_ADMIN_PASSWORD, else generated and announced once (printed on
        the server's console). Two processes starting at once create it once: the loser says nothing.
        """
        if self.db.count_users():
            return False
        given = password or os.environ.get(ADMIN_PASSWORD_VARIABLE)
        chosen = check_new_password(given) if given else generate_password()
        try:
            self.db.create_user(ADMIN_NAME, password_hash=hash_password(chosen), roles={ADMIN, PLANNER},
                                created_by="first start")
        except UserExistsError:
            return False
        if not given:
            say = announce or (lambda line: print(line, file=sys.stderr, flush=True))
            say(f"KM rollout planner: created the first account '{ADMIN_NAME}' with the password {chosen} ; log "
                "in and change it on the Admin page (this password is shown only once)")
        return True

    def external_actor(self, claims: Mapping[str, object], *, address: str = "identity provider") -> Actor:
        """The actor of an identity provider's ID-token claims (st.user after st.login).

        The name is the `preferred_username` claim (or ROLLOUT_OIDC_NAME_CLAIM, falling back to `email`), the
        roles the `roles` claim (ROLLOUT_OIDC_ROLES_CLAIM: a list or a space/comma-separated text), a district
        user's amphoe the `amphoe` claim (ROLLOUT_OIDC_AMPHOE_CLAIM). A local account of the same name that is
        disabled keeps the person out. AccessDenied when the claims give no usable name or role.
        """
        name_claim, roles_claim, amphoe_claim = (
            os.environ.get(variable) or default for variable, default in
            zip((OIDC_NAME_CLAIM_VARIABLE, OIDC_ROLES_CLAIM_VARIABLE, OIDC_AMPHOE_CLAIM_VARIABLE),
                DEFAULT_OIDC_CLAIMS, strict=True))
        name = str(claims.get(name_claim) or claims.get("email") or "").strip()
        if not name or len(name) > limits.NAME_MAX_CHARS:
            raise AccessDenied(f"the identity provider sent no usable user name (claim {name_claim!r}); ask its "
                               "administrator to add it to the ID token", "access.oidc_no_name", claim=name_claim)
        roles = _claimed_roles(claims.get(roles_claim))
        if not roles:
            raise AccessDenied(f"the identity provider gives {name} no role of this planner (claim {roles_claim!r} "
                               f"should hold one or more of {', '.join(ROLES)})", "access.oidc_no_role",
                               name=name, claim=roles_claim, roles=", ".join(ROLES))
        amphoe = str(claims.get(amphoe_claim) or "").strip() or None
        if DISTRICT in roles and not (amphoe and amphoe.isdigit() and len(amphoe) == 4):
            raise AccessDenied(f"{name} has the district role but no 4-digit amphoe code in claim {amphoe_claim!r}",
                               "access.oidc_no_amphoe", name=name, claim=amphoe_claim)
        local = self.db.get_user(name)
        if local is not None and local.disabled:
            self.db.record_login_attempt(name, address, ok=False)
            raise AccessDenied(f"the account {name} is disabled here; ask an admin", "access.account_disabled",
                               name=name)
        self.db.record_login_attempt(name, address, ok=True)
        return Actor(name, roles, amphoe if DISTRICT in roles else None, EXTERNAL)

    def _refuse_if_throttled(self, name: str, address: str) -> None:
        by_account = self.db.count_recent_failures(within=FAILURE_WINDOW, account=name) if name else 0
        by_address = self.db.count_recent_failures(within=FAILURE_WINDOW, address=address)
        if by_account >= ACCOUNT_FAILURES or by_address >= ADDRESS_FAILURES:
            minutes = int(FAILURE_WINDOW.total_seconds() // 60)
            raise LoginThrottled(f"too many failed logins; wait {minutes} minutes and try again, or ask an admin "
                                 "to reset the password", "access.login_throttled", minutes=minutes)


def _claimed_roles(value: object) -> frozenset[str]:
    if isinstance(value, str):
        items: Iterable[object] = value.replace(",", " ").split()
    elif isinstance(value, list | tuple | set | frozenset):
        items = value
    else:
        return frozenset()
    return frozenset(str(item).strip().lower() for item in items) & set(ROLES)

