"""The scenario catalogue as a Qt table model, and the proxy that filters it.

Rows are plain :class:`CatalogueRow` values built once from the library; the
trainee's best scores and unfinished attempts change in place, so a selection
survives a refresh.
"""

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from cs_trainer.errors import UserError
from cs_trainer.scenarios import runner
from cs_trainer.scenarios.labels import CHANNEL_NAMES, CUSTOMER_TYPE_NAMES, DIFFICULTY_NAMES, label
from cs_trainer.scenarios.schema import Scenario
from cs_trainer.services import roleplays
from cs_trainer.ui.shared.translation import content_text

ROLEPLAYS = "roleplays"
"""ChangeBus kind: a role-play attempt or a trainee was added or changed."""

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
TITLE_COLUMN, TYPE_COLUMN, CHANNEL_COLUMN, DIFFICULTY_COLUMN, BEST_COLUMN = range(5)


def stars(difficulty: int) -> str:
    return "★" * difficulty + "☆" * (3 - difficulty)


@dataclass(frozen=True)
class CatalogueRow:
    """A scenario with what the table shows and filters on; ``unfinished`` is the
    attempt to resume, if the trainee left one."""

    scenario: Scenario
    best_possible: int
    skills: frozenset[str]
    best: int | None = None
    unfinished: int | None = None


class ScenarioTableModel(QAbstractTableModel):
    """The loaded scenarios; the trainee's scores change in place, without a reset."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CatalogueRow] = []
        self._headers = [
            self.tr("Scenario"),
            self.tr("Customer"),
            self.tr("Channel"),
            self.tr("Difficulty"),
            self.tr("Your best"),
        ]

    def set_scenarios(self, scenarios: list[Scenario]) -> None:
        self.beginResetModel()
        self._rows = [_row_of(scenario) for scenario in scenarios]
        self.endResetModel()

    def set_progress(self, best: dict[str, int], unfinished: dict[str, int]) -> None:
        """The trainee's best totals and unfinished attempts, by scenario ID."""
        self._rows = [
            replace(row, best=best.get(row.scenario.id), unfinished=unfinished.get(row.scenario.id))
            for row in self._rows
        ]
        if self._rows:
            last = self.index(len(self._rows) - 1, BEST_COLUMN)
            self.dataChanged.emit(self.index(0, BEST_COLUMN), last)

    def row(self, number: int) -> CatalogueRow:
        return self._rows[number]

    def row_of(self, scenario_id: str) -> int | None:
        for number, row in enumerate(self._rows):
            if row.scenario.id == scenario_id:
                return number
        return None

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
        row, column = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return row.scenario.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == DIFFICULTY_COLUMN:
            return content_text(DIFFICULTY_NAMES[row.scenario.difficulty])
        if role == Qt.ItemDataRole.ForegroundRole and column == BEST_COLUMN:
            return _best_colour(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (DIFFICULTY_COLUMN, BEST_COLUMN):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _display(self, row: CatalogueRow, column: int) -> str:
        scenario = row.scenario
        if column == BEST_COLUMN:
            return self._best_text(row)
        return [
            content_text(scenario.title),
            content_text(label(CUSTOMER_TYPE_NAMES, scenario.customer_type)),
            content_text(label(CHANNEL_NAMES, scenario.channel)),
            stars(scenario.difficulty),
        ][column]

    def _best_text(self, row: CatalogueRow) -> str:
        text = f"{row.best} / {row.best_possible}" if row.best is not None else "—"
        if row.unfinished is not None:
            text = self.tr("%1 · unfinished").replace("%1", text)
        return text

    def _sort_key(self, row: CatalogueRow, column: int) -> Any:
        if column == DIFFICULTY_COLUMN:
            return row.scenario.difficulty
        if column == BEST_COLUMN:
            return row.best if row.best is not None else -1000
        return self._display(row, column)


def _row_of(scenario: Scenario) -> CatalogueRow:
    try:
        possible = runner.best_path(scenario).total
    except UserError:  # the checker lets no such file through; a snapshot might
        possible = 0
    return CatalogueRow(scenario, possible, frozenset(roleplays.skills_scored(scenario)))


def _best_colour(row: CatalogueRow) -> QBrush | None:
    if row.best is not None and row.best >= row.best_possible:
        return QBrush(QColor("#1b7a3d"))  # the best path found: green
    return None


class ScenarioFilterProxy(QSortFilterProxyModel):
    """Sorts, and keeps the scenarios of one customer type, skill and difficulty."""

    def __init__(self) -> None:
        super().__init__()
        self._customer_type: str | None = None
        self._skill: str | None = None
        self._difficulty: int | None = None
        self.setSortRole(SORT_ROLE)

    def set_filters(
        self, customer_type: str | None, skill: str | None, difficulty: int | None
    ) -> None:
        self.beginFilterChange()
        self._customer_type, self._skill, self._difficulty = customer_type, skill, difficulty
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ScenarioTableModel)
        row = model.row(source_row)
        return (
            self._customer_type in (None, row.scenario.customer_type)
            and (self._skill is None or self._skill in row.skills)
            and self._difficulty in (None, row.scenario.difficulty)
        )
