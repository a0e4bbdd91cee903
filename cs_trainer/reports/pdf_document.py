"""The page machinery of the sheet: A4 frame, "page N of M" footer and atomic writing.

Independent of what the sheet shows: :func:`build_pdf` lays out any story of
flowables on A4 pages with the footer, and :func:`cs_trainer.files.write_atomically` puts the
bytes on disk all at once or not at all.
"""

import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from cs_trainer.reports.font_coverage import MARK
from cs_trainer.reports.fonts import counting_marks, unprintable_in_pdf_font
from cs_trainer.reports.pdf_style import (
    CONTENT_HEIGHT,
    CONTENT_WIDTH,
    FOOTER_BASELINE,
    MARGIN_BOTTOM,
    MARGIN_X,
    MUTED,
    PAGE_WIDTH,
    RULE,
    WARN,
)
from cs_trainer.reports.pdf_text import cut_to_width

MARK_NOTE = f"{MARK} 有无法显示的字符 / characters that cannot be printed"
"""Said in the footer of a page where a character the font lacks is drawn as the mark."""


@dataclass(frozen=True)
class DocumentInfo:
    """What the PDF says about itself, and the text at the left of every footer."""

    title: str
    author: str
    subject: str
    footer_left: str


def page_label(page: int, total: int) -> str:
    """The bilingual page count, e.g. 第 1 页 / 共 2 页 · Page 1 of 2."""
    return f"第 {page} 页 / 共 {total} 页 · Page {page} of {total}"


def shorten(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so it fits ``width``.

    Canvas strings do not wrap, so an unusually long name would otherwise run
    into the page count.
    """
    return cut_to_width(text, font, size, width)


def _draw_footer(
    canvas: Canvas, font: str, left: str, page: int, total: int, marked: bool = False
) -> None:
    """A thin rule, the candidate on the left and the page count on the right; before
    the count, on a page that shows the mark, the note saying what it means."""
    size = 7.5
    right = page_label(page, total)
    room_right = stringWidth(right, font, size) + 10 * mm
    if marked:
        room_right += stringWidth(MARK_NOTE, font, size) + 6 * mm
    room_left = CONTENT_WIDTH - room_right
    canvas.saveState()
    rule_y = FOOTER_BASELINE + 3.5 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, rule_y, PAGE_WIDTH - MARGIN_X, rule_y)
    canvas.setFillColor(MUTED)
    canvas.setFont(font, size)
    canvas.drawString(MARGIN_X, FOOTER_BASELINE, shorten(left, font, size, room_left))
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_BASELINE, right)
    if marked:
        canvas.setFillColor(WARN)
        note_right = PAGE_WIDTH - MARGIN_X - stringWidth(right, font, size) - 6 * mm
        canvas.drawRightString(note_right, FOOTER_BASELINE, MARK_NOTE)
    canvas.restoreState()


def _numbered_canvas(font: str, footer_left: str, marked: list[str]) -> type[Canvas]:
    """A canvas class that draws "page N of M" once M is known.

    Platypus only knows the page count after the last page, so each finished
    page is held back and the footers are drawn in :meth:`save`. ``marked`` grows
    with every text drawn with a replacement mark; a page during which it grew gets
    the note.
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []
            self._marked_pages: list[bool] = []
            self._marks_so_far = 0

        def showPage(self) -> None:  # ReportLab's method name
            self._held_pages.append(dict(self.__dict__))
            self._marked_pages.append(len(marked) > self._marks_so_far)
            self._marks_so_far = len(marked)
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            everywhere = bool(unprintable_in_pdf_font(footer_left))  # drawn on every page
            pages = zip(self._held_pages, self._marked_pages, strict=True)
            for number, (state, page_marked) in enumerate(pages, start=1):
                self.__dict__.update(state)
                _draw_footer(self, font, footer_left, number, total, page_marked or everywhere)
                super().showPage()
            super().save()

    return NumberedCanvas


def build_pdf(story: list[Flowable], font: str, info: DocumentInfo) -> bytes:
    """Lay out ``story`` on A4 pages with the footer and return the finished PDF.

    ``initialFontName`` matters: a canvas otherwise starts every page in
    Helvetica, which puts an unembedded standard-14 font into the file even
    though no text is drawn in it.
    """
    buffer = io.BytesIO()
    # A frame without the default 6 pt padding, so full-width tables line up
    # exactly with the header rule and the footer.
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        CONTENT_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=[PageTemplate(id="sheet", frames=[frame])],
        initialFontName=font,
        title=info.title,
        author=info.author,
        subject=info.subject,
        creator="cs_trainer",
        lang="zh-CN",
    )
    with counting_marks() as marked:
        doc.build(story, canvasmaker=_numbered_canvas(font, info.footer_left, marked))
    return buffer.getvalue()
