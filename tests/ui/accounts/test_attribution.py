"""Who is recorded shows as the signed-in account; notes warn against sensitive data."""

from collections.abc import Callable
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from cs_trainer.services.acting import Actor
from cs_trainer.ui.candidates.pipeline_dialogs import DecisionDialog, StartInterviewDialog
from cs_trainer.ui.interviews.interview_panels import QuestionPanel, TaskPanel
from cs_trainer.ui.shared.translation import LanguageSwitch
from cs_trainer.ui.staff.performance_dialogs import NewReviewDialog


def test_signed_in_the_by_fields_show_the_account_read_only(
    qtbot: QtBot, every_role: dict[str, Actor], sign_in_as: Callable[[Actor], Actor]
) -> None:
    hr = sign_in_as(every_role["hr"])
    decision = DecisionDialog("候选人", "typed name")
    interview = StartInterviewDialog("候选人", [], "typed name")
    review = NewReviewDialog("员工", "typed name", date(2026, 6, 1))
    for dialog in (decision, interview, review):
        qtbot.addWidget(dialog)
    for edit in (decision.by_edit, interview.rater_edit, review.reviewer_edit):
        assert edit.text() == hr.name
        assert edit.isReadOnly()


def test_with_nobody_signed_in_the_typed_name_stays_editable(qtbot: QtBot) -> None:
    dialog = DecisionDialog("候选人", "王丽")
    qtbot.addWidget(dialog)
    assert dialog.by_edit.text() == "王丽" and not dialog.by_edit.isReadOnly()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()  # no reason


@pytest.mark.parametrize(
    ("language", "words"), [("en", "health, religion, ethnicity"), ("zh", "健康、宗教信仰、民族")]
)
def test_interview_notes_warn_against_sensitive_personal_data(
    qtbot: QtBot, language: str, words: str
) -> None:
    LanguageSwitch.apply(language)
    for panel in (QuestionPanel(), TaskPanel()):
        qtbot.addWidget(panel)
        assert words in panel.notes_hint.text()  # always in sight, typed over or not
        assert words in panel.notes.toolTip()
    decision = DecisionDialog("候选人", "")
    qtbot.addWidget(decision)
    assert words in decision.reason_edit.placeholderText()
