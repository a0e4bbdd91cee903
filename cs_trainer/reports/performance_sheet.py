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
:mod:`.evaluation_sheet` for why.
"""

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from cs_trainer.files import write_atomically
from cs_trainer.reports.fonts import register_pdf_font
from cs_trainer.reports.pdf_document import DocumentInfo, build_pdf
from cs_trainer.reports.pdf_style import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_HEIGHT,
    CONTENT_WIDTH,
    EMPTY_VALUE,
    INK,
    LABEL_FILL,
    MUTED,
    RULE,
    SECTION_GAP,
    Styles,
    bilingual_inline,
    block_heading,
    caption_over_value,
    column_head,
    free_text,
    hex_color,
    iso_date,
    label,
    make_styles,
    one_decimal,
    padding,
    stacked,
    table_style,
    text_or_dash,
    title_bar,
)
from cs_trainer.reports.performance_data import (
    FormItem,
    FormSection,
    PerformanceFormData,
    PerformanceSheetData,
)
from cs_trainer.reports.sheet_data import Bilingual

TITLE = Bilingual("工作绩效测评表", "Performance evaluation")
TICK = "✓"
CHINESE_NUMBERS = "一二三四五六七八九十"

NUMBER_W = 7 * mm
TICK_W = 8.5 * mm
COMMENT_W = 41 * mm
BOX_SIZE = 4.2 * mm
RULED_GAP = 6 * mm
"""Room per handwritten line in the blank form's comment cells."""
SECTION_MIN_SPACE = 45 * mm
"""Room a section needs on its page for its bar, column heads and first item."""
OVERALL_BOX_HEIGHT = 32 * mm
"""Room for a handwritten overall comment."""
BLANK_DATE = "&nbsp;" * 12 + "年" + "&nbsp;" * 7 + "月" + "&nbsp;" * 7 + "日"
"""The blank form's date: room to write year, month and day by hand (non-breaking
spaces, because Paragraph collapses ordinary and ideographic ones)."""
BLANK = "＿＿＿＿"
"""A number to be written in by hand."""


# --------------------------------------------------------------------------- drawn marks


