"""Files readable by their owner only (issue 9, point 6; POSIX modes).

The data folder is 0700; the database, its -wal and -shm, the log, the crash file and
every exported sheet or file are 0600. Each writer makes its files so whatever the
umask (the tests run with a permissive 022), and the command also runs with 077.
"""

import faulthandler
import logging
import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from cs_trainer import app_logging, cli, files
from cs_trainer.quizzes.selftest import parse_answer_list, service_potential
from cs_trainer.services import candidates, selftests
from cs_trainer.store.database import Database, default_database_path

ANSWERS = "9,8,10,7,6,9,8,10,9,8"


def mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """The usual umask, which alone would make files 0644 and folders 0755."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def opened() -> Iterator[list[Database]]:
    databases: list[Database] = []
    yield databases
    for database in databases:
        database.dispose()


def _write_something(database: Database) -> None:
    candidates.add_candidate(
        database, candidates.NewCandidate("张三", "13800138000", "客服专员", consent=True)
    )


def test_a_new_database_its_wal_shm_and_folder_are_the_owners_only(
    tmp_path: Path, opened: list[Database]
) -> None:
    path = tmp_path / "new" / "hr.sqlite3"
    database = Database.open(str(path))
    opened.append(database)
    _write_something(database)
    wal, shm = path.with_name("hr.sqlite3-wal"), path.with_name("hr.sqlite3-shm")
    assert wal.exists() and shm.exists()  # the engine is still open
    assert [mode(p) for p in (path.parent, path, wal, shm)] == ["0o700", *["0o600"] * 3]


def test_the_default_data_folder_is_the_owners_only(opened: list[Database]) -> None:
    path = default_database_path()
    opened.append(Database.open(None))
    assert path.exists()
    assert (mode(path.parent), mode(path)) == ("0o700", "0o600")


def test_files_an_older_version_left_readable_are_narrowed(
    tmp_path: Path, opened: list[Database], migrated_template: Path
) -> None:
    default = default_database_path()
    default.parent.mkdir(parents=True, mode=0o755)
    default.write_bytes(migrated_template.read_bytes())
    with closing(sqlite3.connect(default)) as raw:  # leaves a -wal and -shm behind
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute("CREATE TABLE scratch (x)")
        raw.commit()
        left = [default, *(default.with_name(default.name + end) for end in ("-wal", "-shm"))]
        for path in [default.parent, *left]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        opened.append(Database.open(None))
        assert [mode(p) for p in [default.parent, *left]] == ["0o700", *["0o600"] * 3]


def test_a_folder_the_user_chose_is_left_as_it_is(tmp_path: Path, opened: list[Database]) -> None:
    chosen = tmp_path / "shared"
    chosen.mkdir(mode=0o755)
    chosen.chmod(0o755)
    opened.append(Database.open(str(chosen / "hr.sqlite3")))
    assert mode(chosen) == "0o755"  # the user's folder, not ours
    assert mode(chosen / "hr.sqlite3") == "0o600"  # the database in it is ours


def test_someone_elses_file_is_not_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    theirs = tmp_path / "theirs.sqlite3"
    theirs.write_bytes(b"")
    theirs.chmod(0o644)
    monkeypatch.setattr(os, "getuid", lambda: os.stat(theirs).st_uid + 1)
    files.owner_only(theirs)
    assert mode(theirs) == "0o644"


def test_a_narrower_mode_stays_narrower(tmp_path: Path) -> None:
    read_only = tmp_path / "read-only"
    read_only.write_bytes(b"")
    read_only.chmod(0o444)
    files.owner_only(read_only)
    assert mode(read_only) == "0o400"


def test_an_atomic_write_is_the_owners_only_whatever_the_umask(tmp_path: Path) -> None:
    os.umask(0)
    out = tmp_path / "sheet.pdf"
    files.write_atomically(out, b"%PDF-")
    assert mode(out) == "0o600"
    out.chmod(0o666)  # an export an older version wrote
    files.write_atomically(out, b"%PDF-1.7")
    assert (mode(out), out.read_bytes()) == ("0o600", b"%PDF-1.7")


@pytest.fixture
def log_file() -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers)
    old = app_logging.log_path()
    old.parent.mkdir(parents=True, mode=0o755)
    old.parent.chmod(0o755)
    old.write_text("an older version's line\n", encoding="utf-8")
    old.chmod(0o644)
    path = app_logging.start_logging()
    assert path == old
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_the_log_and_its_rotations_are_the_owners_only(log_file: Path) -> None:
    assert (mode(log_file.parent), mode(log_file)) == ("0o700", "0o600")
    handler = next(
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
    )
    handler.doRollover()
    logging.getLogger("cs_trainer.test").warning("after the rotation")
    rotated = log_file.with_name(log_file.name + ".1")
    assert (mode(log_file), mode(rotated)) == ("0o600", "0o600")
    assert "after the rotation" in log_file.read_text(encoding="utf-8")


def test_the_crash_file_is_the_owners_only(monkeypatch: pytest.MonkeyPatch) -> None:
    crash = app_logging.crash_path()
    crash.parent.mkdir(parents=True)
    crash.write_text("", encoding="utf-8")
    crash.chmod(0o644)  # as an older version left it
    monkeypatch.setattr(faulthandler, "enable", lambda *_a, **_k: None)  # keep pytest's
    monkeypatch.setattr(app_logging, "_crash_stream", None)
    assert app_logging.enable_crash_file() == crash
    stream = app_logging._crash_stream
    assert stream is not None
    stream.close()
    assert mode(crash) == "0o600"
    crash.unlink()
    assert app_logging.enable_crash_file() == crash  # and a new one
    stream = app_logging._crash_stream
    assert stream is not None
    stream.close()
    assert mode(crash) == "0o600"


def test_an_exported_sheet_and_csv_are_the_owners_only(
    db: Database, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = candidates.add_candidate(
        db, candidates.NewCandidate("张三", "13800138000", "客服专员", consent=True)
    )
    answers = parse_answer_list(service_potential().instrument, ANSWERS)
    selftests.record_paper_selftest(db, person, answers, "self", "")
    pdf, trail = tmp_path / "out" / "sheet.pdf", tmp_path / "out" / "trail.csv"
    pdf.parent.mkdir()
    options = ["--database", str(db_path)]
    assert cli.main(["sheet", "--candidate", str(person), "--out", str(pdf), *options]) == 0
    assert cli.main(["audit", "export", "--out", str(trail), *options]) == 0
    capsys.readouterr()
    assert (mode(pdf), mode(trail)) == ("0o600", "0o600")


def test_the_command_runs_with_an_owner_only_umask(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[int] = []

    def gui(_args: object) -> int:
        current = os.umask(0o077)
        seen.append(current)
        os.umask(current)
        return 0

    monkeypatch.setattr(cli, "_run_gui", gui)
    assert cli.main(["gui"]) == 0
    assert seen == [files.OWNER_ONLY_UMASK]
    assert os.umask(0o022) == 0o022  # put back afterwards
