"""Pages pick up what another laptop (or the command line) changed, without a restart.

The store counts committed writes per kind of data (``store/change_counters.py``). This
watch reads the counters every few seconds and whenever the application becomes
active again, on the operation route (the read may cross a network), and announces the
kinds another process changed on the :class:`ChangeBus`, exactly as if this process had
written them: the pages that show them refresh. A poll that meets a problem (the
server unreachable for a moment) stays quiet; the next one tries again.
"""

import logging

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from cs_trainer.errors import UserError
from cs_trainer.store.database import Database
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op

POLL_INTERVAL_MS = 5_000
_log = logging.getLogger(__name__)


class ChangeWatch(QObject):
    """Polls the change counters for ``parent``'s pages; one per main window."""

    def __init__(self, parent: QWidget, db: Database, bus: ChangeBus) -> None:
        super().__init__(parent)  # not kept as an attribute: the window must be free to go
        self._db = db
        self._bus = bus
        self._polling = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.timer.start(POLL_INTERVAL_MS)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._state_changed)

    def poll(self) -> None:
        """Ask the database what changed elsewhere (one poll at a time)."""
        if self._polling:
            return
        self._polling = True
        window = self.parent()
        assert isinstance(window, QWidget)
        op = Op(window, self._db, lambda db: db.changed_elsewhere())
        op.success(self._announce).problem(self._quiet).finished.connect(self._polled)
        op.run()

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.poll()

    def _announce(self, kinds: frozenset[str]) -> None:
        if kinds:
            self._bus.announce(*kinds)

    def _quiet(self, problem: UserError) -> None:
        _log.info("the change counters could not be read: %s", problem.message("en"))

    @property
    def polling(self) -> bool:
        return self._polling

    def _polled(self) -> None:
        self._polling = False
