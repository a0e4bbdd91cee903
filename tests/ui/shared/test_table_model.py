"""The read-only table base every GUI table model is built on: columns declared once,
rows replaced in one reset or changed in place, checked by Qt's model tester."""

from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cs_trainer.ui.shared.table_model import SORT_ROLE, Column, RowTableModel

ID_ROLE = Qt.ItemDataRole.UserRole + 1
RED = QColor("#b3261e")


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    score: int | None


def _bold(person: Person) -> QFont | None:
    if person.score is None or person.score < 90:
        return None
    font = QFont()
    font.setBold(True)
    return font


class PeopleModel(RowTableModel[Person]):
    """A small model the way the GUI's models declare themselves."""

    def __init__(self) -> None:
        super().__init__()
        self.declare(
            [
                Column("Name", lambda p: p.name, tooltip=lambda p: f"#{p.id}"),
                Column(
                    "Score",
                    lambda p: "—" if p.score is None else str(p.score),
                    sort=lambda p: -1 if p.score is None else p.score,
                    alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    header_tooltip="Out of 100",
                    foreground=lambda p: QBrush(RED) if (p.score or 0) < 50 else None,
                    font=_bold,
                ),
            ],
            {
                ID_ROLE: lambda p: p.id,
                Qt.ItemDataRole.ToolTipRole: lambda p: "row tooltip",
                Qt.ItemDataRole.BackgroundRole: lambda p: QBrush(QColor("#eeeeee")),
            },
        )


PEOPLE = [Person(1, "小王", 95), Person(2, "Li Na", 40), Person(3, "小赵", None)]


@pytest.fixture
def model() -> PeopleModel:
    people = PeopleModel()
    people.reset(PEOPLE)
    return people


def test_an_empty_and_a_filled_model_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    empty = PeopleModel()
    qtmodeltester.check(empty)
    assert (empty.rowCount(), empty.columnCount()) == (0, 2)
    filled = PeopleModel()
    filled.reset(PEOPLE)
    qtmodeltester.check(filled)
    assert (filled.rowCount(), filled.columnCount()) == (3, 2)


def test_each_role_comes_from_its_column(model: PeopleModel) -> None:
    wang, li, zhao = (model.index(row, 1) for row in range(3))
    assert [index.data() for index in (wang, li, zhao)] == ["95", "40", "—"]
    assert [index.data(SORT_ROLE) for index in (wang, li, zhao)] == [95, 40, -1]
    assert model.index(0, 0).data(SORT_ROLE) == "小王", "without a sort value: the text"
    assert wang.data(Qt.ItemDataRole.TextAlignmentRole) == (
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert li.data(Qt.ItemDataRole.ForegroundRole).color() == RED
    assert wang.data(Qt.ItemDataRole.ForegroundRole) is None
    assert wang.data(Qt.ItemDataRole.FontRole).bold()
    assert li.data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, 0).data(ID_ROLE) == 2 == li.data(ID_ROLE)


def test_a_row_role_answers_where_the_column_says_nothing(model: PeopleModel) -> None:
    assert model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole) == "#2", "the column's wins"
    assert model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole) == "row tooltip"
    background = model.index(2, 1).data(Qt.ItemDataRole.BackgroundRole)
    assert background.color() == QColor("#eeeeee")


def test_headers_and_positions_outside_the_table(model: PeopleModel) -> None:
    horizontal, vertical = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
    assert [model.headerData(c, horizontal) for c in range(2)] == ["Name", "Score"]
    assert model.headerData(1, horizontal, Qt.ItemDataRole.ToolTipRole) == "Out of 100"
    assert model.headerData(0, horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(2, horizontal) is None and model.headerData(0, vertical) is None
    assert model.data(QModelIndex()) is None
    assert not model.index(3, 0).isValid() and not model.index(0, 2).isValid()
    assert model.rowCount(model.index(0, 0)) == 0 and model.columnCount(model.index(0, 0)) == 0


def test_reset_replaces_rows_and_columns_in_one_model_reset(
    qtbot: QtBot, qtmodeltester: ModelTester, model: PeopleModel
) -> None:
    qtmodeltester.check(model)  # keeps watching the model through what follows
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.reset(PEOPLE[:1], [Column[Person]("Only the name", lambda p: p.name)])
    assert (model.rowCount(), model.columnCount()) == (1, 1)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Only the name"
    with qtbot.waitSignal(model.modelReset):
        model.reset([])
    assert model.rowCount() == 0 and model.columnCount() == 1


def test_update_changes_rows_in_place_and_keeps_the_selection(
    qtbot: QtBot, qtmodeltester: ModelTester, model: PeopleModel
) -> None:
    qtmodeltester.check(model)
    persistent = model.index(2, 0)
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.waitSignal(model.dataChanged) as changed,
    ):
        model.update([replace(person, score=100) for person in PEOPLE], 1)
    top_left, bottom_right = changed.args[0], changed.args[1]
    assert (top_left.row(), top_left.column()) == (0, 1), "only the score column changed"
    assert (bottom_right.row(), bottom_right.column()) == (2, 1)
    assert persistent.isValid() and model.index(2, 1).data() == "100"
    with pytest.raises(ValueError, match="reset"):
        model.update(PEOPLE[:2])


def test_rows_are_found_and_sorted_through_a_proxy(model: PeopleModel) -> None:
    assert model.row(1) == PEOPLE[1] and list(model.rows) == PEOPLE
    assert model.find(lambda p: p.name == "小赵") == 2
    assert model.find(lambda p: p.id == 99) is None
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(3)] == ["小赵", "Li Na", "小王"]
