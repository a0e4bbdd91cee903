"""Performance reviews of staff with the 工作绩效测评标准 of 《客户服务人员岗位职责任职要求》.

A manager picks a staff member, starts a review (reviewer, review date and
period), rates every item of the form with a comment, writes an overall
comment and finishes the review; the finished review is saved as the PDF form
that the manager, the staff member and the head of department sign. The blank
form can be saved too, to fill in by hand.

Everything autosaves: a rating the moment it is clicked or keyed, a comment
shortly after typing stops and before anything else happens.
"""

import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QHideEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.services import performance, staff
from cs_trainer.services.performance import Review
from cs_trainer.staff_forms.performance_schema import (
    OVERALL_ITEM_ID,
    PerformanceForm,
    PerformanceItem,
    PerformanceSection,
)
from cs_trainer.store.database import Database
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.settings import window_state
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ATTEMPTS, ChangeBus
from cs_trainer.ui.shared.operations import run_in_background
from cs_trainer.ui.shared.translation import content_text

STAFF = "staff"  # change-bus kind: staff members (shared with the reception page)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
COMMENT_SAVE_DELAY_MS = 600
_SCORE_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


# --------------------------------------------------------------------------- dialogs


@dataclass(frozen=True)
class NewStaff:
    name: str
    position: str


