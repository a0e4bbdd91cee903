"""Versions on interview ratings, cohorts and department settings.

A rating, a cohort change or a setting saved from a stale view is refused.

An interviewer who opened an interview on two laptops, two trainers moving trainees
into one cohort, and two administrators on the settings page each saved what they saw
when they opened it; the later save silently replaced the earlier. Each such record now
carries a version that every save bumps and names (services/interviews.py, cohorts.py,
app_settings.py). A rating or setting row is created at version 1, so a page that saw no
row names version 0; rows already there count as saved once.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "responses", sa.Column("version", sa.Integer(), nullable=False, server_default="1")
    )
    op.add_column("cohorts", sa.Column("version", sa.Integer(), nullable=False, server_default="0"))
    op.add_column(
        "app_settings", sa.Column("version", sa.Integer(), nullable=False, server_default="1")
    )


def downgrade() -> None:
    for table in ("app_settings", "cohorts", "responses"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
