"""Performance reviews of staff with the 工作绩效测评标准 of 《客户服务人员岗位职责任职要求》.

A manager picks a staff member, starts a review (reviewer, review date and
period), rates every item of the form with a comment, writes an overall
comment and finishes the review; the finished review is saved as the PDF form
that the manager, the staff member and the head of department sign. The blank
form can be saved too, to fill in by hand.

Everything autosaves: a rating the moment it is clicked or keyed, a comment
shortly after typing stops and before anything else happens. Every write (and the
loading of a review) runs on the operation route, one after the other on its worker,
so a review opened or finished always comes after the ratings given before it; the
page counts a rating as stored only once its operation succeeded.

The dialogs are in :mod:`~cs_trainer.ui.staff.performance_dialogs`, the form a
manager fills in in :mod:`~cs_trainer.ui.staff.review_form`.
"""

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QHideEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.changes import ATTEMPTS, STAFF
from cs_trainer.errors import UserError
from cs_trainer.files import file_in_folder
from cs_trainer.services import performance, staff
from cs_trainer.services.performance import Review
from cs_trainer.staff_forms.performance_schema import OVERALL_ITEM_ID
from cs_trainer.store.database import Database
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.settings import window_state
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.translation import content_text
from cs_trainer.ui.staff.performance_dialogs import AddStaffDialog, NewReviewDialog
from cs_trainer.ui.staff.review_form import ReviewForm

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PerformancePage(QWidget):
    """Staff on the left with their reviews; the open review's form on the right.

    ``message`` reports what happened (a saved PDF) for the status bar.
    """

    message = Signal(str)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.review: Review | None = None  # the review on screen, as last stored
        self.form_view: ReviewForm | None = None
        self._open_id: int | None = None  # the review on screen or being loaded
        self._starting = False  # a new review is being stored
        self._finishing = False  # the open review is being finished
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
        self._update_new_review_button()
        shown = self._open_id
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
        if shown is not None and shown not in {review.attempt_id for review in reviews}:
            self.close_review()

    def _update_new_review_button(self) -> None:
        self.new_review_button.setEnabled(
            self.selected_staff_id() is not None and not self._starting
        )

    def _select_review_item(self, attempt_id: int) -> None:
        self.review_list.blockSignals(True)
        for row in range(self.review_list.count()):
            if self.review_list.item(row).data(ID_ROLE) == attempt_id:
                self.review_list.setCurrentRow(row)
        self.review_list.blockSignals(False)

    def _review_entry(self, review: Review) -> str:
        status = self.tr("finished") if review.finished else self.tr("in progress")
        return f"{review.review_date.isoformat()} · {review.reviewer} · {status}"

    def _review_chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.open_review(int(item.data(ID_ROLE)))

    # -- the open review --------------------------------------------------------------------
    def open_review(self, attempt_id: int) -> None:
        """Show a review's form with everything stored so far, once it is loaded."""
        self._flush()
        self._open_id = attempt_id
        self._load(attempt_id)

    def _load(self, attempt_id: int) -> None:
        # On the worker too, so the review is read after every save started before it.
        Op(self, self._db, lambda db: performance.load_review(db, attempt_id)).success(
            self._loaded
        ).run()

    def _loaded(self, review: Review) -> None:
        if self._open_id != review.attempt_id:
            return  # another review (or none) was chosen while this one loaded
        self.form_view = ReviewForm(review.form)
        self.form_view.changed.connect(self._save)
        self.form_scroll.setWidget(self.form_view)
        self.title_label.setText(content_text(review.form.title))
        self._show(review)
        self._select_review_item(review.attempt_id)
        self.screens.setCurrentIndex(1)

    def close_review(self) -> None:
        self._flush()
        self.review = None
        self.form_view = None
        self._open_id = None
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
        ready = not review.finished and rated == total and not self._finishing
        self.finish_button.setEnabled(ready)
        self.save_pdf_button.setEnabled(review.finished)

    def _save(self, item_id: str) -> None:
        """Autosave one item (or the overall comment) the moment it changes; the count of
        rated items (and so Finish) follows what is stored, not what is on screen."""
        if self.review is None or self.form_view is None:
            return
        attempt_id = self.review.attempt_id
        if item_id == OVERALL_ITEM_ID:
            score, comment = None, self.form_view.overall_edit.toPlainText().strip()
        else:
            row = self.form_view.rows[item_id]
            score, comment = row.score(), row.comment()

        def work(db: Database) -> Review:
            if item_id == OVERALL_ITEM_ID:
                performance.set_overall_comment(db, attempt_id, comment)
            else:
                performance.rate_item(db, attempt_id, item_id, score, comment)
            return performance.load_review(db, attempt_id)

        op = Op(self, self._db, work, self._bus).success(self._stored)
        op.problem(lambda problem: self._not_stored(attempt_id, problem)).run()

    def _stored(self, review: Review) -> None:
        if self.review is not None and self.review.attempt_id == review.attempt_id:
            self.review = review
            self._update_progress(review)

    def _not_stored(self, attempt_id: int, problem: UserError) -> None:
        """Say why, then show what is stored instead of a rating that is not (the review
        may have been finished in another window)."""
        problems.show_problem(self, problem)
        if self._open_id == attempt_id:
            self._load(attempt_id)

    def _flush(self) -> None:
        if self.form_view is not None and self.review is not None and not self.review.finished:
            self.form_view.flush()

    # -- actions ----------------------------------------------------------------------------
    def add_staff(self) -> None:
        request = AddStaffDialog.ask(self)
        if request is None:
            return
        self.add_staff_button.setEnabled(False)  # one click, one staff member
        op = Op(
            self,
            self._db,
            lambda db: staff.add_staff(db, request.name, request.position),
            self._bus,
        )
        op.success(lambda person_id: self.refresh_staff(select=person_id))
        op.finished.connect(lambda: self.add_staff_button.setEnabled(True))
        op.run()

    def new_review(self) -> None:
        item = self.staff_list.currentItem()
        person_id = self.selected_staff_id()
        if item is None or person_id is None or self._starting:
            return
        setup = NewReviewDialog.ask(
            self, item.text(), settings.read(settings.INTERVIEWER), date.today()
        )
        if setup is None:
            return
        self._starting = True
        self._update_new_review_button()

        def work(db: Database) -> int:
            return performance.start_review(
                db, person_id, setup.reviewer, setup.review_date, setup.period_from, setup.period_to
            )

        op = Op(self, self._db, work, self._bus)
        op.success(lambda attempt_id: self._started(person_id, attempt_id))
        op.finished.connect(self._start_over)
        op.run()

    def _started(self, person_id: int, attempt_id: int) -> None:
        if self.selected_staff_id() == person_id:  # not if another member was chosen since
            self.open_review(attempt_id)

    def _start_over(self) -> None:
        self._starting = False
        self._update_new_review_button()

    def finish(self) -> None:
        if self.review is None or self.form_view is None or self._finishing:
            return
        self._flush()  # its saves run before the finish: the worker keeps their order
        if not self.confirm_finish(self):
            return
        attempt_id = self.review.attempt_id
        self._finishing = True
        self.finish_button.setEnabled(False)
        self.form_view.set_read_only(True)
        op = Op(self, self._db, lambda db: performance.finish_review(db, attempt_id), self._bus)
        op.success(self._finished)
        op.finished.connect(self._finish_over)
        op.run()

    def _finished(self, review: Review) -> None:
        if self._open_id == review.attempt_id and self.form_view is not None:
            self._show(review)

    def _finish_over(self) -> None:
        """Editable again if the finish was refused; read-only if it succeeded."""
        self._finishing = False
        if self.review is not None and self.form_view is not None:
            self.form_view.set_read_only(self.review.finished)
            self._update_progress(self.review)

    def save_pdf(self) -> None:
        """Write the finished review's form off the GUI thread."""
        if self.review is None or not self.review.finished:
            return
        review = self.review
        name = f"{review.person_name} {review.review_date.isoformat()}"
        path = self.ask_save_path(self, self.tr("Save performance review"), name)
        if path is None:
            return
        Op(
            self, self._db, lambda db: performance.write_review_pdf(db, review.attempt_id, path)
        ).success(lambda _sheet: self._saved(path)).with_progress(
            self.tr("Writing the performance review…")
        ).run()

    def save_blank_form(self) -> None:
        """Write the blank form, to print and fill in by hand."""
        blank_name = self.tr("Performance evaluation form")
        path = self.ask_save_path(self, self.tr("Save blank form"), blank_name)
        if path is None:
            return
        Op(self, self._db, lambda db: performance.write_blank_form_pdf(db, path)).success(
            lambda _none: self._saved(path)
        ).with_progress(self.tr("Writing the blank form…")).run()

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
            str(file_in_folder(Path(folder), name, ".pdf", "performance-review")),
            QCoreApplication.translate("PerformancePage", "PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        settings.write(settings.LAST_PDF_FOLDER, str(path.parent))
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
