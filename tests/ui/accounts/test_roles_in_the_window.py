"""The window of each role: its pages, who is signed in, switch user, sign out, idle lock."""

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from cs_trainer.services import acting
from cs_trainer.services.acting import Actor
from cs_trainer.store.database import Database
from cs_trainer.ui.app import Application
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.settings import preferences as settings
from tests.conftest import PASSWORD

PAGES = {
    "admin": [
        "Candidates",
        "Interviews",
        "Role-plays",
        "Quizzes",
        "Progress",
        "Statistics",
        "Staff",
        "Accounts",
        "Audit trail",
        "Settings",
    ],
    "hr": ["Candidates", "Interviews", "Staff", "Settings"],
    "trainer": ["Role-plays", "Quizzes", "Progress", "Statistics", "Accounts", "Settings"],
    "trainee": ["Role-plays", "Quizzes", "Progress", "Settings"],
}


def _entries(window: MainWindow) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def _window(qtbot: QtBot, db: Database, name: str = "") -> MainWindow:
    window = MainWindow(db, account_name=name)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("role", list(PAGES))
def test_each_role_gets_its_pages_and_visits_them_without_a_refusal(
    qtbot: QtBot,
    db: Database,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
    settle: Callable[[], None],
    shown_problems: list[str],
    role: str,
) -> None:
    actor = sign_in_as(every_role[role])
    window = _window(qtbot, db, role)
    assert _entries(window) == PAGES[role]
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        qtbot.wait(10)
        settle()
    assert shown_problems == []
    assert window.who_label.text() == f"Signed in: {actor.name} ({_title(role)})"
    assert window.has_page("candidates_page") == (role in ("admin", "hr"))


def _title(role: str) -> str:
    return {"admin": "administrator", "hr": "HR interviewer"}.get(role, role)


def test_a_trainee_practises_only_as_themself(
    qtbot: QtBot,
    db: Database,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
    settle: Callable[[], None],
) -> None:
    trainee = sign_in_as(every_role["trainee"])
    window = _window(qtbot, db, "trainee")
    window.nav.setCurrentRow(PAGES["trainee"].index("Progress"))  # it loads when first shown
    settle()
    for combo in (
        window.roleplay_catalogue.trainee_combo,
        window.quizzes_section.trainee_combo,
        window.progress_section.progress_page.trainee_tab.trainee_combo,
    ):
        assert [combo.itemData(i) for i in range(combo.count())] == [trainee.person_id]
        assert not combo.isEnabled()
    assert window.roleplay_catalogue.new_trainee_button.isHidden()
    assert not window.progress_section.progress_page.tabs.isTabVisible(1)  # no cohorts


def test_without_accounts_the_window_has_every_page_and_no_account_menu(
    qtbot: QtBot, db: Database
) -> None:
    window = _window(qtbot, db)
    assert _entries(window) == [p for p in PAGES["admin"] if p not in ("Accounts", "Audit trail")]
    assert window.menuBar().actions() == []


def _application(db: Database, actor: Actor, name: str) -> Application:
    acting.become(actor)
    application = Application(db, name)
    application.window.show()
    return application


def test_switch_user_rebuilds_the_window_for_the_new_role(
    qtbot: QtBot,
    db: Database,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
) -> None:
    application = _application(db, sign_in_as(every_role["hr"]), "hr")
    first = application.window
    asked: list[QWidget | None] = []

    def sign_in(_db: Database, _name: str, parent: QWidget | None) -> tuple[Actor, str]:
        asked.append(parent)
        return every_role["trainee"], "trainee"

    application.ask_sign_in = sign_in
    first.switch_action.trigger()
    assert asked == [first]
    assert application.window is not first
    qtbot.addWidget(application.window)
    assert acting.current() == every_role["trainee"]
    assert _entries(application.window) == PAGES["trainee"]
    assert application.window.account_name == "trainee"


def test_cancelling_switch_user_keeps_the_account(
    qtbot: QtBot, db: Database, every_role: dict[str, Actor], sign_in_as: Callable[[Actor], Actor]
) -> None:
    application = _application(db, sign_in_as(every_role["hr"]), "hr")
    qtbot.addWidget(application.window)
    first = application.window
    application.ask_sign_in = lambda _db, _name, _parent: None
    application.switch_user()
    assert application.window is first
    assert acting.current() == every_role["hr"]


