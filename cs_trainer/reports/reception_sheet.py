"""The reception assessment sheet (《客服接待岗位职责工作标准》篇3) as an A4 PDF.

A second kind of evaluation sheet: deductions and bonuses instead of ratings.
One staff member, one period: the header and details, every entry with the
total after it, the totals box, the three signature lines, and then, on a page
of its own, the standard the entries were assessed against (duties and every
clause with its points), so the signed sheet carries its own rules.

Like the candidate sheet it is bilingual with the Chinese first, set entirely
in the shipped CJK font, and reads only the plain dataclasses of
:mod:`.reception_data`. This module draws the details and the signatures and
assembles the sheet; the entries and totals are in :mod:`.reception_entries`,
the appendix in :mod:`.reception_appendix`, and the header and signature lines
are shared with the other sheets (:mod:`.sheet_header`, :mod:`.signatures`).
"""

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from cs_trainer.files import write_atomically
from cs_trainer.reports.fonts import register_pdf_font
from cs_trainer.reports.pdf_document import DocumentInfo, build_pdf
from cs_trainer.reports.pdf_style import (
    CONTENT_WIDTH,
    EMPTY_VALUE,
    MUTED,
    SECTION_GAP,
    Styles,
    bilingual_inline,
    block_heading,
    caption_over_value,
    hex_color,
    iso_date,
    make_styles,
)
from cs_trainer.reports.pdf_text import ClippedText, caption_over_text
from cs_trainer.reports.reception_appendix import appendix
from cs_trainer.reports.reception_data import ReceptionSheet
from cs_trainer.reports.reception_entries import entries_section, totals_box
from cs_trainer.reports.sheet_data import Bilingual
from cs_trainer.reports.sheet_header import details_box, printed_on_aside, sheet_header
from cs_trainer.reports.signatures import SignatureLine, signature_block

TITLE = Bilingual("前台接待考核表", "Reception assessment")
SIGN_LABEL_W = 62 * mm


# --------------------------------------------------------------------------- header and details


def period_text(sheet: ReceptionSheet) -> str:
    """The period as two ISO dates, e.g. 2025-03-01 – 2025-03-31."""
    return f"{iso_date(sheet.period_from)} – {iso_date(sheet.period_to)}"


def _assessor_names(sheet: ReceptionSheet) -> str:
    """Everyone who recorded an entry, joined the Chinese way."""
    return "、".join(name for name in sheet.assessors if name.strip())


def _details_rows(sheet: ReceptionSheet, styles: Styles) -> list[list[Any]]:
    """Staff member, position, period; then the assessors and the standard."""
    staff = sheet.staff
    standard = sheet.standard
    standard_value = (
        f"{escape(standard.title.zh)}"
        f'<br/><font size="7.5" color="{hex_color(MUTED)}">'
        f"{escape(standard.title.en)} · v{standard.version}</font>"
    )
    return [
        [
            [
                Paragraph(bilingual_inline("被考核人", "Staff member", 7), styles.caption),
                ClippedText(
                    staff.name,
                    styles.value,
                    2,
                    suffix=f' <font size="8" color="{hex_color(MUTED)}">ID {staff.staff_id}</font>',
                ),
            ],
            caption_over_text("岗位", "Position", staff.position, styles),
            caption_over_value("考核期间", "Period", period_text(sheet), styles),
        ],
        [
            caption_over_text("考核人", "Assessor", _assessor_names(sheet), styles, max_lines=3),
            caption_over_value("考核标准", "Standard", standard_value, styles),
            "",
        ],
    ]


def _details_block(sheet: ReceptionSheet, styles: Styles) -> list[Flowable]:
    """Who, when and by whom, boxed like a paper form."""
    widths = [0.36 * CONTENT_WIDTH, 0.30 * CONTENT_WIDTH, 0.34 * CONTENT_WIDTH]
    table = details_box(_details_rows(sheet, styles), widths, styles, ("SPAN", (1, 1), (2, 1)))
    heading = block_heading("考核信息", "Assessment details", styles)
    return [KeepTogether([heading, table]), Spacer(1, SECTION_GAP)]


# --------------------------------------------------------------------------- signatures


def _signatures(sheet: ReceptionSheet, styles: Styles) -> Flowable:
    """考核人 / 被考核人 / 部门负责人, each with a line to sign and a date; never split."""
    lines = [
        SignatureLine(("考核人", "Assessor"), _assessor_names(sheet)),
        SignatureLine(("被考核人", "Staff member"), sheet.staff.name),
        SignatureLine(("部门负责人", "Head of department")),
    ]
    return signature_block(lines, styles, label_width=SIGN_LABEL_W, space_before=SECTION_GAP)


# --------------------------------------------------------------------------- document


def _story(sheet: ReceptionSheet, styles: Styles) -> list[Flowable]:
    """The flowables of the whole sheet, top to bottom."""
    return [
        *sheet_header(TITLE, sheet.organisation, printed_on_aside(sheet.printed_on), styles),
        *_details_block(sheet, styles),
        *entries_section(sheet, styles),
        totals_box(sheet.totals, styles),
        _signatures(sheet, styles),
        *appendix(sheet.standard, styles),
    ]


def _document_info(sheet: ReceptionSheet) -> DocumentInfo:
    """The PDF's title and author, and the footer naming staff member and period."""
    name = sheet.staff.name.strip() or EMPTY_VALUE
    return DocumentInfo(
        title=f"{TITLE.zh} {TITLE.en} — {sheet.staff.name} {period_text(sheet)}",
        author=sheet.organisation,
        subject=TITLE.en,
        footer_left=f"{TITLE.zh} · {name} · {period_text(sheet)}",
    )


def render_sheet(sheet: ReceptionSheet) -> bytes:
    """Lay out ``sheet`` and return the finished PDF, without touching the disk."""
    font = register_pdf_font()
    return build_pdf(_story(sheet, make_styles(font)), font, _document_info(sheet))


def write_sheet(sheet: ReceptionSheet, out: Path) -> None:
    """Render ``sheet`` in memory, then write it to ``out`` all at once (or not at all)."""
    write_atomically(out, render_sheet(sheet))
