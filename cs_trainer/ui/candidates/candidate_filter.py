"""Searching and filtering the candidate list: name or phone, stage, position."""

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from cs_trainer.ui.candidates.candidate_table_model import POSITION_COLUMN, SEARCH_ROLE, STAGE_ROLE


class CandidateFilterProxy(QSortFilterProxyModel):
    """Sorts, and keeps the rows matching the search text, stage and position."""

    def __init__(self) -> None:
        super().__init__()
        self._search = ""
        self._stage: str | None = None
        self._position: str | None = None

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._search = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_stage(self, stage: str | None) -> None:
        self.beginFilterChange()
        self._stage = stage
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_position(self, position: str | None) -> None:
        self.beginFilterChange()
        self._position = position
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._stage is not None and index.data(STAGE_ROLE) != self._stage:
            return False
        position = model.index(source_row, POSITION_COLUMN, source_parent).data()
        if self._position is not None and position != self._position:
            return False
        searched = str(index.data(SEARCH_ROLE) or "")
        return self._search in searched
