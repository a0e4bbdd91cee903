"""The Interviews page: importing and exporting question banks, and the typing pass mark."""

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cs_trainer.quizzes.bank_io import read_bank, write_bank
from cs_trainer.quizzes.interview_content import builtin_bank
from cs_trainer.services import banks, plans, typing_tests
from cs_trainer.store.database import Database
from cs_trainer.ui.interviews.plans_page import PlansPage
from cs_trainer.ui.main_window import MainWindow


def test_import_and_export_a_bank_from_the_interviews_page(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ours = builtin_bank().content.model_copy(update={"id": "our_bank"})
    source = tmp_path / "our_bank.csv"
    write_bank(ours, source)
    page = window.plans_page
    monkeypatch.setattr(PlansPage, "ask_open_path", classmethod(lambda cls, parent: source))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.bank_combo.findData("our_bank") >= 0, timeout=20_000)
    assert [b.bank_id for b in banks.list_banks(db)] == [builtin_bank().content.id, "our_bank"]

    page.bank_combo.setCurrentIndex(page.bank_combo.findData("our_bank"))
    out = tmp_path / "exported.xlsx"
    monkeypatch.setattr(PlansPage, "ask_save_path", classmethod(lambda cls, p, bank_id: out))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists, timeout=20_000)
    assert read_bank(out) == ours


def test_a_bad_bank_file_is_one_message_and_imports_nothing(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("id,group\nq1,nonsense\n", encoding="utf-8")
    monkeypatch.setattr(PlansPage, "ask_open_path", classmethod(lambda cls, parent: bad))
    qtbot.mouseClick(window.plans_page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown_problems), timeout=20_000)
    assert f"{bad}:" in shown_problems[0]
    assert [b.bank_id for b in banks.list_banks(db)] == [builtin_bank().content.id]


def test_the_typing_pass_mark_is_a_setting(
    qtbot: QtBot, window: MainWindow, db: Database, settle: Callable[[], None]
) -> None:
    page = window.settings_page
    assert page.pass_mark_box.value() == 80
    page.pass_mark_box.setValue(95)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert typing_tests.typing_pass_mark(db) == 95


def test_clicking_the_highlighted_nav_entry_brings_its_page_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.nav.setCurrentRow(2)
    assert window.pages.currentWidget() is window.roleplay_catalogue
    window.pages.setCurrentWidget(window.roleplay_page)  # as while playing
    item = window.nav.item(2)
    qtbot.mouseClick(
        window.nav.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.nav.visualItemRect(item).center(),
    )
    assert window.pages.currentWidget() is window.roleplay_catalogue


def _tick_first_question(page: PlansPage) -> None:
    group = page.question_tree.topLevelItem(0)
    assert group is not None
    first = group.child(0)
    assert first is not None
    first.setCheckState(0, Qt.CheckState.Checked)


def test_a_double_click_on_save_stores_a_new_plan_once(
    qtbot: QtBot, window: MainWindow, db: Database, settle: Callable[[], None]
) -> None:
    window.nav.setCurrentRow(1)
    page = window.plans_page
    page.name_edit.setText("客服专员初试")
    _tick_first_question(page)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not page.save_button.isEnabled(), "Save waits while the plan is stored"
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle()
    [plan] = plans.list_plans(db)
    assert page.plan_id == plan.id and page.save_button.isEnabled()
    current = page.plan_list.currentItem()
    assert current is not None and current.text().startswith("客服专员初试")

    page.position_edit.setText("客服专员")  # saving again changes that plan, adds none
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert [(p.id, p.position) for p in plans.list_plans(db)] == [(plan.id, "客服专员")]


def test_a_plan_without_a_name_is_one_message_and_the_editor_stays(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    window.nav.setCurrentRow(1)
    page = window.plans_page
    _tick_first_question(page)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert shown_problems == ["the plan needs a name"]
    assert plans.list_plans(db) == [] and page.plan_id is None
    assert page.save_button.isEnabled()
    page.name_edit.setText("复试")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert [p.name for p in plans.list_plans(db)] == ["复试"]
