"""The self-test part of the sheet: each finished attempt item by item, with its
total and band, or a plain notice when there is none."""

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from cs_trainer.reports.labels import NUMBER, SCORE, TOTAL
from cs_trainer.reports.pdf_style import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    RULE,
    SECTION_GAP,
    ZEBRA_FILL,
    Styles,
    bilingual_inline,
    caption_over_value,
    column_head,
    data_table_style,
    details_strip,
    iso_date,
    padding,
    stacked,
    table_style,
    text_or_dash,
    title_bar,
)
from cs_trainer.reports.pdf_text import caption_over_text
from cs_trainer.reports.sheet_data import Bilingual, SelfTestSection, SheetItem

FIRST_SECTION_MIN_SPACE = 70 * mm
"""Room the first self-test needs on its page: its title bar, details and the
first few rows. With less left, it starts on a new page instead."""

NO_SELF_TEST = Bilingual("尚无已完成的服务潜能测试", "No completed self-test yet")


def _section_bar(section: SelfTestSection, styles: Styles) -> Table:
    """The coloured title bar of a self-test: its name and instrument version."""
    title = bilingual_inline(f"{section.title.zh} /", section.title.en, 9.5, colors.white)
    version = (
        bilingual_inline("量表版本", "Version", 8, colors.white) + f" {section.instrument_version}"
    )
    return title_bar(title, version, styles)


def _section_details(section: SelfTestSection, styles: Styles) -> Table:
    """When the test was finished, by whom, and whether it was self-rated."""
    mode = bilingual_inline(section.mode.zh, section.mode.en, 8)
    cells = [
        caption_over_value("完成日期", "Finished on", iso_date(section.finished_on), styles),
        caption_over_text("测评人", "Conducted by", section.conducted_by, styles),
        caption_over_value("测评方式", "Mode", mode, styles),
    ]
    return details_strip(cells, [0.26, 0.32, 0.42], styles)


def _item_row(item: SheetItem, styles: Styles) -> list[Any]:
    """One statement pair and the score given to it."""
    return [
        Paragraph(str(item.number), styles.cell_center),
        stacked(item.high_pole, styles),
        stacked(item.low_pole, styles),
        Paragraph(f"{item.score} / {item.max_score}", styles.cell_center),
    ]


def _items_table(section: SelfTestSection, styles: Styles) -> Table:
    """The item-by-item scores; the header row repeats if the table breaks."""
    head, centred = styles.column_head, styles.column_head_center
    header = [
        column_head(*NUMBER, centred),
        column_head("10 分表述（高分端）", "Statement scored 10 (high pole)", head),
        column_head("1 分表述（低分端）", "Statement scored 1 (low pole)", head),
        column_head(*SCORE, centred),
    ]
    number_w, score_w = 11 * mm, 17 * mm
    pole_w = (CONTENT_WIDTH - number_w - score_w) / 2
    rows = [header, *(_item_row(item, styles) for item in section.items)]
    table = Table(rows, colWidths=[number_w, pole_w, pole_w, score_w], repeatRows=1)
    table.setStyle(data_table_style(styles.font, (2.5, 3.5, 5, 5), zebra_rows=len(rows)))
    return table


def _result_box(section: SelfTestSection, styles: Styles) -> Table:
    """Total and band, set large: the figures a reader looks for first."""
    total = [
        Paragraph(bilingual_inline(*TOTAL, 7.5), styles.result_label),
        Paragraph(f"{section.total} / {section.max_total}", styles.total),
    ]
    band = [
        Paragraph(bilingual_inline("评定等级", "Band", 7.5), styles.result_label),
        Paragraph(text_or_dash(section.band.zh), styles.band_zh),
        Paragraph(text_or_dash(section.band.en), styles.band_en),
        Paragraph(text_or_dash(section.band_advice.zh), styles.advice_zh),
        Paragraph(text_or_dash(section.band_advice.en), styles.advice_en),
    ]
    box = Table([[total, band]], colWidths=[45 * mm, CONTENT_WIDTH - 45 * mm])
    box.setStyle(
        table_style(
            styles.font,
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
            ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
            ("LINEAFTER", (0, 0), (0, 0), 0.6, RULE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *padding(6, 8, 8, 8),
        )
    )
    return box


def _self_test_section(section: SelfTestSection, styles: Styles, *, first: bool) -> list[Flowable]:
    """One finished self-test, laid out so that it reads as one unit.

    Later sections move to a new page whole when they do not fit, so a page
    never ends with a section's title and starts the next with its scores.
    The first section instead starts right below what precedes it (moving it
    would leave page 1 almost empty) and only needs room for its title and
    first rows; if it runs on, the table's column headings repeat. A section
    taller than a page always breaks rather than being cut off.
    """
    parts: list[Flowable] = [
        _section_bar(section, styles),
        _section_details(section, styles),
        Spacer(1, 2.5 * mm),
        _items_table(section, styles),
        Spacer(1, 2.5 * mm),
        _result_box(section, styles),
    ]
    if first:
        return [CondPageBreak(FIRST_SECTION_MIN_SPACE), *parts, Spacer(1, SECTION_GAP)]
    return [KeepTogether(parts), Spacer(1, SECTION_GAP)]


def _no_self_test(styles: Styles) -> list[Flowable]:
    """Say plainly that there is nothing to show, so a blank is not mistaken for a fault."""
    text = f"{escape(NO_SELF_TEST.zh)} / {escape(NO_SELF_TEST.en)}"
    box = Table([[Paragraph(text, styles.notice)]], colWidths=[CONTENT_WIDTH])
    box.setStyle(
        table_style(
            styles.font,
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("BACKGROUND", (0, 0), (-1, -1), ZEBRA_FILL),
            ("TOPPADDING", (0, 0), (-1, -1), 12),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 13),
        )
    )
    return [box, Spacer(1, 8 * mm)]


def self_test_sections(sections: list[SelfTestSection], styles: Styles) -> list[Flowable]:
    """Every finished self-test in order, or the notice that there is none yet."""
    if not sections:
        return _no_self_test(styles)
    story: list[Flowable] = []
    for index, section in enumerate(sections):
        story += _self_test_section(section, styles, first=index == 0)
    return story
