"""``cs-trainer import-bank`` and ``export-bank``: a real process for the happy path,
in-process for refusals.

A refused file prints one line per problem (``FILE:ROW:COLUMN: message``), exits 1,
and writes nothing: no database row, no database file, no exported file.
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
from openpyxl import load_workbook

from cs_trainer import cli
from cs_trainer.quizzes.bank_io import read_bank, write_bank
from cs_trainer.quizzes.interview_content import builtin_bank
from cs_trainer.quizzes.interview_schema import QuestionBank
from cs_trainer.store.database import Database

PROBLEM_LINE = re.compile(r"^.+:\d+:[a-z0-9_]+( \([A-Z]+\))?: .+$")


def text(zh: str, en: str) -> dict[str, str]:
    return {"zh": zh, "en": en}


def make_bank(bank_id: str = "hotel_front_desk") -> QuestionBank:
    return QuestionBank.model_validate(
        {
            "id": bank_id,
            "version": 1,
            "kind": "interview_bank",
            "title": text("酒店前台面试题", "Hotel front-desk questions"),
            "questions": [
                {
                    "id": qid,
                    "group": "psychological",
                    "source": "本店培训组",
                    "text": text(
                        "请讲一次顾客对你发火的经历。", "Tell me about an angry customer."
                    ),
                    "purpose": text("考察抗压能力。", "Pressure."),
                    "good_signs": [text("语气平和", "Calm tone")],
                    "warning_signs": [text("推卸责任", "Blames others")],
                    "anchors": [
                        {"score": score, "text": text(f"{score}分。", f"Worth {score}.")}
                        for score in (1, 3, 5)
                    ],
                }
                for qid in ("angry_customer", "second_try")
            ],
        }
    )


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m cs_trainer ARGS`` with a private data folder and no inherited database."""
    environment = {k: v for k, v in os.environ.items() if k != "CS_TRAINER_DATABASE"}
    environment["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    environment["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "cs_trainer", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        cwd=tmp_path,
        timeout=120,
    )


def imported_count(database: Path) -> int:
    with closing(sqlite3.connect(database)) as connection:
        count: int = connection.execute("SELECT count(*) FROM imported_banks").fetchone()[0]
        return count


# --- real processes -----------------------------------------------------------------------


@pytest.mark.slow
def test_import_then_export_a_bank(tmp_path: Path) -> None:
    database = tmp_path / "hr.sqlite3"
    source = tmp_path / "题库.xlsx"
    write_bank(make_bank(), source)
    imported = run(tmp_path, "import-bank", "--database", str(database), str(source))
    assert imported.returncode == 0, imported.stderr
    assert (imported.stdout, imported.stderr) == ("imported hotel_front_desk: 2 questions\n", "")

    out = tmp_path / "exported.csv"
    exported = run(
        tmp_path, "export-bank", "--database", str(database), "hotel_front_desk", str(out)
    )
    assert exported.returncode == 0, exported.stderr
    assert (exported.stdout, exported.stderr) == (f"{out}\n", "")
    assert read_bank(out) == make_bank()
    assert imported_count(database) == 1
    assert not (tmp_path / "xdg").exists()


@pytest.mark.slow
def test_help_lists_the_bank_commands(tmp_path: Path) -> None:
    result = run(tmp_path, "--help")
    assert result.returncode == 0
    for command in ("import-bank", "export-bank"):
        assert re.search(rf"^\s+{command}\s", result.stdout, re.MULTILINE), result.stdout


# --- in-process: refusals -----------------------------------------------------------------


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
def database(tmp_path: Path) -> Path:
    """A database that already holds one imported bank."""
    path = tmp_path / "hr.sqlite3"
    source = tmp_path / "first.yaml"
    write_bank(make_bank("first_bank"), source)
    assert cli.main(["import-bank", "--database", str(path), str(source)]) == 0
    return path


