"""Characters the font cannot draw are shown as a mark with a note, never dropped (issue 10).

WenQuanYi Micro Hei has no emoji and no Arabic; ReportLab drew them as the font's empty
glyph, so "王😀芳" printed as "王芳" without a word.
"""

import dataclasses
import importlib.util
import subprocess
from pathlib import Path
from types import ModuleType

from cs_trainer.reports.evaluation_sheet import write_evaluation_sheet
from cs_trainer.reports.font_coverage import MARK, printable
from cs_trainer.reports.fonts import unprintable_in_pdf_font
from cs_trainer.reports.pdf_document import MARK_NOTE
from cs_trainer.reports.sheet_data import EvaluationSheet

HERE = Path(__file__).parent


def _full_sheet() -> EvaluationSheet:
    spec = importlib.util.spec_from_file_location("unprintable_full", HERE / "test_full_sheet.py")
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sheet: EvaluationSheet = module.full_sheet()
    return sheet


def _pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return text.split("\f")[:-1]


def test_the_font_knows_what_it_cannot_draw() -> None:
    assert unprintable_in_pdf_font("王😀芳 محمد 😀") == ["😀", "م", "ح", "د"]
    assert unprintable_in_pdf_font("王芳 Zhang Fang, Ñoño – café · 13800138000") == []
    assert unprintable_in_pdf_font("a\u200db\tc\n") == []  # invisible by nature


def test_combining_marks_fold_into_their_characters_mark() -> None:
    codepoints = {ord("a")}
    assert printable("a", codepoints) == ("a", False)
    assert printable("aक्षिa", codepoints) == (f"a{MARK}{MARK}a", True)  # क्ष + ि


def test_an_emoji_in_a_stored_name_prints_as_the_mark_with_the_note(tmp_path: Path) -> None:
    sheet = _full_sheet()
    candidate = dataclasses.replace(sheet.candidate, name="王😀芳")
    out = tmp_path / "sheet.pdf"
    write_evaluation_sheet(dataclasses.replace(sheet, candidate=candidate), out)
    pages = _pages(out)
    assert f"王{MARK}芳" in pages[0]
    assert all(MARK_NOTE in page for page in pages)  # the name is in every page's footer


def test_arabic_in_a_note_marks_only_the_page_it_is_on(tmp_path: Path) -> None:
    sheet = _full_sheet()
    question = sheet.interviews[0].questions[0]
    rating = dataclasses.replace(question.ratings[0], notes="قال محمد شكرا")
    questions = [
        dataclasses.replace(question, ratings=[rating, *question.ratings[1:]]),
        *sheet.interviews[0].questions[1:],
    ]
    interview = dataclasses.replace(sheet.interviews[0], questions=questions)
    out = tmp_path / "sheet.pdf"
    write_evaluation_sheet(dataclasses.replace(sheet, interviews=[interview]), out)
    pages = _pages(out)
    marked = [page for page in pages if MARK in page.replace(MARK_NOTE, "")]
    assert len(marked) == 1 and MARK * 3 in marked[0]
    assert [MARK_NOTE in page for page in pages] == [page in marked for page in pages]


def test_a_sheet_of_drawable_text_has_no_note(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    write_evaluation_sheet(_full_sheet(), out)
    assert not any(MARK in page for page in _pages(out))
