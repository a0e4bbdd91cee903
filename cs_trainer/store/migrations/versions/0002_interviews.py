"""Interviews, the recruitment pipeline, decisions and imported question banks.

Existing attempts become kind "selftest"; existing candidates start at "registered".

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "imported_banks",
        sa.Column("bank_id", sa.String(length=100), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("source_name", sa.String(length=500), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("bank_id"),
    )
    op.create_table(
        "interview_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.String(length=200), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index("ix_decisions_person", ["person_id"], unique=False)

    op.create_table(
        "pipeline_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("from_stage", sa.String(length=32), nullable=False),
        sa.Column("to_stage", sa.String(length=32), nullable=False),
        sa.Column("by", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pipeline_events", schema=None) as batch_op:
        batch_op.create_index("ix_pipeline_events_person", ["person_id"], unique=False)

    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=16), server_default="selftest", nullable=False)
        )
        batch_op.add_column(sa.Column("plan_id", sa.Integer(), nullable=True))
        batch_op.create_index("ix_attempts_kind", ["kind"], unique=False)
        batch_op.create_foreign_key(
            "fk_attempts_plan_id_interview_plans", "interview_plans", ["plan_id"], ["id"]
        )

    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("stage", sa.String(length=32), server_default="registered", nullable=False)
        )

    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notes", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("data", sa.JSON(), nullable=True))
        batch_op.alter_column("value", existing_type=sa.INTEGER(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("responses", schema=None) as batch_op:
        batch_op.alter_column("value", existing_type=sa.INTEGER(), nullable=False)
        batch_op.drop_column("data")
        batch_op.drop_column("notes")

    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("stage")

    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.drop_constraint("fk_attempts_plan_id_interview_plans", type_="foreignkey")
        batch_op.drop_index("ix_attempts_kind")
        batch_op.drop_column("plan_id")
        batch_op.drop_column("kind")

    with op.batch_alter_table("pipeline_events", schema=None) as batch_op:
        batch_op.drop_index("ix_pipeline_events_person")

    op.drop_table("pipeline_events")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index("ix_decisions_person")

    op.drop_table("decisions")
    op.drop_table("interview_plans")
    op.drop_table("imported_banks")
