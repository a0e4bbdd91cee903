"""A version on each person's record, and the change counters other laptops poll.

A stage move or decision based on a stale view of the record is refused.

Two interviewers acting on one candidate from two laptops each saw the record as it was
when they opened it; the later save silently overwrote the earlier (the stage ended
"rejected" while the latest decision was "hire"). Each move and decision now bumps
``people.version`` and names the version it was based on (services/pipeline.py).
``change_counters`` counts the committed writes of each kind of data, so a page on
another laptop sees that something changed without a restart (store/change_counters.py).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("people", sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "change_counters",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("counter", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("kind"),
    )


def downgrade() -> None:
    op.drop_table("change_counters")
    with op.batch_alter_table("people") as batch:
        batch.drop_column("version")
