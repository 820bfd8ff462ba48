"""Accounts, login sessions and login attempts: what the service layer needs to log people in and keep them out.

The store keeps records and refuses malformed ones; it does not decide who may do what, and it never sees a
password or a session token: the service layer hashes both (argon2/bcrypt for passwords, a digest for tokens)
and the store keeps the hash strings. Disabling an account revokes its sessions in the same transaction.
Login attempts are kept so the service can limit failed logins per account and per address.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, RowMapping, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from store.database import Store
from store.errors import StoreError, UnknownUserError, UserExistsError
from store.tables import login_attempts, login_sessions, users

#: The roles an account may hold (what each allows is the service layer's to say).
ROLES = ("admin", "district", "executive", "planner")
DISTRICT_ROLE = "district"
_AMPHOE_CODE = re.compile(r"^\d{4}$")
_NAME_LIMIT = 64


@dataclass(frozen=True)
class User:
    """An account. `amphoe` is the DOPA code of a district user's amphoe (None for other roles)."""

    name: str
    roles: frozenset[str]
    amphoe: str | None
    disabled: bool
    created_at: str
    created_by: str
    password_hash: str = field(repr=False)


@dataclass(frozen=True)
class LoginSession:
    """A login that is still valid: whose it is and until when (ISO UTC times)."""

    user: User
    created_at: str
    expires_at: str


class UserStore(Store):
    """Account, session and login-attempt methods of the store."""

    def create_user(self, name: str, *, password_hash: str, roles: Iterable[str], amphoe: str | None = None,
                    created_by: str) -> User:
        """Add an account (UserExistsError if the name is taken). A district user needs an amphoe."""
        name = _check_name(name)
        roles = _check_roles(roles, amphoe)
        _check_hash(password_hash)
        if not isinstance(created_by, str) or not created_by.strip():
            raise StoreError(f"creating user {name!r} needs the name of who creates it")
        values = {"name": name, "password_hash": password_hash, "roles": " ".join(sorted(roles)),
                  "amphoe": amphoe, "disabled": False, "created_at": self._stamp(), "created_by": created_by.strip()}
        with self.transaction() as conn:
            try:
                conn.execute(insert(users).values(**values))
            except IntegrityError:  # the name is the only unique column written
                raise UserExistsError(name) from None
        return _user(values)

    def get_user(self, name: str) -> User | None:
        """The account named `name` (exactly), or None."""
        rows = self.read(select(users).where(users.c.name == name))
        return _user(rows[0]) if rows else None

    def list_users(self) -> list[User]:
        return [_user(row) for row in self.read(select(users).order_by(users.c.name))]

    def count_users(self) -> int:
        return int(self.read(select(func.count().label("n")).select_from(users))[0]["n"])

    def disable_user(self, name: str) -> User:
        """Disable an account and revoke its sessions (UnknownUserError if there is none)."""
        with self.transaction() as conn:
            user_id = _set(conn, name, disabled=True)
            conn.execute(update(login_sessions).where(login_sessions.c.user_id == user_id,
                                                      login_sessions.c.revoked_at.is_(None))
                         .values(revoked_at=self._stamp()))
            return _user(conn.execute(select(users).where(users.c.id == user_id)).mappings().one())

    def enable_user(self, name: str) -> User:
        """Enable a disabled account again (its old sessions stay revoked)."""
        with self.transaction() as conn:
            user_id = _set(conn, name, disabled=False)
            return _user(conn.execute(select(users).where(users.c.id == user_id)).mappings().one())

    def set_password_hash(self, name: str, password_hash: str, *, end_sessions: bool = False) -> None:
        """Replace an account's password hash; with `end_sessions`, its open sessions are revoked with it."""
        _check_hash(password_hash)
        with self.transaction() as conn:
            user_id = _set(conn, name, password_hash=password_hash)
            if end_sessions:
                conn.execute(update(login_sessions).where(login_sessions.c.user_id == user_id,
                                                          login_sessions.c.revoked_at.is_(None))
                             .values(revoked_at=self._stamp()))

    def record_login_attempt(self, account: str, address: str, *, ok: bool) -> None:
        """Keep one login attempt: the account name tried, the client's address, and whether it succeeded."""
        with self.transaction() as conn:
            conn.execute(insert(login_attempts).values(account=str(account), address=str(address),
                                                       at=self._stamp(), ok=bool(ok)))

    def count_recent_failures(self, *, within: dt.timedelta, account: str | None = None,
                              address: str | None = None) -> int:
        """Failed attempts in the last `within`, for an account, an address, or both together."""
        if account is None and address is None:
            raise StoreError("count failed logins for an account, an address or both")
        since = self._stamp(self.clock() - within)
        t = login_attempts.c
        query = select(func.count().label("n")).select_from(login_attempts).where(t.ok.is_(False), t.at >= since)
        if account is not None:
            query = query.where(t.account == account)
        if address is not None:
            query = query.where(t.address == address)
        return int(self.read(query)[0]["n"])

    def create_session(self, user_name: str, token_hash: str, *, lifetime: dt.timedelta) -> LoginSession:
        """Record a login of `user_name` valid for `lifetime`; `token_hash` identifies it from now on."""
        if not isinstance(token_hash, str) or len(token_hash) < 32:
            raise StoreError("a session needs the hash of its token (at least 32 characters), never the token")
        if lifetime <= dt.timedelta(0):
            raise StoreError(f"a session's lifetime must be positive, got {lifetime}")
        now = self.clock()
        with self.transaction() as conn:
            row = conn.execute(select(users).where(users.c.name == user_name)).mappings().first()
            if row is None:
                raise UnknownUserError(user_name)
            if row["disabled"]:
                raise StoreError(f"user {user_name!r} is disabled; an admin can enable the account")
            values = {"token_hash": token_hash, "user_id": row["id"], "created_at": self._stamp(now),
                      "expires_at": self._stamp(now + lifetime)}
            conn.execute(insert(login_sessions).values(**values))
        return LoginSession(_user(row), values["created_at"], values["expires_at"])

    def lookup_session(self, token_hash: str) -> LoginSession | None:
        """The valid session with this token hash: None if unknown, expired, revoked, or its user is disabled."""
        s = login_sessions.c
        rows = self.read(select(users, s.created_at.label("session_created_at"), s.expires_at)
                         .select_from(login_sessions).join(users, users.c.id == s.user_id)
                         .where(s.token_hash == token_hash, s.revoked_at.is_(None), s.expires_at > self._stamp(),
                                users.c.disabled.is_(False)))
        if not rows:
            return None
        return LoginSession(_user(rows[0]), rows[0]["session_created_at"], rows[0]["expires_at"])

    def revoke_session(self, token_hash: str) -> bool:
        """End a session (logout); False if there was no such session still open."""
        with self.transaction() as conn:
            done = conn.execute(update(login_sessions).where(login_sessions.c.token_hash == token_hash,
                                                             login_sessions.c.revoked_at.is_(None))
                                .values(revoked_at=self._stamp()))
            return done.rowcount > 0

    def _stamp(self, moment: dt.datetime | None = None) -> str:
        """An ISO UTC time with microseconds, always the same width, so times compare as text."""
        return (moment or self.clock()).astimezone(dt.UTC).isoformat(timespec="microseconds")


