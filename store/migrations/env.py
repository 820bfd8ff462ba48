"""Alembic's entry point for the store's migrations; run through `store.upgrade(url)` (`rollout db upgrade`).

The caller passes an open connection inside a transaction (`config.attributes["connection"]`) holding the
migration lock, so the revisions run in that transaction and no alembic.ini or URL is needed here.
"""

from alembic import context

from store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the store's migrations run through store.upgrade(url), e.g. `rollout db upgrade`")
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
