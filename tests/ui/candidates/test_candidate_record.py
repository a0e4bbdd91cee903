"""A candidate's record in the GUI: a phone already registered, correcting details,
withdrawing consent, exporting, erasing, and the retention list (admin only)."""

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from cs_trainer.services import candidate_data, candidates, pipeline, retention
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.services.candidates import CandidateEdit, NewCandidate
from cs_trainer.store.database import Database
from cs_trainer.store.models import Decision
from cs_trainer.ui.candidates.candidate_actions import CandidateActions
from cs_trainer.ui.candidates.candidate_dialog import AddCandidateDialog
from cs_trainer.ui.candidates.record_dialogs import (
    OPEN_EXISTING,
    REGISTER_ANYWAY,
    DuplicatePhoneDialog,
    EditCandidateDialog,
    EraseDialog,
    RetentionDialog,
    WithdrawConsentDialog,
)
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.shared.translation import LanguageSwitch

Settle = Callable[[], None]


def _click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _answer(monkeypatch: pytest.MonkeyPatch, cls: type, answer: object) -> list[tuple[object, ...]]:
    asked: list[tuple[object, ...]] = []

    def ask(_cls: type, /, *args: object, **kwargs: object) -> object:
        asked.append((*args, *kwargs.values()))
        return answer

    monkeypatch.setattr(cls, "ask", classmethod(ask))
    return asked


@pytest.mark.parametrize("choice", [OPEN_EXISTING, REGISTER_ANYWAY, None])
def test_a_phone_already_registered_offers_the_existing_record(
    qtbot: QtBot,
    window: MainWindow,
    candidate_id: int,
    monkeypatch: pytest.MonkeyPatch,
    settle: Settle,
    choice: str | None,
) -> None:
    page = window.candidates_page
    page.refresh()  # the candidate was registered after the window opened
    page.search_edit.setText("nobody")  # the existing record is filtered out of sight
    _answer(monkeypatch, AddCandidateDialog, NewCandidate("李四", "138-0013-8000", "前台", True))
    warned = _answer(monkeypatch, DuplicatePhoneDialog, choice)
    _click(qtbot, page.add_button)
    settle()
    [(_parent, problem, editing)] = warned
    assert f"ID {candidate_id}" in str(problem) and "8000" not in str(problem)
    assert editing is False
    rows = candidates.list_candidates(window.candidates_page._db)
    if choice == OPEN_EXISTING:
        assert page.selected_candidate_id() == candidate_id
        assert "张三丰" in page.detail.info_label.text()
    assert len(rows) == (2 if choice == REGISTER_ANYWAY else 1)


def test_the_registration_dialog_shows_the_retention_setting(
    qtbot: QtBot, window: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch, settle: Settle
) -> None:
    retention.set_retention_months(db, 18)
    asked = _answer(monkeypatch, AddCandidateDialog, None)
    _click(qtbot, window.candidates_page.add_button)
    settle()
    [(_parent, consent)] = asked
    dialog = AddCandidateDialog(window, consent)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "consentText")
    assert label is not None and "18 months" in label.text()


def test_details_are_corrected_and_consent_withdrawn_from_the_record(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    candidate_id: int,
    monkeypatch: pytest.MonkeyPatch,
    settle: Settle,
) -> None:
    page = window.candidates_page
    page.refresh()  # the candidate was registered after the window opened
    page.select_candidate(candidate_id)
    assert "notice 2026-11-v1" in page.detail.info_label.text()
    _answer(monkeypatch, EditCandidateDialog, CandidateEdit(name="张三", phone="13800138001"))
    _click(qtbot, page.detail.edit_button)
    settle()
    assert candidates.get_candidate(db, candidate_id).phone == "13800138001"
    assert "张三" in page.detail.info_label.text()
    _answer(monkeypatch, WithdrawConsentDialog, True)
    _click(qtbot, page.detail.withdraw_button)
    settle()
    assert candidates.get_candidate(db, candidate_id).consent_withdrawn_at is not None
    assert "withdrawn" in page.detail.info_label.text()
    assert not page.detail.withdraw_button.isEnabled()


def test_the_edit_dialog_saves_only_what_changed(
    qtbot: QtBot, db: Database, candidate_id: int
) -> None:
    dialog = EditCandidateDialog(candidates.get_candidate(db, candidate_id))
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled(), "nothing changed yet"
    dialog.phone_edit.setText("13800138009")
    assert save.isEnabled()
    assert dialog.edit() == CandidateEdit(phone="13800138009")
    dialog.name_edit.clear()
    assert not save.isEnabled()