def refused(capsys: pytest.CaptureFixture[str], argv: list[str]) -> list[str]:
    """Run in-process; expect exit 1, nothing on stdout and no traceback; return stderr lines."""
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert (code, out) == (cli.EXIT_USER_ERROR, "")
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines, "a refusal says why"
    assert lines[0].startswith("cs-trainer: error: ")
    return [lines[0].removeprefix("cs-trainer: error: "), *lines[1:]]


def bad_csv(tmp_path: Path) -> Path:
    """A bank HR broke in three places: an unknown group, an empty anchor, a repeated id."""
    path = tmp_path / "bad.csv"
    write_bank(make_bank(), path)
    content = path.read_text(encoding="utf-8-sig")
    content = content.replace(",psychological,", ",心态,", 1).replace("3分。", "", 1)
    path.write_text(content.replace("second_try", "angry_customer"), encoding="utf-8-sig")
    return path


def test_a_bad_file_prints_one_line_per_problem_and_creates_no_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = bad_csv(tmp_path)
    fresh = tmp_path / "fresh.sqlite3"
    lines = refused(capsys, ["import-bank", "--database", str(fresh), str(path)])
    assert [line.split(": ")[0] for line in lines] == [
        f"{path}:2:group",
        f"{path}:2:anchor_3_zh",
        f"{path}:3:id",
    ]
    assert all(PROBLEM_LINE.match(line) for line in lines), lines
    assert not fresh.exists()


def test_a_bad_workbook_leaves_the_database_unchanged(
    tmp_path: Path, database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.xlsx"
    write_bank(make_bank(), path)
    workbook = load_workbook(path)
    assert workbook.worksheets[0]["H1"].value == "group"
    workbook.worksheets[0]["H3"] = "bogus"  # the second question's group
    workbook.save(path)
    lines = refused(capsys, ["import-bank", "--database", str(database), str(path)])
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:3:group (H): unknown group 'bogus'")
    assert imported_count(database) == 1


def test_the_built_in_bank_id_is_refused(
    tmp_path: Path, database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.csv"
    write_bank(make_bank(builtin_bank().content.id), path)
    [line] = refused(capsys, ["import-bank", "--database", str(database), str(path)])
    assert "is the built-in bank's id" in line
    assert imported_count(database) == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [("missing.csv", "cannot read"), ("bank.xls", "unknown kind of file (save it")],
)
def test_a_file_that_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, expected: str
) -> None:
    fresh = tmp_path / "fresh.sqlite3"
    [line] = refused(capsys, ["import-bank", "--database", str(fresh), str(tmp_path / name)])
    assert expected in line
    assert not fresh.exists()


@pytest.mark.parametrize(
    ("bank_id", "target", "expected"),
    [
        ("no_such_bank", "out.csv", "there is no question bank 'no_such_bank'"),
        ("first_bank", "missing/out.csv", "does not exist"),
        ("first_bank", "out.txt", "unknown kind of file"),
    ],
)
def test_export_refusals_write_nothing(
    tmp_path: Path,
    database: Path,
    capsys: pytest.CaptureFixture[str],
    bank_id: str,
    target: str,
    expected: str,
) -> None:
    before = sorted(tmp_path.iterdir())
    [line] = refused(
        capsys, ["export-bank", "--database", str(database), bank_id, str(tmp_path / target)]
    )
    assert expected in line
    assert sorted(tmp_path.iterdir()) == before


def test_import_replaces_and_export_writes_in_process(
    tmp_path: Path, database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "again.csv"
    write_bank(make_bank("first_bank"), source)
    assert cli.main(["import-bank", "--database", str(database), str(source)]) == 0
    assert capsys.readouterr().out == "imported first_bank: 2 questions\n"
    assert imported_count(database) == 1
    out = tmp_path / "builtin.xlsx"
    shipped = builtin_bank().content.id
    assert cli.main(["export-bank", "--database", str(database), shipped, str(out)]) == 0
    assert capsys.readouterr().out == f"{out}\n"
    assert read_bank(out) == builtin_bank().content
