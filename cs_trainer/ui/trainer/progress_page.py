"""The trainer's progress page: one trainee's record, and a cohort side by side.

The "Trainee" tab (:mod:`~cs_trainer.ui.trainer.trainee_tab`) shows every finished
attempt over time, the skills radar, the weak spots and what to practise next; the
"Cohort" tab (:mod:`~cs_trainer.ui.trainer.cohort_tab`) a sortable trainee ×
instrument table for a date range and the cohort's weakest skills. This module only
puts them together and decides when they reload: when the change broadcast says that
attempts, trainees or cohorts changed, and not before the page is seen.
"""

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from cs_trainer.changes import ATTEMPTS, COHORTS, ROLEPLAYS
from cs_trainer.services.roleplays import Library
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts import session
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.trainer.cohort_tab import CohortProgressTab
from cs_trainer.ui.trainer.trainee_tab import TraineeProgressTab

RELOAD_ON = frozenset({ROLEPLAYS, ATTEMPTS, COHORTS})


class ProgressPage(QWidget):
    """The trainer's page: a "Trainee" tab and a "Cohort" tab, reloaded when attempts,
    trainees or cohorts change.

    Nothing is read until the page is first shown, and a change announced while it is
    hidden waits until it shows again: a cohort's table can take a second to build.
    """

    def __init__(
        self, db: Database, bus: ChangeBus, library: Library, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._stale = True
        self.trainee_tab = TraineeProgressTab(db, library)
        self.cohort_tab = CohortProgressTab(db, bus)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.trainee_tab, self.tr("Trainee"))
        self.tabs.addTab(self.cohort_tab, self.tr("Cohort"))
        self.tabs.setTabVisible(1, not session.is_trainee())  # a trainee: their own only
        heading = QLabel(self.tr("<h2>Progress</h2>"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        bus.changed.connect(self._on_changed)

    def reload(self) -> None:
        self._stale = False
        self.trainee_tab.reload()
        if not session.is_trainee():
            self.cohort_tab.reload()

    def busy(self) -> bool:
        """Whether a load is still running (tests wait for it)."""
        return bool(self.trainee_tab.loader.pending or self.cohort_tab.loader.pending)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & RELOAD_ON:
            self._stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
