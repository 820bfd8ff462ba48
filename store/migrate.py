"""Schema versions: create a new database, refuse an outdated one, and upgrade (`rollout db upgrade`).

Alembic keeps the schema's revision in the table `alembic_version`; the revisions live in
`store/migrations/versions/` and run from here, without an alembic.ini. The baseline revision is the schema the
first SQLite store made (its `PRAGMA user_version` 2); a file from that store has no `alembic_version` and is
recognised by its tables, stamped at the baseline and upgraded (`upgrade`). A brand-new empty database is made
at the newest revision on first open (`ensure_current`).

Creating and upgrading hold a lock, so two processes opening one new database at once do not both create it:
PostgreSQL's transaction-level advisory lock, or a lock file beside the SQLite file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, func, inspect, select, text
from sqlalchemy.exc import DBAPIError

from store.database import DATABASE_URL_VARIABLE, make_engine, parse_database_url, sqlite_file
from store.driver_errors import describe, explain
from store.errors import UPGRADE_COMMAND, DatabaseUpgradeNeededError, StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
#: Every revision, oldest first (a test checks this against the scripts in MIGRATIONS).
REVISIONS = ("0001_baseline", "0002_plans_and_logins")
BASELINE, HEAD = REVISIONS[0], REVISIONS[-1]
#: The tables of the first SQLite store (before Alembic), by which its files are recognised.
LEGACY_TABLES = frozenset({"scenarios", "assignments", "changes", "location_corrections", "progress"})
#: Key of the PostgreSQL advisory lock held while creating or upgrading the schema ("kmrollout" in ASCII bytes).
ADVISORY_LOCK_KEY = 0x6B6D726F6C6C6F
#: Seconds to wait for another process creating or upgrading the same SQLite file.
LOCK_WAIT_SECONDS = 120
_LEGACY = "v2 (before migrations)"


@dataclass(frozen=True)
class SchemaState:
    """What a database holds: `kind` is empty, current, behind, legacy, ahead or foreign."""

    kind: str
    revision: str | None
    tables: frozenset[str]


@dataclass(frozen=True)
class UpgradeResult:
    """What `upgrade` did: the schema before and after (`before == after` when nothing was to do)."""

    database: str
    before: str
    after: str


def schema_state(conn: Connection) -> SchemaState:
    """Read which schema the database holds."""
    tables = frozenset(inspect(conn).get_table_names())
    if "alembic_version" in tables:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if revision == HEAD:
            return SchemaState("current", revision, tables)
        if revision is None or revision in REVISIONS:
            return SchemaState("behind", revision, tables)
        return SchemaState("ahead", revision, tables)
    if not tables:
        return SchemaState("empty", None, tables)
    if tables >= LEGACY_TABLES:
        return SchemaState("legacy", None, tables)
    return SchemaState("foreign", None, tables)


def ensure_current(engine: Engine) -> None:
    """Return if the database is at the newest schema; create it there if it is empty; else refuse."""
    with engine.connect() as conn:
        state = schema_state(conn)
    if state.kind == "empty":
        with _exclusive(engine) as conn:
            state = schema_state(conn)  # another process may have created it while this one waited
            if state.kind == "empty":
                _create_at_head(conn)
                return
    if state.kind != "current":
        raise _refusal(state, describe(engine.url))


def upgrade(url: str) -> UpgradeResult:
    """Bring the database at `url` to the newest schema without losing a row (`rollout db upgrade`).

    An empty database is built by running every revision; a file of the first SQLite store is stamped at the
    baseline first. A database of a newer planner, or one holding other tables, is refused (StoreError).
    """
    parsed = parse_database_url(url)
    engine = make_engine(parsed)
    where = describe(parsed)
    try:
        with _exclusive(engine) as conn:
            state = schema_state(conn)
            if state.kind in {"ahead", "foreign"}:
                raise _refusal(state, where)
            before = {"empty": "empty", "legacy": _LEGACY}.get(state.kind, state.revision or "empty")
            if state.kind == "legacy":
                _adopt_legacy(conn)
            if state.kind != "current":
                _run_revisions(conn)
        return UpgradeResult(where, before, HEAD)
    except DBAPIError as exc:
        raise explain(exc, parsed) from None
    finally:
        engine.dispose()


@contextmanager
def _exclusive(engine: Engine) -> Iterator[Connection]:
    """A transaction that no other process creating or upgrading the same database runs beside."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(select(func.pg_advisory_xact_lock(ADVISORY_LOCK_KEY)))
            yield conn
        return
    path = sqlite_file(engine.url)
    if path is None:  # in memory: one process only
        with engine.begin() as conn:
            yield conn
        return
    from filelock import FileLock, Timeout

    lock = FileLock(f"{path}.lock", timeout=LOCK_WAIT_SECONDS)
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(f"another process kept {describe(engine.url)} locked for {LOCK_WAIT_SECONDS} s while "
                         f"creating or upgrading it; wait for it to finish, then try again") from None
    except OSError as exc:
        raise StoreError(f"cannot create the lock file beside {describe(engine.url)} ({exc.strerror}): the "
                         f"folder must be writable to create or upgrade the database, or set "
                         f"{DATABASE_URL_VARIABLE} to another database") from None
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        lock.release()


def _create_at_head(conn: Connection) -> None:
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from store.tables import metadata

    metadata.create_all(conn)
    MigrationContext.configure(conn).stamp(ScriptDirectory(str(MIGRATIONS)), HEAD)


def _adopt_legacy(conn: Connection) -> None:
    """Stamp a file of the first SQLite store at the baseline, adding what its version 1 lacked."""
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    progress_columns = {column["name"] for column in inspect(conn).get_columns("progress")}
    if "recorded_by" not in progress_columns:  # user_version 1: before who recorded each report was kept
        conn.execute(text("ALTER TABLE progress ADD COLUMN recorded_by TEXT NOT NULL DEFAULT ''"))
    MigrationContext.configure(conn).stamp(ScriptDirectory(str(MIGRATIONS)), BASELINE)


def _run_revisions(conn: Connection) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def _refusal(state: SchemaState, where: str) -> StoreError:
    if state.kind in {"behind", "legacy"}:
        schema = _LEGACY if state.kind == "legacy" else state.revision
        return DatabaseUpgradeNeededError(
            f"{where} was saved by an older version of the planner (schema {schema}); this version needs "
            f"schema {HEAD}. Back the database up, then run `{UPGRADE_COMMAND}` with the same "
            f"{DATABASE_URL_VARIABLE}")
    if state.kind == "ahead":
        return StoreError(f"{where} was saved by a newer version of the planner (schema {state.revision}); use "
                          f"that version, or set {DATABASE_URL_VARIABLE} to another database")
    listing = ", ".join(sorted(state.tables)[:8])
    return StoreError(f"{where} holds other tables ({listing}) and no planner data: set {DATABASE_URL_VARIABLE} "
                      f"to an empty database or to the planner's own")
