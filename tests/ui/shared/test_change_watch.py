"""A page shows what another laptop changed, without a restart; our own writes are not news."""

import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from cs_trainer.services import candidates
from cs_trainer.services.candidates import NewCandidate
from cs_trainer.store.database import Database
from cs_trainer.ui.main_window import MainWindow


def _on_another_laptop(db: Database, write: Callable[[Database], object]) -> None:
    """``write`` through a second engine on the same database, off the GUI thread."""
    laptop = Database.open(db.url)
    worker = threading.Thread(target=lambda: write(laptop))
    worker.start()
    worker.join()
    laptop.dispose()


def test_a_candidate_another_laptop_registers_appears_after_the_next_poll(
    qtbot: QtBot, window: MainWindow, db: Database, settle: Callable[[], None]
) -> None:
    settle()
    added: list[int] = []
    _on_another_laptop(
        db,
        lambda laptop: added.append(
            candidates.add_candidate(laptop, NewCandidate("另一台", "13900000009", "客服", True))
        ),
    )
    page = window.candidates_page
    assert page.model.row_of(added[0]) is None  # nothing told this window yet

    window.change_watch.poll()
    qtbot.waitUntil(lambda: page.model.row_of(added[0]) is not None, timeout=10_000)


def test_our_own_writes_are_not_announced_again(
    qtbot: QtBot, window: MainWindow, db: Database, settle: Callable[[], None]
) -> None:
    settle()
    candidates.add_candidate(db, NewCandidate("本机", "13900000008", "客服", True))
    announced: list[frozenset[str]] = []
    window.bus.changed.connect(announced.append)

    window.change_watch.poll()
    qtbot.waitUntil(lambda: not window.change_watch.polling, timeout=10_000)
    assert announced == []
    _on_another_laptop(
        db,
        lambda laptop: candidates.add_candidate(
            laptop, NewCandidate("另一台", "13900000007", "客服", True)
        ),
    )
    window.change_watch.poll()
    qtbot.waitUntil(lambda: bool(announced), timeout=10_000)
    assert announced == [frozenset({"candidates"})]
