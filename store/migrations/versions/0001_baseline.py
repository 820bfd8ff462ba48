"""Baseline: the schema of the first SQLite store (its PRAGMA user_version 2).

A file made by that store already has these tables and is stamped here by `store.migrate.upgrade` instead of
running this revision; a new, empty database runs it.

Revision ID: 0001_baseline
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_baseline"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scenarios",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("dataset", sa.Text, nullable=False),
        sa.Column("settings", sa.Text, nullable=False),
        sa.Column("metrics", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.Column("updated_by", sa.Text, nullable=False),
    )
    op.create_table(
        "assignments",
        sa.Column("scenario_id", sa.Integer, sa.ForeignKey("scenarios.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("village_code", sa.Text, primary_key=True),
        sa.Column("wave", sa.Text),
        sa.Column("locked", sa.Integer, nullable=False, server_default="0"),
        sa.Column("reason", sa.Text),
    )
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("scenario_id", sa.Integer, sa.ForeignKey("scenarios.id", ondelete="CASCADE"), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("villages", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("reason", sa.Text),
    )
    op.create_index("changes_by_scenario", "changes", ["scenario_id", "id"])
    op.create_table(
        "location_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("village_code", sa.Text, nullable=False),
        sa.Column("lat", sa.Double, nullable=False),
        sa.Column("lon", sa.Double, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("previous_lat", sa.Double),
        sa.Column("previous_lon", sa.Double),
        sa.Column("previous_quality", sa.Text),
    )
    op.create_index("corrections_by_village", "location_corrections", ["village_code", "id"])
    op.create_table(
        "progress",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("village_code", sa.Text, nullable=False),
        sa.Column("step", sa.Integer, sa.CheckConstraint("step BETWEEN 1 AND 6", name="progress_step_1_to_6"),
                  nullable=False),
        sa.Column("reached_on", sa.Text, nullable=False),
        sa.Column("reported_by", sa.Text, nullable=False),
        sa.Column("recorded_at", sa.Text, nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.Text, nullable=False, server_default=""),
    )
    op.create_index("progress_by_village", "progress", ["village_code", "id"])


def downgrade() -> None:
    raise NotImplementedError("the baseline is the oldest schema; restore a backup instead")
