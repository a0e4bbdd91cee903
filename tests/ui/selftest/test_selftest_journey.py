"""HR registers a candidate, hands over the laptop, and the candidate takes the self-test
with the keyboard and the mouse; the finished attempt is in the database."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from cs_trainer.services import candidates, selftests
from cs_trainer.services.candidates import NewCandidate
from cs_trainer.store.database import Database
from cs_trainer.ui.candidates.candidate_dialog import AddCandidateDialog
from cs_trainer.ui.candidates.candidate_table_model import SELFTEST_COLUMN
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.selftest.selftest_dialogs import SelfTestSetup, StartSelfTestDialog

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
        classmethod(lambda cls, parent: NewCandidate("李梅", "13912345678", "客服专员", True)),
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
    assert page.selected_candidate_id() is not None
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.selftest_page
    assert not window.nav.isVisible(), "candidate mode hides the navigation"


def test_keyboard_completes_the_selftest(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register_and_start(qtbot, window, monkeypatch)
    page = window.selftest_page
    assert page.begin_button.isVisible()
    qtbot.keyClick(page, Qt.Key.Key_Return)  # Begin
    assert page.counter_label.text() == "1 / 10"
    for number, key in enumerate(ANSWER_KEYS, start=1):
        assert page.counter_label.text() == f"{number} / 10"
        if number < 10:
            assert not page.finish_button.isVisible()
        qtbot.keyClick(page, key)
        qtbot.keyClick(page, Qt.Key.Key_Return)  # Next, or Finish on the last pair
    assert page.screens.currentWidget() is page.result_view
    assert page.result_view.total_label.text() == "84 / 100 points"
    assert page.result_view.band_label.text() == "Excellent"

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
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
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
            qtbot.mouseClick(choice(number), Qt.MouseButton.LeftButton)
        if number < 10:
            qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert page.finish_button.isVisible()
    assert not page.finish_button.isEnabled(), "pair 4 is still unanswered"
    for _ in range(6):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert page.counter_label.text() == "4 / 10"
    assert page.question.choice_group.checkedId() == -1
    qtbot.mouseClick(choice(5), Qt.MouseButton.LeftButton)
    assert page.question.choice_group.checkedId() == 5
    qtbot.keyClick(page, Qt.Key.Key_3)  # change of mind: the key replaces the click
    for _ in range(6):
        qtbot.keyClick(page, Qt.Key.Key_Right)
    assert page.finish_button.isEnabled()
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)

    [candidate] = candidates.list_candidates(db)
    [outcome] = selftests.finished_selftests(db, candidate.id)
    expected_total = sum(range(1, 11)) - 4 + 3
    assert outcome.total == expected_total
    assert outcome.band.code == "learn_communication"
    assert outcome.mode == "manager"
    assert page.result_view.total_label.text() == f"{expected_total} / 100 points"
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert window.nav.isVisible()
    assert window.candidates_page.model.index(
        0, SELFTEST_COLUMN
    ).data() == f"{expected_total} · " + ("Should learn interpersonal communication skills")


def test_each_answer_is_committed_when_given(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register_and_start(qtbot, window, monkeypatch)
    page = window.selftest_page
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.keyClick(page, Qt.Key.Key_7)
    qtbot.keyClick(page, Qt.Key.Key_Right)
    qtbot.keyClick(page, Qt.Key.Key_2)
    other_process_view = Database(db.url)  # a second engine sees only committed data
    try:
        [progress] = selftests.unfinished_selftests(other_process_view)
    finally:
        other_process_view.dispose()
    first, second = progress.instrument.items[:2]
    assert progress.answers == {first.id: 7, second.id: 2}


def test_leaving_midway_asks_first_and_keeps_the_answers(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _register_and_start(qtbot, window, monkeypatch)
    page = window.selftest_page
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.keyClick(page, Qt.Key.Key_5)
    asked: list[bool] = []

    def refuse(cls: type, parent: object) -> bool:
        asked.append(True)
        return False

    monkeypatch.setattr(type(page), "confirm_leave", classmethod(refuse))
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    assert asked and window.pages.currentWidget() is page, "refusing keeps the test on screen"
    monkeypatch.setattr(type(page), "confirm_leave", classmethod(lambda cls, parent: True))
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.candidates_page
    [progress] = selftests.unfinished_selftests(db)
    assert list(progress.answers.values()) == [5]
    assert (
        "unfinished (1 / 10 answered)" in window.candidates_page.detail.attempt_list.item(0).text()
    )
    attempts = window.candidates_page.detail.attempt_list
    attempts.setCurrentRow(0)
    qtbot.keyClick(attempts, Qt.Key.Key_Return)  # the same as a double-click: resume
    assert window.pages.currentWidget() is page
    assert "Welcome back" in page.intro_label.text()
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert page.counter_label.text() == "2 / 10", "carries on at the first unanswered pair"
