"""The typing test (《客服专员职位说明书》): the candidate copies a passage; speed,
accuracy and verdict are computed when they finish.

Chinese arrives through the system's input method, often several characters
per commit and none per key press, so the page measures only the text in the
box (through :mod:`cs_trainer.quizzes.typing_metrics`), never key events.
Paste and drop are switched off in the box: pasting the passage would be a
perfect score for nothing.

The result is recorded through the operation route, off the GUI thread, and shown
only once it is committed; while it is being saved the box takes no more typing and
Finish does not record a second result. The page runs inside candidate mode
(:mod:`cs_trainer.ui.candidate_mode`), which decides how much of the result the
candidate sees (:class:`TypingResultView`) and who may leave: the page has no way
out but asking (``leave_requested``).
"""

import time
from collections.abc import Callable

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.quizzes.interview_schema import TypingPassage
from cs_trainer.quizzes.typing_metrics import TypingMetrics, countable, typing_metrics, whole_cpm
from cs_trainer.resources import FONT_FAMILY
from cs_trainer.services import typing_tests
from cs_trainer.services.typing_tests import TypingOutcome
from cs_trainer.store.database import Database
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.fonts import shipped_font_families
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.translation import content_text

TEXT_POINTS = 16
TICK_MS = 1000
PASSED_COLOUR, FAILED_COLOUR = "#1e7d32", "#b3261e"
_FINISH_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def text_font(points: int = TEXT_POINTS) -> QFont:
    """The shipped CJK font by name: Qt's fallback would give Japanese glyph shapes."""
    shipped_font_families()
    return QFont(FONT_FAMILY, points)


