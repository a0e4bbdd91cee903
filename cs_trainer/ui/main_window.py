"""The main window: navigation on the left, pages on the right.

While a candidate takes the self-test or the typing test the window is hidden and
the test runs full screen in candidate mode (:mod:`cs_trainer.ui.candidate_mode`);
leaving it needs an HR interviewer's or an administrator's password.
"""

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QMainWindow, QStackedWidget, QWidget

from cs_trainer.errors import UserError
from cs_trainer.services import roleplays, selftests
from cs_trainer.store.database import Database
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
from cs_trainer.ui.settings import window_state
from cs_trainer.ui.settings.settings_page import SettingsPage
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.trainer.trainer_pages import ProgressSection, StaffSection
from cs_trainer.ui.typing_test.typing_page import TypingTestPage


class MainWindow(QMainWindow):
    """Hosts the pages; ``language_changed`` lets the application rebuild it in another language."""

    language_changed = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.bus = ChangeBus(self)
        self.setWindowTitle(self.tr("cs_trainer — customer service recruitment and training"))
        self.candidates_page = CandidatesPage(db, self.bus)
        self.selftest_page = SelfTestPage(db, self.bus)
        self.plans_page = PlansPage(db, self.bus)
        self.interview_page = InterviewPage(db, self.bus)
        self.typing_page = TypingTestPage(db, self.bus)
        library = roleplays.load_scenarios()  # once: the pages share it
        self.roleplay_catalogue = RoleplayCataloguePage(db, self.bus, library)
        self.roleplay_page = RoleplayPage(db, self.bus, library)
        self.quizzes_section = QuizzesSection(db, self.bus)
        self.quiz_page = QuizPage(db, self.bus)
        self.progress_section = ProgressSection(db, self.bus, library)
        self.statistics_page = StatisticsPage(db, self.bus, library)
        self.staff_section = StaffSection(db, self.bus)
        self.settings_page = SettingsPage(db, self.bus)
        self.nav = QListWidget()
        self.nav.setFixedWidth(170)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 13pt; } QListWidget::item { padding: 10px; }"
        )
        self.pages = QStackedWidget()
        for name, page in (
            (self.tr("Candidates"), self.candidates_page),
            (self.tr("Interviews"), self.plans_page),
            (self.tr("Role-plays"), self.roleplay_catalogue),
            (self.tr("Quizzes"), self.quizzes_section),
            (self.tr("Progress"), self.progress_section),
            (self.tr("Statistics"), self.statistics_page),
            (self.tr("Staff"), self.staff_section),
            (self.tr("Settings"), self.settings_page),
        ):
            self.nav.addItem(name)
            self.pages.addWidget(page)
        for hidden in (
            self.interview_page,
            self.roleplay_page,
            self.quiz_page,
        ):
            self.pages.addWidget(hidden)  # reached from another page, not the navigation
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        # Clicking the highlighted entry again (e.g. from the play or interview screen,
        # which hang under it) must still bring its page back.
        self.nav.itemClicked.connect(lambda item: self.pages.setCurrentIndex(self.nav.row(item)))
        self.nav.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.candidate_mode = CandidateModeWindow(
            db, self.bus, self.selftest_page, self.typing_page, self
        )
        self._connect()
        self._restore_geometry()

    def _connect(self) -> None:
        self.candidates_page.selftest_requested.connect(self.run_selftest)
        self.candidates_page.interview_requested.connect(self.run_interview)
        self.candidates_page.typing_requested.connect(self.run_typing_test)
        self.interview_page.left.connect(self._back_from_interview)
        self.interview_page.finished.connect(lambda _attempt: self._back_from_interview())
        self.candidates_page.sheet_actions.message.connect(self._status)
        self.candidate_mode.left.connect(self._back_to_candidate)
        self.settings_page.saved.connect(self._status)
        self.progress_section.message.connect(self._status)
        self.quizzes_section.quiz_requested.connect(self.run_quiz)
        self.quiz_page.left.connect(self._back_to_quizzes)
        self.quiz_page.finished.connect(lambda _attempt: self.quizzes_section.refresh_results())
        self.staff_section.message.connect(self._status)
        self.settings_page.language_changed.connect(self.language_changed)
        self.roleplay_catalogue.play_requested.connect(self.run_roleplay)
        self.roleplay_page.left.connect(self._back_to_catalogue)

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

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.candidate_mode.locked:  # a close request meant to end the test
            event.ignore()
            self.candidate_mode.request_leave()
            return
        window_state.save_geometry(self.saveGeometry())
        super().closeEvent(event)