class TickBox(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A square to tick, ticked (✓ in the font) when ``checked``.

    The tick is text in the embedded font, so it prints anywhere and a reader
    can copy it; should a font lack the glyph it is drawn as two strokes
    instead of showing an empty box.
    """

    def __init__(self, font: str, checked: bool) -> None:
        super().__init__()
        self.font = font
        self.checked = checked
        self.width = self.height = BOX_SIZE

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(ACCENT if self.checked else MUTED)
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, BOX_SIZE, BOX_SIZE, stroke=1, fill=0)
        if self.checked:
            self._draw_tick()

    def _draw_tick(self) -> None:
        canvas = self.canv
        canvas.setFillColor(ACCENT)
        canvas.setStrokeColor(ACCENT)
        if has_glyph(self.font, TICK):
            size = 13.0
            canvas.setFont(self.font, size)
            canvas.drawCentredString(BOX_SIZE / 2 + 0.4 * mm, 0.5 * mm, TICK)
            return
        canvas.setLineWidth(1.4)
        path = canvas.beginPath()
        path.moveTo(0.8 * mm, 2.2 * mm)
        path.lineTo(1.9 * mm, 0.8 * mm)
        path.lineTo(4.6 * mm, 4.6 * mm)
        canvas.drawPath(path, stroke=1, fill=0)


class RuledLines(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Lines to write on by hand, as many as ``count``, across the available width."""

    def __init__(self, count: int, gap: float = RULED_GAP) -> None:
        super().__init__()
        self.count = count
        self.gap = gap
        self.width = 0.0
        self.height = count * gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for line in range(self.count):
            canvas.line(0, line * self.gap, self.width, line * self.gap)


def has_glyph(font: str, character: str) -> bool:
    """Whether the registered TrueType ``font`` can draw ``character``."""
    face = getattr(pdfmetrics.getFont(font), "face", None)
    return face is not None and ord(character) in getattr(face, "charToGlyph", {})


# --------------------------------------------------------------------------- header and fields


def _header(form: PerformanceFormData, styles: Styles) -> list[Flowable]:
    """Organisation, the bilingual title, and which standard (and version) is used."""
    left: list[Flowable] = []
    if form.organisation.strip():
        left += [Paragraph(escape(form.organisation), styles.organisation), Spacer(1, 1.5 * mm)]
    left += [Paragraph(escape(TITLE.zh), styles.title_zh), Paragraph(TITLE.en, styles.title_en)]
    standard = Paragraph(
        f"{bilingual_inline('测评标准', 'Standard')}<br/>{escape(form.form_title.zh)}<br/>"
        f'<font size="7">{escape(form.form_title.en)}</font><br/>'
        f"{bilingual_inline(f'第 {form.version} 版', f'version {form.version}')}",
        styles.printed,
    )
    table = Table([[left, standard]], colWidths=[CONTENT_WIDTH - 72 * mm, 72 * mm])
    table.setStyle(
        table_style(styles.font, ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *padding(0, 0, 0, 0))
    )
    rule = HRFlowable(width="100%", thickness=1.5, color=ACCENT, spaceBefore=2.5 * mm)
    return [table, rule, Spacer(1, SECTION_GAP)]


def _muted(text: str) -> str:
    return f'<font color="{hex_color(MUTED)}">{text}</font>'


def _field_values(sheet: PerformanceSheetData | None) -> list[str]:
    """Markup of the four fields, or the blank form's spaces to write in."""
    if sheet is None:
        period = f"{BLANK_DATE}&nbsp;&nbsp;&nbsp;&nbsp;至{BLANK_DATE}"
        return ["", "", _muted(BLANK_DATE), _muted(period)]
    name = text_or_dash(sheet.staff_name)
    if sheet.position.strip():
        name += _muted(f"（{escape(sheet.position)}）")
    period = f"{iso_date(sheet.period_from)} 至 {iso_date(sheet.period_to)}"
    return [name, text_or_dash(sheet.reviewer), iso_date(sheet.review_date), period]


def _fields(sheet: PerformanceSheetData | None, styles: Styles) -> list[Flowable]:
    """被测评人 / 测评人 / 测评日期 / 测评时段, boxed like the original paper form."""
    values = _field_values(sheet)
    captions = [
        ("被测评人", "Staff member reviewed"),
        ("测评人", "Reviewer"),
        ("测评日期", "Review date"),
        ("测评时段", "Review period"),
    ]
    cells = [
        caption_over_value(zh, en, value, styles)
        for (zh, en), value in zip(captions, values, strict=True)
    ]
    table = Table(
        [cells[:2], cells[2:]],
        colWidths=[0.5 * CONTENT_WIDTH] * 2,
        rowHeights=None if sheet is not None else [14 * mm, 14 * mm],
    )
    table.setStyle(
        table_style(
            styles.font,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            *padding(3, 5, 6, 6),
        )
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


# --------------------------------------------------------------------------- section tables


def _widths(scale_points: int) -> list[float]:
    """No., item, one tick column per score, comment."""
    item_w = CONTENT_WIDTH - NUMBER_W - scale_points * TICK_W - COMMENT_W
    return [NUMBER_W, item_w, *([TICK_W] * scale_points), COMMENT_W]


def _head_rows(form: PerformanceFormData, styles: Styles) -> list[list[Any]]:
    """Two heading rows: the column names, then each score with its label under it."""
    centred = styles.column_head_center
    rating = column_head("评分（在所选分数下打 ✓）", "Rating: tick one", centred)
    first = [
        column_head("序号", "No.", centred),
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
    """User-written text keeping its line breaks, which a Paragraph would run together."""
    return [free_text(line, style) for line in text.splitlines() if line.strip()]


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
        Paragraph(bilingual_inline("平均", "Mean", 7) + f"　{mean}", styles.label),
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


def _section(
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
        f"{bilingual_inline('总分', 'Total', 7.5)}　{total} / {possible}　　"
        f"{bilingual_inline('平均', 'Mean', 7.5)}　{mean}",
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


def _sign_caption(zh: str, en: str, name: str, styles: Styles) -> Paragraph:
    """测评人签名 Reviewer signature — 王经理 (the name when the form names them)."""
    text = bilingual_inline(zh, en, 7)
    if name.strip():
        text += f' — <font size="9.5">{escape(name)}</font>'
    return Paragraph(text, styles.label)


def _signatures(sheet: PerformanceSheetData | None, styles: Styles) -> Flowable:
    """Reviewer, staff member and head of department sign and date; never split."""
    reviewer, staff = (sheet.reviewer, sheet.staff_name) if sheet else ("", "")
    captions = [
        _sign_caption("测评人签名", "Reviewer signature", reviewer, styles),
        _sign_caption("被测评人签名", "Staff member signature", staff, styles),
        _sign_caption("部门负责人签名", "Head of department signature", "", styles),
    ]
    rows = [[caption, "", label("日期", "Date", styles), ""] for caption in captions]
    label_w, date_label_w, date_w = 64 * mm, 16 * mm, 36 * mm
    sign_w = CONTENT_WIDTH - label_w - date_label_w - date_w
    table = Table(rows, colWidths=[label_w, sign_w, date_label_w, date_w], rowHeights=12 * mm)
    table.setStyle(
        table_style(
            styles.font,
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 0), (1, -1), 0.8, INK),
            ("LINEBELOW", (3, 0), (3, -1), 0.8, INK),
            *padding(0, 3, 0, 4),
            ("LEFTPADDING", (2, 0), (2, -1), 6),
        )
    )
    heading = block_heading("签字确认", "Signatures", styles)
    return KeepTogether([Spacer(1, SECTION_GAP), heading, table])


# --------------------------------------------------------------------------- assembly


def _story(
    form: PerformanceFormData, sheet: PerformanceSheetData | None, styles: Styles
) -> list[Flowable]:
    """The whole form top to bottom; ``sheet`` is None for the blank form."""
    sections = [
        flowable
        for index, section in enumerate(form.sections)
        for flowable in (*_section(index, form, sheet, section, styles), Spacer(1, SECTION_GAP))
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
