"""The backup actions on both dialects: PostgreSQL's are the server's (``pg_dump``)."""

import pytest

from cs_trainer.errors import PermissionDeniedError, UserError
from cs_trainer.services import backups
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.store.database import Database


def test_on_postgresql_every_backup_action_names_pg_dump(db: Database) -> None:
    """On SQLite the same calls succeed."""
    if db.sqlite_file is not None:
        assert backups.back_up(db).exists() and backups.check(db) == []
        return
    for call in (lambda: backups.back_up(db), lambda: backups.check(db)):
        with pytest.raises(UserError) as caught:
            call()
        assert "pg_dump" in caught.value.message("en") and "pg_dump" in caught.value.message("zh")
    assert backups.back_up_if_changed(db) is None


@pytest.mark.parametrize("role", ["hr", "trainer", "trainee"])
def test_only_an_admin_makes_restores_and_checks_backups(
    db: Database, every_role: dict[str, Actor], role: str
) -> None:
    with acting_as(every_role[role]):
        for call in (lambda: backups.back_up(db), lambda: backups.check(db)):
            with pytest.raises(PermissionDeniedError):
                call()
    with acting_as(every_role["admin"]):
        if db.sqlite_file is not None:
            assert backups.back_up(db).exists()
