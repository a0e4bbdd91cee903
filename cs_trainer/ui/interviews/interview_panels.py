"""The panels an interviewer works in: a question or a task, its guidance, the 1–5
rating with written anchors, notes, and a stopwatch."""

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.quizzes.interview_schema import InterviewQuestion, ObservedTask
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.ui.accounts import session
from cs_trainer.ui.selftest.result_view import group_name
from cs_trainer.ui.shared.translation import content_text

NOTES_SAVE_DELAY_MS = 600
SIGN_ROLE = Qt.ItemDataRole.UserRole + 1


def _wrapped(text: str = "", style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def _bullets(texts: Sequence[Text]) -> str:
    return "".join(f"<li>{content_text(text)}</li>" for text in texts)


class _ClickableLabel(QLabel):
    """An anchor's text: clicking it chooses its score, like clicking the button."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


class RatingScale(QGroupBox):
    """One row per score: a radio button and its anchor text, which wraps; ``chosen``
    on a change."""

    chosen = Signal(int)

    def __init__(self, title: str) -> None:
        super().__init__(title)
        self.group = QButtonGroup(self)
        self.group.idClicked.connect(self.chosen)
        self._grid = QGridLayout(self)
        self._grid.setColumnStretch(1, 1)

    def set_options(self, options: Sequence[tuple[int, str]]) -> None:
        """``(score, text)`` from 1 up; scores without an anchor show the number only."""
        for button in self.group.buttons():
            self.group.removeButton(button)
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.hide()
                widget.deleteLater()
        for row, (score, text) in enumerate(options):
            button = QRadioButton(str(score))
            button.setObjectName(f"score{score}")
            self.group.addButton(button, score)
            label = _ClickableLabel(text)
            label.setWordWrap(True)
            label.clicked.connect(button.click)
            self._grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(label, row, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Layouts ask wrapped labels for a height at a guessed width; once the real
        # width is known, pin each anchor's height so the last lines are never cut off.
        super().resizeEvent(event)
        for label in self.findChildren(_ClickableLabel):
            label.setMinimumHeight(0)  # or heightForWidth never answers less than before
            label.setMinimumHeight(max(label.heightForWidth(label.width()), 0))

    def set_score(self, score: int | None) -> None:
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == score)
        self.group.setExclusive(True)

    def score(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked == -1 else checked

    def choose(self, score: int) -> None:
        """Keyboard shortcut path: the same as clicking that score."""
        button = self.group.button(score)
        if button is not None:
            button.click()


def anchor_options(anchors: Sequence[tuple[int, Text]]) -> list[tuple[int, str]]:
    """All five scores; the written anchors fill in their text."""
    texts = {score: content_text(text) for score, text in anchors}
    return [(score, texts.get(score, "")) for score in range(1, 6)]


class Stopwatch(QWidget):
    """Start / pause / reset; shows mm:ss. ``clock`` can be replaced in tests."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.clock = clock
        self._started: float | None = None
        self._elapsed = 0.0
        self.display = QLabel("00:00")
        self.display.setStyleSheet("font-size: 16pt; font-family: monospace;")
        self.start_button = QPushButton(self.tr("Start timer"))
        self.reset_button = QPushButton(self.tr("Reset"))
        self.start_button.clicked.connect(self.toggle)
        self.reset_button.clicked.connect(self.reset)
        self._ticker = QTimer(self)
        self._ticker.setInterval(500)
        self._ticker.timeout.connect(self.refresh)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.display)
        layout.addWidget(self.start_button)
        layout.addWidget(self.reset_button)
        layout.addStretch(1)

    def seconds(self) -> float:
        running = self.clock() - self._started if self._started is not None else 0.0
        return self._elapsed + running

    def toggle(self) -> None:
        if self._started is None:
            self._started = self.clock()
            self._ticker.start()
            self.start_button.setText(self.tr("Pause timer"))
        else:
            self._elapsed = self.seconds()
            self._started = None
            self._ticker.stop()
            self.start_button.setText(self.tr("Start timer"))
        self.refresh()

    def reset(self) -> None:
        self._elapsed, self._started = 0.0, None
        self._ticker.stop()
        self.start_button.setText(self.tr("Start timer"))
        self.refresh()

    def set_seconds(self, seconds: float) -> None:
        self._elapsed, self._started = seconds, None
        self.refresh()

    def refresh(self) -> None:
        total = int(self.seconds())
        self.display.setText(f"{total // 60:02d}:{total % 60:02d}")


