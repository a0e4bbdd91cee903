"""The performance evaluation form (工作绩效测评表) as an A4 PDF, filled in or blank.

A manager fills this form in about a staff member, and the manager, the staff
member and the head of department sign it, so it is laid out like the paper
form it replaces: the four fields of the original (被测评人, 测评人, 测评日期, 测评时段),
the rating scale, one table per section with a box to tick under each score
and a comment column, a subtotal under each section, an overall comment and
three signature lines. The blank form has the same layout with empty boxes,
ruled comment lines and spaces for the dates, so it can be printed and filled
in by hand.

Every label is bilingual with the Chinese first, and all text (the tick
included) is set in the shipped CJK font, which is embedded: see
:mod:`.evaluation_sheet` for why. This module draws the fields, the scale,
the overall comment and assembles the form; the section tables are in
:mod:`.performance_sections`, the tick boxes and ruled lines in
:mod:`.form_marks`, the header and signature lines are shared with the other
sheets (:mod:`.sheet_header`, :mod:`.signatures`).
"""

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from cs_trainer.files import write_atomically
from cs_trainer.reports.fonts import register_pdf_font
from cs_trainer.reports.form_marks import RuledLines
from cs_trainer.reports.labels import MEAN, SIGNATURES, TOTAL
from cs_trainer.reports.pdf_document import DocumentInfo, build_pdf
from cs_trainer.reports.pdf_style import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    EMPTY_VALUE,
    MUTED,
    RULE,
    SECTION_GAP,
    Styles,
    bilingual_inline,
    block_heading,
    free_text,
    hex_color,
    iso_date,
    make_styles,
    one_decimal,
    padding,
    table_style,
    text_or_dash,
)
from cs_trainer.reports.pdf_text import ClippedText
from cs_trainer.reports.performance_data import PerformanceFormData, PerformanceSheetData
from cs_trainer.reports.performance_sections import BLANK, form_section, paragraphs
from cs_trainer.reports.sheet_data import Bilingual
from cs_trainer.reports.sheet_header import details_box, instrument_aside, sheet_header
from cs_trainer.reports.signatures import SignatureLine, signature_block

TITLE = Bilingual("工作绩效测评表", "Performance evaluation")
HEADER_ASIDE_W = 72 * mm
"""Room at the header's right for the standard's title and version."""
OVERALL_BOX_HEIGHT = 32 * mm
"""Room for a handwritten overall comment."""
BLANK_DATE = "&nbsp;" * 12 + "年" + "&nbsp;" * 7 + "月" + "&nbsp;" * 7 + "日"
"""The blank form's date: room to write year, month and day by hand (non-breaking
spaces, because Paragraph collapses ordinary and ideographic ones)."""


# --------------------------------------------------------------------------- header and fields


def _header(form: PerformanceFormData, styles: Styles) -> list[Flowable]:
    """Organisation, the bilingual title, and which standard (and version) is used."""
    aside = instrument_aside(form.form_title, form.version)
    return sheet_header(TITLE, form.organisation, aside, styles, aside_width=HEADER_ASIDE_W)


def _muted(text: str) -> str:
    return f'<font color="{hex_color(MUTED)}">{text}</font>'


def _field_values(sheet: PerformanceSheetData | None, styles: Styles) -> list[list[Flowable]]:
    """The four fields' values (names cut to fit), or the blank form's spaces to write in."""
    if sheet is None:
        period = f"{BLANK_DATE}&nbsp;&nbsp;&nbsp;&nbsp;至{BLANK_DATE}"
        blanks = ["", "", _muted(BLANK_DATE), _muted(period)]
        return [[Paragraph(blank, styles.value)] for blank in blanks]
    name: list[Flowable] = [ClippedText(sheet.staff_name, styles.value, 2)]
    if sheet.position.strip():
        muted = f'<font color="{hex_color(MUTED)}">（'
        name.append(ClippedText(sheet.position, styles.value, 1, muted, "）</font>"))
    period = f"{iso_date(sheet.period_from)} 至 {iso_date(sheet.period_to)}"
    return [
        name,
        [ClippedText(sheet.reviewer, styles.value, 2)],
        [Paragraph(iso_date(sheet.review_date), styles.value)],
        [Paragraph(period, styles.value)],
    ]


def _fields(sheet: PerformanceSheetData | None, styles: Styles) -> list[Flowable]:
    """被测评人 / 测评人 / 测评日期 / 测评时段, boxed like the original paper form."""
    values = _field_values(sheet, styles)
    captions = [
        ("被测评人", "Staff member reviewed"),
        ("测评人", "Reviewer"),
        ("测评日期", "Review date"),
        ("测评时段", "Review period"),
    ]
    cells = [
        [Paragraph(bilingual_inline(zh, en, 7), styles.caption), *value]
        for (zh, en), value in zip(captions, values, strict=True)
    ]
    table = details_box(
        [cells[:2], cells[2:]],
        [0.5 * CONTENT_WIDTH] * 2,
        styles,
        row_heights=None if sheet is not None else [14 * mm, 14 * mm],
    )
    return [table, Spacer(1, SECTION_GAP)]


