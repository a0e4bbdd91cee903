"""The Quizzes page: choose a trainee, start or resume a knowledge quiz, see past results."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.services import quizzes, roleplays
from cs_trainer.services.clock import local_time
from cs_trainer.store.database import Database
from cs_trainer.ui.quizzes.quiz_page import QuizSetupDialog
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ATTEMPTS, ChangeBus

ATTEMPT_ROLE = Qt.ItemDataRole.UserRole + 1


class QuizzesSection(QWidget):
    """Starts quizzes for trainees; ``quiz_requested`` carries the attempt to take."""

    quiz_requested = Signal(int)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.trainee_combo = QComboBox()
        self.trainee_combo.setMinimumWidth(200)
        self.trainee_combo.currentIndexChanged.connect(lambda _i: self.refresh_results())
        self.start_button = QPushButton(self.tr("&Start a quiz…"))
        self.start_button.clicked.connect(self.start_quiz)
        self.results = QListWidget()
        self.results.itemActivated.connect(self._activated)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Trainee:")))
        row.addWidget(self.trainee_combo)
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Knowledge quizzes</h2>")))
        intro = QLabel(
            self.tr(
                "Items are drawn from the department's knowledge bank (service value, "
                "complaints, standards, customer types, channels, qualities). Double-click an "
                "unfinished quiz to carry on."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        bus.changed.connect(
            lambda kinds: self.refresh() if kinds & {ATTEMPTS, "roleplays"} else None
        )
        self.refresh()

    def refresh(self) -> None:
        chosen = self.trainee_combo.currentData()
        self.trainee_combo.blockSignals(True)
        self.trainee_combo.clear()
        for trainee in roleplays.list_trainees(self._db):
            self.trainee_combo.addItem(trainee.name, trainee.id)
        self.trainee_combo.setCurrentIndex(max(self.trainee_combo.findData(chosen), 0))
        self.trainee_combo.blockSignals(False)
        self.start_button.setEnabled(self.trainee_combo.count() > 0)
        self.refresh_results()

    def refresh_results(self) -> None:
        self.results.clear()
        person = self.trainee_combo.currentData()
        if person is None:
            self.results.addItem(self.tr("No trainees yet: add one on the Role-plays page."))
            return
        for progress in quizzes.unfinished_quizzes(self._db, int(person)):
            item = QListWidgetItem(
                self.tr("%1 · Paper No. %2 · unfinished — double-click to resume")
                .replace("%1", local_time(progress.started_at).strftime("%Y-%m-%d %H:%M"))
                .replace("%2", str(progress.paper.seed))
            )
            item.setData(ATTEMPT_ROLE, progress.attempt_id)
            self.results.addItem(item)
        for result in reversed(quizzes.quiz_results(self._db, int(person))):
            when = local_time(result.finished_at).strftime("%Y-%m-%d %H:%M")
            self.results.addItem(
                self.tr("%1 · Paper No. %2 · %3 of %4 correct")
                .replace("%1", when)
                .replace("%2", str(result.paper.seed))
                .replace("%3", str(result.score.correct))
                .replace("%4", str(result.score.total))
            )

    def start_quiz(self) -> None:
        person = self.trainee_combo.currentData()
        if person is None:
            return
        setup = QuizSetupDialog.ask(self, self.trainee_combo.currentText())
        if setup is None:
            return
        try:
            attempt = quizzes.start_quiz(
                self._db, int(person), setup.categories, setup.count, setup.seed
            )
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self.quiz_requested.emit(attempt)

    def _activated(self, item: QListWidgetItem) -> None:
        attempt = item.data(ATTEMPT_ROLE)
        if isinstance(attempt, int):
            self.quiz_requested.emit(attempt)
