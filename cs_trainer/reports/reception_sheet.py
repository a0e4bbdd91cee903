"""The reception assessment sheet (《客服接待岗位职责工作标准》篇3) as an A4 PDF.

A second kind of evaluation sheet: deductions and bonuses instead of ratings.
One staff member, one period: the header and details, every entry with the
total after it, the totals box, the three signature lines, and then, on a page
of its own, the standard the entries were assessed against (duties and every
clause with its points), so the signed sheet carries its own rules.

Like the candidate sheet it is bilingual with the Chinese first, set entirely
in the shipped CJK font, and reads only the plain dataclasses of
:mod:`.reception_data`.
"""

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    PageBreak,
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
    BAD,
    CONTENT_WIDTH,
    EMPTY_VALUE,
    GOOD,
    INK,
    LABEL_FILL,
    MUTED,
    RULE,
    SECTION_GAP,
    ZEBRA_FILL,
    Styles,
    bilingual_inline,
    block_heading,
    caption_over_value,
    column_head,
    data_table_style,
    free_text,
    hex_color,
    iso_date,
    label,
    make_styles,
    padding,
    stacked,
    table_style,
    text_or_dash,
    title_bar,
)
from cs_trainer.reports.reception_data import (
    ReceptionSheet,
    SheetClause,
    SheetEntry,
    SheetStandard,
    SheetTotals,
)
from cs_trainer.reports.sheet_data import Bilingual

TITLE = Bilingual("前台接待考核表", "Reception assessment")
BASE_ROW = Bilingual("期初基础分", "Base points at the start of the period")
NO_ENTRIES = Bilingual("本期没有扣分或奖分记录", "No deductions or bonuses in this period")

DATE_W, POINTS_W, NOTE_W, RUNNING_W = 21 * mm, 15 * mm, 50 * mm, 21 * mm
CLAUSE_NO_W, CLAUSE_POINTS_W, ITEM_POINTS_W = 10 * mm, 76 * mm, 9 * mm
SIGN_LABEL_W, SIGN_DATE_LABEL_W, SIGN_DATE_W = 62 * mm, 18 * mm, 36 * mm
SIGN_ROW_H = 11 * mm
ENTRIES_MIN_SPACE = 40 * mm
"""Room the entries table needs on a page for its heading and first rows."""


# --------------------------------------------------------------------------- small helpers


def signed(points: int) -> str:
    """Points with their sign, e.g. ``-20`` or ``+100``; zero is plain ``0``."""
    return f"{points:+d}" if points else "0"


def _points_colour(points: int) -> colors.Color:
    """Red for a deduction, green for a bonus, ink for nothing."""
    if points < 0:
        return BAD
    return GOOD if points > 0 else INK


def _coloured(text: str, colour: colors.Color) -> str:
    return f'<font color="{hex_color(colour)}">{escape(text)}</font>'


def period_text(sheet: ReceptionSheet) -> str:
    """The period as two ISO dates, e.g. 2025-03-01 – 2025-03-31."""
    return f"{iso_date(sheet.period_from)} – {iso_date(sheet.period_to)}"


def _assessor_names(sheet: ReceptionSheet) -> str:
    """Everyone who recorded an entry, joined the Chinese way."""
    return "、".join(name for name in sheet.assessors if name.strip())


# --------------------------------------------------------------------------- header


def _header(sheet: ReceptionSheet, styles: Styles) -> list[Flowable]:
    """Organisation (when known), the bilingual title and the printed date."""
    left: list[Flowable] = []
    if sheet.organisation.strip():
        left += [Paragraph(escape(sheet.organisation), styles.organisation), Spacer(1, 1.5 * mm)]
    left += [Paragraph(TITLE.zh, styles.title_zh), Paragraph(TITLE.en, styles.title_en)]
    printed = Paragraph(
        f"{bilingual_inline('打印日期', 'Printed on')}<br/>{iso_date(sheet.printed_on)}",
        styles.printed,
    )
    table = Table([[left, printed]], colWidths=[CONTENT_WIDTH - 45 * mm, 45 * mm])
    table.setStyle(
        table_style(styles.font, ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *padding(0, 0, 0, 0))
    )
    rule = HRFlowable(width="100%", thickness=1.5, color=ACCENT, spaceBefore=2.5 * mm)
    return [table, rule, Spacer(1, SECTION_GAP)]


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
            caption_over_value(
                "被考核人",
                "Staff member",
                f'{text_or_dash(staff.name)} <font size="8" color="{hex_color(MUTED)}">'
                f"ID {staff.staff_id}</font>",
                styles,
            ),
            caption_over_value("岗位", "Position", text_or_dash(staff.position), styles),
            caption_over_value("考核期间", "Period", period_text(sheet), styles),
        ],
        [
            caption_over_value("考核人", "Assessor", text_or_dash(_assessor_names(sheet)), styles),
            caption_over_value("考核标准", "Standard", standard_value, styles),
            "",
        ],
    ]


