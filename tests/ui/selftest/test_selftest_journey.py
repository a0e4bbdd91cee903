"""HR registers a candidate, hands over the laptop, and the candidate takes the self-test
in candidate mode with the keyboard and the mouse; the finished attempt is in the database.

These tests run on a database without accounts (setting up), where leaving candidate
mode asks a question instead of a staff password; tests/ui/shared/test_candidate_mode.py
tests the password.

Answers are saved off the GUI thread: a test waits for ``answer_saved`` (the moment the
page shows an answer as given) before the next key, as a person waits to see it.
"""

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from cs_trainer.errors import UserError
from cs_trainer.services import app_settings, candidates, selftests
from cs_trainer.services.candidates import NewCandidate
from cs_trainer.store.database import Database
from cs_trainer.ui.candidates.candidate_dialog import AddCandidateDialog
from cs_trainer.ui.candidates.candidate_table_model import SELFTEST_COLUMN
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.selftest.result_view import ResultView
from cs_trainer.ui.selftest.selftest_dialogs import SelfTestSetup, StartSelfTestDialog
from cs_trainer.ui.selftest.selftest_page import SelfTestPage
from cs_trainer.ui.settings import preferences as settings

ANSWER_KEYS = [
    Qt.Key.Key_9,
    Qt.Key.Key_8,
    Qt.Key.Key_0,
    Qt.Key.Key_7,
    Qt.Key.Key_6,
    Qt.Key.Key_9,
    Qt.Key.Key_8,
    Qt.Key.Key_0,
    Qt.Key.Key_9,
    Qt.Key.Key_8,
]
EXPECTED = [9, 8, 10, 7, 6, 9, 8, 10, 9, 8]  # total 84: excellent


def _register_and_start(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, mode: str = "self"
) -> None:
    monkeypatch.setattr(
        AddCandidateDialog,
        "ask",
        classmethod(lambda cls, parent, **_: NewCandidate("李梅", "13912345678", "客服专员", True)),
    )
    monkeypatch.setattr(
        StartSelfTestDialog,
        "ask",
        classmethod(
            lambda cls, parent, instrument, name, interviewer: SelfTestSetup(mode, "王经理")
        ),
    )
    page = window.candidates_page
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.selected_candidate_id() is not None)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    kiosk = window.candidate_mode
    qtbot.waitUntil(lambda: kiosk.locked)
    assert kiosk.screens.currentWidget() is window.selftest_page
    assert kiosk.isFullScreen() and not window.isVisible(), "candidate mode: only the test"


def leave_candidate_mode(
    qtbot: QtBot, window: MainWindow, answer: QMessageBox.StandardButton
) -> None:
    """Without accounts leaving asks; ``answer`` it."""
    box = window.candidate_mode.leave_dialog
    assert isinstance(box, QMessageBox)
    qtbot.mouseClick(box.button(answer), Qt.MouseButton.LeftButton)


def answer_with(qtbot: QtBot, page: SelfTestPage, key: Qt.Key) -> None:
    """Press a number key and wait until the page shows the answer saved."""
    with qtbot.waitSignal(page.answer_saved):
        qtbot.keyClick(page, key)


