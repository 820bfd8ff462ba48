"""Opening the database of saved work, and the command-line actor: the service's side of `store`."""

from __future__ import annotations

import getpass

from service.roles import ADMIN, COMMAND_LINE, PLANNER, Actor
from store import DATABASE_URL_VARIABLE, UPGRADE_COMMAND, Store, default_database_url, open_store, upgrade

__all__ = ["DATABASE_URL_VARIABLE", "UPGRADE_COMMAND", "command_line_actor", "default_database_url", "open_database",
           "upgrade_database"]


def open_database(url: str | None = None) -> Store:
    """The database at `url`, else ROLLOUT_DATABASE_URL, else the embedded SQLite file (created when new).

    StoreError says what is wrong (unreachable, read-only, damaged, or behind: run `rollout db upgrade`).
    Share one per process: it holds a pool of connections.
    """
    return open_store(url)


def upgrade_database(url: str | None = None):
    """Bring the database to the schema this version needs (`rollout db upgrade`); the store's UpgradeResult."""
    return upgrade(url or default_database_url())


def command_line_actor() -> Actor:
    """Who the command line acts as: whoever can read the database URL can already change everything, so the
    command line has the admin and planner roles; changes are recorded as `cli:<the system user>`."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return Actor(f"cli:{user}", frozenset({ADMIN, PLANNER}), None, COMMAND_LINE)
