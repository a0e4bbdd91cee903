"""The performance form's section tables: one per section of the standard.

Each table has two heading rows (the columns, then each score with its label),
one row per item with a box to tick under each score and a comment, and a
subtotal row; the heading rows repeat when a table runs onto another page. The
same tables serve the filled-in form and the blank one (``sheet`` is None).
"""

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Table

from cs_trainer.reports.form_marks import RuledLines, TickBox
from cs_trainer.reports.labels import MEAN, NUMBER
from cs_trainer.reports.pdf_style import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_HEIGHT,
    CONTENT_WIDTH,
    EMPTY_VALUE,
    LABEL_FILL,
    MUTED,
    RULE,
    Styles,
    bilingual_inline,
    column_head,
    flowing_text,
    one_decimal,
    padding,
    stacked,
    table_style,
    title_bar,
)
from cs_trainer.reports.performance_data import (
    FormItem,
    FormSection,
    PerformanceFormData,
    PerformanceSheetData,
)

CHINESE_NUMBERS = "一二三四五六七八九十"
NUMBER_W = 7 * mm
TICK_W = 8.5 * mm
COMMENT_W = 41 * mm
SECTION_MIN_SPACE = 45 * mm
"""Room a section needs on its page for its bar, column heads and first item."""
BLANK = "＿＿＿＿"
"""A number to be written in by hand."""


def _widths(scale_points: int) -> list[float]:
    """No., item, one tick column per score, comment."""
    item_w = CONTENT_WIDTH - NUMBER_W - scale_points * TICK_W - COMMENT_W
    return [NUMBER_W, item_w, *([TICK_W] * scale_points), COMMENT_W]


def _head_rows(form: PerformanceFormData, styles: Styles) -> list[list[Any]]:
    """Two heading rows: the column names, then each score with its label under it."""
    centred = styles.column_head_center
    rating = column_head("评分（在所选分数下打 ✓）", "Rating: tick one", centred)
    first = [
        column_head(*NUMBER, centred),
        column_head("测评项目", "Item", styles.column_head),
        rating,
        *([""] * (len(form.scale) - 1)),
        column_head("评语", "Comment", styles.column_head),
    ]
    scores = [
        Paragraph(f'{point.score}<br/><font size="6.5">{escape(point.label.zh)}</font>', centred)
        for point in form.scale
    ]
    return [first, ["", "", *scores, ""]]


def paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """User-written text keeping its line breaks, which a Paragraph would run together;
    nothing at all for an empty text."""
    return flowing_text(text, style) if text.strip() else []


def _comment_cell(sheet: PerformanceSheetData | None, item: FormItem, styles: Styles) -> Any:
    if sheet is None:
        return RuledLines(2)
    return paragraphs(sheet.rating(item.item_id).comment, styles.cell_small)


def _item_row(
    form: PerformanceFormData, sheet: PerformanceSheetData | None, item: FormItem, styles: Styles
) -> list[Any]:
    chosen = sheet.rating(item.item_id).score if sheet is not None else None
    ticks = [TickBox(styles.font, point.score == chosen) for point in form.scale]
    return [
        Paragraph(str(item.number), styles.cell_center),
        stacked(item.text, styles),
        *ticks,
        _comment_cell(sheet, item, styles),
    ]


def _subtotal_row(
    sheet: PerformanceSheetData | None,
    form: PerformanceFormData,
    section: FormSection,
    styles: Styles,
) -> list[Any]:
    """本部分小计: points of the most possible, and the mean; blanks on the blank form."""
    possible = form.max_score * len(section.items)
    points, mean = BLANK, BLANK
    if sheet is not None:
        result = sheet.result(section.items)
        points = str(result.total) if result.rated else EMPTY_VALUE
        mean = one_decimal(result.mean)
    scale_gap = [""] * (len(form.scale) - 1)
    return [
        Paragraph(bilingual_inline("本部分小计", "Section subtotal", 7), styles.label),
        "",
        Paragraph(f"{points} / {possible}", styles.cell_center),
        *scale_gap,
        Paragraph(bilingual_inline(*MEAN, 7) + f"　{mean}", styles.label),
    ]


