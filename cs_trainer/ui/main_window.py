"""The main window: navigation on the left, pages on the right.

Only the pages the signed-in role may use are built. While a candidate takes the
self-test or the typing test the window is hidden and the test runs full screen in
candidate mode (:mod:`cs_trainer.ui.candidate_mode`); leaving it needs an HR
interviewer's or an administrator's password.
"""

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from cs_trainer import changes
from cs_trainer.errors import UserError
from cs_trainer.services import accounts, acting, permissions, roleplays, selftests
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts import session
from cs_trainer.ui.accounts.audit_page import AuditPage
from cs_trainer.ui.accounts.idle_lock import IdleWatch
from cs_trainer.ui.accounts.sign_in import LockScreen
from cs_trainer.ui.accounts.users_page import UsersPage
from cs_trainer.ui.candidate_mode.window import CandidateModeWindow
from cs_trainer.ui.candidates.candidates_page import CandidatesPage
from cs_trainer.ui.interviews.interview_page import InterviewPage
from cs_trainer.ui.interviews.plans_page import PlansPage
from cs_trainer.ui.quizzes.quiz_page import QuizPage
from cs_trainer.ui.quizzes.quizzes_section import QuizzesSection
from cs_trainer.ui.quizzes.statistics_page import StatisticsPage
from cs_trainer.ui.roleplays.roleplay_catalogue import RoleplayCataloguePage
from cs_trainer.ui.roleplays.roleplay_page import RoleplayPage
from cs_trainer.ui.selftest.selftest_page import SelfTestPage
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.settings import window_state
from cs_trainer.ui.settings.settings_page import SettingsPage
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.backup_menu import BackupMenu
from cs_trainer.ui.shared.change_watch import ChangeWatch
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.trainer.trainer_pages import ProgressSection, StaffSection
from cs_trainer.ui.typing_test.typing_page import TypingTestPage


