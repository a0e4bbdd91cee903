"""The Candidates page: register, list, see results, start tests, save and print sheets."""

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.services import candidates, selftests
from cs_trainer.store.database import Database
from cs_trainer.ui import problems, settings
from cs_trainer.ui.candidate_detail import CandidateDetail
from cs_trainer.ui.candidate_dialog import AddCandidateDialog
from cs_trainer.ui.candidate_table_model import ID_ROLE, SORT_ROLE, CandidateTableModel
from cs_trainer.ui.changes import ATTEMPTS, CANDIDATES, ChangeBus
from cs_trainer.ui.selftest_dialogs import PaperEntryDialog, StartSelfTestDialog
from cs_trainer.ui.sheet_actions import SheetActions


class CandidatesPage(QWidget):
    """Lists candidates; ``selftest_requested`` carries an attempt ID to run on the test page."""

    selftest_requested = Signal(int)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.sheet_actions = SheetActions(self, db)
        self.model = CandidateTableModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self._build()
        bus.changed.connect(self._on_changed)
        self.refresh()

    def _build(self) -> None:
        self.add_button = QPushButton(self.tr("&Add candidate…"))
        self.start_button = QPushButton(self.tr("&Start self-test…"))
        self.paper_button = QPushButton(self.tr("&Enter paper answers…"))
        self.save_button = QPushButton(self.tr("Save sheet as &PDF…"))
        self.print_button = QPushButton(self.tr("P&rint sheet…"))
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search name or phone"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(200)
        self.search_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.add_button.clicked.connect(self.add_candidate)
        self.start_button.clicked.connect(self.start_selftest)
        self.paper_button.clicked.connect(self.enter_paper_answers)
        self.save_button.clicked.connect(self._save_pdf)
        self.print_button.clicked.connect(self._print)
        toolbar = QHBoxLayout()
        for button in (
            self.add_button,
            self.start_button,
            self.paper_button,
            self.save_button,
            self.print_button,
        ):
            toolbar.addWidget(button)
        toolbar.addStretch(1)
        toolbar.addWidget(self.search_edit)
        self.table = self._table()
        self.detail = CandidateDetail()
        self.detail.resume_requested.connect(self.selftest_requested)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(splitter, 1)

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
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # position: takes the rest
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_candidate_id()
        self.model.set_rows(candidates.list_candidates(self._db))
        if selected is not None:
            self.select_candidate(selected)
        if self.selected_candidate_id() is None:
            self.detail.clear(have_candidates=self.model.rowCount() > 0)
        self._update_buttons()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {CANDIDATES, ATTEMPTS}:
            self.refresh()

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
        self.detail.show_candidate(
            candidates.get_candidate(self._db, candidate_id),
            selftests.finished_selftests(self._db, candidate_id),
            selftests.unfinished_selftests(self._db, candidate_id),
        )

    def _update_buttons(self) -> None:
        chosen = self.selected_candidate_id() is not None
        for button in (self.start_button, self.paper_button, self.save_button, self.print_button):
            button.setEnabled(chosen)

    # -- actions ----------------------------------------------------------------------------
    def add_candidate(self) -> None:
        new = AddCandidateDialog.ask(self)
        if new is None:
            return
        try:
            candidate_id = candidates.add_candidate(self._db, new)
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self._bus.announce(CANDIDATES)
        self.select_candidate(candidate_id)

    def start_selftest(self) -> None:
        candidate = self._selected_candidate()
        if candidate is None:
            return
        setup = StartSelfTestDialog.ask(
            self,
            service_potential().instrument,
            candidate.name,
            settings.read(settings.INTERVIEWER),
        )
        if setup is None:
            return
        attempt_id = selftests.start_selftest(
            self._db, candidate.id, setup.mode, setup.conducted_by
        )
        self._bus.announce(ATTEMPTS)
        self.selftest_requested.emit(attempt_id)

    def enter_paper_answers(self) -> None:
        candidate = self._selected_candidate()
        if candidate is None:
            return
        paper = PaperEntryDialog.ask(
            self,
            service_potential().instrument,
            candidate.name,
            settings.read(settings.INTERVIEWER),
        )
        if paper is None:
            return
        try:
            selftests.record_paper_selftest(
                self._db, candidate.id, paper.answers, paper.setup.mode, paper.setup.conducted_by
            )
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self._bus.announce(ATTEMPTS)

    def _selected_candidate(self) -> candidates.CandidateSummary | None:
        candidate_id = self.selected_candidate_id()
        return (
            candidates.get_candidate(self._db, candidate_id) if candidate_id is not None else None
        )

    def _save_pdf(self) -> None:
        candidate = self._selected_candidate()
        if candidate is not None:
            self.sheet_actions.save_pdf(candidate.id, candidate.name)

    def _print(self) -> None:
        candidate_id = self.selected_candidate_id()
        if candidate_id is not None:
            self.sheet_actions.print_sheet(candidate_id)
