"""The reception sheet's appendix: the standard the entries were assessed against.

Printed on a page of its own after the signed sheet, so the sheet carries its
own rules: the duties, then every clause with what each lapse or success
counts, or why a clause is not scored.
"""

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from cs_trainer.reports.pdf_style import (
    CONTENT_WIDTH,
    EMPTY_VALUE,
    MUTED,
    SECTION_GAP,
    Styles,
    bilingual_inline,
    block_heading,
    column_head,
    data_table_style,
    hex_color,
    padding,
    stacked,
    table_style,
    title_bar,
)
from cs_trainer.reports.reception_data import SheetClause, SheetStandard
from cs_trainer.reports.reception_entries import coloured, points_markup
from cs_trainer.reports.sheet_data import Bilingual

CLAUSE_NO_W, CLAUSE_POINTS_W, ITEM_POINTS_W = 10 * mm, 76 * mm, 9 * mm


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
        Paragraph(coloured(f"※ {reason.zh}", MUTED), styles.cell_small),
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
            Paragraph(points_markup(item.points), styles.cell_small),
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


def appendix(standard: SheetStandard, styles: Styles) -> list[Flowable]:
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
