"""What the quiz page shows: one item with its options, and the scored result.

Apart from the page because these views only show what they are given — an item
and the options chosen, or a result — and know nothing of attempts, saving or the
order of the items; the page decides what they show and when.
"""

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.quizzes.quiz import ItemReview
from cs_trainer.quizzes.quiz_schema import QuizItem
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.services.quizzes import QuizResult
from cs_trainer.ui.shared.translation import LanguageSwitch, content_text


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
