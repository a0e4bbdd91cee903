"""The environment's problems are told apart from bugs, each with its own message.

Real faults on SQLite (a full database via ``max_page_count``, a read-only file, a
lock held by another connection past the busy timeout) and PostgreSQL's SQLSTATEs;
after each, what was saved before is intact and the next action works again.
"""

import errno
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from cs_trainer import known_problems, language
from cs_trainer.errors import (
    CannotOpenDatabaseError,
    DamagedDatabaseError,
    DatabaseBusyError,
    DiskFullError,
    DiskIOError,
    EnvironmentProblem,
    FileProblemError,
    ForeignDatabaseError,
    MissingPathError,
    ReadOnlyError,
    UserError,
)
from cs_trainer.services import candidates
from cs_trainer.store.database import Database

MARKER = "张标记九九"  # a name that must never reach a message


def _add(db: Database, name: str = MARKER) -> int:
    return candidates.add_candidate(
        db, candidates.NewCandidate(name, "13900001111", "客服专员", True, allow_duplicate=True)
    )


def _names(db: Database) -> list[str]:
    return [row.name for row in candidates.list_candidates(db)]


@pytest.fixture
def english() -> Iterator[None]:
    language.set_current("en")
    yield
    language.set_current("en")


@pytest.mark.sqlite_only
def test_a_full_database_is_disk_full_and_keeps_what_was_saved(db: Database, english: None) -> None:
    _add(db, "first")
    with db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
    full = Database(db.url)
    # Every new connection of this engine may grow the file by no page at all.
    from sqlalchemy import event

    event.listen(
        full.engine, "connect", lambda raw, _r: raw.execute(f"PRAGMA max_page_count = {pages}")
    )
    with pytest.raises(DiskFullError) as caught:
        for number in range(5000):  # names at their length limit, until no page is left
            _add(full, f"{MARKER} {number} " + "满" * 150)
    message = str(caught.value)
    assert "Free some disk space" in message and "nothing already saved was lost" in message
    assert MARKER not in message and "INSERT" not in message and "damaged" not in message
    assert "first" in _names(db)
    full.dispose()
    _add(db, "after")  # the ordinary database still works
    assert "after" in _names(db)


@pytest.mark.sqlite_only
def test_a_read_only_file_is_read_only_and_stays_readable(
    db: Database, db_path: Path, english: None
) -> None:
    """SQLite opened read-only gives the fault a read-only file gives (and does so for
    root too, who may write any file whatever its mode)."""
    _add(db, "kept")
    read_only = Database(f"sqlite:///file:{db_path}?mode=ro&uri=true")
    with pytest.raises(ReadOnlyError) as caught:
        _add(read_only)
    assert MARKER not in str(caught.value)
    assert "damaged" not in str(caught.value)
    assert _names(read_only) == ["kept"]
    read_only.dispose()


def test_a_lock_held_past_the_timeout_is_busy_and_then_clears(db: Database, english: None) -> None:
    """Another process mid-write (SQLite's write lock, PostgreSQL's advisory write lock)."""
    _add(db, "before")
    hurried = Database(db.url, busy_timeout_ms=200)
    with db.writing() as holder:
        holder.execute(text("SELECT 1"))  # the write session's lock is taken
        with pytest.raises(DatabaseBusyError) as caught:
            _add(hurried)
        message = str(caught.value)
        assert "busy" in message and "Try again" in message and MARKER not in message
    _add(hurried, "after")  # the lock is gone: the same action works now
    assert set(_names(hurried)) == {"before", "after"}
    hurried.dispose()


def test_damage_and_foreign_files_are_told_apart(tmp_path: Path, english: None) -> None:
    pdf = tmp_path / "sheet.sqlite3"
    pdf.write_bytes(b"%PDF-1.7\n" + b"\x00" * 4096)
    with pytest.raises(ForeignDatabaseError) as foreign:
        Database.open(str(pdf))
    assert "damaged" not in str(foreign.value)
    assert pdf.read_bytes().startswith(b"%PDF")  # left exactly as it was


def test_messages_exist_in_chinese(english: None) -> None:
    language.set_current("zh")
    try:
        assert "磁盘已满" in str(DiskFullError("/data/x.sqlite3"))
        assert "只读" in str(ReadOnlyError("/data"))
        assert "正忙" in str(DatabaseBusyError("/data/x.sqlite3", 15))
    finally:
        language.set_current("en")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.ENOSPC, DiskFullError),
        (errno.EDQUOT, DiskFullError),
        (errno.EROFS, ReadOnlyError),
        (errno.EACCES, ReadOnlyError),
        (errno.EIO, DiskIOError),
        (errno.ENOENT, MissingPathError),
        (errno.EBUSY, FileProblemError),
    ],
)
def test_os_errors_become_their_problem(code: int, expected: type[UserError]) -> None:
    problem = known_problems.from_os_error(OSError(code, os.strerror(code), "/media/usb/a.pdf"))
    assert type(problem) is expected
    assert "/media/usb/a.pdf" in str(problem)
    assert isinstance(problem, EnvironmentProblem)


class _PgError(Exception):
    """Stands in for psycopg's exception: what we read of it is its SQLSTATE."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__("ERROR: could not extend file: No space left on device")
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("sqlstate", "expected"),
    [
        ("53100", DiskFullError),
        ("25006", ReadOnlyError),
        ("55P03", DatabaseBusyError),
        ("57014", DatabaseBusyError),
        ("58030", DiskIOError),
        ("XX001", DamagedDatabaseError),
        ("08006", CannotOpenDatabaseError),
        ("28P01", CannotOpenDatabaseError),
    ],
)
def test_postgresql_sqlstates_become_their_problem(
    sqlstate: str, expected: type[UserError]
) -> None:
    problem = known_problems.from_driver_error(_PgError(sqlstate), "postgresql://hr@server/cs", 15)
    assert type(problem) is expected


def test_an_unknown_postgresql_error_stays_a_bug() -> None:
    assert known_problems.from_driver_error(_PgError("23505"), "server", 15) is None  # unique


def test_statement_parameters_are_never_printed(db: Database) -> None:
    """SQLAlchemy's error text quotes parameters unless told not to; they hold names."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    _add(db)
    with pytest.raises(IntegrityError) as caught, db.writing() as session:
        session.execute(
            text("INSERT INTO people (id, name, kind) VALUES (1, :name, 'candidate')"),
            {"name": MARKER},
        )
    assert MARKER not in str(caught.value)


def test_an_sqlite_uri_makes_no_folder_of_its_own(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Database(f"sqlite:///file:{db_path}?mode=ro&uri=true").dispose()
    assert not (tmp_path / "file:").exists()
