"""A trainer sets up a knowledge quiz and a trainee takes it with the keyboard and the
mouse; the attempt is in the database and the result explains every item."""

import threading
from collections.abc import Callable, Iterable, Iterator
from functools import partial

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cs_trainer.errors import DiskFullError
from cs_trainer.quizzes.quiz import QuizPaper
from cs_trainer.quizzes.quiz_schema import QuizItem
from cs_trainer.services import quizzes, roleplays
from cs_trainer.store.database import Database
from cs_trainer.ui.quizzes.quiz_page import QuizPage
from cs_trainer.ui.quizzes.quiz_setup import QuizSetup, QuizSetupDialog
from cs_trainer.ui.quizzes.quiz_views import QuestionView
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.translation import LanguageSwitch

DIGITS = [getattr(Qt.Key, f"Key_{digit}") for digit in range(10)]
Choice = tuple[str, ...]


@pytest.fixture
def trainee(db: Database) -> int:
    return roleplays.add_trainee(db, "李梅")


@pytest.fixture
def page(qtbot: QtBot, db: Database) -> QuizPage:
    quiz_page = QuizPage(db, ChangeBus())
    qtbot.addWidget(quiz_page)
    quiz_page.resize(900, 640)
    quiz_page.show()
    qtbot.waitExposed(quiz_page)
    return quiz_page


def _start(db: Database, page: QuizPage, trainee: int, setup: QuizSetup) -> tuple[int, QuizPaper]:
    attempt_id = quizzes.start_quiz(db, trainee, setup.categories, setup.count, setup.seed)
    assert page.start(attempt_id)
    return attempt_id, quizzes.load_quiz(db, attempt_id).paper


def _numbers(item: QuizItem, option_ids: list[str]) -> list[int]:
    return [n for n, option in enumerate(item.options, start=1) if option.id in option_ids]


def _wrong(item: QuizItem) -> list[str]:
    return [next(option.id for option in item.options if option.id not in item.correct)]


def _option(qtbot: QtBot, page: QuizPage, number: int, kind: type = QAbstractButton) -> QWidget:
    """Option ``number`` (its button, or its text with ``kind=QLabel``) once it is on screen."""
    name = f"option{number}" if kind is QAbstractButton else f"optionText{number}"
    widget = page.question.findChild(kind, name)
    assert isinstance(widget, QWidget)
    qtbot.waitUntil(widget.isVisible)  # new options are shown by the layout a moment later
    return widget


def test_the_setup_dialog_collects_categories_count_and_paper_number(qtbot: QtBot) -> None:
    dialog = QuizSetupDialog("李梅", quizzes.quiz_categories())
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.setup() == QuizSetup(tuple(dialog.category_boxes), 20, None)
    for box in dialog.category_boxes.values():
        box.setChecked(False)
    assert not ok.isEnabled(), "no category, no quiz"
    dialog.category_boxes["channels"].setChecked(True)
    dialog.category_boxes["qualities"].setChecked(True)
    available = {info.id: info.available for info in quizzes.quiz_categories()}
    assert dialog.count_spin.maximum() == available["channels"] + available["qualities"]
    assert ok.isEnabled()
    dialog.count_spin.setValue(8)
    assert dialog.paper_spin.text() == "New paper"
    dialog.paper_spin.setValue(4711)
    assert dialog.setup() == QuizSetup(("channels", "qualities"), 8, 4711)


