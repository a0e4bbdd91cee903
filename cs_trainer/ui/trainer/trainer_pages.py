"""Containers that put the trainer's pages together: progress with the cohort export,
and the two staff evaluation forms of the source documents side by side."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from cs_trainer.services.roleplays import Library
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts import session
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.staff.performance_page import PerformancePage
from cs_trainer.ui.staff.reception_page import ReceptionPage
from cs_trainer.ui.trainer.export_dialog import ExportActions
from cs_trainer.ui.trainer.progress_page import ProgressPage


class ProgressSection(QWidget):
    """The progress page with "Export cohort sheets…" for the cohort on screen."""

    message = Signal(str)

    def __init__(
        self, db: Database, bus: ChangeBus, library: Library, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.progress_page = ProgressPage(db, bus, library)
        self.export_actions = ExportActions(self, db)
        self.export_actions.message.connect(self.message)
        self.export_button = QPushButton(self.tr("E&xport cohort score sheets…"))
        self.export_button.clicked.connect(
            lambda: self.export_actions.export_cohort(self.progress_page.cohort_tab.cohort_id())
        )
        self.export_button.setVisible(not session.is_trainee())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress_page, 1)
        layout.addLayout(row)


class StaffSection(QTabWidget):
    """The performance evaluation of 《客户服务人员岗位职责任职要求》 and the reception
    assessment of 《客服接待岗位职责工作标准》."""

    message = Signal(str)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.performance_page = PerformancePage(db, bus)
        self.reception_page = ReceptionPage(db, bus)
        self.addTab(self.performance_page, self.tr("Performance evaluation"))
        self.addTab(self.reception_page, self.tr("Reception assessment"))
        for page in (self.performance_page, self.reception_page):
            page.message.connect(self.message)