def _details_block(sheet: ReceptionSheet, styles: Styles) -> list[Flowable]:
    """Who, when and by whom, boxed like a paper form."""
    widths = [0.36 * CONTENT_WIDTH, 0.30 * CONTENT_WIDTH, 0.34 * CONTENT_WIDTH]
    table = Table(_details_rows(sheet, styles), colWidths=widths)
    table.setStyle(
        table_style(
            styles.font,
            ("SPAN", (1, 1), (2, 1)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            *padding(3, 5, 6, 6),
        )
    )
    heading = block_heading("考核信息", "Assessment details", styles)
    return [KeepTogether([heading, table]), Spacer(1, SECTION_GAP)]


# --------------------------------------------------------------------------- entries


def _entry_widths() -> list[float]:
    item_w = CONTENT_WIDTH - DATE_W - POINTS_W - NOTE_W - RUNNING_W
    return [DATE_W, item_w, POINTS_W, NOTE_W, RUNNING_W]


def _entries_header(styles: Styles) -> list[Any]:
    centred = styles.column_head_center
    return [
        column_head("日期", "Date", styles.column_head),
        column_head("考核项目", "Item", styles.column_head),
        column_head("分值", "Points", centred),
        column_head("备注", "Note", styles.column_head),
        column_head("累计", "Running total", centred),
    ]


def _item_cell(entry: SheetEntry, styles: Styles) -> list[Flowable]:
    """The item, Chinese over English, with the clause it comes from."""
    cell = stacked(entry.item, styles)
    if entry.clause is not None:
        clause = bilingual_inline(f"第{entry.clause}条", f"Clause {entry.clause}", 6.5)
        cell.append(Paragraph(clause, styles.cell_en))
    return cell


def _note_cell(entry: SheetEntry, styles: Styles) -> list[Flowable]:
    """The note, then who recorded it in small grey type."""
    if not entry.assessor.strip():
        return [free_text(entry.note, styles.cell_small)]
    signed_by = Paragraph(f"— {escape(entry.assessor)}", styles.cell_en)
    if not entry.note.strip():
        return [signed_by]  # a dash for the note and another before the name would read oddly
    return [free_text(entry.note, styles.cell_small), signed_by]


def _entry_row(entry: SheetEntry, styles: Styles) -> list[Any]:
    points = _coloured(signed(entry.points), _points_colour(entry.points))
    return [
        Paragraph(iso_date(entry.entry_date), styles.cell_small),
        _item_cell(entry, styles),
        Paragraph(points, styles.cell_center),
        _note_cell(entry, styles),
        Paragraph(_total_markup(entry.running_total), styles.mean),
    ]


def _total_markup(total: int) -> str:
    """A running or final total; red once it has fallen below zero."""
    return _coloured(str(total), BAD) if total < 0 else str(total)


def _base_row(totals: SheetTotals, styles: Styles) -> list[Any]:
    """The first row: where every period starts."""
    return [
        "",
        stacked(BASE_ROW, styles),
        Paragraph(str(totals.base), styles.cell_center),
        "",
        Paragraph(str(totals.base), styles.mean),
    ]


def _empty_row(styles: Styles) -> list[Any]:
    text = bilingual_inline(NO_ENTRIES.zh, NO_ENTRIES.en, 8)
    return ["", Paragraph(text, styles.notice), "", "", ""]


def _entries_table(sheet: ReceptionSheet, styles: Styles) -> Table:
    """Every entry in date order; the heading row repeats on every page the table reaches."""
    body = [_entry_row(entry, styles) for entry in sheet.entries] or [_empty_row(styles)]
    rows = [_entries_header(styles), _base_row(sheet.totals, styles), *body]
    table = Table(rows, colWidths=_entry_widths(), repeatRows=1)
    extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, 1), (-1, 1), LABEL_FILL)]
    if not sheet.entries:
        extra.append(("SPAN", (1, 2), (3, 2)))
    table.setStyle(data_table_style(styles.font, (2.5, 3.5, 4, 4), zebra_rows=0))
    table.setStyle(table_style(styles.font, *_zebra(len(rows)), *extra))
    return table


