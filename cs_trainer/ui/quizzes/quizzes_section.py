"""The Quizzes page: choose a trainee, start or resume a knowledge quiz, see past results.

Starting a quiz draws and stores its paper, so it goes through the operation route:
the bank's categories are read first, the trainer chooses in the setup dialog, then
the attempt is opened off the GUI thread and handed on once it exists.
"""

from typing import Any

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

from cs_trainer.changes import ATTEMPTS, ROLEPLAYS
from cs_trainer.quizzes.quiz import CategoryInfo
from cs_trainer.services import quizzes
from cs_trainer.services.clock import local_time
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts import session
from cs_trainer.ui.quizzes.quiz_setup import QuizSetupDialog
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op

ATTEMPT_ROLE = Qt.ItemDataRole.UserRole + 1


class QuizzesSection(QWidget):
    """Starts quizzes for trainees; ``quiz_requested`` carries the attempt to take."""

    quiz_requested = Signal(int)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self._starting = 0  # operations of "Start a quiz…" not yet delivered
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
        session.fix_trainee_picker(self.trainee_combo)
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
        bus.changed.connect(lambda kinds: self.refresh() if kinds & {ATTEMPTS, ROLEPLAYS} else None)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.trainee_combo.currentData()
        self.trainee_combo.blockSignals(True)
        self.trainee_combo.clear()
        for name, person in session.trainees_to_pick(self._db):
            self.trainee_combo.addItem(name, person)
        self.trainee_combo.setCurrentIndex(max(self.trainee_combo.findData(chosen), 0))
        self.trainee_combo.blockSignals(False)
        self._update_start()
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
        """Read the bank's categories, ask for the setup, then open the attempt."""
        person = self.trainee_combo.currentData()
        if person is None or self._starting:
            return
        name = self.trainee_combo.currentText()
        self._run(
            Op(self, self._db, lambda _db: quizzes.quiz_categories()).success(
                lambda categories: self._set_up(int(person), name, categories)
            )
        )

    def _set_up(self, person: int, name: str, categories: list[CategoryInfo]) -> None:
        setup = QuizSetupDialog.ask(self, name, categories)
        if setup is None:
            return
        self._run(
            Op(
                self,
                self._db,
                lambda db: quizzes.start_quiz(
                    db, person, setup.categories, setup.count, setup.seed
                ),
                self._bus,
            ).success(self.quiz_requested.emit)
        )

    def _run(self, op: Op[Any]) -> None:
        """Start ``op`` with the Start button off until it is over: a second click must
        not open a second quiz while the first is being drawn."""
        self._starting += 1
        self._update_start()
        op.finished.connect(self._start_over)
        op.run()

    def _start_over(self) -> None:
        self._starting -= 1
        self._update_start()

    def _update_start(self) -> None:
        self.start_button.setEnabled(self.trainee_combo.count() > 0 and not self._starting)

    def _activated(self, item: QListWidgetItem) -> None:
        attempt = item.data(ATTEMPT_ROLE)
        if isinstance(attempt, int):
            self.quiz_requested.emit(attempt)