def minutes_seconds(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def whole_percent(ratio: float) -> int:
    """A ratio as a whole percentage that shows 100 only when nothing was wrong."""
    return 100 if ratio >= 1 else min(99, round(ratio * 100))


def _label(name: str, style: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(style)
    label.setWordWrap(True)
    return label


class PasteProofEdit(QPlainTextEdit):
    """The box the candidate types into: the input method works, paste and drop do not.

    ``activity`` fires on the first sign of typing, including pinyin still being
    composed, so the clock does not miss the time spent on the first character.
    """

    paste_refused = Signal()
    finish_requested = Signal()
    activity = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(False)
        self.setTabChangesFocus(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no menus for candidates

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return False

    def insertFromMimeData(self, source: QMimeData) -> None:
        self.paste_refused.emit()

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if event.preeditString() or event.commitString():
            self.activity.emit()
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() in _FINISH_KEYS:
            self.finish_requested.emit()
            return
        super().keyPressEvent(event)


class TypingResultView(QWidget):
    """Speed, accuracy, pass mark and verdict, large enough to read across a desk.

    Without ``verdict`` the pass mark and passed / not passed are left out (what a
    candidate may see depends on a department setting)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = _label("titleLabel", "color: #555; font-size: 13pt;")
        self.speed_label = _label("speedLabel", "font-size: 30pt; font-weight: bold;")
        self.accuracy_label = _label("accuracyLabel", "font-size: 16pt;")
        self.pass_mark_label = _label("passMarkLabel", "font-size: 16pt;")
        self.verdict_label = _label("verdictLabel", "")
        self.detail_label = _label("detailLabel", "color: #555; font-size: 12pt;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)  # aligned with the page header above
        layout.setSpacing(14)
        for widget in (
            self.title_label,
            self.speed_label,
            self.accuracy_label,
            self.pass_mark_label,
            self.verdict_label,
            self.detail_label,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_outcome(self, outcome: TypingOutcome, person_name: str, verdict: bool = True) -> None:
        metrics = outcome.metrics
        self.title_label.setText(f"{content_text(outcome.passage.title)} · {person_name}")
        self.speed_label.setText(
            self.tr("%1 characters per minute").replace("%1", str(whole_cpm(metrics)))
        )
        self.accuracy_label.setText(
            self.tr("Accuracy: %1%").replace("%1", str(whole_percent(metrics.accuracy)))
        )
        self.pass_mark_label.setText(
            self.tr("Pass mark: %1 characters per minute").replace("%1", str(outcome.pass_mark))
        )
        self._show_verdict(outcome.passed)
        self.pass_mark_label.setVisible(verdict)
        self.verdict_label.setVisible(verdict)
        if not verdict:
            self.pass_mark_label.clear()
            self.verdict_label.clear()
        self.detail_label.setText(self._detail(metrics))

    def _show_verdict(self, passed: bool) -> None:
        self.verdict_label.setText(self.tr("Passed") if passed else self.tr("Not passed"))
        colour = PASSED_COLOUR if passed else FAILED_COLOUR
        self.verdict_label.setStyleSheet(f"font-size: 26pt; font-weight: bold; color: {colour};")

    def _detail(self, metrics: TypingMetrics) -> str:
        return (
            self.tr("%1 of %2 characters typed correctly in %3 (mistakes: %4).")
            .replace("%1", str(metrics.correct_chars))
            .replace("%2", str(metrics.typed_chars))
            .replace("%3", minutes_seconds(metrics.seconds))
            .replace("%4", str(metrics.errors))
        )


class TypingTestPage(QWidget):
    """One typing test from the passage to the recorded result: ``finished`` (attempt ID)
    with :attr:`outcome` set; ``leave_requested`` is the "Leave the test" button.

    ``clock`` is the time source (seconds, monotonic); tests replace it so they
    drive time instead of waiting for it.
    """

    finished = Signal(int)
    leave_requested = Signal()

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.clock: Callable[[], float] = time.monotonic
        self._passage: TypingPassage | None = None
        self._person_id = 0
        self._person_name = self._conducted_by = ""
        self._started_at: float | None = None
        self._saving = False
        self._taking = 0  # which start() a result belongs to
        self.outcome: TypingOutcome | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.refresh_stats)
        self._build()
        self._update_chrome()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.header_label = QLabel()
        self.header_label.setStyleSheet("font-size: 17pt; font-weight: bold;")
        self.screens = QStackedWidget()
        self.screens.addWidget(self._typing_screen())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addWidget(self.header_label)
        layout.addWidget(self.screens, 1)
        layout.addLayout(self._buttons())

    def _typing_screen(self) -> QWidget:
        self.passage_title_label = QLabel()
        self.passage_title_label.setStyleSheet("font-size: 13pt; color: #1f5fa8;")
        self.passage_view = self._passage_view()
        self.instructions_label = QLabel(
            self.tr(
                "Type the passage above into the box below, with your usual input method. "
                "Line breaks and spaces do not matter. The clock starts with your first "
                "character; press Finish (Ctrl+Enter) when you are done."
            )
        )
        self.instructions_label.setWordWrap(True)
        self.typing_box = PasteProofEdit()
        self.typing_box.setFont(text_font())
        self.typing_box.setPlaceholderText(self.tr("Type here…"))
        self.typing_box.textChanged.connect(self._on_text_changed)
        self.typing_box.activity.connect(self._start_clock)
        self.typing_box.paste_refused.connect(self._on_paste_refused)
        self.typing_box.finish_requested.connect(self.finish)
        self.paste_label = QLabel()
        self.paste_label.setObjectName("pasteLabel")
        self.paste_label.setStyleSheet(f"color: {FAILED_COLOUR};")
        screen = QWidget()
        layout = QVBoxLayout(screen)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.passage_title_label)
        layout.addWidget(self.passage_view, 1)
        layout.addSpacing(4)
        layout.addWidget(self.instructions_label)
        layout.addWidget(self.typing_box, 1)
        layout.addWidget(self.paste_label)
        layout.addLayout(self._stats_row())
        return screen

    def _passage_view(self) -> QPlainTextEdit:
        """Read-only and not selectable, so there is nothing to copy or drag across."""
        view = QPlainTextEdit()
        view.setReadOnly(True)
        view.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        view.setFont(text_font())
        view.setStyleSheet("QPlainTextEdit { background: #f6f9fc; }")
        return view

    def _stats_row(self) -> QHBoxLayout:
        self.time_label = QLabel()
        self.time_label.setObjectName("timeLabel")
        self.speed_label = QLabel()
        self.speed_label.setObjectName("liveSpeedLabel")
        for label in (self.time_label, self.speed_label):
            label.setStyleSheet("font-size: 14pt;")
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFormat(self.tr("%p% of the passage"))
        self.progress_bar.setMinimumWidth(360)
        row = QHBoxLayout()
        row.setSpacing(24)
        row.addWidget(self.time_label)
        row.addWidget(self.speed_label)
        row.addStretch(1)  # a changing number of digits must not shift the bar
        row.addWidget(self.progress_bar)
        return row

    def _buttons(self) -> QHBoxLayout:
        self.leave_button = QPushButton(self.tr("Leave the test"))
        self.finish_button = QPushButton(self.tr("Finish"))
        self.finish_button.setToolTip(self.tr("Shortcut: Ctrl+Enter"))
        self.leave_button.clicked.connect(self._leave)
        self.finish_button.clicked.connect(self.finish)
        row = QHBoxLayout()
        row.addWidget(self.leave_button)
        row.addStretch(1)
        self.finish_button.setMinimumHeight(36)
        row.addWidget(self.finish_button)
        return row

    # -- flow -----------------------------------------------------------------------------
    def start(self, person_id: int, person_name: str, passage_id: str, conducted_by: str) -> bool:
        """Show a passage and an empty box; the clock waits for the first character.

        False (and the problem shown) if the passage cannot be found."""
        try:
            passage = typing_tests.find_passage(passage_id)
        except UserError as exc:  # a content file, not a database call: no operation to tell it
            problems.show_problem(self, exc)
            return False
        self._taking += 1
        self._passage, self.outcome = passage, None
        self._person_id, self._person_name = person_id, person_name
        self._conducted_by = conducted_by
        self._started_at = None
        self.header_label.setText(self.tr("Typing test · %1").replace("%1", person_name))
        self.passage_title_label.setText(content_text(passage.title))
        self.passage_view.setPlainText(passage.text)
        self.typing_box.setReadOnly(False)
        self.typing_box.clear()
        self.paste_label.clear()
        self.screens.setCurrentIndex(0)
        self.refresh_stats()
        self._update_chrome()
        self.typing_box.setFocus()
        return True

    def finish(self) -> None:
        """Record what was typed; the result is committed before it is shown."""
        if (
            self._passage is None
            or self.outcome is not None
            or self._started_at is None
            or self._saving
        ):
            return
        person, passage_id, by = self._person_id, self._passage.id, self._conducted_by
        typed, seconds, taking = self.typing_box.toPlainText(), self.elapsed(), self._taking
        self._saving = True
        self.typing_box.setReadOnly(True)  # what is recorded is what the box shows
        self._update_chrome()
        Op(
            self,
            self._db,
            lambda db: typing_tests.record_typing_test(db, person, passage_id, typed, seconds, by),
            self._bus,
        ).success(lambda outcome: self._recorded(outcome, taking)).run().finished.connect(
            self._save_ended
        )

    def elapsed(self) -> float:
        """Seconds since the first character (0 before it)."""
        return 0.0 if self._started_at is None else self.clock() - self._started_at

    def refresh_stats(self) -> None:
        """Clock, live speed and how much of the passage the typed text covers."""
        metrics = self.live_metrics()
        self.time_label.setText(self.tr("Time %1").replace("%1", minutes_seconds(self.elapsed())))
        cpm = whole_cpm(metrics) if metrics else 0
        self.speed_label.setText(self.tr("%1 characters per minute").replace("%1", str(cpm)))
        self.progress_bar.setValue(self._coverage())

    def live_metrics(self) -> TypingMetrics | None:
        seconds = self.elapsed()
        if self._passage is None or seconds <= 0:
            return None
        return typing_metrics(self._passage.text, self.typing_box.toPlainText(), seconds)

    @property
    def person_id(self) -> int:
        return self._person_id

    @property
    def person_name(self) -> str:
        return self._person_name

    def _coverage(self) -> int:
        if self._passage is None:
            return 0
        target = len(countable(self._passage.text))
        typed = len(countable(self.typing_box.toPlainText()))
        return min(100, round(100 * typed / target)) if target else 0

    def _start_clock(self) -> None:
        if self._started_at is None and self._passage is not None and self.outcome is None:
            self._started_at = self.clock()
            self._ticker.start()
            self._update_chrome()

    def _on_text_changed(self) -> None:
        if self.typing_box.toPlainText():
            self._start_clock()
        self.refresh_stats()

    def _on_paste_refused(self) -> None:
        self.paste_label.setText(self.tr("Pasting is switched off: please type the passage."))

    def _recorded(self, outcome: TypingOutcome, taking: int) -> None:
        if taking == self._taking:  # not a result of an earlier test on this page
            self._show_result(outcome)

    def _save_ended(self) -> None:
        """Recorded, or refused and told: a refused result leaves the box to type on."""
        self._saving = False
        if self.outcome is None:
            self.typing_box.setReadOnly(False)
        self._update_chrome()

    def _show_result(self, outcome: TypingOutcome) -> None:
        self.outcome = outcome
        self._ticker.stop()
        self.typing_box.setReadOnly(True)
        self._update_chrome()
        self.finished.emit(outcome.attempt_id)

    @property
    def busy(self) -> bool:
        """The result is being recorded: it is kept or refused before the page goes."""
        return self._saving

    def leave_note(self) -> str:
        """What leaving now means for the test, for whoever confirms it."""
        if self._started_at is None or self.outcome is not None:
            return ""
        return self.tr("What has been typed so far is not saved.")

    def reset(self) -> None:
        """The test is left: the clock stops, and nothing of this candidate stays in the
        page for the next (a result still on its way is not shown)."""
        self._ticker.stop()
        self._taking += 1
        self._passage, self.outcome, self._started_at = None, None, None
        self._person_id, self._person_name, self._conducted_by = 0, "", ""
        for label in (self.header_label, self.passage_title_label, self.paste_label):
            label.clear()
        self.passage_view.clear()
        self.typing_box.clear()
        self.refresh_stats()
        self._update_chrome()

    def _leave(self) -> None:
        if not self._saving:
            self.leave_requested.emit()

    def _update_chrome(self) -> None:
        done = self.outcome is not None
        self.finish_button.setVisible(not done)
        self.finish_button.setEnabled(
            self._started_at is not None and not self._saving and not done
        )
        self.leave_button.setVisible(not done)
