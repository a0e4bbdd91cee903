"""A process killed mid-test loses nothing: the next start offers to resume the attempt
with its answers in place, and finishing it keeps the first process's answers."""

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cs_trainer.services import selftests
from cs_trainer.store.database import Database
from cs_trainer.ui.main_window import MainWindow

FIRST_PROCESS = Path(__file__).with_name("crash_first_process.py")


@pytest.mark.slow
def test_second_process_resumes_what_a_killed_first_process_left(
    qtbot: QtBot, tmp_path: Path, db: Database, candidate_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert candidate_id == 1
    result = subprocess.run(
        [
            sys.executable,
            str(FIRST_PROCESS),
            db.url.removeprefix("sqlite:///"),
            str(tmp_path / "first_settings"),
            "9807",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert "answered" in result.stdout

    offered: list[str] = []

    def accept(cls: type, parent: object, progress: selftests.AttemptProgress) -> bool:
        offered.append(progress.person_name)
        return True

    monkeypatch.setattr(MainWindow, "ask_resume", classmethod(accept))
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.offer_resume()
    assert offered == ["张三丰"]
    page = window.selftest_page
    assert window.candidate_mode.locked and window.candidate_mode.screens.currentWidget() is page
    assert "Welcome back" in page.intro_label.text()
    qtbot.keyClick(page, Qt.Key.Key_Return)  # carry on: lands on the first unanswered pair
    assert page.counter_label.text() == "5 / 10"
    qtbot.keyClick(page, Qt.Key.Key_Left)
    assert page.question.choice_group.checkedId() == 7, "answers from the first process are shown"
    qtbot.keyClick(page, Qt.Key.Key_Right)
    for _ in range(6):
        with qtbot.waitSignal(page.answer_saved):
            qtbot.keyClick(page, Qt.Key.Key_5)
        qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.outcome is not None)

    [outcome] = selftests.finished_selftests(db, candidate_id)
    answers = [outcome.answers[item.id] for item in outcome.instrument.items]
    assert answers == [9, 8, 10, 7, 5, 5, 5, 5, 5, 5]
    assert outcome.total == 64
    assert selftests.unfinished_selftests(db) == []
