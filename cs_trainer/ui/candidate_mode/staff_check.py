"""The staff password that lets someone out of candidate mode.

An HR interviewer or an administrator types their sign-in name and password; the
check (:func:`cs_trainer.services.accounts.confirm_staff`) runs on the operation
route, since it counts failed tries in the database, and its refusal (a wrong
password, a trainer's account, too many tries) is shown in the dialog, which stays
open. The password field never echoes. The dialog is opened with ``open()``, not
``exec()``: candidate mode goes on when it is ``accepted``.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.services import accounts
from cs_trainer.services.acting import Actor
from cs_trainer.store.database import Database
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op

REFUSED_STYLE = "color: #b3261e;"


class StaffCheckDialog(QDialog):
    """Sign-in name and password of HR or an admin; ``accepted`` once they are confirmed,
    with :attr:`confirmed_by` the account that confirmed."""

    def __init__(
        self, db: Database, bus: ChangeBus | None, note: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self._checking = False
        self.confirmed_by: Actor | None = None
        self.setWindowTitle(self.tr("Staff only"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        intro = QLabel(
            self.tr(
                "<b>For staff:</b> an HR interviewer or an administrator signs in to "
                "leave candidate mode."
            )
        )
        intro.setWordWrap(True)
        self.note_label = QLabel(note)
        self.note_label.setWordWrap(True)
        self.note_label.setVisible(bool(note))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("staffName")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("staffPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.refusal_label = QLabel()
        self.refusal_label.setObjectName("refusalLabel")
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setStyleSheet(REFUSED_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Sign-in &name"), self.name_edit)
        form.addRow(self.tr("&Password"), self.password_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.confirm_button.setText(self.tr("Leave candidate mode"))
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.note_label)
        layout.addLayout(form)
        layout.addWidget(self.refusal_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.name_edit.setFocus()

    @property
    def confirm_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def check(self) -> None:
        """Check the name and password off the GUI thread; accepted only if they are staff."""
        if self._checking:
            return
        name, secret = self.name_edit.text().strip(), self.password_edit.text()
        if not name or not secret:
            self._show_refusal(self.tr("Type your sign-in name and password."))
            return
        self._checking = True
        self.buttons.setEnabled(False)
        Op(self, self._db, lambda db: accounts.confirm_staff(db, name, secret), self._bus).success(
            self._confirmed
        ).problem(self._refused).run().finished.connect(self._checked)

    def _confirmed(self, actor: Actor) -> None:
        self.confirmed_by = actor
        self.password_edit.clear()
        self.accept()

    def _refused(self, problem: UserError) -> None:
        self.password_edit.clear()
        self._show_refusal(str(problem))
        self.password_edit.setFocus()

    def _checked(self) -> None:
        self._checking = False
        self.buttons.setEnabled(True)

    def _show_refusal(self, text: str) -> None:
        self.refusal_label.setText(text[:1].upper() + text[1:])  # a sentence on its own
        self.adjustSize()  # a refusal of two lines must not squeeze the fields

    def reject(self) -> None:
        self.password_edit.clear()
        super().reject()
