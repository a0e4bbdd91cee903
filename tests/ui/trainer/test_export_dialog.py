"""A trainer exports a cohort's score sheets: the folder and cohort are asked for, the
export runs off the GUI thread with a counting progress dialog, and Cancel stops it
between files without an error box or a half-written file.

The export is held at a chosen file by a threading.Event the test releases, so the
test can look at the dialog, and at a QTimer still ticking, while work is under way.
"""

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QProgressBar, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from cs_trainer.scenarios import runner
from cs_trainer.services import cohorts, roleplays, score_sheets
from cs_trainer.services.cohorts import CohortSummary
from cs_trainer.store.database import Database
from cs_trainer.ui.trainer import export_dialog
from cs_trainer.ui.trainer.export_dialog import ExportActions, ExportCohortDialog, ExportRequest

TRAINEES = ("小王", "小李", "张三丰")
COHORT = "十一月班"


class Gate:
    """Stands in for export_cohort_sheets: the real export, held after file ``hold_after``
    until the test calls ``release.set()``."""

    def __init__(self) -> None:
        self.hold_after = 1
        self.reached = threading.Event()
        self.release = threading.Event()

    def export(self, db: Database, cohort_id: int, out: Path, progress: Any, **kw: Any) -> Any:
        def report(done: int, total: int, name: str) -> None:
            progress(done, total, name)
            if done == self.hold_after:
                self.reached.set()
                self.release.wait(timeout=60)  # a failed test must not hang the thread forever

        return score_sheets.export_cohort_sheets(db, cohort_id, out, report, **kw)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()
    monkeypatch.setattr(export_dialog, "export_cohort_sheets", held.export)
    yield held
    held.release.set()


@pytest.fixture
def cohort(db: Database) -> int:
    scenario = roleplays.load_scenarios().get("type_rational")
    best = [step.choice for step in runner.best_path(scenario).path]
    cohort_id = cohorts.create_cohort(db, COHORT)
    for name in TRAINEES:
        attempt = roleplays.start_roleplay(db, roleplays.add_trainee(db, name, cohort_id), scenario)
        for choice in best:
            roleplays.record_choice(db, attempt, choice)
    return cohort_id


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "sheets"
    folder.mkdir()
    return folder


@pytest.fixture
def page(qtbot: QtBot, db: Database) -> tuple[QWidget, QPushButton, ExportActions]:
    """A stand-in for the progress page: a button that starts the export action."""
    widget = QWidget()
    button = QPushButton("Export score sheets…", widget)
    actions = ExportActions(widget, db)
    button.clicked.connect(lambda: actions.export_cohort())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, button, actions


def answer_with(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[list[CohortSummary]]:
    """Replace the dialog: choose the first cohort and ``folder``; record what was offered."""
    offered: list[list[CohortSummary]] = []

    def ask(
        cls: type, parent: QWidget, found: list[CohortSummary], start: Path, selected: Any = None
    ) -> ExportRequest:
        offered.append(found)
        return ExportRequest(found[0].id, found[0].name, folder)

    monkeypatch.setattr(ExportCohortDialog, "ask", classmethod(ask))
    return offered


def test_a_trainer_exports_a_cohort_while_the_gui_stays_responsive(
    qtbot: QtBot,
    page: tuple[QWidget, QPushButton, ExportActions],
    cohort: int,
    out: Path,
    gate: Gate,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
) -> None:
    widget, button, actions = page
    offered = answer_with(monkeypatch, out)
    ticks: list[int] = []
    timer = QTimer(widget)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)

    with qtbot.waitSignal(actions.message, timeout=60_000) as message:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert actions.operation is not None
        dialog = actions.operation.progress_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() == 1, timeout=20_000)
        bar = dialog.findChild(QProgressBar)
        assert bar is not None and bar.text() == "1 / 6"
        assert "小李.pdf" in dialog.labelText()
        seen = len(ticks)
        qtbot.waitUntil(lambda: len(ticks) >= seen + 5)  # the export is held; the GUI is not
        assert gate.reached.is_set() and not gate.release.is_set()
        gate.release.set()

    assert [c.name for c in offered[0]] == [COHORT]
    assert message.args[0] == f"Exported 6 files to {out}"
    assert {path.name for path in out.iterdir()} == {
        *(f"{name}.pdf" for name in TRAINEES),
        f"{COHORT} 班级汇总 Cohort summary.pdf",
        f"{COHORT} 成绩表 Scores.csv",
        f"{COHORT} 成绩表 Scores.xlsx",
    }
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert shown_problems == []


def test_cancel_mid_way_is_quiet_and_leaves_only_whole_files(
    qtbot: QtBot,
    page: tuple[QWidget, QPushButton, ExportActions],
    cohort: int,
    out: Path,
    gate: Gate,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
) -> None:
    _widget, button, actions = page
    answer_with(monkeypatch, out)
    gate.hold_after = 2

    with qtbot.waitSignal(actions.message, timeout=60_000) as message:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert actions.operation is not None
        dialog = actions.operation.progress_dialog
        assert dialog is not None
        qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() == 2, timeout=20_000)
        cancel = dialog.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "Cancel"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()  # gone at once, while the held file finishes
        gate.release.set()

    assert message.args[0] == f"Export cancelled; the files already written to {out} are complete."
    assert sorted(path.name for path in out.iterdir()) == ["小李.pdf", "小王.pdf"]  # no .tmp
    assert shown_problems == []


def test_a_folder_that_vanished_is_one_message(
    qtbot: QtBot,
    page: tuple[QWidget, QPushButton, ExportActions],
    cohort: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
) -> None:
    _widget, button, _actions = page
    answer_with(monkeypatch, tmp_path / "gone")

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(shown_problems) == 1, timeout=20_000)
    assert "does not exist" in shown_problems[0]


def test_without_cohorts_there_is_nothing_to_export(
    qtbot: QtBot,
    page: tuple[QWidget, QPushButton, ExportActions],
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
) -> None:
    offered = answer_with(monkeypatch, Path("unused"))

    qtbot.mouseClick(page[1], Qt.MouseButton.LeftButton)

    assert shown_problems == ["There is no cohort to export yet."] and offered == []


def test_the_dialog_offers_the_cohorts_and_a_folder_chooser(
    qtbot: QtBot, db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = cohorts.create_cohort(db, "一月班"), cohorts.create_cohort(db, "二月班")
    roleplays.add_trainee(db, "小王", second)
    dialog = ExportCohortDialog(None, cohorts.list_cohorts(db), None, selected=second)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no folder yet
    assert dialog.cohort_box.currentText() == "二月班 (1 trainees)"

    monkeypatch.setattr(ExportCohortDialog, "ask_folder", classmethod(lambda c, p, s: tmp_path))
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    dialog.cohort_box.setCurrentIndex(dialog.cohort_box.findData(first))

    assert ok.isEnabled() and ok.text() == "Export"
    assert dialog.request() == ExportRequest(first, "一月班", tmp_path)
