"""A manager reviews a staff member on the performance page: adds them, starts a review,
rates every item with the mouse and the keyboard, writes comments, finishes and saves the
PDF; the blank form is saved too. Everything is in the database as it is given."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from cs_trainer.services import performance, staff
from cs_trainer.store.database import Database
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.staff.performance_dialogs import (
    AddStaffDialog,
    NewReviewDialog,
    NewStaff,
    ReviewSetup,
)
from cs_trainer.ui.staff.performance_page import PerformancePage
from cs_trainer.ui.staff.review_form import ItemRow

ITEM_IDS = [item.id for item in performance.builtin_form().form.items]
MOUSE_SCORES = dict.fromkeys(ITEM_IDS[:11], 4)
KEY_SCORES = {item_id: 3 + index % 3 for index, item_id in enumerate(ITEM_IDS[11:])}
SETUP = ReviewSetup("王经理", date(2024, 7, 5), date(2024, 1, 1), date(2024, 6, 30))


@pytest.fixture
def page(qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch) -> PerformancePage:
    monkeypatch.setattr(
        AddStaffDialog, "ask", classmethod(lambda cls, parent: NewStaff("李小梅", "客服专员"))
    )
    monkeypatch.setattr(
        NewReviewDialog, "ask", classmethod(lambda cls, parent, name, reviewer, today: SETUP)
    )
    monkeypatch.setattr(PerformancePage, "confirm_finish", classmethod(lambda cls, parent: True))
    widget = PerformancePage(db, ChangeBus())
    qtbot.addWidget(widget)
    widget.resize(1100, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _start(qtbot: QtBot, page: PerformancePage, settle: Callable[[], None]) -> int:
    qtbot.mouseClick(page.add_staff_button, Qt.MouseButton.LeftButton)
    settle()
    assert page.staff_list.count() == 1 and page.selected_staff_id() is not None
    assert page.staff_list.currentItem().text() == "李小梅 — 客服专员"
    qtbot.mouseClick(page.new_review_button, Qt.MouseButton.LeftButton)
    settle()
    assert page.review is not None and page.form_view is not None
    assert page.review_list.count() == 1
    return page.review.attempt_id


def _row(page: PerformancePage, item_id: str) -> ItemRow:
    assert page.form_view is not None
    return page.form_view.rows[item_id]


def _button(page: PerformancePage, item_id: str, score: int) -> QRadioButton:
    button = _row(page, item_id).findChild(QRadioButton, f"score{score}")
    assert isinstance(button, QRadioButton)
    return button


def _type_chinese(widget: QWidget, text: str) -> None:
    """What an input method does; keyClicks with non-ASCII text aborts the process."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_a_whole_review_by_mouse_and_keyboard(
    qtbot: QtBot,
    page: PerformancePage,
    db: Database,
    tmp_path: Path,
    settle: Callable[[], None],
) -> None:
    attempt_id = _start(qtbot, page, settle)
    assert not page.finish_button.isEnabled() and not page.save_pdf_button.isEnabled()
    for item_id, score in MOUSE_SCORES.items():
        qtbot.mouseClick(_button(page, item_id, score), Qt.MouseButton.LeftButton)
    settle()
    assert performance.load_review(db, attempt_id).score(ITEM_IDS[0]) == 4, "saved at once"
    for item_id, score in KEY_SCORES.items():
        button = _button(page, item_id, 1)
        button.setFocus()
        qtbot.keyClick(button, getattr(Qt.Key, f"Key_{score}"))
    settle()
    meanings = {3: "Satisfactory", 4: "Good", 5: "Excellent"}
    assert _row(page, ITEM_IDS[-1]).meaning_label.text() == meanings[KEY_SCORES[ITEM_IDS[-1]]]
    assert page.progress_label.text() == "22 of 22 items rated"

    qtbot.keyClicks(_row(page, "prep_03").comment_edit, "Calm during the March outage")
    _type_chinese(_row(page, "res_01").comment_edit, "投诉处理及时率 96%")
    page.form_view.overall_edit.setFocus()  # type: ignore[union-attr]
    _type_chinese(page.form_view.overall_edit, "工作认真负责，回访满意率高。")  # type: ignore[union-attr]
    assert page.finish_button.isEnabled()
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)  # saves the comments first
    settle()

    other_process = Database(db.url)
    review = performance.load_review(other_process, attempt_id)
    other_process.dispose()
    assert review.finished
    assert {i: review.score(i) for i in ITEM_IDS} == {**MOUSE_SCORES, **KEY_SCORES}
    assert review.comment("prep_03") == "Calm during the March outage"
    assert review.comment("res_01") == "投诉处理及时率 96%"
    assert review.overall_comment == "工作认真负责，回访满意率高。"
    assert (review.reviewer, review.review_date, review.period_to) == (
        "王经理",
        date(2024, 7, 5),
        date(2024, 6, 30),
    )
    assert not _button(page, "prep_01", 5).isEnabled(), "a finished review is read-only"
    assert page.review_list.currentItem().text() == "2024-07-05 · 王经理 · finished"

    out = tmp_path / "review.pdf"
    page.ask_save_path = lambda parent, title, name: out  # type: ignore[method-assign]
    with qtbot.waitSignal(page.message, timeout=20_000) as message:
        qtbot.mouseClick(page.save_pdf_button, Qt.MouseButton.LeftButton)
    assert str(out) in message.args[0]
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    for expected in ("李小梅", "王经理", "2024-01-01 至 2024-06-30", "投诉处理及时率 96%"):
        assert expected in text


