"""What every part of the workspace shares: the database, the person asking, and the checks of their rights."""

from __future__ import annotations

from service.errors import AccessDenied
from service.roles import COMMAND_LINE, EXTERNAL, LOCAL, Actor, Permissions, permissions
from store import Store

#: Each permission's refusal: what it is called in English, and the catalogue's message for the pages.
_REFUSAL = {"read_plans": ("read plans", "access.denied.read_plans"),
            "edit_plans": ("change plans", "access.denied.edit_plans"),
            "report_progress": ("report progress", "access.denied.report_progress"),
            "correct_locations": ("correct village locations", "access.denied.correct_locations"),
            "manage_users": ("manage user accounts", "access.denied.manage_users")}


class WorkspaceBase:
    """The database and the actor; `_allowed` checks a permission against the account as the database has it."""

    def __init__(self, db: Store, actor: Actor):
        self.db = db
        self.actor = actor

    @property
    def permissions(self) -> Permissions:
        """What this actor may do (as the pages show it; writes re-check against the database)."""
        return permissions(self.actor)

    def _allowed(self, permission: str) -> Permissions:
        """The actor's permissions if they include `permission`, checked against the account as stored now (a
        role taken away or an account disabled since login counts); AccessDenied otherwise, before any write."""
        current = self._current_actor()
        granted = permissions(current)
        if not getattr(granted, permission):
            doing, key = _REFUSAL[permission]
            raise AccessDenied(f"{current.name} ({', '.join(sorted(current.roles)) or 'no role'}) may not {doing}; "
                               "ask an admin for the role that may", key, name=current.name,
                               roles=", ".join(sorted(current.roles)))
        return granted

    def _current_actor(self) -> Actor:
        if self.actor.origin == COMMAND_LINE:
            return self.actor
        user = self.db.get_user(self.actor.name)
        if self.actor.origin == EXTERNAL:  # roles come from the identity provider; a disabled local twin keeps out
            if user is not None and user.disabled:
                raise AccessDenied(f"the account {self.actor.name} is disabled here; ask an admin",
                                   "access.account_disabled", name=self.actor.name)
            return self.actor
        if user is None or user.disabled:
            raise AccessDenied(f"the account {self.actor.name} is disabled or gone; log in again or ask an admin",
                               "access.account_disabled", name=self.actor.name)
        return Actor(user.name, frozenset(user.roles), user.amphoe, LOCAL)

    def _outside_scope(self, granted: Permissions, village_codes) -> list[str]:
        """The villages of `village_codes` outside a district user's amphoe (sorted; empty for the province)."""
        return sorted({code for code in village_codes if not granted.covers(code)})
