"""Who is asking, and what their roles let them do: the one place that says it.

Roles (an account may hold several):
- ``planner``: edits scenarios (waves, rosters, locks, pilots, optimising), marks the official plan, corrects
  village locations, and records six-step progress for any village;
- ``district``: tied to one amphoe; reads that amphoe's part of the plans and progress, and records progress
  for that amphoe's villages only;
- ``executive``: reads everything, changes nothing;
- ``admin``: manages user accounts, nothing else (the first account, ``admin``, is also a planner).

A village belongs to the amphoe its DOPA code starts with (village 80010601 is in amphoe 8001): the codes are
hierarchical, so the service can check a district user's scope without loading the data set.
"""

from __future__ import annotations

from dataclasses import dataclass

from store import ROLES

PLANNER, DISTRICT, EXECUTIVE, ADMIN = "planner", "district", "executive", "admin"
assert set(ROLES) == {PLANNER, DISTRICT, EXECUTIVE, ADMIN}, "store.ROLES and service.roles disagree"
#: Where an actor's identity comes from: a local account (re-read from the database before every write), an
#: identity provider (OpenID Connect through st.login), or the command line (whoever holds the database URL).
LOCAL, EXTERNAL, COMMAND_LINE = "local", "oidc", "cli"


@dataclass(frozen=True)
class Actor:
    """The person asking: their name (recorded with every change), roles, amphoe (district users) and origin.

    Only the service makes actors (a login, a session resumed, an identity provider's claims, the command line),
    and it re-checks a local account against the database before every write.
    """

    name: str
    roles: frozenset[str]
    amphoe: str | None = None
    origin: str = LOCAL

    def has(self, role: str) -> bool:
        return role in self.roles

    @property
    def permissions(self) -> Permissions:
        return permissions(self)


@dataclass(frozen=True)
class Permissions:
    """What an actor may see and do; pages show only these, and the service refuses the rest.

    ``amphoe`` is the one amphoe a district user's reading and reporting is limited to (None: the province).
    """

    read_plans: bool
    amphoe: str | None
    edit_plans: bool
    report_progress: bool
    correct_locations: bool
    manage_users: bool

    def covers(self, village_code: str) -> bool:
        """True if the village is within this actor's scope (its amphoe, or the whole province)."""
        return self.amphoe is None or amphoe_of(village_code) == self.amphoe


def permissions(actor: Actor) -> Permissions:
    province_wide = actor.has(PLANNER) or actor.has(EXECUTIVE)
    district = actor.has(DISTRICT) and actor.amphoe is not None
    return Permissions(
        read_plans=province_wide or district,
        amphoe=None if province_wide or not district else actor.amphoe,
        edit_plans=actor.has(PLANNER),
        report_progress=actor.has(PLANNER) or district,
        correct_locations=actor.has(PLANNER),
        manage_users=actor.has(ADMIN))


def amphoe_of(village_code: str) -> str:
    """The DOPA amphoe code a village (or tambon) code starts with: 80010601 -> 8001."""
    return str(village_code)[:4]
