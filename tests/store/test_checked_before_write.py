"""Every open of an SQLite file checks it before the first write (issue 10, point 5).

The faults are simulated on a copy of a real database: bytes flipped at the start of
its last data pages (their b-tree headers, never the 100-byte file header, so SQLite
still opens the file and only a page check finds the damage), a file made by another
program, and an empty file. Each must leave the file's bytes as they were (sha256)
and create no ``-wal`` or ``-shm`` beside it.
"""

import hashlib
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from cs_trainer import cli
from cs_trainer.errors import DamagedDatabaseError, ForeignDatabaseError
from cs_trainer.store import backup_files, integrity
from cs_trainer.store.database import Database
from tests.conftest import SQLITE_PAGE as PAGE
from tests.conftest import flip_data_pages

pytestmark = pytest.mark.sqlite_only("the check reads the SQLite file itself")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def companions(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


def fill(db: Database, rows: int = 3000) -> None:
    """Enough rows for many data pages, then everything into the main file."""
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO app_settings (key, value) VALUES "
            + ", ".join(f"('filler-{n:05d}', '{'数据' * 20}')" for n in range(rows))
        )
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


@pytest.fixture
def damaged(db: Database, db_path: Path) -> Path:
    fill(db)
    db.dispose()
    assert companions(db_path) == []
    assert db_path.stat().st_size >= 20 * PAGE
    flip_data_pages(db_path)
    return db_path


def test_a_file_with_flipped_data_pages_is_refused_before_any_write(damaged: Path) -> None:
    before = sha256(damaged)
    with pytest.raises(DamagedDatabaseError) as caught:
        Database.open(str(damaged))
    text = caught.value.message()
    assert str(damaged) in text and "\n" not in text
    assert "no good backup" in caught.value.message("en")
    assert "没有完好的备份" in caught.value.message("zh")
    assert caught.value.backup is None
    assert sha256(damaged) == before
    assert companions(damaged) == []


def test_the_refusal_names_the_newest_good_backup(db: Database, db_path: Path) -> None:
    fill(db)
    good = backup_files.back_up_file(db_path, datetime(2026, 1, 1, 9, 0))
    db.dispose()
    newer_but_damaged = backup_files.new_backup_path(db_path, datetime(2026, 1, 2, 9, 0))
    newer_but_damaged.write_bytes(good.read_bytes())
    assert good.stat().st_size >= 20 * PAGE
    flip_data_pages(newer_but_damaged)
    flip_data_pages(db_path)
    before = sha256(db_path)
    with pytest.raises(DamagedDatabaseError) as caught:
        Database.open(str(db_path))
    assert caught.value.backup == good
    assert str(good) in str(caught.value) and "cs-trainer restore" in str(caught.value)
    assert sha256(db_path) == before and companions(db_path) == []


def test_candidate_add_on_a_damaged_file_is_one_bilingual_line_and_writes_nothing(
    damaged: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = sha256(damaged)
    add = ["candidate", "add", "--name", "张三", "--phone", "13800138000", "--consent"]
    code = cli.main([*add, "--database", str(damaged)])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert "damaged" in captured.err and str(damaged) in captured.err
    assert "Traceback" not in captured.err
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code = cli.main([*add, "--database", str(damaged)])
    assert code == 1 and "已损坏" in capsys.readouterr().err
    assert sha256(damaged) == before and companions(damaged) == []


def test_another_programs_file_is_refused_and_not_switched_to_wal(tmp_path: Path) -> None:
    path = tmp_path / "other-app.sqlite3"
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        raw.execute("INSERT INTO notes (body) VALUES ('keep me')")
        raw.commit()
    before = sha256(path)
    with pytest.raises(ForeignDatabaseError):
        Database.open(str(path))
    assert sha256(path) == before  # the header's journal-mode bytes too: not WAL
    assert path.read_bytes()[18:20] == b"\x01\x01"
    assert companions(path) == []


def test_an_empty_file_is_taken_as_new_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    db = Database.open(str(path))
    try:
        assert [notice.en for notice in db.notices] == [
            "{where} is an empty file (0 bytes); it is taken as a new database."
        ]
        assert "空文件" in db.notices[0].render("zh") and str(path) in db.notices[0].render()
        assert "app_settings" in db.table_names()
    finally:
        db.dispose()
    again = Database.open(str(path))  # no longer empty: no notice the second time
    assert again.notices == []
    again.dispose()


def test_the_command_line_prints_the_empty_file_notice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    add = ["candidate", "add", "--name", "张三", "--phone", "13800138000", "--consent"]
    assert cli.main([*add, "--database", str(path)]) == 0
    captured = capsys.readouterr()
    assert "empty file (0 bytes)" in captured.err and str(path) in captured.err
    assert captured.out.strip().isdigit()


def test_a_sound_file_opened_by_another_process_is_checked_without_immutable(
    db: Database, db_path: Path
) -> None:
    """With a -wal beside it the file is in use: read through SQLite's locks, not as if
    no one could change it, and the committed pages in the -wal count."""
    with db.engine.begin() as connection:  # db stays open: -wal and -shm exist
        connection.exec_driver_sql("INSERT INTO app_settings (key, value) VALUES ('k', 'v')")
    assert integrity.in_use(db_path)
    assert integrity.problems(db_path) == []
    other = Database.open(str(db_path))
    other.dispose()
