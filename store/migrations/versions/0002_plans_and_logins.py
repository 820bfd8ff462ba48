"""Province and official plan of a scenario; per-village progress locks; users, login sessions and attempts.

Adds columns with defaults and new tables only, so every existing row stays as it was: scenarios belong to
Nakhon Si Thammarat (DOPA code 80) and none is the official plan until a planner marks one.

Revision ID: 0002_plans_and_logins
Revises: 0001_baseline
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_plans_and_logins"
down_revision = "0001_baseline"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("scenarios", sa.Column("province", sa.Text, nullable=False, server_default="80"))
    op.add_column("scenarios", sa.Column("official", sa.Boolean, nullable=False, server_default=sa.false()))
    op.create_index("one_official_plan_per_province", "scenarios", ["province"], unique=True,
                    sqlite_where=sa.text("official"), postgresql_where=sa.text("official"))
    op.create_table(
        "progress_locks",
        sa.Column("village_code", sa.Text, primary_key=True),
        sa.Column("locked_at", sa.Text, nullable=False),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("roles", sa.Text, nullable=False),
        sa.Column("amphoe", sa.Text),
        sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
    )
    op.create_table(
        "login_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.Text, nullable=False, unique=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("expires_at", sa.Text, nullable=False),
        sa.Column("revoked_at", sa.Text),
    )
    op.create_index("login_sessions_by_user", "login_sessions", ["user_id"])
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account", sa.Text, nullable=False),
        sa.Column("address", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
    )
    op.create_index("login_attempts_by_account", "login_attempts", ["account", "at"])
    op.create_index("login_attempts_by_address", "login_attempts", ["address", "at"])


def downgrade() -> None:
    for index, table in (("login_attempts_by_address", "login_attempts"),
                         ("login_attempts_by_account", "login_attempts"),
                         ("login_sessions_by_user", "login_sessions")):
        op.drop_index(index, table_name=table)
    for table in ("login_attempts", "login_sessions", "users", "progress_locks"):
        op.drop_table(table)
    op.drop_index("one_official_plan_per_province", table_name="scenarios")
    with op.batch_alter_table("scenarios") as batch:  # SQLite drops columns by copying the table
        batch.drop_column("official")
        batch.drop_column("province")
