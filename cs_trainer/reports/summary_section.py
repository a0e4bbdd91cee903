"""The summary block near the top of the sheet: what a reader needs at a glance.

The hiring decision comes first and largest, then the radar chart of the four
groups of qualities beside their means, then one line per self-test and per
typing test. The block only appears once there is more than self-tests to
summarise, so a sheet with self-tests alone looks as it always did.
"""

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from cs_trainer.reports.labels import DATE
from cs_trainer.reports.pdf_style import (
    ACCENT,
    ACCENT_LIGHT,
    BAD,
    BAD_LIGHT,
    CONTENT_WIDTH,
    GOOD,
    GOOD_LIGHT,
    MUTED,
    RULE,
    SECTION_GAP,
    WARN,
    WARN_LIGHT,
    ZEBRA_FILL,
    Styles,
    bilingual_inline,
    block_heading,
    column_head,
    data_table_style,
    free_text,
    hex_color,
    iso_date,
    one_decimal,
    padding,
    stacked,
    table_style,
    text_or_dash,
)
from cs_trainer.reports.pdf_text import ClippedText
from cs_trainer.reports.radar_chart import has_radar_data, radar_drawing
from cs_trainer.reports.sheet_data import (
    Bilingual,
    DecisionInfo,
    EvaluationSheet,
    GroupScore,
    SelfTestSection,
    TypingResult,
)
from cs_trainer.reports.typing_section import typing_summary_markup

RADAR_W, RADAR_H = 76 * mm, 62 * mm
COLUMN_GAP = 5 * mm
LINE_LABEL_W = 42 * mm
DECISION_W = 52 * mm
TYPING_TEST = Bilingual("打字测试", "Typing test")
NOT_DECIDED = Bilingual("尚未决定", "Not decided yet")

_DECISION_COLOURS = {
    "录用": (GOOD, GOOD_LIGHT),
    "hire": (GOOD, GOOD_LIGHT),
    "待定": (WARN, WARN_LIGHT),
    "hold": (WARN, WARN_LIGHT),
    "不录用": (BAD, BAD_LIGHT),
    "reject": (BAD, BAD_LIGHT),
}


def has_summary(sheet: EvaluationSheet) -> bool:
    """Whether the sheet has anything beyond self-tests worth a summary."""
    return bool(
        sheet.interviews
        or sheet.typing
        or sheet.decision is not None
        or has_radar_data(sheet.group_summary)
    )


# --------------------------------------------------------------------------- decision


def _palette(decision: DecisionInfo | None) -> tuple[colors.Color, colors.Color, colors.Color]:
    """Text, border and fill colours: green for hire, amber for hold, red for reject.

    Any other wording gets the accent colour; no decision yet is plain grey.
    """
    if decision is None:
        return MUTED, RULE, ZEBRA_FILL
    verdict = decision.decision
    for key in (verdict.zh.strip(), verdict.en.strip().lower()):
        if key in _DECISION_COLOURS:
            ink, fill = _DECISION_COLOURS[key]
            return ink, ink, fill
    return ACCENT, ACCENT, ACCENT_LIGHT


def _verdict_cell(verdict: Bilingual, ink: colors.Color, styles: Styles) -> list[Flowable]:
    """The caption and the verdict set large in its colour."""
    colour = hex_color(ink)
    return [
        Paragraph(bilingual_inline("录用决定", "Decision", 7.5), styles.result_label),
        Paragraph(f'<font color="{colour}">{text_or_dash(verdict.zh)}</font>', styles.decision_zh),
        Paragraph(f'<font color="{colour}">{text_or_dash(verdict.en)}</font>', styles.decision_en),
    ]


def _reason_cell(decision: DecisionInfo, styles: Styles) -> list[Flowable]:
    """Why, who decided and when."""
    by = bilingual_inline("决定人", "Decided by", 7) + " "
    on = "　·　" + bilingual_inline(*DATE, 7) + f" {iso_date(decision.decided_on)}"
    return [
        Paragraph(bilingual_inline("理由", "Reason", 7.5), styles.result_label),
        free_text(decision.reason, styles.summary_line),
        Spacer(1, 1.5 * mm),
        ClippedText(decision.decided_by, styles.result_label, 2, by, on),
    ]


