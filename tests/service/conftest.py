"""A database (SQLite and PostgreSQL, every test twice) with one account of each role.

The accounts share one password hash, made once per session (Argon2id is slow on purpose; logging in is tested
on its own in test_logins.py); their actors are those a login gives, and every write re-checks them against
these accounts in the database.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from service import ADMIN, DISTRICT, EXECUTIVE, PLANNER, Actor, Workspace
from service.logins import actor_of
from service.passwords import hash_password
from store import open_store

PASSWORD = "correct horse battery"
#: name -> (roles, amphoe) of the accounts every service test has.
ACCOUNTS = {
    "planner": ({PLANNER}, None),
    "district": ({DISTRICT}, "8001"),
    "other_district": ({DISTRICT}, "8002"),
    "executive": ({EXECUTIVE}, None),
    "admin": ({ADMIN}, None),
}


@dataclass
class People:
    """The database and a logged-in actor per account (`people.work("district")` is their Workspace)."""

    db: object
    actors: dict[str, Actor]

    def work(self, name: str) -> Workspace:
        return Workspace(self.db, self.actors[name])


@pytest.fixture
def db(database_url):
    opened = open_store(database_url)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(PASSWORD)


@pytest.fixture
def people(db, password_hash) -> People:
    users = {name: db.create_user(name, password_hash=password_hash, roles=roles, amphoe=amphoe, created_by="test")
             for name, (roles, amphoe) in ACCOUNTS.items()}
    return People(db, {name: actor_of(user) for name, user in users.items()})
