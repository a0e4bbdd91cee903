"""The one route for work that changes data or takes time: :class:`Op`.

Modelled on Anki's ``CollectionOp``/``QueryOp``. The work is a plain function given
the :class:`~cs_trainer.store.database.Database` (never a widget); it runs on one
worker thread that every operation shares, so writes never overlap and never block
the window. Its result comes back to ``success`` on the GUI thread; a known problem
(:class:`~cs_trainer.errors.UserError`, or an environment ``OSError``) becomes one
message through :mod:`cs_trainer.ui.shared.problems`; a bug reaches the crash
dialog. The kinds of data the services report changing (``db.writing(kind)``) are
broadcast once on the :class:`~cs_trainer.ui.shared.changes.ChangeBus`, so pages
never announce changes themselves.

A progress dialog appears only if the work takes longer than a moment. Work that
counts its steps gets a :class:`ProgressReporter` (:meth:`Op.counting`): the dialog
shows "done / total" and Cancel, and Cancel only sets a flag; the work stops at its
next check by raising :class:`~cs_trainer.errors.Interrupted`, a quiet stop.

The acting account travels with the work (:mod:`cs_trainer.services.acting`): the
context the operation was started in is the one the work runs in.
"""

import contextvars
import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget
from shiboken6 import isValid

from cs_trainer import changes, known_problems
from cs_trainer.errors import Interrupted, UserError
from cs_trainer.store.database import Database
from cs_trainer.ui.shared import gui_thread_gc, problems
from cs_trainer.ui.shared.changes import ChangeBus

T = TypeVar("T")
PROGRESS_DELAY_MS = 400
_log = logging.getLogger(__name__)
_running: set["Op[object]"] = set()
_finished: list["Op[object]"] = []  # done on the GUI thread; freed once the worker let go
_pool: QThreadPool | None = None


def _free_released() -> None:
    """On the GUI thread: free the finished operations their worker has let go of."""
    still_held = []
    for op in _finished:
        if op._released.is_set():
            op.relay.deleteLater()
        else:
            still_held.append(op)
    _finished[:] = still_held


def pending() -> int:
    """How many operations have started and not yet delivered; tests wait for 0."""
    return len(_running)


def worker_pool() -> QThreadPool:
    """The one thread every operation runs on, in the order they were started.

    Before it first runs, the cycle collector moves to the GUI thread: collected on
    the worker, a cycle holding a Qt object deletes that object on the wrong thread.
    """
    global _pool
    if _pool is None:
        gui_thread_gc.install()
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)
    return _pool


class ProgressReporter:
    """What counting work gets: a way to say how far it is and to ask whether the user
    pressed Cancel. Plain Python and safe from the worker thread, so the same work runs
    from the command line with another reporter."""

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


class _Relay(QObject):
    """Carries the worker's outcome to the GUI thread (queued across threads)."""

    succeeded = Signal(object, object)
    failed = Signal(object, object)
    progressed = Signal(int, int, str)
    finished = Signal()


class _Job(QRunnable):
    """Runs ``run`` on the worker, then lets go of it and says so (``released``).

    The worker must never drop the last reference to an operation: its relay's Python
    wrapper would then be freed on the worker while the GUI thread destroys the relay,
    and both edit the relay's connection list at once ("Segmentation fault" in
    ``cleanOrphanedConnectionsImpl`` on the GUI thread). So the GUI thread keeps every
    finished operation until its job is released, and frees it there.
    """

    def __init__(self, run: Callable[[], None], released: threading.Event) -> None:
        super().__init__()
        self._run: Callable[[], None] | None = run
        self._released = released

    def run(self) -> None:
        work, self._run = self._run, None
        try:
            if work is not None:
                work()
        finally:
            del work
            self._released.set()