class AddStaffDialog(QDialog):
    """A staff member's name and position; OK waits for a name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add staff member"))
        self.name_edit = QLineEdit()
        self.position_edit = QLineEdit()
        self.position_edit.setPlaceholderText(self.tr("e.g. customer service specialist"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Position"), self.position_edit)
        form.addRow(self.buttons)
        self.name_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.setMinimumWidth(400)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    def request(self) -> NewStaff:
        return NewStaff(self.name_edit.text().strip(), self.position_edit.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None) -> NewStaff | None:
        dialog = cls(parent)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class ReviewSetup:
    """Who reviews, on which day, and the period the review covers."""

    reviewer: str
    review_date: date
    period_from: date
    period_to: date


class NewReviewDialog(QDialog):
    """Asked before a review starts; OK waits for a reviewer and a sensible period."""

    def __init__(
        self, staff_name: str, reviewer: str, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New performance review"))
        self.reviewer_edit = QLineEdit(reviewer)
        self.date_edit = _date_edit(today)
        start = date(today.year, 1, 1) if today.month > 6 else date(today.year - 1, 7, 1)
        self.from_edit = _date_edit(start)
        self.to_edit = _date_edit(today)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #A15C00;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start review"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(staff_name)
        self.reviewer_edit.textChanged.connect(self._check)
        for edit in (self.date_edit, self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._check)
        self._check()

    def _lay_out(self, staff_name: str) -> None:
        form = QFormLayout(self)
        form.addRow(self.tr("Staff member"), QLabel(f"<b>{html.escape(staff_name)}</b>"))
        form.addRow(self.tr("&Reviewer"), self.reviewer_edit)
        form.addRow(self.tr("Review &date"), self.date_edit)
        form.addRow(self.tr("Period &from"), self.from_edit)
        form.addRow(self.tr("Period &to"), self.to_edit)
        form.addRow(self.hint)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)

    def setup(self) -> ReviewSetup:
        return ReviewSetup(
            self.reviewer_edit.text().strip(),
            _date(self.date_edit.date()),
            _date(self.from_edit.date()),
            _date(self.to_edit.date()),
        )

    def _check(self) -> None:
        setup = self.setup()
        problem = ""
        if not setup.reviewer:
            problem = self.tr("Enter the reviewer's name.")
        elif setup.period_to < setup.period_from:
            problem = self.tr("The period ends before it starts.")
        elif setup.review_date < setup.period_from:
            problem = self.tr("The review date is before the period starts.")
        self.hint.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    @classmethod
    def ask(
        cls, parent: QWidget | None, staff_name: str, reviewer: str, today: date
    ) -> ReviewSetup | None:
        dialog = cls(staff_name, reviewer, today, parent)
        return dialog.setup() if dialog.exec() == QDialog.DialogCode.Accepted else None


# --------------------------------------------------------------------------- one item


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
            row.set_read_only(review.finished)
        self._loading = True
        self.overall_edit.setPlainText(review.overall_comment)
        self._loading = False
        self.overall_edit.setReadOnly(review.finished)

    def flush(self) -> None:
        """Save whatever was typed and not yet saved."""
        for row in self.rows.values():
            row.flush()
        if self._overall_timer.isActive():
            self._overall_timer.stop()
            self.changed.emit(OVERALL_ITEM_ID)


# --------------------------------------------------------------------------- the page


class PerformancePage(QWidget):
    """Staff on the left with their reviews; the open review's form on the right.

    ``message`` reports what happened (a saved PDF) for the status bar.
    """

    message = Signal(str)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.review: Review | None = None
        self.form_view: ReviewForm | None = None
        splitter = QSplitter()
        splitter.addWidget(self._left_panel())
        splitter.addWidget(self._right_panel())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 800])
        window_state.keep_splitter_sizes(splitter, "performance")
        QVBoxLayout(self).addWidget(splitter)
        bus.changed.connect(self._data_changed)
        self.refresh_staff()

    def _left_panel(self) -> QWidget:
        self.staff_list = QListWidget()
        self.staff_list.setWordWrap(True)
        self.staff_list.currentItemChanged.connect(lambda _item: self.refresh_reviews())
        self.add_staff_button = QPushButton(self.tr("&Add staff…"))
        self.add_staff_button.clicked.connect(self.add_staff)
        self.review_list = QListWidget()
        self.review_list.setWordWrap(True)
        self.review_list.currentItemChanged.connect(self._review_chosen)
        self.new_review_button = QPushButton(self.tr("&New review…"))
        self.new_review_button.clicked.connect(self.new_review)
        self.blank_button = QPushButton(self.tr("Print &blank form…"))
        self.blank_button.clicked.connect(self.save_blank_form)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addWidget(QLabel(self.tr("<b>Staff</b>")))
        layout.addWidget(self.staff_list, 2)
        layout.addWidget(self.add_staff_button)
        layout.addWidget(QLabel(self.tr("<b>Performance reviews</b>")))
        layout.addWidget(self.review_list, 1)
        layout.addWidget(self.new_review_button)
        layout.addWidget(self.blank_button)
        return panel

    def _right_panel(self) -> QWidget:
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.progress_label = QLabel()
        self.finish_button = QPushButton(self.tr("&Finish review"))
        self.finish_button.clicked.connect(self.finish)
        self.save_pdf_button = QPushButton(self.tr("&Save PDF…"))
        self.save_pdf_button.clicked.connect(self.save_pdf)
        bar = QHBoxLayout()
        bar.addWidget(self.progress_label, 1)
        bar.addWidget(self.finish_button)
        bar.addWidget(self.save_pdf_button)
        editor = QWidget()
        layout = QVBoxLayout(editor)
        layout.addWidget(self.title_label)
        layout.addWidget(self.info_label)
        layout.addWidget(self.form_scroll, 1)
        layout.addLayout(bar)
        self.placeholder = QLabel(
            self.tr("Choose a staff member, then open one of their reviews or start a new one.")
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.screens = QStackedWidget()
        self.screens.addWidget(self.placeholder)
        self.screens.addWidget(editor)
        return self.screens

    def hideEvent(self, event: QHideEvent) -> None:
        # Leaving the page (or closing the window) must not lose a comment typed in the
        # last moment before its delayed save.
        self._flush()
        super().hideEvent(event)

    # -- lists ------------------------------------------------------------------------------
    def _data_changed(self, kinds: frozenset[str]) -> None:
        if STAFF in kinds:
            self.refresh_staff()
        elif ATTEMPTS in kinds:
            self.refresh_reviews()

    def selected_staff_id(self) -> int | None:
        item = self.staff_list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def refresh_staff(self, select: int | None = None) -> None:
        chosen = select if select is not None else self.selected_staff_id()
        self.staff_list.blockSignals(True)
        self.staff_list.clear()
        for member in staff.list_staff(self._db):
            text = f"{member.name} — {member.position}" if member.position else member.name
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, member.id)
            self.staff_list.addItem(item)
            if member.id == chosen:
                self.staff_list.setCurrentItem(item)
        self.staff_list.blockSignals(False)
        self.refresh_reviews()

    def refresh_reviews(self) -> None:
        person_id = self.selected_staff_id()
        self.new_review_button.setEnabled(person_id is not None)
        shown = self.review.attempt_id if self.review is not None else None
        self.review_list.blockSignals(True)
        self.review_list.clear()
        reviews = performance.reviews_of(self._db, person_id) if person_id is not None else []
        for review in reviews:
            item = QListWidgetItem(self._review_entry(review))
            item.setData(ID_ROLE, review.attempt_id)
            self.review_list.addItem(item)
            if review.attempt_id == shown:
                self.review_list.setCurrentItem(item)
        self.review_list.blockSignals(False)
        if shown not in {review.attempt_id for review in reviews}:
            self.close_review()

    def _review_entry(self, review: Review) -> str:
        status = self.tr("finished") if review.finished else self.tr("in progress")
        return f"{review.review_date.isoformat()} · {review.reviewer} · {status}"

    def _review_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_review(int(item.data(ID_ROLE)))

    # -- the open review --------------------------------------------------------------------
    def open_review(self, attempt_id: int) -> None:
        """Show a review's form with everything stored so far."""
        self._flush()
        try:
            review = performance.load_review(self._db, attempt_id)
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self.form_view = ReviewForm(review.form)
        self.form_view.changed.connect(self._save)
        self.form_scroll.setWidget(self.form_view)
        self.title_label.setText(content_text(review.form.title))
        self._show(review)
        self.screens.setCurrentIndex(1)

    def close_review(self) -> None:
        self._flush()
        self.review = None
        self.form_view = None
        self.screens.setCurrentIndex(0)

    def _show(self, review: Review) -> None:
        self.review = review
        assert self.form_view is not None
        self.form_view.show_review(review)
        self.info_label.setText(self._info(review))
        self._update_progress(review)

    def _info(self, review: Review) -> str:
        person = review.person_name + (f" ({review.position})" if review.position else "")
        return (
            self.tr("<b>%1</b> · Reviewer: %2 · Review date: %3 · Period: %4 to %5")
            .replace("%1", html.escape(person))
            .replace("%2", html.escape(review.reviewer))
            .replace("%3", review.review_date.isoformat())
            .replace("%4", review.period_from.isoformat())
            .replace("%5", review.period_to.isoformat())
        )

    def _update_progress(self, review: Review) -> None:
        total = len(review.form.items)
        rated = total - len(review.unrated)
        if review.finished:
            text = self.tr("Finished: all %1 items rated.").replace("%1", str(total))
        else:
            text = (
                self.tr("%1 of %2 items rated").replace("%1", str(rated)).replace("%2", str(total))
            )
        self.progress_label.setText(text)
        self.finish_button.setEnabled(not review.finished and rated == total)
        self.save_pdf_button.setEnabled(review.finished)

    def _save(self, item_id: str) -> None:
        """Autosave one item (or the overall comment) the moment it changes."""
        if self.review is None or self.form_view is None:
            return
        try:
            if item_id == OVERALL_ITEM_ID:
                comment = self.form_view.overall_edit.toPlainText().strip()
                performance.set_overall_comment(self._db, self.review.attempt_id, comment)
            else:
                row = self.form_view.rows[item_id]
                performance.rate_item(
                    self._db, self.review.attempt_id, item_id, row.score(), row.comment()
                )
            review = performance.load_review(self._db, self.review.attempt_id)
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self.review = review
        self._update_progress(review)

    def _flush(self) -> None:
        if self.form_view is not None and self.review is not None and not self.review.finished:
            self.form_view.flush()

    # -- actions ----------------------------------------------------------------------------
    def add_staff(self) -> None:
        request = AddStaffDialog.ask(self)
        if request is None:
            return
        try:
            person_id = staff.add_staff(self._db, request.name, request.position)
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self.refresh_staff(select=person_id)
        self._bus.announce(STAFF)

    def new_review(self) -> None:
        item = self.staff_list.currentItem()
        person_id = self.selected_staff_id()
        if item is None or person_id is None:
            return
        setup = NewReviewDialog.ask(
            self, item.text(), settings.read(settings.INTERVIEWER), date.today()
        )
        if setup is None:
            return
        try:
            attempt_id = performance.start_review(
                self._db,
                person_id,
                setup.reviewer,
                setup.review_date,
                setup.period_from,
                setup.period_to,
            )
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self.open_review(attempt_id)
        self.refresh_reviews()
        self._bus.announce(ATTEMPTS)

    def finish(self) -> None:
        if self.review is None:
            return
        self._flush()
        if not self.confirm_finish(self):
            return
        try:
            review = performance.finish_review(self._db, self.review.attempt_id)
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self._show(review)
        self.refresh_reviews()
        self._bus.announce(ATTEMPTS)

    def save_pdf(self) -> None:
        """Write the finished review's form off the GUI thread."""
        if self.review is None or not self.review.finished:
            return
        review = self.review
        name = f"{review.person_name} {review.review_date.isoformat()}"
        path = self.ask_save_path(self, self.tr("Save performance review"), name)
        if path is None:
            return
        run_in_background(
            self,
            self.tr("Writing the performance review…"),
            lambda: performance.write_review_pdf(self._db, review.attempt_id, path),
            lambda _sheet: self._saved(path),
        )

    def save_blank_form(self) -> None:
        """Write the blank form, to print and fill in by hand."""
        blank_name = self.tr("Performance evaluation form")
        path = self.ask_save_path(self, self.tr("Save blank form"), blank_name)
        if path is None:
            return
        run_in_background(
            self,
            self.tr("Writing the blank form…"),
            lambda: performance.write_blank_form_pdf(self._db, path),
            lambda _none: self._saved(path),
        )

    def _saved(self, path: Path) -> None:
        self.message.emit(self.tr("Saved %1").replace("%1", str(path)))
        if settings.read(settings.OPEN_PDF_AFTER_SAVE):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @classmethod
    def confirm_finish(cls, parent: QWidget) -> bool:
        """Ask before closing the review for good; tests replace this classmethod."""
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("PerformancePage", "Finish the review"),
            QCoreApplication.translate(
                "PerformancePage",
                "Finish this review? Its ratings and comments can no longer be changed "
                "afterwards, so the printed form matches what is stored.",
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask_save_path(cls, parent: QWidget, title: str, name: str) -> Path | None:
        """Qt's save dialog, in the folder last used for PDFs; tests replace this."""
        folder = settings.read(settings.LAST_PDF_FOLDER) or str(Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            title,
            str(Path(folder) / f"{name}.pdf"),
            QCoreApplication.translate("PerformancePage", "PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        settings.write(settings.LAST_PDF_FOLDER, str(path.parent))
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
