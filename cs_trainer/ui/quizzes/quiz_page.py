"""Taking a knowledge quiz: one item per screen, then the result with every item's
answer and explanation.

Keyboard first, like the self-test: number keys 1–9 choose options, Enter goes on,
the arrow keys move between items. Every choice is saved the moment it is made,
through the operation route, so a quiz interrupted by a crash resumes with all its
answers. A choice counts as answered only once its save succeeded: the progress,
the "not answered yet" count and Finish wait for it, and Enter or Finish pressed
while a choice is on its way takes effect when it has arrived.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.services import quizzes
from cs_trainer.services.quizzes import QuizProgress, QuizResult
from cs_trainer.store.database import Database
from cs_trainer.ui.quizzes.quiz_views import QuestionView, QuizResultView
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.confirm import ask_to_leave
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.translation import content_text

_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{digit}"): digit for digit in range(1, 10)}
Choice = tuple[str, ...]


class QuizPage(QWidget):
    """Runs one quiz attempt from its first item to its result; ``left`` when the user
    goes back, ``finished(attempt_id)`` when a quiz is scored."""

    left = Signal()
    finished = Signal(int)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self._progress: QuizProgress | None = None
        self._answers: dict[str, Choice] = {}  # saved: what the database holds
        self._unsaved: dict[str, tuple[int, Choice]] = {}  # item → (save number, choice)
        self._in_flight: set[int] = set()  # the numbers of the saves not yet delivered
        self._saves = 0
        self._when_saved: Callable[[], None] | None = None  # Enter or Finish, held back
        self._finishing = False
        self._index = 0
        self.result: QuizResult | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.header_label = QLabel()
        self.header_label.setStyleSheet("font-size: 17pt; font-weight: bold;")
        self.paper_label = QLabel()
        self.paper_label.setObjectName("paperLabel")
        self.paper_label.setStyleSheet("color: #555;")
        self.counter_label = QLabel()
        self.counter_label.setObjectName("counterLabel")
        self.counter_label.setStyleSheet("font-size: 13pt;")
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(10)
        header = QHBoxLayout()
        header.addWidget(self.header_label, 1)
        header.addWidget(self.paper_label)
        header.addSpacing(16)
        header.addWidget(self.counter_label)
        self.question = QuestionView()
        self.question.changed.connect(self._save_choice)
        self.question_scroll = QScrollArea()
        self.question_scroll.setWidgetResizable(True)
        self.question_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.question_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.question_scroll.setWidget(self.question)
        self.result_view = QuizResultView()
        self.screens = QStackedWidget()
        self.screens.addWidget(self.question_scroll)
        self.screens.addWidget(self.result_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(header)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.screens, 1)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.leave_button = QPushButton(self.tr("Leave the quiz"))
        self.back_button = QPushButton(self.tr("← Back"))
        self.next_button = QPushButton(self.tr("Next →"))
        self.finish_button = QPushButton(self.tr("Finish"))
        self.done_button = QPushButton(self.tr("Done"))
        self.unanswered_label = QLabel()
        self.unanswered_label.setStyleSheet("color: #b3261e;")
        self.leave_button.clicked.connect(self._leave)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.finish_button.clicked.connect(self.finish)
        self.done_button.clicked.connect(self.left)
        row = QHBoxLayout()
        row.addWidget(self.leave_button)
        row.addStretch(1)
        row.addWidget(self.unanswered_label)
        for button in self._nav_buttons():
            button.setMinimumHeight(36)
            row.addWidget(button)
        for button in (self.leave_button, *self._nav_buttons()):
            # A focused push button takes ← and → to move the focus; they belong to the page.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return row

    def _nav_buttons(self) -> tuple[QPushButton, ...]:
        return (self.back_button, self.next_button, self.finish_button, self.done_button)

    # -- flow -----------------------------------------------------------------------------
    def start(self, attempt_id: int) -> bool:
        """Show a new or resumed attempt at its first unanswered item (a finished one at
        its result); False, with the problem shown, when it cannot be loaded."""
        try:
            progress = quizzes.load_quiz(self._db, attempt_id)
            result = quizzes.quiz_result(self._db, attempt_id) if progress.finished else None
        except UserError as exc:  # a quick read, not an operation: told here
            problems.show_problem(self, exc)
            return False
        self._progress, self.result = progress, result
        self._answers = dict(progress.answers)
        self._unsaved, self._in_flight, self._when_saved = {}, set(), None
        self._finishing = False
        self.header_label.setText(
            self.tr("Knowledge quiz · %1").replace("%1", progress.person_name)
        )
        self.paper_label.setText(self.tr("Paper No. %1").replace("%1", str(progress.paper.seed)))
        if result is not None:
            self._show_result(result)
        else:
            self._show_item(self._first_unanswered())
        self.setFocus()
        return True

    def go_next(self) -> None:
        if self._taking() and self._index + 1 < self._count():
            self._show_item(self._index + 1)

    def go_back(self) -> None:
        if self._taking() and self._index > 0:
            self._show_item(self._index - 1)

    def finish(self) -> None:
        """Score the attempt once every answer is saved; a second press while it is being
        scored does nothing."""
        if self._progress is None or not self._taking():
            return
        if self._in_flight:
            self._when_saved = self.finish
            return
        if self._unanswered():
            return
        attempt = self._progress.attempt_id
        self._finishing = True
        self._update_chrome()
        op = Op(self, self._db, lambda db: quizzes.finish_quiz(db, attempt), self._bus)
        op.success(lambda result: self._scored(attempt, result))
        op.finished.connect(lambda: self._scoring_over(attempt))
        op.run()

    @property
    def person_id(self) -> int | None:
        return self._progress.person_id if self._progress else None

    def saving(self) -> bool:
        """Whether a choice or the scoring is still on its way to the database."""
        return bool(self._in_flight) or self._finishing

    def _scored(self, attempt: int, result: QuizResult) -> None:
        if self._showing(attempt):
            self.result = result
            self._show_result(result)
            self.finished.emit(result.attempt_id)

    def _scoring_over(self, attempt: int) -> None:
        if self._showing(attempt):
            self._finishing = False
            self._update_chrome()

    # -- saving each choice -----------------------------------------------------------------
    def _save_choice(self) -> None:
        """Send the choice on screen to the database; it counts once it is saved."""
        assert self._progress is not None
        attempt = self._progress.attempt_id
        item = self._progress.paper.items[self._index].id
        chosen = tuple(self.question.chosen())
        self._saves += 1
        number = self._saves
        self._unsaved[item] = (number, chosen)
        self._in_flight.add(number)
        op = Op(self, self._db, lambda db: quizzes.answer(db, attempt, item, chosen), self._bus)
        op.success(lambda stored: self._saved(attempt, item, stored))
        op.problem(lambda problem: self._not_saved(attempt, item, number, problem))
        op.finished.connect(lambda: self._delivered(attempt, item, number))
        op.run()

    def _saved(self, attempt: int, item: str, stored: Choice) -> None:
        if not self._showing(attempt):
            return
        if stored:
            self._answers[item] = stored
        else:
            self._answers.pop(item, None)

    def _not_saved(self, attempt: int, item: str, number: int, problem: UserError) -> None:
        """Tell the problem; the item goes back to what is saved, unless a newer choice of
        it is on its way."""
        problems.show_problem(self, problem)
        if not self._showing(attempt) or self._unsaved.get(item, (0, ()))[0] != number:
            return
        del self._unsaved[item]
        assert self._progress is not None
        if self._asking() and self._progress.paper.items[self._index].id == item:
            self._show_item(self._index)

    def _delivered(self, attempt: int, item: str, number: int) -> None:
        if not self._showing(attempt):
            return
        self._in_flight.discard(number)
        if self._unsaved.get(item, (0, ()))[0] == number:
            del self._unsaved[item]
        self._update_chrome()
        if not self._in_flight and self._when_saved is not None:
            held, self._when_saved = self._when_saved, None
            held()

    def _choice_of(self, item: str) -> Choice:
        """What the screen shows for ``item``: the choice on its way, else the saved one."""
        if item in self._unsaved:
            return self._unsaved[item][1]
        return self._answers.get(item, ())

    def _showing(self, attempt: int) -> bool:
        """Whether ``attempt`` is still the one on this page (it is reused for the next)."""
        return self._progress is not None and self._progress.attempt_id == attempt

    # -- leaving --------------------------------------------------------------------------
    def _leave(self) -> None:
        if self.confirm_leave(self):
            self.left.emit()

    @classmethod
    def confirm_leave(cls, parent: QWidget) -> bool:
        """Asked before leaving mid-quiz; tests replace this classmethod."""
        return ask_to_leave(
            parent,
            QCoreApplication.translate("QuizPage", "Leave the quiz?"),
            QCoreApplication.translate(
                "QuizPage",
                "The answers given so far are saved. The quiz can be resumed later.",
            ),
        )

    # -- screens --------------------------------------------------------------------------
    def _show_item(self, index: int) -> None:
        assert self._progress is not None
        self._index = index
        self._when_saved = None  # Enter or Finish held back was meant for the item left
        item = self._progress.paper.items[index]
        category = content_text(self._progress.category_names[item.category])
        self.question.show_item(item, category, self._choice_of(item.id))
        self.screens.setCurrentWidget(self.question_scroll)
        self.question_scroll.verticalScrollBar().setValue(0)
        self._update_chrome()

    def _show_result(self, result: QuizResult) -> None:
        self.result_view.show_result(result)
        self.screens.setCurrentWidget(self.result_view)
        self._update_chrome()

    def _asking(self) -> bool:
        return self._progress is not None and self.screens.currentWidget() is self.question_scroll

    def _taking(self) -> bool:
        """Asking, and not being scored: the keys and buttons that change the quiz work."""
        return self._asking() and not self._finishing

    def _count(self) -> int:
        return len(self._progress.paper.items) if self._progress else 0

    def _unanswered(self) -> list[int]:
        """The items whose answer is not saved yet, by their number on the paper."""
        if self._progress is None:
            return []
        items = self._progress.paper.items
        return [index for index, item in enumerate(items) if item.id not in self._answers]

    def _first_unanswered(self) -> int:
        return next(iter(self._unanswered()), self._count() - 1)

    def _update_chrome(self) -> None:
        """Show the buttons that make sense on the current screen."""
        count, asking, taking = self._count(), self._asking(), self._taking()
        last = asking and self._index == count - 1
        missing = len(self._unanswered())
        self.counter_label.setText(f"{self._index + 1} / {count}" if asking else "")
        self.progress_bar.setRange(0, max(count, 1))
        self.progress_bar.setValue(count - missing)
        self.question.setEnabled(taking)
        self.back_button.setVisible(asking)
        self.back_button.setEnabled(taking and self._index > 0)
        self.next_button.setVisible(asking and not last)
        self.next_button.setEnabled(taking)
        self.finish_button.setVisible(last)
        self.finish_button.setEnabled(last and taking and not missing)
        self.unanswered_label.setVisible(last and bool(missing))
        self.unanswered_label.setText(
            self.tr("%1 not answered yet: Enter goes to the first.").replace("%1", str(missing))
        )
        self.leave_button.setVisible(asking)
        self.leave_button.setEnabled(taking)
        self.done_button.setVisible(not asking)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _DIGIT_KEYS and self._asking():
            if self._taking():
                self.question.toggle(_DIGIT_KEYS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._press_default()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.go_back()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.go_next()
        else:
            super().keyPressEvent(event)

    def _press_default(self) -> None:
        """Enter: the next item; on the last one, Finish, or the first unanswered item —
        decided once the choices on their way are saved."""
        if not self._taking():
            return
        if self.next_button.isVisible():
            self.go_next()
        elif self._in_flight:
            self._when_saved = self._press_default
        elif self._unanswered():
            self._show_item(self._first_unanswered())
        else:
            self.finish()
