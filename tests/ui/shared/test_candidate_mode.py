"""Candidate mode locks: the self-test and the typing test run full screen with only the
test; every way out (Escape, a close event, Alt+F4 as a close request, the close button,
"Leave the test", every shortcut of the main window) asks for an HR interviewer's or an
administrator's password, fails without it and succeeds with it; the thank-you screen
shows only what the department allows, and nothing on it reaches anyone else's data.
"""

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cs_trainer.quizzes.interview_content import builtin_bank
from cs_trainer.quizzes.interview_schema import PlanItemRef
from cs_trainer.services import accounts, app_settings, candidates, interviews, plans, selftests
from cs_trainer.services import typing_tests as typing_service
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.store.database import Database
from cs_trainer.ui.candidate_mode.staff_check import StaffCheckDialog
from cs_trainer.ui.candidate_mode.window import CandidateModeWindow
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.settings import preferences as settings

PASSWORD = "correct horse battery"  # the password of every account every_role makes (conftest)

OTHER_NAME, OTHER_PHONE = "隐私另一人K7", "13977778888"
NOTE = "面试官备注M5"


@pytest.fixture
def hr(every_role: dict[str, Actor]) -> Iterator[Actor]:
    """HR signed in, as on the laptop that is handed to the candidate."""
    with acting_as(every_role["hr"]) as actor:
        yield actor


@pytest.fixture
def person(db: Database, hr: Actor) -> int:
    """The candidate, with an interviewer's note, beside another candidate."""
    candidates.add_candidate(
        db, candidates.NewCandidate(OTHER_NAME, OTHER_PHONE, "客服专员", consent=True)
    )
    person = candidates.add_candidate(
        db, candidates.NewCandidate("李梅", "13912345678", "客服专员", consent=True)
    )
    return person


def _note_an_interview(db: Database, person: int) -> None:
    bank = builtin_bank().content
    refs = [PlanItemRef(kind="question", bank=bank.id, id=bank.questions[0].id)]
    plan = plans.save_plan(db, "初试", "客服专员", refs, "王经理")
    attempt = interviews.start_interview(db, person, plan, "王经理")
    interviews.rate(db, attempt, bank.questions[0].id, 4, NOTE)


@pytest.fixture
def selftest(db: Database, person: int) -> int:
    return selftests.start_selftest(db, person, "self", "人事乙")


def _kiosk(window: MainWindow) -> CandidateModeWindow:
    return window.candidate_mode


def _locked(window: MainWindow) -> bool:
    kiosk = _kiosk(window)
    return kiosk.locked and kiosk.isVisible() and not window.isVisible()


def _start(qtbot: QtBot, window: MainWindow, attempt: int) -> CandidateModeWindow:
    window.run_selftest(attempt)
    kiosk = _kiosk(window)
    qtbot.waitExposed(kiosk)
    assert _locked(window)
    return kiosk


def _staff_dialog(kiosk: CandidateModeWindow) -> StaffCheckDialog:
    dialog = kiosk.leave_dialog
    assert isinstance(dialog, StaffCheckDialog), "leaving asks for the staff password"
    assert dialog.isVisible()
    assert dialog.password_edit.echoMode() is QLineEdit.EchoMode.Password
    return dialog


def _sign(dialog: StaffCheckDialog, name: str, secret: str, settle: Callable[[], None]) -> None:
    dialog.name_edit.setText(name)
    dialog.password_edit.setText(secret)
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    settle()


def _refused_then_confirmed(
    window: MainWindow, settle: Callable[[], None], confirm: str = "hr"
) -> None:
    """Without the password (cancel, a wrong one, a trainer's) the test stays; with it,
    HR is back on the candidate's record."""
    kiosk = _kiosk(window)
    dialog = _staff_dialog(kiosk)
    dialog.reject()
    assert _locked(window) and kiosk.leave_dialog is None, "cancelled: the test stays"
    kiosk.request_leave()
    dialog = _staff_dialog(kiosk)
    _sign(dialog, "hr", "not the password", settle)
    assert _locked(window) and dialog.isVisible()
    assert dialog.refusal_label.text().startswith("Wrong sign-in name or password")
    assert dialog.password_edit.text() == "", "a refused password is not kept"
    _sign(dialog, "trainer", PASSWORD, settle)
    assert _locked(window)
    assert dialog.refusal_label.text() == ("Only an HR interviewer or an administrator can do this")
    _sign(dialog, confirm, PASSWORD, settle)
    assert not kiosk.locked and not kiosk.isVisible()
    assert window.isVisible()
    assert window.pages.currentWidget() is window.candidates_page


