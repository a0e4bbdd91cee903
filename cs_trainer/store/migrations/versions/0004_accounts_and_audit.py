"""Accounts, the append-only audit trail, attribution to accounts, consent withdrawal.

The audit trail refuses UPDATE and DELETE in the database itself (triggers), so
only someone who drops the triggers can change it, and ``audit verify`` then
finds the change through the hash chain.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ATTRIBUTED = ("attempts", "pipeline_events", "decisions", "reception_entries")

_SQLITE_TRIGGERS = [
    "CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events"
    " BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    "CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events"
    " BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
]
_POSTGRES_TRIGGERS = [
    "CREATE FUNCTION cs_trainer_audit_append_only() RETURNS trigger AS $$"
    " BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events"
    " FOR EACH ROW EXECUTE FUNCTION cs_trainer_audit_append_only()",
]


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("pin_hash", sa.String(length=200), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("disabled", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("last_failed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_accounts_person_id_people"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("account_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("target", sa.String(length=100), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "audit_personal_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("salt", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_personal_values", schema=None) as batch_op:
        batch_op.create_index("ix_audit_personal_values_person", ["person_id"], unique=False)
    for table in _ATTRIBUTED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("account_id", sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                f"fk_{table}_account_id_accounts", "accounts", ["account_id"], ["id"]
            )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consent_withdrawn_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("erased_at", sa.DateTime(), nullable=True))
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE_TRIGGERS if dialect == "sqlite" else _POSTGRES_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER audit_events_append_only_update")
        op.execute("DROP TRIGGER audit_events_append_only_delete")
    else:
        op.execute("DROP TRIGGER audit_events_append_only ON audit_events")
        op.execute("DROP FUNCTION cs_trainer_audit_append_only()")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_column("erased_at")
        batch_op.drop_column("consent_withdrawn_at")
    for table in _ATTRIBUTED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f"fk_{table}_account_id_accounts", type_="foreignkey")
            batch_op.drop_column("account_id")
    with op.batch_alter_table("audit_personal_values", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_personal_values_person")
    op.drop_table("audit_personal_values")
    op.drop_table("audit_events")
    op.drop_table("accounts")
