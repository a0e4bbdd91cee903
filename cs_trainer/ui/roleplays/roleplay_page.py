"""Playing a role-play: the customer speaks, the trainee answers, the customer reacts.

Keyboard first, like the self-test: keys 1–9 answer, Enter continues past the
feedback, Escape leaves. Every choice is committed before the screen moves on, so
leaving (or a crash) loses nothing and the attempt resumes where it stopped.

Choices and new attempts are saved through the operation route, off the GUI thread;
while one is being saved the page takes no other choice and does not leave, so a
quick second key press neither answers the next line unseen nor records twice.
"""

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
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

from cs_trainer.scenarios import runner
from cs_trainer.scenarios.labels import CHANNEL_NAMES, CUSTOMER_TYPE_NAMES, MOOD_NAMES, label
from cs_trainer.scenarios.schema import Node
from cs_trainer.services import roleplays
from cs_trainer.services.roleplays import Library, RoleplayProgress
from cs_trainer.store.database import Database
from cs_trainer.ui.roleplays.roleplay_catalogue_model import stars
from cs_trainer.ui.roleplays.roleplay_end import (
    EndReview,
    FeedbackCard,
    RoleplayEndView,
    WrapButton,
    WrapLabel,
    plain_label,
    rich,
)
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.translation import content_text

T = TypeVar("T")
_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{digit}"): digit for digit in range(1, 10)}
MOOD_COLOURS = {
    "calm": "#2e7d32",
    "pleased": "#1b7a3d",
    "neutral": "#546e7a",
    "hesitant": "#6a5acd",
    "anxious": "#c77700",
    "impatient": "#d35400",
    "annoyed": "#c0392b",
    "angry": "#a31515",
    "upset": "#7b3f9e",
    "drunk": "#8d6e63",
}


def patience_colour(patience: int) -> str:
    return "#2e9d4f" if patience > 60 else "#e0a100" if patience > 30 else "#d93025"


class PatienceMeter(QProgressBar):
    """The customer's patience, 0–100; green, then amber, then red as it drops."""

    def __init__(self) -> None:
        super().__init__()
        self.setRange(0, 100)
        self.setFixedSize(220, 20)
        self.setFormat("%v / 100")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def show_patience(self, patience: int) -> None:
        self.setValue(patience)
        self.setStyleSheet(
            "QProgressBar { border: 1px solid #b8c2cc; border-radius: 6px; background: #eef1f4;"
            " color: #222; font-weight: bold; }"
            f"QProgressBar::chunk {{ background: {patience_colour(patience)};"
            " border-radius: 5px; }"
        )


class SpeechBubble(QFrame):
    """What the customer says, with their mood in words and colour."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("speechBubble")
        self.setStyleSheet(
            "#speechBubble { background: #f1f5fb; border: 1px solid #c8d3e0; border-radius: 14px; }"
        )
        self.mood_label = QLabel()
        self.mood_label.setObjectName("moodLabel")
        self.line_label = plain_label(WrapLabel(style="font-size: 16pt; background: transparent;"))
        self.line_label.setObjectName("customerLine")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 16)
        layout.addWidget(self.mood_label)
        layout.addWidget(self.line_label)

    def show_node(self, node: Node) -> None:
        colour = MOOD_COLOURS.get(node.mood, "#546e7a")
        mood = content_text(label(MOOD_NAMES, node.mood))
        self.mood_label.setText(
            self.tr("The customer · <span style='color:%1; font-weight:bold'>%2</span>")
            .replace("%1", colour)
            .replace("%2", mood)
        )
        self.line_label.setText(content_text(node.customer))


class PlayScreen(QScrollArea):
    """The scene, the customer's line and the numbered answers; ``chosen`` is 0-based."""

    chosen = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scene_label = WrapLabel(
            style="color: #555; font-size: 12pt; background: #fafafa;"
            " border: 1px dashed #c9c9c9; border-radius: 8px; padding: 10px;"
        )
        self.scene_label.setObjectName("sceneLabel")
        self.scene_label.setTextFormat(Qt.TextFormat.RichText)
        self.resumed_label = WrapLabel(style="color: #1b7a3d; font-size: 12pt;")
        self.bubble = SpeechBubble()
        self.prompt_label = QLabel()
        self.prompt_label.setStyleSheet("font-size: 12pt; color: #333; margin-top: 6px;")
        self.buttons = [_choice_button(number) for number in range(1, 10)]
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(2, 2, 12, 2)
        layout.setSpacing(12)
        for part in (self.scene_label, self.resumed_label, self.bubble, self.prompt_label):
            layout.addWidget(part)
        for index, button in enumerate(self.buttons):
            button.clicked.connect(lambda _checked=False, i=index: self.chosen.emit(i))
            layout.addWidget(button)
        layout.addStretch(1)
        self.setWidget(content)

    def show_node(self, node: Node, scene: str, resumed_answers: int) -> None:
        self.scene_label.setText(self.tr("<b>The scene</b>  %1").replace("%1", scene))
        self.resumed_label.setVisible(resumed_answers > 0)
        self.resumed_label.setText(
            self.tr("Welcome back: your %1 earlier answers are kept.").replace(
                "%1", str(resumed_answers)
            )
        )
        self.bubble.show_node(node)
        count = len(node.choices)
        self.prompt_label.setText(
            self.tr("What do you say? Click an answer or press 1–%1.").replace("%1", str(count))
        )
        for index, button in enumerate(self.buttons):
            button.setVisible(index < count)
            if index < count:
                button.set_text(rich(node.choices[index].text))
        self.verticalScrollBar().setValue(0)


