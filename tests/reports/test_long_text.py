"""People's text of any length never breaks a sheet (issue 10).

A 5,000-character name, a 300-character position and 50,000-character notes used to end
in ReportLab's ``LayoutError``. Now single-line fields are cut with "…" at the width
they have, measured with the font, and flowing text runs onto further pages. Each
sheet's usual test data (loaded from its own test module) is stretched: every field a
person fills is replaced with long text, and the PDF must be produced, show the start
of each text, and nothing may be drawn outside the page.
"""

import dataclasses
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from pypdf import PdfReader

from cs_trainer.reports.cohort_sheet import write_cohort_sheet
from cs_trainer.reports.evaluation_sheet import write_evaluation_sheet
from cs_trainer.reports.fonts import register_pdf_font
from cs_trainer.reports.pdf_document import shorten
from cs_trainer.reports.pdf_style import CONTENT_WIDTH
from cs_trainer.reports.pdf_text import ClippedText, cut_to_width
from cs_trainer.reports.performance_sheet import write_performance_sheet
from cs_trainer.reports.reception_sheet import write_sheet
from cs_trainer.reports.trainee_sheet import write_trainee_sheet
from tests.conftest import load_module

HERE = Path(__file__).parent
SHORT_FIELDS = {
    "organisation",
    "name",
    "phone",
    "position",
    "conducted_by",
    "rater",
    "plan_name",
    "raters",
    "decided_by",
    "interviewers",
    "staff_name",
    "reviewer",
    "assessor",
    "assessors",
    "trainee",
    "cohort",
}
"""Fields a person fills with a name or a line: cut to fit, never wrapped over pages."""
LONG_FIELDS = {"notes", "reason", "comment", "overall_comment", "note"}
"""Fields of flowing text: printed whole, over as many pages as it takes."""

NAME = "张三丰Zhang San Feng "
NOTE = "先道歉，再复述问题。Listened, then apologised. "
END = "【完 THE END】"


def _module(name: str) -> ModuleType:
    """A sibling test module, for its builders of realistic sheets."""
    return load_module(f"long_text_{name}", HERE / f"{name}.py")


