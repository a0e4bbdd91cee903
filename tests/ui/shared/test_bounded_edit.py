"""Typing stops at a field's length: the person sees the limit before any refusal."""

from pytestqt.qtbot import QtBot

from cs_trainer.ui.candidates.candidate_dialog import AddCandidateDialog


def test_the_candidate_dialog_stops_typing_at_the_columns_length(qtbot: QtBot) -> None:
    dialog = AddCandidateDialog()
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("张" * 250)
    dialog.phone_edit.setText("1" * 80)
    assert dialog.name_edit.text() == "张" * 200
    assert len(dialog.phone_edit.text()) == 50