def test_comments_autosave_while_typing_and_a_reopened_page_shows_them(
    qtbot: QtBot, page: PerformancePage, db: Database, settle: Callable[[], None]
) -> None:
    attempt_id = _start(qtbot, page, settle)
    qtbot.keyClicks(_row(page, "act_02").comment_edit, "Wrote the refund policy")
    qtbot.waitUntil(
        lambda: (
            performance.load_review(db, attempt_id).comment("act_02") == "Wrote the refund policy"
        ),
        timeout=5_000,
    )
    assert performance.load_review(db, attempt_id).score("act_02") is None
    qtbot.mouseClick(_button(page, "act_02", 2), Qt.MouseButton.LeftButton)
    settle()

    again = PerformancePage(db, ChangeBus())
    qtbot.addWidget(again)
    again.staff_list.setCurrentRow(0)
    again.review_list.setCurrentRow(0)
    settle()
    row = _row(again, "act_02")
    assert (row.score(), row.comment()) == (2, "Wrote the refund policy")
    assert row.meaning_label.text() == "Needs improvement"
    assert again.progress_label.text() == "1 of 22 items rated"
    assert not again.finish_button.isEnabled()


def test_the_keys_choose_only_scores_on_the_scale(
    qtbot: QtBot, page: PerformancePage, settle: Callable[[], None]
) -> None:
    _start(qtbot, page, settle)
    button = _button(page, "prep_01", 1)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_7)
    assert _row(page, "prep_01").score() is None
    qtbot.keyClick(button, Qt.Key.Key_2)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5)  # change of mind
    assert _row(page, "prep_01").score() == 5
    settle()
    assert page.review is not None and page.review.score("prep_01") == 5


def test_the_blank_form_is_saved_without_a_review(
    qtbot: QtBot, page: PerformancePage, tmp_path: Path
) -> None:
    out = tmp_path / "blank.pdf"
    page.ask_save_path = lambda parent, title, name: out  # type: ignore[method-assign]
    with qtbot.waitSignal(page.message, timeout=20_000):
        qtbot.mouseClick(page.blank_button, Qt.MouseButton.LeftButton)
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "空白表 Blank form" in text and "建立客户服务系统。" in text


