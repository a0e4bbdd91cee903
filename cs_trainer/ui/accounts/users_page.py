"""User management: the admin's list of accounts (a trainer's: the trainees' only).

An admin adds accounts of every role, disables and enables them and resets
passwords; a trainer adds trainee accounts and sets their PINs. Every change goes
through the operation route and is written to the audit trail by the service.
"""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs_trainer import changes
from cs_trainer.services import accounts, roleplays
from cs_trainer.services.accounts import AccountSummary, NewAccount
from cs_trainer.services.permissions import ACCOUNTS, ROLES, TRAINEE
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts import session
from cs_trainer.ui.shared.bounded_edit import bounded_edit
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.table_model import Column, RowTableModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1


GREY = QBrush(QColor("#888888"))


def _grey_if_disabled(row: AccountSummary) -> QBrush | None:
    return GREY if row.disabled else None


class AccountTableModel(RowTableModel[AccountSummary]):
    def __init__(self) -> None:
        super().__init__()
        grey = _grey_if_disabled
        self.declare(
            [
                Column(self.tr("Sign-in name"), lambda row: row.name, foreground=grey),
                Column(self.tr("Display name"), lambda row: row.display_name, foreground=grey),
                Column(self.tr("Role"), lambda row: session.role_title(row.role), foreground=grey),
                Column(self.tr("Signs in with"), self._secret, foreground=grey),
                Column(
                    self.tr("Status"),
                    lambda row: self.tr("disabled") if row.disabled else self.tr("active"),
                    foreground=grey,
                ),
            ],
            {ID_ROLE: lambda row: row.id},
        )

    def _secret(self, row: AccountSummary) -> str:
        kinds = [self.tr("password")] if row.has_password else []
        if row.has_pin:
            kinds.append(self.tr("PIN"))
        return " + ".join(kinds) or "—"


