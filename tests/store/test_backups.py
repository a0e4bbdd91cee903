"""Backups of an SQLite database (issue 10, point 4): taken while the app runs, checked,
rotated, private, and restorable; a restore refuses what it cannot trust.

Faults simulated: a writer process committing answers during every backup (the
online backup API must copy a consistent snapshot holding all of them), a backup
with flipped data pages, another program's file, a file stamped by a newer
cs_trainer, a missing file, and a reference to a row that does not exist.
"""

import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, select

from cs_trainer import changes
from cs_trainer.errors import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    NewerSchemaError,
    UserError,
)
from cs_trainer.services import audit, backups, candidate_data, candidates, selftests
from cs_trainer.services.app_settings import set_setting
from cs_trainer.services.candidates import NewCandidate
from cs_trainer.store import backup_files, integrity
from cs_trainer.store.backup_files import Keep
from cs_trainer.store.database import Database
from cs_trainer.store.migrate import alembic_config
from cs_trainer.store.models import Person
from tests.conftest import flip_data_pages

pytestmark = pytest.mark.sqlite_only("backups copy the SQLite file itself")

WRITER = textwrap.dedent(
    """
    import os
    import sys

    from cs_trainer.quizzes.selftest import service_potential
    from cs_trainer.services import selftests
    from cs_trainer.store.database import Database

    url, person, stop = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    db = Database.open(url)
    items = [item.id for item in service_potential().instrument.items]
    n = 0
    while not os.path.exists(stop):
        attempt = selftests.start_selftest(db, person, "self", "writer")
        value = 1 + n % 10
        selftests.record_answer(db, attempt, items[n % len(items)], value)
        print(attempt, items[n % len(items)], value, flush=True)  # acknowledged
        n += 1
    db.dispose()
    """
)


def add(db: Database, name: str) -> int:
    phone = f"138{sum(map(ord, name)) % 10**8:08d}"
    return candidates.add_candidate(db, NewCandidate(name, phone, "客服专员", True))


def names(db: Database) -> set[str]:
    with db.reading() as session:
        return set(session.scalars(select(Person.name)))


def answers_in(path: Path) -> set[tuple[int, str, int]]:
    with closing(sqlite3.connect(path)) as raw:
        rows = raw.execute("SELECT attempt_id, item_id, value FROM responses").fetchall()
    return {(int(a), str(i), int(v)) for a, i, v in rows}


