"""Taking the self-test: the instructions, then one pair per screen.

Made for handing the laptop to a candidate: large text, one decision per
screen, number keys 1–9 and 0 (=10), and every answer saved the moment it is
given so the test can be resumed after a crash. The page runs inside candidate
mode (:mod:`cs_trainer.ui.candidate_mode`), which decides what the candidate sees
once the test is finished and who may leave it: the page itself shows no result
and has no way out but asking (``leave_requested``).

An answer is saved through the operation route, off the GUI thread, and shows as
given only once it is committed: until then the page takes no other answer and does
not move, so a quick second key press neither skips a pair nor records one twice,
and whatever the screen shows as answered survives a crash.
"""

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.services import selftests
from cs_trainer.services.selftests import AttemptOutcome, AttemptProgress
from cs_trainer.store.database import Database
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.translation import content_text

T = TypeVar("T")
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{digit}"): digit or 10 for digit in range(10)}


class PoleCard(QLabel):
    """One of the two opposite statements, with the score it stands for."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(140)
        self.setStyleSheet(
            "QLabel { border: 1px solid #c8d3e0; border-radius: 8px; background: #f6f9fc;"
            " padding: 14px; font-size: 15pt; }"
        )

    def show_pole(self, points: str, statement: str) -> None:
        self.setText(
            f"<p style='color:#1f5fa8; font-size:11pt; margin-bottom:8px'>{points}</p>"
            f"<p>{statement}</p>"
        )


class QuestionScreen(QWidget):
    """One pair: the low pole on the left, the high pole on the right, ten choices between."""

    chosen = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.number_label = QLabel()
        self.number_label.setStyleSheet("font-size: 12pt; color: #555;")
        self.low_card, self.high_card = PoleCard(), PoleCard()
        cards = QHBoxLayout()
        cards.addWidget(self.low_card, 1)
        cards.addWidget(self.high_card, 1)
        self.choice_group = QButtonGroup(self)
        scale = QHBoxLayout()
        for value in range(1, 11):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the page, not a button
            button.setMinimumSize(48, 48)
            button.setObjectName(f"choice{value}")
            button.setStyleSheet("QPushButton:checked { background: #1f5fa8; color: white; }")
            self.choice_group.addButton(button, value)
            scale.addWidget(button)
        self.choice_group.idClicked.connect(self.chosen)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.number_label)
        layout.addLayout(cards)
        layout.addSpacing(12)
        layout.addLayout(scale)
        layout.addWidget(self.hint_label)
        layout.addStretch(1)

    def show_item(self, number: int, count: int, low: str, high: str, value: int | None) -> None:
        self.number_label.setText(
            self.tr("Pair %1 of %2").replace("%1", str(number)).replace("%2", str(count))
        )
        self.low_card.show_pole(self.tr("1 point"), low)
        self.high_card.show_pole(self.tr("10 points"), high)
        self.hint_label.setText(
            self.tr(
                "Choose where you are between the two statements: 1 means exactly like the left "
                "one, 10 exactly like the right one. Keys 1–9 and 0 (for 10) work too."
            )
        )
        self.show_choice(value)

    def show_choice(self, value: int | None) -> None:
        """Check the saved answer only: a click checks its button before it is saved."""
        self.choice_group.setExclusive(False)
        for button in self.choice_group.buttons():
            button.setChecked(self.choice_group.id(button) == value)
        self.choice_group.setExclusive(True)


class SelfTestPage(QWidget):
    """Runs one attempt from its instructions to its last answer; ``finished`` (attempt ID)
    once it is scored, with :attr:`outcome` set.

    ``answer_saved`` (item ID, value) says an answer is committed: the moment the page
    shows it as given. ``leave_requested`` is the "Leave the test" button: the page
    does not go anywhere itself.
    """

    leave_requested = Signal()
    finished = Signal(int)
    answer_saved = Signal(str, int)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self._progress: AttemptProgress | None = None
        self._answers: dict[str, int] = {}
        self._index = 0
        self._saving = False
        self.outcome: AttemptOutcome | None = None
        self._build()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.header_label = QLabel()
        self.header_label.setStyleSheet("font-size: 17pt; font-weight: bold;")
        self.counter_label = QLabel()
        self.counter_label.setObjectName("counterLabel")
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setMaximumHeight(10)
        header = QHBoxLayout()
        header.addWidget(self.header_label, 1)
        header.addWidget(self.counter_label)
        self.screens = QStackedWidget()
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.intro_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.intro_label.setStyleSheet("font-size: 13pt; line-height: 150%;")
        self.question = QuestionScreen()
        self.question.chosen.connect(self.answer)
        for screen in (self.intro_label, self.question):
            self.screens.addWidget(screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(header)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.screens, 1)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.leave_button = QPushButton(self.tr("Leave the test"))
        self.back_button = QPushButton(self.tr("← Back"))
        self.next_button = QPushButton(self.tr("Next →"))
        self.begin_button = QPushButton(self.tr("Begin"))
        self.finish_button = QPushButton(self.tr("Finish"))
        self.leave_button.clicked.connect(self._leave)
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.begin_button.clicked.connect(lambda: self._show_item(self._first_unanswered()))
        self.finish_button.clicked.connect(self.finish)
        row = QHBoxLayout()
        row.addWidget(self.leave_button)
        row.addStretch(1)
        for button in (self.back_button, self.next_button, self.begin_button, self.finish_button):
            button.setMinimumHeight(36)
            row.addWidget(button)
        return row

    # -- flow -----------------------------------------------------------------------------
    def start(self, progress: AttemptProgress) -> None:
        """Show the instructions of a new or resumed attempt, with its saved answers."""
        self._progress = progress
        self._answers = dict(progress.answers)
        self.outcome = None
        instrument = progress.instrument
        self.header_label.setText(f"{content_text(instrument.title)} · {progress.person_name}")
        resumed = self.tr(
            "<p><b>Welcome back.</b> Your %1 earlier answers are saved; "
            "you continue where you stopped.</p>"
        ).replace("%1", str(len(self._answers)))
        self.intro_label.setText(
            (resumed if self._answers else "")
            + self.tr("<h3>Before you begin</h3>")
            + f"<p>{content_text(instrument.instructions)}</p>"
            + self.tr(
                "<p>Each screen shows two opposite statements. Choose a number from 1 to 10 "
                "for where you are between them. There are no right or wrong answers.</p>"
                "<p>Press <b>Begin</b> (or Enter) when you are ready.</p>"
            )
        )
        self.screens.setCurrentWidget(self.intro_label)
        self._update_chrome()

    def reset(self) -> None:
        """Forget the attempt: nothing of this candidate stays in the page for the next."""
        self._progress, self._answers, self.outcome, self._index = None, {}, None, 0
        self.header_label.clear()
        self.intro_label.clear()
        self.question.show_choice(None)
        self.screens.setCurrentWidget(self.intro_label)
        self._update_chrome()

    def answer(self, value: int) -> None:
        """Save the answer to the pair on screen; it shows as given once it is committed."""
        if (
            self._progress is None
            or self.outcome is not None
            or self.screens.currentWidget() is not self.question
        ):
            return
        item = self._progress.instrument.items[self._index]
        self.question.show_choice(self._answers.get(item.id))
        if self._saving:
            return  # the answer before this one is not saved yet
        attempt_id, item_id = self._progress.attempt_id, item.id
        self._save(
            lambda db: selftests.record_answer(db, attempt_id, item_id, value),
            lambda _none: self._answer_saved(attempt_id, item_id, value),
        )

    def go_next(self) -> None:
        if (
            not self._saving
            and self._progress
            and self._index + 1 < len(self._progress.instrument.items)
        ):
            self._show_item(self._index + 1)

    def go_back(self) -> None:
        if not self._saving and self.screens.currentWidget() is self.question and self._index > 0:
            self._show_item(self._index - 1)

    def finish(self) -> None:
        if self._progress is None or self._saving or not self._all_answered():
            return
        attempt_id = self._progress.attempt_id
        self.finish_button.setEnabled(False)
        self._save(lambda db: selftests.finish_selftest(db, attempt_id), self._show_outcome)

    @property
    def person_id(self) -> int | None:
        return self._progress.person_id if self._progress else None

    @property
    def person_name(self) -> str:
        return self._progress.person_name if self._progress else ""

    @property
    def busy(self) -> bool:
        """An answer or the finish is being saved: it is kept or refused before the page goes."""
        return self._saving

    def leave_note(self) -> str:
        """What leaving now means for the answers, for whoever confirms it."""
        return self.tr(
            "The answers given so far are saved. The test can be resumed later "
            "from the candidate's record."
        )

    def _leave(self) -> None:
        if not self._saving:
            self.leave_requested.emit()

    # -- saving ---------------------------------------------------------------------------
    def _save(self, work: Callable[[Database], T], done: Callable[[T], None]) -> None:
        """One write at a time: the page waits for it before it takes the next action."""
        self._saving = True
        Op(self, self._db, work, self._bus).success(done).run().finished.connect(self._saved)

    def _saved(self) -> None:
        """The write succeeded or was refused (and the problem shown): carry on."""
        self._saving = False
        self._update_chrome()

    def _answer_saved(self, attempt_id: int, item_id: str, value: int) -> None:
        if self._progress is None or self._progress.attempt_id != attempt_id:
            return  # another attempt was started meanwhile; the answer is in its own
        self._answers[item_id] = value
        if self.screens.currentWidget() is self.question:
            self._show_item(self._index)
        self.answer_saved.emit(item_id, value)

    def _show_outcome(self, outcome: AttemptOutcome) -> None:
        if self._progress is None or self._progress.attempt_id != outcome.attempt_id:
            return
        self.outcome = outcome
        self._update_chrome()
        self.finished.emit(outcome.attempt_id)

    def _show_item(self, index: int) -> None:
        assert self._progress is not None
        items = self._progress.instrument.items
        self._index = index
        item = items[index]
        self.question.show_item(
            index + 1,
            len(items),
            content_text(item.low),
            content_text(item.high),
            self._answers.get(item.id),
        )
        self.screens.setCurrentWidget(self.question)
        self._update_chrome()

    def _first_unanswered(self) -> int:
        assert self._progress is not None
        for index, item in enumerate(self._progress.instrument.items):
            if item.id not in self._answers:
                return index
        return len(self._progress.instrument.items) - 1

    def _all_answered(self) -> bool:
        assert self._progress is not None
        return all(item.id in self._answers for item in self._progress.instrument.items)

    def _update_chrome(self) -> None:
        """Show the buttons that make sense on the current screen."""
        count = len(self._progress.instrument.items) if self._progress else 0
        screen = self.screens.currentWidget()
        asking, done = screen is self.question, self.outcome is not None
        last = asking and self._index == count - 1
        self.counter_label.setText(f"{self._index + 1} / {count}" if asking else "")
        self.progress_bar.setRange(0, max(count, 1))
        self.progress_bar.setValue(len(self._answers))
        self.begin_button.setVisible(screen is self.intro_label)
        self.back_button.setVisible(asking)
        self.back_button.setEnabled(asking and self._index > 0)
        self.next_button.setVisible(asking and not last)
        self.finish_button.setVisible(last)
        self.finish_button.setEnabled(last and not done and self._all_answered())
        self.finish_button.setToolTip(
            ""
            if self._progress is None or self._all_answered()
            else self.tr("Answer every pair to finish.")
        )
        self.leave_button.setVisible(not done)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _DIGIT_KEYS and self.screens.currentWidget() is self.question:
            self.answer(_DIGIT_KEYS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._press_default()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.go_back()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.go_next()
        else:
            super().keyPressEvent(event)

    def _press_default(self) -> None:
        for button in (self.begin_button, self.next_button, self.finish_button):
            if button.isVisible() and button.isEnabled():
                button.click()
                return
