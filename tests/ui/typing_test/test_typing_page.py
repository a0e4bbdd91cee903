"""The candidate takes the typing test: Chinese through the input method, English by keys.

Chinese is sent as QInputMethodEvent commit strings, as an input method does:
qtbot.keyClicks with non-ASCII text aborts the process. Time comes from a fake
clock the test moves, so nothing here waits for time; a test waits only for the
result to be recorded, which happens off the GUI thread.
"""

from collections.abc import Callable

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from pytestqt.qtbot import QtBot

from cs_trainer.errors import ContentError
from cs_trainer.quizzes.interview_content import Loaded
from cs_trainer.quizzes.interview_schema import TypingPassage, TypingSet
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.services import typing_tests
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.services.typing_tests import set_typing_pass_mark, typing_results
from cs_trainer.store.database import Database
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.typing_test.typing_page import TypingResultView, TypingTestPage, whole_percent
from cs_trainer.ui.typing_test.typing_setup import TypingSetup, TypingSetupDialog

ZH_TEXT = ("您好，这里是客户服务中心，\n请问有什么可以帮您？" * 5)[:104]  # 100 without "\n"
EN_TEXT = "Thank you for calling the service centre. How may I help you today? " * 2
PASSAGES = TypingSet(
    id="test_typing",
    version=1,
    kind="typing",
    passages=[
        TypingPassage(
            id="zh_test",
            language="zh",
            title=Text(zh="客服开场白", en="Service greeting"),
            source="test",
            text=ZH_TEXT,
        ),
        TypingPassage(
            id="en_test",
            language="en",
            title=Text(zh="英文开场白", en="English greeting"),
            source="test",
            text=EN_TEXT,
        ),
    ],
)
PLAIN_ZH = ZH_TEXT.replace("\n", "")


class FakeClock:
    """Seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def test_passages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(typing_tests, "builtin_typing", lambda: Loaded(PASSAGES, "0" * 64))


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def page(qtbot: QtBot, db: Database, clock: FakeClock) -> TypingTestPage:
    widget = TypingTestPage(db, ChangeBus())
    widget.clock = clock
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def commit(page: TypingTestPage, text: str) -> None:
    """What an input method sends when the candidate picks characters."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(page.typing_box, event)


def compose(page: TypingTestPage, pinyin: str) -> None:
    """Pinyin still being composed: shown in the box, not yet part of its text."""
    QApplication.sendEvent(page.typing_box, QInputMethodEvent(pinyin, []))


def result_view(page: TypingTestPage, verdict: bool = True) -> TypingResultView:
    """The recorded result as the result view shows it (candidate mode's thank-you
    screen shows it as far as the department allows)."""
    assert page.outcome is not None, "the result is recorded"
    view = TypingResultView()
    view.show_outcome(page.outcome, page.person_name, verdict)
    return view


