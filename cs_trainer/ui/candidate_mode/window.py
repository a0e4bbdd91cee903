"""The full-screen window a candidate takes a test in, while the main window is hidden.

Only the test is in it: no navigation, menu, toolbar, file or print dialog. Every
way out is a request to leave (the test's "Leave the test" button, Escape, a close
request such as Alt+F4 or the window's close button, a shortcut of the main window),
and leaving needs an HR interviewer's or an administrator's password
(:class:`StaffCheckDialog`). A database without accounts is being set up: nobody
could type a password, so leaving asks for an explicit confirmation instead. Both
questions open without blocking (``open()``): the test stays on screen behind them,
and whatever asked (a close request, a key) returns at once.

When the candidate finishes, the thank-you screen shows as much of the result as the
department allows; from there too the only way on is the staff password, after
which ``left`` hands HR back to the candidate's record.

While the window is up, an application-wide event filter swallows every shortcut
that does not belong to it, so an action of the main window (whatever its shortcut
context) cannot run behind the candidate's back.
"""

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from cs_trainer.errors import UserError
from cs_trainer.services import accounts
from cs_trainer.services.selftests import AttemptProgress
from cs_trainer.store.database import Database
from cs_trainer.ui.candidate_mode.staff_check import StaffCheckDialog
from cs_trainer.ui.candidate_mode.thank_you import Shown, ThankYouScreen
from cs_trainer.ui.selftest.selftest_page import SelfTestPage
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.typing_test.typing_page import TypingTestPage