def _escape(window: MainWindow) -> None:
    QTest.keyClick(_kiosk(window).selftest_page, Qt.Key.Key_Escape)


def _close_event(window: MainWindow) -> None:
    event = QCloseEvent()
    QApplication.sendEvent(_kiosk(window), event)
    assert not event.isAccepted()


def _alt_f4_close_request(window: MainWindow) -> None:
    """What a window manager sends for Alt+F4 or the title bar's ✕: a close request."""
    handle = _kiosk(window).windowHandle()
    assert handle is not None
    assert not handle.close(), "the window refuses to close"


def _alt_f4_key(window: MainWindow) -> None:
    """Where no window manager turns Alt+F4 into a close request, the key itself."""
    QTest.keyClick(_kiosk(window).selftest_page, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)


def _main_window_close(window: MainWindow) -> None:
    """A close request to the hidden main window (the taskbar, the session ending)."""
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()


def _leave_button(window: MainWindow) -> None:
    page = _kiosk(window).selftest_page
    QTest.keyClick(page, Qt.Key.Key_Return)  # Begin: the button is there on every pair too
    QTest.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)


WAYS_OUT = {
    "escape": _escape,
    "close_event": _close_event,
    "alt_f4_close_request": _alt_f4_close_request,
    "alt_f4_key": _alt_f4_key,
    "main_window_close": _main_window_close,
    "leave_button": _leave_button,
}


def test_the_test_runs_full_screen_alone(qtbot: QtBot, selftest: int, window: MainWindow) -> None:
    kiosk = _start(qtbot, window, selftest)
    assert kiosk.isFullScreen()
    assert kiosk.isWindow() and kiosk.windowHandle() is not window.windowHandle()
    assert kiosk.screens.currentWidget() is kiosk.selftest_page
    for kind in (QMenuBar, QMenu, QToolBar, QAbstractItemView, QFileDialog):
        assert kiosk.findChildren(kind) == [], f"a {kind.__name__} in candidate mode"
    assert not window.nav.isVisible() and not window.candidates_page.isVisible()


@pytest.mark.parametrize("way_out", WAYS_OUT.values(), ids=WAYS_OUT.keys())
def test_every_way_out_needs_the_staff_password(
    qtbot: QtBot,
    selftest: int,
    person: int,
    window: MainWindow,
    settle: Callable[[], None],
    way_out: Callable[[MainWindow], None],
) -> None:
    _start(qtbot, window, selftest)
    way_out(window)
    assert _locked(window)
    _refused_then_confirmed(window, settle)
    assert window.candidates_page.selected_candidate_id() == person
    assert selftests.unfinished_selftests(window.db)[0].attempt_id == selftest


def test_an_administrator_may_confirm_too(
    qtbot: QtBot, selftest: int, window: MainWindow, settle: Callable[[], None]
) -> None:
    _start(qtbot, window, selftest)
    _escape(window)
    _refused_then_confirmed(window, settle, confirm="admin")


def test_repeated_wrong_passwords_are_slowed_down_and_told(
    qtbot: QtBot, selftest: int, window: MainWindow, settle: Callable[[], None]
) -> None:
    kiosk = _start(qtbot, window, selftest)
    _escape(window)
    dialog = _staff_dialog(kiosk)
    for _ in range(4):
        _sign(dialog, "hr", "wrong guess", settle)
    assert dialog.refusal_label.text().startswith("Too many failed sign-ins: try again in")
    _sign(dialog, "hr", PASSWORD, settle)  # still waiting: even the right one is refused
    assert _locked(window)


def test_an_empty_password_is_not_checked(
    qtbot: QtBot, selftest: int, window: MainWindow, settle: Callable[[], None]
) -> None:
    kiosk = _start(qtbot, window, selftest)
    _escape(window)
    dialog = _staff_dialog(kiosk)
    _sign(dialog, "hr", "", settle)
    assert dialog.refusal_label.text() == "Type your sign-in name and password."
    assert _locked(window)


