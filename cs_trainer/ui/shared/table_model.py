"""The one base for the GUI's read-only tables: rows of plain values, columns declared once.

Every list the GUI shows as a table is a sequence of plain rows a service returned
(candidate summaries, catalogue rows, entries, item statistics), one column per
field. Declaring a column once — its header, how a row reads in it, how it sorts,
where it aligns, its tooltip and colours — leaves the Qt bookkeeping (counts,
bounds, roles, header data, the begin/end reset discipline) in this one place, which
pytest-qt's model tester checks, instead of in a copy per page that drifts.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

RowT = TypeVar("RowT")
Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""The role a column's sort value is read from: a proxy sorts with ``setSortRole(SORT_ROLE)``."""

RowRole = Callable[[RowT], object]
"""A role whose answer depends on the row only (an ID, a search text), whatever the column."""


@dataclass(frozen=True)
class Column(Generic[RowT]):
    """One column: its header (and header tooltip), and what a row gives for each role.

    ``sort`` defaults to the displayed text; the other roles answer nothing unless
    given. A role callable may return None for rows it has nothing to say about.
    """

    header: str
    display: Callable[[RowT], str]
    sort: Callable[[RowT], object] | None = None
    alignment: Qt.AlignmentFlag | None = None
    tooltip: Callable[[RowT], str | None] | None = None
    header_tooltip: str | None = None
    foreground: Callable[[RowT], QBrush | None] | None = None
    background: Callable[[RowT], QBrush | None] | None = None
    font: Callable[[RowT], QFont | None] | None = None

    def value(self, row: RowT, role: int) -> Any:
        """What ``row`` shows in this column for ``role`` (None: nothing)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row)
        if role == SORT_ROLE:
            return (self.sort or self.display)(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment
        getters: dict[int, Callable[[RowT], object] | None] = {
            Qt.ItemDataRole.ToolTipRole: self.tooltip,
            Qt.ItemDataRole.ForegroundRole: self.foreground,
            Qt.ItemDataRole.BackgroundRole: self.background,
            Qt.ItemDataRole.FontRole: self.font,
        }
        getter = getters.get(role)
        return getter(row) if getter is not None else None


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """A flat, read-only table of ``RowT`` values.

    A subclass declares its columns (and the roles that hold for a whole row, such
    as an ID role) once with :meth:`declare`, usually in ``__init__`` where
    ``self.tr`` is at hand; :meth:`reset` replaces the rows (and, for a table whose
    columns come from the data, the columns) in one model reset; :meth:`update`
    changes rows in place so that a selection survives. A column's answer for a role
    wins; a row role answers for every column that has nothing for it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns: tuple[Column[RowT], ...] = ()
        self._row_roles: dict[int, RowRole[RowT]] = {}
        self._rows: tuple[RowT, ...] = ()

    def declare(
        self, columns: Iterable[Column[RowT]], row_roles: Mapping[int, RowRole[RowT]] | None = None
    ) -> None:
        """The table's shape: its columns and the roles that belong to whole rows."""
        self._row_roles = dict(row_roles or {})
        self.reset((), columns)

    def reset(self, rows: Iterable[RowT], columns: Iterable[Column[RowT]] | None = None) -> None:
        """Show ``rows`` instead of the current ones (and ``columns``, if given)."""
        self.beginResetModel()
        self._rows = tuple(rows)
        if columns is not None:
            self._columns = tuple(columns)
        self.endResetModel()

    def update(self, rows: Iterable[RowT], *columns: int) -> None:
        """The same rows, changed in place (``columns`` only, or all): no reset, so the
        views keep their selection and scroll position."""
        changed = tuple(rows)
        if len(changed) != len(self._rows):
            raise ValueError("update() keeps the rows; use reset() to add or remove some")
        self._rows = changed
        shown = columns or tuple(range(len(self._columns)))
        if self._rows and shown:
            first = self.index(0, min(shown))
            self.dataChanged.emit(first, self.index(len(self._rows) - 1, max(shown)))

    @property
    def rows(self) -> Sequence[RowT]:
        return self._rows

    def row(self, number: int) -> RowT:
        return self._rows[number]

    def find(self, wanted: Callable[[RowT], bool]) -> int | None:
        """The number of the first row ``wanted`` accepts, or None."""
        return next((number for number, row in enumerate(self._rows) if wanted(row)), None)

    # -- Qt's side --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._columns[section].header_tooltip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        number, column = index.row(), index.column()
        if not (0 <= number < len(self._rows) and 0 <= column < len(self._columns)):
            return None
        row = self._rows[number]
        value = self._columns[column].value(row, role)
        if value is None and role in self._row_roles:
            value = self._row_roles[role](row)
        return value
