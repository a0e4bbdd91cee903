"""The one font every cs_trainer PDF is set in.

ReportLab has no per-glyph fallback: a string drawn in Helvetica shows empty
boxes for Chinese, and a standard-14 font is never embedded, so a reader
without it substitutes something else. Every PDF therefore uses the shipped
WenQuanYi Micro Hei for *all* text (Latin, digits and Chinese alike), which
ReportLab embeds as a subset.
"""

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cs_trainer.resources import font_path

PDF_FONT_NAME = "CsTrainer-WenQuanYiMicroHei"
"""The name the font is registered under in ReportLab.

Prefixed so it cannot clash with a differently sourced font of the same family
that some other code might register in the same process."""

_SUBFONT_INDEX = 0
"""Index 0 of the collection is the proportional face; 1 is the Mono face."""

_lock = threading.Lock()


def register_pdf_font() -> str:
    """Register the shipped CJK font with ReportLab (once) and return its name.

    Safe to call before every PDF: the second and later calls only look the
    name up. A lock keeps two threads from parsing the 5 MB collection twice.
    The bold/italic mappings point at the same face so that ``<b>`` or
    ``<i>`` markup in a Paragraph can never pull in a standard-14 font.
    """
    with _lock:
        if PDF_FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            font = TTFont(PDF_FONT_NAME, str(font_path()), subfontIndex=_SUBFONT_INDEX)
            pdfmetrics.registerFont(font)
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(PDF_FONT_NAME, bold, italic, PDF_FONT_NAME)
    return PDF_FONT_NAME