def test_sign_out_hides_everything_and_signs_in_the_next_account(
    qtbot: QtBot,
    db: Database,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
) -> None:
    application = _application(db, sign_in_as(every_role["admin"]), "admin")
    first = application.window
    seen: list[object] = []

    def sign_in(_db: Database, _name: str, _parent: QWidget | None) -> tuple[Actor, str]:
        seen.append((acting.current(), first.screens.currentIndex(), first.menuBar().isEnabled()))
        return every_role["trainer"], "trainer"

    application.ask_sign_in = sign_in
    first.sign_out_action.trigger()
    assert seen == [(acting.ANONYMOUS, 2, False)]  # nobody acts, nothing shows meanwhile
    qtbot.addWidget(application.window)
    assert _entries(application.window) == PAGES["trainer"]
    assert acting.current() == every_role["trainer"]


def test_cancelling_the_sign_in_after_sign_out_closes_the_window(
    qtbot: QtBot, db: Database, every_role: dict[str, Actor], sign_in_as: Callable[[Actor], Actor]
) -> None:
    application = _application(db, sign_in_as(every_role["hr"]), "hr")
    qtbot.addWidget(application.window)
    application.ask_sign_in = lambda _db, _name, _parent: None
    application.sign_out()
    assert not application.window.isVisible()
    assert acting.current() == acting.ANONYMOUS


def test_the_idle_lock_locks_and_unlocks_only_with_the_password(
    qtbot: QtBot,
    db: Database,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
    settle: Callable[[], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(MainWindow, "idle_interval_ms", 60)
    sign_in_as(every_role["hr"])
    window = _window(qtbot, db, "hr")
    assert not window.locked()
    qtbot.waitUntil(window.locked, timeout=3000)
    assert window.screens.currentWidget() is window.lock_screen
    assert not window.menuBar().isEnabled()
    assert "人事乙" in window.lock_screen.title.text()
    window.lock_screen.secret_edit.setText("not the password")
    window.lock_screen.unlock_button.click()
    settle()
    assert window.locked()
    assert "Wrong sign-in name or password" in window.lock_screen.error_label.text()
    window.lock_screen.secret_edit.setText(PASSWORD)
    window.lock_screen.unlock_button.click()
    settle()
    assert not window.locked()
    assert window.menuBar().isEnabled()
    assert window.idle.timer.isActive()  # counting again


def test_input_keeps_the_window_unlocked(
    qtbot: QtBot,
    db: Database,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(MainWindow, "idle_interval_ms", 300)
    sign_in_as(every_role["trainer"])
    window = _window(qtbot, db, "trainer")
    for _ in range(6):
        qtbot.wait(100)
        qtbot.keyClick(window.nav, "a")
    assert not window.locked()
    qtbot.waitUntil(window.locked, timeout=3000)


def test_the_idle_time_is_the_department_setting_in_minutes(
    qtbot: QtBot, db: Database, every_role: dict[str, Actor], sign_in_as: Callable[[Actor], Actor]
) -> None:
    sign_in_as(every_role["hr"])
    window = _window(qtbot, db, "hr")
    assert window.idle.timer.interval() == 10 * 60_000


def test_an_admin_changes_the_idle_time_on_the_settings_page(
    qtbot: QtBot,
    db: Database,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
    settle: Callable[[], None],
) -> None:
    sign_in_as(every_role["admin"])
    window = _window(qtbot, db, "admin")
    page = window.settings_page
    box = page.editors[settings.IDLE_LOCK_MINUTES.key]
    assert isinstance(box, QSpinBox) and box.isEnabled()
    box.setValue(3)
    page.save()
    settle()
    assert settings.read_department(db, settings.IDLE_LOCK_MINUTES) == 3
    assert window.idle.timer.interval() == 3 * 60_000


@pytest.mark.parametrize("role", ["hr", "trainer", "trainee"])
def test_only_an_admin_edits_the_department_settings(
    qtbot: QtBot,
    db: Database,
    every_role: dict[str, Actor],
    sign_in_as: Callable[[Actor], Actor],
    role: str,
) -> None:
    sign_in_as(every_role[role])
    window = _window(qtbot, db, role)
    department = window.settings_page.editors[settings.IDLE_LOCK_MINUTES.key]
    computer = window.settings_page.editors[settings.LANGUAGE.key]
    assert not department.isEnabled()
    assert computer.isEnabled()