class ItemPanel(QWidget):
    """What the question and task panels share: rating, notes, autosave signal."""

    changed = Signal()  # the rating, notes or observations changed: save them

    def __init__(self) -> None:
        super().__init__()
        self.scale = RatingScale(self.tr("Rating"))
        self.scale.chosen.connect(lambda _score: self.changed.emit())
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Notes: what the candidate said and did"))
        self.notes.setToolTip(session.sensitive_data_hint())
        self.notes.setMaximumHeight(110)
        self.notes_hint = QLabel(session.sensitive_data_hint())
        self.notes_hint.setWordWrap(True)
        self.notes_hint.setStyleSheet("color: #A15C00; font-size: 9pt;")
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_SAVE_DELAY_MS)
        self._notes_timer.timeout.connect(self.changed)
        self.notes.textChanged.connect(self._notes_timer.start)
        self._loading = False

    def flush(self) -> None:
        """Save notes typed in the last moment (before moving on or closing)."""
        if self._notes_timer.isActive():
            self._notes_timer.stop()
            self.changed.emit()

    def cancel_pending_save(self) -> None:
        """The caller is saving everything now; the delayed notes save is not needed."""
        self._notes_timer.stop()

    def _load_common(self, score: int | None, notes: str) -> None:
        self._notes_timer.stop()
        self.notes.blockSignals(True)
        self.notes.setPlainText(notes)
        self.notes.blockSignals(False)
        self.scale.set_score(score)


class QuestionPanel(ItemPanel):
    """A question with its purpose, what to listen for and the anchored 1–5 rating."""

    def __init__(self) -> None:
        super().__init__()
        self.text_label = _wrapped(style="font-size: 15pt; font-weight: bold;")
        self.meta_label = _wrapped(style="color: #666;")
        self.purpose_label = _wrapped()
        self.listen_label = _wrapped()
        layout = QVBoxLayout(self)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.text_label)
        layout.addWidget(self.purpose_label)
        layout.addWidget(self.listen_label)
        layout.addWidget(self.scale)
        layout.addWidget(QLabel(self.tr("Notes")))
        layout.addWidget(self.notes)
        layout.addWidget(self.notes_hint)
        layout.addStretch(1)

    def show_question(self, question: InterviewQuestion, score: int | None, notes: str) -> None:
        self.meta_label.setText(group_name(question.group))
        self.text_label.setText(content_text(question.text))
        self.purpose_label.setText(
            self.tr("<b>Purpose:</b> %1").replace("%1", content_text(question.purpose))
        )
        self.listen_label.setText(
            self.tr("<b>Good signs</b><ul>%1</ul><b>Warning signs</b><ul>%2</ul>")
            .replace("%1", _bullets(question.good_signs))
            .replace("%2", _bullets(question.warning_signs))
        )
        self.scale.set_options(anchor_options([(a.score, a.text) for a in question.anchors]))
        self._load_common(score, notes)


