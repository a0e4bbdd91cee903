"""The ``cs-trainer`` command: the happy path as real processes, bad input in-process.

Every refusal is one line on stderr, a non-zero exit and nothing written.
"""

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from pypdf import PdfReader

from cs_trainer import cli
from cs_trainer.store.database import Database

ANSWERS_84 = "9,8,10,7,6,9,8,10,9,8"
TABLES = ("people", "attempts", "responses", "instrument_snapshots", "app_settings")


def run(
    tmp_path: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m cs_trainer ARGS`` with a private data folder and no inherited database."""
    environment = {k: v for k, v in os.environ.items() if k != "CS_TRAINER_DATABASE"}
    environment["XDG_DATA_HOME"] = str(tmp_path / "xdg")  # never the real user data folder
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "cs_trainer", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        cwd=tmp_path,
        timeout=120,
    )


def row_counts(database: Path) -> dict[str, int]:
    with closing(sqlite3.connect(database)) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in TABLES
        }


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("cs-trainer"), stderr
    return lines[0]


# --- real processes -----------------------------------------------------------------------


@pytest.mark.slow
def test_add_candidate_record_selftest_and_print_sheet(tmp_path: Path) -> None:
    database = tmp_path / "hr.sqlite3"
    added = run(
        tmp_path,
        "candidate",
        "add",
        "--database",
        str(database),
        "--name",
        "张三",
        "--phone",
        "13800138000",
        "--position",
        "客服专员",
        "--consent",
    )
    assert added.returncode == 0, added.stderr
    assert added.stderr == ""
    assert re.fullmatch(r"\d+\n", added.stdout)
    candidate_id = added.stdout.strip()

    scored = run(
        tmp_path,
        "selftest",
        "--database",
        str(database),
        "--candidate",
        candidate_id,
        "--answers",
        ANSWERS_84,
    )
    assert scored.returncode == 0, scored.stderr
    assert scored.stdout.strip() == "84/100 优秀 (Excellent)"

    out = tmp_path / "张三-evaluation.pdf"
    sheet = run(
        tmp_path,
        "sheet",
        "--database",
        str(database),
        "--candidate",
        candidate_id,
        "--out",
        str(out),
    )
    assert sheet.returncode == 0, sheet.stderr
    assert sheet.stdout.strip() == str(out)
    assert out.read_bytes().startswith(b"%PDF-")
    text = pdf_text(out)
    assert "张三" in text
    assert "84" in text
    assert "客服专员" in text
    assert row_counts(database) == {
        "people": 1,
        "attempts": 1,
        "responses": 10,
        "instrument_snapshots": 1,
        "app_settings": 0,
    }
    assert not (tmp_path / "xdg").exists()  # --database was used, not the default


@pytest.mark.slow
def test_help_lists_the_commands(tmp_path: Path) -> None:
    result = run(tmp_path, "--help")
    assert result.returncode == 0
    for command in ("candidate", "selftest", "sheet", "user", "audit"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE), result.stdout
    assert "--database" in result.stdout
    assert "--user" in result.stdout and "CS_TRAINER_PASSWORD" in result.stdout


@pytest.mark.slow
def test_the_environment_variable_names_the_database(tmp_path: Path) -> None:
    database = tmp_path / "from-env" / "cs.sqlite3"
    env = {"CS_TRAINER_DATABASE": str(database)}
    added = run(
        tmp_path,
        "candidate",
        "add",
        "--name",
        "李四",
        "--phone",
        "13900139000",
        "--consent",
        env=env,
    )
    assert added.returncode == 0, added.stderr
    scored = run(
        tmp_path, "selftest", "--candidate", added.stdout.strip(), "--answers", ANSWERS_84, env=env
    )
    assert scored.returncode == 0, scored.stderr
    assert row_counts(database)["attempts"] == 1
    assert not (tmp_path / "xdg").exists()


@pytest.mark.slow
def test_a_refusal_in_a_real_process_is_one_line(tmp_path: Path) -> None:
    database = tmp_path / "sub" / "hr.sqlite3"
    result = run(
        tmp_path,
        "candidate",
        "add",
        "--database",
        str(database),
        "--name",
        "张三",
        "--phone",
        "13800138000",
    )
    assert result.returncode != 0
    assert "consent" in one_error_line(result.stderr)
    assert result.stdout == ""
    assert not database.exists()
    assert not database.parent.exists()


# --- in-process: cheap cases ------------------------------------------------------------


@pytest.fixture(autouse=True)
def dispose_opened_databases(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The command leaves its engine to process exit; in-process, close it after each test."""
    opened: list[Database] = []
    real_open = Database.open.__func__  # type: ignore[attr-defined]

    def tracking_open(cls: type[Database], option: str | None = None) -> Database:
        database: Database = real_open(cls, option)
        opened.append(database)
        return database

    monkeypatch.setattr(Database, "open", classmethod(tracking_open))
    yield
    for database in opened:
        database.dispose()


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CS_TRAINER_DATABASE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return tmp_path / "hr.sqlite3"


@pytest.fixture
def candidate_id(database: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code = cli.main(
        [
            "candidate",
            "add",
            "--database",
            str(database),
            "--name",
            "张三",
            "--phone",
            "13800138000",
            "--position",
            "客服专员",
            "--consent",
        ]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    argv = ["selftest", "--database", str(database), "--candidate", out.strip()]
    assert cli.main([*argv, "--answers", ANSWERS_84]) == 0
    capsys.readouterr()
    return out.strip()


def refused(
    capsys: pytest.CaptureFixture[str], argv: list[str], database: Path | None = None
) -> str:
    """Run the command in-process, expect one error line and no change; return the line."""
    before = row_counts(database) if database is not None else None
    try:
        code = cli.main(argv)
    except SystemExit as exit_:  # argparse usage errors
        code = exit_.code  # type: ignore[assignment]
    out, err = capsys.readouterr()
    assert code not in (0, None)
    assert out == ""
    line = one_error_line(err)
    if database is not None:
        assert row_counts(database) == before
    return line


def test_unknown_candidate_for_selftest(
    database: Path, candidate_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused(
        capsys,
        ["selftest", "--database", str(database), "--candidate", "999", "--answers", ANSWERS_84],
        database,
    )
    assert "no candidate with ID 999" in line


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ("0,8,10,7,6,9,8,10,9,8", "between 1 and 10, not 0"),
        ("9,8,10,7,6,9,8,10,9,11", "between 1 and 10, not 11"),
        ("9,8,10,7,6,9,8,10,9", "expected 10 answers"),
        ("9,8,ten,7,6,9,8,10,9,8", "whole number, not 'ten'"),
        ("x", "expected 10 answers"),
    ],
)
def test_bad_answers_are_refused(
    database: Path,
    candidate_id: str,
    capsys: pytest.CaptureFixture[str],
    answers: str,
    expected: str,
) -> None:
    line = refused(
        capsys,
        [
            "selftest",
            "--database",
            str(database),
            "--candidate",
            candidate_id,
            "--answers",
            answers,
        ],
        database,
    )
    assert expected in line


def test_a_non_number_candidate_id_is_a_usage_error(
    database: Path, candidate_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused(
        capsys,
        ["selftest", "--database", str(database), "--candidate", "x", "--answers", ANSWERS_84],
        database,
    )
    assert "invalid int value" in line


def test_candidate_add_without_consent_creates_no_database(
    tmp_path: Path, database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = refused(
        capsys,
        [
            "candidate",
            "add",
            "--database",
            str(database),
            "--name",
            "张三",
            "--phone",
            "13800138000",
        ],
    )
    assert "--consent is required" in line
    assert not database.exists()
    assert not (tmp_path / "xdg").exists()


@pytest.mark.parametrize(
    ("name", "phone", "expected"),
    [("  ", "13800138000", "name is required"), ("张三", "call me", "not a phone number")],
)
def test_candidate_add_with_bad_details_stores_nothing(
    database: Path,
    candidate_id: str,
    capsys: pytest.CaptureFixture[str],
    name: str,
    phone: str,
    expected: str,
) -> None:
    line = refused(
        capsys,
        [
            "candidate",
            "add",
            "--database",
            str(database),
            "--name",
            name,
            "--phone",
            phone,
            "--consent",
        ],
        database,
    )
    assert expected in line


def test_sheet_into_a_missing_folder(
    tmp_path: Path, database: Path, candidate_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-folder" / "sheet.pdf"
    line = refused(
        capsys,
        ["sheet", "--database", str(database), "--candidate", candidate_id, "--out", str(out)],
        database,
    )
    assert "does not exist" in line
    assert not out.parent.exists()


def test_sheet_onto_something_unwritable_is_one_line(
    tmp_path: Path, database: Path, candidate_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sheet.pdf"
    out.mkdir()  # a folder where the file should go: the write fails at the OS level
    line = refused(
        capsys,
        ["sheet", "--database", str(database), "--candidate", candidate_id, "--out", str(out)],
        database,
    )
    assert line.startswith(f"cs-trainer: error: cannot write {out}")
    assert list(tmp_path.glob(".sheet.pdf*")) == [], "no temporary file is left behind"


def test_sheet_for_an_unknown_candidate_writes_no_file(
    tmp_path: Path, database: Path, candidate_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sheet.pdf"
    line = refused(
        capsys,
        ["sheet", "--database", str(database), "--candidate", "424", "--out", str(out)],
        database,
    )
    assert "no candidate with ID 424" in line
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == []


def test_a_damaged_database_is_one_line_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    content = os.urandom(4096)
    damaged.write_bytes(content)
    line = refused(
        capsys,
        ["selftest", "--database", str(damaged), "--candidate", "1", "--answers", ANSWERS_84],
    )
    assert "damaged" in line
    assert damaged.read_bytes() == content


def test_database_option_before_the_command(
    database: Path, candidate_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(
        [
            "--database",
            str(database),
            "selftest",
            "--candidate",
            candidate_id,
            "--answers",
            "5,5,5,5,5,5,5,5,5,5",
        ]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.startswith("50/100 ")
    assert row_counts(database)["attempts"] == 2


def test_manager_mode_and_evaluator_are_recorded(
    database: Path, candidate_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(
        [
            "selftest",
            "--database",
            str(database),
            "--candidate",
            candidate_id,
            "--answers",
            "1,2,3,4,5,6,7,8,9,10",
            "--mode",
            "manager",
            "--conducted-by",
            "王主管",
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith("55/100 ")
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(
            "SELECT mode, conducted_by, total, band FROM attempts ORDER BY id"
        ).fetchall()
    assert rows == [
        ("self", "", 84, "excellent"),
        ("manager", "王主管", 55, "learn_communication"),
    ]