class Op(Generic[T]):
    """One operation: ``Op(parent, db, work).success(show).run()``.

    ``parent`` owns the messages and the progress dialog; ``bus`` (if given) receives
    the changed kinds. Keep nothing: the module keeps the operation until it is done.
    """

    def __init__(
        self,
        parent: QWidget,
        db: Database,
        work: Callable[[Database], T],
        bus: ChangeBus | None = None,
    ) -> None:
        self._parent = parent
        self._db = db
        self._work = work
        self._bus = bus
        self._on_success: Callable[[T], None] | None = None
        self._on_problem: Callable[[UserError], None] | None = None
        self._on_cancelled: Callable[[], None] | None = None
        self._label: str | None = None
        self.reporter: ProgressReporter | None = None
        # Not the page's child (the page may close first) but the application's: Qt owns
        # it, so it dies by deleteLater on the GUI thread, never with the last Python
        # reference to this operation, which the worker thread may hold.
        self.relay = _Relay(QCoreApplication.instance())
        self.relay.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self.relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.progress_dialog: QProgressDialog | None = None
        self._released = threading.Event()

    @classmethod
    def counting(
        cls,
        parent: QWidget,
        db: Database,
        work: Callable[[Database, ProgressReporter], T],
        bus: ChangeBus | None = None,
    ) -> "Op[T]":
        """Work that reports its steps and can be cancelled; call :meth:`with_progress`."""
        op = cls(parent, db, lambda database: work(database, reporter), bus)
        reporter = op.reporter = ProgressReporter(op.relay.progressed.emit)
        return op

    def success(self, callback: Callable[[T], None]) -> "Op[T]":
        self._on_success = callback
        return self

    def problem(self, callback: Callable[[UserError], None]) -> "Op[T]":
        """Handle a known problem here instead of showing it (e.g. to stay on a form)."""
        self._on_problem = callback
        return self

    def cancelled(self, callback: Callable[[], None]) -> "Op[T]":
        self._on_cancelled = callback
        return self

    def with_progress(self, label: str) -> "Op[T]":
        """Show ``label`` in a dialog if the work takes longer than a moment."""
        self._label = label
        return self

    @property
    def finished(self) -> SignalInstance:
        """Emitted on the GUI thread after the outcome was handled."""
        return self.relay.finished

    def run(self) -> "Op[T]":
        if self._label is not None:
            self.progress_dialog = self._make_dialog(self._label)
        _running.add(self)  # type: ignore[arg-type]
        _free_released()
        context = contextvars.copy_context()
        worker_pool().start(_Job(lambda: context.run(self._run_work), self._released))
        return self

    def _run_work(self) -> None:
        with changes.recording() as changed:
            try:
                result = self._work(self._db)
            except BaseException as exc:  # handed to the GUI thread, which tells what it is
                # Writes committed before the failure stay; pages must still hear of them.
                self.relay.failed.emit(exc, frozenset(changed))
                return
        self.relay.succeeded.emit(result, frozenset(changed))

    def _succeeded(self, result: T, changed: frozenset[str]) -> None:
        try:
            self._close_dialog()
            self._announce(changed)
            if not isValid(self._parent):
                return  # the page closed while its work ran: the work is done, nobody to tell
            if self._on_success is not None:
                self._on_success(result)
        finally:
            self._done()

    def _failed(self, exc: BaseException, changed: frozenset[str]) -> None:
        try:
            self._close_dialog()
            self._announce(changed)
            known = _known_problem(exc)
            if known is not None and not isValid(self._parent):
                _log.info("a closed page's operation met a known problem: %s", known)
                return
            if isinstance(exc, Interrupted):
                if self._on_cancelled is not None:
                    self._on_cancelled()
            elif known is not None and self._on_problem is not None:
                self._on_problem(known)
            elif known is not None:
                problems.show_problem(self._parent, known)
            else:
                raise exc  # a bug: sys.excepthook shows the crash dialog
        finally:
            self._done()

    def _announce(self, changed: frozenset[str]) -> None:
        if changed and self._bus is not None and isValid(self._bus):
            self._bus.announce(*changed)

    def _done(self) -> None:
        _running.discard(self)
        self.relay.finished.emit()
        _finished.append(self)  # type: ignore[arg-type]
        _free_released()

    def _make_dialog(self, label: str) -> QProgressDialog:
        dialog = QProgressDialog(label, "", 0, 0, self._parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        if self.reporter is None:
            dialog.setCancelButton(None)
            return dialog
        bar = QProgressBar(dialog)
        bar.setFormat("%v / %m")
        dialog.setBar(bar)
        dialog.setCancelButtonText(QCoreApplication.translate("Op", "Cancel"))
        dialog.canceled.connect(self.reporter.cancel)
        self.relay.progressed.connect(self._show_progress, Qt.ConnectionType.QueuedConnection)
        return dialog

    def _show_progress(self, done: int, total: int, message: str) -> None:
        dialog = self.progress_dialog
        if dialog is None or self.reporter is None or self.reporter.cancelled():
            return
        dialog.setMaximum(total)
        label = self._label or ""
        dialog.setLabelText(f"{label}\n{message}" if message else label)
        dialog.setValue(done)

    def _close_dialog(self) -> None:
        if self.progress_dialog is not None and isValid(self.progress_dialog):
            self.progress_dialog.reset()
            self.progress_dialog.close()


def _known_problem(exc: BaseException) -> UserError | None:
    """The known problem ``exc`` is, or None for a bug (and for a quiet cancel)."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, OSError):
        return known_problems.from_os_error(exc)
    return None