def test_keyboard_takes_a_whole_quiz_and_the_attempt_is_stored(
    qtbot: QtBot, page: QuizPage, db: Database, trainee: int
) -> None:
    setup = QuizSetup(("complaints", "standards", "channels"), 9, 31)
    attempt_id, paper = _start(db, page, trainee, setup)
    assert page.paper_label.text() == "Paper No. 31"
    assert {item.kind for item in paper.items} == {"single", "multiple", "true_false"}
    wrong_at = {2, 5}
    with qtbot.waitSignal(page.finished) as finished:
        for index, item in enumerate(paper.items):
            assert page.counter_label.text() == f"{index + 1} / 9"
            assert page.question.question_label.text() == item.question.en
            chosen = _wrong(item) if index in wrong_at else item.correct
            if item.kind == "multiple":  # a slip, taken back: the key toggles
                extra = _numbers(item, _wrong(item))[0]
                qtbot.keyClick(page, DIGITS[extra])
                qtbot.keyClick(page, DIGITS[extra])
            for number in _numbers(item, list(chosen)):
                qtbot.keyClick(page, DIGITS[number])
            assert page.question.chosen() == [o.id for o in item.options if o.id in chosen]
            qtbot.keyClick(page, Qt.Key.Key_Return)  # Next, or Finish on the last item
    assert finished.args == [attempt_id]
    assert page.screens.currentWidget() is page.result_view
    assert page.result_view.score_label.text() == "7 of 9 correct"
    [result] = quizzes.quiz_results(db, trainee)
    assert (result.attempt_id, result.score.correct, result.score.total) == (attempt_id, 7, 9)
    assert result.answers == {
        item.id: tuple(
            _wrong(item) if n in wrong_at else [o.id for o in item.options if o.id in item.correct]
        )
        for n, item in enumerate(paper.items)
    }


def test_mouse_takes_a_quiz_and_finish_waits_for_every_item(
    qtbot: QtBot, page: QuizPage, db: Database, trainee: int, settle: Callable[[], None]
) -> None:
    _, paper = _start(db, page, trainee, QuizSetup(("qualities",), 6, 8))
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.setFocus()  # as the main window does when it shows the page
    for index, item in enumerate(paper.items):
        if index != 1:  # item 2 stays unanswered for now
            for number in _numbers(item, item.correct):
                qtbot.mouseClick(_option(qtbot, page, number), Qt.MouseButton.LeftButton)
        if index < 5:
            qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    settle()  # an answer counts once it is saved
    assert page.finish_button.isVisible() and not page.finish_button.isEnabled()
    assert QApplication.focusWidget() is page, "after clicks, the keys still reach the page"
    shown = [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]
    assert shown == [page], "options taken off the screen never pop up as windows"
    assert page.unanswered_label.text() == "1 not answered yet: Enter goes to the first."
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert page.counter_label.text() == "2 / 6", "Enter jumps to the unanswered item"
    second = paper.items[1]
    for number in _numbers(second, second.correct):  # clicking the text works too
        qtbot.mouseClick(_option(qtbot, page, number, QLabel), Qt.MouseButton.LeftButton)
    assert page.question.chosen() == [o.id for o in second.options if o.id in second.correct]
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.question.chosen() == [
        o.id for o in paper.items[0].options if o.id in paper.items[0].correct
    ], "going back shows the saved answer"
    for _ in range(5):
        qtbot.keyClick(page, Qt.Key.Key_Right)
    settle()
    assert page.finish_button.isEnabled() and not page.unanswered_label.isVisible()
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    settle()
    assert page.result_view.score_label.text() == "6 of 6 correct"
    assert quizzes.unfinished_quizzes(db, trainee) == []


def test_the_result_shows_both_answers_and_every_explanation(
    qtbot: QtBot, page: QuizPage, db: Database, trainee: int, settle: Callable[[], None]
) -> None:
    attempt_id, paper = _start(db, page, trainee, QuizSetup(("service_value", "channels"), 6, 2))
    for item in paper.items:
        quizzes.answer(db, attempt_id, item.id, _wrong(item))
    page.start(attempt_id)
    page.finish()
    settle()
    review = page.result_view.review.toPlainText()
    for number, item in enumerate(paper.items, start=1):
        assert f"{number}. {item.question.en}" in review
        assert item.explanation.en in review
    assert review.count("Your answer:") == 6 and review.count("Correct answer:") == 6
    assert review.count("Wrong") == 6
    names = {label.text() for label in page.result_view.findChildren(QLabel)}
    assert "The four levels of service value and managing expectations" in names
    assert "0 / 3" in names
    assert page.done_button.isVisible() and not page.leave_button.isVisible()
    with qtbot.waitSignal(page.left):
        qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)