def _choice_button(number: int) -> WrapButton:
    button = WrapButton(str(number))
    button.setObjectName(f"choice{number}")
    return button


class RoleplayPage(QWidget):
    """Runs one attempt from its first line to its end screen.

    ``left`` when the trainee goes back to the catalogue; ``finished`` with the attempt
    ID when a conversation ends. Retry and the suggested scenarios start new attempts
    here, for the same trainee.
    """

    left = Signal()
    finished = Signal(int)

    def __init__(
        self, db: Database, bus: ChangeBus, library: Library, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.library = library
        self.progress: RoleplayProgress | None = None
        self._feedback_each = True
        self._resumed_answers = 0
        self._saving = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build()

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.title_label = plain_label(WrapLabel(style="font-size: 17pt; font-weight: bold;"))
        self.meta_label = QLabel()
        self.meta_label.setStyleSheet("color: #666;")
        self.patience_meter = PatienceMeter()
        patience_caption = QLabel(self.tr("Customer's patience"))
        patience_caption.setStyleSheet("color: #555;")
        titles = QVBoxLayout()
        titles.addWidget(self.title_label)
        titles.addWidget(self.meta_label)
        meter = QVBoxLayout()
        meter.addWidget(patience_caption, 0, Qt.AlignmentFlag.AlignRight)
        meter.addWidget(self.patience_meter)
        header = QHBoxLayout()
        header.addLayout(titles, 1)
        header.addLayout(meter)
        self.play_screen = PlayScreen()
        self.play_screen.chosen.connect(self.choose)
        self.feedback_card = FeedbackCard()
        self.feedback_screen = QWidget()
        feedback_layout = QVBoxLayout(self.feedback_screen)
        feedback_layout.setContentsMargins(0, 8, 0, 0)
        feedback_layout.addWidget(self.feedback_card)
        feedback_layout.addStretch(1)
        self.end_view = RoleplayEndView()
        self.end_view.suggestion_chosen.connect(self.play_scenario)
        self.screens = QStackedWidget()
        for screen in (self.play_screen, self.feedback_screen, self.end_view):
            self.screens.addWidget(screen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.addLayout(header)
        layout.addSpacing(8)
        layout.addWidget(self.screens, 1)
        layout.addLayout(self._buttons())

    def _buttons(self) -> QHBoxLayout:
        self.leave_button = QPushButton(self.tr("&Leave (your answers are saved)"))
        self.continue_button = QPushButton(self.tr("&Continue  ⏎"))
        self.retry_button = QPushButton(self.tr("&Retry this customer"))
        self.back_button = QPushButton(self.tr("&Back to the catalogue"))
        self.leave_button.clicked.connect(self.leave)
        self.back_button.clicked.connect(self.leave)
        self.continue_button.clicked.connect(self.go_on)
        self.retry_button.clicked.connect(self.retry)
        self.continue_button.setStyleSheet("QPushButton { font-weight: bold; padding: 6px 24px; }")
        self.retry_button.setStyleSheet("QPushButton { font-weight: bold; padding: 6px 18px; }")
        row = QHBoxLayout()
        row.addWidget(self.leave_button)
        row.addStretch(1)
        for button in (self.back_button, self.retry_button, self.continue_button):
            row.addWidget(button)
        for button in (
            self.leave_button,
            self.back_button,
            self.retry_button,
            self.continue_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the page
            button.setMinimumHeight(38)
        return row

    # -- flow -------------------------------------------------------------------------------
    def start(self, attempt_id: int) -> None:
        """Show a new or resumed attempt where it stands (its end screen if it is over)."""
        self._show_attempt(roleplays.load_roleplay(self._db, attempt_id))

    def _show_attempt(self, progress: RoleplayProgress) -> None:
        self.progress = progress
        self._feedback_each = settings.read(settings.ROLEPLAY_FEEDBACK) != "end"
        self._resumed_answers = len(self.progress.state.path)
        scenario = self.progress.scenario
        self.title_label.setText(f"{content_text(scenario.title)} · {self.progress.person_name}")
        self.meta_label.setText(
            " · ".join(
                (
                    content_text(label(CUSTOMER_TYPE_NAMES, scenario.customer_type)),
                    content_text(label(CHANNEL_NAMES, scenario.channel)),
                    stars(scenario.difficulty),
                )
            )
        )
        if self.progress.finished:
            self._show_end()
        else:
            self._show_node()

    def choose(self, index: int) -> None:
        """Answer with choice ``index`` (0-based); it is committed before anything is shown."""
        progress = self.progress
        if progress is None or self._saving or self.screens.currentWidget() is not self.play_screen:
            return
        node = runner.current_node(progress.scenario, progress.state)
        if not 0 <= index < len(node.choices):
            return
        attempt_id = progress.attempt_id
        self._save(
            lambda db: roleplays.record_choice(db, attempt_id, index),
            lambda after: self._choice_saved(progress, index, after),
        )

    def _choice_saved(self, before: RoleplayProgress, index: int, after: RoleplayProgress) -> None:
        if self.progress is not before:
            return  # another attempt was started meanwhile
        self.progress = after
        self._resumed_answers = 0
        if self._feedback_each:
            node = runner.current_node(before.scenario, before.state)
            change = after.state.patience - before.state.patience
            self.feedback_card.show_choice(node.choices[index], change, after.state.patience)
            self.patience_meter.show_patience(after.state.patience)
            self.screens.setCurrentWidget(self.feedback_screen)
            self._update_buttons()
        else:
            self.go_on()

    def leave(self) -> None:
        """Back to the catalogue; not while a choice is being saved, so it is kept or
        refused (and told) on this page, never behind the trainee's back."""
        if not self._saving:
            self.left.emit()

    def go_on(self) -> None:
        """Past the feedback: the next line, or the end screen when the conversation is over."""
        if self.progress is None or self.screens.currentWidget() is self.end_view:
            return
        if self.progress.finished:
            self._show_end()
            self.finished.emit(self.progress.attempt_id)
        else:
            self._show_node()

    def retry(self) -> None:
        """A new attempt at the same scenario (the library's current version if it has one)."""
        if self.progress is not None:
            self.play_scenario(self.progress.scenario.id)

    def play_scenario(self, scenario_id: str) -> None:
        """Start a new attempt of ``scenario_id`` for the same trainee and play it."""
        if self.progress is None or self._saving:
            return
        scenario = next(
            (s.scenario for s in self.library.scenarios if s.scenario.id == scenario_id),
            self.progress.scenario,
        )
        person = self.progress.person_id
        self._save(
            lambda db: roleplays.load_roleplay(db, roleplays.start_roleplay(db, person, scenario)),
            self._show_attempt,
        )

    def _save(self, work: Callable[[Database], T], done: Callable[[T], None]) -> None:
        """One write at a time: the page waits for it before it takes the next action."""
        self._saving = True
        Op(self, self._db, work, self._bus).success(done).run().finished.connect(self._saved)

    def _saved(self) -> None:
        self._saving = False

    # -- screens ----------------------------------------------------------------------------
    def _show_node(self) -> None:
        assert self.progress is not None
        scenario, state = self.progress.scenario, self.progress.state
        self.play_screen.show_node(
            runner.current_node(scenario, state),
            rich(scenario.setting),
            self._resumed_answers,
        )
        self.patience_meter.show_patience(state.patience)
        self.screens.setCurrentWidget(self.play_screen)
        self._update_buttons()

    def _show_end(self) -> None:
        assert self.progress is not None
        scenario, state = self.progress.scenario, self.progress.state
        best = runner.best_path(scenario)
        next_up = roleplays.practise_next(self.library, scenario, state)
        self.end_view.show_review(
            EndReview(
                scenario=scenario,
                state=state,
                best=best,
                rows=roleplays.compare_paths(scenario, state, best),
                next_up=next_up,
                suggestions=[self.library.get(sid) for sid in next_up.scenario_ids],
                show_feedback=not self._feedback_each,
            )
        )
        self.patience_meter.show_patience(state.patience)
        self.screens.setCurrentWidget(self.end_view)
        self.end_view.verticalScrollBar().setValue(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        screen = self.screens.currentWidget()
        self.leave_button.setVisible(screen is not self.end_view)
        self.continue_button.setVisible(screen is self.feedback_screen)
        self.retry_button.setVisible(screen is self.end_view)
        self.back_button.setVisible(screen is self.end_view)

    # -- keys -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, screen = event.key(), self.screens.currentWidget()
        if key in _DIGIT_KEYS and screen is self.play_screen:
            self.choose(_DIGIT_KEYS[key] - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and screen is self.feedback_screen:
            self.go_on()
        elif key == Qt.Key.Key_Escape:
            self.leave()
        else:
            super().keyPressEvent(event)
