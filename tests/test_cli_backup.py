"""``cs-trainer backup``, ``restore`` and ``check`` from the command line."""

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from cs_trainer import cli
from cs_trainer.store import backup_files, integrity
from cs_trainer.store.database import Database
from tests.conftest import flip_data_pages

ADD = ["candidate", "add", "--phone", "13800138000", "--consent", "--name"]


def people(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as raw:
        return [row[0] for row in raw.execute("SELECT name FROM people ORDER BY id")]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out.strip(), captured.err.strip()


@pytest.mark.sqlite_only("the commands copy the SQLite file")
def test_backup_restore_and_check_round_trip(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = ["--database", str(db_path)]
    assert run(capsys, *ADD, "备份前甲", *where)[0] == 0
    out_file = tmp_path / "kept.sqlite3"
    code, out, _err = run(capsys, "backup", "--out", str(out_file), *where)
    assert code == 0 and out == str(out_file) and people(out_file) == ["备份前甲"]
    code, out, _err = run(capsys, "backup", *where)
    assert code == 0 and Path(out).parent == db_path.parent / "backups"
    assert (
        run(capsys, *ADD[:2], "--phone", "13900139000", "--consent", "--name", "乙", *where)[0] == 0
    )
    code, out, _err = run(capsys, "restore", str(out_file), *where)
    assert code == 0 and people(db_path) == ["备份前甲"]
    assert people(Path(out)) == ["备份前甲", "乙"]  # what restore replaced, kept first
    code, out, _err = run(capsys, "check", *where)
    assert code == 0 and "passed every check" in out


@pytest.mark.sqlite_only("the damage is in the SQLite file")
def test_restore_onto_a_damaged_file_moves_it_aside_and_needs_no_user(
    db_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    where = ["--database", str(db_path)]
    assert run(capsys, *ADD, "好数据甲", *where)[0] == 0
    code, good, _err = run(capsys, "backup", *where)
    with closing(sqlite3.connect(db_path)) as raw:  # enough pages to damage some
        raw.execute("CREATE TABLE filler (body TEXT)")
        raw.executemany("INSERT INTO filler VALUES (?)", [("数据" * 200,)] * 300)
        raw.commit()
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    flip_data_pages(db_path)
    damaged_bytes = db_path.read_bytes()
    code, _out, err = run(capsys, *ADD, "不该写入", *where)
    assert code == 1 and good in err and "cs-trainer restore" in err
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, err = run(capsys, "restore", good, *where)
    assert code == 0 and "已恢复" in out, err
    assert people(db_path) == ["好数据甲"] and integrity.full_check(db_path) == []
    aside = [
        p
        for p in (db_path.parent / "backups").iterdir()
        if "-damaged-" in p.name and p.suffix == ".sqlite3"
    ]
    assert len(aside) == 1 and aside[0].read_bytes() == damaged_bytes  # never written


@pytest.mark.sqlite_only("the check reads the SQLite file")
def test_check_reports_a_broken_reference_and_fails(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    where = ["--database", str(db_path)]
    assert run(capsys, *ADD, "检查甲", *where)[0] == 0
    db = Database.open(str(db_path))
    db.dispose()
    with closing(sqlite3.connect(db_path)) as raw:
        raw.execute(
            "INSERT INTO attempts (person_id, instrument_id, content_hash, mode, conducted_by,"
            " started_at, status) VALUES (999, 'x', 'h', 'self', 'HR', '2026-12-04', 'open')"
        )
        raw.commit()
    code, out, _err = run(capsys, "check", *where)
    assert code == 1 and out.endswith("(broken references)")  # the person and the snapshot
    assert out.startswith("The database failed its check; problems found: 1 ")
    assert backup_files.backups_of(db_path) == []  # a check writes nothing


def test_backup_on_postgresql_is_one_line_naming_pg_dump(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "backup", "--database", database_url)
    if database_url.startswith("sqlite"):
        assert code == 0 and Path(out).exists()
        return
    assert code == 1 and out == "" and len(err.splitlines()) == 1 and "pg_dump" in err