class MainWindow(QMainWindow):
    """Hosts the pages; ``language_changed`` lets the application rebuild it in another language.

    Only the pages the signed-in role may use are built (docs/roles.md), so no page
    calls a service that would refuse its role; with nobody signed in (a database
    being set up) every page is. ``switch_user_requested`` and ``sign_out_requested``
    ask the application to sign someone else in and rebuild the window for them.
    """

    language_changed = Signal(str)
    switch_user_requested = Signal()
    sign_out_requested = Signal()
    idle_interval_ms: int | None = None
    """Tests set a short idle time here; None reads the department's setting in minutes."""

    # Built only for the roles that use them (see _build_pages).
    candidates_page: CandidatesPage
    selftest_page: SelfTestPage
    plans_page: PlansPage
    interview_page: InterviewPage
    typing_page: TypingTestPage
    roleplay_catalogue: RoleplayCataloguePage
    roleplay_page: RoleplayPage
    quizzes_section: QuizzesSection
    quiz_page: QuizPage
    progress_section: ProgressSection
    statistics_page: StatisticsPage
    staff_section: StaffSection
    users_page: UsersPage
    candidate_mode: CandidateModeWindow
    audit_page: AuditPage

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, account_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = acting.current()
        self.account_name = account_name  # the sign-in name, to unlock the idle lock
        self.bus = ChangeBus(self)
        self.setWindowTitle(self.tr("cs_trainer — customer service recruitment and training"))
        self.nav = QListWidget()
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 13pt; } QListWidget::item { padding: 10px; }"
        )
        self.pages = QStackedWidget()
        self._build_pages(db)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        # Clicking the highlighted entry again (e.g. from the play or interview screen,
        # which hang under it) must still bring its page back.
        self.nav.itemClicked.connect(lambda item: self.pages.setCurrentIndex(self.nav.row(item)))
        self.nav.setCurrentRow(0)
        content = QWidget()
        layout = QHBoxLayout(content)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.lock_screen = LockScreen()
        self.screens = QStackedWidget()
        self.screens.addWidget(content)
        self.screens.addWidget(self.lock_screen)
        self.screens.addWidget(QWidget())  # nothing: signed out, the next sign-in pending
        self.setCentralWidget(self.screens)
        self.idle = IdleWatch(self._idle_interval(), self)
        self.change_watch = ChangeWatch(self, db, self.bus)  # what other laptops changed
        self.idle.idle.connect(self.lock)
        self._account_menu()
        self._data_menu()
        self._connect()
        self._restore_geometry()
        if session.signed_in():
            self.idle.start()

    def _build_pages(self, db: Database) -> None:
        """The navigation entries (and the screens under them) of the signed-in role."""
        entries: list[tuple[str, QWidget]] = []
        hidden: list[QWidget] = []
        if session.may(permissions.CANDIDATES_VIEW):
            self.candidates_page = CandidatesPage(db, self.bus)
            self.selftest_page = SelfTestPage(db, self.bus)
            self.interview_page = InterviewPage(db, self.bus)
            self.typing_page = TypingTestPage(db, self.bus)
            entries.append((self.tr("Candidates"), self.candidates_page))
            hidden.append(self.interview_page)  # the tests run in candidate mode instead
            self.candidate_mode = CandidateModeWindow(
                db, self.bus, self.selftest_page, self.typing_page, self
            )
        if session.may(permissions.INTERVIEWS):
            self.plans_page = PlansPage(db, self.bus)
            entries.append((self.tr("Interviews"), self.plans_page))
        library = roleplays.load_scenarios()  # once: the pages share it
        if session.may(permissions.PRACTICE):
            self.roleplay_catalogue = RoleplayCataloguePage(db, self.bus, library)
            self.roleplay_page = RoleplayPage(db, self.bus, library)
            self.quizzes_section = QuizzesSection(db, self.bus)
            self.quiz_page = QuizPage(db, self.bus)
            entries.append((self.tr("Role-plays"), self.roleplay_catalogue))
            entries.append((self.tr("Quizzes"), self.quizzes_section))
            hidden += [self.roleplay_page, self.quiz_page]
        if session.may(permissions.TRAINEES_VIEW) or session.own_trainee() is not None:
            self.progress_section = ProgressSection(db, self.bus, library)
            entries.append((self.tr("Progress"), self.progress_section))
        if session.may(permissions.TRAINEES_VIEW):
            self.statistics_page = StatisticsPage(db, self.bus, library)
            entries.append((self.tr("Statistics"), self.statistics_page))
        if session.may(permissions.STAFF_EVALUATE):
            self.staff_section = StaffSection(db, self.bus)
            entries.append((self.tr("Staff"), self.staff_section))
        if session.signed_in() and session.may(permissions.TRAINEES_CHANGE):
            self.users_page = UsersPage(db, self.bus)
            entries.append((self.tr("Accounts"), self.users_page))
        if session.signed_in() and session.may(permissions.AUDIT):
            self.audit_page = AuditPage(db, self.bus)
            entries.append((self.tr("Audit trail"), self.audit_page))
        self.settings_page = SettingsPage(db, self.bus)
        entries.append((self.tr("Settings"), self.settings_page))
        for name, page in entries:
            self.nav.addItem(name)
            self.pages.addWidget(page)
        for screen in hidden:
            self.pages.addWidget(screen)  # reached from another page, not the navigation

    def has_page(self, name: str) -> bool:
        """Whether the signed-in role has the page (attribute) ``name``."""
        return name in self.__dict__

    def _account_menu(self) -> None:
        """Who is signed in, Switch user, Lock, Sign out (nothing while setting up)."""
        if not session.signed_in():
            return
        menu = self.menuBar().addMenu(self.tr("&Account"))
        self.who_action = menu.addAction(self.signed_in_text())
        self.who_action.setEnabled(False)
        menu.addSeparator()
        self.switch_action = menu.addAction(self.tr("&Switch user…"))
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.switch_action.triggered.connect(self.switch_user_requested)
        self.lock_action = menu.addAction(self.tr("&Lock"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.sign_out_action = menu.addAction(self.tr("Sign &out"))
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.who_label = QLabel(self.signed_in_text())
        self.who_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.who_label)
        self.lock_screen.unlock_button.clicked.connect(self.unlock)
        self.lock_screen.switch_button.clicked.connect(self.switch_user_requested)

    def _data_menu(self) -> None:
        """Back up, restore, check: an administrator's, for an SQLite file only."""
        if not session.signed_in() or not session.may(permissions.BACKUPS):
            return
        if self.db.sqlite_file is None:
            return
        self.backup_menu = BackupMenu(self, self.db, self.bus)
        self.backup_menu.restored.connect(self._after_restore)

    def _after_restore(self) -> None:
        """Every table was replaced, accounts too: whoever works next signs in again."""
        self.sign_out_requested.emit()

    def signed_in_text(self) -> str:
        return (
            self.tr("Signed in: %1 (%2)")
            .replace("%1", self.actor.name)
            .replace("%2", session.role_title(self.actor.role))
        )

    # -- the idle lock ---------------------------------------------------------------------
    def _idle_interval(self) -> int:
        if self.idle_interval_ms is not None:
            return self.idle_interval_ms
        return settings.read_department(self.db, settings.IDLE_LOCK_MINUTES) * 60_000

    def locked(self) -> bool:
        return self.screens.currentWidget() is self.lock_screen

    def lock(self) -> None:
        """Hide everything behind the lock screen until the same account's password."""
        if not session.signed_in() or self.locked() or self.in_candidate_mode():
            return  # a candidate's test is not interrupted: leaving it needs the password
        self.idle.stop()
        self.menuBar().setEnabled(False)
        self.lock_screen.show_for(self.actor.name, session.role_title(self.actor.role))
        self.screens.setCurrentWidget(self.lock_screen)
        self.lock_screen.unlock_button.setEnabled(bool(self.account_name))

    def hide_contents(self) -> None:
        """Signed out: nothing of the last account stays on screen behind the sign-in."""
        self.idle.stop()
        self.menuBar().setEnabled(False)
        self.screens.setCurrentIndex(2)

    def unlock(self) -> None:
        secret, name, me = self.lock_screen.secret_edit.text(), self.account_name, self.actor
        if not secret or not name:
            return
        self.lock_screen.unlock_button.setEnabled(False)

        def check(db: Database) -> bool:
            return accounts.sign_in(db, name, secret).account_id == me.account_id

        Op(self, self.db, check).success(self._unlocked).problem(
            lambda problem: self._unlock_refused(str(problem))
        ).run()

    def _unlocked(self, same: bool) -> None:
        self.lock_screen.unlock_button.setEnabled(True)
        if not same:
            self.lock_screen.show_error(self.tr("That is not this account's password."))
            return
        self.screens.setCurrentIndex(0)
        self.menuBar().setEnabled(True)
        self.idle.start()

    def _unlock_refused(self, message: str) -> None:
        self.lock_screen.unlock_button.setEnabled(True)
        self.lock_screen.show_error(message)

    def _settings_changed(self, kinds: frozenset[str]) -> None:
        if changes.SETTINGS in kinds:
            self.idle.set_interval(self._idle_interval())

    def _connect(self) -> None:
        self.bus.changed.connect(self._settings_changed)
        self.settings_page.saved.connect(self._status)
        self.settings_page.language_changed.connect(self.language_changed)
        if self.has_page("candidates_page"):
            self._connect_candidates()
        if self.has_page("quizzes_section"):
            self.quizzes_section.quiz_requested.connect(self.run_quiz)
            self.quiz_page.left.connect(self._back_to_quizzes)
            self.quiz_page.finished.connect(lambda _attempt: self.quizzes_section.refresh_results())
            self.roleplay_catalogue.play_requested.connect(self.run_roleplay)
            self.roleplay_page.left.connect(self._back_to_catalogue)
        if self.has_page("progress_section"):
            self.progress_section.message.connect(self._status)
        if self.has_page("staff_section"):
            self.staff_section.message.connect(self._status)

    def _connect_candidates(self) -> None:
        self.candidates_page.selftest_requested.connect(self.run_selftest)
        self.candidates_page.interview_requested.connect(self.run_interview)
        self.candidates_page.typing_requested.connect(self.run_typing_test)
        self.interview_page.left.connect(self._back_from_interview)
        self.interview_page.finished.connect(lambda _attempt: self._back_from_interview())
        self.candidates_page.sheet_actions.message.connect(self._status)
        self.candidate_mode.left.connect(self._back_to_candidate)

    def _status(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    def run_selftest(self, attempt_id: int) -> None:
        """An attempt (new or resumed) in candidate mode, this window hidden meanwhile."""
        try:
            progress = selftests.load_progress(self.db, attempt_id)
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self.candidate_mode.run_selftest(progress)
        self.hide()

    def _back_to_candidate(self, person: int | None) -> None:
        if not self.isVisible():  # back from candidate mode
            self.show()
        self.nav.setCurrentRow(0)
        self.pages.setCurrentWidget(self.candidates_page)
        if person is not None:
            self.candidates_page.select_candidate(person)

    def run_interview(self, attempt_id: int) -> None:
        """The interviewer's screen; the navigation stays (HR keeps the laptop)."""
        try:
            self.interview_page.start(attempt_id)
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self.pages.setCurrentWidget(self.interview_page)

    def _back_from_interview(self) -> None:
        state = self.interview_page.state
        self._back_to_candidate(state.person_id if state else None)
        if state is not None:
            detail = self.candidates_page.detail
            detail.tabs.setCurrentIndex(1)  # the interviews tab with the summary

    def run_typing_test(self, person_id: int, name: str, passage_id: str, by: str) -> None:
        """The candidate types in candidate mode, as for the self-test."""
        if self.candidate_mode.run_typing_test(person_id, name, passage_id, by):
            self.hide()

    def run_quiz(self, attempt_id: int) -> None:
        """The quiz screen; the navigation stays (trainees practise on their own)."""
        if self.quiz_page.start(attempt_id):
            self.pages.setCurrentWidget(self.quiz_page)
            self.quiz_page.setFocus()

    def _back_to_quizzes(self) -> None:
        self.pages.setCurrentWidget(self.quizzes_section)
        self.quizzes_section.refresh_results()

    def run_roleplay(self, attempt_id: int) -> None:
        """A trainee's practice screen; the navigation stays (trainees practise on their own)."""
        try:
            self.roleplay_page.start(attempt_id)
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self.pages.setCurrentWidget(self.roleplay_page)
        self.roleplay_page.setFocus()

    def _back_to_catalogue(self) -> None:
        self.pages.setCurrentWidget(self.roleplay_catalogue)
        progress = self.roleplay_page.progress
        if progress is not None:
            self.roleplay_catalogue.select_scenario(progress.scenario.id)
        self.roleplay_catalogue.table.setFocus()

    def offer_resume(self) -> None:
        """After a crash or close mid-test, offer to carry on with the unfinished attempt."""
        if not self.has_page("selftest_page"):
            return  # a role that gives no tests is not asked
        unfinished = selftests.unfinished_selftests(self.db)
        if unfinished and self.ask_resume(self, unfinished[-1]):
            self.run_selftest(unfinished[-1].attempt_id)

    @classmethod
    def ask_resume(cls, parent: QWidget, progress: selftests.AttemptProgress) -> bool:
        """Asks whether to resume; tests replace this classmethod."""
        from PySide6.QtWidgets import QMessageBox

        count = len(progress.instrument.items)
        text = QCoreApplication.translate(
            "MainWindow", "%1 did not finish the self-test (%2 of %3 answered). Resume it now?"
        )
        text = text.replace("%1", progress.person_name).replace("%2", str(len(progress.answers)))
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("MainWindow", "Unfinished self-test"),
            text.replace("%3", str(count)),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _restore_geometry(self) -> None:
        geometry = window_state.saved_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)

    def in_candidate_mode(self) -> bool:
        return self.has_page("candidate_mode") and self.candidate_mode.locked

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.in_candidate_mode():  # a close request meant to end the test
            event.ignore()
            self.candidate_mode.request_leave()
            return
        window_state.save_geometry(self.saveGeometry())
        super().closeEvent(event)
