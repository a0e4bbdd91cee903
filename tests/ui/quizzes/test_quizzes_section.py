"""A trainer starts a knowledge quiz for a trainee from the Quizzes page and sees the result."""

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cs_trainer.services import quizzes, roleplays
from cs_trainer.store.database import Database
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.quizzes.quiz_page import QuizPage, QuizSetup, QuizSetupDialog


def test_start_take_and_list_a_quiz_from_the_quizzes_page(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    trainee = roleplays.add_trainee(db, "小王")
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    section = window.quizzes_section
    window.nav.setCurrentRow(window.pages.indexOf(section))
    assert section.trainee_combo.currentData() == trainee
    monkeypatch.setattr(
        QuizSetupDialog,
        "ask",
        classmethod(lambda cls, parent, name, categories=None: QuizSetup(("complaints",), 3, 4242)),
    )
    qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.quiz_page

    [progress] = quizzes.unfinished_quizzes(db, trainee)
    assert progress.paper.seed == 4242 and len(progress.paper.items) == 3
    for item in progress.paper.items:
        quizzes.answer(db, progress.attempt_id, item.id, list(item.correct))
    monkeypatch.setattr(QuizPage, "confirm_leave", classmethod(lambda cls, parent: True))
    window.quiz_page.left.emit()
    assert window.pages.currentWidget() is section
    assert "unfinished" in section.results.item(0).text()

    quizzes.finish_quiz(db, progress.attempt_id)
    section.refresh_results()
    assert section.results.item(0).text().endswith("3 of 3 correct")
