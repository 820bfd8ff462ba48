"""User accounts through the service: admins add, list, disable and enable them and reset passwords.

Passwords are hashed here (`service.passwords`); the store keeps the hash only. The last enabled admin cannot be
disabled (nobody could manage accounts any more), and nobody disables their own account by mistake.
"""

from __future__ import annotations

from collections.abc import Iterable

from service.base import WorkspaceBase
from service.errors import AccessDenied, ServiceError
from service.passwords import hash_password
from service.roles import ADMIN, DISTRICT
from store import ROLES, StoreError, User


class AccountService(WorkspaceBase):
    """Managing accounts (admins only)."""

    def list_users(self) -> list[User]:
        self._allowed("manage_users")
        return self.db.list_users()

    def add_user(self, name: str, password: str, roles: Iterable[str], amphoe: str | None = None) -> User:
        """A new account; its password must be long enough (PasswordRejected), a district user needs an amphoe."""
        self._allowed("manage_users")
        roles = frozenset(str(role).strip().lower() for role in roles)
        unknown = sorted(roles - set(ROLES))
        if unknown or not roles:
            raise ServiceError(f"role {', '.join(unknown) or '(none)'} is not one of {', '.join(ROLES)}",
                               "access.unknown_role", roles=", ".join(ROLES))
        amphoe = (amphoe or "").strip() or None
        if DISTRICT not in roles:
            amphoe = None
        try:
            return self.db.create_user(name, password_hash=hash_password(password), roles=roles, amphoe=amphoe,
                                       created_by=self.actor.name)
        except StoreError as error:
            if DISTRICT in roles and amphoe is None:
                raise ServiceError(f"{error}", "access.district_needs_amphoe") from None
            raise

    def disable_user(self, name: str) -> User:
        """Disable an account and end its sessions; refused for oneself and for the last enabled admin."""
        self._allowed("manage_users")
        if name == self.actor.name:
            raise AccessDenied("you cannot disable your own account; ask another admin", "access.disable_self")
        target = self.db.get_user(name)
        if target is not None and ADMIN in target.roles and not target.disabled:
            admins = [u for u in self.db.list_users() if ADMIN in u.roles and not u.disabled]
            if len(admins) <= 1:
                raise AccessDenied(f"{name} is the last enabled admin; add another admin first",
                                   "access.last_admin", name=name)
        return self.db.disable_user(name)

    def enable_user(self, name: str) -> User:
        self._allowed("manage_users")
        return self.db.enable_user(name)

    def reset_password(self, name: str, password: str) -> None:
        """Give an account a new password (the admin tells its owner) and end its open sessions."""
        self._allowed("manage_users")
        self.db.set_password_hash(name, hash_password(password), end_sessions=True)
