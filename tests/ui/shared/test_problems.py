"""Problems reach the user through one route: in their language, sized to the screen,
and only bugs reach the crash dialog."""

import errno
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from cs_trainer import changes
from cs_trainer.errors import ContentError, DiskFullError, Problem, message
from cs_trainer.services import candidates
from cs_trainer.store.database import Database
from cs_trainer.ui.shared import operations, problems
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.translation import LanguageSwitch


def _bank_problems(count: int) -> ContentError:
    return ContentError(
        [
            Problem(
                f"questions.xlsx:{row}:3",
                message("the rating anchor is empty", "评分锚点为空"),
            )
            for row in range(2, count + 2)
        ]
    )


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[problems.ProblemListDialog]:
    dialogs: list[problems.ProblemListDialog] = []

    def record(dialog: problems.ProblemListDialog) -> int:
        dialog.show()
        dialogs.append(dialog)
        return 0

    monkeypatch.setattr(problems.ProblemListDialog, "exec", record)
    return dialogs


def test_a_300_problem_bank_opens_a_list_that_fits_the_screen(
    qtbot: QtBot, opened: list[problems.ProblemListDialog]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    problems.show_problem(parent, _bank_problems(300))
    [dialog] = opened  # a child of parent: closed with it
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().width() <= screen.width()
    assert dialog.frameGeometry().height() <= screen.height()
    assert dialog.maximumHeight() <= 768 and dialog.maximumWidth() <= 1366
    button_box = dialog.findChild(QDialogButtonBox)
    assert button_box is not None
    ok = button_box.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isVisible()
    assert dialog.rect().contains(ok.geometry().translated(button_box.pos()))
    assert dialog.text.document().blockCount() == 300
    dialog.copy_all()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert len(copied) == 300 and copied[0] == "questions.xlsx:2:3: the rating anchor is empty"


def test_the_list_is_in_chinese_in_the_chinese_interface(
    qtbot: QtBot, opened: list[problems.ProblemListDialog]
) -> None:
    LanguageSwitch.apply("zh")
    problems.show_problem(None, _bank_problems(12))
    [dialog] = opened
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "无法完成操作"
    assert dialog.text.toPlainText().splitlines()[0] == "questions.xlsx:2:3: 评分锚点为空"
    assert dialog.summary.text() == "发现 12 处问题；没有做任何改动。"


def test_a_known_problem_in_an_operation_is_one_message_and_the_app_goes_on(
    qtbot: QtBot, db: Database, shown_problems: list[str]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def fail(_db: Database) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "/media/usb/sheet.pdf")

    Op(parent, db, fail).run()
    qtbot.waitUntil(lambda: operations.pending() == 0)
    assert shown_problems == [str(DiskFullError("/media/usb/sheet.pdf"))]
    bus = ChangeBus()
    with qtbot.waitSignal(bus.changed) as announced:
        Op(
            parent,
            db,
            lambda database: candidates.add_candidate(
                database, candidates.NewCandidate("李四", "13800000000", "客服专员", consent=True)
            ),
            bus,
        ).run()
    assert announced.args == [frozenset({changes.CANDIDATES})]
    assert [c.name for c in candidates.list_candidates(db)] == ["李四"]


def test_a_bug_in_an_operation_reaches_the_crash_route(qtbot: QtBot, db: Database) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def broken(_db: Database) -> None:
        raise ZeroDivisionError("a bug")

    with qtbot.captureExceptions() as caught:
        Op(parent, db, broken).run()
        qtbot.waitUntil(lambda: operations.pending() == 0)
    assert [type(exc) for exc_type, exc, _tb in caught] == [ZeroDivisionError]


def test_the_work_runs_off_the_gui_thread(qtbot: QtBot, db: Database) -> None:
    app_thread = QApplication.instance().thread()  # type: ignore[union-attr]
    seen: list[bool] = []

    def where(_db: Database) -> bool:
        from PySide6.QtCore import QThread

        return QThread.currentThread() is not app_thread

    Op(QWidget(), db, where).success(seen.append).run()
    qtbot.waitUntil(lambda: seen == [True])


@pytest.mark.expect_logged_errors
def test_the_crash_dialog_says_where_the_log_is(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    try:
        raise RuntimeError("a bug")
    except RuntimeError as exc:
        problems.show_crash(type(exc), exc, exc.__traceback__)
    assert "cs_trainer.log" in shown[0] and str(tmp_path / "xdg-state") in shown[0]


def test_the_acting_account_travels_with_the_work(qtbot: QtBot, db: Database) -> None:
    from cs_trainer.services import acting

    seen: list[acting.Actor] = []
    hr = acting.Actor(7, "hr")
    parent = QWidget()
    qtbot.addWidget(parent)
    with acting.acting_as(hr):
        Op(parent, db, lambda _db: acting.current()).success(seen.append).run()
    Op(parent, db, lambda _db: acting.current()).success(seen.append).run()
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen == [hr, acting.ANONYMOUS]


def test_writes_committed_before_a_failure_are_still_announced(
    qtbot: QtBot, db: Database, shown_problems: list[str]
) -> None:
    bus = ChangeBus()
    parent = QWidget()
    qtbot.addWidget(parent)

    def add_then_fail(database: Database) -> None:
        candidates.add_candidate(
            database, candidates.NewCandidate("钱七", "13800000003", "客服专员", consent=True)
        )
        raise DiskFullError("/data/cs_trainer.sqlite3")

    with qtbot.waitSignal(bus.changed) as announced:
        Op(parent, db, add_then_fail, bus).run()
    qtbot.waitUntil(lambda: operations.pending() == 0)
    assert announced.args == [frozenset({changes.CANDIDATES})]
    assert shown_problems == [str(DiskFullError("/data/cs_trainer.sqlite3"))]


def test_a_page_closed_while_its_work_runs_is_not_called_back(qtbot: QtBot, db: Database) -> None:
    called: list[object] = []
    release = threading.Event()
    parent = QWidget()

    def slow(_db: Database) -> int:
        assert release.wait(10)
        return 1

    Op(parent, db, slow).success(called.append).run()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(parent))
    release.set()
    qtbot.waitUntil(lambda: operations.pending() == 0)
    assert called == []
