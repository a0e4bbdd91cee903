"""The first administrator, signing in (and its refusals), and the start-up order."""

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from cs_trainer.services import accounts
from cs_trainer.services.acting import Actor
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts.sign_in import FirstAdminDialog, SignInDialog
from cs_trainer.ui.app import sign_in_at_start
from tests.conftest import PASSWORD


def test_the_first_admin_dialog_creates_an_administrator(
    qtbot: QtBot, db: Database, settle: Callable[[], None]
) -> None:
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("wang.li")
    dialog.display_edit.setText("王丽")
    dialog.password_edit.setText(PASSWORD)
    dialog.repeat_edit.setText(PASSWORD)
    dialog.submit()
    settle()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.created_name == "wang.li"
    actor = accounts.sign_in(db, "wang.li", PASSWORD)
    assert (actor.role, actor.name) == ("admin", "王丽")


def test_the_first_admin_dialog_refuses_differing_and_short_passwords(
    qtbot: QtBot, db: Database, settle: Callable[[], None]
) -> None:
    dialog = FirstAdminDialog(db)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("wang.li")
    dialog.password_edit.setText(PASSWORD)
    dialog.repeat_edit.setText(PASSWORD + "x")
    dialog.submit()
    assert "differ" in dialog.error_label.text()
    dialog.password_edit.setText("short")
    dialog.repeat_edit.setText("short")
    dialog.submit()
    settle()
    assert "A password has at least 8 characters" in dialog.error_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not accounts.accounts_exist(db)


def _sign_in(qtbot: QtBot, db: Database, name: str, secret: str) -> SignInDialog:
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    dialog.name_edit.setText(name)
    dialog.secret_edit.setText(secret)
    dialog.submit()
    return dialog


def test_sign_in_succeeds_with_the_password_or_a_trainees_pin(
    qtbot: QtBot, db: Database, every_role: dict[str, Actor], settle: Callable[[], None]
) -> None:
    by_password = _sign_in(qtbot, db, "hr", PASSWORD)
    by_pin = _sign_in(qtbot, db, "trainee", "2468")
    settle()
    assert by_password.actor == every_role["hr"]
    assert by_password.signed_in_as == "hr"
    assert by_pin.actor == every_role["trainee"]
    assert by_pin.result() == QDialog.DialogCode.Accepted


def test_a_refused_sign_in_stays_on_the_dialog_and_says_why_then_throttles(
    qtbot: QtBot, db: Database, every_role: dict[str, Actor], settle: Callable[[], None]
) -> None:
    dialog = _sign_in(qtbot, db, "hr", "wrong password")
    settle()
    assert dialog.actor is None
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Wrong sign-in name or password" in dialog.error_label.text()
    assert dialog.secret_edit.text() == ""  # cleared for the next try
    for _ in range(2):
        dialog.secret_edit.setText("wrong password")
        dialog.submit()
        settle()
    dialog.secret_edit.setText(PASSWORD)  # right, but too soon after three failures
    dialog.submit()
    settle()
    assert dialog.actor is None
    assert "try again in 1 s" in dialog.error_label.text()


def test_start_up_asks_for_the_first_admin_then_signs_in(
    db: Database, every_role: dict[str, Actor]
) -> None:
    asked: list[str] = []

    def first_admin(_db: Database, _parent: QWidget | None) -> str | None:
        raise AssertionError("accounts exist: no first-admin dialog")

    def sign_in(_db: Database, name: str, _parent: QWidget | None) -> tuple[Actor, str] | None:
        asked.append(name)
        return every_role["trainer"], "trainer"

    assert sign_in_at_start(db, first_admin, sign_in) == (every_role["trainer"], "trainer")
    assert asked == [""]


def test_start_up_without_accounts_creates_the_admin_and_cancelling_quits(
    db: Database,
) -> None:
    asked: list[str] = []

    def sign_in(_db: Database, name: str, _parent: QWidget | None) -> tuple[Actor, str] | None:
        asked.append(name)
        return None

    assert sign_in_at_start(db, lambda _db, _p: None, sign_in) is None
    assert asked == []  # cancelling the first-admin dialog quits before any sign-in
    assert sign_in_at_start(db, lambda _db, _p: "wang.li", sign_in) is None
    assert asked == ["wang.li"]  # the new admin's name is filled in; cancelling quits
