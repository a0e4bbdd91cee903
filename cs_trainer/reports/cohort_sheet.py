"""A cohort's summary as an A4 PDF: every trainee's latest and best result per
instrument, the cohort's mean, and the skills the cohort shows in role-plays.

A cohort may have tried more instruments than fit across a portrait page, so
the table is cut into parts of a few instruments each; every part repeats the
trainees' names and the mean, and every page repeats the part's heading row,
so any printed page can be read on its own. Reads only the plain
:class:`~cs_trainer.reports.progress_data.CohortSheet`.
"""

from collections.abc import Sequence
from math import ceil
from pathlib import Path
from statistics import fmean
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from cs_trainer.files import write_atomically
from cs_trainer.reports.fonts import register_pdf_font
from cs_trainer.reports.labels import COHORT, MEAN, NAME, PERIOD
from cs_trainer.reports.pdf_document import DocumentInfo, build_pdf
from cs_trainer.reports.pdf_style import (
    ACCENT,
    ACCENT_LIGHT,
    CONTENT_WIDTH,
    EMPTY_VALUE,
    MUTED,
    SECTION_GAP,
    Styles,
    bilingual_inline,
    block_heading,
    caption_over_value,
    column_head,
    data_table_style,
    hex_color,
    iso_date,
    make_styles,
    stacked,
    text_or_dash,
)
from cs_trainer.reports.pdf_text import ClippedText, caption_over_text
from cs_trainer.reports.progress_data import CohortCell, CohortSheet, InstrumentColumn
from cs_trainer.reports.sheet_data import Bilingual
from cs_trainer.reports.sheet_header import details_grid, printed_on_aside, sheet_header
from cs_trainer.reports.trainee_sheet import KEEP_WITH_ROWS, notice, percent_text, skills_block

TITLE = Bilingual("班级成绩汇总", "Cohort summary")
INSTRUMENTS_PER_TABLE = 6
NAME_W, MEAN_W = 30 * mm, 20 * mm
NO_TRAINEES = Bilingual("该班级还没有学员", "This cohort has no trainees yet")
NO_RESULTS = Bilingual("此期间没有完成的练习", "No attempt was finished in this period")
CELL_LEGEND = Bilingual(
    "每格：最近一次 / 最好成绩（得分率）；平均：各项目最近一次成绩的平均",
    "Each cell: latest / best (percent). Mean: the mean of the latest results.",
)
MEAN_ROW = Bilingual("班级平均", "Cohort mean")
SKILLS_HEADING = Bilingual("班级技能（全部角色扮演）", "Cohort skills (all role-plays)")


def _details(sheet: CohortSheet, styles: Styles) -> list[Flowable]:
    cells = [
        caption_over_text(*COHORT, sheet.cohort, styles),
        caption_over_value(*PERIOD, text_or_dash(sheet.period.label()), styles),
        caption_over_value("学员人数", "Trainees", str(len(sheet.rows)), styles),
        caption_over_value("项目数", "Instruments", str(len(sheet.instruments)), styles),
    ]
    heading = block_heading("班级信息", "Cohort details", styles)
    return [KeepTogether([heading, details_grid(cells, styles)]), Spacer(1, SECTION_GAP)]


def _cell_markup(cell: CohortCell) -> str:
    """ "72% / 85%": the latest result, then the best one smaller and grey."""
    if cell.latest is None:
        return EMPTY_VALUE
    best = f'<font size="7" color="{hex_color(MUTED)}"> / {percent_text(cell.best)}</font>'
    return percent_text(cell.latest) + best


def _instrument_head(title: Bilingual, styles: Styles) -> list[Paragraph]:
    """An instrument's title as a column heading: the Chinese may break between any two
    characters, the English only between words (column_head would split "custom|er")."""
    english = ParagraphStyle("instrument_en", parent=styles.cell_en, alignment=TA_CENTER)
    return [
        Paragraph(escape(title.zh), styles.column_head_center),
        Paragraph(escape(title.en), english),
    ]


def _part_header(columns: Sequence[InstrumentColumn], styles: Styles) -> list[Any]:
    return [
        column_head(*NAME, styles.column_head),
        *[_instrument_head(column.title, styles) for column in columns],
        column_head(*MEAN, styles.column_head_center),
    ]


def _part_rows(sheet: CohortSheet, first: int, count: int, styles: Styles) -> list[list[Any]]:
    """Each trainee's cells for instruments ``first`` … ``first + count - 1``."""
    rows = []
    for row in sheet.rows:
        cells = row.cells[first : first + count]
        rows.append(
            [
                ClippedText(row.name, styles.cell_zh, 3),
                *[Paragraph(_cell_markup(cell), styles.cell_center) for cell in cells],
                Paragraph(percent_text(row.mean), styles.mean),
            ]
        )
    return rows


