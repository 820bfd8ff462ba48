"""The database: where it lives (SQLite file or PostgreSQL server), opening it, and one transaction at a time.

`ROLLOUT_DATABASE_URL` chooses the backend: unset means a SQLite file in the user's data folder (zero set-up);
`postgresql+psycopg://user:password@host:port/database` a PostgreSQL server. Both run the same SQLAlchemy Core
statements; the only SQLite-specific code is the connection set-up below (foreign keys, WAL, transactions that
begin when asked), and the only PostgreSQL-specific code is the advisory lock of `store.migrate`.

Every driver error leaving this module is a StoreError saying what is wrong and what to do (`driver_errors`).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from store.driver_errors import describe, explain
from store.errors import StoreError

DATABASE_URL_VARIABLE = "ROLLOUT_DATABASE_URL"
_SQLITE_PREFIX = "sqlite:///"
#: Seconds a SQLite writer waits for another one, and a PostgreSQL connection attempt for the server.
SQLITE_BUSY_SECONDS = 30
CONNECT_TIMEOUT_SECONDS = 10
_EXAMPLES = "sqlite:////path/to/rollout.sqlite3 or postgresql+psycopg://user:password@host:5432/database"


def default_database_url() -> str:
    """`ROLLOUT_DATABASE_URL` if set, else a file in the user's data folder (XDG_DATA_HOME or ~/.local/share)."""
    url = os.environ.get(DATABASE_URL_VARIABLE)
    if url:
        return url
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return f"{_SQLITE_PREFIX}{base / 'km-rollout' / 'rollout.sqlite3'}"


def parse_database_url(url: str) -> URL:
    """The SQLAlchemy URL of a database URL (a bare path means a SQLite file), or a StoreError saying why not.

    PostgreSQL URLs get the psycopg 3 driver (`postgresql://` and `postgres://` too). Messages never repeat a
    password.
    """
    text = url.strip()
    if "://" not in text:
        if not text:
            raise StoreError(f"the database URL is empty; set {DATABASE_URL_VARIABLE} to {_EXAMPLES}")
        return URL.create("sqlite", database=text)
    try:
        parsed = make_url(text)
    except ArgumentError:
        raise StoreError(f"{DATABASE_URL_VARIABLE} is not a database URL; it should look like {_EXAMPLES}"
                         ) from None
    backend = parsed.get_backend_name()
    if backend in {"postgres", "postgresql"}:  # whatever driver was named, psycopg 3 is the one installed
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif backend == "sqlite":
        parsed = parsed.set(drivername="sqlite")
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        raise StoreError(f"unsupported database URL {parsed.render_as_string(hide_password=True)!r}: use "
                         f"{_EXAMPLES} (set {DATABASE_URL_VARIABLE})")
    return parsed


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL (also `file:` URIs), or None for an in-memory database or a server."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database.removeprefix("file:")) if url.query.get("uri") else Path(url.database)


def make_engine(url: URL) -> Engine:
    """An engine for `url`, set up for this store (see the module docstring); no connection is made yet."""
    if url.get_backend_name() == "sqlite":
        path = sqlite_file(url)
        if path is not None and url.query.get("mode") != "ro":
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for {describe(url)} ({exc.strerror}): set "
                                 f"{DATABASE_URL_VARIABLE} to a file in a writable folder") from None
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
        event.listen(engine, "connect", _sqlite_connected)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS,
                                                                    "application_name": "km-rollout"})
    except NoSuchModuleError:
        raise StoreError(f"no driver for {describe(url)}: install psycopg (pip install 'psycopg[binary]')"
                         ) from None


def _sqlite_connected(dbapi_connection, _record) -> None:
    # Let SQLAlchemy decide when transactions begin (pysqlite's own guessing would commit DDL on its own), make
    # foreign keys act, and keep readers and a writer from blocking each other (WAL). A read-only or damaged
    # file refuses the journal mode: the first real statement reports that, with a clear message.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        with suppress(sqlite3.Error):  # reported by the first statement that needs the file
            cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN")


class Store:
    """The database; the public methods live in the mixins of store.scenarios/locations/progress/users.

    Holds a pool of connections, so one Store may be shared by the threads of a Streamlit server; every method
    is one transaction of its own.
    """

    def __init__(self, url: str):
        from store.migrate import ensure_current

        self.url = url
        self.database_url = parse_database_url(url)
        self.description = describe(self.database_url)
        self.engine = make_engine(self.database_url)
        #: The clock of login records (sessions, attempts); tests may replace it.
        self.clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
        try:
            with self.translated_errors():
                ensure_current(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.description}>"

    @contextmanager
    def translated_errors(self) -> Iterator[None]:
        """Driver errors inside become StoreErrors (`driver_errors.explain`); others pass unchanged."""
        try:
            yield
        except DBAPIError as exc:
            raise explain(exc, self.database_url) from None

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic unit of work: everything inside commits together or not at all.

        Write first: a transaction that starts with a write queues behind other writers (SQLite's write lock, a
        PostgreSQL row lock) and then sees their committed work, so its checks hold until it commits.
        """
        with self.translated_errors(), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A connection for reads (nothing is committed)."""
        with self.translated_errors(), self.engine.connect() as conn:
            yield conn

    def read(self, statement, params: dict | None = None) -> list:
        """The rows of one statement, each readable by column name (`row["name"]`)."""
        with self.reading() as conn:
            return list(conn.execute(statement, params or {}).mappings())

    def close(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None) -> Store:
    """The store at `url`, or at `default_database_url()`.

    A new, empty database is created at the current schema; one made by an older version of the planner is
    refused (DatabaseUpgradeNeededError) until `rollout db upgrade` has run.
    """
    from store.api import FullStore

    return FullStore(url or default_database_url())
