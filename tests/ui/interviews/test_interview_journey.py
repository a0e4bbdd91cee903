"""HR builds a plan, two interviewers rate a candidate, HR decides and saves the sheet."""

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from cs_trainer.errors import DiskFullError
from cs_trainer.services import candidates, interviews, pipeline, plans
from cs_trainer.store.database import Database
from cs_trainer.ui.candidates.pipeline_dialogs import (
    DecisionDialog,
    DecisionRequest,
    InterviewRequest,
    StartInterviewDialog,
)
from cs_trainer.ui.candidates.sheet_actions import SheetActions
from cs_trainer.ui.interviews.plans_page import PlansPage
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.shared import operations

CHOSEN = 4  # questions ticked in the plan


def _question_items(page: PlansPage) -> list[QTreeWidgetItem]:
    tree = page.question_tree
    items: list[QTreeWidgetItem] = []
    for g in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(g)
        assert group is not None
        for c in range(group.childCount()):
            item = group.child(c)
            assert item is not None
            items.append(item)
    return items


def _settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: operations.pending() == 0, timeout=20_000)


def _make_plan(qtbot: QtBot, window: MainWindow) -> int:
    window.nav.setCurrentRow(1)
    page = window.plans_page
    assert window.pages.currentWidget() is page
    page.name_edit.setText("客服专员初试")
    page.position_edit.setText("客服专员")
    for item in _question_items(page)[:CHOSEN]:
        item.setCheckState(0, Qt.CheckState.Checked)
    napkins = next(
        page.task_list.item(r)
        for r in range(page.task_list.count())
        if page.task_list.item(r).data(Qt.ItemDataRole.UserRole + 1) == "fold_napkins"
    )
    napkins.setCheckState(Qt.CheckState.Checked)
    page.typing_combo.setCurrentIndex(1)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert page.plan_id is not None
    assert page.plan_list.count() == 1
    return page.plan_id