class TaskPanel(ItemPanel):
    """An observed task or test game: staging, counter, checklist, ladder or scale."""

    def __init__(self) -> None:
        super().__init__()
        self.title_label = _wrapped(style="font-size: 15pt; font-weight: bold;")
        self.purpose_label = _wrapped()
        self.staging_label = _wrapped()
        self.stopwatch = Stopwatch()
        self.count_box = QSpinBox()
        self.count_box.setRange(0, 10_000)
        self.count_box.valueChanged.connect(lambda _v: self.changed.emit())
        self.count_label = QLabel()
        self.plus_button = QPushButton("+1")
        self.plus_button.clicked.connect(lambda: self.count_box.stepUp())
        self.count_row = QWidget()
        row = QHBoxLayout(self.count_row)
        row.setContentsMargins(0, 0, 0, 0)
        for part in (self.count_label, self.count_box, self.plus_button):
            row.addWidget(part)
        row.addStretch(1)
        self.checklist_box = QGroupBox(self.tr("Signs seen (tick what you observe)"))
        self.checklist = QListWidget()
        self.checklist.setWordWrap(True)
        self.checklist.itemChanged.connect(lambda _item: self.changed.emit())
        QVBoxLayout(self.checklist_box).addWidget(self.checklist)
        layout = QVBoxLayout(self)
        for widget in (
            self.title_label,
            self.purpose_label,
            self.staging_label,
            self.stopwatch,
            self.count_row,
            self.checklist_box,
            self.scale,
        ):
            layout.addWidget(widget)
        layout.addWidget(QLabel(self.tr("Notes")))
        layout.addWidget(self.notes)
        layout.addWidget(self.notes_hint)
        layout.addStretch(1)
        self.task: ObservedTask | None = None

    def show_task(
        self, task: ObservedTask, score: int | None, notes: str, data: dict[str, object]
    ) -> None:
        self.task = task
        self.title_label.setText(content_text(task.title))
        limit = (
            self.tr(" · Time limit: %1 minutes").replace("%1", str(task.time_limit_minutes))
            if task.time_limit_minutes
            else ""
        )
        self.purpose_label.setText(
            group_name(task.group) + limit + " · " + content_text(task.purpose)
        )
        steps = "".join(f"<li>{content_text(step)}</li>" for step in task.staging)
        self.staging_label.setText(
            self.tr("<b>How to stage it</b><ol>%1</ol>").replace("%1", steps)
        )
        self._show_counter(task, data)
        self._show_checklist(task, data)
        if task.measure == "ladder":
            self.scale.setTitle(self.tr("What the candidate did"))
            self.scale.set_options(
                [
                    (step.score, f"{content_text(step.response)} — {content_text(step.meaning)}")
                    for step in task.ladder
                ]
            )
        else:
            self.scale.setTitle(self.tr("Rating"))
            self.scale.set_options(anchor_options([(a.score, a.text) for a in task.anchors]))
        self.stopwatch.set_seconds(float(data.get("seconds", 0.0)))  # type: ignore[arg-type]
        self._load_common(score, notes)

    def _show_counter(self, task: ObservedTask, data: dict[str, object]) -> None:
        self.count_row.setVisible(task.target_count is not None)
        self.count_box.blockSignals(True)
        self.count_box.setValue(int(data.get("count", 0)))  # type: ignore[call-overload]
        self.count_box.blockSignals(False)
        if task.target_count is not None:
            self.count_label.setText(self.tr("Done (of %1):").replace("%1", str(task.target_count)))

    def _show_checklist(self, task: ObservedTask, data: dict[str, object]) -> None:
        ticked = set(data.get("signs", []))  # type: ignore[call-overload]
        self.checklist.blockSignals(True)
        self.checklist.clear()
        for sign in task.checklist:
            item = QListWidgetItem(content_text(sign.text))
            item.setData(SIGN_ROLE, sign.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = sign.id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.checklist.addItem(item)
        self.checklist.blockSignals(False)
        self.checklist.setMinimumHeight(min(240, 34 * len(task.checklist)))
        self.checklist_box.setVisible(bool(task.checklist))

    def ticked_signs(self) -> list[str]:
        rows = range(self.checklist.count())
        return [
            str(self.checklist.item(row).data(SIGN_ROLE))
            for row in rows
            if self.checklist.item(row).checkState() == Qt.CheckState.Checked
        ]

    def observations(self) -> dict[str, object]:
        """What is stored with the task's rating beyond the score."""
        data: dict[str, object] = {"seconds": round(self.stopwatch.seconds(), 1)}
        if self.task is not None and self.task.target_count is not None:
            data["count"] = self.count_box.value()
        data["signs"] = self.ticked_signs()
        return data
