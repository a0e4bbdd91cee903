"""Catching a page that writes to the database on the GUI thread.

Every write from the GUI goes through :class:`~cs_trainer.ui.shared.operations.Op`,
which runs it on the worker thread, so the window never freezes on a slow disk or a
lock. A write made on the main thread while code of ``cs_trainer.ui`` is on the stack
is a page that skipped the route: the GUI's tests fail on it, and the app logs it as a
bug. Writes with no UI code on the stack (a test's own set-up, the CLI) are not
counted.
"""

import logging
import sys
import threading
import traceback
from types import TracebackType

from cs_trainer.store import database

_log = logging.getLogger(__name__)


class GuiThreadWrites:
    """While entered, records (and logs) each write session opened by UI code on the
    GUI thread."""

    def __init__(self) -> None:
        self.offences: list[str] = []
        self._guards = database.write_guards

    def __call__(self) -> None:
        if threading.current_thread() is threading.main_thread() and _ui_code_on_stack():
            stack = "".join(traceback.format_stack(limit=14)[:-2])
            self.offences.append(stack)
            _log.error("a database write ran on the GUI thread:\n%s", stack)

    def __enter__(self) -> "GuiThreadWrites":
        self._guards = database.write_guards  # the list it was added to, to leave it again
        self._guards.append(self)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._guards.remove(self)


def _ui_code_on_stack() -> bool:
    frame = sys._getframe(2)
    while frame is not None:
        if str(frame.f_globals.get("__name__", "")).startswith("cs_trainer.ui."):
            return True
        frame = frame.f_back  # type: ignore[assignment]
    return False
