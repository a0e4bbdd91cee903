"""Registering candidates (with consent), the candidate list, and typing in paper answers."""

import threading
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.services import candidates, selftests
from cs_trainer.services.candidates import NewCandidate
from cs_trainer.store.database import Database
from cs_trainer.ui.candidates.candidate_dialog import AddCandidateDialog
from cs_trainer.ui.candidates.candidate_table_model import CandidateTableModel
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.selftest.selftest_dialogs import PaperAnswers, PaperEntryDialog, SelfTestSetup


def test_register_needs_name_phone_and_consent(qtbot: QtBot) -> None:
    dialog = AddCandidateDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    register = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    consent_label = dialog.findChild(QLabel, "consentText")
    assert consent_label is not None
    consent_text = consent_label.text()
    assert "12 months" in consent_text and "phone number" in consent_text
    dialog.name_edit.setText("王小明")  # Chinese is set, not typed: keyClicks aborts on non-ASCII
    qtbot.keyClicks(dialog.phone_edit, "13912345678")
    assert not register.isEnabled(), "no registration without consent"
    dialog.consent_box.setFocus()
    qtbot.keyClick(dialog.consent_box, Qt.Key.Key_Space)
    assert register.isEnabled()
    dialog.name_edit.clear()
    assert not register.isEnabled()
    dialog.name_edit.setText("王小明")
    assert dialog.new_candidate() == NewCandidate("王小明", "13912345678", "", True)


def _answer_add(monkeypatch: pytest.MonkeyPatch, new: NewCandidate) -> None:
    monkeypatch.setattr(AddCandidateDialog, "ask", classmethod(lambda cls, parent, **_: new))


def test_added_candidate_is_listed_selected_and_searchable(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    page = window.candidates_page
    assert "No candidates yet" in page.detail.info_label.text()
    for name, phone in (("王小明", "13912345678"), ("Li Mei", "+86 139 0000 1111")):
        _answer_add(monkeypatch, NewCandidate(name, phone, "客服专员", True))
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
        settle()
    assert page.proxy.rowCount() == 2
    assert "Li Mei" in page.detail.info_label.text(), "the new candidate is selected"
    assert page.start_button.isEnabled()
    qtbot.keyClicks(page.search_edit, "1391")
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, 1).data() == "王小明"
    page.search_edit.clear()
    assert page.proxy.rowCount() == 2