def _scale_legend(form: PerformanceFormData, styles: Styles) -> list[Flowable]:
    """How to fill the form in, and what each score means."""
    instructions = [
        free_text(form.instructions.zh, styles.cell_small),
        Paragraph(text_or_dash(form.instructions.en), styles.cell_en),
    ]
    cells = [
        Paragraph(
            f'<font size="12" color="{hex_color(ACCENT)}">{point.score}</font>　'
            + bilingual_inline(point.label.zh, point.label.en, 7),
            styles.cell_small,
        )
        for point in form.scale
    ]
    legend = Table([cells], colWidths=[CONTENT_WIDTH / len(cells)] * len(cells))
    legend.setStyle(
        table_style(
            styles.font,
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            *padding(3, 4, 5, 4),
        )
    )
    heading = block_heading("评分标准", "Rating scale", styles)
    return [KeepTogether([heading, *instructions, Spacer(1, 2 * mm), legend])]


# --------------------------------------------------------------------------- overall and signatures


def _overall(sheet: PerformanceSheetData | None, form: PerformanceFormData, styles: Styles) -> Any:
    """The total, the mean, and the overall comment in a box (ruled lines when blank)."""
    possible = form.max_score * sum(len(section.items) for section in form.sections)
    body: list[Flowable]
    if sheet is None:
        total, mean, body = BLANK, BLANK, [RuledLines(5)]
    else:
        result = sheet.overall()
        total = str(result.total) if result.rated else EMPTY_VALUE
        mean = one_decimal(result.mean)
        body = paragraphs(sheet.overall_comment, styles.summary_line)
    line = Paragraph(
        f"{bilingual_inline(*TOTAL, 7.5)}　{total} / {possible}　　"
        f"{bilingual_inline(*MEAN, 7.5)}　{mean}",
        styles.summary_line,
    )
    # At least the height of a handwritten comment; a long typed one may run onto the
    # next page rather than overflow it.
    box = Table(
        [[body]], colWidths=[CONTENT_WIDTH], minRowHeights=[OVERALL_BOX_HEIGHT], splitInRow=1
    )
    box.setStyle(
        table_style(
            styles.font,
            ("VALIGN", (0, 0), (-1, -1), "TOP" if sheet else "BOTTOM"),
            ("BOX", (0, 0), (-1, -1), 0.8, MUTED),
            *padding(6, 6, 8, 8),
        )
    )
    heading = block_heading("总体评价", "Overall evaluation", styles)
    return KeepTogether([Spacer(1, SECTION_GAP), heading, line, Spacer(1, 2 * mm), box])


def _signatures(sheet: PerformanceSheetData | None, styles: Styles) -> Flowable:
    """Reviewer, staff member and head of department sign and date; never split."""
    reviewer, staff = (sheet.reviewer, sheet.staff_name) if sheet else ("", "")
    lines = [
        SignatureLine(("测评人签名", "Reviewer signature"), reviewer),
        SignatureLine(("被测评人签名", "Staff member signature"), staff),
        SignatureLine(("部门负责人签名", "Head of department signature")),
    ]
    return signature_block(
        lines,
        styles,
        label_width=64 * mm,
        row_height=12 * mm,
        heading=SIGNATURES,
        space_before=SECTION_GAP,
    )


# --------------------------------------------------------------------------- assembly


def _story(
    form: PerformanceFormData, sheet: PerformanceSheetData | None, styles: Styles
) -> list[Flowable]:
    """The whole form top to bottom; ``sheet`` is None for the blank form."""
    sections = [
        flowable
        for index, section in enumerate(form.sections)
        for flowable in (*form_section(index, form, sheet, section, styles), Spacer(1, SECTION_GAP))
    ]
    return [
        *_header(form, styles),
        *_fields(sheet, styles),
        *_scale_legend(form, styles),
        Spacer(1, SECTION_GAP),
        *sections,
        _overall(sheet, form, styles),
        _signatures(sheet, styles),
    ]


def _document_info(form: PerformanceFormData, sheet: PerformanceSheetData | None) -> DocumentInfo:
    """The PDF's title, and the footer naming the person reviewed (or "blank form")."""
    if sheet is None:
        about = "空白表 Blank form"
    else:
        about = f"{sheet.staff_name.strip() or EMPTY_VALUE} · {iso_date(sheet.review_date)}"
    return DocumentInfo(
        title=f"{TITLE.zh} {TITLE.en} — {about}",
        author=form.organisation,
        subject=f"{form.form_title.en} (version {form.version})",
        footer_left=f"{TITLE.zh} {TITLE.en} · {about}",
    )


def render_performance_sheet(data: PerformanceSheetData) -> bytes:
    """Lay out a filled-in form and return the PDF, without touching the disk."""
    font = register_pdf_font()
    story = _story(data.form, data, make_styles(font))
    return build_pdf(story, font, _document_info(data.form, data))


def render_blank_performance_form(form: PerformanceFormData) -> bytes:
    """Lay out the blank form, to print and fill in by hand."""
    font = register_pdf_font()
    return build_pdf(_story(form, None, make_styles(font)), font, _document_info(form, None))


def write_performance_sheet(data: PerformanceSheetData, out: Path) -> None:
    """Write a filled-in form to ``out`` atomically (all of it or nothing).

    Raises :class:`OSError` when ``out`` cannot be written, leaving nothing behind.
    """
    write_atomically(out, render_performance_sheet(data))


def write_blank_performance_form(form: PerformanceFormData, out: Path) -> None:
    """Write the blank form to ``out`` atomically; raises :class:`OSError` like the above."""
    write_atomically(out, render_blank_performance_form(form))
