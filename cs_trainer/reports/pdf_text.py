"""People's text on a sheet, cut to the room it has, so no name can break a layout.

A name, a phone number or a position is printed in a field of a few lines; a Paragraph
of a 5,000-character name wrapped to a cell taller than the page, and ReportLab refused
the whole sheet with a ``LayoutError`` (issue 10). :class:`ClippedText` is a Paragraph
that is cut with "…" to at most ``max_lines`` lines at the width it is laid out in,
measured with the font (``stringWidth`` for the first guess, the Paragraph's own line
breaking for the final word). Flowing text (notes, comments, reasons) is never cut:
it is set in ordinary Paragraphs in tables that may split a row across pages.
"""

from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from cs_trainer.reports.pdf_style import (
    CONTENT_HEIGHT,
    EMPTY_VALUE,
    Styles,
    bilingual_inline,
    latin_if_no_cjk,
)

ELLIPSIS = "…"
_UNBOUNDED = 1e9


def cut_to_width(text: str, font: str, size: float, width: float) -> str:
    """The longest start of ``text`` that, with "…" after it, is at most ``width`` wide
    (``text`` itself when it fits). A binary search, so a 50,000-character text costs
    a few measurements, not one per character."""
    if stringWidth(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + ELLIPSIS, font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


class ClippedText(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """``text`` (plain, escaped here) in ``style``, cut with "…" to ``max_lines`` lines.

    ``prefix`` and ``suffix`` are markup around the escaped text, such as a caption or
    ``<font>`` tags. An empty text prints as a dash, as :func:`~.pdf_style.text_or_dash`
    does.
    """

    def __init__(
        self,
        text: str,
        style: ParagraphStyle,
        max_lines: int = 1,
        prefix: str = "",
        suffix: str = "",
    ) -> None:
        super().__init__()
        self.text = text
        self.style = latin_if_no_cjk(text, style)
        self.max_lines = max_lines
        self.prefix, self.suffix = prefix, suffix
        self._paragraph: Paragraph | None = None
        self._laid_out_at: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._paragraph is None or self._laid_out_at != avail_width:
            self._paragraph = self._fitted(avail_width)
            self._laid_out_at = avail_width
        self.width, self.height = self._paragraph.wrap(avail_width, avail_height)
        return self.width, self.height

    def draw(self) -> None:
        assert self._paragraph is not None  # Platypus always wraps before drawing
        self._paragraph.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # ReportLab's method name
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # ReportLab's method name
        return float(self.style.spaceAfter)

    def getPlainText(self) -> str:  # ReportLab's method name
        return self.text

    def _paragraph_of(self, text: str) -> Paragraph:
        shown = escape(text) if text.strip() else EMPTY_VALUE
        return Paragraph(f"{self.prefix}{shown}{self.suffix}", self.style)

    def _lines(self, paragraph: Paragraph, width: float) -> int:
        paragraph.wrap(width, _UNBOUNDED)
        return len(paragraph.blPara.lines)

    def _fitted(self, width: float) -> Paragraph:
        """The whole text if it fits, else the longest cut of it that does."""
        whole = self._paragraph_of(self.text)
        if self._lines(whole, width) <= self.max_lines:
            return whole
        budget = width * self.max_lines
        kept = cut_to_width(self.text, self.style.fontName, self.style.fontSize, budget)[:-1]
        while True:
            paragraph = self._paragraph_of(kept.rstrip() + ELLIPSIS)
            if not kept or self._lines(paragraph, width) <= self.max_lines:
                return paragraph
            # Lines lose the end of a word or a character to breaking; give some back.
            kept = kept[: max(0, min(len(kept) - 1, int(len(kept) * 0.95)))]


def caption_over_text(
    zh: str, en: str, text: str, styles: Styles, max_lines: int = 2
) -> list[Flowable]:
    """A form field holding a person's plain text (a name, a phone, a position): the
    bilingual caption over the text, cut to ``max_lines`` lines."""
    return [
        Paragraph(bilingual_inline(zh, en, 7), styles.caption),
        ClippedText(text, styles.value, max_lines),
    ]


def too_tall_to_keep(flowables: list[Flowable], width: float) -> bool:
    """Whether text laid out at ``width`` is too tall to keep in one row of a table.

    Rows are kept whole, as on paper; a row taller than half a page may run onto the
    next (``splitInRow``), because one taller than the page cannot be laid out at all.
    """
    height = sum(flowable.wrap(width, CONTENT_HEIGHT)[1] for flowable in flowables)
    return bool(height > CONTENT_HEIGHT / 2)
