"""Marks for a form filled in by hand: a box to tick and lines to write on.

The performance form is printed either filled in (ticked boxes) or blank, to
be completed with a pen (empty boxes, ruled lines); these flowables draw both.
The tick is text in the embedded CJK font, with a drawn fallback.
"""

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from cs_trainer.reports.pdf_style import ACCENT, MUTED, RULE

TICK = "✓"
BOX_SIZE = 4.2 * mm
RULED_GAP = 6 * mm
"""Room per handwritten line in the blank form's comment cells."""


class TickBox(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """A square to tick, ticked (✓ in the font) when ``checked``.

    The tick is text in the embedded font, so it prints anywhere and a reader
    can copy it; should a font lack the glyph it is drawn as two strokes
    instead of showing an empty box.
    """

    def __init__(self, font: str, checked: bool) -> None:
        super().__init__()
        self.font = font
        self.checked = checked
        self.width = self.height = BOX_SIZE

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(ACCENT if self.checked else MUTED)
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, BOX_SIZE, BOX_SIZE, stroke=1, fill=0)
        if self.checked:
            self._draw_tick()

    def _draw_tick(self) -> None:
        canvas = self.canv
        canvas.setFillColor(ACCENT)
        canvas.setStrokeColor(ACCENT)
        if has_glyph(self.font, TICK):
            size = 13.0
            canvas.setFont(self.font, size)
            canvas.drawCentredString(BOX_SIZE / 2 + 0.4 * mm, 0.5 * mm, TICK)
            return
        canvas.setLineWidth(1.4)
        path = canvas.beginPath()
        path.moveTo(0.8 * mm, 2.2 * mm)
        path.lineTo(1.9 * mm, 0.8 * mm)
        path.lineTo(4.6 * mm, 4.6 * mm)
        canvas.drawPath(path, stroke=1, fill=0)


class RuledLines(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Lines to write on by hand, as many as ``count``, across the available width."""

    def __init__(self, count: int, gap: float = RULED_GAP) -> None:
        super().__init__()
        self.count = count
        self.gap = gap
        self.width = 0.0
        self.height = count * gap

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for line in range(self.count):
            canvas.line(0, line * self.gap, self.width, line * self.gap)


def has_glyph(font: str, character: str) -> bool:
    """Whether the registered TrueType ``font`` can draw ``character``."""
    face = getattr(pdfmetrics.getFont(font), "face", None)
    return face is not None and ord(character) in getattr(face, "charToGlyph", {})