def _secret_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class AddAccountDialog(QDialog):
    """Role, sign-in name, display name, and a password (a trainee: and/or a PIN)."""

    def __init__(self, db: Database, roles: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add an account"))
        self.setMinimumWidth(460)
        self.role_combo = QComboBox()
        for role in roles:
            self.role_combo.addItem(session.role_title(role), role)
        self.name_edit = bounded_edit("accounts", "name")
        self.name_edit.setPlaceholderText(self.tr("no spaces, e.g. wang.li"))
        self.display_edit = bounded_edit("accounts", "display_name")
        self.password_edit = _secret_edit()
        self.repeat_edit = _secret_edit()
        self.pin_edit = _secret_edit()
        self.pin_edit.setPlaceholderText(self.tr("4 to 8 digits"))
        self.record_combo = QComboBox()
        self.record_combo.addItem(self.tr("A new trainee record"), None)
        for trainee in roleplays.list_trainees(db):
            self.record_combo.addItem(trainee.name, trainee.id)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Role"), self.role_combo)
        self.form.addRow(self.tr("&Sign-in name"), self.name_edit)
        self.form.addRow(self.tr("&Display name"), self.display_edit)
        self.form.addRow(self.tr("&Password"), self.password_edit)
        self.form.addRow(self.tr("Re&peat password"), self.repeat_edit)
        self.form.addRow(self.tr("P&IN (trainees)"), self.pin_edit)
        self.form.addRow(self.tr("&Trainee record"), self.record_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.role_combo.currentIndexChanged.connect(lambda _i: self._role_changed())
        self._role_changed()

    def _role_changed(self) -> None:
        trainee = self.role_combo.currentData() == TRAINEE
        for edit in (self.pin_edit, self.record_combo):
            edit.setEnabled(trainee)

    def _check(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            self._error(self.tr("The two passwords differ."))
        elif not self.password_edit.text() and not (
            self.pin_edit.isEnabled() and self.pin_edit.text()
        ):
            self._error(self.tr("Give the account a password (a trainee: a password or a PIN)."))
        else:
            self.accept()

    def _error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def request(self) -> NewAccount:
        trainee = self.role_combo.currentData() == TRAINEE
        record = self.record_combo.currentData()
        return NewAccount(
            name=self.name_edit.text().strip(),
            display_name=self.display_edit.text().strip(),
            role=str(self.role_combo.currentData()),
            password=self.password_edit.text(),
            pin=self.pin_edit.text().strip() if trainee else "",
            person_id=int(record) if trainee and record is not None else None,
        )

    @classmethod
    def ask(
        cls, db: Database, roles: tuple[str, ...], parent: QWidget | None = None
    ) -> NewAccount | None:
        """What to create, or None if cancelled; tests replace this."""
        dialog = cls(db, roles, parent)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class NewSecret:
    value: str
    pin: bool


class SecretDialog(QDialog):
    """A new password (an admin's reset) or a new PIN (a trainer's), typed twice."""

    def __init__(self, title: str, name: str, pin: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.pin = pin
        self.setWindowTitle(title)
        self.setMinimumWidth(400)
        self.first_edit, self.repeat_edit = _secret_edit(), _secret_edit()
        intro = QLabel(
            (self.tr("A new PIN for %1.") if pin else self.tr("A new password for %1.")).replace(
                "%1", name
            )
        )
        intro.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("&New PIN") if pin else self.tr("&New password"), self.first_edit)
        form.addRow(self.tr("&Repeat"), self.repeat_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.first_edit.text() != self.repeat_edit.text():
            self.error_label.setText(self.tr("The two entries differ."))
            self.error_label.show()
        else:
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, name: str, pin: bool) -> NewSecret | None:
        """The new secret, or None if cancelled; tests replace this."""
        dialog = cls(title, name, pin, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return NewSecret(dialog.first_edit.text(), pin)


class UsersPage(QWidget):
    """The accounts (an admin) or the trainees' accounts (a trainer)."""

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._bus = db, bus
        self.admin = session.may(ACCOUNTS)
        self.model = AccountTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(
            self.tr("&Add account…") if self.admin else self.tr("&Add trainee account…")
        )
        self.disable_button = QPushButton(self.tr("&Disable"))
        self.reset_button = QPushButton(self.tr("&Reset password…"))
        self.pin_button = QPushButton(self.tr("Set &PIN…"))
        self.add_button.clicked.connect(self.add_account)
        self.disable_button.clicked.connect(self.toggle_disabled)
        self.reset_button.clicked.connect(self.reset_password)
        self.pin_button.clicked.connect(self.set_pin)
        self.disable_button.setVisible(self.admin)
        self.reset_button.setVisible(self.admin)
        heading = QLabel(
            self.tr("<h2>Accounts</h2>") if self.admin else self.tr("<h2>Trainee accounts</h2>")
        )
        buttons = QHBoxLayout()
        for button in (self.add_button, self.disable_button, self.reset_button, self.pin_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        bus.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if changes.ACCOUNTS in kinds or changes.ROLEPLAYS in kinds:
            self.refresh()

    def refresh(self) -> None:
        chosen = self.selected()
        rows = (
            accounts.list_accounts(self._db) if self.admin else accounts.trainee_accounts(self._db)
        )
        self.model.reset(rows)
        if chosen is not None:
            self.select(chosen.id)
        self._update_buttons()

    def select(self, account_id: int) -> None:
        number = self.model.find(lambda row: row.id == account_id)
        if number is not None:
            self.table.selectRow(number)

    def selected(self) -> AccountSummary | None:
        chosen = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row(chosen[0].row()) if chosen else None

    def _update_buttons(self) -> None:
        row = self.selected()
        for button in (self.disable_button, self.reset_button):
            button.setEnabled(row is not None)
        self.pin_button.setEnabled(row is not None and row.role == TRAINEE)
        self.disable_button.setText(
            self.tr("&Enable") if row is not None and row.disabled else self.tr("&Disable")
        )

    def add_account(self) -> None:
        roles = tuple(reversed(ROLES)) if self.admin else (TRAINEE,)  # the least first
        new = AddAccountDialog.ask(self._db, roles, self)
        if new is not None:
            Op(self, self._db, lambda db: accounts.add_account(db, new), self._bus).success(
                self.select
            ).run()

    def toggle_disabled(self) -> None:
        row = self.selected()
        if row is not None:
            account, disabled = row.id, not row.disabled
            Op(
                self, self._db, lambda db: accounts.set_disabled(db, account, disabled), self._bus
            ).run()

    def reset_password(self) -> None:
        row = self.selected()
        if row is None:
            return
        secret = SecretDialog.ask(self, self.tr("Reset password"), row.display_name, pin=False)
        if secret is not None:
            account, password = row.id, secret.value
            Op(
                self, self._db, lambda db: accounts.reset_password(db, account, password), self._bus
            ).run()

    def set_pin(self) -> None:
        row = self.selected()
        if row is None:
            return
        secret = SecretDialog.ask(self, self.tr("Set PIN"), row.display_name, pin=True)
        if secret is not None:
            account, pin = row.id, secret.value
            Op(self, self._db, lambda db: accounts.set_pin(db, account, pin), self._bus).run()