def test_backups_taken_while_another_process_writes_hold_every_committed_answer(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    person = add(db, "备份甲")
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, db.url, str(person), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    acknowledged: list[tuple[int, str, int]] = []
    taken: list[tuple[Path, int]] = []
    try:
        for round_ in range(3):
            for _line in range(15):  # the writer is mid-stream when the backup starts
                attempt, item, value = writer.stdout.readline().split()
                acknowledged.append((int(attempt), item, int(value)))
            before = len(acknowledged)
            taken.append((backups.back_up(db, tmp_path / f"during-{round_}.sqlite3"), before))
    finally:
        stop.touch()
        _out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0 and "Traceback" not in err, err
    for path, before in taken:
        assert integrity.problems(path, "integrity_check") == []
        assert set(acknowledged[:before]) <= answers_in(path)
    backups.restore(db, taken[-1][0])
    assert integrity.full_check(db_path) == []
    assert set(acknowledged[: taken[-1][1]]) <= answers_in(db_path)


def test_a_backup_is_private_and_named_by_its_time(db: Database, db_path: Path) -> None:
    made = backups.back_up(db, now=datetime(2026, 12, 4, 9, 30, 15))
    assert made.parent == db_path.parent / "backups"
    assert made.name == f"{db_path.stem}-20261204-093015.sqlite3"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    again = backups.back_up(db, now=datetime(2026, 12, 4, 9, 30, 15))  # same second
    assert again != made and again.exists() and made.exists()
    assert not [p for p in made.parent.iterdir() if p.name.startswith(".")]  # no temp left
    with closing(sqlite3.connect(made)) as raw:  # stands alone: not WAL, no companions
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_restore_backs_up_the_current_state_first(db: Database, db_path: Path) -> None:
    add(db, "恢复前甲")
    kept = backups.back_up(db, now=datetime(2026, 12, 1, 9, 0))
    add(db, "恢复后乙")
    before = backups.restore(db, kept, now=datetime(2026, 12, 2, 9, 0))
    assert names(db) == {"恢复前甲"}  # the same Database object reads the restored data
    with closing(sqlite3.connect(before)) as raw:  # nothing lost: the state it replaced
        assert {row[0] for row in raw.execute("SELECT name FROM people")} == {
            "恢复前甲",
            "恢复后乙",
        }
    [entry] = [e for e in audit.entries(db) if e.action == "database.restore"]
    assert entry.target == f"backup:{kept.name}"
    assert entry.after == {"replaced_data_saved_as": before.name}
    audit.verify(db)  # the restored trail with the restore appended is one unbroken chain
    add(db, "恢复后丙")  # and it keeps working
    assert integrity.full_check(db_path) == []


def test_another_process_sees_the_restored_data(db: Database, db_path: Path) -> None:
    add(db, "恢复前甲")
    kept = backups.back_up(db)
    other = Database.open(str(db_path))  # another window on the same file, still open
    try:
        add(other, "恢复后乙")
        other.changed_elsewhere()  # it has seen everything up to now, its own write too
        backups.restore(db, kept)
        assert names(other) == {"恢复前甲"}
        # The restored counters are older than the ones it saw; it must notice all the same.
        assert other.changed_elsewhere() == changes.ALL
    finally:
        other.dispose()


def _same_data(db: Database) -> tuple[set[str], int]:
    return names(db), len(backup_files.backups_of(db.sqlite_file or Path()))


def test_restore_refuses_a_damaged_backup_and_changes_nothing(db: Database, tmp_path: Path) -> None:
    add(db, "留下甲")
    bad = backups.back_up(db, tmp_path / "bad.sqlite3")
    flip_data_pages(bad)
    before = _same_data(db)
    with pytest.raises(DamagedDatabaseError):
        backups.restore(db, bad)
    assert _same_data(db) == before


def test_restore_refuses_a_foreign_a_newer_and_a_missing_file(db: Database, tmp_path: Path) -> None:
    add(db, "留下甲")
    foreign = tmp_path / "other.sqlite3"
    with closing(sqlite3.connect(foreign)) as raw:
        raw.execute("CREATE TABLE notes (body TEXT)")
        raw.commit()
    newer = backups.back_up(db, tmp_path / "newer.sqlite3")
    with closing(sqlite3.connect(newer)) as raw:
        raw.execute("UPDATE alembic_version SET version_num = 'ffffffff9999'")
        raw.commit()
    before = _same_data(db)
    with pytest.raises(ForeignDatabaseError):
        backups.restore(db, foreign)
    with pytest.raises(NewerSchemaError):
        backups.restore(db, newer)
    with pytest.raises(UserError) as missing:
        backups.restore(db, tmp_path / "nowhere.sqlite3")
    assert "nowhere.sqlite3" in missing.value.message("en")
    assert "没有备份文件" in missing.value.message("zh")
    assert _same_data(db) == before


def test_rotation_keeps_the_last_day_and_the_newest_of_each_day_week_and_month() -> None:
    start = datetime(2025, 1, 1, 8, 0)
    taken = [(start + timedelta(hours=6 * n), Path(f"b{n}")) for n in range(4 * 400)]
    kept = backup_files.to_keep(taken, Keep(daily=7, weekly=4, monthly=12))
    newest = max(when for when, _path in taken)
    recent = {path for when, path in taken if newest - when <= timedelta(hours=24)}
    assert len(recent) == 5 and recent <= kept  # all of the last 24 hours
    older = sorted((when for when, path in taken if path in kept - recent), reverse=True)
    assert len({when.date() for when in older}) == len(older)  # one a day at most
    # Seven days counting the last two, whose newest backups are recent ones.
    assert [when.date() for when in older[:5]] == [
        newest.date() - timedelta(days=n) for n in range(2, 7)
    ]
    assert all(when.hour == 20 for when in older)  # the newest of its day
    months = {(when.year, when.month) for when in older} | {(newest.year, newest.month)}
    assert len(months) == 12
    assert len(kept) <= len(recent) + 7 + 4 + 12


def test_back_up_now_keeps_the_backups_of_the_same_day(db: Database, db_path: Path) -> None:
    morning = backups.back_up(db, now=datetime(2026, 12, 4, 8, 0))
    backups.back_up(db, now=datetime(2026, 12, 4, 17, 0))
    assert morning.exists()
    backups.restore(db, morning, now=datetime(2026, 12, 4, 17, 5))
    assert len(backup_files.backups_of(db_path)) == 3


def test_rotation_follows_the_department_settings(db: Database, db_path: Path) -> None:
    set_setting(db, "backup.keep_daily", "2")
    set_setting(db, "backup.keep_weekly", "0")
    set_setting(db, "backup.keep_monthly", "0")
    for day in range(1, 6):
        backups.back_up(db, now=datetime(2026, 11, day, 9, 0))
    kept = [when.day for when, _path in backup_files.backups_of(db_path)]
    assert kept == [5, 4]


def test_a_backup_on_start_only_when_the_data_changed(db: Database, db_path: Path) -> None:
    first = backups.back_up_if_changed(db)
    assert first is not None
    assert backups.back_up_if_changed(db) is None
    time.sleep(0.05)
    add(db, "新来甲")
    second = backups.back_up_if_changed(db)
    assert second is not None and second != first
    with closing(sqlite3.connect(second)) as raw:
        assert raw.execute("SELECT name FROM people").fetchall() == [("新来甲",)]


def test_an_erasure_is_preceded_by_a_backup_holding_the_person(db: Database, db_path: Path) -> None:
    person = add(db, "删除甲")
    candidate_data.erase_candidate(db, person)
    assert "删除甲" not in names(db)
    [(_when, made)] = backup_files.backups_of(db_path)
    with closing(sqlite3.connect(made)) as raw:
        assert raw.execute("SELECT name FROM people").fetchall() == [("删除甲",)]


def test_check_finds_a_broken_reference(db: Database, db_path: Path) -> None:
    person = add(db, "检查甲")
    selftests.start_selftest(db, person, "self", "HR")
    assert backups.check(db) == []
    db.dispose()
    with closing(sqlite3.connect(db_path)) as raw:  # behind the app's back, keys off
        raw.execute("DELETE FROM people")
        raw.commit()
    found = backups.check(db)
    assert len(found) == 1 and "refer to rows that do not exist" in found[0]


def test_a_migration_is_preceded_by_a_backup_of_the_older_file(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003")
    engine.dispose()
    Database.open(str(path)).dispose()
    Database.open(str(path)).dispose()  # already up to date: no second backup
    [(_when, made)] = backup_files.backups_of(path)
    with closing(sqlite3.connect(made)) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
