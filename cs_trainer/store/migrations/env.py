"""Alembic environment: always run online, on the connection cs_trainer passes in."""

from alembic import context

from cs_trainer.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("cs_trainer migrations run through cs_trainer.store.migrate only")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