def _mean_row(sheet: CohortSheet, first: int, count: int, styles: Styles) -> list[Any]:
    """The cohort's mean of the latest results, per instrument and overall."""

    def mean(values: list[float | None]) -> str:
        present = [v for v in values if v is not None]
        return percent_text(fmean(present) if present else None)

    per_instrument = [
        mean([row.cells[index].latest for row in sheet.rows])
        for index in range(first, first + count)
    ]
    return [
        stacked(MEAN_ROW, styles),
        *[Paragraph(text, styles.cell_center) for text in per_instrument],
        Paragraph(mean([row.mean for row in sheet.rows]), styles.mean),
    ]


def _part_starts(count: int) -> list[tuple[int, int]]:
    """(first, how many) instruments per part: as few parts as fit, evenly filled,
    so ten instruments make two parts of five rather than six and four."""
    parts = ceil(count / INSTRUMENTS_PER_TABLE)
    size = ceil(count / parts)
    return [(first, min(size, count - first)) for first in range(0, count, size)]


def _part_table(sheet: CohortSheet, first: int, size: int, styles: Styles) -> Table:
    """One part of the table; its heading row repeats on every page it spans."""
    columns = sheet.instruments[first : first + size]
    body = _part_rows(sheet, first, len(columns), styles)
    data = [_part_header(columns, styles), *body, _mean_row(sheet, first, len(columns), styles)]
    instrument_w = (CONTENT_WIDTH - NAME_W - MEAN_W) / max(len(columns), 1)
    widths = [NAME_W, *[instrument_w] * len(columns), MEAN_W]
    table = Table(data, colWidths=widths, repeatRows=1)
    style = data_table_style(styles.font, (2, 3, 3, 3), zebra_rows=len(body) + 1)
    style.add("BACKGROUND", (0, -1), (-1, -1), ACCENT_LIGHT)
    style.add("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT)
    table.setStyle(style)
    return table


def _part_heading(part: int, parts: int, styles: Styles) -> Paragraph:
    if parts == 1:
        return block_heading("成绩表", "Scores", styles)
    return block_heading(
        f"成绩表（第 {part} 部分，共 {parts} 部分）", f"Scores (part {part} of {parts})", styles
    )


def _scores_block(sheet: CohortSheet, styles: Styles) -> list[Flowable]:
    """The trainee × instrument table, cut into parts of a few instruments each."""
    if not sheet.rows:
        return [block_heading("成绩表", "Scores", styles), notice(NO_TRAINEES, styles)]
    if not sheet.instruments:
        return [block_heading("成绩表", "Scores", styles), notice(NO_RESULTS, styles)]
    legend = Paragraph(bilingual_inline(CELL_LEGEND.zh, CELL_LEGEND.en, 7), styles.table_caption)
    starts = _part_starts(len(sheet.instruments))
    story: list[Flowable] = []
    for part, (first, size) in enumerate(starts, start=1):
        story += [
            CondPageBreak(KEEP_WITH_ROWS),
            _part_heading(part, len(starts), styles),
            legend,
            _part_table(sheet, first, size, styles),
            Spacer(1, SECTION_GAP),
        ]
    return story


def _story(sheet: CohortSheet, styles: Styles) -> list[Flowable]:
    return [
        *sheet_header(TITLE, sheet.organisation, printed_on_aside(sheet.printed_on), styles),
        *_details(sheet, styles),
        *_scores_block(sheet, styles),
        *skills_block(sheet.skills, SKILLS_HEADING, styles),
    ]


def render_cohort_sheet(sheet: CohortSheet) -> bytes:
    """Lay out ``sheet`` and return the finished PDF, without touching the disk."""
    font = register_pdf_font()
    info = DocumentInfo(
        title=f"{TITLE.zh} {TITLE.en} — {sheet.cohort}",
        author=sheet.organisation,
        subject=TITLE.en,
        footer_left=f"{sheet.cohort or EMPTY_VALUE} · {TITLE.zh} {TITLE.en} · "
        f"{iso_date(sheet.printed_on)}",
    )
    return build_pdf(_story(sheet, make_styles(font)), font, info)


def write_cohort_sheet(sheet: CohortSheet, out: Path) -> None:
    """Render ``sheet`` in memory, then write it to ``out`` all at once or not at all."""
    write_atomically(out, render_cohort_sheet(sheet))
