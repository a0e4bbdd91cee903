"""The radar (spider) chart of the four groups of qualities, on a fixed 0–5 scale.

Drawn with ReportLab graphics. The axis labels are our own strings rather
than the chart's spoke labels so that the Chinese name and its smaller English
translation can differ in size. Every string, and the drawing's initial
state, uses the embedded CJK font: a graphics String left at its default
would put an unembedded Helvetica into the PDF.
"""

from math import cos, pi, sin

from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Circle, Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from cs_trainer.reports.pdf_style import ACCENT, INK, MUTED, RULE
from cs_trainer.reports.sheet_data import Bilingual, GroupScore

SCALE_MAX = 5
MIN_AXES = 3  # fewer axes make no polygon
ZH_SIZE, EN_SIZE, TICK_SIZE = 8.5, 6.5, 5.5
LABEL_GAP = 2.2 * mm
MIN_RADIUS = 10 * mm
CAPTION = Bilingual("素质雷达图", "Radar, scale 0–5")
FILL = colors.HexColor("#D3E1F0")
RING = colors.HexColor("#A9B6C5")


def has_radar_data(groups: list[GroupScore]) -> bool:
    """Whether there is anything to plot: enough axes and at least one rated group."""
    return len(groups) >= MIN_AXES and any(group.mean is not None for group in groups)


def _angles(count: int) -> list[float]:
    """Axis angles in radians, clockwise from the top (as the chart draws them)."""
    return [pi / 2 - 2 * pi * index / count for index in range(count)]


def _radius(groups: list[GroupScore], font: str, width: float, height: float) -> float:
    """The largest chart radius that leaves room for the labels on every side.

    Never below MIN_RADIUS: unusually long group names then overlap the chart
    rather than turning it inside out.
    """
    label_w = max(
        max(stringWidth(g.group.zh, font, ZH_SIZE), stringWidth(g.group.en, font, EN_SIZE))
        for g in groups
    )
    label_h = ZH_SIZE + EN_SIZE + 2
    room = min(width / 2 - label_w, height / 2 - label_h) - LABEL_GAP - 2
    return float(max(room, MIN_RADIUS))


def _chart(values: list[float], cx: float, cy: float, radius: float) -> SpiderChart:
    """The candidate's filled polygon with grey rings at 1–5.

    The ring at 5 also pins the scale to 0–5 (the chart scales to its largest
    value). The chart fills areas before it strokes lines, so the rings stay
    visible through the candidate's polygon.
    """
    chart = SpiderChart()
    chart.x, chart.y = cx - radius, cy - radius
    chart.width = chart.height = 2 * radius
    chart.labels = None
    rings = [[level] * len(values) for level in range(1, SCALE_MAX + 1)]
    chart.data = [*rings, values]
    for index in range(SCALE_MAX):
        chart.strands[index].strokeColor = RING
        chart.strands[index].strokeWidth = 0.8 if index == SCALE_MAX - 1 else 0.4
        chart.strands[index].fillColor = None
    candidate = chart.strands[SCALE_MAX]
    candidate.fillColor = FILL
    candidate.strokeColor = ACCENT
    candidate.strokeWidth = 1.4
    chart.spokes.strokeColor = RULE
    chart.spokes.strokeWidth = 0.5
    return chart


def _label(
    group: GroupScore, angle: float, cx: float, cy: float, reach: float, font: str
) -> list[String]:
    """The Chinese group name with its English under it, placed beyond the axis end."""
    x = cx + reach * cos(angle)
    anchor = "start" if cos(angle) > 0.3 else "end" if cos(angle) < -0.3 else "middle"
    if sin(angle) > 0.3:  # above the chart: the English sits just over the axis end
        zh_y = cy + reach + EN_SIZE + 1.5
    elif sin(angle) < -0.3:  # below: the Chinese hangs under the axis end
        zh_y = cy - reach - ZH_SIZE
    else:  # beside: centred on the axis
        zh_y = cy + 1
    en_y = zh_y - EN_SIZE - 1.5
    return [
        String(x, zh_y, group.group.zh, fontName=font, fontSize=ZH_SIZE, fillColor=INK,
               textAnchor=anchor),
        String(x, en_y, group.group.en, fontName=font, fontSize=EN_SIZE, fillColor=MUTED,
               textAnchor=anchor),
    ]  # fmt: skip


def _ticks(count: int, cx: float, cy: float, radius: float, font: str) -> list[String]:
    """The scale numbers 1–5, on each ring midway between the first two axes.

    Between axes rather than on one, so a dot on an axis never covers a number.
    """
    half_step = pi / count
    angle = pi / 2 - half_step
    ticks = []
    for level in range(1, SCALE_MAX + 1):
        reach = radius * level / SCALE_MAX * cos(half_step)  # the ring edge's midpoint
        x, y = cx + reach * cos(angle), cy + reach * sin(angle)
        tick = String(x + 1, y - TICK_SIZE / 2 + 0.5, str(level), fontName=font)
        tick.fontSize, tick.fillColor = TICK_SIZE, MUTED
        ticks.append(tick)
    return ticks


def _caption(height: float, font: str) -> list[String]:
    """What the chart is, in the top-left corner, which the labels leave free."""
    zh = String(0, height - ZH_SIZE, CAPTION.zh, fontName=font)
    zh.fontSize, zh.fillColor = ZH_SIZE - 0.5, MUTED
    en = String(0, height - ZH_SIZE - EN_SIZE - 1.5, CAPTION.en, fontName=font)
    en.fontSize, en.fillColor = EN_SIZE - 0.5, MUTED
    return [zh, en]


def _markers(
    groups: list[GroupScore], values: list[float], cx: float, cy: float, radius: float
) -> list[Circle]:
    """A dot at each rated group's mean; unrated groups get none (they sit at 0)."""
    dots = []
    for group, value, angle in zip(groups, values, _angles(len(groups)), strict=True):
        if group.mean is None:
            continue
        reach = radius * value / SCALE_MAX
        dot = Circle(cx + reach * cos(angle), cy + reach * sin(angle), 1.6)
        dot.fillColor, dot.strokeColor, dot.strokeWidth = ACCENT, colors.white, 0.5
        dots.append(dot)
    return dots


def radar_drawing(groups: list[GroupScore], font: str, width: float, height: float) -> Drawing:
    """The radar chart of ``groups`` in a ``width`` × ``height`` drawing.

    Call only when :func:`has_radar_data` is true. A group without a mean is
    plotted at 0 and has no dot; its mean reads "—" in the table beside.
    """
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # the renderer otherwise starts in Helvetica
    cx, cy = width / 2, height / 2
    radius = _radius(groups, font, width, height)
    angles = _angles(len(groups))
    values = [min(max(g.mean or 0.0, 0.0), SCALE_MAX) for g in groups]
    drawing.add(_chart(values, cx, cy, radius))
    for group, angle in zip(groups, angles, strict=True):
        for string in _label(group, angle, cx, cy, radius + LABEL_GAP, font):
            drawing.add(string)
    for tick in _ticks(len(groups), cx, cy, radius, font):
        drawing.add(tick)
    for dot in _markers(groups, values, cx, cy, radius):
        drawing.add(dot)
    for string in _caption(height, font):
        drawing.add(string)
    return drawing