def test_keyboard_completes_the_selftest(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_settings.set_setting(db, settings.CANDIDATE_RESULTS.key, "scores_and_verdict")
    _register_and_start(qtbot, window, monkeypatch)
    page = window.selftest_page
    assert page.begin_button.isVisible()
    qtbot.keyClick(page, Qt.Key.Key_Return)  # Begin
    assert page.counter_label.text() == "1 / 10"
    for number, key in enumerate(ANSWER_KEYS, start=1):
        assert page.counter_label.text() == f"{number} / 10"
        if number < 10:
            assert not page.finish_button.isVisible()
        answer_with(qtbot, page, key)
        qtbot.keyClick(page, Qt.Key.Key_Return)  # Next, or Finish on the last pair
    thank_you = window.candidate_mode.thank_you
    qtbot.waitUntil(lambda: window.candidate_mode.screens.currentWidget() is thank_you)
    shown = thank_you.result_view
    assert isinstance(shown, ResultView), "the department lets candidates see their result"
    assert shown.total_label.text() == "84 / 100 points"
    assert shown.band_label.text() == "Excellent"

    [candidate] = candidates.list_candidates(db)
    [outcome] = selftests.finished_selftests(db, candidate.id)
    items = outcome.instrument.items
    assert [outcome.answers[item.id] for item in items] == EXPECTED
    assert (outcome.total, outcome.band.code, outcome.mode, outcome.conducted_by) == (
        84,
        "excellent",
        "self",
        "王经理",
    )


def test_mouse_completes_the_selftest_and_finish_waits_for_every_answer(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    _register_and_start(qtbot, window, monkeypatch, mode="manager")
    page = window.selftest_page
    qtbot.mouseClick(page.begin_button, Qt.MouseButton.LeftButton)

    def choice(value: int) -> QPushButton:
        button = page.question.findChild(QPushButton, f"choice{value}")
        assert button is not None
        return button

    for number in range(1, 11):
        if number != 4:  # leave pair 4 unanswered for now
            with qtbot.waitSignal(page.answer_saved):
                qtbot.mouseClick(choice(number), Qt.MouseButton.LeftButton)
        if number < 10:
            qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.finish_button.isVisible()
    assert not page.finish_button.isEnabled(), "pair 4 is still unanswered"
    for _ in range(6):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.counter_label.text() == "4 / 10"
    assert page.question.choice_group.checkedId() == -1
    with qtbot.waitSignal(page.answer_saved):
        qtbot.mouseClick(choice(5), Qt.MouseButton.LeftButton)
    assert page.question.choice_group.checkedId() == 5
    answer_with(qtbot, page, Qt.Key.Key_3)  # change of mind: the key replaces the click
    for _ in range(6):
        qtbot.keyClick(page, Qt.Key.Key_Right)
    assert page.finish_button.isEnabled()
    with qtbot.waitSignal(page.finished):
        qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)

    [candidate] = candidates.list_candidates(db)
    [outcome] = selftests.finished_selftests(db, candidate.id)
    expected_total = sum(range(1, 11)) - 4 + 3
    assert outcome.total == expected_total
    assert outcome.band.code == "learn_communication"
    assert outcome.mode == "manager"
    thank_you = window.candidate_mode.thank_you
    assert window.candidate_mode.screens.currentWidget() is thank_you
    assert thank_you.result_view is None, "by default the candidate sees no result"
    qtbot.mouseClick(thank_you.staff_button, Qt.MouseButton.LeftButton)
    leave_candidate_mode(qtbot, window, QMessageBox.StandardButton.Yes)
    settle()
    assert window.isVisible() and window.nav.isVisible()
    assert window.candidates_page.model.index(
        0, SELFTEST_COLUMN
    ).data() == f"{expected_total} · " + ("Should learn interpersonal communication skills")


def test_each_answer_is_committed_when_given(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register_and_start(qtbot, window, monkeypatch)
    page = window.selftest_page
    qtbot.keyClick(page, Qt.Key.Key_Return)
    answer_with(qtbot, page, Qt.Key.Key_7)
    qtbot.keyClick(page, Qt.Key.Key_Right)
    answer_with(qtbot, page, Qt.Key.Key_2)
    other_process_view = Database(db.url)  # a second engine sees only committed data
    try:
        [progress] = selftests.unfinished_selftests(other_process_view)
    finally:
        other_process_view.dispose()
    first, second = progress.instrument.items[:2]
    assert progress.answers == {first.id: 7, second.id: 2}


def test_leaving_midway_asks_first_and_keeps_the_answers(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    _register_and_start(qtbot, window, monkeypatch)
    page = window.selftest_page
    qtbot.keyClick(page, Qt.Key.Key_Return)
    answer_with(qtbot, page, Qt.Key.Key_5)
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    leave_candidate_mode(qtbot, window, QMessageBox.StandardButton.No)
    assert window.candidate_mode.locked, "refusing keeps the test on screen"
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    leave_candidate_mode(qtbot, window, QMessageBox.StandardButton.Yes)
    settle()
    assert window.isVisible() and window.pages.currentWidget() is window.candidates_page
    [progress] = selftests.unfinished_selftests(db)
    assert list(progress.answers.values()) == [5]
    assert (
        "unfinished (1 / 10 answered)" in window.candidates_page.detail.attempt_list.item(0).text()
    )
    attempts = window.candidates_page.detail.attempt_list
    attempts.setCurrentRow(0)
    qtbot.keyClick(attempts, Qt.Key.Key_Return)  # the same as a double-click: resume
    qtbot.waitUntil(lambda: window.candidate_mode.locked and not window.isVisible())
    assert "Welcome back" in page.intro_label.text()
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert page.counter_label.text() == "2 / 10", "carries on at the first unanswered pair"


def test_a_quick_second_key_waits_for_the_first_answer_to_be_saved(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    _register_and_start(qtbot, window, monkeypatch)
    page = window.selftest_page
    recorded: list[tuple[str, int]] = []
    record_answer = selftests.record_answer

    def counting(db: Database, attempt_id: int, item_id: str, value: int) -> None:
        recorded.append((item_id, value))
        record_answer(db, attempt_id, item_id, value)

    monkeypatch.setattr(selftests, "record_answer", counting)
    saved: list[int] = []
    page.answer_saved.connect(lambda _item, value: saved.append(value))
    qtbot.keyClick(page, Qt.Key.Key_Return)
    # Keys arrive faster than the first answer is saved (no event is handled between them).
    qtbot.keyClick(page, Qt.Key.Key_7)
    assert page.question.choice_group.checkedId() == -1, "shown as given only once saved"
    qtbot.keyClick(page, Qt.Key.Key_3)
    four = page.question.findChild(QPushButton, "choice4")
    assert four is not None
    qtbot.mouseClick(four, Qt.MouseButton.LeftButton)
    assert page.question.choice_group.checkedId() == -1, "a click while saving is not taken"
    qtbot.keyClick(page, Qt.Key.Key_Return)  # Next, before the answer is saved
    qtbot.keyClick(page, Qt.Key.Key_Right)
    settle()
    assert saved == [7]
    assert page.counter_label.text() == "1 / 10", "no pair is skipped"
    assert page.question.choice_group.checkedId() == 7
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert page.counter_label.text() == "2 / 10"
    [progress] = selftests.unfinished_selftests(db)
    first = progress.instrument.items[0].id
    assert recorded == [(first, 7)], "recorded once"
    assert progress.answers == {first: 7}


def test_a_refused_answer_is_told_and_the_pair_can_be_answered_again(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
    shown_problems: list[str],
) -> None:
    _register_and_start(qtbot, window, monkeypatch)
    page = window.selftest_page
    record_answer = selftests.record_answer

    def refuse_once(db: Database, attempt_id: int, item_id: str, value: int) -> None:
        monkeypatch.setattr(selftests, "record_answer", record_answer)
        raise UserError("the disk is full", "磁盘已满")

    monkeypatch.setattr(selftests, "record_answer", refuse_once)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.keyClick(page, Qt.Key.Key_6)
    settle()
    assert shown_problems == ["the disk is full"]
    assert page.question.choice_group.checkedId() == -1, "a refused answer is not shown as given"
    assert selftests.unfinished_selftests(db)[0].answers == {}
    answer_with(qtbot, page, Qt.Key.Key_6)
    assert page.question.choice_group.checkedId() == 6
    assert list(selftests.unfinished_selftests(db)[0].answers.values()) == [6]


def test_finish_pressed_twice_scores_once(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    _register_and_start(qtbot, window, monkeypatch)
    page = window.selftest_page
    qtbot.keyClick(page, Qt.Key.Key_Return)
    for number in range(10):
        answer_with(qtbot, page, Qt.Key.Key_8)
        if number < 9:
            qtbot.keyClick(page, Qt.Key.Key_Return)
    finishes: list[int] = []
    finish_selftest = selftests.finish_selftest

    def counting(db: Database, attempt_id: int) -> selftests.AttemptOutcome:
        finishes.append(attempt_id)
        return finish_selftest(db, attempt_id)

    monkeypatch.setattr(selftests, "finish_selftest", counting)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert not page.finish_button.isEnabled(), "Finish waits while the test is scored"
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    settle()
    assert len(finishes) == 1
    assert page.outcome is not None and page.outcome.total == 80
    [candidate] = candidates.list_candidates(db)
    assert len(selftests.finished_selftests(db, candidate.id)) == 1
