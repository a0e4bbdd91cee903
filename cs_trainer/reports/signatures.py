"""The sign-off block at the foot of a sheet: for each person a caption (with their
name when the sheet knows it), a line to sign on and a line for the date.

Every sheet that is signed uses :func:`signature_block`, so the lines look the
same on each; the sheets differ only in who signs. :func:`interviewer_signatures`
is the candidate evaluation sheet's: one line per interviewer, then HR.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from cs_trainer.reports.labels import DATE, Label
from cs_trainer.reports.pdf_style import (
    CONTENT_WIDTH,
    INK,
    Styles,
    bilingual_inline,
    block_heading,
    label,
    padding,
    table_style,
)
from cs_trainer.reports.pdf_text import ClippedText

DATE_LABEL_W, DATE_W = 18 * mm, 36 * mm
ROW_HEIGHT = 11 * mm
"""Room above each line for a handwritten signature."""

INTERVIEWER = ("面试官签名", "Interviewer signature")
HR_REVIEW = ("人事部门审核", "HR review")
GENERIC_LABEL_W = 46 * mm
NAMED_LABEL_W = 74 * mm


@dataclass(frozen=True)
class SignatureLine:
    """Who signs one line: the caption, and their name when the sheet knows it."""

    caption: Label
    name: str = ""


def _caption(line: SignatureLine, styles: Styles) -> Flowable:
    """测评人签名 Reviewer signature — 王经理 (the name only when known, cut to fit above
    the line)."""
    markup = bilingual_inline(*line.caption, 7)
    if line.name.strip():
        return ClippedText(line.name, styles.label, 2, f'{markup} — <font size="10">', "</font>")
    return Paragraph(markup, styles.label)


def signature_block(
    lines: Sequence[SignatureLine],
    styles: Styles,
    *,
    label_width: float,
    row_height: float = ROW_HEIGHT,
    heading: Label | None = None,
    space_before: float = 0,
) -> Flowable:
    """A line to sign and a line for the date per person, under an optional heading;
    never split across pages."""
    rows = [[_caption(line, styles), "", label(*DATE, styles), ""] for line in lines]
    sign_w = CONTENT_WIDTH - label_width - DATE_LABEL_W - DATE_W
    table = Table(
        rows, colWidths=[label_width, sign_w, DATE_LABEL_W, DATE_W], rowHeights=row_height
    )
    table.setStyle(
        table_style(
            styles.font,
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (1, 0), (1, -1), 0.8, INK),
            ("LINEBELOW", (3, 0), (3, -1), 0.8, INK),
            *padding(0, 3, 0, 4),
            ("LEFTPADDING", (2, 0), (2, -1), 8),
        )
    )
    parts: list[Flowable] = [Spacer(1, space_before)] if space_before else []
    if heading is not None:
        parts.append(block_heading(*heading, styles))
    return KeepTogether([*parts, table])


def interviewer_signatures(interviewers: list[str], styles: Styles) -> Flowable:
    """A named line for each interviewer (or one generic line), then HR's.

    With no interviewer named the block is exactly the original two lines.
    """
    names = [name for name in interviewers if name.strip()]
    lines = [SignatureLine(INTERVIEWER, name) for name in names] or [SignatureLine(INTERVIEWER)]
    label_width = NAMED_LABEL_W if names else GENERIC_LABEL_W
    return signature_block(
        [*lines, SignatureLine(HR_REVIEW)], styles, label_width=label_width, row_height=10 * mm
    )
