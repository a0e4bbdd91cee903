"""The Data menu (back up, restore, check) and opening a damaged file at start."""

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from cs_trainer.errors import DamagedDatabaseError
from cs_trainer.services import acting, candidates
from cs_trainer.services.acting import Actor
from cs_trainer.services.candidates import NewCandidate
from cs_trainer.store import backup_files
from cs_trainer.store.database import Database
from cs_trainer.store.models import Person
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.shared import damaged_file
from tests.conftest import flip_data_pages

pytestmark = pytest.mark.sqlite_only("backups copy the SQLite file")


def add(db: Database, name: str, phone: str) -> None:
    candidates.add_candidate(db, NewCandidate(name, phone, "客服专员", True))


def names(db: Database) -> list[str]:
    with db.reading() as session:
        query = select(Person.name).where(Person.kind == "candidate").order_by(Person.id)
        return list(session.scalars(query))


@pytest.fixture
def become() -> Iterator[Callable[[Actor], None]]:
    yield acting.become
    acting.become(acting.ANONYMOUS)


@pytest.fixture
def admin_window(
    qtbot: QtBot, db: Database, every_role: dict[str, Actor], become: Callable[[Actor], None]
) -> MainWindow:
    become(every_role["admin"])
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_back_up_now_writes_a_backup_and_says_where(
    admin_window: MainWindow, db: Database, db_path: Path, settle: Callable[[], None]
) -> None:
    add(db, "备份甲", "13800138000")
    admin_window.backup_menu.back_up_action.trigger()
    settle()
    [(_when, made)] = backup_files.backups_of(db_path)
    assert str(made) in admin_window.statusBar().currentMessage()
    assert admin_window.backup_menu.back_up_action.isEnabled()  # enabled again once done


def test_restore_asks_first_then_restores_and_backs_up_what_it_replaced(
    qtbot: QtBot,
    admin_window: MainWindow,
    db: Database,
    db_path: Path,
    settle: Callable[[], None],
    tmp_path: Path,
) -> None:
    add(db, "恢复前甲", "13800138000")
    kept = backup_files.back_up_file(db_path, datetime(2026, 12, 1, 9, 0))
    add(db, "恢复后乙", "13900139000")
    menu = admin_window.backup_menu
    asked: list[str] = []
    told: list[str] = []
    menu.choose_backup = lambda _parent, folder: kept if folder == kept.parent else None

    def decline(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return False

    menu.confirm = decline
    menu.inform = lambda _parent, _title, text: told.append(text)
    menu.restore_action.trigger()
    settle()
    assert names(db) == ["恢复前甲", "恢复后乙"] and told == []  # declined: nothing changed
    assert kept.name in asked[0] and "backed up first" in asked[0]
    menu.confirm = lambda _parent, _title, _text: True
    with qtbot.waitSignal(admin_window.sign_out_requested):  # accounts were restored too
        menu.restore_action.trigger()
        settle()
    assert names(db) == ["恢复前甲"]
    [before] = [path for _when, path in backup_files.backups_of(db_path) if path != kept]
    assert str(before) in told[0]
    with closing(sqlite3.connect(before)) as raw:
        query = "SELECT name FROM people WHERE kind = 'candidate'"
        assert len(raw.execute(query).fetchall()) == 2


def test_check_says_the_database_passed(
    admin_window: MainWindow, settle: Callable[[], None]
) -> None:
    told: list[str] = []
    admin_window.backup_menu.inform = lambda _parent, _title, text: told.append(text)
    admin_window.backup_menu.check_action.trigger()
    settle()
    assert told == ["The database passed every check (integrity and references)."]


def test_only_an_administrator_has_the_data_menu(
    qtbot: QtBot, db: Database, every_role: dict[str, Actor], become: Callable[[Actor], None]
) -> None:
    for role in ("hr", "trainer", "trainee", "admin"):
        become(every_role[role])
        shown = MainWindow(db)
        qtbot.addWidget(shown)
        titles = [action.text() for action in shown.menuBar().actions()]
        assert ("&Data" in titles) == (role == "admin"), role
        assert shown.has_page("backup_menu") == (role == "admin")


@pytest.fixture
def damaged_with_backup(db: Database, db_path: Path) -> Path:
    add(db, "好数据甲", "13800138000")
    good = backup_files.back_up_file(db_path, datetime(2026, 12, 1, 9, 0))
    with db.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE filler (body TEXT)")
        for _row in range(300):
            connection.exec_driver_sql("INSERT INTO filler VALUES ('" + "数据" * 200 + "')")
    db.dispose()
    flip_data_pages(db_path)
    return good


def test_a_damaged_file_at_start_offers_the_newest_good_backup(
    damaged_with_backup: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[Path | None] = []

    def ask(_parent: object, problem: DamagedDatabaseError) -> bool:
        offered.append(problem.backup)
        return True

    told: list[str] = []
    monkeypatch.setattr(damaged_file, "ask_to_restore", ask)
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text: told.append(text))
    )
    opened = damaged_file.open_database(str(db_path))
    assert opened is not None
    try:
        assert offered == [damaged_with_backup]
        assert names(opened) == ["好数据甲"]
        assert str(damaged_with_backup) in told[0] and "-damaged-" in told[0]
    finally:
        opened.dispose()


def test_quitting_at_the_damaged_file_leaves_it_as_it_was(
    damaged_with_backup: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = db_path.read_bytes()
    monkeypatch.setattr(damaged_file, "ask_to_restore", lambda _parent, _problem: False)
    assert damaged_file.open_database(str(db_path)) is None
    assert db_path.read_bytes() == before


def test_a_damaged_file_without_a_backup_says_so_and_quits(
    db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE filler (body TEXT)")
        for _row in range(300):
            connection.exec_driver_sql("INSERT INTO filler VALUES ('" + "数据" * 200 + "')")
    db.dispose()
    flip_data_pages(db_path)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda _p, _t, text: shown.append(text))
    )
    assert damaged_file.open_database(str(db_path)) is None
    assert "no good backup" in shown[0]


def test_an_empty_file_at_start_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text: told.append(text))
    )
    opened = damaged_file.open_database(str(path))
    assert opened is not None
    opened.dispose()
    assert len(told) == 1 and "empty file" in told[0]


def test_the_damaged_file_dialog_in_chinese(
    qtbot: QtBot, damaged_with_backup: Path, db_path: Path
) -> None:
    """A look at the real dialog (screenshot), and its buttons: Quit is the default."""
    from cs_trainer.ui.shared.translation import LanguageSwitch

    LanguageSwitch.apply("zh")
    problem = DamagedDatabaseError(str(db_path), damaged_with_backup, looked=True)
    box_seen: list[QMessageBox] = []

    def look() -> None:
        box = next(w for w in qtbot_app_widgets() if isinstance(w, QMessageBox))
        box_seen.append(box)
        box.grab().save(str(db_path.with_name("damaged-zh.png")))
        box.defaultButton().click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(200, look)
    assert damaged_file.ask_to_restore(None, problem) is False
    assert "已损坏" in box_seen[0].text()
    titles = [button.text() for button in box_seen[0].buttons()]
    assert any("恢复" in title for title in titles) and any("退出" in title for title in titles)


def qtbot_app_widgets() -> list[object]:
    from PySide6.QtWidgets import QApplication

    return list(QApplication.topLevelWidgets())
