"""What a user sees when the laptop, not the input, stops an action.

A full database (SQLite's ``max_page_count``), a read-only database and a lock held
by another program past the busy timeout: each action gives its own plain message,
no crash dialog, the page stays usable, and what was saved before is intact. The
personal-data marker appears in no message and in no log line.
"""

import logging
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from cs_trainer.quizzes.bank_io import write_bank
from cs_trainer.quizzes.interview_content import builtin_bank
from cs_trainer.services import banks, candidates, selftests
from cs_trainer.store.database import Database
from cs_trainer.ui.interviews.plans_page import PlansPage
from cs_trainer.ui.selftest.selftest_page import SelfTestPage
from cs_trainer.ui.shared.changes import ChangeBus

MARKER = "隐私标记K3"
PHONE = "13955556666"


@pytest.fixture
def attempt(db: Database) -> int:
    person = candidates.add_candidate(
        db, candidates.NewCandidate(MARKER, PHONE, "客服专员", consent=True)
    )
    attempt_id = selftests.start_selftest(db, person, "self", "王经理")
    items = selftests.load_progress(db, attempt_id).instrument.items
    selftests.record_answer(db, attempt_id, items[0].id, 7)
    return attempt_id


def _page(qtbot: QtBot, db: Database, attempt_id: int) -> SelfTestPage:
    page = SelfTestPage(db, ChangeBus())
    qtbot.addWidget(page)
    page.start(selftests.load_progress(db, attempt_id))
    page.show()
    qtbot.keyClick(page, Qt.Key.Key_Return)  # Begin: on to the first pair not answered
    assert page.counter_label.text() == "2 / 10"
    return page


def _saved(db: Database, attempt_id: int) -> dict[str, int]:
    return dict(selftests.load_progress(db, attempt_id).answers)


def _no_marker(messages: list[str], caplog: pytest.LogCaptureFixture) -> None:
    text = "\n".join(messages) + "\n".join(record.getMessage() for record in caplog.records)
    assert MARKER not in text and PHONE not in text


@pytest.fixture
def logged(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    with caplog.at_level(logging.DEBUG):
        yield caplog


def test_a_locked_database_is_one_message_and_the_answer_can_be_given_again(
    qtbot: QtBot,
    db: Database,
    db_path: Path,
    attempt: int,
    shown_problems: list[str],
    settle: Callable[[], None],
    logged: pytest.LogCaptureFixture,
) -> None:
    hurried = Database(db.url, busy_timeout_ms=300)
    page = _page(qtbot, hurried, attempt)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        qtbot.keyClick(page, Qt.Key.Key_8)
        settle()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(shown_problems) == 1 and "busy" in shown_problems[0]
    assert "damaged" not in shown_problems[0]
    assert page.counter_label.text() == "2 / 10"  # still on the pair, nothing skipped
    with qtbot.waitSignal(page.answer_saved):
        qtbot.keyClick(page, Qt.Key.Key_8)  # the lock is gone: the same key works now
    assert list(_saved(db, attempt).values()) == [7, 8]
    _no_marker(shown_problems, logged)
    hurried.dispose()


def test_a_read_only_database_is_one_message_and_keeps_the_saved_answers(
    qtbot: QtBot,
    db: Database,
    db_path: Path,
    attempt: int,
    shown_problems: list[str],
    settle: Callable[[], None],
    logged: pytest.LogCaptureFixture,
) -> None:
    read_only = Database(f"sqlite:///file:{db_path}?mode=ro&uri=true")
    page = _page(qtbot, read_only, attempt)
    qtbot.keyClick(page, Qt.Key.Key_8)
    settle()
    assert len(shown_problems) == 1 and "can only be read" in shown_problems[0]
    assert page.counter_label.text() == "2 / 10"
    qtbot.keyClick(page, Qt.Key.Key_Left)  # the page still answers the keyboard
    assert page.counter_label.text() == "1 / 10"
    assert list(_saved(db, attempt).values()) == [7]
    _no_marker(shown_problems, logged)
    read_only.dispose()


def test_a_full_database_is_one_message_and_imports_nothing(
    qtbot: QtBot,
    db: Database,
    attempt: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
    settle: Callable[[], None],
    logged: pytest.LogCaptureFixture,
) -> None:
    with db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar_one()
    full = Database(db.url)  # every connection it opens may not grow the file
    event.listen(
        full.engine, "connect", lambda raw, _r: raw.execute(f"PRAGMA max_page_count = {pages}")
    )
    source = tmp_path / "our_bank.yaml"
    write_bank(builtin_bank().content.model_copy(update={"id": "our_bank"}), source)
    monkeypatch.setattr(PlansPage, "ask_open_path", classmethod(lambda cls, parent: source))
    page = PlansPage(full, ChangeBus())
    qtbot.addWidget(page)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    settle()
    assert len(shown_problems) == 1
    assert "Free some disk space" in shown_problems[0]
    assert "nothing already saved was lost" in shown_problems[0]
    assert [b.bank_id for b in banks.list_banks(db)] == [builtin_bank().content.id]
    assert list(_saved(db, attempt).values()) == [7]
    _no_marker(shown_problems, logged)
    full.dispose()
