"""A page that writes to the database on the GUI thread is caught; the route is not."""

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cs_trainer.services import candidates
from cs_trainer.store import database
from cs_trainer.store.database import Database
from cs_trainer.ui.shared import operations
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.write_check import GuiThreadWrites

NEW = candidates.NewCandidate("赵六", "13800000002", "客服专员", consent=True)


def _page_module(db: Database) -> dict[str, object]:
    """Code that runs as if it were a module of cs_trainer.ui."""
    namespace: dict[str, object] = {
        "__name__": "cs_trainer.ui.candidates.a_careless_page",
        "candidates": candidates,
        "Op": Op,
        "QWidget": QWidget,
        "db": db,
        "NEW": NEW,
    }
    code = (
        "def save_on_the_gui_thread():\n"
        "    candidates.add_candidate(db, NEW)\n"
        "def save_through_the_route(parent):\n"
        "    Op(parent, db, lambda database: candidates.add_candidate(database, NEW)).run()\n"
    )
    exec(compile(code, "a_careless_page.py", "exec"), namespace)
    return namespace


@pytest.mark.expect_logged_errors
def test_a_ui_write_on_the_gui_thread_is_an_offence(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "write_guards", [])  # only this test's check
    page = _page_module(db)
    with GuiThreadWrites() as writes:
        page["save_on_the_gui_thread"]()  # type: ignore[operator]
    assert len(writes.offences) == 1 and "a_careless_page.py" in writes.offences[0]


def test_the_same_write_through_the_route_is_fine(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "write_guards", [])
    page = _page_module(db)
    parent = QWidget()
    qtbot.addWidget(parent)
    with GuiThreadWrites() as writes:
        page["save_through_the_route"](parent)  # type: ignore[operator]
        qtbot.waitUntil(lambda: operations.pending() == 0)
    assert writes.offences == []
    assert [c.name for c in candidates.list_candidates(db)] == ["赵六"]


def test_a_tests_own_set_up_write_is_not_an_offence(db: Database) -> None:
    with GuiThreadWrites() as writes:
        candidates.add_candidate(db, NEW)
    assert writes.offences == []
