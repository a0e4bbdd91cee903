"""User management: an admin's accounts, a trainer's trainee accounts."""

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from cs_trainer.errors import SignInRefusedError
from cs_trainer.services import accounts
from cs_trainer.services.accounts import NewAccount
from cs_trainer.services.acting import Actor
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts.users_page import AddAccountDialog, NewSecret, SecretDialog, UsersPage
from cs_trainer.ui.shared.changes import ChangeBus
from tests.conftest import PASSWORD


def _page(qtbot: QtBot, db: Database) -> UsersPage:
    bus = ChangeBus()
    page = UsersPage(db, bus)
    page.bus_keeper = bus  # type: ignore[attr-defined]
    qtbot.addWidget(page)
    return page


def _names(page: UsersPage) -> list[str]:
    return [row.name for row in page.model.rows]


def test_an_admin_adds_disables_enables_and_resets_an_account(
    qtbot: QtBot,
    db: Database,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
    settle: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sign_in_as(every_role["admin"])
    page = _page(qtbot, db)
    assert sorted(_names(page)) == ["admin", "hr", "trainee", "trainer"]
    new = NewAccount("li.ming", "李明", "hr", "another long password")
    monkeypatch.setattr(AddAccountDialog, "ask", classmethod(lambda cls, *_a: new))
    page.add_button.click()
    settle()
    assert "li.ming" in _names(page)
    assert page.selected() is not None and page.selected().name == "li.ming"  # type: ignore[union-attr]
    assert accounts.sign_in(db, "li.ming", "another long password").name == "李明"

    page.disable_button.click()
    settle()
    assert page.selected().disabled  # type: ignore[union-attr]
    assert page.disable_button.text() == "&Enable"
    with pytest.raises(SignInRefusedError):
        accounts.sign_in(db, "li.ming", "another long password")
    page.disable_button.click()
    settle()
    assert not page.selected().disabled  # type: ignore[union-attr]

    secret = NewSecret("a brand new password", pin=False)
    monkeypatch.setattr(SecretDialog, "ask", classmethod(lambda cls, *_a, **_k: secret))
    page.reset_button.click()
    settle()
    assert accounts.sign_in(db, "li.ming", "a brand new password").role == "hr"


def test_a_trainer_sees_only_trainee_accounts_and_sets_their_pin(
    qtbot: QtBot,
    db: Database,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
    settle: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
) -> None:
    sign_in_as(every_role["trainer"])
    page = _page(qtbot, db)
    assert _names(page) == ["trainee"]
    assert page.disable_button.isHidden() and page.reset_button.isHidden()
    page.select(page.model.rows[0].id)
    assert page.pin_button.isEnabled()
    monkeypatch.setattr(
        SecretDialog, "ask", classmethod(lambda cls, *_a, **_k: NewSecret("9753", pin=True))
    )
    page.pin_button.click()
    settle()
    assert accounts.sign_in(db, "trainee", "9753") == every_role["trainee"]
    new = NewAccount("xiao.hong", "小红", "trainee", pin="1357")
    monkeypatch.setattr(AddAccountDialog, "ask", classmethod(lambda cls, *_a: new))
    page.add_button.click()
    settle()
    assert shown_problems == []
    assert sorted(_names(page)) == ["trainee", "xiao.hong"]
    assert accounts.sign_in(db, "xiao.hong", "1357").role == "trainee"


def test_the_add_dialog_offers_the_roles_given_and_a_pin_for_trainees_only(
    qtbot: QtBot, db: Database
) -> None:
    dialog = AddAccountDialog(db, ("admin", "trainee"))
    qtbot.addWidget(dialog)
    assert not dialog.pin_edit.isEnabled()
    dialog.role_combo.setCurrentIndex(1)
    assert dialog.pin_edit.isEnabled()
    dialog.name_edit.setText("xiao.hong")
    dialog.pin_edit.setText("1357")
    dialog._check()
    assert dialog.result() == 1
    assert dialog.request() == NewAccount("xiao.hong", "", "trainee", "", "1357", None)


def test_the_add_dialog_wants_the_same_password_twice(qtbot: QtBot, db: Database) -> None:
    dialog = AddAccountDialog(db, ("hr",))
    qtbot.addWidget(dialog)
    dialog.password_edit.setText(PASSWORD)
    dialog.repeat_edit.setText(PASSWORD + "!")
    dialog._check()
    assert dialog.result() == 0
    assert "differ" in dialog.error_label.text()