def test_cancelled_dialogs_change_nothing(
    qtbot: QtBot,
    page: PerformancePage,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    _start(qtbot, page, settle)
    monkeypatch.setattr(AddStaffDialog, "ask", classmethod(lambda cls, parent: None))
    monkeypatch.setattr(NewReviewDialog, "ask", classmethod(lambda cls, parent, *args: None))
    qtbot.mouseClick(page.add_staff_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.new_review_button, Qt.MouseButton.LeftButton)
    settle()
    [member] = staff.list_staff(db)
    assert len(performance.reviews_of(db, member.id)) == 1


def test_the_new_review_dialog_refuses_a_backwards_period(qtbot: QtBot) -> None:
    dialog = NewReviewDialog("李小梅", "", date(2024, 7, 5))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled() and "reviewer" in dialog.hint.text()
    qtbot.keyClicks(dialog.reviewer_edit, "Wang")
    assert ok.isEnabled()
    assert dialog.setup().period_from == date(2024, 1, 1)
    dialog.to_edit.setDate(dialog.from_edit.date().addDays(-1))
    assert not ok.isEnabled() and "ends before it starts" in dialog.hint.text()


def test_a_comment_typed_just_before_leaving_the_page_is_kept(
    qtbot: QtBot, page: PerformancePage, db: Database, settle: Callable[[], None]
) -> None:
    attempt_id = _start(qtbot, page, settle)
    qtbot.keyClicks(_row(page, "res_02").comment_edit, "Call-backs on time")
    page.hide()  # e.g. the manager clicks another page at once
    settle()
    assert performance.load_review(db, attempt_id).comment("res_02") == "Call-backs on time"


# --- the operation route ----------------------------------------------------------------------


def _rate_everything(qtbot: QtBot, page: PerformancePage, settle: Callable[[], None]) -> None:
    for item_id in ITEM_IDS:
        qtbot.mouseClick(_button(page, item_id, 4), Qt.MouseButton.LeftButton)
    settle()


def test_a_rating_counts_once_it_is_stored(
    qtbot: QtBot, page: PerformancePage, db: Database, settle: Callable[[], None]
) -> None:
    attempt_id = _start(qtbot, page, settle)
    for item_id in ITEM_IDS[:-1]:
        qtbot.mouseClick(_button(page, item_id, 4), Qt.MouseButton.LeftButton)
    settle()
    _row(page, ITEM_IDS[-1]).choose(5)  # a click, with no event handled after it yet
    assert page.progress_label.text() == "21 of 22 items rated", "clicked, not yet stored"
    assert not page.finish_button.isEnabled(), "Finish waits for the last rating to be stored"
    settle()
    assert page.progress_label.text() == "22 of 22 items rated"
    assert page.finish_button.isEnabled()
    assert performance.load_review(db, attempt_id).score(ITEM_IDS[-1]) == 5


def test_a_double_click_on_finish_finishes_once(
    qtbot: QtBot,
    page: PerformancePage,
    db: Database,
    settle: Callable[[], None],
    shown_problems: list[str],
) -> None:
    attempt_id = _start(qtbot, page, settle)
    _rate_everything(qtbot, page, settle)
    asked: list[QWidget] = []

    def confirm(parent: QWidget) -> bool:
        asked.append(parent)
        return True

    page.confirm_finish = confirm  # type: ignore[method-assign]
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    assert not _button(page, "prep_01", 5).isEnabled(), "no rating while the finish is saved"
    qtbot.mouseClick(page.finish_button, Qt.MouseButton.LeftButton)
    settle()
    assert asked == [page] and shown_problems == []
    assert performance.load_review(db, attempt_id).finished
    assert page.save_pdf_button.isEnabled() and not page.finish_button.isEnabled()


def test_a_double_click_on_new_review_starts_one_review(
    qtbot: QtBot, page: PerformancePage, db: Database, settle: Callable[[], None]
) -> None:
    qtbot.mouseClick(page.add_staff_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.add_staff_button, Qt.MouseButton.LeftButton)
    settle()
    assert len(staff.list_staff(db)) == 1
    qtbot.mouseClick(page.new_review_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.new_review_button, Qt.MouseButton.LeftButton)
    settle()
    [member] = staff.list_staff(db)
    assert len(performance.reviews_of(db, member.id)) == 1
    assert page.review is not None and page.review_list.count() == 1
    assert page.new_review_button.isEnabled()


def test_a_rating_refused_by_a_review_finished_elsewhere_is_shown_and_the_stored_review_shown(
    qtbot: QtBot,
    page: PerformancePage,
    db: Database,
    settle: Callable[[], None],
    shown_problems: list[str],
) -> None:
    attempt_id = _start(qtbot, page, settle)
    for item_id in ITEM_IDS:  # another laptop rates and finishes the same review
        performance.rate_item(db, attempt_id, item_id, 3)
    performance.finish_review(db, attempt_id)
    qtbot.mouseClick(_button(page, "prep_01", 5), Qt.MouseButton.LeftButton)
    settle()
    assert len(shown_problems) == 1
    assert page.review is not None and page.review.finished
    assert _row(page, "prep_01").score() == 3, "what is stored, not the refused click"
    assert not _button(page, "prep_01", 5).isEnabled()
    assert page.save_pdf_button.isEnabled()


def test_the_route_announces_what_changed_once_and_the_reception_page_hears_it(
    qtbot: QtBot, db: Database, monkeypatch: pytest.MonkeyPatch, settle: Callable[[], None]
) -> None:
    from cs_trainer.ui.trainer.trainer_pages import StaffSection

    monkeypatch.setattr(
        AddStaffDialog, "ask", classmethod(lambda cls, parent: NewStaff("李小梅", "客服专员"))
    )
    section = StaffSection(db, ChangeBus())
    qtbot.addWidget(section)
    heard: list[frozenset[str]] = []
    section.performance_page._bus.changed.connect(heard.append)
    qtbot.mouseClick(section.performance_page.add_staff_button, Qt.MouseButton.LeftButton)
    settle()
    assert heard == [frozenset({"staff"})]
    assert section.reception_page.staff_list.count() == 1
