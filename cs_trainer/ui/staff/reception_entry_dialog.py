"""The dialog that records one deduction or bonus on the reception page.

Kept apart from the page because it holds the whole standard: every item is listed
with its points, searchable in both languages, and a search never leaves an item
chosen that the assessor can no longer see. It only collects an :class:`EntryRequest`;
the page stores it on the operation route.
"""

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.staff_forms.reception_schema import ReceptionStandard, StandardItem
from cs_trainer.ui.accounts import session
from cs_trainer.ui.shared.translation import content_text
from cs_trainer.ui.staff.dates import date_edit, to_date
from cs_trainer.ui.staff.reception_points import points_brush, signed

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


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
    brush = points_brush(item.points)
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
        self.date_edit = date_edit(default_date)
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("What happened, where, who confirmed it"))
        self.note_edit.setToolTip(session.sensitive_data_hint())
        self.assessor_edit = QLineEdit(assessor)
        session.attribute(self.assessor_edit)
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
            entry_date=to_date(self.date_edit.date()),
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
