"""Run slow work (writing PDFs, batch exports, later imports) off the GUI thread.

The work is a plain function that never touches a widget; ``on_success``
and ``on_failure`` run back on the GUI thread. A progress dialog appears only
if the work takes longer than a moment, so quick work does not flash a window.

:func:`run_with_progress` is for work long enough to count and to cancel: the
work gets a :class:`ProgressReporter`, the dialog shows "done / total" and a
Cancel button, and Cancel only sets a flag. The work stops at its next check by
raising :class:`~cs_trainer.errors.Interrupted`, which is a quiet cancel here,
never an error box.
"""

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from cs_trainer.errors import Interrupted, UserError
from cs_trainer.ui.shared import problems

PROGRESS_DELAY_MS = 400


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int, str)


class ProgressReporter:
    """What work run by :func:`run_with_progress` gets: a way to report how far it is
    and to ask whether the user pressed Cancel. Safe to use from the worker thread.

    Plain Python on purpose: the work stays free of Qt, so the same function runs
    from the command line with another reporter.
    """

    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def report(self, done: int, total: int, message: str) -> None:
        """``done`` of ``total`` steps are finished; ``message`` names the last one."""
        if not self._cancel.is_set():  # a cancelled dialog is gone; do not bring it back
            self._emit(done, total, message)

    def cancelled(self) -> bool:
        """Whether the user asked to stop; the work then raises Interrupted."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


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
        on_cancelled: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._on_success = on_success
        self._on_cancelled = on_cancelled
        self._signals = _Signals(self)
        self._signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._progress = QProgressDialog(label, "", 0, 0, parent)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(PROGRESS_DELAY_MS)
        self._job = _Job(work, self._signals)
        self._job.setAutoDelete(False)

    @property
    def progress_dialog(self) -> QProgressDialog:
        """The dialog that appears if the work takes more than a moment."""
        return self._progress

    def start(self) -> "Operation":
        QThreadPool.globalInstance().start(self._job)
        return self

    def _succeeded(self, result: object) -> None:
        self._done()
        self._on_success(result)

    def _failed(self, exc: object) -> None:
        self._done()
        if isinstance(exc, Interrupted):  # the user cancelled: nothing to report
            if self._on_cancelled is not None:
                self._on_cancelled()
        elif isinstance(exc, UserError):
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


class ProgressOperation(Operation):
    """An Operation whose work counts its steps and can be cancelled.

    The dialog's bar reads "done / total" and its label names the last step;
    Cancel (or Escape, or closing the dialog) sets the reporter's flag and the
    dialog goes away at once, while the work finishes its current step.
    """

    def __init__(
        self,
        parent: QWidget,
        label: str,
        work: Callable[[ProgressReporter], Any],
        on_success: Callable[[Any], None],
        on_cancelled: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent, label, lambda: work(self.reporter), on_success, on_cancelled)
        self._label = label
        self.reporter = ProgressReporter(self._signals.progressed.emit)
        self._signals.progressed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        bar = QProgressBar(self._progress)
        bar.setFormat("%v / %m")
        self._progress.setBar(bar)
        self._progress.setCancelButtonText(self.tr("Cancel"))
        self._progress.canceled.connect(self.reporter.cancel)

    def _show(self, done: int, total: int, message: str) -> None:
        if self.reporter.cancelled():
            return
        self._progress.setMaximum(total)
        self._progress.setLabelText(f"{self._label}\n{message}" if message else self._label)
        self._progress.setValue(done)


def run_with_progress(
    parent: QWidget,
    label: str,
    work: Callable[[ProgressReporter], Any],
    on_success: Callable[[Any], None],
    on_cancelled: Callable[[], None] | None = None,
) -> ProgressOperation:
    """Start ``work(reporter)`` on the thread pool with a counting, cancellable dialog.

    ``on_success(result)`` or ``on_cancelled()`` runs on the GUI thread; a known
    problem becomes one message, as with :func:`run_in_background`.
    """
    operation = ProgressOperation(parent, label, work, on_success, on_cancelled)
    operation.start()
    return operation
