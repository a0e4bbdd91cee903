"""The dialogs of a candidate's record: correcting details, a phone already registered,
withdrawing consent, erasing, and the retention list.

Each dialog only asks; what it returns is handed to the operation route by
:mod:`cs_trainer.ui.candidates.candidate_actions`. Every ``ask`` is a classmethod
so that tests can answer without a modal loop.
"""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.services.candidate_data import ErasurePlan
from cs_trainer.services.candidates import CandidateEdit, CandidateSummary
from cs_trainer.services.clock import local_date
from cs_trainer.services.retention import DueCandidate

OPEN_EXISTING, REGISTER_ANYWAY = "open", "register"


class EditCandidateDialog(QDialog):
    """Correct name, phone and position; OK only once something changed and all is filled."""

    def __init__(self, candidate: CandidateSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit candidate details"))
        self._candidate = candidate
        self.name_edit = QLineEdit(candidate.name)
        self.phone_edit = QLineEdit(candidate.phone)
        self.position_edit = QLineEdit(candidate.position)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Phone"), self.phone_edit)
        form.addRow(self.tr("P&osition applied for"), self.position_edit)
        note = QLabel(
            self.tr("The correction is recorded in the audit trail, with the old values.")
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        for edit in (self.name_edit, self.phone_edit, self.position_edit):
            edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.setMinimumWidth(440)

    def edit(self) -> CandidateEdit:
        """The fields that differ from the record (None: unchanged)."""

        def changed(text: str, stored: str) -> str | None:
            return text if text.strip() != stored else None

        return CandidateEdit(
            name=changed(self.name_edit.text(), self._candidate.name),
            phone=changed(self.phone_edit.text(), self._candidate.phone),
            position=changed(self.position_edit.text(), self._candidate.position),
        )

    def _update_ok(self) -> None:
        ready = bool(self.name_edit.text().strip() and self.phone_edit.text().strip())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        ok.setEnabled(ready and self.edit() != CandidateEdit())

    @classmethod
    def ask(cls, parent: QWidget | None, candidate: CandidateSummary) -> CandidateEdit | None:
        dialog = cls(candidate, parent)
        return dialog.edit() if dialog.exec() == QDialog.DialogCode.Accepted else None


class DuplicatePhoneDialog(QDialog):
    """The phone number is already registered: open that record, or register anyway."""

    def __init__(self, problem: str, editing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Phone number already registered"))
        self.choice: str | None = None
        text = QLabel(problem)
        text.setWordWrap(True)
        text.setObjectName("duplicateText")
        hint = QLabel(
            self.tr(
                "The same person may already have a record. Open it to check, or save "
                "anyway if this is someone else."
            )
            if editing
            else self.tr(
                "The same person may already have a record. Open it to check, or register "
                "a new record if this is someone else."
            )
        )
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.open_button = self.buttons.addButton(
            self.tr("&Open the existing record"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.register_button = self.buttons.addButton(
            self.tr("&Save anyway") if editing else self.tr("&Register anyway"),
            QDialogButtonBox.ButtonRole.DestructiveRole,
        )
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.open_button.clicked.connect(lambda: self._choose(OPEN_EXISTING))
        self.register_button.clicked.connect(lambda: self._choose(REGISTER_ANYWAY))
        cancel.clicked.connect(self.reject)
        self.open_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addSpacing(6)
        layout.addWidget(hint)
        layout.addSpacing(6)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, problem: str, editing: bool = False) -> str | None:
        """:data:`OPEN_EXISTING`, :data:`REGISTER_ANYWAY` or None (cancelled)."""
        dialog = cls(problem, editing, parent)
        dialog.exec()
        return dialog.choice


class WithdrawConsentDialog(QDialog):
    """Confirm that the candidate withdraws their consent."""

    def __init__(self, candidate: CandidateSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Withdraw consent"))
        text = QLabel(
            self.tr(
                "Record that candidate %1 withdraws their consent to the storage of their "
                "data?<br><br>Nothing is erased now. The retention period starts from the "
                "withdrawal; erase the data at once with “Erase…” if the candidate asks for it."
            ).replace("%1", str(candidate.id))
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Withdraw consent"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    @classmethod
    def ask(cls, parent: QWidget | None, candidate: CandidateSummary) -> bool:
        return cls(candidate, parent).exec() == QDialog.DialogCode.Accepted


def backup_caveat() -> str:
    """What every erasure's confirmation says about copies (services.retention says it too)."""
    return QCoreApplication.translate(
        "EraseDialog",
        "Copies or backups of the database made before the erasure still hold the erased "
        "data until they are deleted. cs_trainer makes no automatic backups; delete any copy "
        "of the database file that someone made.",
    )


class EraseDialog(QDialog):
    """Name what erasing removes and keeps, and the backup caveat; Erase needs a tick."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Erase personal data"))
        self.text_label = QLabel(text + "<br><br>" + backup_caveat())
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setObjectName("eraseText")
        self.confirm_box = QCheckBox(self.tr("I understand that this cannot be undone"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.erase_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.erase_button.setText(self.tr("Erase"))
        self.erase_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.confirm_box.toggled.connect(self.erase_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_label)
        layout.addWidget(self.confirm_box)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    @classmethod
    def for_candidate(cls, plan: ErasurePlan, parent: QWidget | None = None) -> "EraseDialog":
        dialog = cls("", parent)
        dialog.text_label.setText(
            QCoreApplication.translate(
                "EraseDialog",
                "<b>Erase candidate %1's personal data for good?</b><br><br>"
                "Erased: the name and phone number; the notes and typed text of %2 "
                "answers; the reasons of %3 stage changes and %4 decisions; %5 values "
                "quoted by the audit trail.<br>"
                "Kept, anonymised, for statistics: the position, the dates, and the scores of "
                "%6 tests and interviews.",
            )
            .replace("%1", str(plan.candidate_id))
            .replace("%2", str(plan.notes))
            .replace("%3", str(plan.stage_changes))
            .replace("%4", str(plan.decisions))
            .replace("%5", str(plan.audit_values))
            .replace("%6", str(plan.attempts))
            + "<br><br>"
            + backup_caveat()
        )
        return dialog

    @classmethod
    def ask(cls, parent: QWidget | None, plan: ErasurePlan) -> bool:
        return cls.for_candidate(plan, parent).exec() == QDialog.DialogCode.Accepted

    @classmethod
    def ask_due(cls, parent: QWidget | None, count: int, months: int) -> bool:
        dialog = cls("", parent)
        dialog.text_label.setText(
            QCoreApplication.translate(
                "EraseDialog",
                "<b>Erase the personal data of %1 candidate(s) whose retention period of "
                "%2 months has run out?</b><br><br>"
                "Erased: names, phone numbers, notes, typed text and reasons, and the values "
                "the audit trail quoted. Kept, anonymised, for statistics: positions, dates "
                "and scores.",
            )
            .replace("%1", str(count))
            .replace("%2", str(months))
            + "<br><br>"
            + backup_caveat()
        )
        return dialog.exec() == QDialog.DialogCode.Accepted


class RetentionDialog(QDialog):
    """The candidates whose retention period has run out, and a button to erase them.

    It shows what it is given; the actions load the list and erase through the
    operation route (``erase_requested`` is emitted once the erasure is confirmed).
    """

    def __init__(self, due: list[DueCandidate], months: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retention"))
        self.due = due
        self.months = months
        self.erase_confirmed = False
        intro = QLabel(
            self.tr(
                "The consent text promises erasure %1 months after the hiring decision or "
                "the withdrawal of consent. These candidates are due:"
            ).replace("%1", str(months))
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(due), 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("ID"),
                self.tr("Registered"),
                self.tr("Position"),
                self.tr("Since"),
                self.tr("Due on"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for row, candidate in enumerate(due):
            since = (
                self.tr("decision %1")
                if candidate.reason == "decision"
                else self.tr("withdrawal %1")
            ).replace("%1", candidate.since.isoformat())
            cells = (
                str(candidate.id),
                local_date(candidate.registered_at).isoformat(),
                candidate.position or "—",
                since,
                candidate.due_on.isoformat(),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.tr("No candidate is due for erasure."))
        self.empty_label.setVisible(not due)
        self.table.setVisible(bool(due))
        caveat = QLabel(backup_caveat())
        caveat.setWordWrap(True)
        self.erase_button = QPushButton(self.tr("&Erase these candidates…"))
        self.erase_button.setEnabled(bool(due))
        self.erase_button.clicked.connect(self._erase)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(caveat)
        layout.addWidget(self.buttons)
        self.resize(640, 380)

    def _erase(self) -> None:
        if EraseDialog.ask_due(self, len(self.due), self.months):
            self.erase_confirmed = True
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, due: list[DueCandidate], months: int) -> list[int] | None:
        """The IDs to erase once confirmed, else None."""
        dialog = cls(due, months, parent)
        dialog.exec()
        return [candidate.id for candidate in due] if dialog.erase_confirmed else None
