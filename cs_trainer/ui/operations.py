"""Run slow work (writing PDFs, later imports and exports) off the GUI thread.

The work is a plain function that never touches a widget; ``on_success``
and ``on_failure`` run back on the GUI thread. A progress dialog appears only
if the work takes longer than a moment, so quick work does not flash a window.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from cs_trainer.errors import UserError
from cs_trainer.ui import problems

PROGRESS_DELAY_MS = 400


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # handed to the GUI thread, which decides what it is
            self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class Operation(QObject):
    """One piece of background work with its callbacks; keep a reference until done."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[], Any],
        on_success: Callable[[Any], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._on_success = on_success
        self._signals = _Signals(self)
        self._signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._progress = QProgressDialog(label, "", 0, 0, parent)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(PROGRESS_DELAY_MS)
        self._job = _Job(work, self._signals)
        self._job.setAutoDelete(False)

    def start(self) -> "Operation":
        QThreadPool.globalInstance().start(self._job)
        return self

    def _succeeded(self, result: object) -> None:
        self._done()
        self._on_success(result)

    def _failed(self, exc: object) -> None:
        self._done()
        if isinstance(exc, UserError):
            problems.show_problem(self._parent, str(exc))
        elif isinstance(exc, OSError):
            problems.show_problem(
                self._parent, f"{exc.strerror or exc}: {exc.filename or ''}".strip(": ")
            )
        else:
            assert isinstance(exc, BaseException)
            raise exc

    def _done(self) -> None:
        self._progress.reset()
        self._progress.close()
        self.finished.emit()
        self.deleteLater()


def run_in_background(
    parent: QWidget, label: str, work: Callable[[], Any], on_success: Callable[[Any], None]
) -> Operation:
    """Start ``work`` on the thread pool; returns the Operation (its ``finished`` signal)."""
    return Operation(parent, label, work, on_success).start()