def test_export_and_erase_from_the_record(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    candidate_id: int,
    monkeypatch: pytest.MonkeyPatch,
    settle: Settle,
    tmp_path: Path,
) -> None:
    page = window.candidates_page
    page.refresh()  # the candidate was registered after the window opened
    page.select_candidate(candidate_id)
    out = tmp_path / "export"
    out.mkdir()
    monkeypatch.setattr(CandidateActions, "ask_export_folder", classmethod(lambda cls, p: out))
    _click(qtbot, page.detail.export_button)
    settle()
    data = json.loads((out / f"candidate-{candidate_id}.json").read_text(encoding="utf-8"))
    assert data["person"]["name"] == "张三丰"
    assert (out / f"candidate-{candidate_id}-sheet.pdf").exists()
    plans = _answer(monkeypatch, EraseDialog, False)
    _click(qtbot, page.detail.erase_button)
    settle()
    [(_parent, plan)] = plans
    assert isinstance(plan, candidate_data.ErasurePlan) and plan.candidate_id == candidate_id
    assert candidates.get_candidate(db, candidate_id).erased_at is None, "not confirmed"
    _answer(monkeypatch, EraseDialog, True)
    _click(qtbot, page.detail.erase_button)
    settle()
    assert candidates.get_candidate(db, candidate_id).erased_at is not None
    text = page.detail.info_label.text()
    assert f"Erased candidate #{candidate_id}" in text and "张三丰" not in text
    for button in (page.detail.edit_button, page.detail.export_button, page.detail.erase_button):
        assert not button.isEnabled()


def test_the_erase_confirmation_names_what_goes_and_the_backup_caveat(
    qtbot: QtBot, db: Database, candidate_id: int
) -> None:
    plan = candidate_data.erasure_plan(db, candidate_id)
    for language, words in (
        ("en", ("name and phone number", "no automatic backups", "Kept, anonymised")),
        ("zh", ("姓名和电话", "不会自动备份", "匿名保留")),
    ):
        LanguageSwitch.apply(language)
        dialog = EraseDialog.for_candidate(plan)
        qtbot.addWidget(dialog)
        assert all(word in dialog.text_label.text() for word in words), language
        assert not dialog.erase_button.isEnabled()
        dialog.confirm_box.setChecked(True)
        assert dialog.erase_button.isEnabled()


def _decided_long_ago(db: Database, person: int) -> None:
    pipeline.decide(db, person, "reject", "reason", "王经理")
    with db.writing() as session:
        for decision in session.query(Decision).filter(Decision.person_id == person):
            decision.at -= timedelta(days=400)


def test_retention_is_for_administrators_and_erases_the_due(
    qtbot: QtBot,
    db: Database,
    candidate_id: int,
    every_role: dict[str, Actor],
    monkeypatch: pytest.MonkeyPatch,
    settle: Settle,
) -> None:
    with acting_as(every_role["hr"]):
        _decided_long_ago(db, candidate_id)
        main = MainWindow(db)
        qtbot.addWidget(main)
        page = main.candidates_page
        assert page.retention_button.isHidden(), "HR does not see it"
    with acting_as(every_role["admin"]):
        page._update_buttons()
        assert not page.retention_button.isHidden()
        shown = _answer(monkeypatch, RetentionDialog, [candidate_id])
        _click(qtbot, page.retention_button)
        settle()
    [(_parent, due, months)] = shown
    assert [c.id for c in due] == [candidate_id]  # type: ignore[attr-defined]
    assert months == 12
    with acting_as(every_role["hr"]):
        assert candidates.get_candidate(db, candidate_id).erased_at is not None


def test_the_retention_dialog_lists_without_personal_data(
    qtbot: QtBot, db: Database, candidate_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _decided_long_ago(db, candidate_id)
    due = retention.due(db, date.today())
    dialog = RetentionDialog(due, 12)
    qtbot.addWidget(dialog)
    items = [dialog.table.item(0, column) for column in range(dialog.table.columnCount())]
    cells = [item.text() for item in items if item is not None]
    assert cells[0] == str(candidate_id) and "张三丰" not in cells
    monkeypatch.setattr(EraseDialog, "ask_due", classmethod(lambda cls, *args: True))
    dialog._erase()
    assert dialog.erase_confirmed
