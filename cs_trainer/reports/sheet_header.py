"""The top of every sheet: who issued it, what it is, and whom it is about.

Each sheet opens with the same header row (the organisation when known, the
bilingual title, and on the right either the date it was printed or the
instrument and version it follows), a rule under it, and then a box of
captioned fields naming the person, boxed like the paper form. Drawn here
once, so the sheets cannot drift apart.
"""

from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Paragraph, Spacer, Table

from cs_trainer.reports.labels import PRINTED_ON, STANDARD
from cs_trainer.reports.pdf_style import (
    ACCENT,
    CONTENT_WIDTH,
    RULE,
    SECTION_GAP,
    Styles,
    bilingual_inline,
    iso_date,
    padding,
    table_style,
)
from cs_trainer.reports.pdf_text import ClippedText
from cs_trainer.reports.sheet_data import Bilingual

ASIDE_W = 45 * mm
"""Width of the header's right-hand column, enough for the printed date."""


def printed_on_aside(printed_on: date) -> str:
    """The header's right-hand markup: 打印日期 Printed on, and the date."""
    return f"{bilingual_inline(*PRINTED_ON)}<br/>{iso_date(printed_on)}"


def instrument_aside(title: Bilingual, version: int) -> str:
    """The header's right-hand markup: the standard a form follows and its version."""
    return (
        f"{bilingual_inline(*STANDARD)}<br/>{escape(title.zh)}<br/>"
        f'<font size="7">{escape(title.en)}</font><br/>'
        f"{bilingual_inline(f'第 {version} 版', f'version {version}')}"
    )


def sheet_header(
    title: Bilingual, organisation: str, aside: str, styles: Styles, aside_width: float = ASIDE_W
) -> list[Flowable]:
    """Organisation (when known) over the bilingual title, ``aside`` (markup) at the
    right, both sitting on an accent rule."""
    left: list[Flowable] = []
    if organisation.strip():
        left += [ClippedText(organisation, styles.organisation, 2), Spacer(1, 1.5 * mm)]
    left += [
        Paragraph(escape(title.zh), styles.title_zh),
        Paragraph(escape(title.en), styles.title_en),
    ]
    table = Table(
        [[left, Paragraph(aside, styles.printed)]],
        colWidths=[CONTENT_WIDTH - aside_width, aside_width],
    )
    table.setStyle(
        table_style(styles.font, ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), *padding(0, 0, 0, 0))
    )
    rule = HRFlowable(width="100%", thickness=1.5, color=ACCENT, spaceBefore=2.5 * mm)
    return [table, rule, Spacer(1, SECTION_GAP)]


def details_box(
    rows: list[list[Any]],
    widths: list[float],
    styles: Styles,
    *commands: tuple[Any, ...],
    row_heights: list[float] | None = None,
) -> Table:
    """Rows of captioned fields (see :func:`~.pdf_style.caption_over_value`) in a ruled
    grid; ``commands`` add spans and the like."""
    table = Table(rows, colWidths=widths, rowHeights=row_heights)
    table.setStyle(
        table_style(
            styles.font,
            *commands,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            *padding(3, 5, 6, 6),
        )
    )
    return table


def details_grid(cells: list[list[Flowable]], styles: Styles) -> Table:
    """One row of captioned fields of equal widths, boxed like a paper form."""
    return details_box([cells], [CONTENT_WIDTH / len(cells)] * len(cells), styles)
