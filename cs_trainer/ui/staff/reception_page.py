"""The reception assessment page (《客服接待岗位职责工作标准》篇3): staff members, their
deduction and bonus entries for a period with the running total, and the assessment sheet.

The page only gathers input and shows results: points, totals and the PDF all
come from :mod:`cs_trainer.services.reception`. Adding a staff member or an entry and
deleting one run on the operation route; the page refreshes itself when the service
reports that staff or entries changed. The entry dialog is in
:mod:`~cs_trainer.ui.staff.reception_entry_dialog`.
"""

import calendar
import html
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.changes import RECEPTION, STAFF
from cs_trainer.errors import UserError
from cs_trainer.files import file_in_folder
from cs_trainer.services import reception, staff
from cs_trainer.services.reception import EntryRow, PeriodTotal
from cs_trainer.store.database import Database
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.settings import window_state
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.table_model import Column, RowTableModel
from cs_trainer.ui.shared.translation import content_text
from cs_trainer.ui.staff.dates import date_edit, to_date
from cs_trainer.ui.staff.reception_entry_dialog import AddEntryDialog
from cs_trainer.ui.staff.reception_points import DEDUCTION_COLOUR, VALUE_STYLE, show_points, signed
from cs_trainer.ui.staff.reception_points import (
    points_brush as _points_brush,
)  # the entries model calls it so

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DATE_COLUMN, ITEM_COLUMN, POINTS_COLUMN, NOTE_COLUMN, RUNNING_COLUMN, ASSESSOR_COLUMN = range(6)


def this_month(today: date) -> tuple[date, date]:
    """The first and last day of ``today``'s month: the default assessment period."""
    _weekday, days = calendar.monthrange(today.year, today.month)
    return today.replace(day=1), today.replace(day=days)


# --------------------------------------------------------------------------- entries model


class ReceptionEntryModel(RowTableModel[EntryRow]):
    """The period's entries in date order; ``ID_ROLE`` gives a row's entry ID."""

    def __init__(self) -> None:
        super().__init__()
        texts: list[tuple[str, Callable[[EntryRow], str]]] = [
            (self.tr("Date"), lambda row: row.entry_date.isoformat()),
            (self.tr("Item"), lambda row: content_text(row.item_text)),
            (self.tr("Points"), lambda row: signed(row.points)),
            (self.tr("Note"), lambda row: row.note),
            (self.tr("Running total"), lambda row: str(row.running_total)),
            (self.tr("Assessor"), lambda row: row.assessor),
        ]
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        aligned = {POINTS_COLUMN: right, RUNNING_COLUMN: right}
        coloured: dict[int, Callable[[EntryRow], QBrush | None]] = {
            POINTS_COLUMN: lambda row: _points_brush(row.points),
            RUNNING_COLUMN: lambda row: QBrush(DEDUCTION_COLOUR) if row.running_total < 0 else None,
        }
        columns = [
            # A long item or note is cut off in its cell: the tooltip shows it whole.
            Column(header, text, tooltip=text, alignment=aligned.get(n), foreground=coloured.get(n))
            for n, (header, text) in enumerate(texts)
        ]
        self.declare(columns, {ID_ROLE: lambda row: row.id})

    def set_rows(self, rows: list[EntryRow]) -> None:
        self.reset(rows)

    def entry(self, row: int) -> EntryRow:
        return self.row(row)


# --------------------------------------------------------------------------- the page


