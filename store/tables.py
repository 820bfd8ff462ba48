"""The tables of the store, defined once, as the newest migration leaves them.

The same definitions serve SQLite and PostgreSQL. Times are ISO 8601 UTC text (`2026-11-30T01:24:00+00:00`;
login tables carry microseconds) and dates ISO text, as the first SQLite store wrote them: they sort as text the
same way they sort as times on both backends, and the files saved before the move to SQLAlchemy keep their rows
untouched. JSON documents (settings, metrics, a change's villages and detail) are text too.

A new database is created from these definitions and stamped at the newest migration; an older one is brought
here by the migrations in `store/migrations/versions/` (`rollout db upgrade`). A test compares the two.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    false,
    text,
)

metadata = MetaData()

scenarios = Table(
    "scenarios", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("version", Integer, nullable=False),
    Column("dataset", Text, nullable=False),
    Column("settings", Text, nullable=False),  # JSON: waves, roster, pilot tambons, ...
    Column("metrics", Text, nullable=False),  # JSON: the plan's metrics when saved
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("updated_by", Text, nullable=False),
    # DOPA code of the province the plan covers; one scenario per province may be its approved (official) plan.
    Column("province", Text, nullable=False, server_default="80"),
    Column("official", Boolean, nullable=False, server_default=false()),
)
Index("one_official_plan_per_province", scenarios.c.province, unique=True,
      sqlite_where=text("official"), postgresql_where=text("official"))

assignments = Table(
    "assignments", metadata,
    Column("scenario_id", Integer, ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True),
    Column("village_code", Text, primary_key=True),
    Column("wave", Text),  # wave label (B.E. year); NULL = not assigned yet
    Column("locked", Integer, nullable=False, server_default="0"),
    Column("reason", Text),
)

changes = Table(
    "changes", metadata,
    Column("id", Integer, primary_key=True),
    Column("scenario_id", Integer, ForeignKey("scenarios.id", ondelete="CASCADE"), nullable=False),
    Column("version", Integer, nullable=False),  # the scenario version this change produced (or, official: marked)
    Column("at", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("action", Text, nullable=False),  # assign, lock, unlock, pilot, optimise, create, official, ...
    Column("villages", Text, nullable=False),  # JSON list of village codes
    Column("detail", Text, nullable=False),  # JSON: what changed (e.g. wave before/after)
    Column("reason", Text),
)
Index("changes_by_scenario", changes.c.scenario_id, changes.c.id)

location_corrections = Table(
    "location_corrections", metadata,
    Column("id", Integer, primary_key=True),
    Column("village_code", Text, nullable=False),
    Column("lat", Double, nullable=False),
    Column("lon", Double, nullable=False),
    Column("source", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("previous_lat", Double),
    Column("previous_lon", Double),
    Column("previous_quality", Text),
)
Index("corrections_by_village", location_corrections.c.village_code, location_corrections.c.id)

progress = Table(
    "progress", metadata,
    Column("id", Integer, primary_key=True),
    Column("village_code", Text, nullable=False),
    Column("step", Integer, CheckConstraint("step BETWEEN 1 AND 6", name="progress_step_1_to_6"), nullable=False),
    Column("reached_on", Text, nullable=False),  # ISO date the village reached the step
    Column("reported_by", Text, nullable=False),
    Column("recorded_at", Text, nullable=False),
    Column("reason", Text),  # required when a step goes backwards
    Column("source", Text, nullable=False),  # 'table' (entered on the page) or the imported file's name
    Column("recorded_by", Text, nullable=False, server_default=""),
)
Index("progress_by_village", progress.c.village_code, progress.c.id)

#: One row per village that ever had progress recorded. Recording progress first writes the rows of its villages
#: here, which makes recorders of the same village queue up (a row lock on PostgreSQL, the write lock on SQLite),
#: so the rules are checked against the village's latest history inside the transaction that writes.
progress_locks = Table(
    "progress_locks", metadata,
    Column("village_code", Text, primary_key=True),
    Column("locked_at", Text, nullable=False),
)

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),  # made by the service layer (argon2/bcrypt); never a password
    Column("roles", Text, nullable=False),  # space-separated, sorted: admin district executive planner
    Column("amphoe", Text),  # DOPA code of a district user's amphoe
    Column("disabled", Boolean, nullable=False, server_default=false()),
    Column("created_at", Text, nullable=False),
    Column("created_by", Text, nullable=False),
)

login_sessions = Table(
    "login_sessions", metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", Text, nullable=False, unique=True),  # a hash of the browser's token, never the token
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("created_at", Text, nullable=False),
    Column("expires_at", Text, nullable=False),
    Column("revoked_at", Text),
)
Index("login_sessions_by_user", login_sessions.c.user_id)

login_attempts = Table(
    "login_attempts", metadata,
    Column("id", Integer, primary_key=True),
    Column("account", Text, nullable=False),
    Column("address", Text, nullable=False),
    Column("at", Text, nullable=False),
    Column("ok", Boolean, nullable=False),
)
Index("login_attempts_by_account", login_attempts.c.account, login_attempts.c.at)
Index("login_attempts_by_address", login_attempts.c.address, login_attempts.c.at)
