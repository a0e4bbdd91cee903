"""Save as PDF… and Print… from the candidate page write and print the evaluation sheet."""

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.services import selftests
from cs_trainer.store.database import Database
from cs_trainer.ui.candidates.sheet_actions import SheetActions
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.shared import printing

ANSWERS = [9, 8, 10, 7, 6, 9, 8, 10, 9, 8]


@pytest.fixture
def finished_candidate(db: Database, candidate_id: int) -> int:
    items = service_potential().instrument.items
    selftests.record_paper_selftest(
        db,
        candidate_id,
        {item.id: value for item, value in zip(items, ANSWERS, strict=True)},
        "manager",
        "王经理",
    )
    return candidate_id


def _text(pdf: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_save_as_pdf_writes_the_sheet_off_the_gui_thread(
    qtbot: QtBot,
    finished_candidate: int,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "张三丰.pdf"
    monkeypatch.setattr(SheetActions, "ask_save_path", classmethod(lambda cls, parent, name: out))
    page = window.candidates_page
    page.select_candidate(finished_candidate)
    with qtbot.waitSignal(page.sheet_actions.message, timeout=20_000) as message:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert str(out) in message.args[0]
    text = _text(out)
    assert "张三丰" in text and "84" in text and "王经理" in text


def test_print_sends_every_page_to_the_chosen_printer(
    qtbot: QtBot,
    finished_candidate: int,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    printed = tmp_path / "printed.pdf"

    def pdf_printer(_parent: object) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(printing, "ask_printer", pdf_printer)
    page = window.candidates_page
    page.select_candidate(finished_candidate)
    with qtbot.waitSignal(page.sheet_actions.message, timeout=30_000) as message:
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert message.args[0] == "Sent 1 page(s) to the printer."
    assert len(PdfReader(printed).pages) == 1
    assert printed.stat().st_size > 50_000, "the page is an image of the sheet, not blank"


def test_saving_into_a_folder_that_vanished_is_a_plain_message(
    qtbot: QtBot,
    finished_candidate: int,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
) -> None:
    out = tmp_path / "gone" / "sheet.pdf"
    monkeypatch.setattr(SheetActions, "ask_save_path", classmethod(lambda cls, parent, name: out))
    page = window.candidates_page
    page.select_candidate(finished_candidate)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(shown_problems) == 1, timeout=20_000)
    assert "gone" in shown_problems[0]
    assert not out.exists()
