"""Saved work: named scenarios with their history, location corrections and six-step progress, in SQLite.

The database is one file (by default in the user's data folder; `ROLLOUT_DATABASE_URL` points elsewhere). Every
write is one transaction, so a crash mid-save leaves the previous state intact. Scenarios carry a version number:
a save based on an older version is refused (`ScenarioConflictError`) instead of overwriting someone else's work.
This package uses only the standard library and plain types; it imports nothing else of the project.
"""

from store.database import DATABASE_URL_VARIABLE, Store, default_database_url, open_store
from store.errors import (
    ScenarioConflictError,
    ScenarioExistsError,
    StoreError,
    UnknownScenarioError,
)
from store.scenarios import Change, Scenario, ScenarioSummary

__all__ = [
    "DATABASE_URL_VARIABLE",
    "Change",
    "Scenario",
    "ScenarioConflictError",
    "ScenarioExistsError",
    "ScenarioSummary",
    "Store",
    "StoreError",
    "UnknownScenarioError",
    "default_database_url",
    "open_store",
]