def _zebra(row_count: int) -> list[tuple[Any, ...]]:
    """Every other entry tinted, counting from the first entry after the base row."""
    return [("BACKGROUND", (0, row), (-1, row), ZEBRA_FILL) for row in range(3, row_count, 2)]


def _count_markup(count: int) -> str:
    """共 3 条 3 entries, for the right of the title bar."""
    english = "entry" if count == 1 else "entries"
    return bilingual_inline(f"共 {count} 条", f"{count} {english}", 8, colors.white)


def _entries_section(sheet: ReceptionSheet, styles: Styles) -> list[Flowable]:
    """The title bar and the table, moved to the next page if only its bar would fit."""
    title = bilingual_inline("扣分与奖分记录", "Deductions and bonuses", 9.5, colors.white)
    bar = title_bar(title, _count_markup(sheet.totals.entry_count), styles, right_width=45 * mm)
    return [
        CondPageBreak(ENTRIES_MIN_SPACE),
        bar,
        Spacer(1, 1.5 * mm),
        _entries_table(sheet, styles),
        Spacer(1, SECTION_GAP),
    ]


# --------------------------------------------------------------------------- totals


def _total_cell(zh: str, en: str, value: str, style: Any, styles: Styles) -> list[Flowable]:
    return [Paragraph(bilingual_inline(zh, en, 7), styles.result_label), Paragraph(value, style)]


def _totals_box(totals: SheetTotals, styles: Styles) -> Flowable:
    """Base, deductions, bonuses and the final score, the final largest."""
    cells = [
        _total_cell("基础分", "Base", str(totals.base), styles.score, styles),
        _total_cell(
            "扣分合计",
            "Deductions",
            _coloured(signed(totals.deductions), _points_colour(totals.deductions)),
            styles.score,
            styles,
        ),
        _total_cell(
            "奖分合计",
            "Bonuses",
            _coloured(signed(totals.bonuses), _points_colour(totals.bonuses)),
            styles.score,
            styles,
        ),
        _total_cell("最终得分", "Final score", _total_markup(totals.final), styles.total, styles),
    ]
    share = CONTENT_WIDTH / 5
    table = Table([cells], colWidths=[share, share, share, 2 * share])
    table.setStyle(
        table_style(
            styles.font,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.5, RULE),
            ("BACKGROUND", (3, 0), (3, 0), ACCENT_LIGHT),
            *padding(4, 6, 8, 8),
        )
    )
    formula = Paragraph(
        bilingual_inline(
            "最终得分 = 基础分 + 扣分合计 + 奖分合计",
            "Final score = base + deductions + bonuses",
            7,
        ),
        styles.table_caption,
    )
    heading = block_heading("考核结果", "Result", styles)
    return KeepTogether([heading, table, Spacer(1, 1 * mm), formula])


# --------------------------------------------------------------------------- signatures


def _sign_caption(zh: str, en: str, name: str, styles: Styles) -> Paragraph:
    """考核人 Assessor — 王经理 (the name only when known)."""
    markup = bilingual_inline(zh, en, 7)
    if name.strip():
        markup += f' — <font size="10">{escape(name)}</font>'
    return Paragraph(markup, styles.label)


def _signatures(sheet: ReceptionSheet, styles: Styles) -> Flowable:
    """考核人 / 被考核人 / 部门负责人, each with a line to sign and a date; never split."""
    captions = [
        _sign_caption("考核人", "Assessor", _assessor_names(sheet), styles),
        _sign_caption("被考核人", "Staff member", sheet.staff.name, styles),
        _sign_caption("部门负责人", "Head of department", "", styles),
    ]
    rows = [[caption, "", label("日期", "Date", styles), ""] for caption in captions]
    sign_w = CONTENT_WIDTH - SIGN_LABEL_W - SIGN_DATE_LABEL_W - SIGN_DATE_W
    table = Table(
        rows,
        colWidths=[SIGN_LABEL_W, sign_w, SIGN_DATE_LABEL_W, SIGN_DATE_W],
        rowHeights=SIGN_ROW_H,
    )
    table.setStyle(
        table_style(
            styles.font,
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 0), (1, -1), 0.8, INK),
            ("LINEBELOW", (3, 0), (3, -1), 0.8, INK),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (2, 0), (2, -1), 8),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        )
    )
    return KeepTogether([Spacer(1, SECTION_GAP), table])


# --------------------------------------------------------------------------- appendix


