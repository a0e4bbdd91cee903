"""The reception assessment page (《客服接待岗位职责工作标准》篇3): staff members, their
deduction and bonus entries for a period with the running total, and the assessment sheet.

The page only gathers input and shows results: points, totals and the PDF all
come from :mod:`cs_trainer.services.reception`.
"""

import calendar
import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDesktopServices,
    QShowEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.services import reception, staff
from cs_trainer.services.reception import EntryRow, PeriodTotal
from cs_trainer.staff_forms.reception_schema import ReceptionStandard, StandardItem
from cs_trainer.store.database import Database
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.settings import window_state
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import run_in_background
from cs_trainer.ui.shared.translation import content_text

RECEPTION = "reception"  # change-bus kind: reception entries
STAFF = "staff"  # change-bus kind: staff members
Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
DATE_COLUMN, ITEM_COLUMN, POINTS_COLUMN, NOTE_COLUMN, RUNNING_COLUMN, ASSESSOR_COLUMN = range(6)
DEDUCTION_COLOUR = QColor("#B3261E")
BONUS_COLOUR = QColor("#2E7D32")
VALUE_STYLE = "font-size: 13pt;"


def signed(points: int) -> str:
    """Points with their sign, as the sheet prints them: -20, +100, 0."""
    return f"{points:+d}" if points else "0"


def _points_brush(points: int) -> QBrush | None:
    if points < 0:
        return QBrush(DEDUCTION_COLOUR)
    return QBrush(BONUS_COLOUR) if points > 0 else None


def _show_points(label: QLabel, points: int) -> None:
    """Signed points in red (deduction), green (bonus) or plain ink (none)."""
    label.setText(signed(points))
    colour = DEDUCTION_COLOUR if points < 0 else BONUS_COLOUR if points > 0 else None
    label.setStyleSheet(VALUE_STYLE + (f" color: {colour.name()};" if colour else ""))


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def this_month(today: date) -> tuple[date, date]:
    """The first and last day of ``today``'s month: the default assessment period."""
    _weekday, days = calendar.monthrange(today.year, today.month)
    return today.replace(day=1), today.replace(day=days)


# --------------------------------------------------------------------------- entries model


class ReceptionEntryModel(QAbstractTableModel):
    """The period's entries in date order; ``ID_ROLE`` gives a row's entry ID."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[EntryRow] = []
        self._headers = [
            self.tr("Date"),
            self.tr("Item"),
            self.tr("Points"),
            self.tr("Note"),
            self.tr("Running total"),
            self.tr("Assessor"),
        ]

    def set_rows(self, rows: list[EntryRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def entry(self, row: int) -> EntryRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (POINTS_COLUMN, RUNNING_COLUMN):
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _display(self, row: EntryRow, column: int) -> str:
        values = [
            row.entry_date.isoformat(),
            content_text(row.item_text),
            signed(row.points),
            row.note,
            str(row.running_total),
            row.assessor,
        ]
        return values[column]

    def _foreground(self, row: EntryRow, column: int) -> QBrush | None:
        if column == POINTS_COLUMN:
            return _points_brush(row.points)
        if column == RUNNING_COLUMN and row.running_total < 0:
            return QBrush(DEDUCTION_COLOUR)
        return None


# --------------------------------------------------------------------------- add-entry dialog


@dataclass(frozen=True)
class EntryRequest:
    """What the assessor chose in the dialog, ready for :func:`reception.add_entry`."""

    code: str
    entry_date: date
    note: str
    assessor: str


def _item_row(item: StandardItem, standard: ReceptionStandard) -> list[QStandardItem]:
    """One pickable item: its points (coloured) and its text; searchable in both languages,
    with the clause's requirement as the tooltip."""
    clause = next(c for c in standard.clauses if c.number == item.clause)
    search = f"{signed(item.points)} {item.text.zh} {item.text.en}"
    cells = [QStandardItem(signed(item.points)), QStandardItem(content_text(item.text))]
    for cell in cells:
        cell.setData(item.id, ID_ROLE)
        cell.setData(search, SEARCH_ROLE)
        cell.setToolTip(content_text(clause.requirement))
        cell.setEditable(False)
    cells[0].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    brush = _points_brush(item.points)
    if brush is not None:
        cells[0].setForeground(brush)
    return cells