def _section_style(
    rows: int, scale_points: int, chosen: list[tuple[int, int]], styles: Styles
) -> list[tuple[Any, ...]]:
    """Heading rows, grid, the tick columns centred and tinted where ticked."""
    last_tick = 1 + scale_points
    return [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (2, 2), (last_tick, -1), "CENTER"),
        ("SPAN", (0, 0), (0, 1)),
        ("SPAN", (1, 0), (1, 1)),
        ("SPAN", (2, 0), (last_tick, 0)),
        ("SPAN", (-1, 0), (-1, 1)),
        ("BACKGROUND", (0, 0), (-1, 1), ACCENT_LIGHT),
        ("LINEBELOW", (0, 1), (-1, 1), 0.8, ACCENT),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, MUTED),
        ("SPAN", (0, rows - 1), (1, rows - 1)),
        ("SPAN", (2, rows - 1), (last_tick, rows - 1)),
        ("BACKGROUND", (0, rows - 1), (-1, rows - 1), LABEL_FILL),
        ("LINEABOVE", (0, rows - 1), (-1, rows - 1), 0.8, MUTED),
        *padding(2.5, 3.5, 4, 4),
        ("LEFTPADDING", (2, 0), (last_tick, -1), 1),
        ("RIGHTPADDING", (2, 0), (last_tick, -1), 1),
        *[("BACKGROUND", cell, cell, ACCENT_LIGHT) for cell in chosen],
    ]


def _chosen_cells(
    form: PerformanceFormData, sheet: PerformanceSheetData | None, section: FormSection
) -> list[tuple[int, int]]:
    """(column, row) of each ticked box, tinted so that a photocopy still shows the choice."""
    if sheet is None:
        return []
    columns = {point.score: 2 + index for index, point in enumerate(form.scale)}
    cells = []
    for row, item in enumerate(section.items, start=2):
        score = sheet.rating(item.item_id).score
        if score in columns:
            cells.append((columns[score], row))
    return cells


def _section_bar(index: int, section: FormSection, styles: Styles) -> Table:
    number = CHINESE_NUMBERS[index] if index < len(CHINESE_NUMBERS) else str(index + 1)
    title = f"{number}、" + bilingual_inline(section.title.zh, section.title.en, 9, colors.white)
    count = bilingual_inline(f"{len(section.items)} 项", "items", 8, colors.white)
    return title_bar(title, count, styles, right_width=30 * mm)


def _too_tall(rows: list[list[Any]], widths: list[float]) -> int:
    """1 when some item's comment is too long for one page, else 0.

    Rows are kept whole, as on paper; only then may a row run onto the next page,
    because a row taller than the page cannot be laid out at all.
    """
    heights = [
        sum(paragraph.wrap(widths[-1] - 8, CONTENT_HEIGHT)[1] for paragraph in row[-1])
        for row in rows[2:-1]
        if isinstance(row[-1], list)
    ]
    tallest = max(heights, default=0.0)
    return int(tallest > CONTENT_HEIGHT / 2)


def form_section(
    index: int,
    form: PerformanceFormData,
    sheet: PerformanceSheetData | None,
    section: FormSection,
    styles: Styles,
) -> list[Flowable]:
    """The section's bar and its table; the column heads repeat on a new page."""
    rows = [
        *_head_rows(form, styles),
        *(_item_row(form, sheet, item, styles) for item in section.items),
        _subtotal_row(sheet, form, section, styles),
    ]
    widths = _widths(len(form.scale))
    table = Table(rows, colWidths=widths, repeatRows=2, splitInRow=_too_tall(rows, widths))
    chosen = _chosen_cells(form, sheet, section)
    table.setStyle(
        table_style(styles.font, *_section_style(len(rows), len(form.scale), chosen, styles))
    )
    return [CondPageBreak(SECTION_MIN_SPACE), _section_bar(index, section, styles), table]