def finish_with_keys(qtbot: QtBot, page: TypingTestPage) -> int:
    with qtbot.waitSignal(page.finished) as blocker:
        qtbot.keyClick(page.typing_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args is not None
    return int(blocker.args[0])


def test_chinese_through_the_input_method_is_measured_from_the_text(
    qtbot: QtBot, page: TypingTestPage, db: Database, clock: FakeClock, candidate_id: int
) -> None:
    page.start(candidate_id, "张三丰", "zh_test", "王经理")
    assert page.header_label.text() == "Typing test · 张三丰"
    assert page.passage_title_label.text() == "Service greeting"
    assert page.passage_view.toPlainText() == ZH_TEXT
    assert not page.finish_button.isEnabled()

    compose(page, "ninhao")
    commit(page, PLAIN_ZH[:2])
    clock.now += 30
    commit(page, PLAIN_ZH[2:45])
    page.refresh_stats()
    assert page.time_label.text() == "Time 0:30"
    assert page.speed_label.text() == "90 characters per minute"  # 45 in half a minute
    assert page.progress_bar.value() == 45
    clock.now += 30
    commit(page, "\n" + PLAIN_ZH[45:90])
    assert page.finish_button.isEnabled()
    attempt_id = finish_with_keys(qtbot, page)

    view = result_view(page)
    assert view.speed_label.text() == "90 characters per minute"
    assert view.accuracy_label.text() == "Accuracy: 100%"
    assert view.pass_mark_label.text() == "Pass mark: 80 characters per minute"
    assert view.verdict_label.text() == "Passed"
    assert view.detail_label.text() == "90 of 90 characters typed correctly in 1:00 (mistakes: 0)."
    assert not page.finish_button.isVisible() and not page.leave_button.isVisible()
    assert page.typing_box.isReadOnly(), "nothing more to type once it is recorded"

    [outcome] = typing_results(db, candidate_id)
    assert outcome.attempt_id == attempt_id
    assert (outcome.passage.id, outcome.conducted_by, outcome.passed) == ("zh_test", "王经理", True)
    assert outcome.metrics.seconds == pytest.approx(60)
    assert outcome.metrics.correct_chars == 90


def test_mistakes_lower_the_speed_and_the_verdict_follows_the_setting(
    qtbot: QtBot, page: TypingTestPage, db: Database, clock: FakeClock, candidate_id: int
) -> None:
    set_typing_pass_mark(db, 85)
    page.start(candidate_id, "张三丰", "zh_test", "王经理")
    typed = "你" + PLAIN_ZH[1:20] + "邦" + PLAIN_ZH[21:88]  # 88 typed, 2 homophones wrong
    commit(page, typed[:10])
    clock.now += 60
    commit(page, typed[10:])
    finish_with_keys(qtbot, page)

    view = result_view(page)
    assert view.speed_label.text() == "86 characters per minute"
    assert view.accuracy_label.text() == "Accuracy: 98%"
    assert view.pass_mark_label.text() == "Pass mark: 85 characters per minute"
    assert view.verdict_label.text() == "Passed"
    [outcome] = typing_results(db, candidate_id)
    assert (outcome.metrics.errors, outcome.pass_mark) == (2, 85)


def test_below_the_pass_mark_is_not_passed(
    qtbot: QtBot, page: TypingTestPage, db: Database, clock: FakeClock, candidate_id: int
) -> None:
    page.start(candidate_id, "张三丰", "zh_test", "王经理")
    commit(page, PLAIN_ZH[:79])
    clock.now += 60
    page.refresh_stats()
    assert page.speed_label.text() == "79 characters per minute"
    with qtbot.waitSignal(page.finished):
        qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    assert result_view(page).verdict_label.text() == "Not passed"
    assert not typing_results(db, candidate_id)[0].passed


def test_the_clock_starts_with_the_first_character_not_the_page(
    qtbot: QtBot, page: TypingTestPage, db: Database, clock: FakeClock, candidate_id: int
) -> None:
    page.start(candidate_id, "张三丰", "zh_test", "")
    clock.now += 300  # the candidate reads the passage first
    page.refresh_stats()
    assert page.time_label.text() == "Time 0:00"
    assert page.speed_label.text() == "0 characters per minute"
    compose(page, "nin")  # the first pinyin already counts as typing
    clock.now += 75
    commit(page, PLAIN_ZH)
    page.refresh_stats()
    assert page.time_label.text() == "Time 1:15"
    assert page.progress_bar.value() == 100
    finish_with_keys(qtbot, page)
    assert result_view(page).speed_label.text() == "80 characters per minute"
    assert result_view(page).verdict_label.text() == "Passed"
    assert typing_results(db, candidate_id)[0].metrics.seconds == pytest.approx(75)


def test_paste_is_refused(page: TypingTestPage, candidate_id: int) -> None:
    page.start(candidate_id, "张三丰", "zh_test", "")
    clipboard = QGuiApplication.clipboard()
    clipboard.setText(PLAIN_ZH)
    page.typing_box.paste()
    assert page.typing_box.toPlainText() == ""
    assert page.paste_label.text() == "Pasting is switched off: please type the passage."
    assert not page.finish_button.isEnabled(), "a refused paste does not start the clock"
    dropped = QMimeData()
    dropped.setText(PLAIN_ZH)
    assert not page.typing_box.canInsertFromMimeData(dropped)
    assert not page.typing_box.canPaste()


def test_english_passage_typed_with_keys(
    qtbot: QtBot, page: TypingTestPage, db: Database, clock: FakeClock, candidate_id: int
) -> None:
    page.start(candidate_id, "张三丰", "en_test", "Ms Wang")
    assert page.passage_view.toPlainText() == EN_TEXT
    qtbot.keyClicks(page.typing_box, "Thank you for calling the service centre.")
    clock.now += 30
    qtbot.keyClicks(page.typing_box, " How may I help you today?")
    with qtbot.waitSignal(page.finished):
        qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    # 55 characters without spaces, in half a minute
    assert result_view(page).speed_label.text() == "110 characters per minute"
    assert result_view(page).accuracy_label.text() == "Accuracy: 100%"
    [outcome] = typing_results(db, candidate_id)
    assert outcome.passage.language == "en"
    assert outcome.metrics.typed_chars == 55


def test_finishing_with_only_spaces_shows_a_problem(
    qtbot: QtBot,
    page: TypingTestPage,
    db: Database,
    clock: FakeClock,
    candidate_id: int,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    page.start(candidate_id, "张三丰", "en_test", "")
    qtbot.keyClicks(page.typing_box, "   ")
    clock.now += 5
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    settle()
    assert shown_problems == ["nothing was typed, so there is no typing result to record"]
    assert page.screens.currentIndex() == 0
    assert typing_results(db, candidate_id) == []
    # The page stays usable: the candidate types on and finishes.
    assert page.finish_button.isEnabled() and not page.typing_box.isReadOnly()
    qtbot.keyClicks(page.typing_box, "Thank you")
    finish_with_keys(qtbot, page)
    assert [outcome.metrics.typed_chars for outcome in typing_results(db, candidate_id)] == [8]


def test_finish_pressed_again_while_saving_records_once(
    qtbot: QtBot,
    page: TypingTestPage,
    db: Database,
    clock: FakeClock,
    candidate_id: int,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    recorded: list[str] = []
    record = typing_tests.record_typing_test

    def counting(
        db: Database, person: int, passage: str, typed: str, seconds: float, by: str
    ) -> typing_tests.TypingOutcome:
        recorded.append(typed)
        return record(db, person, passage, typed, seconds, by)

    monkeypatch.setattr(typing_tests, "record_typing_test", counting)
    page.start(candidate_id, "张三丰", "en_test", "")
    qtbot.keyClicks(page.typing_box, "Thank you")
    clock.now += 10
    qtbot.keyClick(page.typing_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not page.finish_button.isEnabled(), "Finish waits while the result is saved"
    assert page.typing_box.isReadOnly(), "what is recorded is what the box shows"
    qtbot.keyClick(page.typing_box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(page.leave_requested):
        qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    settle()
    assert recorded == ["Thank you"]
    assert page.outcome is not None
    assert len(typing_results(db, candidate_id)) == 1


def test_leaving_is_always_asked_and_says_what_is_lost(
    qtbot: QtBot, page: TypingTestPage, candidate_id: int
) -> None:
    """Candidate mode asks staff before anyone leaves, even before typing began."""
    page.start(candidate_id, "张三丰", "zh_test", "")
    with qtbot.waitSignal(page.leave_requested):
        qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    assert page.leave_note() == ""
    commit(page, PLAIN_ZH[:3])
    with qtbot.waitSignal(page.leave_requested):
        qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    assert page.leave_note() == "What has been typed so far is not saved."


def test_the_result_view_leaves_out_the_verdict_unless_allowed(
    qtbot: QtBot, page: TypingTestPage, clock: FakeClock, candidate_id: int
) -> None:
    page.start(candidate_id, "张三丰", "zh_test", "")
    commit(page, PLAIN_ZH[:10])
    clock.now += 60
    finish_with_keys(qtbot, page)
    scores_only = result_view(page, verdict=False)
    assert scores_only.speed_label.text() == "10 characters per minute"
    assert scores_only.verdict_label.text() == scores_only.pass_mark_label.text() == ""


def test_unknown_passage_shows_a_problem(
    page: TypingTestPage, candidate_id: int, shown_problems: list[str]
) -> None:
    page.start(candidate_id, "张三丰", "missing", "")
    assert shown_problems == ["there is no typing passage 'missing'"]


def test_setup_dialog_chooses_a_passage_by_language(qtbot: QtBot) -> None:
    dialog = TypingSetupDialog("张三丰", "王经理", PASSAGES.passages)
    qtbot.addWidget(dialog)
    assert dialog.language_combo.currentData() == "zh"
    assert dialog.passage_combo.currentText() == "Service greeting"
    assert dialog.length_label.text() == "100 characters to type"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert dialog.passage_combo.currentText() == "English greeting"
    dialog.conductor_edit.setText(" Ms Wang ")
    assert dialog.setup() == TypingSetup("en_test", "Ms Wang")


def test_setup_dialog_names_the_signed_in_account_as_conducting(
    qtbot: QtBot, every_role: dict[str, Actor]
) -> None:
    with acting_as(every_role["hr"]):
        dialog = TypingSetupDialog("张三丰", "someone typed", PASSAGES.passages)
        qtbot.addWidget(dialog)
        assert dialog.signed_in
        assert not dialog.conductor_edit.isVisibleTo(dialog), "no name to type"
        names = [label.text() for label in dialog.findChildren(QLabel)]
        assert "人事乙" in names
        assert dialog.setup() == TypingSetup("zh_test", "人事乙")


def test_setup_dialog_offers_only_languages_with_passages(qtbot: QtBot) -> None:
    dialog = TypingSetupDialog("张三丰", "", PASSAGES.passages[:1])
    qtbot.addWidget(dialog)
    assert dialog.language_combo.count() == 1
    assert dialog.setup() == TypingSetup("zh_test", "")


def test_ask_loads_the_shipped_passages_before_the_dialog_opens(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[list[str]] = []

    def accept(dialog: TypingSetupDialog) -> int:
        shown.append(
            [dialog.passage_combo.itemText(i) for i in range(dialog.passage_combo.count())]
        )
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(TypingSetupDialog, "exec", accept)
    assert TypingSetupDialog.ask(None, "张三丰", "王经理") == TypingSetup("zh_test", "王经理")
    assert shown == [["Service greeting"]]


def test_ask_reports_broken_content_instead_of_opening(
    monkeypatch: pytest.MonkeyPatch, shown_problems: list[str]
) -> None:
    def broken() -> Loaded[TypingSet]:
        raise ContentError("typing_passages.yaml:3: passages: Field required")

    monkeypatch.setattr(typing_tests, "builtin_typing", broken)
    assert TypingSetupDialog.ask(None, "张三丰", "王经理") is None
    assert shown_problems == ["typing_passages.yaml:3: passages: Field required"]


@pytest.mark.parametrize(
    ("ratio", "shown"), [(1.0, 100), (0.999, 99), (0.995, 99), (0.98, 98), (0.0, 0)]
)
def test_accuracy_shows_100_only_without_mistakes(ratio: float, shown: int) -> None:
    assert whole_percent(ratio) == shown