class ReceptionPage(QWidget):
    """Staff list on the left; the selected member's entries and totals on the right."""

    message = Signal(str)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.person_id: int | None = None
        self._saving = False  # an entry is being added or deleted
        self.model = ReceptionEntryModel()
        splitter = QSplitter()
        splitter.addWidget(self._staff_panel())
        splitter.addWidget(self._entries_panel())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 860])
        window_state.keep_splitter_sizes(splitter, "reception")
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        bus.changed.connect(self._on_changed)
        self.refresh_staff()

    # -- building ---------------------------------------------------------------------------
    def _staff_panel(self) -> QWidget:
        self.staff_list = QListWidget()
        self.staff_list.currentItemChanged.connect(self._staff_selected)
        self.add_staff_button = QPushButton(self.tr("Add &staff member…"))
        self.add_staff_button.clicked.connect(self.add_staff)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addWidget(QLabel(self.tr("<b>Staff members</b>")))
        layout.addWidget(self.staff_list, 1)
        layout.addWidget(self.add_staff_button)
        return panel

    def _entries_panel(self) -> QWidget:
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.addWidget(self.heading)
        layout.addLayout(self._period_row())
        layout.addWidget(self._table(), 1)
        layout.addWidget(self._totals_row())
        layout.addLayout(self._buttons_row())
        return panel

    def _period_row(self) -> QHBoxLayout:
        first, last = this_month(date.today())
        self.from_edit = date_edit(first)
        self.to_edit = date_edit(last)
        self.from_edit.dateChanged.connect(self._period_changed)
        self.to_edit.dateChanged.connect(self._period_changed)
        row = QHBoxLayout()
        period_label = QLabel(self.tr("&Period from"))
        period_label.setBuddy(self.from_edit)
        row.addWidget(period_label)
        row.addWidget(self.from_edit)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.to_edit)
        row.addStretch(1)
        return row

    def _table(self) -> QTableView:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ITEM_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NOTE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        return self.table

    def _totals_row(self) -> QFrame:
        """Base, deductions, bonuses and total side by side, each under its caption."""
        self.base_label, self.deductions_label = QLabel(), QLabel()
        self.bonuses_label, self.total_label = QLabel(), QLabel()
        self.count_label = QLabel()
        for value in (self.base_label, self.deductions_label, self.bonuses_label):
            value.setStyleSheet(VALUE_STYLE)
        self.total_label.setStyleSheet("font-size: 18pt; font-weight: bold;")
        captions = [self.tr("Base"), self.tr("Deductions"), self.tr("Bonuses"), self.tr("Total")]
        values = [self.base_label, self.deductions_label, self.bonuses_label, self.total_label]
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(28)
        for column, (caption, value) in enumerate(zip(captions, values, strict=True)):
            grid.addWidget(QLabel(caption), 0, column)
            grid.addWidget(value, 1, column, Qt.AlignmentFlag.AlignBottom)
        grid.addWidget(self.count_label, 1, len(values), Qt.AlignmentFlag.AlignBottom)
        grid.setColumnStretch(len(values), 1)
        return box

    def _buttons_row(self) -> QHBoxLayout:
        self.add_entry_button = QPushButton(self.tr("Add &entry…"))
        self.delete_button = QPushButton(self.tr("&Delete entry"))
        self.save_button = QPushButton(self.tr("Save &PDF…"))
        self.add_entry_button.clicked.connect(self.add_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.save_button.clicked.connect(self.save_pdf)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.add_entry_button)
        row.addWidget(self.delete_button)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.save_button)
        return row

    # -- data -------------------------------------------------------------------------------
    def _on_changed(self, kinds: frozenset[str]) -> None:
        if STAFF in kinds:
            self.refresh_staff()
        elif RECEPTION in kinds:
            self.refresh_entries()

    def refresh_staff(self) -> None:
        """Reload the staff list, keeping the selected member selected."""
        current = self.person_id
        self.staff_list.blockSignals(True)
        self.staff_list.clear()
        for member in reception.staff_members(self._db):
            item = QListWidgetItem(member.name)
            item.setData(ID_ROLE, member.id)
            item.setToolTip(member.position)
            self.staff_list.addItem(item)
            if member.id == current:
                self.staff_list.setCurrentItem(item)
        self.staff_list.blockSignals(False)
        if self.staff_list.currentItem() is None:
            self.person_id = None
        self.refresh_entries()

    def refresh_entries(self) -> None:
        """Reload the selected member's entries and totals for the period shown."""
        rows: list[EntryRow] = []
        if self.person_id is not None and self._period_valid():
            rows = reception.entries(self._db, self.person_id, *self.period())
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()  # long items and notes wrap instead of being cut
        base = reception.builtin_standard().base_points
        shown = self.person_id is not None and self._period_valid()
        self._show_totals(reception.summarise(base, rows) if shown else None)
        self._show_heading()
        self._update_buttons()

    def period(self) -> tuple[date, date]:
        return to_date(self.from_edit.date()), to_date(self.to_edit.date())

    def _period_valid(self) -> bool:
        period_from, period_to = self.period()
        return period_from <= period_to

    def _show_totals(self, totals: PeriodTotal | None) -> None:
        """The period's result, or dashes while nobody is selected (not a made-up 100)."""
        if totals is None:
            for value in (self.base_label, self.deductions_label, self.bonuses_label):
                value.setText("—")
            self.total_label.setText("—")
            self.count_label.clear()
            return
        self.base_label.setText(str(totals.base))
        show_points(self.deductions_label, totals.deductions)
        show_points(self.bonuses_label, totals.bonuses)
        self.total_label.setText(str(totals.total))
        self.count_label.setText(self.tr("Entries: %1").replace("%1", str(totals.entry_count)))

    def _show_heading(self) -> None:
        item = self.staff_list.currentItem()
        if item is None:
            self.heading.setText(self.tr("Choose a staff member, or add one."))
        elif not self._period_valid():
            self.heading.setText(self.tr("The period ends before it starts."))
        else:
            self.heading.setText(f"<b>{html.escape(item.text())}</b>")

    def _update_buttons(self) -> None:
        ready = self.person_id is not None and self._period_valid()
        self.add_entry_button.setEnabled(self.person_id is not None and not self._saving)
        self.save_button.setEnabled(ready)
        chosen = self._selected_entry() is not None
        self.delete_button.setEnabled(ready and chosen and not self._saving)

    def _staff_selected(self, item: QListWidgetItem | None) -> None:
        self.person_id = int(item.data(ID_ROLE)) if item is not None else None
        self.status_label.clear()
        self.refresh_entries()

    def _period_changed(self) -> None:
        self.refresh_entries()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _selected_entry(self) -> EntryRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def select_staff(self, person_id: int) -> None:
        for row in range(self.staff_list.count()):
            if self.staff_list.item(row).data(ID_ROLE) == person_id:
                self.staff_list.setCurrentRow(row)
                return

    # -- actions ----------------------------------------------------------------------------
    def add_staff(self) -> None:
        name = self.ask_staff_name(self)
        if name is None:
            return
        self.add_staff_button.setEnabled(False)  # one click, one staff member
        op = Op(self, self._db, lambda db: staff.add_staff(db, name), self._bus)
        op.success(self._staff_added)
        op.finished.connect(lambda: self.add_staff_button.setEnabled(True))
        op.run()

    def _staff_added(self, person_id: int) -> None:
        self.person_id = person_id
        self.refresh_staff()

    def add_entry(self) -> None:
        item = self.staff_list.currentItem()
        if self.person_id is None or item is None:
            return
        request = AddEntryDialog.ask(
            self,
            reception.builtin_standard(),
            item.text(),
            settings.read(settings.INTERVIEWER),
            min(date.today(), self.period()[1]),
        )
        if request is None:
            return
        person_id = self.person_id
        self._store(
            lambda db: reception.add_entry(
                db, person_id, request.entry_date, request.code, request.note, request.assessor
            )
        )

    def delete_entry(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        described = f"{entry.entry_date.isoformat()} · {content_text(entry.item_text)}"
        if not self.confirm(self, f"{described} ({signed(entry.points)})"):
            return
        entry_id = entry.id
        self._store(lambda db: reception.delete_entry(db, entry_id), self._not_deleted)

    def _not_deleted(self, problem: UserError) -> None:
        """Say why, and show the entries as they are now: another window may have deleted
        this one already."""
        problems.show_problem(self, problem)
        self.refresh_entries()

    def _store(
        self,
        work: Callable[[Database], object],
        refused: Callable[[UserError], None] | None = None,
    ) -> None:
        """Add or delete an entry on the operation route. Add and Delete wait until it is
        done, so a quick second click neither records twice nor deletes twice."""
        self._saving = True
        self._update_buttons()
        op = Op(self, self._db, work, self._bus)
        if refused is not None:
            op.problem(refused)
        op.finished.connect(self._store_over)
        op.run()

    def _store_over(self) -> None:
        self._saving = False
        self._update_buttons()

    def save_pdf(self) -> None:
        item = self.staff_list.currentItem()
        if self.person_id is None or item is None or not self._period_valid():
            return
        period_from, period_to = self.period()
        path = self.ask_save_path(self, f"{item.text()} {period_from}_{period_to}")
        if path is None:
            return
        settings.write(settings.LAST_PDF_FOLDER, str(path.parent))
        person_id = self.person_id
        Op(
            self,
            self._db,
            lambda db: reception.write_reception_sheet(db, person_id, period_from, period_to, path),
        ).success(lambda _sheet: self._saved(path)).with_progress(
            self.tr("Writing the assessment sheet…")
        ).run()

    def _saved(self, path: Path) -> None:
        text = self.tr("Saved the assessment sheet to %1").replace("%1", str(path))
        self.status_label.setText(text)
        self.message.emit(text)
        if settings.read(settings.OPEN_PDF_AFTER_SAVE):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # -- modal questions (tests replace these classmethods) -------------------------------
    @classmethod
    def ask_staff_name(cls, parent: QWidget) -> str | None:
        name, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("ReceptionPage", "Add staff member"),
            QCoreApplication.translate("ReceptionPage", "Name:"),
        )
        return name.strip() if ok and name.strip() else None

    @classmethod
    def confirm(cls, parent: QWidget, entry: str) -> bool:
        """Asked before an entry is deleted: a deduction is part of someone's record, so
        No is the default and Escape keeps it."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ReceptionPage", "Delete this entry?"),
            QCoreApplication.translate(
                "ReceptionPage", "Delete %1? Only delete an entry that was recorded by mistake."
            ).replace("%1", entry),
            buttons,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested_name: str) -> Path | None:
        folder = settings.read(settings.LAST_PDF_FOLDER) or str(Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ReceptionPage", "Save assessment sheet"),
            str(file_in_folder(Path(folder), suggested_name, ".pdf", "assessment-sheet")),
            QCoreApplication.translate("ReceptionPage", "PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
