"""Cycles are collected on the GUI thread, however much an operation's work allocates.

Collected on the worker thread, a cycle holding a Qt object deletes that object there,
while the GUI thread may be using it: the suite once died of it ("Bus error" in a thread
with no Python frame, during an export). Here the work allocates far past the
collector's thresholds, which would run the automatic collector on the worker thread.
"""

import functools
import threading
import time
import weakref

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from cs_trainer.store.database import Database
from cs_trainer.ui.shared.operations import Op


class _Cycle:
    def __init__(self) -> None:
        self.itself = self
        self.qt_object = QObject()


def _allocate(_db: Database) -> list[list[int]]:
    return [[n] for n in range(300_000)]  # kept: the collector counts what stays allocated


def test_a_cycle_with_a_qt_object_is_freed_on_the_gui_thread(qtbot: QtBot, db: Database) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    freed_on: list[int] = []
    cycle = _Cycle()
    weakref.finalize(cycle, lambda: freed_on.append(threading.get_ident()))
    del cycle
    done: list[list[list[int]]] = []
    Op(parent, db, _allocate).success(done.append).run()
    qtbot.waitUntil(lambda: bool(done), timeout=20_000)
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5_000)
    assert len(done[0]) == 300_000
    assert freed_on == [threading.get_ident()]


def _number(n: int, _db: Database) -> int:
    return n


def test_every_operation_and_its_relay_are_freed_on_the_gui_thread(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker must never drop an operation's last reference: freeing the relay's
    wrapper there while the GUI thread destroys the relay crashed the suite
    (``cleanOrphanedConnectionsImpl``, in the settings page's saves). The worker here
    lingers after handing over the result, so the GUI thread is done with it first."""
    handed_over = Op._run_work

    def linger(self: Op[object]) -> None:
        handed_over(self)
        time.sleep(0.005)

    monkeypatch.setattr(Op, "_run_work", linger)
    parent = QWidget()
    qtbot.addWidget(parent)
    freed_on: list[str] = []
    done: list[int] = []
    for n in range(50):
        op = Op(parent, db, functools.partial(_number, n)).success(done.append)
        weakref.finalize(op, lambda: freed_on.append(threading.current_thread().name))
        op.run()
        del op
    qtbot.waitUntil(lambda: len(done) == 50, timeout=20_000)
    Op(parent, db, lambda _db: None).run()  # a later operation frees the ones let go of
    qtbot.waitUntil(lambda: len(freed_on) >= 49, timeout=20_000)
    assert set(freed_on) == {threading.main_thread().name}
