"""The reception sheet's record of the period: every deduction and bonus with the
total after it, and the totals box that adds them up.

Points are printed with their sign and coloured (red for a deduction, green
for a bonus), here and in the standard's appendix (:mod:`.reception_appendix`),
which borrows :func:`coloured` and :func:`points_markup` from this module.
"""

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from cs_trainer.reports.labels import DATE
from cs_trainer.reports.pdf_style import (
    ACCENT,
    ACCENT_LIGHT,
    BAD,
    CONTENT_WIDTH,
    GOOD,
    INK,
    LABEL_FILL,
    RULE,
    SECTION_GAP,
    ZEBRA_FILL,
    Styles,
    bilingual_inline,
    block_heading,
    column_head,
    data_table_style,
    free_text,
    hex_color,
    iso_date,
    padding,
    stacked,
    table_style,
    title_bar,
)
from cs_trainer.reports.pdf_text import ClippedText, too_tall_to_keep
from cs_trainer.reports.reception_data import ReceptionSheet, SheetEntry, SheetTotals
from cs_trainer.reports.sheet_data import Bilingual

BASE_ROW = Bilingual("期初基础分", "Base points at the start of the period")
NO_ENTRIES = Bilingual("本期没有扣分或奖分记录", "No deductions or bonuses in this period")
DATE_W, POINTS_W, NOTE_W, RUNNING_W = 21 * mm, 15 * mm, 50 * mm, 21 * mm
ENTRIES_MIN_SPACE = 40 * mm
"""Room the entries table needs on a page for its heading and first rows."""


def signed(points: int) -> str:
    """Points with their sign, e.g. ``-20`` or ``+100``; zero is plain ``0``."""
    return f"{points:+d}" if points else "0"


def points_colour(points: int) -> colors.Color:
    """Red for a deduction, green for a bonus, ink for nothing."""
    if points < 0:
        return BAD
    return GOOD if points > 0 else INK


def coloured(text: str, colour: colors.Color) -> str:
    """``text`` (escaped) in ``colour``."""
    return f'<font color="{hex_color(colour)}">{escape(text)}</font>'


def points_markup(points: int) -> str:
    """Signed points in their colour, as Paragraph markup."""
    return coloured(signed(points), points_colour(points))


def _entry_widths() -> list[float]:
    item_w = CONTENT_WIDTH - DATE_W - POINTS_W - NOTE_W - RUNNING_W
    return [DATE_W, item_w, POINTS_W, NOTE_W, RUNNING_W]


def _entries_header(styles: Styles) -> list[Any]:
    centred = styles.column_head_center
    return [
        column_head(*DATE, styles.column_head),
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
    signed_by = ClippedText(entry.assessor, styles.cell_en, 2, "— ")
    if not entry.note.strip():
        return [signed_by]  # a dash for the note and another before the name would read oddly
    return [free_text(entry.note, styles.cell_small), signed_by]


def _entry_row(entry: SheetEntry, styles: Styles) -> list[Any]:
    points = points_markup(entry.points)
    return [
        Paragraph(iso_date(entry.entry_date), styles.cell_small),
        _item_cell(entry, styles),
        Paragraph(points, styles.cell_center),
        _note_cell(entry, styles),
        Paragraph(_total_markup(entry.running_total), styles.mean),
    ]


def _total_markup(total: int) -> str:
    """A running or final total; red once it has fallen below zero."""
    return coloured(str(total), BAD) if total < 0 else str(total)


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
    width = _entry_widths()[3] - 8
    split = any(isinstance(row[3], list) and too_tall_to_keep(row[3], width) for row in body)
    table = Table(rows, colWidths=_entry_widths(), repeatRows=1, splitInRow=int(split))
    extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, 1), (-1, 1), LABEL_FILL)]
    if split:  # a middle-aligned cell of a row split over pages is drawn off the page
        extra.append(("VALIGN", (0, 0), (-1, -1), "TOP"))
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


def entries_section(sheet: ReceptionSheet, styles: Styles) -> list[Flowable]:
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


def totals_box(totals: SheetTotals, styles: Styles) -> Flowable:
    """Base, deductions, bonuses and the final score, the final largest."""
    cells = [
        _total_cell("基础分", "Base", str(totals.base), styles.score, styles),
        _total_cell(
            "扣分合计",
            "Deductions",
            points_markup(totals.deductions),
            styles.score,
            styles,
        ),
        _total_cell(
            "奖分合计",
            "Bonuses",
            points_markup(totals.bonuses),
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
