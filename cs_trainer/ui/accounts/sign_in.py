"""The first administrator, and signing in.

Both dialogs do their work through :class:`~cs_trainer.ui.shared.operations.Op`:
creating the account writes, and signing in writes the failed-try count (and
hashes, which takes a moment), so neither runs on the GUI thread. A refusal
(wrong password, too many tries: "try again in N s") stays on the dialog.
"""

import html
from typing import Any

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

from cs_trainer.services import accounts
from cs_trainer.services.acting import Actor
from cs_trainer.services.permissions import ADMIN
from cs_trainer.store.database import Database
from cs_trainer.ui.shared.bounded_edit import bounded_edit
from cs_trainer.ui.shared.operations import Op

ERROR_STYLE = "color: #b00020;"


def sentence(message: str) -> str:
    """A service's message ("wrong sign-in name…") as a line of its own starts upper-case."""
    return message[:1].upper() + message[1:]


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class _AccountDialog(QDialog):
    """A form, an error line and OK / Cancel; OK runs ``submit``."""

    def __init__(self, db: Database, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._db = db
        self.busy = False
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.form = QFormLayout()
        self.error_label = _error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        self.busy = False
        self.ok_button.setEnabled(True)
        self.error_label.setText(sentence(message))
        self.error_label.show()

    def _run(self, work: "Op[Any]") -> None:
        self.busy = True
        self.ok_button.setEnabled(False)
        self.error_label.hide()
        work.problem(lambda problem: self.show_error(str(problem))).run()


class FirstAdminDialog(_AccountDialog):
    """A database without accounts: create the first administrator (no default password)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(
            db,
            self.tr("Create the first administrator"),
            self.tr(
                "This database has no accounts yet. Create the administrator who will add "
                "the other accounts. There is no default password: choose one of at least "
                "%1 characters and keep it safe."
            ).replace("%1", str(accounts.MIN_PASSWORD)),
            parent,
        )
        self.name_edit = bounded_edit("accounts", "name")
        self.name_edit.setPlaceholderText(self.tr("no spaces, e.g. wang.li"))
        self.display_edit = bounded_edit("accounts", "display_name")
        self.password_edit = _password_edit()
        self.repeat_edit = _password_edit()
        self.form.addRow(self.tr("&Sign-in name"), self.name_edit)
        self.form.addRow(self.tr("&Display name"), self.display_edit)
        self.form.addRow(self.tr("&Password"), self.password_edit)
        self.form.addRow(self.tr("&Repeat password"), self.repeat_edit)
        self.created_name = ""

    def submit(self) -> None:
        if self.busy:
            return
        if self.password_edit.text() != self.repeat_edit.text():
            self.show_error(self.tr("The two passwords differ."))
            return
        new = accounts.NewAccount(
            name=self.name_edit.text().strip(),
            display_name=self.display_edit.text().strip(),
            role=ADMIN,
            password=self.password_edit.text(),
        )
        self._run(
            Op(self, self._db, lambda db: accounts.add_account(db, new)).success(
                lambda _id: self._created(new.name)
            )
        )

    def _created(self, name: str) -> None:
        self.busy = False
        self.created_name = name
        self.accept()

    @classmethod
    def ask(cls, db: Database, parent: QWidget | None = None) -> str | None:
        """The new administrator's sign-in name, or None if cancelled; tests replace this."""
        dialog = cls(db, parent)
        return dialog.created_name if dialog.exec() == QDialog.DialogCode.Accepted else None


class SignInDialog(_AccountDialog):
    """A sign-in name with a password (or a trainee's PIN); ``actor`` once accepted."""

    def __init__(
        self,
        db: Database,
        name: str = "",
        parent: QWidget | None = None,
        *,
        title: str = "",
        intro: str = "",
    ) -> None:
        super().__init__(
            db,
            title or self.tr("Sign in"),
            intro or self.tr("Sign in with your account. Trainees may use their PIN."),
            parent,
        )
        self.name_edit = QLineEdit(name)
        self.secret_edit = _password_edit()
        self.form.addRow(self.tr("&Sign-in name"), self.name_edit)
        self.form.addRow(self.tr("&Password or PIN"), self.secret_edit)
        self.ok_button.setText(self.tr("Sign &in"))
        self.actor: Actor | None = None
        self.signed_in_as = ""
        (self.secret_edit if name else self.name_edit).setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        if self.busy:
            return
        name, secret = self.name_edit.text().strip(), self.secret_edit.text()
        if not name or not secret:
            self.show_error(self.tr("Type your sign-in name and your password or PIN."))
            return
        self._run(
            Op(self, self._db, lambda db: accounts.sign_in(db, name, secret)).success(
                lambda actor: self._signed_in(name, actor)
            )
        )

    def show_error(self, message: str) -> None:
        super().show_error(message)
        self.secret_edit.clear()
        self.secret_edit.setFocus()

    def _signed_in(self, name: str, actor: Actor) -> None:
        self.busy = False
        self.actor, self.signed_in_as = actor, name
        self.accept()

    @classmethod
    def ask(
        cls, db: Database, name: str = "", parent: QWidget | None = None
    ) -> tuple[Actor, str] | None:
        """The account signed in and its sign-in name, or None if cancelled; tests replace this."""
        dialog = cls(db, name, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return None
        return dialog.actor, dialog.signed_in_as


class LockScreen(QWidget):
    """What a locked window shows: whose session it is, their password, or Switch user."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.secret_edit = _password_edit()
        self.secret_edit.setFixedWidth(280)  # centred, a field one can see
        self.secret_edit.setPlaceholderText(self.tr("Password or PIN"))
        self.error_label = _error_label()
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("S&witch user…"))
        self.secret_edit.returnPressed.connect(self.unlock_button.click)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.title)
        column.addWidget(self.secret_edit, 0, Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.error_label)
        for button in (self.unlock_button, self.switch_button):
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        column.addStretch(2)

    def show_for(self, display_name: str, role: str) -> None:
        self.title.setText(
            self.tr("<h2>Locked</h2><p>Signed in as %1 (%2). Type the password to go on.</p>")
            .replace("%1", html.escape(display_name))
            .replace("%2", html.escape(role))
        )
        self.error_label.hide()
        self.secret_edit.clear()
        self.secret_edit.setFocus()

    def show_error(self, message: str) -> None:
        self.error_label.setText(sentence(message))
        self.error_label.show()
        self.secret_edit.clear()
        self.secret_edit.setFocus()