def _interview(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    plan_id: int,
    rater: str,
    scores: list[int],
) -> None:
    monkeypatch.setattr(
        StartInterviewDialog,
        "ask",
        classmethod(lambda cls, parent, name, available, default: InterviewRequest(plan_id, rater)),
    )
    window.nav.setCurrentRow(0)
    qtbot.mouseClick(window.candidates_page.interview_button, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    page = window.interview_page
    assert window.pages.currentWidget() is page
    for score in scores[:CHOSEN]:
        qtbot.keyClick(page, getattr(Qt.Key, f"Key_{score}"))
        qtbot.keyClick(page, Qt.Key.Key_PageDown)
    assert page.current_item() == "task:fold_napkins"
    panel = page.task_panel
    for _ in range(3):
        qtbot.mouseClick(panel.plus_button, Qt.MouseButton.LeftButton)
    panel.checklist.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClick(page, getattr(Qt.Key, f"Key_{scores[CHOSEN]}"))
    panel.notes.setPlainText("叠到第三张开始叹气")
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert window.pages.currentWidget() is window.candidates_page


def test_plan_interview_by_two_raters_decision_and_sheet(
    qtbot: QtBot,
    candidate_id: int,
    window: MainWindow,
    db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan_id = _make_plan(qtbot, window)
    plan = plans.resolve_plan(db, plan_id)
    assert len(plan.questions) == CHOSEN and [t.id for t in plan.tasks] == ["fold_napkins"]
    assert plan.typing is not None

    window.candidates_page.select_candidate(candidate_id)
    _interview(qtbot, window, monkeypatch, plan_id, "王经理", [4, 5, 3, 4, 2])
    window.candidates_page.select_candidate(candidate_id)
    _interview(qtbot, window, monkeypatch, plan_id, "Li Mei", [5, 5, 2, 4, 4])

    [summary] = interviews.summarise(db, candidate_id)
    assert summary.raters == ["王经理", "Li Mei"]
    first = plan.questions[0].id
    assert summary.item_means[first] == 4.5
    assert summary.item_means["task:fold_napkins"] == 3.0
    napkins = summary.task_data[("王经理", "task:fold_napkins")]
    assert napkins.data["count"] == 3 and len(napkins.data["signs"]) == 1
    assert napkins.notes == "叠到第三张开始叹气"

    view = window.candidates_page.detail.interview_summary
    assert view.table.columnCount() == 5  # item, group, two raters, mean
    header, mean = view.table.horizontalHeaderItem(2), view.table.item(0, 4)
    assert header is not None and header.text() == "王经理"
    assert mean is not None and mean.text() == "4.5"
    assert [label for label, _value in view.radar.values] == [
        "Psychological qualities",
        "Character",
        "Skills",
        "Overall qualities",
    ]

    monkeypatch.setattr(
        DecisionDialog,
        "ask",
        classmethod(
            lambda cls, parent, name, by: DecisionRequest("hire", "两位面试官一致推荐", "王经理")
        ),
    )
    qtbot.mouseClick(window.candidates_page.decision_button, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert pipeline.latest_decision(db, candidate_id).decision == "hire"  # type: ignore[union-attr]
    assert "Decision: Hire" in window.candidates_page.detail.info_label.text()

    out = tmp_path / "sheet.pdf"
    monkeypatch.setattr(SheetActions, "ask_save_path", classmethod(lambda cls, p, n: out))
    actions = window.candidates_page.sheet_actions
    with qtbot.waitSignal(actions.message, timeout=30_000):
        qtbot.mouseClick(window.candidates_page.save_button, Qt.MouseButton.LeftButton)
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    for expected in (
        "王经理",
        "Li Mei",
        "两位面试官一致推荐",
        "录用",
        plan.questions[0].text.zh[:8],
        "叠到第三张开始叹气",
    ):
        assert expected in text.replace("\n", ""), expected
    assert candidates.get_candidate(db, candidate_id).stage == "registered"


def test_an_interview_left_midway_resumes_for_the_same_interviewer(
    qtbot: QtBot,
    candidate_id: int,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plan_id = _make_plan(qtbot, window)
    monkeypatch.setattr(
        StartInterviewDialog,
        "ask",
        classmethod(
            lambda cls, parent, name, available, default: InterviewRequest(plan_id, "王经理")
        ),
    )
    window.nav.setCurrentRow(0)
    window.candidates_page.select_candidate(candidate_id)
    qtbot.mouseClick(window.candidates_page.interview_button, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    page = window.interview_page
    qtbot.keyClick(page, Qt.Key.Key_3)
    page.question_panel.notes.setPlainText("answered with a concrete example")
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert window.pages.currentWidget() is window.candidates_page
    [state] = interviews.interviews_of(db, candidate_id)
    first = state.plan.questions[0].id
    assert state.ratings[first].score == 3
    assert state.ratings[first].notes == "answered with a concrete example"
    assert not state.finished

    qtbot.mouseClick(window.candidates_page.interview_button, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert page.state is not None and page.state.attempt_id == state.attempt_id
    assert page.current_item() == state.plan.questions[1].id, "resumes at the first unrated"
    page.item_list.setCurrentRow(0)
    assert page.question_panel.scale.score() == 3
    assert page.question_panel.notes.toPlainText() == "answered with a concrete example"


def test_finishing_with_unrated_questions_is_refused(
    qtbot: QtBot,
    candidate_id: int,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
) -> None:
    plan_id = _make_plan(qtbot, window)
    attempt = interviews.start_interview(db, candidate_id, plan_id, "王经理")
    window.run_interview(attempt)
    qtbot.mouseClick(window.interview_page.finish_button, Qt.MouseButton.LeftButton)
    _settle(qtbot)
    assert shown_problems and shown_problems[0].startswith("questions not rated yet")
    assert window.pages.currentWidget() is window.interview_page
    assert window.interview_page.finish_button.isEnabled(), "the interview can go on"


def test_notes_stay_with_their_question_when_another_is_clicked(
    qtbot: QtBot, candidate_id: int, window: MainWindow, db: Database
) -> None:
    plan_id = _make_plan(qtbot, window)
    attempt = interviews.start_interview(db, candidate_id, plan_id, "王经理")
    window.run_interview(attempt)
    page = window.interview_page
    page.question_panel.notes.setPlainText("first answer was vague")  # autosave still pending
    page.item_list.setCurrentRow(2)  # the interviewer clicks another question at once
    page.item_list.setCurrentRow(3)  # and looks at one more without writing anything
    _settle(qtbot)
    state = interviews.load_interview(db, attempt)
    questions = [q.id for q in state.plan.questions]
    assert state.ratings[questions[0]].notes == "first answer was vague"
    assert set(state.ratings) == {questions[0]}, "looking at a question records nothing"


def _rated_all_but_the_last(db: Database, attempt: int) -> list[str]:
    """Every question but the last already rated 4 (set up by the test, not the page)."""
    state = interviews.load_interview(db, attempt)
    questions = [q.id for q in state.plan.questions]
    for question in questions[:-1]:
        interviews.rate(db, attempt, question, 4, "")
    return questions


def _count_calls(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    """Count the calls of ``interviews.<name>`` (made on the worker thread) and still make them."""
    real = getattr(interviews, name)
    calls: list[int] = []

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(interviews, name, counted)
    return calls


def test_a_double_click_on_a_score_records_it_once(
    qtbot: QtBot,
    candidate_id: int,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    plan_id = _make_plan(qtbot, window)
    attempt = interviews.start_interview(db, candidate_id, plan_id, "王经理")
    window.run_interview(attempt)
    page = window.interview_page
    calls = _count_calls(monkeypatch, "rate")
    three = page.question_panel.scale.group.button(3)
    qtbot.mouseClick(three, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(three, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page, Qt.Key.Key_PageDown)  # moving on re-sends nothing either
    qtbot.keyClick(page, Qt.Key.Key_PageUp)
    assert page.question_panel.scale.score() == 3, "back on it before the save landed"
    settle()
    assert len(calls) == 1
    first = interviews.load_interview(db, attempt).plan.questions[0].id
    assert interviews.load_interview(db, attempt).ratings[first].score == 3
    assert page.item_list.item(0).text().startswith("[3] ")


def test_a_refused_rating_is_shown_unmarked_and_leaving_waits_for_it(
    qtbot: QtBot,
    candidate_id: int,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    plan_id = _make_plan(qtbot, window)
    attempt = interviews.start_interview(db, candidate_id, plan_id, "王经理")
    window.run_interview(attempt)
    page = window.interview_page
    real_rate = interviews.rate

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise DiskFullError("the db")

    monkeypatch.setattr(interviews, "rate", disk_full)
    qtbot.keyClick(page, Qt.Key.Key_3)
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    settle()
    assert len(shown_problems) == 1 and "is full" in shown_problems[0]
    assert window.pages.currentWidget() is page, "nothing was saved: the interviewer stays"
    assert page.item_list.item(0).text().startswith("[ ] "), "not marked as rated"
    assert page.leave_button.isEnabled()
    assert interviews.load_interview(db, attempt).ratings == {}

    monkeypatch.setattr(interviews, "rate", real_rate)  # the disk has room again
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    settle()
    assert window.pages.currentWidget() is window.candidates_page
    first = interviews.load_interview(db, attempt).plan.questions[0].id
    assert interviews.load_interview(db, attempt).ratings[first].score == 3, "sent again"


def test_a_double_click_on_finish_finishes_once(
    qtbot: QtBot,
    candidate_id: int,
    window: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    plan_id = _make_plan(qtbot, window)
    attempt = interviews.start_interview(db, candidate_id, plan_id, "王经理")
    questions = _rated_all_but_the_last(db, attempt)
    window.run_interview(attempt)
    page = window.interview_page
    assert page.current_item() == questions[-1]
    calls = _count_calls(monkeypatch, "finish_interview")
    finished: list[int] = []
    page.finished.connect(finished.append)
    qtbot.keyClick(page, Qt.Key.Key_5)  # the last rating, still on its way when Finish is hit
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    settle()
    assert shown_problems == []
    assert len(calls) == 1 and finished == [attempt]
    state = interviews.load_interview(db, attempt)
    assert state.finished and state.ratings[questions[-1]].score == 5


def test_a_rating_over_another_laptops_rating_is_refused_and_the_interview_shows_it(
    qtbot: QtBot,
    candidate_id: int,
    window: MainWindow,
    db: Database,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    plan_id = _make_plan(qtbot, window)
    attempt = interviews.start_interview(db, candidate_id, plan_id, "王经理")
    window.run_interview(attempt)  # the interview is open here, and on another laptop
    page = window.interview_page
    first = interviews.load_interview(db, attempt).plan.questions[0].id
    laptop = Database.open(db.url)
    try:
        other = threading.Thread(  # off the GUI thread, as another laptop's write is
            target=lambda: interviews.rate(laptop, attempt, first, 4, "另一台电脑的备注", None, 0)
        )
        other.start()
        other.join()
    finally:
        laptop.dispose()
    qtbot.keyClick(page, Qt.Key.Key_2)  # this screen still shows the question unrated
    settle()

    assert len(shown_problems) == 1
    assert "it is now rated 4, with notes. Nothing was saved" in shown_problems[0]
    assert "另一台电脑的备注" not in shown_problems[0]
    saved = interviews.load_interview(db, attempt)
    assert saved.ratings[first] == interviews.ItemRating(4, "另一台电脑的备注", {})
    assert page.current_item() == first, "still on the question, shown as saved now"
    assert page.question_panel.scale.score() == 4
    assert page.question_panel.notes.toPlainText() == "另一台电脑的备注"
    assert page.item_list.item(0).text().startswith("[4] ")


def test_quick_saves_of_one_item_from_one_screen_never_refuse_each_other(
    qtbot: QtBot,
    candidate_id: int,
    window: MainWindow,
    db: Database,
    shown_problems: list[str],
    settle: Callable[[], None],
) -> None:
    plan_id = _make_plan(qtbot, window)
    attempt = interviews.start_interview(db, candidate_id, plan_id, "王经理")
    window.run_interview(attempt)
    page = window.interview_page
    for key in (Qt.Key.Key_3, Qt.Key.Key_5, Qt.Key.Key_1, Qt.Key.Key_4):  # before any lands
        qtbot.keyClick(page, key)
    page.question_panel.notes.setPlainText("想了想又改")
    page.save_current()
    settle()
    assert shown_problems == []
    first = interviews.load_interview(db, attempt).plan.questions[0].id
    saved = interviews.load_interview(db, attempt)
    assert (saved.ratings[first].score, saved.ratings[first].notes) == (4, "想了想又改")
    assert saved.versions[first] == 5  # five saves, each from the version the one before made
