"""The Candidates page: register, search and filter, see each candidate's whole record,
and start what HR does next (self-test, interview, typing test, stage, decision, sheet).

The page writes nothing itself: its actions go through the operation route and it
refreshes when the change bus says candidates or attempts changed. While hidden (an
interview saves a rating at every click) it only notes that it is out of date and
refreshes when it is shown again.
"""

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.changes import ACCOUNTS, ATTEMPTS, CANDIDATES
from cs_trainer.services import acting, candidates, permissions
from cs_trainer.services.candidate_record import load_candidate_record
from cs_trainer.services.pipeline import STAGE_NAMES
from cs_trainer.store.database import Database
from cs_trainer.ui.candidates.candidate_actions import CandidateActions
from cs_trainer.ui.candidates.candidate_detail import CandidateDetail
from cs_trainer.ui.candidates.candidate_filter import CandidateFilterProxy
from cs_trainer.ui.candidates.candidate_table_model import (
    ID_ROLE,
    NAME_COLUMN,
    POSITION_COLUMN,
    SORT_ROLE,
    CandidateTableModel,
)
from cs_trainer.ui.candidates.sheet_actions import SheetActions
from cs_trainer.ui.settings import window_state
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.translation import content_text


class CandidatesPage(QWidget):
    """Lists candidates. Signals carry an attempt ID for the page that runs it."""

    selftest_requested = Signal(int)
    interview_requested = Signal(int)
    typing_requested = Signal(int, str, str, str)  # person id, name, passage id, conducted by

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.sheet_actions = SheetActions(self, db)
        self.candidate_actions = CandidateActions(self, db, bus)
        self.model = CandidateTableModel()
        self.proxy = CandidateFilterProxy()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._stale = False
        self._build()
        bus.changed.connect(self._on_changed)
        self.refresh()

    def _build(self) -> None:
        self.add_button = QPushButton(self.tr("&Add candidate…"))
        self.start_button = QPushButton(self.tr("&Start self-test…"))
        self.paper_button = QPushButton(self.tr("&Enter paper answers…"))
        self.interview_button = QPushButton(self.tr("&Interview…"))
        self.typing_button = QPushButton(self.tr("&Typing test…"))
        self.stage_button = QPushButton(self.tr("Change sta&ge…"))
        self.decision_button = QPushButton(self.tr("&Decision…"))
        self.save_button = QPushButton(self.tr("Save sheet as &PDF…"))
        self.print_button = QPushButton(self.tr("P&rint sheet…"))
        self.retention_button = QPushButton(self.tr("Rete&ntion…"))
        self.retention_button.setToolTip(
            self.tr("The candidates whose retention period has run out (administrators)")
        )
        self.retention_button.clicked.connect(self.candidate_actions.retention)
        self.add_button.clicked.connect(self.candidate_actions.add_candidate)
        self.start_button.clicked.connect(
            lambda: self._with_selected(self.candidate_actions.start_selftest)
        )
        self.paper_button.clicked.connect(
            lambda: self._with_selected(self.candidate_actions.paper_answers)
        )
        self.interview_button.clicked.connect(
            lambda: self._with_selected(self.candidate_actions.interview)
        )
        self.typing_button.clicked.connect(
            lambda: self._with_selected(self.candidate_actions.typing_test)
        )
        self.stage_button.clicked.connect(
            lambda: self._with_selected(self.candidate_actions.change_stage)
        )
        self.decision_button.clicked.connect(
            lambda: self._with_selected(self.candidate_actions.decide)
        )
        self.save_button.clicked.connect(self._save_pdf)
        self.print_button.clicked.connect(self._print)
        self.candidate_actions.candidate_added.connect(self.select_candidate)
        self.candidate_actions.open_requested.connect(self.show_candidate)
        self.candidate_actions.message.connect(self.sheet_actions.message)  # the status bar
        self.candidate_actions.busy_changed.connect(lambda _busy: self._update_buttons())
        self.candidate_actions.selftest_started.connect(self.selftest_requested)
        self.candidate_actions.interview_started.connect(self.interview_requested)
        self.candidate_actions.typing_started.connect(self.typing_requested)
        self.table = self._table()
        self.detail = CandidateDetail()
        self.detail.resume_requested.connect(self.selftest_requested)
        self.detail.resume_interview_requested.connect(self.interview_requested)
        for button, action in (
            (self.detail.edit_button, self.candidate_actions.edit_details),
            (self.detail.withdraw_button, self.candidate_actions.withdraw_consent),
            (self.detail.export_button, self.candidate_actions.export_data),
            (self.detail.erase_button, self.candidate_actions.erase),
        ):
            button.clicked.connect(lambda _checked=False, act=action: self._with_selected(act))
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([660, 440])
        window_state.keep_splitter_sizes(splitter, "candidates")
        layout = QVBoxLayout(self)
        layout.addLayout(self._toolbar())
        layout.addWidget(splitter, 1)

    def _toolbar(self) -> QGridLayout:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search name or phone"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(180)
        self.search_edit.textChanged.connect(self.proxy.set_search)
        self.stage_filter = QComboBox()
        self.stage_filter.addItem(self.tr("All stages"), None)
        for code, name in STAGE_NAMES.items():
            self.stage_filter.addItem(content_text(name), code)
        self.stage_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_stage(self.stage_filter.currentData())
        )
        self.position_filter = QComboBox()
        self.position_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_position(self.position_filter.currentData())
        )
        grid = QGridLayout()
        first = (
            self.add_button,
            self.start_button,
            self.paper_button,
            self.interview_button,
            self.typing_button,
        )
        second = (self.stage_button, self.decision_button, self.save_button, self.print_button)
        for column, button in enumerate(first):
            grid.addWidget(button, 0, column)
        for column, button in enumerate(second):
            grid.addWidget(button, 1, column)
        grid.addWidget(self.retention_button, 0, 5, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.search_edit, 0, 6)
        grid.addWidget(self.stage_filter, 1, 5)
        grid.addWidget(self.position_filter, 1, 6)
        grid.setColumnStretch(5, 1)
        return grid

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for shared in (NAME_COLUMN, POSITION_COLUMN):  # the long texts share what is left
            header.setSectionResizeMode(shared, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_candidate_id()
        rows = candidates.list_candidates(self._db)
        self.model.set_rows(rows)
        self._fill_positions(sorted({row.position for row in rows if row.position}))
        if selected is not None:
            self.select_candidate(selected)
        if self.selected_candidate_id() is None:
            self.detail.clear(have_candidates=self.model.rowCount() > 0)
        self._update_buttons()

    def _fill_positions(self, positions: list[str]) -> None:
        chosen = self.position_filter.currentData()
        self.position_filter.blockSignals(True)
        self.position_filter.clear()
        self.position_filter.addItem(self.tr("All positions"), None)
        for position in positions:
            self.position_filter.addItem(position, position)
        self.position_filter.setCurrentIndex(max(self.position_filter.findData(chosen), 0))
        self.position_filter.blockSignals(False)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if ACCOUNTS in kinds:
            self._update_buttons()
        if not kinds & {CANDIDATES, ATTEMPTS}:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        self._update_buttons()  # who is signed in may have changed
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def show_candidate(self, candidate_id: int) -> None:
        """Show a candidate's record, clearing a search or filter that hides it."""
        row = self.model.row_of(candidate_id)
        if row is not None and not self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
            self.search_edit.clear()
            self.stage_filter.setCurrentIndex(0)
            self.position_filter.setCurrentIndex(0)
        self.select_candidate(candidate_id)

    def selected_candidate_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(rows[0].data(ID_ROLE)) if rows else None

    def select_candidate(self, candidate_id: int) -> None:
        row = self.model.row_of(candidate_id)
        if row is None:
            return
        if self.selected_candidate_id() == candidate_id:
            self._show_detail(candidate_id)  # no selection change, so refresh by hand
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        candidate_id = self.selected_candidate_id()
        if candidate_id is None:
            self.detail.clear(have_candidates=self.model.rowCount() > 0)
        else:
            self._show_detail(candidate_id)
        self._update_buttons()

    def _show_detail(self, candidate_id: int) -> None:
        self.detail.show_record(load_candidate_record(self._db, candidate_id))

    def _update_buttons(self) -> None:
        """Actions need a candidate, and wait while another action is being saved."""
        free = not self.candidate_actions.busy
        chosen = free and self.selected_candidate_id() is not None
        self.add_button.setEnabled(free)
        self.retention_button.setVisible(self._may_see_retention())
        self.retention_button.setEnabled(free)
        self.detail.record_buttons.setEnabled(chosen)
        for button in (
            self.start_button,
            self.paper_button,
            self.interview_button,
            self.typing_button,
            self.stage_button,
            self.decision_button,
            self.save_button,
            self.print_button,
        ):
            button.setEnabled(chosen)

    def _may_see_retention(self) -> bool:
        """Administrators only (the service refuses anyone else anyway)."""
        actor = acting.current()
        if actor.account_id is None:
            return not permissions.accounts_exist(self._db)  # setting up: anyone may
        return actor.role == permissions.ADMIN

    # -- actions ----------------------------------------------------------------------------
    def _with_selected(self, action: "CandidateActions.Action") -> None:
        candidate_id = self.selected_candidate_id()
        if candidate_id is not None:
            action(candidates.get_candidate(self._db, candidate_id))

    def _save_pdf(self) -> None:
        candidate_id = self.selected_candidate_id()
        if candidate_id is not None:
            candidate = candidates.get_candidate(self._db, candidate_id)
            self.sheet_actions.save_pdf(candidate.id, candidate.name)

    def _print(self) -> None:
        candidate_id = self.selected_candidate_id()
        if candidate_id is not None:
            self.sheet_actions.print_sheet(candidate_id)