def _decision_box(decision: DecisionInfo | None, styles: Styles) -> Table:
    """The decision, boxed in its colour: the first thing the eye lands on."""
    ink, border, fill = _palette(decision)
    verdict = NOT_DECIDED if decision is None else decision.decision
    cells = [
        _verdict_cell(verdict, ink, styles),
        "" if decision is None else _reason_cell(decision, styles),
    ]
    # A long reason may run onto the next page rather than make the box taller than one.
    box = Table([cells], colWidths=[DECISION_W, CONTENT_WIDTH - DECISION_W], splitInRow=1)
    box.setStyle(
        table_style(
            styles.font,
            ("BACKGROUND", (0, 0), (-1, -1), fill),
            ("BOX", (0, 0), (-1, -1), 1.4, border),
            ("LINEAFTER", (0, 0), (0, 0), 0.6, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *padding(5, 7, 8, 8),
        )
    )
    return box


# --------------------------------------------------------------------------- groups


def _group_table(groups: list[GroupScore], width: float, styles: Styles) -> Table:
    """Each group's mean (one decimal) and how many ratings it rests on."""
    centred = styles.column_head_center
    header = [
        column_head("素质类别", "Group of qualities", styles.column_head),
        column_head("平均分", "Mean (1–5)", centred),
        column_head("评分数", "Ratings", centred),
    ]
    rows = [
        [
            Paragraph(bilingual_inline(g.group.zh, g.group.en), styles.cell_zh),
            Paragraph(one_decimal(g.mean), styles.mean),
            Paragraph(str(g.count), styles.cell_center),
        ]
        for g in groups
    ]
    number_w = 22 * mm
    table = Table([header, *rows], colWidths=[width - 2 * number_w, number_w, number_w])
    table.setStyle(data_table_style(styles.font, (3.5, 4.5, 5, 5)))
    return table


def _groups_row(groups: list[GroupScore], styles: Styles) -> Table:
    """The radar chart with the table of means beside it."""
    table_w = CONTENT_WIDTH - RADAR_W - COLUMN_GAP
    drawing = radar_drawing(groups, styles.font, RADAR_W, RADAR_H)
    row = Table(
        [[drawing, "", _group_table(groups, table_w, styles)]],
        colWidths=[RADAR_W, COLUMN_GAP, table_w],
    )
    row.setStyle(
        table_style(styles.font, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *padding(0, 0, 0, 0))
    )
    return row


# --------------------------------------------------------------------------- result lines


def _self_test_line(section: SelfTestSection, styles: Styles) -> list[Any]:
    """A self-test as "84 / 100 · 优秀 Excellent"."""
    result = (
        f'<font color="{hex_color(ACCENT)}">{section.total} / {section.max_total}</font>'
        f"　·　{bilingual_inline(section.band.zh, section.band.en)}"
    )
    return [
        stacked(section.title, styles),
        Paragraph(result, styles.summary_line),
    ]


def _typing_line(result: TypingResult, styles: Styles) -> list[Any]:
    """A typing test on one line."""
    return [
        stacked(TYPING_TEST, styles),
        Paragraph(typing_summary_markup(result), styles.summary_line),
    ]


def _result_lines(sheet: EvaluationSheet, styles: Styles) -> list[Flowable]:
    """One labelled line per self-test and typing test; nothing if there are none."""
    rows = [_self_test_line(section, styles) for section in sheet.self_tests]
    rows += [_typing_line(result, styles) for result in sheet.typing]
    if not rows:
        return []
    table = Table(rows, colWidths=[LINE_LABEL_W, CONTENT_WIDTH - LINE_LABEL_W])
    table.setStyle(
        table_style(
            styles.font,
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE),
            ("BACKGROUND", (0, 0), (0, -1), ZEBRA_FILL),
            *padding(3, 4, 6, 6),
        )
    )
    return [Spacer(1, 3 * mm), table]


# --------------------------------------------------------------------------- block


def summary_block(sheet: EvaluationSheet, styles: Styles) -> list[Flowable]:
    """The whole summary, kept on one page; empty when :func:`has_summary` is false."""
    if not has_summary(sheet):
        return []
    parts: list[Flowable] = [
        block_heading("评估概要", "Summary", styles),
        _decision_box(sheet.decision, styles),
    ]
    if has_radar_data(sheet.group_summary):
        parts += [Spacer(1, 3 * mm), _groups_row(sheet.group_summary, styles)]
    parts += _result_lines(sheet, styles)
    return [KeepTogether(parts), Spacer(1, SECTION_GAP + 1 * mm)]
