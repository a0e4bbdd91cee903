"""Every "Save as…" dialog suggests a file directly inside the folder it opens in,
whatever the name of the person it is about (issue 10)."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from cs_trainer.ui.candidates.sheet_actions import SheetActions
from cs_trainer.ui.interviews.plans_page import PlansPage
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.staff.performance_page import PerformancePage
from cs_trainer.ui.staff.reception_page import ReceptionPage

HOSTILE = "../../etc/" + "x" * 300


@pytest.fixture
def suggested(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[Path]:
    """The paths the save dialogs suggest (the dialog itself is answered with Cancel)."""
    seen: list[Path] = []

    def dialog(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        seen.append(Path(start))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    settings.write(settings.LAST_PDF_FOLDER, str(tmp_path))
    return seen


def test_every_save_dialog_suggests_a_file_inside_its_folder(
    qtbot: QtBot, suggested: list[Path], tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert SheetActions.ask_save_path(parent, HOSTILE) is None
    assert ReceptionPage.ask_save_path(parent, HOSTILE) is None
    assert PerformancePage.ask_save_path(parent, "Save", HOSTILE) is None
    assert PlansPage.ask_save_path(parent, HOSTILE) is None
    assert [path.parent for path in suggested] == [tmp_path] * 3 + [Path.home()]
    for path in suggested:
        assert path.name.startswith("_.._etc_x")
        assert len(path.stem) <= 80