def _set(conn: Connection, name: str, **values) -> int:
    user_id = conn.execute(update(users).where(users.c.name == name).values(**values).returning(users.c.id)).scalar()
    if user_id is None:
        raise UnknownUserError(name)
    return user_id


def _user(row: RowMapping | dict) -> User:
    return User(row["name"], frozenset(row["roles"].split()), row["amphoe"], bool(row["disabled"]),
                row["created_at"], row["created_by"], row["password_hash"])


def _check_name(name: str) -> str:
    if not isinstance(name, str) or not name.strip():
        raise StoreError("a user needs a name")
    name = name.strip()
    if len(name) > _NAME_LIMIT or any(ch.isspace() or not ch.isprintable() for ch in name):
        raise StoreError(f"user name {name!r} must be one word of at most {_NAME_LIMIT} characters, no spaces")
    return name


def _check_roles(roles: Iterable[str], amphoe: str | None) -> frozenset[str]:
    roles = frozenset(roles)
    unknown = sorted(roles - set(ROLES))
    if unknown or not roles:
        raise StoreError(f"roles {sorted(roles)!r} are not valid: give one or more of {', '.join(ROLES)}")
    if DISTRICT_ROLE in roles:
        if not isinstance(amphoe, str) or not _AMPHOE_CODE.match(amphoe):
            raise StoreError(f"a district user needs the 4-digit DOPA code of their amphoe (e.g. 8001), "
                             f"got {amphoe!r}")
    elif amphoe is not None:
        raise StoreError(f"amphoe {amphoe!r} is only for district users; leave it out or add the district role")
    return roles


def _check_hash(password_hash: str) -> None:
    # Hashes of maintained libraries start with '$' (argon2's PHC string, bcrypt's $2b$): a guard against
    # storing a password itself by mistake.
    if not isinstance(password_hash, str) or not password_hash.startswith("$") or len(password_hash) < 20:
        raise StoreError("the store keeps a password hash (e.g. '$argon2id$...'), never the password itself")
