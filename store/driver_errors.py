"""Driver errors turned into StoreErrors that say what is wrong and what to do, without the URL's password.

SQLite and psycopg report the same troubles in different words; `explain` sorts them into the few a user can act
on (read-only, damaged, busy, unreachable) and keeps the driver's own first line as the detail.
"""

from __future__ import annotations

from sqlalchemy import URL
from sqlalchemy.exc import DBAPIError

from store.errors import StoreError

#: PostgreSQL SQLSTATE codes for a read-only transaction and for missing privileges.
_READ_ONLY_STATES = {"25006", "42501"}


def describe(url: URL) -> str:
    """How messages name a database: the SQLite file's name, or PostgreSQL's host, port and database.

    Never the password, and never a SQLite file's full path (messages reach the web page).
    """
    if url.get_backend_name() == "sqlite":
        name = (url.database or "").removeprefix("file:").split("?")[0].rsplit("/", 1)[-1]
        return f"the SQLite file {name or '(in memory)'}"
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    return f"the PostgreSQL database {url.database or '(default)'} on {where}"


def scrub(text: str, url: URL) -> str:
    """`text` without the URL's password, in case a driver quotes it back."""
    if url.password:
        text = text.replace(str(url.password), "***")
    return text


def explain(error: DBAPIError, url: URL) -> StoreError:
    """The StoreError for a driver error raised while using the database at `url`."""
    original = error.orig if error.orig is not None else error
    detail = scrub(str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__,
                   url)
    lowered = detail.lower()
    where = describe(url)
    state = getattr(original, "sqlstate", None)
    setting = "set ROLLOUT_DATABASE_URL to another database"
    if "readonly" in lowered or "read-only" in lowered or state in _READ_ONLY_STATES:
        message = (f"{where} is read-only ({detail}): give the planner write access to it, or {setting}")
    elif "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        message = (f"{where} is damaged or is not a planner database ({detail}): restore it from a backup, "
                   f"or {setting}")
    elif "database is locked" in lowered or "database is busy" in lowered:
        message = (f"{where} stayed locked by another program for too long ({detail}): close the other program "
                   f"(or wait for it) and try again")
    elif "unable to open" in lowered:
        message = (f"cannot open {where} ({detail}): check that its folder exists and is writable, or {setting}")
    elif url.get_backend_name() == "postgresql" and (state is None or state.startswith(("08", "28", "3D", "57P"))):
        message = (f"cannot reach {where} ({detail}): check that the PostgreSQL server is running and that "
                   f"ROLLOUT_DATABASE_URL names the right host, port, database and user; then try again")
    else:
        message = f"{where} refused the operation ({detail}); try again, and report it if it persists"
    return StoreError(message)
