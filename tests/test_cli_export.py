"""``cs-trainer export-sheets``: a cohort's sheets from the command line, with a text
progress bar, one-line errors and a clean stop on Ctrl+C."""

import io
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cs_trainer import cli
from cs_trainer.scenarios import runner
from cs_trainer.services import cohorts, roleplays, score_sheets
from cs_trainer.store.database import Database

TRAINEES = ("小王", "小李", "张三丰")
COHORT = "十一月班"


@pytest.fixture
def prepared(db: Database, db_path: Path) -> Path:
    """A database file holding a cohort of three trainees with finished role-plays."""
    scenario = roleplays.load_scenarios().get("type_rational")
    best = [step.choice for step in runner.best_path(scenario).path]
    cohort_id = cohorts.create_cohort(db, COHORT)
    for name in TRAINEES:
        attempt = roleplays.start_roleplay(db, roleplays.add_trainee(db, name, cohort_id), scenario)
        for choice in best:
            roleplays.record_choice(db, attempt, choice)
    return db_path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "sheets"
    folder.mkdir()
    return folder


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m cs_trainer ARGS`` with a private data folder and no inherited database."""
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


def one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("cs-trainer"), stderr
    return lines[0]


# --- real processes -----------------------------------------------------------------------


@pytest.mark.slow
def test_export_sheets_prints_a_line_per_file_and_the_folder(
    tmp_path: Path, prepared: Path, out: Path
) -> None:
    done = run(tmp_path, "export-sheets", "--database", str(prepared), "--cohort", COHORT,
               "--out", str(out), "--since", "2020-01-01")  # fmt: skip

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    lines = done.stderr.splitlines()
    assert len(lines) == 6 and "\r" not in done.stderr  # not a terminal: one line per file
    assert lines[0] == "[#---------] 1/6 小李.pdf"
    assert lines[-1] == f"[##########] 6/6 {COHORT} 成绩表 Scores.xlsx"
    assert {path.name for path in out.iterdir()} == {
        *(f"{name}.pdf" for name in TRAINEES),
        f"{COHORT} 班级汇总 Cohort summary.pdf",
        f"{COHORT} 成绩表 Scores.csv",
        f"{COHORT} 成绩表 Scores.xlsx",
    }


@pytest.mark.slow
def test_an_unknown_cohort_is_one_line_and_exit_1(
    tmp_path: Path, prepared: Path, out: Path
) -> None:
    done = run(tmp_path, "export-sheets", "--database", str(prepared), "--cohort", "没有这个班",
               "--out", str(out))  # fmt: skip

    assert done.returncode == 1
    assert "no cohort called '没有这个班'" in one_error_line(done.stderr)
    assert list(out.iterdir()) == []


# --- in-process ---------------------------------------------------------------------------


def main(prepared: Path, out: Path, *extra: str) -> int:
    return cli.main(["export-sheets", "--database", str(prepared), "--cohort", COHORT,
                     "--out", str(out), *extra])  # fmt: skip


def test_a_missing_folder_or_a_bad_period_is_refused(
    prepared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(prepared, tmp_path / "gone") == 1
    assert "does not exist" in one_error_line(capsys.readouterr().err)
    assert main(prepared, tmp_path, "--since", "2026-12-01", "--until", "2026-11-01") == 1
    assert "--since is after --until" in one_error_line(capsys.readouterr().err)
    with pytest.raises(SystemExit) as usage:
        main(prepared, tmp_path, "--since", "yesterday")
    assert usage.value.code == cli.EXIT_USAGE
    assert "not a date" in one_error_line(capsys.readouterr().err)


def _interrupt_after_two_files(
    monkeypatch: pytest.MonkeyPatch, interrupt: Callable[[], None]
) -> None:
    """Make the export call ``interrupt`` once its second file is written."""
    real = score_sheets.export_cohort_sheets

    def export(
        db: Database,
        cohort_id: int,
        out: Path,
        progress: Callable[[int, int, str], None],
        cancelled: Callable[[], bool],
        **kwargs: Any,
    ) -> list[Path]:
        def report(done: int, total: int, name: str) -> None:
            progress(done, total, name)
            if done == 2:
                interrupt()

        return real(db, cohort_id, out, report, cancelled, **kwargs)

    monkeypatch.setattr(score_sheets, "export_cohort_sheets", export)


@pytest.mark.skipif(sys.platform == "win32", reason="os.kill cannot send SIGINT to itself")
def test_ctrl_c_finishes_the_current_file_and_stops_with_one_line(
    prepared: Path, out: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _interrupt_after_two_files(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGINT))

    assert main(prepared, out) == cli.EXIT_INTERRUPTED

    err = capsys.readouterr().err.splitlines()
    assert err[:2] == ["[#---------] 1/6 小李.pdf", "[###-------] 2/6 小王.pdf"]
    assert err[2:] == [f"cs-trainer: stopped; the 2 files written to {out} are complete"]
    assert sorted(path.name for path in out.iterdir()) == ["小李.pdf", "小王.pdf"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handler restored


def test_a_second_ctrl_c_stops_at_once_and_leaves_no_half_file(
    prepared: Path, out: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def keyboard_interrupt() -> None:
        raise KeyboardInterrupt

    _interrupt_after_two_files(monkeypatch, keyboard_interrupt)

    assert main(prepared, out) == cli.EXIT_INTERRUPTED

    assert capsys.readouterr().err.splitlines()[-1].startswith("cs-trainer: stopped; the 2 files")
    assert sorted(path.name for path in out.iterdir()) == ["小李.pdf", "小王.pdf"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_bar_is_redrawn_in_place() -> None:
    terminal = _Terminal()
    bar = cli._TextProgress(terminal)

    bar.update(0, 10, "")
    bar.update(4, 10, "欧阳娜娜.pdf")
    bar.update(5, 10, "小王.pdf")
    bar.finish()

    frames = terminal.getvalue().split("\r")[1:]
    assert frames[0] == "[----------] 0/10"
    assert frames[1] == "[####------] 4/10 欧阳娜娜.pdf"
    assert frames[2] == "[#####-----] 5/10 小王.pdf    \n"  # clears the longer line before
