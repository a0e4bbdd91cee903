"""The audit trail: appended with each change, refused updates, and a chain that names
the row someone changed or removed anyway."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from cs_trainer.errors import AuditTrailError, PermissionDeniedError
from cs_trainer.services import audit
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.store.database import Database


def _write(db: Database, action: str, **fields: object) -> None:
    with db.writing() as session:
        audit.record(session, action, "person:1", **fields)  # type: ignore[arg-type]


def test_rows_chain_and_verify(db: Database, every_role: dict[str, Actor]) -> None:
    with acting_as(every_role["hr"]):
        _write(db, "candidate.edit", before={"phone": "1"}, after={"phone": "2"}, reason="typo")
    with acting_as(every_role["admin"]):
        verified = audit.verify(db)
        newest = audit.entries(db, limit=1)[0]
    assert verified.rows >= 5  # four accounts added, then the edit
    assert (newest.action, newest.account_name, newest.role, newest.reason) == (
        "candidate.edit",
        "人事乙",
        "hr",
        "typo",
    )


def test_only_an_admin_reads_the_trail(db: Database, every_role: dict[str, Actor]) -> None:
    for role in ("hr", "trainer", "trainee"):
        with acting_as(every_role[role]), pytest.raises(PermissionDeniedError):
            audit.entries(db)


def test_the_database_refuses_to_update_or_delete_a_row(
    db: Database, every_role: dict[str, Actor]
) -> None:
    for statement in ("UPDATE audit_events SET reason = 'x'", "DELETE FROM audit_events"):
        with pytest.raises(DatabaseError, match="append-only"), db.writing() as session:
            session.execute(text(statement))


def _tamper(db: Database, *statements: str) -> None:
    """What someone with the database's own tools could do: step past the triggers."""
    with db.engine.begin() as connection:
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TRIGGER audit_events_append_only_update")
            connection.exec_driver_sql("DROP TRIGGER audit_events_append_only_delete")
        else:  # disabled for this transaction only: the next test's schema keeps them
            connection.exec_driver_sql("ALTER TABLE audit_events DISABLE TRIGGER USER")
        for statement in statements:
            connection.exec_driver_sql(statement)
        if connection.dialect.name != "sqlite":
            connection.exec_driver_sql("ALTER TABLE audit_events ENABLE TRIGGER USER")


def test_a_changed_row_is_named(db: Database, every_role: dict[str, Actor]) -> None:
    _tamper(db, "UPDATE audit_events SET account_name = '别人' WHERE id = 3")
    with acting_as(every_role["admin"]), pytest.raises(AuditTrailError, match="row 3 was changed"):
        audit.verify(db)


def test_a_removed_row_is_named(db: Database, every_role: dict[str, Actor]) -> None:
    _tamper(db, "DELETE FROM audit_events WHERE id = 2")
    with acting_as(every_role["admin"]), pytest.raises(AuditTrailError, match="row 2 is missing"):
        audit.verify(db)


def test_personal_values_are_kept_apart_and_erasable_without_breaking_the_chain(
    db: Database, every_role: dict[str, Actor]
) -> None:
    with acting_as(every_role["hr"]):
        _write(
            db,
            "candidate.edit",
            before={"name": "独一无二的名字"},
            after={"name": "另一个独特名字"},
            person_id=1,
            personal=["name"],
        )
    with acting_as(every_role["admin"]):
        assert audit.entries(db, limit=1)[0].after == {"name": "另一个独特名字"}
    with db.engine.connect() as raw:
        [(before, after)] = raw.exec_driver_sql(
            "SELECT before, after FROM audit_events ORDER BY id DESC LIMIT 1"
        ).all()
    assert "独一无二" not in before and "另一个" not in after
    with db.writing() as session:
        assert audit.erase_person(session, 1) == 2
    with acting_as(every_role["admin"]):
        audit.verify(db)
        assert audit.entries(db, limit=1)[0].after == {"name": audit.ERASED}


def test_a_changed_quoted_value_is_named(db: Database, every_role: dict[str, Actor]) -> None:
    with acting_as(every_role["hr"]):
        _write(db, "x", after={"name": "甲"}, person_id=1, personal=["name"])
    with db.engine.begin() as raw:
        raw.exec_driver_sql("UPDATE audit_personal_values SET value = '乙'")
    with acting_as(every_role["admin"]), pytest.raises(AuditTrailError, match="quoted by audit"):
        audit.verify(db)
