"""Saved work: named scenarios with their history, location corrections, six-step progress, users and logins.

The database is a SQLite file (by default in the user's data folder) or a PostgreSQL server, chosen by
`ROLLOUT_DATABASE_URL`; the same SQLAlchemy Core code runs on both, and Alembic migrations keep the schema
(`upgrade`, the `rollout db upgrade` command). Every write is one transaction, so a crash mid-save leaves the
previous state intact. Scenarios carry a version number: a save based on an older version is refused
(`ScenarioConflictError`) instead of overwriting someone else's work. Driver errors come out as `StoreError`s
that say what to do. This package imports nothing else of the project.
"""

from store.database import DATABASE_URL_VARIABLE, Store, default_database_url, open_store
from store.errors import (
    UPGRADE_COMMAND,
    DatabaseUpgradeNeededError,
    ProgressAlreadyRecordedError,
    ScenarioConflictError,
    ScenarioExistsError,
    StoreError,
    UnknownScenarioError,
    UnknownUserError,
    UserExistsError,
)
from store.migrate import UpgradeResult, upgrade
from store.scenarios import Change, Scenario, ScenarioSummary
from store.users import ROLES, LoginSession, User

__all__ = [
    "DATABASE_URL_VARIABLE",
    "ROLES",
    "UPGRADE_COMMAND",
    "Change",
    "DatabaseUpgradeNeededError",
    "LoginSession",
    "ProgressAlreadyRecordedError",
    "Scenario",
    "ScenarioConflictError",
    "ScenarioExistsError",
    "ScenarioSummary",
    "Store",
    "StoreError",
    "UnknownScenarioError",
    "UnknownUserError",
    "UpgradeResult",
    "User",
    "UserExistsError",
    "default_database_url",
    "open_store",
    "upgrade",
]
