"""The one font every cs_trainer PDF is set in.

ReportLab has no per-glyph fallback: a string drawn in Helvetica shows empty
boxes for Chinese, and a standard-14 font is never embedded, so a reader
without it substitutes something else. Every PDF therefore uses the shipped
WenQuanYi Micro Hei for *all* text (Latin, digits and Chinese alike), which
ReportLab embeds as a subset. A character outside the font is drawn as
:data:`~.font_coverage.MARK` and counted (:class:`_MarkingTTFont`), so the page
can say so instead of showing nothing (issue 10).
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cs_trainer.reports.font_coverage import printable, unprintable_characters
from cs_trainer.resources import font_path

PDF_FONT_NAME = "CsTrainer-WenQuanYiMicroHei"
"""The name the font is registered under in ReportLab.

Prefixed so it cannot clash with a differently sourced font of the same family
that some other code might register in the same process."""

_SUBFONT_INDEX = 0
"""Index 0 of the collection is the proportional face; 1 is the Mono face."""

_lock = threading.Lock()

_replaced: ContextVar[list[str] | None] = ContextVar("replaced_characters", default=None)
"""While a PDF is drawn: every text drawn with a replacement mark (see :func:`counting_marks`)."""


class _MarkingTTFont(TTFont):  # type: ignore[misc]  # reportlab is untyped
    """The font, drawing :data:`~.font_coverage.MARK` for a character it has no glyph for.

    ReportLab maps such a character to glyph 0, which this font leaves empty: the
    character vanished. Both measuring and drawing go through the replacement, so
    lines are broken for what is actually drawn.
    """

    def stringWidth(self, text: str, size: float, encoding: str = "utf8") -> float:
        return float(super().stringWidth(printable(text, self.face.charToGlyph)[0], size, encoding))

    def splitString(self, text: str, doc: Any, encoding: str = "utf-8") -> Any:
        shown, replaced = printable(text, self.face.charToGlyph)
        drawn = _replaced.get()
        if replaced and drawn is not None:
            drawn.append(text)
        return super().splitString(shown, doc, encoding)


@contextmanager
def counting_marks() -> Iterator[list[str]]:
    """Collect, while the block runs in this thread, every text drawn with a mark."""
    drawn: list[str] = []
    token = _replaced.set(drawn)
    try:
        yield drawn
    finally:
        _replaced.reset(token)


def unprintable_in_pdf_font(text: str) -> list[str]:
    """The distinct characters of ``text`` the PDF font cannot draw, in order of first
    use: what the services refuse at input."""
    font = pdfmetrics.getFont(register_pdf_font())
    return unprintable_characters(text, font.face.charToGlyph)


def register_pdf_font() -> str:
    """Register the shipped CJK font with ReportLab (once) and return its name.

    Safe to call before every PDF: the second and later calls only look the
    name up. A lock keeps two threads from parsing the 5 MB collection twice.
    The bold/italic mappings point at the same face so that ``<b>`` or
    ``<i>`` markup in a Paragraph can never pull in a standard-14 font.
    """
    with _lock:
        if PDF_FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            font = _MarkingTTFont(PDF_FONT_NAME, str(font_path()), subfontIndex=_SUBFONT_INDEX)
            pdfmetrics.registerFont(font)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(PDF_FONT_NAME, bold, italic, PDF_FONT_NAME)
    return PDF_FONT_NAME