def _main_window_shortcuts(window: MainWindow) -> dict[str, QKeySequence]:
    """Every shortcut the main window has: its actions', its QShortcuts', its buttons' and
    labels' mnemonics, and the usual ones of any desktop window."""
    found: dict[str, QKeySequence] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            found[f"action {action.text()!r} {sequence.toString()}"] = sequence
    for shortcut in window.findChildren(QShortcut):
        found[f"shortcut {shortcut.key().toString()}"] = shortcut.key()
    outside = [w for w in window.findChildren(QWidget) if not window.candidate_mode.isAncestorOf(w)]
    for button in (w for w in outside if isinstance(w, QAbstractButton)):
        if not button.shortcut().isEmpty():
            found[f"button {button.text()!r}"] = button.shortcut()
    for label in (w for w in outside if isinstance(w, QLabel)):
        mnemonic = QKeySequence.mnemonic(label.text())
        if label.buddy() is not None and not mnemonic.isEmpty():
            found[f"label {label.text()!r}"] = mnemonic
    for standard in (
        QKeySequence.StandardKey.Quit,
        QKeySequence.StandardKey.Close,
        QKeySequence.StandardKey.Save,
        QKeySequence.StandardKey.Print,
        QKeySequence.StandardKey.Open,
        QKeySequence.StandardKey.NextChild,
        QKeySequence.StandardKey.FullScreen,
    ):
        for sequence in QKeySequence.keyBindings(standard):
            first = sequence[0]  # type: ignore[index]  # the stubs lack __getitem__
            if first.key().value < Qt.Key.Key_Back.value:  # not a media keyboard's key
                found[f"standard {sequence.toString()}"] = sequence
    return found


def test_no_shortcut_of_the_main_window_works_until_staff_confirm(
    qtbot: QtBot, selftest: int, window: MainWindow, settle: Callable[[], None]
) -> None:
    # What a sign-in or a menu may add: an application-wide action (it fires from any
    # window), a window action and a QShortcut, beside the mnemonics the pages have.
    fired: list[str] = []
    everywhere = QAction("Sign out", window)
    everywhere.setShortcut(QKeySequence("Ctrl+Shift+L"))
    everywhere.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    everywhere.triggered.connect(lambda: fired.append("application action"))
    window.addAction(everywhere)
    here = QAction("Candidates", window)
    here.setShortcut(QKeySequence("Ctrl+1"))
    here.triggered.connect(lambda: fired.append("window action"))
    window.addAction(here)
    shortcut = QShortcut(QKeySequence("Ctrl+Shift+S"), window)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append("shortcut"))
    # Qt alone keeps a hidden window's shortcuts quiet, but not those of another window
    # of the application that is still up; candidate mode swallows those too.
    other_window = QWidget()
    qtbot.addWidget(other_window)
    other_window.show()
    elsewhere = QShortcut(QKeySequence("Ctrl+Shift+E"), other_window)
    elsewhere.setContext(Qt.ShortcutContext.ApplicationShortcut)
    elsewhere.activated.connect(lambda: fired.append("another window's shortcut"))
    clicked: list[str] = []
    for button in window.findChildren(QAbstractButton):
        if not window.candidate_mode.isAncestorOf(button):  # the test's own buttons may work
            button.clicked.connect(lambda _checked=False, b=button: clicked.append(b.text()))
    sequences = _main_window_shortcuts(window)
    assert len(sequences) > 15, sorted(sequences)
    assert any(name.startswith("button ") for name in sequences)
    assert any(name.startswith("label ") for name in sequences)

    kiosk = _start(qtbot, window, selftest)
    kiosk.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is kiosk)
    sequences["another window's shortcut"] = elsewhere.key()
    for name, sequence in sequences.items():
        QTest.keySequence(kiosk.selftest_page, sequence)
        assert _locked(window), name
        assert fired == [] and clicked == [], name
        if kiosk.leave_dialog is not None:  # asked for the password: without it, stays
            kiosk.leave_dialog.reject()
            assert _locked(window), name
            kiosk.activateWindow()
    assert window.candidates_page.isVisible() is False

    QTest.mouseClick(kiosk.selftest_page.leave_button, Qt.MouseButton.LeftButton)
    _sign(_staff_dialog(kiosk), "hr", PASSWORD, settle)
    assert not kiosk.locked
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    for text in ("Ctrl+Shift+L", "Ctrl+1", "Ctrl+Shift+S", "Ctrl+Shift+E"):
        QTest.keySequence(window, QKeySequence(text))
    assert fired == [
        "application action",
        "window action",
        "shortcut",
        "another window's shortcut",
    ], "they work again"


