"""The SQLite database: where it lives, its tables, and opening it safely."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from store.errors import StoreError

DATABASE_URL_VARIABLE = "ROLLOUT_DATABASE_URL"
_SQLITE_PREFIX = "sqlite:///"

#: Schema migrations, applied in order; PRAGMA user_version records how many have run. Append, never edit.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE scenarios (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        version     INTEGER NOT NULL,
        dataset     TEXT NOT NULL,
        settings    TEXT NOT NULL,          -- JSON: waves, roster, pilot tambons, ...
        metrics     TEXT NOT NULL,          -- JSON: the plan's metrics when saved
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        updated_by  TEXT NOT NULL
    );
    CREATE TABLE assignments (
        scenario_id  INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
        village_code TEXT NOT NULL,
        wave         TEXT,                  -- wave label (B.E. year); NULL = not assigned yet
        locked       INTEGER NOT NULL DEFAULT 0,
        reason       TEXT,
        PRIMARY KEY (scenario_id, village_code)
    );
    CREATE TABLE changes (
        id           INTEGER PRIMARY KEY,
        scenario_id  INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
        version      INTEGER NOT NULL,      -- the scenario version this change produced
        at           TEXT NOT NULL,
        author       TEXT NOT NULL,
        action       TEXT NOT NULL,         -- assign, lock, unlock, pilot, optimise, create, ...
        villages     TEXT NOT NULL,         -- JSON list of village codes
        detail       TEXT NOT NULL,         -- JSON: what changed (e.g. wave before/after)
        reason       TEXT
    );
    CREATE INDEX changes_by_scenario ON changes(scenario_id, id);
    CREATE TABLE location_corrections (
        id           INTEGER PRIMARY KEY,
        village_code TEXT NOT NULL,
        lat          REAL NOT NULL,
        lon          REAL NOT NULL,
        source       TEXT NOT NULL,
        author       TEXT NOT NULL,
        at           TEXT NOT NULL,
        previous_lat REAL,
        previous_lon REAL,
        previous_quality TEXT
    );
    CREATE INDEX corrections_by_village ON location_corrections(village_code, id);
    CREATE TABLE progress (
        id           INTEGER PRIMARY KEY,
        village_code TEXT NOT NULL,
        step         INTEGER NOT NULL CHECK (step BETWEEN 1 AND 6),
        reached_on   TEXT NOT NULL,         -- ISO date the village reached the step
        reported_by  TEXT NOT NULL,
        recorded_at  TEXT NOT NULL,
        reason       TEXT,                  -- required when a step goes backwards
        source       TEXT NOT NULL          -- 'table' (entered on the page) or the imported file's name
    );
    CREATE INDEX progress_by_village ON progress(village_code, id);
    """,
    # v2: who recorded each progress row (the planner who typed it or imported the file), beside who reported it.
    """
    ALTER TABLE progress ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
    """,
)


def default_database_url() -> str:
    """`ROLLOUT_DATABASE_URL` if set, else a file in the user's data folder (XDG_DATA_HOME or ~/.local/share)."""
    url = os.environ.get(DATABASE_URL_VARIABLE)
    if url:
        return url
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"{_SQLITE_PREFIX}{base / 'km-rollout' / 'rollout.sqlite3'}"


def database_path(url: str) -> Path:
    """The file of a `sqlite:///path` URL (a bare path is accepted too)."""
    if url.startswith(_SQLITE_PREFIX):
        return Path(url[len(_SQLITE_PREFIX):])
    if "://" in url:
        raise StoreError(f"unsupported database URL {url!r}: use sqlite:///path/to/file.sqlite3 "
                         f"(set {DATABASE_URL_VARIABLE})")
    return Path(url)


class Store:
    """A connection to the database; the public methods live in the mixins of store.scenarios/locations/progress.

    One connection per Store, guarded by a lock, so a Store may be shared by the threads of a Streamlit server.
    """

    def __init__(self, url: str):
        self.url = url
        self.path = database_path(url)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the database {self.path}: {exc}; check that the folder is writable "
                             f"or set {DATABASE_URL_VARIABLE} to another file") from exc
        self._lock = threading.RLock()
        self._conn.row_factory = sqlite3.Row
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = FULL")
            self._migrate()
        except sqlite3.Error as exc:  # a damaged file, another kind of file, or one that cannot be written
            self._conn.close()
            raise _unusable(self.path, exc) from exc

    def _migrate(self) -> None:
        with self._lock:
            done = self._conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[done:], start=done + 1):
                # One transaction per migration: the tables and the new user_version land together.
                self._conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work: everything inside commits together or not at all."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise _unusable(self.path, exc) from exc
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as exc:
                self._conn.execute("ROLLBACK")
                if _about_the_file(exc):
                    raise _unusable(self.path, exc) from exc
                raise

    def read(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                if _about_the_file(exc):
                    raise _unusable(self.path, exc) from exc
                raise

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _about_the_file(error: BaseException) -> bool:
    """True for SQLite errors about the database file (damaged, read-only, locked, disk full), not about a query
    (ProgrammingError, IntegrityError: bugs, which keep their own type)."""
    return isinstance(error, sqlite3.OperationalError) or type(error) is sqlite3.DatabaseError


def _unusable(path: Path, error: sqlite3.Error) -> StoreError:
    """A raw SQLite error as a StoreError that says what it may mean and what to do."""
    return StoreError(f"cannot use the database {path} ({error}): it may be damaged or not a database (restore it "
                      f"from a backup), or read-only (check its permissions); or set {DATABASE_URL_VARIABLE} to "
                      "another file")


def open_store(url: str | None = None) -> Store:
    """The store at `url`, or at `default_database_url()`; created and migrated if new."""
    from store.api import FullStore

    return FullStore(url or default_database_url())
