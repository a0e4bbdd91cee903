"""The review form on the performance page: one row per item, then the overall comment.

Kept apart from the page because it is the part a manager works in: it shows what is
stored and says (``changed``) which item to save, the moment a score is clicked or
keyed and shortly after a comment stops changing. It never saves anything itself; the
page does, on the operation route.
"""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.services.performance import Review
from cs_trainer.staff_forms.performance_schema import (
    OVERALL_ITEM_ID,
    PerformanceForm,
    PerformanceItem,
    PerformanceSection,
)
from cs_trainer.ui.accounts import session
from cs_trainer.ui.shared.translation import content_text

COMMENT_SAVE_DELAY_MS = 600
_SCORE_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


class ItemRow(QWidget):
    """One item: its number and text, a compact row of score buttons and a comment.

    ``changed`` carries the item id when its score or comment should be saved;
    the keys 1–5 choose a score while a score button has the focus.
    """

    changed = Signal(str)

    def __init__(self, number: int, item: PerformanceItem, form: PerformanceForm) -> None:
        super().__init__()
        self.item_id = item.id
        self._meanings = {point.score: content_text(point.label) for point in form.scale}
        self.text_label = QLabel(f"{number}. {content_text(item.text)}")
        self.text_label.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.group.idClicked.connect(self._score_clicked)
        self.meaning_label = QLabel()
        self.meaning_label.setStyleSheet("color: #1F4E79;")
        # As wide as the longest meaning, so the score buttons line up from row to row.
        widest = max(
            self.meaning_label.fontMetrics().horizontalAdvance(t) for t in self._meanings.values()
        )
        self.meaning_label.setFixedWidth(widest + 8)
        self.comment_edit = QLineEdit()
        self.comment_edit.setPlaceholderText(self.tr("Comment: the facts behind the rating"))
        self.comment_edit.setToolTip(session.sensitive_data_hint())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMENT_SAVE_DELAY_MS)
        self._timer.timeout.connect(lambda: self.changed.emit(self.item_id))
        self.comment_edit.textEdited.connect(lambda _text: self._timer.start())
        self._lay_out(form)

    def _lay_out(self, form: PerformanceForm) -> None:
        scores = QHBoxLayout()
        scores.setSpacing(10)
        for point in form.scale:
            button = QRadioButton(str(point.score))
            button.setObjectName(f"score{point.score}")
            button.setToolTip(content_text(point.label))
            self.group.addButton(button, point.score)
            scores.addWidget(button)
        scores.addWidget(self.meaning_label)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 8)
        grid.addWidget(self.text_label, 0, 0)
        grid.addLayout(scores, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.comment_edit, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Layouts ask a wrapped label for its height at a guessed width; once the real
        # width is known, pin the height so the item's last line is never cut off.
        super().resizeEvent(event)
        label = self.text_label
        label.setMinimumHeight(max(label.heightForWidth(label.width()), 0))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        score = _SCORE_KEYS.get(Qt.Key(event.key()))
        button = self.group.button(score) if score is not None else None
        if button is not None and button.isEnabled():
            button.click()
            button.setFocus()
            return
        super().keyPressEvent(event)

    def _score_clicked(self, score: int) -> None:
        self.meaning_label.setText(self._meanings.get(score, ""))
        self.changed.emit(self.item_id)

    def show_rating(self, score: int | None, comment: str) -> None:
        """Show what is stored, without saving it again."""
        self._timer.stop()
        self.group.setExclusive(False)
        for button in self.group.buttons():
            button.setChecked(self.group.id(button) == score)
        self.group.setExclusive(True)
        self.meaning_label.setText(self._meanings.get(score, "") if score is not None else "")
        self.comment_edit.setText(comment)

    def score(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked == -1 else checked

    def comment(self) -> str:
        return self.comment_edit.text().strip()

    def choose(self, score: int) -> None:
        button = self.group.button(score)
        if button is not None:
            button.click()

    def flush(self) -> None:
        """Save a comment typed in the last moment."""
        if self._timer.isActive():
            self._timer.stop()
            self.changed.emit(self.item_id)

    def set_read_only(self, read_only: bool) -> None:
        for button in self.group.buttons():
            button.setEnabled(not read_only)
        self.comment_edit.setReadOnly(read_only)


# --------------------------------------------------------------------------- the form


class ReviewForm(QWidget):
    """Every section of a form with its item rows, then the overall comment.

    ``changed`` carries an item id, or ``"overall"`` for the overall comment.
    """

    changed = Signal(str)

    def __init__(self, form: PerformanceForm) -> None:
        super().__init__()
        self.rows: dict[str, ItemRow] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self._legend(form))
        for number, section in enumerate(form.sections, start=1):
            layout.addWidget(self._section_box(number, section, form))
        self.overall_edit = QPlainTextEdit()
        self.overall_edit.setPlaceholderText(self.tr("Overall comment on the whole period"))
        self.overall_edit.setMaximumHeight(120)
        self._overall_timer = QTimer(self)
        self._overall_timer.setSingleShot(True)
        self._overall_timer.setInterval(COMMENT_SAVE_DELAY_MS)
        self._overall_timer.timeout.connect(lambda: self.changed.emit(OVERALL_ITEM_ID))
        self.overall_edit.textChanged.connect(self._overall_typed)
        self._loading = False
        overall_box = QGroupBox(self.tr("Overall evaluation"))
        QVBoxLayout(overall_box).addWidget(self.overall_edit)
        layout.addWidget(overall_box)
        layout.addStretch(1)

    def _legend(self, form: PerformanceForm) -> QLabel:
        scale = " · ".join(f"<b>{p.score}</b> {content_text(p.label)}" for p in form.scale)
        label = QLabel(
            self.tr("%1<br/><b>Scale:</b> %2")
            .replace("%1", content_text(form.instructions))
            .replace("%2", scale)
        )
        label.setWordWrap(True)
        return label

    def _section_box(
        self, index: int, section: PerformanceSection, form: PerformanceForm
    ) -> QGroupBox:
        box = QGroupBox()
        layout = QVBoxLayout(box)
        heading = QLabel(f"{index}. {content_text(section.title)}")
        heading.setStyleSheet("font-size: 13pt; font-weight: bold; color: #1F4E79;")
        layout.addWidget(heading)
        for number, item in enumerate(section.items, start=1):
            row = ItemRow(number, item, form)
            row.changed.connect(self.changed)
            self.rows[item.id] = row
            layout.addWidget(row)
        return box

    def _overall_typed(self) -> None:
        if not self._loading:
            self._overall_timer.start()

    def show_review(self, review: Review) -> None:
        """Fill every row from the stored review, without saving anything."""
        for item_id, row in self.rows.items():
            row.show_rating(review.score(item_id), review.comment(item_id))
        self._loading = True
        self.overall_edit.setPlainText(review.overall_comment)
        self._loading = False
        self.set_read_only(review.finished)

    def set_read_only(self, read_only: bool) -> None:
        """Read-only once finished, and while the finish is on its way: a rating given
        then would be refused by the finished review."""
        for row in self.rows.values():
            row.set_read_only(read_only)
        self.overall_edit.setReadOnly(read_only)

    def flush(self) -> None:
        """Save whatever was typed and not yet saved."""
        for row in self.rows.values():
            row.flush()
        if self._overall_timer.isActive():
            self._overall_timer.stop()
            self.changed.emit(OVERALL_ITEM_ID)
