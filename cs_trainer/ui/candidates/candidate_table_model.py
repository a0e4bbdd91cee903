"""The candidate list as a Qt table model over plain summaries."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.services.candidates import CandidateSummary
from cs_trainer.services.clock import local_date
from cs_trainer.services.pipeline import STAGE_NAMES
from cs_trainer.ui.shared.translation import content_text

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
STAGE_ROLE = Qt.ItemDataRole.UserRole + 3  # the stage code, for filtering
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 4  # name and phone, case-folded, for searching
NAME_COLUMN, POSITION_COLUMN, STAGE_COLUMN, SELFTEST_COLUMN = 1, 3, 4, 6


class CandidateTableModel(QAbstractTableModel):
    """Rows of :class:`CandidateSummary`; ``ID_ROLE`` gives a row's candidate ID."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CandidateSummary] = []
        self._headers = [
            self.tr("ID"),
            self.tr("Name"),
            self.tr("Phone"),
            self.tr("Position"),
            self.tr("Stage"),
            self.tr("Registered"),
            self.tr("Self-test"),
        ]

    def set_rows(self, rows: list[CandidateSummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_of(self, candidate_id: int) -> int | None:
        for number, row in enumerate(self._rows):
            if row.id == candidate_id:
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
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == STAGE_ROLE:
            return row.stage
        if role == SEARCH_ROLE:
            return f"{row.name} {row.phone} {row.phone.replace(' ', '')}".casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == SORT_ROLE:
            return self._sort_key(row, index.column())
        return None

    def _display(self, row: CandidateSummary, column: int) -> str:
        if column == SELFTEST_COLUMN:
            return self._selftest_text(row)
        stage = content_text(STAGE_NAMES[row.stage])
        values = [
            str(row.id),
            row.name,
            row.phone,
            row.position,
            stage,
            str(local_date(row.created_at)),
        ]
        return values[column]

    def _sort_key(self, row: CandidateSummary, column: int) -> Any:
        if column == SELFTEST_COLUMN:
            return row.latest_total if row.latest_total is not None else -1
        if column == STAGE_COLUMN:
            return list(STAGE_NAMES).index(row.stage)
        keys: list[Any] = [row.id, row.name, row.phone, row.position, 0, row.created_at]
        return keys[column]

    def _selftest_text(self, row: CandidateSummary) -> str:
        if row.latest_total is None:
            return self.tr("in progress") if row.has_unfinished else "—"
        bands = {band.code: band for band in service_potential().instrument.bands}
        band = bands.get(row.latest_band or "")
        label = content_text(band.label) if band else ""
        return f"{row.latest_total} · {label}"
