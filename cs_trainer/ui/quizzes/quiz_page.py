"""Taking a knowledge quiz: the setup dialog, one item per screen, then the result
with every item's answer and explanation.

Keyboard first, like the self-test: number keys 1–9 choose options, Enter goes on,
the arrow keys move between items. Every choice is committed the moment it is made,
so a quiz interrupted by a crash resumes with all its answers.
"""

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.quizzes.quiz import CategoryInfo, ItemReview
from cs_trainer.quizzes.quiz_schema import QuizItem
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.services import quizzes
from cs_trainer.services.quizzes import QuizProgress, QuizResult
from cs_trainer.store.database import Database
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ATTEMPTS, ChangeBus
from cs_trainer.ui.shared.translation import LanguageSwitch, content_text

_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{digit}"): digit for digit in range(1, 10)}
DEFAULT_COUNT = 20
MAX_PAPER_NUMBER = 999_999


@dataclass(frozen=True)
class QuizSetup:
    """What the trainer chose: categories to draw from, how many items, which paper."""

    categories: tuple[str, ...]
    count: int
    seed: int | None  # None: a new paper (the service draws and stores a number)


class QuizSetupDialog(QDialog):
    """Tick categories, the number of items and, to give an earlier paper again, its number."""

    def __init__(
        self, trainee_name: str, categories: Sequence[CategoryInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a knowledge quiz"))
        self.category_boxes: dict[str, QCheckBox] = {}
        self._available = {info.id: info.available for info in categories}
        for info in categories:
            box = QCheckBox(
                self.tr("%1 (%2 items)")
                .replace("%1", content_text(info.name))
                .replace("%2", str(info.available))
            )
            box.setChecked(True)
            box.toggled.connect(self._limit_count)
            self.category_boxes[info.id] = box
        self.count_spin = QSpinBox()
        self.paper_spin = QSpinBox()
        self.paper_spin.setRange(0, MAX_PAPER_NUMBER)
        self.paper_spin.setSpecialValueText(self.tr("New paper"))
        self.paper_spin.setToolTip(
            self.tr(
                "To give an earlier paper again, enter its number with the same categories "
                "and number of items."
            )
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(trainee_name)
        self._limit_count()
        self.count_spin.setValue(DEFAULT_COUNT)

    def _lay_out(self, trainee_name: str) -> None:
        intro = QLabel(
            self.tr(
                "Knowledge quiz for %1. The items are drawn at random from the ticked "
                "categories, spread evenly between them."
            ).replace("%1", trainee_name)
        )
        intro.setWordWrap(True)
        boxes = QVBoxLayout()
        for box in self.category_boxes.values():
            boxes.addWidget(box)
        hint = QLabel(
            self.tr(
                "Leave the paper number at “New paper” for a fresh draw. The number is shown "
                "on the quiz; the same number, categories and number of items give the same "
                "paper again."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        form = QFormLayout()
        form.addRow(self.tr("Number of &items"), self.count_spin)
        form.addRow(self.tr("&Paper number"), self.paper_spin)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(boxes)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def _limit_count(self) -> None:
        ticked = self._ticked()
        available = sum(self._available[category] for category in ticked)
        self.count_spin.setRange(1, max(available, 1))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(ticked))

    def _ticked(self) -> tuple[str, ...]:
        return tuple(category for category, box in self.category_boxes.items() if box.isChecked())

    def setup(self) -> QuizSetup:
        seed = self.paper_spin.value() or None
        return QuizSetup(self._ticked(), self.count_spin.value(), seed)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        trainee_name: str,
        categories: Sequence[CategoryInfo] | None = None,
    ) -> QuizSetup | None:
        """The trainer's choice, or None if cancelled; tests replace this.

        The bank's categories are loaded before the dialog opens; a broken content file
        is reported as a problem instead of opening an empty dialog.
        """
        if categories is None:
            try:
                categories = quizzes.quiz_categories()
            except UserError as exc:
                problems.show_problem(parent, str(exc))
                return None
        dialog = cls(trainee_name, categories, parent)
        return dialog.setup() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _wrapped(style: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if style:
        label.setStyleSheet(style)
    return label


def _empty(layout: QGridLayout) -> None:
    """Remove a layout's widgets at once: out of the widget tree now (so no lookup or
    height pinning meets them again), deleted when the event loop gets to them."""
    while layout.count():
        entry = layout.takeAt(0)
        if entry is not None and (widget := entry.widget()) is not None:
            # Hidden first: the layout has queued a "show" for a widget it just received,
            # and a parentless widget shown would pop up as a window of its own.
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


class _OptionLabel(QLabel):
    """An option's text: clicking it is the same as clicking its button."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


class QuestionView(QWidget):
    """One item: its category, the question, the kind of answer wanted and the options,
    as radio buttons (one answer) or check boxes (several); ``changed`` on a click."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.category_label = _wrapped("color: #1f5fa8; font-size: 11pt;")
        self.question_label = _wrapped("font-size: 15pt; font-weight: bold;")
        self.question_label.setObjectName("questionLabel")
        self.kind_label = _wrapped("color: #555;")
        self.hint_label = _wrapped("color: #777;")
        self.group = QButtonGroup(self)
        self.group.idClicked.connect(lambda _id: self.changed.emit())
        self._grid = QGridLayout()
        self._grid.setColumnStretch(1, 1)
        self._grid.setVerticalSpacing(10)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.category_label)
        self._layout.addWidget(self.question_label)
        self._layout.addWidget(self.kind_label)
        self._layout.addSpacing(8)
        self._layout.addLayout(self._grid)
        self._layout.addSpacing(8)
        self._layout.addWidget(self.hint_label)
        self._layout.addStretch(1)
        self._item: QuizItem | None = None

    def show_item(self, item: QuizItem, category: str, chosen: Sequence[str]) -> None:
        self._item = item
        self.category_label.setText(category)
        self.question_label.setText(content_text(item.question))
        self.kind_label.setText(self._kind_hint(item))
        self.hint_label.setText(
            self.tr(
                "Keys 1–%1 choose an option, Enter goes on, ← and → move between items."
            ).replace("%1", str(len(item.options)))
        )
        self._clear_options()
        self.group.setExclusive(item.kind != "multiple")
        for number, option in enumerate(item.options, start=1):
            self._add_option(number, content_text(option.text), option.id in chosen)
        # Lay the new labels out now, so that they are pinned at their real width.
        self._layout.activate()
        self._pin_heights()

    def _kind_hint(self, item: QuizItem) -> str:
        if item.kind == "multiple":
            return self.tr(
                "Multiple choice: choose every correct answer. The point needs all of "
                "them and nothing else."
            )
        if item.kind == "true_false":
            return self.tr("True or false: choose one.")
        return self.tr("Single choice: choose the one correct answer.")

    def _clear_options(self) -> None:
        for button in self.group.buttons():
            self.group.removeButton(button)
        _empty(self._grid)

    def _add_option(self, number: int, text: str, checked: bool) -> None:
        button: QAbstractButton = QRadioButton() if self.group.exclusive() else QCheckBox()
        button.setText(str(number))
        button.setObjectName(f"option{number}")
        button.setAccessibleName(f"{number}. {text}")  # a screen reader reads more than "1"
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the page, not a button
        button.setChecked(checked)
        self.group.addButton(button, number)
        label = _OptionLabel(text)
        label.setObjectName(f"optionText{number}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet("font-size: 13pt;")
        label.clicked.connect(button.click)
        row = number - 1
        self._grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
        self._grid.addWidget(label, row, 1)

    def chosen(self) -> list[str]:
        """The option ids ticked now, in the item's order."""
        if self._item is None:
            return []
        return [
            option.id
            for number, option in enumerate(self._item.options, start=1)
            if (button := self.group.button(number)) is not None and button.isChecked()
        ]

    def toggle(self, number: int) -> None:
        """The keyboard's way of clicking option ``number``."""
        button = self.group.button(number)
        if button is not None:
            button.click()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._pin_heights()

    def _pin_heights(self) -> None:
        # Layouts ask wrapped labels for a height at a guessed width; once the real
        # width is known, pin each label's height so the last lines are never cut off.
        # QLabel never reports a height below its minimum, so the old pin is dropped first:
        # otherwise a short question would keep the height of a long one before it.
        labels = [self.question_label, self.kind_label, *self.findChildren(_OptionLabel)]
        for label in labels:
            label.setMinimumHeight(0)
            label.setMinimumHeight(max(label.heightForWidth(label.width()), 0))


class QuizResultView(QWidget):
    """The score, a bar per category, and every item with both answers and the why."""

    def __init__(self) -> None:
        super().__init__()
        self.score_label = QLabel()
        self.score_label.setObjectName("scoreLabel")
        self.score_label.setStyleSheet("font-size: 24pt; font-weight: bold;")
        self.percent_label = QLabel()
        self.percent_label.setStyleSheet("font-size: 15pt; color: #1f5fa8; font-weight: bold;")
        self.categories = QGridLayout()
        self.categories.setColumnStretch(1, 1)
        self.categories.setHorizontalSpacing(12)
        self.review_heading = QLabel(self.tr("Answers and explanations"))
        self.review_heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.review = QTextBrowser()
        self.review.setObjectName("reviewBrowser")
        self.review.setOpenLinks(False)
        self.review.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        score_row = QHBoxLayout()
        score_row.addWidget(self.score_label)
        score_row.addSpacing(16)
        score_row.addWidget(self.percent_label)
        score_row.addStretch(1)
        layout.addLayout(score_row)
        layout.addLayout(self.categories)
        layout.addSpacing(8)
        layout.addWidget(self.review_heading)
        layout.addWidget(self.review, 1)

    def show_result(self, result: QuizResult) -> None:
        score = result.score
        self.score_label.setText(
            self.tr("%1 of %2 correct")
            .replace("%1", str(score.correct))
            .replace("%2", str(score.total))
        )
        percent = round(100 * score.correct / score.total) if score.total else 0
        self.percent_label.setText(f"{percent}%")
        self._fill_categories(result)
        self.review.setHtml(
            "".join(self._item_html(review, result.category_names) for review in result.review)
        )

    def _fill_categories(self, result: QuizResult) -> None:
        _empty(self.categories)
        for row, (category, part) in enumerate(result.score.by_category.items()):
            name = QLabel(content_text(result.category_names[category]))
            bar = QProgressBar()
            bar.setRange(0, part.total)
            bar.setValue(part.correct)
            bar.setTextVisible(False)
            bar.setMaximumHeight(12)
            self.categories.addWidget(name, row, 0)
            self.categories.addWidget(bar, row, 1)
            self.categories.addWidget(QLabel(f"{part.correct} / {part.total}"), row, 2)

    def _item_html(self, review: ItemReview, names: dict[str, Text]) -> str:
        item = review.item
        # The labels are translated outside the f-strings: lupdate cannot see into them.
        verdict = self.tr("Correct") if review.correct else self.tr("Wrong")
        colour = "#1e7b34" if review.correct else "#b3261e"
        yours, right, why = self.tr("Your answer:"), self.tr("Correct answer:"), self.tr("Why:")
        category = html.escape(content_text(names[item.category]))
        return (
            f"<p style='margin-top:14px'><b>{review.number}. "
            f"{html.escape(content_text(item.question))}</b><br>"
            f"<span style='color:#777'>{category}</span> · "
            f"<span style='color:{colour}'><b>{verdict}</b></span></p>"
            f"<p style='margin-left:16px'>{yours} {_options_html(item, review.chosen)}<br>"
            f"{right} {_options_html(item, item.correct)}</p>"
            f"<p style='margin-left:16px; color:#333'><i>{why}</i> "
            f"{html.escape(content_text(item.explanation))}</p>"
        )


def _options_html(item: QuizItem, option_ids: Sequence[str]) -> str:
    """Options as the trainee saw them: their number and text."""
    parts = [
        f"{number}. {html.escape(content_text(option.text))}"
        for number, option in enumerate(item.options, start=1)
        if option.id in option_ids
    ]
    separator = "；" if LanguageSwitch.current == "zh" else "; "
    return "<b>" + separator.join(parts) + "</b>" if parts else "—"


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
        self._answers: dict[str, tuple[str, ...]] = {}
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
            self.result = quizzes.quiz_result(self._db, attempt_id) if progress.finished else None
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return False
        self._progress = progress
        self._answers = dict(progress.answers)
        self.header_label.setText(
            self.tr("Knowledge quiz · %1").replace("%1", progress.person_name)
        )
        self.paper_label.setText(self.tr("Paper No. %1").replace("%1", str(progress.paper.seed)))
        if self.result is not None:
            self._show_result(self.result)
        else:
            self._show_item(self._first_unanswered())
        self.setFocus()
        return True

    def go_next(self) -> None:
        if self._asking() and self._index + 1 < self._count():
            self._show_item(self._index + 1)

    def go_back(self) -> None:
        if self._asking() and self._index > 0:
            self._show_item(self._index - 1)

    def finish(self) -> None:
        if self._progress is None or not self._asking() or self._unanswered():
            return
        try:
            result = quizzes.finish_quiz(self._db, self._progress.attempt_id)
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self.result = result
        self._bus.announce(ATTEMPTS)
        self._show_result(result)
        self.finished.emit(result.attempt_id)

    @property
    def person_id(self) -> int | None:
        return self._progress.person_id if self._progress else None

    def _save_choice(self) -> None:
        """Commit the choice on screen; on failure the screen goes back to what is saved."""
        assert self._progress is not None
        item = self._progress.paper.items[self._index]
        try:
            stored = quizzes.answer(
                self._db, self._progress.attempt_id, item.id, self.question.chosen()
            )
        except UserError as exc:
            problems.show_problem(self, str(exc))
            self._show_item(self._index)
            return
        if stored:
            self._answers[item.id] = stored
        else:
            self._answers.pop(item.id, None)
        self._update_chrome()

    def _leave(self) -> None:
        if self.confirm_leave(self):
            self.left.emit()

    @classmethod
    def confirm_leave(cls, parent: QWidget) -> bool:
        """Asked before leaving mid-quiz; tests replace this classmethod."""
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("QuizPage", "Leave the quiz?"),
            QCoreApplication.translate(
                "QuizPage",
                "The answers given so far are saved. The quiz can be resumed later.",
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_item(self, index: int) -> None:
        assert self._progress is not None
        self._index = index
        item = self._progress.paper.items[index]
        category = content_text(self._progress.category_names[item.category])
        self.question.show_item(item, category, self._answers.get(item.id, ()))
        self.screens.setCurrentWidget(self.question_scroll)
        self.question_scroll.verticalScrollBar().setValue(0)
        self._update_chrome()

    def _show_result(self, result: QuizResult) -> None:
        self.result_view.show_result(result)
        self.screens.setCurrentWidget(self.result_view)
        self._update_chrome()

    def _asking(self) -> bool:
        return self._progress is not None and self.screens.currentWidget() is self.question_scroll

    def _count(self) -> int:
        return len(self._progress.paper.items) if self._progress else 0

    def _unanswered(self) -> list[int]:
        if self._progress is None:
            return []
        items = self._progress.paper.items
        return [index for index, item in enumerate(items) if item.id not in self._answers]

    def _first_unanswered(self) -> int:
        return next(iter(self._unanswered()), self._count() - 1)

    def _update_chrome(self) -> None:
        """Show the buttons that make sense on the current screen."""
        count, asking = self._count(), self._asking()
        last = asking and self._index == count - 1
        missing = len(self._unanswered())
        self.counter_label.setText(f"{self._index + 1} / {count}" if asking else "")
        self.progress_bar.setRange(0, max(count, 1))
        self.progress_bar.setValue(count - missing)
        self.back_button.setVisible(asking)
        self.back_button.setEnabled(asking and self._index > 0)
        self.next_button.setVisible(asking and not last)
        self.finish_button.setVisible(last)
        self.finish_button.setEnabled(last and not missing)
        self.unanswered_label.setVisible(last and bool(missing))
        self.unanswered_label.setText(
            self.tr("%1 not answered yet: Enter goes to the first.").replace("%1", str(missing))
        )
        self.leave_button.setVisible(asking)
        self.done_button.setVisible(not asking)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _DIGIT_KEYS and self._asking():
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
        """Enter: the next item; on the last one, Finish, or the first unanswered item."""
        if not self._asking():
            return
        if self.next_button.isVisible():
            self.go_next()
        elif self._unanswered():
            self._show_item(self._first_unanswered())
        else:
            self.finish()