class CandidateModeWindow(QWidget):
    """Hosts the self-test and typing test pages full screen; ``left`` (person ID) once
    staff have confirmed leaving."""

    left = Signal(int)

    def __init__(
        self,
        db: Database,
        bus: ChangeBus,
        selftest_page: SelfTestPage,
        typing_page: TypingTestPage,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._db = db
        self._bus = bus
        self.setWindowTitle(self.tr("cs_trainer — candidate test"))
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.locked = False
        self.person_id: int | None = None
        self.shown = Shown.NOTHING
        self.leave_dialog: QDialog | None = None  # the staff check or the setting-up question
        self.selftest_page, self.typing_page = selftest_page, typing_page
        self.thank_you = ThankYouScreen()
        self.screens = QStackedWidget()
        for screen in (selftest_page, typing_page, self.thank_you):
            self.screens.addWidget(screen)  # takes the pages out of the main window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.screens)
        selftest_page.leave_requested.connect(self.request_leave)
        typing_page.leave_requested.connect(self.request_leave)
        selftest_page.finished.connect(self._selftest_finished)
        typing_page.finished.connect(self._typing_finished)
        self.thank_you.staff_requested.connect(self.request_leave)

    # -- entering -------------------------------------------------------------------------
    def run_selftest(self, progress: AttemptProgress) -> None:
        self.selftest_page.start(progress)
        self._enter(progress.person_id, self.selftest_page)
        self.selftest_page.setFocus()

    def run_typing_test(self, person_id: int, name: str, passage_id: str, by: str) -> bool:
        """False (and the problem shown) if the test could not start."""
        if not self.typing_page.start(person_id, name, passage_id, by):
            return False
        self._enter(person_id, self.typing_page)
        self.typing_page.typing_box.setFocus()
        return True

    def _enter(self, person_id: int, page: QWidget) -> None:
        self.person_id = person_id
        self.shown = self._results_shown()
        self.screens.setCurrentWidget(page)
        if not self.locked:
            self.locked = True
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
        # The screen the main window is on, all of it: without a window manager (and on
        # some with one) full screen alone keeps the window's own size.
        owner = self.parentWidget()
        screen = owner.screen() if owner is not None else self.screen()
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()

    def _results_shown(self) -> Shown:
        """Read once, before the laptop is handed over: the department's setting."""
        try:
            return Shown.of(settings.read_department(self._db, settings.CANDIDATE_RESULTS))
        except UserError:  # unreadable now: show nothing rather than too much
            return Shown.NOTHING

    # -- the end of a test ----------------------------------------------------------------
    def _selftest_finished(self, _attempt_id: int) -> None:
        outcome = self.selftest_page.outcome
        if outcome is not None:
            self.thank_you.show_selftest(outcome, self.shown)
            self._show_thank_you()

    def _typing_finished(self, _attempt_id: int) -> None:
        outcome = self.typing_page.outcome
        if outcome is not None:
            self.thank_you.show_typing(outcome, self.typing_page.person_name, self.shown)
            self._show_thank_you()

    def _show_thank_you(self) -> None:
        self.screens.setCurrentWidget(self.thank_you)
        self.thank_you.staff_button.setFocus()

    # -- leaving --------------------------------------------------------------------------
    def request_leave(self) -> None:
        """Someone tries to leave: staff confirm with their password (or, while the
        database has no accounts, with an explicit yes)."""
        if not self.locked or self._current_page_busy():
            return
        if self.leave_dialog is not None:  # already asking
            self.leave_dialog.activateWindow()
            return
        try:
            setting_up = not accounts.accounts_exist(self._db)
        except UserError as exc:
            problems.show_problem(self, exc)
            return
        note = self._leave_note()
        dialog = (
            self._question_without_accounts(note)
            if setting_up
            else StaffCheckDialog(self._db, self._bus, note, self)
        )
        self.leave_dialog = dialog
        dialog.finished.connect(self._leave_dialog_closed)
        dialog.open()

    def _question_without_accounts(self, note: str) -> QMessageBox:
        """No account exists yet (setting up): leaving needs an explicit yes."""
        text = self.tr(
            "No staff account exists yet, so leaving candidate mode needs no password. "
            "Once the first administrator is added, it will. Leave candidate mode now?"
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Leave candidate mode?"),
            f"{note}\n\n{text}" if note else text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box

    def _leave_dialog_closed(self) -> None:
        """Leave if staff confirmed (or, setting up, Yes was pressed); else the test goes on."""
        dialog, self.leave_dialog = self.leave_dialog, None
        if dialog is None:
            return
        if isinstance(dialog, StaffCheckDialog):
            confirmed = dialog.confirmed_by is not None
        else:
            assert isinstance(dialog, QMessageBox)
            confirmed = dialog.clickedButton() is dialog.button(QMessageBox.StandardButton.Yes)
        dialog.deleteLater()
        if confirmed:
            self._leave()
        elif self.locked:
            self.activateWindow()

    def _current_page_busy(self) -> bool:
        page = self.screens.currentWidget()
        return isinstance(page, (SelfTestPage, TypingTestPage)) and page.busy

    def _leave_note(self) -> str:
        page = self.screens.currentWidget()
        if isinstance(page, (SelfTestPage, TypingTestPage)):
            return page.leave_note()
        return ""

    def _leave(self) -> None:
        """Staff confirmed: hand back to the main window, then go, keeping nothing of
        this candidate for the next one."""
        self.selftest_page.reset()
        self.typing_page.reset()
        self.thank_you.clear()
        self.locked = False
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        person = self.person_id
        if person is not None:
            self.left.emit(person)  # the main window shows itself first: never no window
        self.hide()

    # -- every way out is a request -------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        """Alt+F4 and the close button: a request to leave, never a close."""
        if self.locked:
            event.ignore()
            self.request_leave()
        else:
            event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if self.locked and (
            key == Qt.Key.Key_Escape
            or (key == Qt.Key.Key_F4 and alt)
            or event.matches(QKeySequence.StandardKey.Close)
            or event.matches(QKeySequence.StandardKey.Quit)
        ):
            event.accept()
            self.request_leave()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While locked, a shortcut of anything outside this window is swallowed."""
        if self.locked and event.type() == QEvent.Type.Shortcut and not self._belongs_here(watched):
            self.request_leave()
            return True
        return super().eventFilter(watched, event)

    def _belongs_here(self, watched: QObject) -> bool:
        """Part of this window, or of a dialog over it (the staff check, a problem)."""
        widget = watched if isinstance(watched, QWidget) else None
        while widget is not None:
            if widget is self:
                return True
            widget = widget.parentWidget()
        return False