def _long(text: str, length: int) -> str:
    return (text * (length // len(text) + 1))[:length]


def stretched(data: Any, short: int, long: int, only_first_long: bool = True) -> Any:
    """``data`` with every field a person fills made ``short`` or ``long`` characters.

    Only the first flowing text is made long (``only_first_long``): one is enough to
    run over pages, and each more costs seconds of layout.
    """
    budget = [1 if only_first_long else 10**9]

    def walk(value: Any) -> Any:
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            return value
        changes = {}
        for field in dataclasses.fields(value):
            current = getattr(value, field.name)
            if field.name in SHORT_FIELDS:
                changes[field.name] = _fill(current, _long(NAME, short))
            elif field.name in LONG_FIELDS and isinstance(current, str) and budget[0] > 0:
                budget[0] -= 1
                changes[field.name] = _long(NOTE, long) + END
            else:
                changes[field.name] = walk(current)
        return dataclasses.replace(value, **changes)

    return walk(data)


def _fill(current: Any, text: str) -> Any:
    if isinstance(current, list):
        return [text for _ in current] or [text]
    return text if isinstance(current, str) else current


def _sheets() -> dict[str, tuple[Any, Callable[[Any, Path], None]]]:
    full = _module("test_full_sheet")
    performance = _module("test_performance_sheet")
    reception = _module("test_reception_sheet")
    progress = _module("test_progress_sheets")
    return {
        "evaluation": (full.full_sheet(), write_evaluation_sheet),
        "performance": (performance.make_sheet(), write_performance_sheet),
        "reception": (reception.make_sheet(), write_sheet),
        "trainee": (progress.trainee_sheet(), write_trainee_sheet),
        "cohort": (progress.cohort_sheet(), write_cohort_sheet),
    }


SHEETS = _sheets()


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def _text_is_on_the_page(path: Path) -> None:
    """Every piece of text starts inside the page (a clipped or overlapping layout
    draws text at negative or off-page positions)."""
    for page in PdfReader(path).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        found: list[tuple[float, float]] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((x, y))  # noqa: B023

        page.extract_text(visitor_text=visit)
        assert all(-1 <= x <= width and -1 <= y <= height for x, y in found)


@pytest.mark.parametrize("kind", sorted(SHEETS))
def test_a_5000_character_name_and_50000_character_notes_print(kind: str, tmp_path: Path) -> None:
    data, write = SHEETS[kind]
    out = tmp_path / f"{kind}.pdf"
    write(stretched(data, 5000, 50_000), out)
    text = squash(pdftotext(out))
    assert squash(NAME * 2) in text  # the start of every name is shown…
    assert "…" in text  # …and where it is cut, it says so
    assert squash(_long(NAME, 5000)) not in text
    _text_is_on_the_page(out)


@pytest.mark.parametrize("kind", ["evaluation", "performance", "reception"])
def test_long_notes_run_onto_further_pages_whole(kind: str, tmp_path: Path) -> None:
    data, write = SHEETS[kind]
    out = tmp_path / f"{kind}.pdf"
    write(stretched(data, 20, 20_000), out)
    pages = PdfReader(out).pages
    assert len(pages) >= 3
    text = squash(pdftotext(out))
    assert squash(END) in text  # nothing of it was cut…
    assert text.count(squash(NOTE)) >= 0.9 * 20_000 // len(NOTE)  # (page breaks part a few)


def test_a_300_character_position_is_cut_to_its_field(tmp_path: Path) -> None:
    full = _module("test_full_sheet")
    sheet = full.full_sheet()
    position = _long("高级客户服务专员Senior service agent ", 300)
    candidate = dataclasses.replace(sheet.candidate, position=position)
    out = tmp_path / "sheet.pdf"
    write_evaluation_sheet(dataclasses.replace(sheet, candidate=candidate), out)
    text = squash(pdftotext(out))
    assert squash(position[:40]) in text
    assert squash(position) not in text


def test_cut_to_width_measures_with_the_font() -> None:
    font = register_pdf_font()
    cut = cut_to_width("张" * 5000, font, 10, 100)
    assert cut.endswith("…") and cut == "张" * 9 + "…"  # 10 pt per character: 9 and "…"
    assert cut_to_width("short", font, 10, 100) == "short"
    assert shorten("李" * 50_000, font, 7.5, 200).endswith("…")


def test_clipped_text_keeps_to_its_lines() -> None:
    styles_font = register_pdf_font()
    from cs_trainer.reports.pdf_style import make_styles

    styles = make_styles(styles_font)
    for text in ("王" * 5000, "x" * 5000, "word " * 1000):
        clipped = ClippedText(text, styles.value, 2)
        _width, height = clipped.wrap(CONTENT_WIDTH / 3, 10_000)
        assert height <= 2 * styles.value.leading + 0.01
        assert clipped.wrap(CONTENT_WIDTH, 10_000)[1] <= 2 * styles.value.leading + 0.01
    assert ClippedText("", styles.value).wrap(100, 100)[1] == styles.value.leading


TEXTS = {
    "chinese_without_spaces": "客户服务中心高级专员张" * 20,  # 200, the input's limit for a name
    "latin_word_of_500_letters": "A" * 499 + "Z",  # no break opportunity at all
}


def _each_field(data: Any, short: str, long: str) -> Any:
    """``data`` with every name-like field ``short`` and every flowing text ``long``."""

    def walk(value: Any) -> Any:
        if isinstance(value, list):
            return [walk(item) for item in value]
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            return value
        changes: dict[str, Any] = {}
        for field in dataclasses.fields(value):
            current = getattr(value, field.name)
            if field.name in SHORT_FIELDS:
                changes[field.name] = _fill(current, short)
            elif field.name in LONG_FIELDS and isinstance(current, str):
                changes[field.name] = long
            else:
                changes[field.name] = walk(current)
        return dataclasses.replace(value, **changes)

    return walk(data)


@pytest.mark.parametrize("text", sorted(TEXTS))
@pytest.mark.parametrize("kind", sorted(SHEETS))
def test_text_without_break_opportunities_is_cut_or_wrapped(
    kind: str, text: str, tmp_path: Path
) -> None:
    data, write = SHEETS[kind]
    name = TEXTS[text]
    notes = (name + "。") * 6 + END  # several thousand characters of flowing text
    out = tmp_path / f"{kind}.pdf"
    write(_each_field(data, name, notes), out)
    shown = squash(pdftotext(out))
    assert squash(name[:12]) in shown  # each name's start is shown…
    assert "…" in shown  # …and cut where it does not fit
    if kind != "cohort" and kind != "trainee":  # these two sheets print no notes
        assert squash(END) in shown  # flowing text is printed to its end
    _text_is_on_the_page(out)
