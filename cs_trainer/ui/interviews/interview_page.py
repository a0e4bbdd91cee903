"""Running a structured interview: one interviewer rates every question and task.

Everything autosaves: a rating the moment it is clicked, notes shortly after
typing stops and whenever the interviewer moves to another item. Each save goes
through the operation route, off the GUI thread; an item is marked rated only once
its save succeeded, and leaving or finishing waits until every save has.

The same interview may be open on another laptop. Each save names the item's version
this screen loaded, as moved on by its own saves that succeeded before it (the worker
runs them in order, so they never refuse each other); a save over the other laptop's
rating is refused, the message says what is saved now, and the interview is shown
afresh.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.services import interviews
from cs_trainer.services.interviews import InterviewState, ItemRating, task_key
from cs_trainer.services.versions import StaleRecordError
from cs_trainer.store.database import Database
from cs_trainer.ui.interviews.interview_panels import QuestionPanel, Stopwatch, TaskPanel
from cs_trainer.ui.settings import window_state
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.translation import content_text

BLANK = ItemRating(None, "")


def _is_blank(rating: ItemRating) -> bool:
    """Nothing recorded yet: no score, no note, no count, time or sign."""
    return rating.score is None and not rating.notes and not any(rating.data.values())


_SCORE_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 6)}


@dataclass(eq=False)
class _Save:
    """One rating on its way to the database; ``done`` once the write succeeded."""

    attempt_id: int
    item_id: str
    rating: ItemRating
    done: bool = False


@dataclass(eq=False)
class _Version:
    """An item's version as this screen's saves left it: read and moved on by each save
    on the worker thread, in order, so a save names the version the one before it made
    (or, if that one failed, the version before it)."""

    value: int


def _rate(db: Database, save: _Save, version: _Version, data: dict[str, object] | None) -> None:
    """One save on the worker: from the version the previous save of the item left."""
    rating = save.rating
    version.value = interviews.rate(
        db, save.attempt_id, save.item_id, rating.score, rating.notes, data, version.value
    )


class InterviewPage(QWidget):
    """One interviewer's interview of one candidate; ``left`` when going back."""

    left = Signal()
    finished = Signal(int)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.state: InterviewState | None = None
        self._items: list[str] = []  # question ids and "task:<id>", in plan order
        self._ratings: dict[str, ItemRating] = {}  # what the database acknowledged
        self._versions: dict[str, _Version] = {}  # each item's, as this screen's saves left it
        self._sent: dict[str, ItemRating] = {}  # the last rating sent per item, until it lands
        self._saving: set[_Save] = set()
        self._then: Callable[[], None] | None = None  # what waits for the saves (leave, finish)
        self._shown: str | None = None  # the item whose panel is on screen
        self.header_label = QLabel()
        self.header_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.stopwatch = Stopwatch()  # for timing an answer; tasks have their own
        self.item_list = QListWidget()
        self.item_list.setMinimumWidth(260)
        self.item_list.setWordWrap(True)
        self.item_list.currentRowChanged.connect(self._show_row)
        self.question_panel = QuestionPanel()
        self.task_panel = TaskPanel()
        self.question_panel.changed.connect(self.save_current)
        self.task_panel.changed.connect(self.save_current)
        # One scroll area per panel: a scroll area respects the height-for-width of the
        # wrapped texts in its own widget, not through a stacked widget.
        self.panels = QStackedWidget()
        self._scrolls: dict[QWidget, QScrollArea] = {}
        for panel in (self.question_panel, self.task_panel):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(panel)
            self._scrolls[panel] = scroll
            self.panels.addWidget(scroll)
        splitter = QSplitter()
        splitter.addWidget(self.item_list)
        splitter.addWidget(self.panels)
        splitter.setStretchFactor(1, 1)
        window_state.keep_splitter_sizes(splitter, "interview")
        header = QHBoxLayout()
        header.addWidget(self.header_label, 1)
        header.addWidget(self.stopwatch)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.leave_button = QPushButton(self.tr("Back to candidates"))
        self.previous_button = QPushButton(self.tr("← Previous"))
        self.next_button = QPushButton(self.tr("Next →"))
        self.finish_button = QPushButton(self.tr("Finish interview"))
        self.leave_button.clicked.connect(self._leave)
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.finish_button.clicked.connect(self.finish)
        self.status_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.leave_button)
        row.addWidget(self.status_label, 1)
        for button in (self.previous_button, self.next_button, self.finish_button):
            row.addWidget(button)
        return row

    def start(self, attempt_id: int) -> None:
        """Show an interview (new or resumed) at its first unrated question."""
        state = interviews.load_interview(self._db, attempt_id)
        self.state = state
        self._ratings = dict(state.ratings)
        self._versions = {item: _Version(version) for item, version in state.versions.items()}
        self._sent, self._saving, self._then = {}, set(), None
        self._set_closing(False)
        self._shown = None
        plan = state.plan
        self._items = [q.id for q in plan.questions] + [task_key(t.id) for t in plan.tasks]
        self.header_label.setText(
            self.tr("%1 · %2 · interviewer %3")
            .replace("%1", state.person_name)
            .replace("%2", plan.name)
            .replace("%3", state.rater)
        )
        self.item_list.blockSignals(True)
        self.item_list.clear()
        for _item in self._items:
            self.item_list.addItem(QListWidgetItem())
        self.item_list.blockSignals(False)
        self._refresh_list()
        first = next((i for i, item in enumerate(self._items) if self._score(item) is None), 0)
        self.item_list.setCurrentRow(first)
        self._show_row(first)

    def _title(self, item_id: str) -> str:
        assert self.state is not None
        plan = self.state.plan
        if item_id.startswith("task:"):
            task = next(t for t in plan.tasks if task_key(t.id) == item_id)
            return content_text(task.title)
        index = next(i for i, q in enumerate(plan.questions) if q.id == item_id)
        return f"{index + 1}. {content_text(plan.questions[index].text)}"

    def _score(self, item_id: str) -> int | None:
        rating = self._ratings.get(item_id)
        return rating.score if rating else None

    def _refresh_list(self) -> None:
        for row, item_id in enumerate(self._items):
            score = self._score(item_id)
            mark = f"[{score}] " if score is not None else "[ ] "
            self.item_list.item(row).setText(mark + self._title(item_id))
        rated = sum(1 for item in self._items if self._score(item) is not None)
        self.status_label.setText(
            self.tr("%1 of %2 rated · saved automatically")
            .replace("%1", str(rated))
            .replace("%2", str(len(self._items)))
        )

    def _show_row(self, row: int) -> None:
        if self.state is None or not 0 <= row < len(self._items):
            return
        self.save_current()  # what was on screen belongs to the item shown before
        item_id = self._items[row]
        self._shown = item_id
        rating = self._sent.get(item_id, self._ratings.get(item_id, BLANK))  # the newest
        if item_id.startswith("task:"):
            task = next(t for t in self.state.plan.tasks if task_key(t.id) == item_id)
            self.task_panel.show_task(task, rating.score, rating.notes, rating.data)
            self.panels.setCurrentWidget(self._scrolls[self.task_panel])
        else:
            question = next(q for q in self.state.plan.questions if q.id == item_id)
            self.question_panel.show_question(question, rating.score, rating.notes)
            self.panels.setCurrentWidget(self._scrolls[self.question_panel])
        self.previous_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < len(self._items) - 1)

    def current_item(self) -> str | None:
        """The item whose panel is on screen."""
        return self._shown

    def save_current(self) -> None:
        """Send what the panel on screen shows for its item, if it differs from what was
        recorded or already sent (a second click on the same score records nothing)."""
        item_id = self._shown
        for pending in (self.question_panel, self.task_panel):
            pending.cancel_pending_save()
        if self.state is None or self.state.finished or item_id is None:
            return
        panel = self.task_panel if item_id.startswith("task:") else self.question_panel
        score, notes = panel.scale.score(), panel.notes.toPlainText()
        data = self.task_panel.observations() if panel is self.task_panel else {}
        shown = ItemRating(score, notes, data)
        known = item_id in self._ratings or item_id in self._sent
        if self._sent.get(item_id, self._ratings.get(item_id, BLANK)) == shown or (
            not known and _is_blank(shown)
        ):
            return  # only looked at: nothing to record
        self._sent[item_id] = shown
        save = _Save(self.state.attempt_id, item_id, shown)
        version = self._versions.setdefault(item_id, _Version(0))  # 0: not rated yet
        self._saving.add(save)
        op = Op(self, self._db, lambda db: _rate(db, save, version, data or None), self._bus)
        op.success(lambda _none: self._acknowledged(save))
        op.problem(lambda problem: self._refused(save, problem))
        op.finished.connect(lambda: self._settled(save))
        op.run()

    def _acknowledged(self, save: _Save) -> None:
        save.done = True
        if self.state is not None and self.state.attempt_id == save.attempt_id:
            self._ratings[save.item_id] = save.rating
            self._refresh_list()

    def _refused(self, save: _Save, problem: UserError) -> None:
        """Say why; over another laptop's rating, show the interview as it is saved now
        (the saves of that item sent after this one were refused too: no second word)."""
        stale = isinstance(problem, StaleRecordError)
        if stale and save not in self._saving:
            return  # shown afresh since this save was sent
        problems.show_problem(self, problem)
        if stale and self.state is not None:
            self.start(self.state.attempt_id)
            self.item_list.setCurrentRow(self._items.index(save.item_id))

    def _settled(self, save: _Save) -> None:
        """A save delivered: what waited for the saves goes on, unless one was refused."""
        if save not in self._saving:
            return  # another interview was started since
        self._saving.discard(save)
        if self._sent.get(save.item_id) is save.rating:  # the item's latest: no longer on its way
            del self._sent[save.item_id]  # (if refused, the next save sends the screen again)
        if not save.done:
            self._then = None  # the problem was shown; stay on the interview
            self._set_closing(False)
        elif not self._saving and self._then is not None:
            then, self._then = self._then, None
            then()

    def _after_saves(self, then: Callable[[], None]) -> None:
        """Run ``then`` once every save sent so far succeeded (now, if none is on its way)."""
        if self._saving:
            self._then = then
        else:
            then()

    def _set_closing(self, closing: bool) -> None:
        """While leaving or finishing, nothing more can be rated or clicked twice."""
        for widget in (
            self.leave_button,
            self.finish_button,
            self.item_list,
            self.panels,
        ):
            widget.setEnabled(not closing)

    def _step(self, delta: int) -> None:
        row = self.item_list.currentRow() + delta
        if self.item_list.isEnabled() and 0 <= row < len(self._items):
            self.item_list.setCurrentRow(row)

    def finish(self) -> None:
        if self.state is None or self.state.finished or not self.finish_button.isEnabled():
            return
        self._set_closing(True)
        self.save_current()
        self._after_saves(self._send_finish)

    def _send_finish(self) -> None:
        assert self.state is not None
        attempt_id = self.state.attempt_id
        op = Op(self, self._db, lambda db: interviews.finish_interview(db, attempt_id), self._bus)
        op.success(lambda _none: self._finished(attempt_id))
        op.finished.connect(lambda: self._set_closing(False))
        op.run()

    def _finished(self, attempt_id: int) -> None:
        if self.state is not None and self.state.attempt_id == attempt_id:
            self.state = replace(self.state, finished=True)
            self.finished.emit(attempt_id)

    def _leave(self) -> None:
        if not self.leave_button.isEnabled():
            return
        self._set_closing(True)
        self.save_current()
        self._after_saves(self._left)

    def _left(self) -> None:
        self._set_closing(False)
        self.left.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() in _SCORE_KEYS
            and not self.question_panel.notes.hasFocus()
            and not (self.task_panel.notes.hasFocus())
        ):
            item = self.current_item() or ""
            panel = self.task_panel if item.startswith("task:") else self.question_panel
            panel.scale.choose(_SCORE_KEYS[event.key()])
        elif event.key() == Qt.Key.Key_PageDown:
            self._step(1)
        elif event.key() == Qt.Key.Key_PageUp:
            self._step(-1)
        else:
            super().keyPressEvent(event)
