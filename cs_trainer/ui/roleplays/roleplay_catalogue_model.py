"""The scenario catalogue as a Qt table model, and the proxy that filters it.

Rows are plain :class:`CatalogueRow` values built once from the library; the
trainee's best scores and unfinished attempts change in place, so a selection
survives a refresh.
"""

from dataclasses import dataclass, replace

from PySide6.QtCore import (
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
from cs_trainer.ui.shared import table_model
from cs_trainer.ui.shared.table_model import Column, RowTableModel
from cs_trainer.ui.shared.translation import content_text

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = table_model.SORT_ROLE
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


class ScenarioTableModel(RowTableModel[CatalogueRow]):
    """The loaded scenarios; the trainee's scores change in place, without a reset."""

    def __init__(self) -> None:
        super().__init__()
        centred = Qt.AlignmentFlag.AlignCenter
        self.declare(
            [
                Column(self.tr("Scenario"), lambda row: content_text(row.scenario.title)),
                Column(
                    self.tr("Customer"),
                    lambda row: content_text(
                        label(CUSTOMER_TYPE_NAMES, row.scenario.customer_type)
                    ),
                ),
                Column(
                    self.tr("Channel"),
                    lambda row: content_text(label(CHANNEL_NAMES, row.scenario.channel)),
                ),
                Column(
                    self.tr("Difficulty"),
                    lambda row: stars(row.scenario.difficulty),
                    sort=lambda row: row.scenario.difficulty,
                    alignment=centred,
                    tooltip=lambda row: content_text(DIFFICULTY_NAMES[row.scenario.difficulty]),
                ),
                Column(
                    self.tr("Your best"),
                    self._best_text,
                    sort=lambda row: row.best if row.best is not None else -1000,
                    alignment=centred,
                    foreground=_best_colour,
                ),
            ],
            {ID_ROLE: lambda row: row.scenario.id},
        )

    def set_scenarios(self, scenarios: list[Scenario]) -> None:
        self.reset(_row_of(scenario) for scenario in scenarios)

    def set_progress(self, best: dict[str, int], unfinished: dict[str, int]) -> None:
        """The trainee's best totals and unfinished attempts, by scenario ID."""
        self.update(
            (
                replace(
                    row, best=best.get(row.scenario.id), unfinished=unfinished.get(row.scenario.id)
                )
                for row in self.rows
            ),
            BEST_COLUMN,
        )

    def row_of(self, scenario_id: str) -> int | None:
        return self.find(lambda row: row.scenario.id == scenario_id)

    def _best_text(self, row: CatalogueRow) -> str:
        text = f"{row.best} / {row.best_possible}" if row.best is not None else "—"
        if row.unfinished is not None:
            text = self.tr("%1 · unfinished").replace("%1", text)
        return text


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