class AddEntryDialog(QDialog):
    """Pick the standard's item (searchable, with its points), the date and a note."""

    def __init__(
        self,
        standard: ReceptionStandard,
        staff_name: str,
        assessor: str,
        default_date: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a deduction or bonus"))
        self._items = QStandardItemModel(self)
        self._items.setHorizontalHeaderLabels([self.tr("Points"), self.tr("Item")])
        for item in standard.items:
            self._items.appendRow(_item_row(item, standard))
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self._items)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._build(staff_name, assessor, default_date)

    def _build(self, staff_name: str, assessor: str, default_date: date) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search the standard's items"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._search)
        self.item_table = self._item_table()
        self.date_edit = _date_edit(default_date)
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("What happened, where, who confirmed it"))
        self.assessor_edit = QLineEdit(assessor)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(staff_name)
        self._update_ok()

    def _item_table(self) -> QTableView:
        """Points and text of every item; the text wraps so nothing is cut off."""
        table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(True)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        table.setMinimumHeight(300)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().selectionChanged.connect(self._update_ok)
        return table

    def _search(self, text: str) -> None:
        """Filter the items; the chosen one stays chosen only while it is still listed.

        Otherwise the view would move the selection to a neighbouring row, and OK
        would record an item the assessor never picked.
        """
        chosen = self.chosen_code()
        self.proxy.setFilterFixedString(text)
        self.item_table.clearSelection()
        self.item_table.setCurrentIndex(QModelIndex())
        if chosen is not None and self._row_of(chosen) is not None:
            self.select_item(chosen)
        self.item_table.resizeRowsToContents()
        self._update_ok()

    def showEvent(self, event: QShowEvent) -> None:  # Qt's method name
        super().showEvent(event)
        self.item_table.resizeRowsToContents()  # wrapped heights are known once shown

    def _lay_out(self, staff_name: str) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.date_edit)
        form.addRow(self.tr("&Note"), self.note_edit)
        form.addRow(self.tr("&Assessor"), self.assessor_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Entry for %1:").replace("%1", staff_name)))
        layout.addWidget(self.search_edit)
        layout.addWidget(self.item_table, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def _row_of(self, code: str) -> int | None:
        """The listed row of the item ``code``, or None while the search hides it."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == code:
                return row
        return None

    def select_item(self, code: str) -> None:
        """Select the item with id ``code`` (as a click would)."""
        row = self._row_of(code)
        if row is None:
            raise KeyError(code)
        self.item_table.selectRow(row)

    def chosen_code(self) -> str | None:
        """The id of the selected item, or None while none is selected."""
        rows = self.item_table.selectionModel().selectedRows()
        return str(rows[0].data(ID_ROLE)) if rows else None

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.chosen_code() is not None)

    def request(self) -> EntryRequest | None:
        code = self.chosen_code()
        if code is None:
            return None
        return EntryRequest(
            code=code,
            entry_date=_pydate(self.date_edit.date()),
            note=self.note_edit.text().strip(),
            assessor=self.assessor_edit.text().strip(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        standard: ReceptionStandard,
        staff_name: str,
        assessor: str,
        default_date: date,
    ) -> EntryRequest | None:
        """The modal dialog; tests replace this classmethod."""
        dialog = cls(standard, staff_name, assessor, default_date, parent)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")  # ISO, as on the sheet: reads the same in both languages
    return edit


# --------------------------------------------------------------------------- the page


class ReceptionPage(QWidget):
    """Staff list on the left; the selected member's entries and totals on the right."""

    message = Signal(str)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.person_id: int | None = None
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
        self.from_edit = _date_edit(first)
        self.to_edit = _date_edit(last)
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
        return _pydate(self.from_edit.date()), _pydate(self.to_edit.date())

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
        _show_points(self.deductions_label, totals.deductions)
        _show_points(self.bonuses_label, totals.bonuses)
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
        self.add_entry_button.setEnabled(self.person_id is not None)
        self.save_button.setEnabled(ready)
        self.delete_button.setEnabled(ready and self._selected_entry() is not None)

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
        try:
            person_id = staff.add_staff(self._db, name)
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self.person_id = person_id
        self._bus.announce(STAFF)

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
        try:
            reception.add_entry(
                self._db,
                self.person_id,
                request.entry_date,
                request.code,
                request.note,
                request.assessor,
            )
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self._bus.announce(RECEPTION)

    def delete_entry(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        described = f"{entry.entry_date.isoformat()} · {content_text(entry.item_text)}"
        if not self.confirm(self, f"{described} ({signed(entry.points)})"):
            return
        try:
            reception.delete_entry(self._db, entry.id)
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return
        self._bus.announce(RECEPTION)

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
        run_in_background(
            self,
            self.tr("Writing the assessment sheet…"),
            lambda: reception.write_reception_sheet(
                self._db, person_id, period_from, period_to, path
            ),
            lambda _sheet: self._saved(path),
        )

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
        """Asked before an entry is deleted: a deduction is part of someone's record."""
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("ReceptionPage", "Delete this entry?"),
            QCoreApplication.translate(
                "ReceptionPage", "Delete %1? Only delete an entry that was recorded by mistake."
            ).replace("%1", entry),
        )
        return answer == QMessageBox.StandardButton.Yes

    @classmethod
    def ask_save_path(cls, parent: QWidget, suggested_name: str) -> Path | None:
        folder = settings.read(settings.LAST_PDF_FOLDER) or str(Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ReceptionPage", "Save assessment sheet"),
            str(Path(folder) / f"{suggested_name}.pdf"),
            QCoreApplication.translate("ReceptionPage", "PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
