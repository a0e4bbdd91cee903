"""The two questions the performance page asks before it writes: who the new staff
member is, and how a new review is set up.

Each dialog only collects input into a small request object; the page hands that to an
operation. ``ask`` hides ``exec()`` so tests can replace it with an answer.
"""

import html
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from cs_trainer.ui.accounts import session
from cs_trainer.ui.shared.bounded_edit import bounded_edit
from cs_trainer.ui.staff.dates import date_edit, to_date


@dataclass(frozen=True)
class NewStaff:
    name: str
    position: str


class AddStaffDialog(QDialog):
    """A staff member's name and position; OK waits for a name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add staff member"))
        self.name_edit = bounded_edit("people", "name")
        self.position_edit = bounded_edit("people", "position")
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
        session.attribute(self.reviewer_edit)
        self.date_edit = date_edit(today)
        start = date(today.year, 1, 1) if today.month > 6 else date(today.year - 1, 7, 1)
        self.from_edit = date_edit(start)
        self.to_edit = date_edit(today)
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
            to_date(self.date_edit.date()),
            to_date(self.from_edit.date()),
            to_date(self.to_edit.date()),
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
