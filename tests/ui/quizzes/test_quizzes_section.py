"""A trainer starts a knowledge quiz for a trainee from the Quizzes page and sees the result."""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cs_trainer.errors import ContentError
from cs_trainer.quizzes.quiz import CategoryInfo
from cs_trainer.services import quizzes, roleplays
from cs_trainer.store.database import Database
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.quizzes.quiz_page import QuizPage
from cs_trainer.ui.quizzes.quiz_setup import QuizSetup, QuizSetupDialog
from cs_trainer.ui.quizzes.quizzes_section import QuizzesSection
from cs_trainer.ui.shared.changes import ChangeBus


def test_start_take_and_list_a_quiz_from_the_quizzes_page(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, settle: Callable[[], None]
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
    settle()
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


def test_start_is_off_while_a_quiz_is_drawn_so_a_second_click_starts_none(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, settle: Callable[[], None]
) -> None:
    trainee = roleplays.add_trainee(db, "小王")
    section = QuizzesSection(db, ChangeBus())
    qtbot.addWidget(section)
    section.show()
    asked: list[str] = []

    def ask(_parent: object, name: str, _categories: object) -> QuizSetup:
        asked.append(name)
        return QuizSetup(("channels",), 2, 31)

    monkeypatch.setattr(QuizSetupDialog, "ask", classmethod(lambda cls, *args: ask(*args)))
    with qtbot.waitSignal(section.quiz_requested) as requested:
        qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
        assert not section.start_button.isEnabled()
        qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    settle()
    [progress] = quizzes.unfinished_quizzes(db, trainee)
    assert requested.args == [progress.attempt_id] and asked == ["小王"]
    assert section.start_button.isEnabled()


def test_a_broken_bank_is_told_and_start_works_again(
    qtbot: QtBot,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    roleplays.add_trainee(db, "小王")
    section = QuizzesSection(db, ChangeBus())
    qtbot.addWidget(section)

    def broken() -> list[CategoryInfo]:
        raise ContentError("quiz.yaml:3: the bank has no items", "quiz.yaml:3：题库没有题目")

    monkeypatch.setattr(quizzes, "quiz_categories", broken)
    qtbot.mouseClick(section.start_button, Qt.MouseButton.LeftButton)
    settle()
    assert shown_problems == ["quiz.yaml:3: the bank has no items"]
    assert section.start_button.isEnabled()
