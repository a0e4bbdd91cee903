"""The sign-off lines at the foot of the sheet: one per interviewer, then HR."""

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from cs_trainer.reports.pdf_style import (
    CONTENT_WIDTH,
    INK,
    Styles,
    bilingual_inline,
    label,
    table_style,
    text_or_dash,
)

GENERIC_LABEL_W = 46 * mm
NAMED_LABEL_W = 74 * mm
DATE_LABEL_W, DATE_W = 18 * mm, 40 * mm
ROW_HEIGHT = 10 * mm


def _row(caption: Paragraph, styles: Styles) -> list[Any]:
    """Caption, a line to sign on, and a line for the date."""
    return [caption, "", label("日期", "Date", styles), ""]


def _named_caption(name: str, styles: Styles) -> Paragraph:
    """面试官签名 Interviewer signature — 王经理."""
    return Paragraph(
        bilingual_inline("面试官签名", "Interviewer signature", 7)
        + f' — <font size="10">{text_or_dash(name)}</font>',
        styles.label,
    )


def signatures(interviewers: list[str], styles: Styles) -> Flowable:
    """A named line for each interviewer (or one generic line), then HR's; never split.

    With no interviewer named the block is exactly the original two lines.
    """
    names = [name for name in interviewers if name.strip()]
    if names:
        rows = [_row(_named_caption(name, styles), styles) for name in names]
        label_w = NAMED_LABEL_W
    else:
        rows = [_row(label("面试官签名", "Interviewer signature", styles), styles)]
        label_w = GENERIC_LABEL_W
    rows.append(_row(label("人事部门审核", "HR review", styles), styles))
    sign_w = CONTENT_WIDTH - label_w - DATE_LABEL_W - DATE_W
    table = Table(rows, colWidths=[label_w, sign_w, DATE_LABEL_W, DATE_W], rowHeights=ROW_HEIGHT)
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
    return KeepTogether([table])