def _duties(standard: SheetStandard, styles: Styles) -> list[Flowable]:
    """一、接待业主服务内容: the duties, numbered as in the original."""
    flowables: list[Flowable] = [
        block_heading("一、接待业主服务内容", "Duties in receiving owners", styles)
    ]
    for number, duty in enumerate(standard.duties, start=1):
        flowables.append(Paragraph(f"{number}. {escape(duty.zh)}", styles.detail_zh))
        flowables.append(Paragraph(escape(duty.en), styles.detail_en))
    return [*flowables, Spacer(1, SECTION_GAP)]


def _unscored_lines(clause: SheetClause, styles: Styles) -> list[Flowable]:
    """A clause without items: its rule as the original words it, and why it is not scored."""
    reason = clause.unscored_reason or Bilingual(EMPTY_VALUE, EMPTY_VALUE)
    return [
        Paragraph(escape(clause.rule.zh), styles.cell_small),
        Paragraph(escape(clause.rule.en), styles.cell_en),
        Paragraph(_coloured(f"※ {reason.zh}", MUTED), styles.cell_small),
        Paragraph(escape(reason.en), styles.cell_en),
    ]


def _points_lines(clause: SheetClause, styles: Styles) -> Flowable | list[Flowable]:
    """Each scored item of a clause as points beside its text, or why there are none.

    A nested table rather than a hanging indent, so wrapped lines align under the
    text whatever the width of "-10" or "+100".
    """
    if not clause.items:
        return _unscored_lines(clause, styles)
    rows = [
        [
            Paragraph(
                _coloured(signed(item.points), _points_colour(item.points)), styles.cell_small
            ),
            [
                Paragraph(escape(item.text.zh), styles.cell_small),
                Paragraph(escape(item.text.en), styles.cell_en),
            ],
        ]
        for item in clause.items
    ]
    table = Table(rows, colWidths=[ITEM_POINTS_W, CLAUSE_POINTS_W - 8 - ITEM_POINTS_W])
    table.setStyle(
        table_style(styles.font, ("VALIGN", (0, 0), (-1, -1), "TOP"), *padding(0, 2.5, 0, 0))
    )
    return table


def _clause_row(clause: SheetClause, styles: Styles) -> list[Any]:
    return [
        Paragraph(str(clause.number), styles.cell_center),
        stacked(clause.requirement, styles),
        _points_lines(clause, styles),
    ]


def _clauses_table(standard: SheetStandard, styles: Styles) -> Table:
    """Every clause: the requirement and what each lapse or success counts."""
    header = [
        column_head("条", "No.", styles.column_head_center),
        column_head("考核标准", "Requirement", styles.column_head),
        column_head("扣分 / 奖分", "Deductions / bonuses", styles.column_head),
    ]
    rows = [header, *(_clause_row(clause, styles) for clause in standard.clauses)]
    widths = [CLAUSE_NO_W, CONTENT_WIDTH - CLAUSE_NO_W - CLAUSE_POINTS_W, CLAUSE_POINTS_W]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(data_table_style(styles.font, (3, 4, 4, 4), zebra_rows=len(rows)))
    table.setStyle(table_style(styles.font, ("VALIGN", (0, 1), (-1, -1), "TOP")))
    return table


def _appendix(standard: SheetStandard, styles: Styles) -> list[Flowable]:
    """The standard itself, on a page of its own after the signed sheet."""
    title = bilingual_inline("附录 考核标准", "Appendix: the standard", 9.5, colors.white)
    base = bilingual_inline("基础分", "Base", 8, colors.white) + f" {standard.base_points}"
    intro = Paragraph(
        f"{escape(standard.title.zh)}<br/>"
        f'<font size="8" color="{hex_color(MUTED)}">{escape(standard.title.en)}'
        f" · v{standard.version}</font>",
        styles.summary_line,
    )
    return [
        PageBreak(),
        title_bar(title, base, styles, right_width=35 * mm),
        Spacer(1, 2 * mm),
        intro,
        Spacer(1, SECTION_GAP),
        *_duties(standard, styles),
        block_heading("二、接待业主服务考核标准", "Assessment standard", styles),
        _clauses_table(standard, styles),
    ]


# --------------------------------------------------------------------------- document


def _story(sheet: ReceptionSheet, styles: Styles) -> list[Flowable]:
    """The flowables of the whole sheet, top to bottom."""
    return [
        *_header(sheet, styles),
        *_details_block(sheet, styles),
        *_entries_section(sheet, styles),
        _totals_box(sheet.totals, styles),
        _signatures(sheet, styles),
        *_appendix(sheet.standard, styles),
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
