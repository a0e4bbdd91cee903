"""Every migration is applied to a database that holds data from the revision before it."""

import json
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, text

from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.services import candidates, selftests
from cs_trainer.store.database import Database
from cs_trainer.store.migrate import alembic_config, current_revision


def _database_at_0001_with_a_finished_selftest(path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        loaded = service_potential()
        connection.execute(
            text(
                "INSERT INTO people (id, kind, name, phone, position, created_at, consent_at,"
                " consent_version) VALUES (1, 'candidate', '张三丰', '13800138000', '客服专员',"
                " '2026-11-01 09:00:00', '2026-11-01 09:00:00', '2026-11-v1')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO instrument_snapshots (content_hash, instrument_id, version, body)"
                " VALUES (:hash, 'service_potential', 1, :body)"
            ),
            {"hash": loaded.content_hash, "body": json.dumps(loaded.instrument.model_dump())},
        )
        connection.execute(
            text(
                "INSERT INTO attempts (id, person_id, instrument_id, content_hash, mode,"
                " conducted_by, started_at, finished_at, status, total, band, group_scores)"
                " VALUES (1, 1, 'service_potential', :hash, 'manager', '王经理',"
                " '2026-11-01 09:05:00', '2026-11-01 09:15:00', 'finished', 80, 'excellent',"
                " '{}')"
            ),
            {"hash": loaded.content_hash},
        )
        for item in loaded.instrument.items:
            connection.execute(
                text(
                    "INSERT INTO responses (attempt_id, item_id, value, answered_at)"
                    " VALUES (1, :item, 8, '2026-11-01 09:10:00')"
                ),
                {"item": item.id},
            )
    engine.dispose()


def test_upgrading_from_0001_keeps_candidates_and_selftests_and_fills_the_new_columns(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    _database_at_0001_with_a_finished_selftest(path)

    db = Database.open(str(path))
    try:
        with db.engine.connect() as connection:
            assert current_revision(connection) == "0006"  # every later revision applied too
            stage = connection.execute(text("SELECT stage FROM people")).scalar_one()
            kind = connection.execute(text("SELECT kind FROM attempts")).scalar_one()
            notes = set(connection.execute(text("SELECT notes FROM responses")).scalars())
        assert (stage, kind, notes) == ("registered", "selftest", {""})
        with db.engine.connect() as connection:  # rows already there count as saved once
            versions = set(connection.execute(text("SELECT version FROM responses")).scalars())
        assert versions == {1}
        with db.engine.connect() as connection:
            cohort = connection.execute(text("SELECT cohort_id FROM people")).scalar_one()
            details = connection.execute(text("SELECT details FROM attempts")).scalar_one()
        assert (cohort, details) == (None, None)
        [candidate] = candidates.list_candidates(db)
        assert (candidate.name, candidate.latest_total) == ("张三丰", 80)
        [outcome] = selftests.finished_selftests(db, candidate.id)
        assert (outcome.total, outcome.conducted_by, outcome.band.code) == (
            80,
            "王经理",
            "excellent",
        )
    finally:
        db.dispose()
