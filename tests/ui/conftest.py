"""Fixtures for tests that drive real Qt widgets (offscreen unless a test opens Xvfb).

Each test gets its own database file and its own QSettings folder, so tests
never see each other's data or preferences, and never the developer's.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from cs_trainer.services import candidates
from cs_trainer.store.database import Database
from cs_trainer.ui.app import configure_application
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.shared import operations, problems
from cs_trainer.ui.shared.translation import LanguageSwitch
from cs_trainer.ui.shared.write_check import GuiThreadWrites


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """A private QSettings folder, English UI, and no PDF viewer popping up."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    configure_application(qapp)
    settings.write(settings.OPEN_PDF_AFTER_SAVE, False)
    settings.write(settings.LANGUAGE, "en")
    LanguageSwitch.apply("en")
    yield
    LanguageSwitch.apply("en")


@pytest.fixture(autouse=True)
def no_unexpected_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal box a test did not arrange for would block the run until CI times out:
    fail at once instead, naming the message."""

    def refuse(*args: object, **_kwargs: object) -> None:
        texts = [str(arg) for arg in args if isinstance(arg, str)]
        raise AssertionError(f"unexpected modal dialog: {' / '.join(texts)}")

    for name in ("warning", "question", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))


@pytest.fixture
def shown_problems(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages that would have been shown to the user, instead of modal boxes."""
    messages: list[str] = []
    monkeypatch.setattr(
        problems, "show_problem", lambda _parent, problem: messages.append(str(problem))
    )
    return messages


@pytest.fixture(autouse=True)
def no_database_writes_on_the_gui_thread() -> Iterator[None]:
    """Fail any test in which a page wrote to the database on the GUI thread
    (see cs_trainer.ui.shared.write_check); a test's own set-up writes are fine."""
    with GuiThreadWrites() as writes:
        yield
    assert not writes.offences, "a database write ran on the GUI thread:\n" + writes.offences[0]


@pytest.fixture(autouse=True)
def operations_end_with_their_test(qtbot: QtBot) -> Iterator[None]:
    """No operation may outlive its test and write into the next test's database."""
    yield
    qtbot.waitUntil(lambda: operations.pending() == 0, timeout=20_000)


@pytest.fixture
def settle(qtbot: QtBot) -> Callable[[], None]:
    """Wait until every started operation has delivered its result on the GUI thread."""

    def wait() -> None:
        qtbot.waitUntil(lambda: operations.pending() == 0, timeout=20_000)

    return wait


@pytest.fixture
def candidate_id(db: Database) -> int:
    return candidates.add_candidate(
        db, candidates.NewCandidate("张三丰", "13800138000", "客服专员", consent=True)
    )


@pytest.fixture
def window(qtbot: QtBot, db: Database) -> MainWindow:
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main