def test_setting_up_without_accounts_asks_instead(
    qtbot: QtBot, db: Database, candidate_id: int, window: MainWindow
) -> None:
    kiosk = _start(qtbot, window, selftests.start_selftest(db, candidate_id, "self", "王经理"))
    for attempt in ("no", "yes"):
        _escape(window)
        box = kiosk.leave_dialog
        assert isinstance(box, QMessageBox), "no account: an explicit question"
        assert "No staff account exists yet" in box.text()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        no, yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
        QTest.mouseClick(box.button(no if attempt == "no" else yes), Qt.MouseButton.LeftButton)
        assert _locked(window) is (attempt == "no")
    assert window.isVisible() and window.candidates_page.selected_candidate_id() == candidate_id


# -- the end of the test --------------------------------------------------------------------


def _finish_selftest(
    qtbot: QtBot, window: MainWindow, db: Database, attempt: int, settle: Callable[[], None]
) -> CandidateModeWindow:
    """Nine answers are in; the candidate gives the last and finishes."""
    items = selftests.load_progress(db, attempt).instrument.items
    for item in items[:-1]:
        selftests.record_answer(db, attempt, item.id, 9)
    kiosk = _start(qtbot, window, attempt)
    page = kiosk.selftest_page
    QTest.keyClick(page, Qt.Key.Key_Return)  # Begin: on to the last pair
    with qtbot.waitSignal(page.answer_saved):
        QTest.keyClick(page, Qt.Key.Key_3)
    QTest.keyClick(page, Qt.Key.Key_Return)  # Finish
    settle()
    assert kiosk.screens.currentWidget() is kiosk.thank_you
    return kiosk


def _texts(root: QWidget) -> str:
    """Everything a widget and its children show."""
    parts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QProgressBar):
            parts.append(widget.text())
        parts.append(widget.toolTip())
    return "\n".join(parts)


def _show_results(db: Database, value: str) -> None:
    """The department's setting, as the admin changes it (HR may not)."""
    with acting_as(accounts.sign_in(db, "admin", PASSWORD)):
        app_settings.set_setting(db, settings.CANDIDATE_RESULTS.key, value)


def test_by_default_the_candidate_is_thanked_and_sees_no_result(
    qtbot: QtBot, db: Database, selftest: int, window: MainWindow, settle: Callable[[], None]
) -> None:
    kiosk = _finish_selftest(qtbot, window, db, selftest, settle)
    shown = _texts(kiosk)
    assert "Thank you!" in shown
    assert "hand the laptop back" in shown
    for hidden in ("84", "/ 100 points", "Excellent", "By group of qualities"):
        assert hidden not in shown
    assert kiosk.thank_you.findChildren(QProgressBar) == [], "not even the bars of the answers"
    [outcome] = selftests.finished_selftests(db, window.candidate_mode.person_id or 0)
    assert outcome.total == 84, "HR find the result on the record"


def test_the_setting_shows_the_scores_but_not_the_band(
    qtbot: QtBot, db: Database, selftest: int, window: MainWindow, settle: Callable[[], None]
) -> None:
    _show_results(db, "scores")
    kiosk = _finish_selftest(qtbot, window, db, selftest, settle)
    view = kiosk.thank_you.result_view
    assert view is not None and view.isVisible()
    shown = _texts(kiosk)
    assert "84 / 100 points" in shown
    assert "Excellent" not in shown


def test_the_setting_may_show_the_band_too_but_never_a_note(
    qtbot: QtBot,
    db: Database,
    person: int,
    selftest: int,
    window: MainWindow,
    settle: Callable[[], None],
) -> None:
    _note_an_interview(db, person)
    _show_results(db, "scores_and_verdict")
    kiosk = _finish_selftest(qtbot, window, db, selftest, settle)
    shown = _texts(kiosk)
    assert "84 / 100 points" in shown and "Excellent" in shown
    assert NOTE not in shown


