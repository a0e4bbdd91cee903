"""The candidate evaluation sheet as an A4 PDF.

HR prints this sheet, the interviewer and HR sign it, and it is read by both
Chinese and English speakers, so every label is bilingual with the Chinese
first. All text is set in the one shipped CJK font (see :mod:`.fonts`):
ReportLab has no glyph fallback, and a PDF that relied on an unembedded
standard-14 font would look different, or show boxes, on another machine.

The writer reads only the plain dataclasses of :mod:`.sheet_data`. This module
draws the candidate details and assembles the story, top to bottom: the shared
header (:mod:`.sheet_header`), summary, self-tests, interviews, typing tests
and the signatures (:mod:`.signatures`).
"""

from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, KeepTogether, Spacer

from cs_trainer.files import write_atomically
from cs_trainer.reports.fonts import register_pdf_font
from cs_trainer.reports.interview_section import interview_sections
from cs_trainer.reports.labels import NAME
from cs_trainer.reports.pdf_document import DocumentInfo, build_pdf
from cs_trainer.reports.pdf_style import (
    CONTENT_WIDTH,
    EMPTY_VALUE,
    SECTION_GAP,
    Styles,
    bilingual_inline,
    block_heading,
    caption_over_value,
    iso_date,
    make_styles,
)
from cs_trainer.reports.pdf_text import caption_over_text
from cs_trainer.reports.selftest_section import self_test_sections
from cs_trainer.reports.sheet_data import Bilingual, CandidateInfo, EvaluationSheet
from cs_trainer.reports.sheet_header import details_box, printed_on_aside, sheet_header
from cs_trainer.reports.signatures import interviewer_signatures
from cs_trainer.reports.summary_section import summary_block
from cs_trainer.reports.typing_section import typing_section

TITLE = Bilingual("候选人评估表", "Candidate evaluation sheet")


def _stage_markup(stage: Bilingual) -> str:
    """The pipeline stage, e.g. 面试 Interview."""
    if not (stage.zh.strip() or stage.en.strip()):
        return EMPTY_VALUE
    return bilingual_inline(stage.zh, stage.en, 8)


def _candidate_rows(
    candidate: CandidateInfo, stage: Bilingual | None, styles: Styles
) -> list[list[Any]]:
    """Two rows of captioned fields; the stage, when known, sits beside the position."""
    position = caption_over_text("应聘岗位", "Position applied for", candidate.position, styles)
    middle: Any = ""
    if stage is not None:
        middle = caption_over_value("当前阶段", "Stage", _stage_markup(stage), styles)
    return [
        [
            caption_over_text(*NAME, candidate.name, styles),
            caption_over_value("候选人编号", "Candidate ID", str(candidate.candidate_id), styles),
            caption_over_text("联系电话", "Phone", candidate.phone, styles, max_lines=1),
        ],
        [
            position,
            middle,
            caption_over_value(
                "登记日期", "Registered on", iso_date(candidate.registered_on), styles
            ),
        ],
    ]


def _candidate_block(
    candidate: CandidateInfo, stage: Bilingual | None, styles: Styles
) -> list[Flowable]:
    """ID, name, phone, position, stage and registration date, boxed like a paper form."""
    widths = [0.40 * CONTENT_WIDTH, 0.26 * CONTENT_WIDTH, 0.34 * CONTENT_WIDTH]
    span = [] if stage is not None else [("SPAN", (0, 1), (1, 1))]
    table = details_box(_candidate_rows(candidate, stage, styles), widths, styles, *span)
    heading = block_heading("候选人信息", "Candidate details", styles)
    return [KeepTogether([heading, table]), Spacer(1, SECTION_GAP)]


def _story(sheet: EvaluationSheet, styles: Styles) -> list[Flowable]:
    """The flowables of the whole sheet, top to bottom."""
    return [
        *sheet_header(TITLE, sheet.organisation, printed_on_aside(sheet.printed_on), styles),
        *_candidate_block(sheet.candidate, sheet.stage, styles),
        *summary_block(sheet, styles),
        *self_test_sections(sheet.self_tests, styles),
        *interview_sections(sheet.interviews, styles),
        *typing_section(sheet.typing, styles),
        interviewer_signatures(sheet.interviewers, styles),
    ]


def _document_info(sheet: EvaluationSheet) -> DocumentInfo:
    """The PDF's title and author, and the footer naming the candidate on every page."""
    candidate = sheet.candidate
    name = candidate.name.strip() or EMPTY_VALUE
    return DocumentInfo(
        title=f"{TITLE.zh} {TITLE.en} — {candidate.name} (ID {candidate.candidate_id})",
        author=sheet.organisation,
        subject=TITLE.en,
        footer_left=f"{name} · 编号 ID {candidate.candidate_id}",
    )


def render_evaluation_sheet(sheet: EvaluationSheet) -> bytes:
    """Lay out ``sheet`` and return the finished PDF, without touching the disk."""
    font = register_pdf_font()
    return build_pdf(_story(sheet, make_styles(font)), font, _document_info(sheet))


def write_evaluation_sheet(sheet: EvaluationSheet, out: Path) -> None:
    """Render ``sheet`` as an A4 PDF and write it to ``out`` atomically.

    The whole PDF is laid out in memory first, so a layout error never touches
    the disk; the write itself then goes through a temporary file in ``out``'s
    directory and :func:`os.replace`. Raises :class:`OSError` (for example
    :class:`FileNotFoundError` when the directory does not exist) without
    leaving anything behind.
    """
    write_atomically(out, render_evaluation_sheet(sheet))