def test_a_resumed_quiz_carries_on_at_the_first_unanswered_item(
    qtbot: QtBot,
    page: QuizPage,
    db: Database,
    trainee: int,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    attempt_id, paper = _start(db, page, trainee, QuizSetup(("customer_types",), 5, 3))
    qtbot.keyClick(page, Qt.Key.Key_1)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.keyClick(page, Qt.Key.Key_2)
    monkeypatch.setattr(QuizPage, "confirm_leave", classmethod(lambda cls, parent: False))
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    assert page.screens.currentWidget() is page.question_scroll, "refusing stays on the quiz"
    monkeypatch.setattr(QuizPage, "confirm_leave", classmethod(lambda cls, parent: True))
    with qtbot.waitSignal(page.left):
        qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    settle()  # the choices already on their way still arrive

    other = Database(db.url)  # as after a restart: only committed answers exist
    try:
        fresh = QuizPage(other, ChangeBus())
        qtbot.addWidget(fresh)
        assert fresh.start(attempt_id)
        assert fresh.counter_label.text() == "3 / 5"
        assert fresh.paper_label.text() == "Paper No. 3"
        qtbot.keyClick(fresh, Qt.Key.Key_Left)
        assert fresh.question.chosen() == [paper.items[1].options[1].id]
    finally:
        other.dispose()


def test_the_quiz_speaks_chinese_when_the_app_does(
    page: QuizPage, db: Database, trainee: int
) -> None:
    LanguageSwitch.apply("zh")
    _, paper = _start(db, page, trainee, QuizSetup(("standards",), 3, 9))
    assert page.question.question_label.text() == paper.items[0].question.zh
    assert page.question.category_label.text() == "服务标准与服务禁忌"


def test_an_unknown_attempt_is_a_problem_not_a_crash(
    page: QuizPage, shown_problems: list[str]
) -> None:
    assert not page.start(12345)
    assert shown_problems == ["there is no quiz attempt with ID 12345"]


def _needed_height(label: QLabel) -> int:
    """The height a wrapped plain-text label needs at its width, worked out apart from
    the label (whose own answer never drops below its minimum height)."""
    area = QRect(0, 0, label.contentsRect().width(), 100_000)
    flags = int(Qt.TextFlag.TextWordWrap)
    return label.fontMetrics().boundingRect(area, flags, label.text()).height()


def _whole_text_shown(view: QuestionView, item_id: str) -> None:
    """Every wrapped label is tall enough for its text, and the question no taller."""
    for label in view.findChildren(QLabel):
        if label.wordWrap() and label.isVisibleTo(view):
            assert _needed_height(label) <= label.height(), (item_id, label.text())
    question = view.question_label
    assert question.height() <= _needed_height(question) + 2, (item_id, question.text())


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_item_shows_its_whole_text_even_in_a_narrow_window(
    qtbot: QtBot, page: QuizPage, db: Database, trainee: int, language: str
) -> None:
    LanguageSwitch.apply(language)
    everything = [info.id for info in quizzes.quiz_categories()]
    _, paper = _start(db, page, trainee, QuizSetup(tuple(everything), len(everything) * 6, 4))
    page.resize(520, 600)
    for item in paper.items:  # long and short questions in turn: a short one shrinks back
        qtbot.waitUntil(partial(_whole_text_shown, page.question, item.id))
        qtbot.keyClick(page, Qt.Key.Key_Right)


# -- saving through the operation route ------------------------------------------------------
@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """A page's answer waits on the worker thread until the test opens the gate (the
    test's own answers, on the main thread, go through at once)."""
    opened = threading.Event()
    real = quizzes.answer

    def held_back(db: Database, attempt: int, item: str, chosen: Iterable[str]) -> Choice:
        if threading.current_thread() is not threading.main_thread():
            assert opened.wait(10), "the test never opened the gate"
        return real(db, attempt, item, chosen)

    monkeypatch.setattr(quizzes, "answer", held_back)
    yield opened
    opened.set()  # never leave the worker waiting


def _all_but_the_last(db: Database, attempt_id: int, paper: QuizPaper) -> None:
    for item in paper.items[:-1]:
        quizzes.answer(db, attempt_id, item.id, list(item.correct))


def test_a_choice_counts_only_once_it_is_saved_and_enter_waits_for_it(
    qtbot: QtBot,
    page: QuizPage,
    db: Database,
    trainee: int,
    gate: threading.Event,
    settle: Callable[[], None],
) -> None:
    attempt_id = quizzes.start_quiz(db, trainee, ("channels",), 3, 5)
    paper = quizzes.load_quiz(db, attempt_id).paper
    _all_but_the_last(db, attempt_id, paper)
    assert page.start(attempt_id) and page.counter_label.text() == "3 / 3"
    last = paper.items[-1]
    for number in _numbers(last, list(last.correct)):
        qtbot.keyClick(page, DIGITS[number])
    qtbot.keyClick(page, Qt.Key.Key_Return)  # Finish, as soon as the choice is saved
    assert page.saving() and page.question.chosen() == [
        o.id for o in last.options if o.id in last.correct
    ]
    assert page.progress_bar.value() == 2 and not page.finish_button.isEnabled()
    assert page.unanswered_label.text().startswith("1 not answered yet")
    assert quizzes.unfinished_quizzes(db, trainee), "nothing is scored before the save"
    with qtbot.waitSignal(page.finished) as finished:
        gate.set()
    settle()
    assert finished.args == [attempt_id]
    assert page.result_view.score_label.text() == "3 of 3 correct"


def test_a_double_click_on_finish_scores_the_quiz_once(
    qtbot: QtBot,
    page: QuizPage,
    db: Database,
    trainee: int,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    attempt_id, paper = _start(db, page, trainee, QuizSetup(("qualities",), 2, 6))
    last = paper.items[-1]
    quizzes.answer(db, attempt_id, paper.items[0].id, list(paper.items[0].correct))
    quizzes.answer(db, attempt_id, last.id, list(last.correct))
    assert page.start(attempt_id) and page.finish_button.isEnabled()
    scored: list[int] = []
    page.finished.connect(scored.append)
    qtbot.mouseDClick(page.finish_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    page.finish()
    qtbot.keyClick(page, Qt.Key.Key_Return)
    settle()
    assert scored == [attempt_id] and shown_problems == []
    assert page.result_view.score_label.text() == "2 of 2 correct"


def test_a_refused_save_is_told_and_the_page_stays_usable(
    qtbot: QtBot,
    page: QuizPage,
    db: Database,
    trainee: int,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    attempt_id, paper = _start(db, page, trainee, QuizSetup(("standards",), 3, 12))
    real = quizzes.answer

    def disk_full(*_args: object) -> Choice:
        raise DiskFullError("the database")

    monkeypatch.setattr(quizzes, "answer", disk_full)
    qtbot.keyClick(page, Qt.Key.Key_1)
    settle()
    assert len(shown_problems) == 1 and "is full" in shown_problems[0]
    assert page.question.chosen() == [], "the screen goes back to what is saved"
    assert page.progress_bar.value() == 0 and not page.saving()

    monkeypatch.setattr(quizzes, "answer", real)
    qtbot.keyClick(page, Qt.Key.Key_2)
    settle()
    first = paper.items[0]
    assert quizzes.load_quiz(db, attempt_id).answers == {first.id: (first.options[1].id,)}
    assert page.progress_bar.value() == 1 and len(shown_problems) == 1


def test_a_save_still_on_its_way_never_reaches_the_next_attempt_shown(
    qtbot: QtBot,
    page: QuizPage,
    db: Database,
    trainee: int,
    gate: threading.Event,
    settle: Callable[[], None],
) -> None:
    setup = QuizSetup(("complaints",), 2, 77)
    first, paper = _start(db, page, trainee, setup)
    qtbot.keyClick(page, Qt.Key.Key_1)
    assert page.saving()
    second, same_paper = _start(db, page, trainee, setup)  # the same items, another attempt
    assert same_paper == paper and not page.saving()
    gate.set()
    settle()
    assert quizzes.load_quiz(db, first).answers == {
        paper.items[0].id: (paper.items[0].options[0].id,)
    }
    assert quizzes.load_quiz(db, second).answers == {}
    assert page.question.chosen() == [] and page.progress_bar.value() == 0
