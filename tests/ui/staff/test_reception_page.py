"""The reception assessment page, driven as an assessor uses it: add a staff member, record
deductions and bonuses through the dialog, watch the totals, delete a mistake, save the PDF."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from cs_trainer.services import reception
from cs_trainer.staff_forms.reception_schema import ReceptionStandard
from cs_trainer.store.database import Database
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.staff.reception_entry_dialog import AddEntryDialog, EntryRequest
from cs_trainer.ui.staff.reception_page import ReceptionEntryModel, ReceptionPage, this_month

MARCH_FIRST, MARCH_LAST = date(2025, 3, 1), date(2025, 3, 31)


@pytest.fixture
def page(qtbot: QtBot, db: Database) -> ReceptionPage:
    widget = ReceptionPage(db, ChangeBus())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def show_march(page: ReceptionPage) -> None:
    page.from_edit.setDate(QDate(2025, 3, 1))
    page.to_edit.setDate(QDate(2025, 3, 31))


def add_staff_by_clicking(
    qtbot: QtBot,
    page: ReceptionPage,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    settle: Callable[[], None],
) -> None:
    monkeypatch.setattr(ReceptionPage, "ask_staff_name", classmethod(lambda cls, parent: name))
    qtbot.mouseClick(page.add_staff_button, Qt.MouseButton.LeftButton)
    settle()


def add_entries_by_clicking(
    qtbot: QtBot,
    page: ReceptionPage,
    monkeypatch: pytest.MonkeyPatch,
    requests: list[EntryRequest],
    settle: Callable[[], None],
) -> None:
    """Click "Add entry…" once per request (each once the last one is stored); the dialog
    answers with the next request."""
    answers = iter(requests)

    def answer(
        cls: type, parent: QWidget, standard: ReceptionStandard, *args: object
    ) -> EntryRequest:
        return next(answers)

    monkeypatch.setattr(AddEntryDialog, "ask", classmethod(answer))
    for _ in requests:
        qtbot.mouseClick(page.add_entry_button, Qt.MouseButton.LeftButton)
        settle()


def totals(page: ReceptionPage) -> tuple[str, str, str, str]:
    return (
        page.base_label.text(),
        page.deductions_label.text(),
        page.bonuses_label.text(),
        page.total_label.text(),
    )


MARCH_ENTRIES = [
    EntryRequest("handover_not_recorded", date(2025, 3, 2), "夜班交接本缺记录", "王经理"),
    EntryRequest("quality_claim_success", date(2025, 3, 11), "监督委员会已确认", "赵主任"),
    EntryRequest("physical_conflict", date(2025, 3, 5), "停车纠纷", "王经理"),
]


@pytest.fixture
def assessed(
    qtbot: QtBot,
    page: ReceptionPage,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> ReceptionPage:
    add_staff_by_clicking(qtbot, page, monkeypatch, "李晓梅", settle)
    show_march(page)
    add_entries_by_clicking(qtbot, page, monkeypatch, MARCH_ENTRIES, settle)
    return page


# --- staff and period ---------------------------------------------------------------------


def test_adding_a_staff_member_lists_and_selects_them(
    qtbot: QtBot,
    page: ReceptionPage,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    assert page.staff_list.count() == 0
    assert not page.add_entry_button.isEnabled()
    assert page.total_label.text() == "—"
    add_staff_by_clicking(qtbot, page, monkeypatch, "李晓梅", settle)
    assert [m.name for m in reception.staff_members(db)] == ["李晓梅"]
    assert page.staff_list.currentItem().text() == "李晓梅"
    assert page.person_id == reception.staff_members(db)[0].id
    assert page.add_entry_button.isEnabled()
    assert totals(page) == ("100", "0", "0", "100")


def test_cancelling_the_name_adds_nobody(
    qtbot: QtBot, page: ReceptionPage, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ReceptionPage, "ask_staff_name", classmethod(lambda cls, parent: None))
    qtbot.mouseClick(page.add_staff_button, Qt.MouseButton.LeftButton)
    assert reception.staff_members(db) == []


def test_the_period_defaults_to_this_month(page: ReceptionPage) -> None:
    assert page.period() == this_month(date.today())
    assert this_month(date(2024, 2, 10)) == (date(2024, 2, 1), date(2024, 2, 29))
    assert this_month(date(2025, 12, 31)) == (date(2025, 12, 1), date(2025, 12, 31))


# --- entries and totals -------------------------------------------------------------------


def test_entries_added_through_the_dialog_update_table_and_totals(
    assessed: ReceptionPage,
) -> None:
    model = assessed.model
    shown = [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]
    assert [row[0] for row in shown] == ["2025-03-02", "2025-03-05", "2025-03-11"]
    assert [row[2] for row in shown] == ["-10", "-50", "+100"]
    assert [row[4] for row in shown] == ["90", "40", "140"]
    assert [row[3] for row in shown] == ["夜班交接本缺记录", "停车纠纷", "监督委员会已确认"]
    assert [row[5] for row in shown] == ["王经理", "王经理", "赵主任"]
    assert "Physical conflict" in shown[1][1]
    assert totals(assessed) == ("100", "-60", "+100", "140")
    assert assessed.count_label.text() == "Entries: 3"


def test_changing_the_period_shows_only_its_entries(assessed: ReceptionPage) -> None:
    assessed.to_edit.setDate(QDate(2025, 3, 9))
    assert assessed.model.rowCount() == 2
    assert totals(assessed) == ("100", "-60", "0", "40")
    assessed.from_edit.setDate(QDate(2025, 4, 1))  # after the end: nothing, and nothing made up
    assert assessed.model.rowCount() == 0
    assert assessed.total_label.text() == "—"
    assert assessed.heading.text() == "The period ends before it starts."
    assert not assessed.save_button.isEnabled()


def test_a_refused_entry_is_one_plain_message(
    qtbot: QtBot,
    assessed: ReceptionPage,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    future = EntryRequest("work_log_missing", date(2999, 1, 1), "", "王经理")
    add_entries_by_clicking(qtbot, assessed, monkeypatch, [future], settle)
    assert shown_problems == ["2999-01-01 is in the future; record what has happened"]
    assert assessed.model.rowCount() == 3


def test_the_entries_model_passes_the_model_tester(
    qtmodeltester: object, assessed: ReceptionPage
) -> None:
    qtmodeltester.check(assessed.model)  # type: ignore[attr-defined]
    assert isinstance(assessed.model, ReceptionEntryModel)


# --- deleting -----------------------------------------------------------------------------


def select_row(page: ReceptionPage, row: int) -> None:
    page.table.selectRow(row)
    assert page.delete_button.isEnabled()


def test_delete_asks_first_and_keeps_the_entry_when_declined(
    qtbot: QtBot, assessed: ReceptionPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def decline(cls: type, parent: QWidget, entry: str) -> bool:
        asked.append(entry)
        return False

    monkeypatch.setattr(ReceptionPage, "confirm", classmethod(decline))
    select_row(assessed, 1)
    qtbot.mouseClick(assessed.delete_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "2025-03-05" in asked[0] and "(-50)" in asked[0]
    assert assessed.model.rowCount() == 3


def test_delete_with_confirmation_removes_the_entry_and_updates_totals(
    qtbot: QtBot,
    assessed: ReceptionPage,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    monkeypatch.setattr(ReceptionPage, "confirm", classmethod(lambda cls, parent, entry: True))
    select_row(assessed, 1)
    qtbot.mouseClick(assessed.delete_button, Qt.MouseButton.LeftButton)
    settle()
    assert assessed.model.rowCount() == 2
    assert totals(assessed) == ("100", "-10", "+100", "190")
    assert assessed.person_id is not None
    codes = [r.code for r in reception.entries(db, assessed.person_id, MARCH_FIRST, MARCH_LAST)]
    assert codes == ["handover_not_recorded", "quality_claim_success"]
    assert not assessed.delete_button.isEnabled()  # nothing selected any more


# --- the dialog itself ------------------------------------------------------------------------


@pytest.fixture
def dialog(qtbot: QtBot) -> AddEntryDialog:
    widget = AddEntryDialog(reception.builtin_standard(), "李晓梅", "王经理", date(2025, 3, 5))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def ok_enabled(dialog: AddEntryDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_dialog_lists_every_item_with_its_points(dialog: AddEntryDialog) -> None:
    standard = reception.builtin_standard()
    assert dialog.proxy.rowCount() == len(standard.items)
    first = [dialog.proxy.index(0, column).data() for column in (0, 1)]
    assert first == ["-10", standard.items[0].text.en]
    assert not ok_enabled(dialog)


def test_searching_narrows_the_list_in_either_language(dialog: AddEntryDialog) -> None:
    dialog.search_edit.setText("肢体")
    assert dialog.proxy.rowCount() == 1
    dialog.search_edit.setText("+100")
    assert dialog.proxy.index(0, 1).data().startswith("Successfully helped an owner")
    dialog.search_edit.setText("-50")
    assert dialog.proxy.rowCount() == 4


def test_choosing_an_item_gives_the_request(dialog: AddEntryDialog) -> None:
    dialog.select_item("quarrel_with_owner")
    assert ok_enabled(dialog)
    dialog.note_edit.setText("  在大厅争吵 ")
    dialog.date_edit.setDate(QDate(2025, 3, 4))
    assert dialog.request() == EntryRequest(
        "quarrel_with_owner", date(2025, 3, 4), "在大厅争吵", "王经理"
    )


def test_a_search_keeps_the_chosen_item_only_while_it_is_listed(dialog: AddEntryDialog) -> None:
    dialog.select_item("quarrel_with_owner")
    dialog.search_edit.setText("争吵")
    assert dialog.chosen_code() == "quarrel_with_owner"
    dialog.search_edit.setText("日志")  # hides it: no neighbouring row is chosen instead
    assert dialog.proxy.rowCount() == 1
    assert dialog.chosen_code() is None
    assert not ok_enabled(dialog)
    assert dialog.request() is None


def test_the_date_cannot_be_set_after_today(dialog: AddEntryDialog) -> None:
    dialog.date_edit.setDate(QDate.currentDate().addDays(3))
    assert dialog.date_edit.date() == QDate.currentDate()


# --- saving the sheet -----------------------------------------------------------------------


def test_save_pdf_writes_the_sheet_off_the_gui_thread(
    qtbot: QtBot, assessed: ReceptionPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "李晓梅.pdf"
    suggested: list[str] = []

    def choose(cls: type, parent: QWidget, name: str) -> Path:
        suggested.append(name)
        return out

    monkeypatch.setattr(ReceptionPage, "ask_save_path", classmethod(choose))
    with qtbot.waitSignal(assessed.message, timeout=20_000) as message:
        qtbot.mouseClick(assessed.save_button, Qt.MouseButton.LeftButton)
    assert suggested == ["李晓梅 2025-03-01_2025-03-31"]
    assert str(out) in message.args[0]
    assert assessed.status_label.text() == message.args[0]
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    for expected in ("李晓梅", "2025-03-01 – 2025-03-31", "停车纠纷", "140", "被考核人"):
        assert expected in text, expected


# --- the operation route ----------------------------------------------------------------------


def test_a_double_click_on_delete_deletes_once(
    qtbot: QtBot,
    assessed: ReceptionPage,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
    shown_problems: list[str],
) -> None:
    monkeypatch.setattr(ReceptionPage, "confirm", classmethod(lambda cls, parent, entry: True))
    select_row(assessed, 0)
    qtbot.mouseClick(assessed.delete_button, Qt.MouseButton.LeftButton)
    assert not assessed.delete_button.isEnabled() and not assessed.add_entry_button.isEnabled()
    qtbot.mouseClick(assessed.delete_button, Qt.MouseButton.LeftButton)
    settle()
    assert shown_problems == []
    assert assessed.model.rowCount() == 2
    assert assessed.add_entry_button.isEnabled()


def test_an_entry_deleted_elsewhere_is_one_message_and_the_page_stays_usable(
    qtbot: QtBot,
    assessed: ReceptionPage,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
    shown_problems: list[str],
) -> None:
    monkeypatch.setattr(ReceptionPage, "confirm", classmethod(lambda cls, parent, entry: True))
    select_row(assessed, 1)
    reception.delete_entry(db, assessed.model.entry(1).id)  # another laptop got there first
    qtbot.mouseClick(assessed.delete_button, Qt.MouseButton.LeftButton)
    settle()
    assert len(shown_problems) == 1 and "no reception entry" in shown_problems[0]
    assert assessed.model.rowCount() == 2, "the list shows what is stored now"
    assert totals(assessed) == ("100", "-10", "+100", "190")
    more = EntryRequest("work_log_missing", date(2025, 3, 20), "", "王经理")
    add_entries_by_clicking(qtbot, assessed, monkeypatch, [more], settle)
    assert assessed.model.rowCount() == 3


def test_a_double_click_on_add_staff_adds_one_member(
    qtbot: QtBot,
    page: ReceptionPage,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    monkeypatch.setattr(ReceptionPage, "ask_staff_name", classmethod(lambda cls, parent: "周杰"))
    qtbot.mouseClick(page.add_staff_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.add_staff_button, Qt.MouseButton.LeftButton)
    settle()
    assert [m.name for m in reception.staff_members(db)] == ["周杰"]
    assert page.add_staff_button.isEnabled()


def test_the_delete_question_defaults_to_keeping_the_entry(
    page: ReceptionPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[object, ...]] = []

    def question(*args: object) -> QMessageBox.StandardButton:
        asked.append(args)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    assert not ReceptionPage.confirm(page, "2025-03-05 · Physical conflict (-50)")
    [(_parent, title, text, _buttons, default)] = asked
    assert default == QMessageBox.StandardButton.No
    assert title == "Delete this entry?" and "Physical conflict (-50)" in str(text)
