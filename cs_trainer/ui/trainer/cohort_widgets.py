"""The cohort table model and the dialogs for making cohorts and adding trainees."""

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from statistics import fmean

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.services.progress import (
    CohortCell,
    CohortRow,
    CohortTable,
)
from cs_trainer.ui.shared import table_model
from cs_trainer.ui.shared.bounded_edit import bounded_edit
from cs_trainer.ui.shared.table_model import Column, RowTableModel
from cs_trainer.ui.shared.translation import content_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = table_model.SORT_ROLE
NAME_COLUMN, MEAN_COLUMN, FIRST_INSTRUMENT_COLUMN = 0, 1, 2
WEAK, FAIR, GOOD = "#fbe3e1", "#fff4d6", "#e3f2e6"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def header_title(text: str, width: int = 20, lines: int = 3) -> str:
    """A long instrument title over a few short lines, so columns stay narrow (the full
    title is the header's tooltip). Chinese has no spaces and is twice as wide."""
    if any("\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef" for char in text):
        step = width // 2
        parts = [text[i : i + step] for i in range(0, len(text), step)]
    else:
        parts = textwrap.wrap(text, width) or [text]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], parts[lines - 1][:-1] + "…"]
    return "\n".join(parts)


def mean_cell(row: CohortRow) -> CohortCell:
    """A trainee's mean over the instruments they took: of latest and of best."""
    cells = [c for c in row.cells.values() if c.best is not None and c.latest is not None]
    if not cells:
        return CohortCell(None, None, 0)
    return CohortCell(
        fmean(c.latest or 0.0 for c in cells),
        fmean(c.best or 0.0 for c in cells),
        sum(c.attempts for c in cells),
    )


class CohortTableModel(RowTableModel[CohortRow]):
    """Trainees × instruments; each cell "latest % / best %", sorted by best."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.declare([], {ID_ROLE: lambda row: row.person_id})
        self.set_table(CohortTable([], []))

    def set_table(self, table: CohortTable) -> None:
        """The table's rows and its columns: the name, the mean, then one per instrument."""
        self.table = table
        name = Column[CohortRow](self.tr("Trainee"), lambda row: row.name)
        mean = self._cell_column(
            self.tr("Mean"),
            self.tr("Mean of the latest and of the best results, over what the trainee took"),
            mean_cell,
        )
        instruments = [
            self._cell_column(header_title(content_text(title)), content_text(title), _cell_of(key))
            for key, title in table.instruments
        ]
        self.reset(table.rows, [name, mean, *instruments])

    def _cell_column(
        self, header: str, header_tip: str, cell: Callable[[CohortRow], CohortCell | None]
    ) -> Column[CohortRow]:
        return Column(
            header,
            lambda row: _cell_text(cell(row)),
            sort=lambda row: _sort_value(cell(row)),
            alignment=Qt.AlignmentFlag.AlignCenter,
            tooltip=lambda row: self._cell_tooltip(cell(row)),
            header_tooltip=header_tip,
            background=lambda row: _cell_background(cell(row)),
        )

    def _cell_tooltip(self, cell: CohortCell | None) -> str | None:
        best = _best(cell)
        if cell is None or best is None:
            return None
        return (
            self.tr("Latest %1, best %2, attempts: %3")
            .replace("%1", percent(cell.latest))
            .replace("%2", percent(best))
            .replace("%3", str(cell.attempts))
        )


def _cell_of(key: str) -> Callable[[CohortRow], CohortCell | None]:
    """A row's cell of the instrument ``key`` (None where the trainee has not taken it)."""
    return lambda row: row.cells.get(key)


def _best(cell: CohortCell | None) -> float | None:
    return cell.best if cell is not None else None


def _sort_value(cell: CohortCell | None) -> float:
    """The best result; nothing taken sorts below every result, even 0 %."""
    best = _best(cell)
    return best if best is not None else -1.0


def _cell_text(cell: CohortCell | None) -> str:
    best = _best(cell)
    if cell is None or best is None:
        return "—"
    return f"{percent(cell.latest)} / {percent(best)}"


def _cell_background(cell: CohortCell | None) -> QBrush | None:
    best = _best(cell)
    if best is None:
        return None
    return QBrush(QColor(GOOD if best >= 80 else FAIR if best >= 50 else WEAK))


def sorted_proxy(model: CohortTableModel) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortLocaleAware(True)
    return proxy


# -- dialogs --------------------------------------------------------------------------------
class NewCohortDialog(QDialog):
    """Asks for a new cohort's name, or another name for one (``current``)."""

    def __init__(self, parent: QWidget | None = None, current: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New cohort") if current is None else self.tr("Rename cohort"))
        self.name_edit = bounded_edit("cohorts", "name")
        self.name_edit.setPlaceholderText(self.tr("e.g. New staff, November"))
        buttons = _ok_cancel(self)
        self.name_edit.textChanged.connect(lambda text: _ok(buttons).setEnabled(bool(text.strip())))
        _ok(buttons).setEnabled(False)
        self.name_edit.setText(current or "")  # a rename starts from the name it has
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(buttons)
        self.setMinimumWidth(380)

    @classmethod
    def ask(cls, parent: QWidget | None, current: str | None = None) -> str | None:
        """The name typed (for a rename, starting from ``current``), or None when
        cancelled; tests replace this classmethod."""
        dialog = cls(parent, current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.name_edit.text().strip()


@dataclass(frozen=True)
class TraineeChoice:
    """A trainee offered for a cohort, and the cohort they are in now (they move)."""

    id: int
    name: str
    cohort: str | None


class AddTraineesDialog(QDialog):
    """Ticks existing trainees to put into a cohort; a filter finds one among many."""

    def __init__(
        self, cohort: str, choices: list[TraineeChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add trainees to %1").replace("%1", cohort))
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by name"))
        self.filter_edit.textChanged.connect(self._filter)
        self.list = QListWidget()
        for choice in choices:
            text = choice.name
            if choice.cohort:
                text = self.tr("%1 (now in %2)").replace("%1", text).replace("%2", choice.cohort)
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, choice.id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        layout.addWidget(_ok_cancel(self))
        self.resize(420, 460)

    def _filter(self, text: str) -> None:
        for number in range(self.list.count()):
            item = self.list.item(number)
            item.setHidden(text.strip().lower() not in item.text().lower())

    def chosen(self) -> list[int]:
        items = [self.list.item(n) for n in range(self.list.count())]
        return [int(i.data(ID_ROLE)) for i in items if i.checkState() == Qt.CheckState.Checked]

    @classmethod
    def ask(cls, parent: QWidget | None, cohort: str, choices: list[TraineeChoice]) -> list[int]:
        """The IDs ticked (empty when cancelled); tests replace this classmethod."""
        dialog = cls(cohort, choices, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else []


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _ok(buttons: QDialogButtonBox) -> QPushButton:
    return buttons.button(QDialogButtonBox.StandardButton.Ok)


# -- small views ----------------------------------------------------------------------------