def test_from_the_thank_you_screen_only_the_staff_password_leads_on(
    qtbot: QtBot,
    db: Database,
    person: int,
    selftest: int,
    window: MainWindow,
    settle: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _note_an_interview(db, person)
    _show_results(db, "scores_and_verdict")
    opened: list[str] = []
    for name in ("getSaveFileName", "getOpenFileName", "getExistingDirectory", "exec", "open"):
        monkeypatch.setattr(QFileDialog, name, lambda *_a, n=name, **_k: opened.append(n))
    monkeypatch.setattr(QPrintDialog, "exec", lambda *_a: opened.append("print"))
    kiosk = _finish_selftest(qtbot, window, db, selftest, settle)
    every = kiosk.findChildren(QWidget)
    assert kiosk.findChildren(QMenu) == [] and kiosk.findChildren(QAbstractItemView) == []
    for label in kiosk.findChildren(QLabel):
        assert "<a " not in label.text() and not label.openExternalLinks(), label.text()
    for action in kiosk.findChildren(QAction):
        action.trigger()
        assert _locked(window), action.text()
    buttons = [b for b in kiosk.findChildren(QAbstractButton) if b.isVisibleTo(kiosk)]
    assert [b.objectName() for b in buttons] == ["staffButton"], "one button, for staff"
    for widget in every:
        if widget.contextMenuPolicy() is Qt.ContextMenuPolicy.ActionsContextMenu:
            assert widget.actions() == [], widget
    shown = _texts(kiosk)
    for other in (OTHER_NAME, OTHER_PHONE, NOTE):
        assert other not in shown
    QTest.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    dialog = _staff_dialog(kiosk)
    assert opened == [] and _locked(window)
    assert not window.candidates_page.isVisible()
    dialog.reject()
    QTest.keyClick(kiosk.thank_you, Qt.Key.Key_Escape)
    _refused_then_confirmed(window, settle)
    assert window.candidates_page.selected_candidate_id() == person, "back on their record"
    assert opened == []


def test_the_typing_test_is_locked_and_thanks_the_candidate(
    qtbot: QtBot,
    db: Database,
    person: int,
    window: MainWindow,
    settle: Callable[[], None],
) -> None:
    _show_results(db, "scores")
    passage = typing_service.passages()[0]
    window.run_typing_test(person, "李梅", passage.id, "人事乙")
    kiosk = _kiosk(window)
    qtbot.waitExposed(kiosk)
    assert _locked(window) and kiosk.screens.currentWidget() is kiosk.typing_page
    page = kiosk.typing_page
    assert page.typing_box.contextMenuPolicy() is Qt.ContextMenuPolicy.NoContextMenu
    QTest.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)  # before typing, too
    _staff_dialog(kiosk).reject()
    assert _locked(window)
    QTest.keyClick(page.typing_box, Qt.Key.Key_Escape)  # from the box the candidate types in
    _staff_dialog(kiosk).reject()
    assert _locked(window)
    now = [1000.0]
    page.clock = lambda: now[0]
    QTest.keyClicks(page.typing_box, "abc")
    now[0] += 60
    with qtbot.waitSignal(page.finished):
        QTest.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    settle()
    assert kiosk.screens.currentWidget() is kiosk.thank_you
    shown = _texts(kiosk)
    assert "finished the typing test" in shown
    assert "characters per minute" in shown and "Accuracy" in shown
    assert "Pass mark" not in shown and "passed" not in shown.lower()
    _escape_thank_you = kiosk.thank_you
    QTest.keyClick(_escape_thank_you, Qt.Key.Key_Escape)
    _refused_then_confirmed(window, settle)
    assert window.candidates_page.selected_candidate_id() == person


def test_the_next_candidate_finds_nothing_of_the_last(
    qtbot: QtBot,
    db: Database,
    person: int,
    selftest: int,
    window: MainWindow,
    settle: Callable[[], None],
) -> None:
    _show_results(db, "scores_and_verdict")
    [other] = [c.id for c in candidates.list_candidates(db) if c.id != person]
    passage = typing_service.passages()[0]
    window.run_typing_test(other, OTHER_NAME, passage.id, "人事乙")
    kiosk = _kiosk(window)
    page = kiosk.typing_page
    now = [1000.0]
    page.clock = lambda: now[0]
    QTest.keyClicks(page.typing_box, "typed by the last candidate")
    now[0] += 60
    with qtbot.waitSignal(page.finished):
        QTest.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    settle()
    assert OTHER_NAME in _texts(kiosk)
    QTest.mouseClick(kiosk.thank_you.staff_button, Qt.MouseButton.LeftButton)
    _sign(_staff_dialog(kiosk), "hr", PASSWORD, settle)
    assert not kiosk.locked

    _start(qtbot, window, selftest)
    everything = _texts(kiosk)  # hidden widgets too
    assert OTHER_NAME not in everything
    assert "typed by the last candidate" not in everything
    assert "characters per minute" not in _texts(kiosk.thank_you)
