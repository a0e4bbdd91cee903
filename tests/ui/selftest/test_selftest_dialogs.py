"""The self-test's start and paper-entry dialogs name who conducts: the signed-in account,
or (while the database has no accounts) the name typed."""

from pytestqt.qtbot import QtBot

from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.ui.selftest.selftest_dialogs import (
    PaperEntryDialog,
    SelfTestSetup,
    StartSelfTestDialog,
)


def test_the_signed_in_account_conducts(qtbot: QtBot, every_role: dict[str, Actor]) -> None:
    instrument = service_potential().instrument
    with acting_as(every_role["hr"]):
        start = StartSelfTestDialog(instrument, "李梅", "someone typed")
        paper = PaperEntryDialog(instrument, "李梅", "someone typed")
        for dialog in (start, paper):
            qtbot.addWidget(dialog)
            assert not dialog.conductor_edit.isVisibleTo(dialog), "no name to type"
        assert start.setup() == SelfTestSetup("self", "人事乙")
        assert paper.paper_answers().setup == SelfTestSetup("self", "人事乙")


def test_without_accounts_the_typed_name_conducts(qtbot: QtBot) -> None:
    dialog = StartSelfTestDialog(service_potential().instrument, "李梅", " 王经理 ")
    qtbot.addWidget(dialog)
    assert dialog.conductor_edit.isVisibleTo(dialog)
    assert dialog.setup() == SelfTestSetup("self", "王经理")
