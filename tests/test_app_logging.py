"""The log and the native-crash file, and that no person's data ever reaches them.

A unique marker is planted as a candidate's name, phone and notes; then the faults a
laptop meets (full database, read-only file, a lock held past the timeout, a bug in a
statement) are provoked through the services and the CLI. The log file, every CLI
error and every exception text are searched for the marker.
"""

import logging
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text

from cs_trainer import app_logging, cli
from cs_trainer.errors import UserError
from cs_trainer.services import candidates
from cs_trainer.store.database import Database

MARKER = "隐私标记Q7Z"
PHONE = "13912345678"


@pytest.fixture
def log_file() -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers)
    path = app_logging.start_logging()
    assert path is not None
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def _plant(db: Database) -> int:
    return candidates.add_candidate(
        db, candidates.NewCandidate(MARKER, PHONE, "客服专员", consent=True)
    )


def test_the_log_is_a_rotating_file_in_the_user_log_folder(log_file: Path, tmp_path: Path) -> None:
    assert log_file.is_relative_to(tmp_path / "xdg-state")
    logging.getLogger("cs_trainer.test").warning("a line for the log")
    assert "a line for the log" in log_file.read_text(encoding="utf-8")
    handler = next(h for h in logging.getLogger().handlers if hasattr(h, "maxBytes"))
    assert handler.maxBytes == app_logging.LOG_BYTES
    assert oct(log_file.parent.stat().st_mode & 0o777) == oct(0o700)


def _faults(db: Database, db_path: Path) -> list[str]:
    """Provoke each fault; return what the user was told."""
    told: list[str] = []
    with db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
    full = Database(db.url)
    event.listen(
        full.engine, "connect", lambda raw, _r: raw.execute(f"PRAGMA max_page_count = {pages}")
    )
    busy = Database(db.url, busy_timeout_ms=100)
    read_only = Database(f"sqlite:///file:{db_path}?mode=ro&uri=true")
    for target in (full, read_only):
        try:
            for _ in range(100):
                candidates.add_candidate(
                    target,
                    candidates.NewCandidate(MARKER * 50, PHONE, "客服专员", consent=True),
                )
        except UserError as exc:
            told.append(str(exc))
            logging.getLogger("cs_trainer.ui.shared.problems").warning("problem shown: %s", exc)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        _plant(busy)
    except UserError as exc:
        told.append(str(exc))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    try:  # a bug: a statement that breaks a constraint, with the marker as a parameter
        with db.writing() as session:
            session.execute(
                text("INSERT INTO people (id, name, kind) VALUES (1, :name, 'candidate')"),
                {"name": MARKER},
            )
    except Exception as exc:
        told.append(str(exc))
        logging.getLogger("cs_trainer").exception("unexpected error")
    for database in (full, busy, read_only):
        database.dispose()
    return told


@pytest.mark.expect_logged_errors
def test_no_fault_puts_a_persons_data_in_a_message_or_the_log(
    db: Database, db_path: Path, log_file: Path
) -> None:
    _plant(db)
    told = _faults(db, db_path)
    assert len(told) == 4
    for message in told:
        assert MARKER not in message and PHONE not in message
    log = log_file.read_text(encoding="utf-8")
    assert "unexpected error" in log  # the bug was logged, with its traceback
    assert MARKER not in log and PHONE not in log


def test_cli_errors_carry_no_personal_data(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    person = _plant(db)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code = cli.main(
            [
                "--database",
                str(db_path),
                "selftest",
                "--candidate",
                str(person),
                "--answers",
                "1,2,3,4,5,6,7,8,9,10",
            ]
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    for argv in (
        ["candidate", "add", "--name", MARKER, "--phone", "not-a-phone", "--consent"],
        ["candidate", "add", "--name", MARKER, "--phone", PHONE],
    ):
        assert cli.main(["--database", str(db_path), *argv]) != 0
    _out, err = capsys.readouterr()
    assert code != 0 and err.count("\n") >= 3
    assert MARKER not in err and PHONE not in err


def test_a_native_crash_is_written_and_offered_once(tmp_path: Path) -> None:
    script = (
        "import faulthandler, sys\n"
        "from cs_trainer import app_logging\n"
        "app_logging.enable_crash_file()\n"
        "faulthandler._sigsegv()\n"
    )
    env = {"XDG_STATE_HOME": str(tmp_path / "xdg-state"), "PATH": "/usr/bin:/bin"}
    env.update({k: v for k, v in __import__("os").environ.items() if k == "PYTHONPATH"})
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, timeout=60
    )
    assert result.returncode != 0
    crash = tmp_path / "xdg-state" / "cs_trainer" / "log" / app_logging.CRASH_FILE
    assert "Fatal Python error" in crash.read_text(encoding="utf-8")
    report = app_logging.take_previous_crash()
    assert report is not None and "Segmentation fault" in report
    assert app_logging.take_previous_crash() is None  # offered once, then set aside