def test_a_bad_phone_number_is_a_message_and_stores_nothing(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    _answer_add(monkeypatch, NewCandidate("王小明", "call me", "", True))
    page = window.candidates_page
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    settle()
    assert shown_problems == [
        "the phone given is not a phone number (digits, spaces, + - and brackets)"
    ]
    assert candidates.list_candidates(db) == []
    assert page.add_button.isEnabled(), "after the message the page is usable again"
    _answer_add(monkeypatch, NewCandidate("王小明", "13912345678", "", True))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    settle()
    assert [c.name for c in candidates.list_candidates(db)] == ["王小明"]
    assert page.selected_candidate_id() is not None


def test_a_fast_second_click_while_saving_registers_the_candidate_once(
    qtbot: QtBot,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    _answer_add(monkeypatch, NewCandidate("王小明", "13912345678", "", True))
    page = window.candidates_page
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert not page.add_button.isEnabled(), "the actions wait while the first one is saved"
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    settle()
    assert len(candidates.list_candidates(db)) == 1
    assert page.add_button.isEnabled() and page.start_button.isEnabled()


def test_paper_form_entry_needs_all_ten_scores(qtbot: QtBot) -> None:
    instrument = service_potential().instrument
    dialog = PaperEntryDialog(instrument, "张三丰", "王经理")
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    assert dialog.total_label.text() == "Scores still to enter: 10"
    for box, value in zip(dialog.spin_boxes, [9, 8, 10, 7, 6, 9, 8, 10, 9], strict=False):
        box.setValue(value)
    assert not save.isEnabled()
    qtbot.keyClick(dialog.spin_boxes[-1], Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.spin_boxes[-1], "8")
    assert save.isEnabled()
    assert dialog.total_label.text() == "Total: 84 / 100"
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("manager"))
    paper = dialog.paper_answers()
    assert paper.setup == SelfTestSetup("manager", "王经理")
    assert [paper.answers[item.id] for item in instrument.items] == [9, 8, 10, 7, 6, 9, 8, 10, 9, 8]


def test_paper_answers_are_stored_as_a_finished_attempt(
    qtbot: QtBot,
    candidate_id: int,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    items = service_potential().instrument.items
    paper = PaperAnswers(SelfTestSetup("manager", "王经理"), {item.id: 4 for item in items})
    monkeypatch.setattr(PaperEntryDialog, "ask", classmethod(lambda cls, *args: paper))
    page = window.candidates_page
    page.select_candidate(candidate_id)
    qtbot.mouseClick(page.paper_button, Qt.MouseButton.LeftButton)
    settle()
    [outcome] = selftests.finished_selftests(db, candidate_id)
    assert (outcome.total, outcome.band.code, outcome.mode) == (40, "not_suited", "manager")
    assert page.detail.result_view.isVisibleTo(page.detail)
    assert (
        page.detail.result_view.band_label.text() == "Customer service may not be the right career"
    )


def test_candidate_table_model_is_a_well_behaved_qt_model(
    qtmodeltester: ModelTester, db: Database, candidate_id: int
) -> None:
    model = CandidateTableModel()
    model.set_rows(candidates.list_candidates(db))
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "张三丰"


def test_the_list_filters_by_stage_and_position_and_sorts(
    qtbot: QtBot, db: Database, window: MainWindow
) -> None:
    from cs_trainer.services import pipeline
    from cs_trainer.ui.candidates.candidate_table_model import STAGE_COLUMN

    people = [("王小明", "客服专员"), ("李梅", "客服主管"), ("赵强", "客服专员")]
    ids = [
        candidates.add_candidate(db, NewCandidate(name, f"1390000000{n}", position, True))
        for n, (name, position) in enumerate(people)
    ]
    pipeline.move_stage(db, ids[2], "screened", "王经理", "")
    page = window.candidates_page
    page.refresh()
    assert page.proxy.rowCount() == 3
    page.stage_filter.setCurrentIndex(page.stage_filter.findData("screened"))
    assert [page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount())] == ["赵强"]
    assert page.proxy.index(0, STAGE_COLUMN).data() == "Screened"
    page.stage_filter.setCurrentIndex(0)
    page.position_filter.setCurrentIndex(page.position_filter.findData("客服专员"))
    names = sorted(page.proxy.index(r, 1).data() for r in range(page.proxy.rowCount()))
    assert names == ["王小明", "赵强"]
    page.position_filter.setCurrentIndex(0)
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [page.proxy.index(r, 0).data() for r in range(3)] == [str(i) for i in ids]


def test_a_stage_change_is_saved_and_a_refused_one_is_one_message(
    qtbot: QtBot,
    candidate_id: int,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    from cs_trainer.ui.candidates.pipeline_dialogs import StageDialog, StageRequest

    page = window.candidates_page
    page.select_candidate(candidate_id)
    requests = iter(
        [StageRequest("screened", "", "王经理"), StageRequest("rejected", "", "王经理")]
    )
    monkeypatch.setattr(StageDialog, "ask", classmethod(lambda cls, *args: next(requests)))
    qtbot.mouseClick(page.stage_button, Qt.MouseButton.LeftButton)
    settle()
    assert candidates.get_candidate(db, candidate_id).stage == "screened"
    assert "Stage: <b>Screened</b>" in page.detail.info_label.text()
    qtbot.mouseClick(page.stage_button, Qt.MouseButton.LeftButton)  # closing needs a reason
    settle()
    assert shown_problems == ["closing or reopening a case needs a reason"]
    assert candidates.get_candidate(db, candidate_id).stage == "screened"
    assert page.stage_button.isEnabled()


def test_a_stage_change_over_another_laptops_change_is_refused_and_the_page_shows_it(
    qtbot: QtBot,
    candidate_id: int,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    from cs_trainer.services import pipeline
    from cs_trainer.ui.candidates.pipeline_dialogs import StageDialog, StageRequest

    page = window.candidates_page
    page.select_candidate(candidate_id)

    def answer_while_another_laptop_moves_the_candidate(*_args: object) -> StageRequest:
        laptop = threading.Thread(  # not the GUI thread, as another laptop's write is not
            target=lambda: pipeline.move_stage(db, candidate_id, "screened", "李主管", "")
        )
        laptop.start()
        laptop.join()
        return StageRequest("withdrawn", "本人放弃", "王经理")

    monkeypatch.setattr(
        StageDialog, "ask", classmethod(answer_while_another_laptop_moves_the_candidate)
    )
    qtbot.mouseClick(page.stage_button, Qt.MouseButton.LeftButton)
    settle()
    assert len(shown_problems) == 1
    assert "the stage is now Screened" in shown_problems[0]
    assert candidates.get_candidate(db, candidate_id).stage == "screened"
    assert "Stage: <b>Screened</b>" in page.detail.info_label.text()  # what is there now
