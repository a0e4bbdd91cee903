"""Radar (spider) charts: the four groups of qualities on a fixed 0–5 scale, and any
other named values (such as role-play skills, 0–100 %) through :class:`RadarScale`.

Drawn with ReportLab graphics. The axis labels are our own strings rather
than the chart's spoke labels so that the Chinese name and its smaller English
translation can differ in size. Every string, and the drawing's initial
state, uses the embedded CJK font: a graphics String left at its default
would put an unembedded Helvetica into the PDF.
"""

from dataclasses import dataclass
from math import cos, pi, sin

from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Circle, Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from cs_trainer.reports.pdf_style import ACCENT, INK, MUTED, RULE
from cs_trainer.reports.sheet_data import Bilingual, GroupScore

SCALE_MAX = 5
RINGS = 5
MIN_AXES = 3  # fewer axes make no polygon
ZH_SIZE, EN_SIZE, TICK_SIZE = 8.5, 6.5, 5.5
LABEL_GAP = 2.2 * mm
MIN_RADIUS = 10 * mm
CAPTION = Bilingual("素质雷达图", "Radar, scale 0–5")
FILL = colors.HexColor("#D3E1F0")
RING = colors.HexColor("#A9B6C5")


@dataclass(frozen=True)
class RadarScale:
    """The fixed scale of a radar: its maximum, drawn as ``rings`` evenly spaced rings
    with their values as ticks, and the caption naming the chart and the scale.

    Fixed rather than fitted to the data, so two sheets' charts compare at a glance.
    """

    maximum: float
    rings: int
    caption: Bilingual

    def ring_value(self, ring: int) -> float:
        """The value of ring ``ring`` (1 = innermost, ``rings`` = the maximum)."""
        return self.maximum * ring / self.rings


@dataclass(frozen=True)
class RadarAxis:
    """One spoke of a radar: its name and value (None: not measured, plotted at 0, no dot)."""

    label: Bilingual
    value: float | None


GROUP_SCALE = RadarScale(SCALE_MAX, RINGS, CAPTION)
"""The evaluation sheet's scale: ratings 1–5, a ring at each."""


def has_radar_data(groups: list[GroupScore]) -> bool:
    """Whether there is anything to plot: enough axes and at least one rated group."""
    return has_axis_data(_group_axes(groups))


def has_axis_data(axes: list[RadarAxis]) -> bool:
    """Whether there is anything to plot: enough axes and at least one measured value."""
    return len(axes) >= MIN_AXES and any(axis.value is not None for axis in axes)


def _group_axes(groups: list[GroupScore]) -> list[RadarAxis]:
    return [RadarAxis(group.group, group.mean) for group in groups]


def _angles(count: int) -> list[float]:
    """Axis angles in radians, clockwise from the top (as the chart draws them)."""
    return [pi / 2 - 2 * pi * index / count for index in range(count)]


def _radius(axes: list[RadarAxis], font: str, width: float, height: float) -> float:
    """The largest chart radius that leaves room for the labels on every side.

    Never below MIN_RADIUS: unusually long group names then overlap the chart
    rather than turning it inside out.
    """
    label_w = max(
        max(stringWidth(a.label.zh, font, ZH_SIZE), stringWidth(a.label.en, font, EN_SIZE))
        for a in axes
    )
    label_h = ZH_SIZE + EN_SIZE + 2
    room = min(width / 2 - label_w, height / 2 - label_h) - LABEL_GAP - 2
    return float(max(room, MIN_RADIUS))


def _chart(
    values: list[float], cx: float, cy: float, radius: float, scale: RadarScale
) -> SpiderChart:
    """The person's filled polygon with grey rings at each step of the scale.

    The outermost ring also pins the scale (the chart scales to its largest
    value). The chart fills areas before it strokes lines, so the rings stay
    visible through the person's polygon.
    """
    chart = SpiderChart()
    chart.x, chart.y = cx - radius, cy - radius
    chart.width = chart.height = 2 * radius
    chart.labels = None
    rings = [[scale.ring_value(ring)] * len(values) for ring in range(1, scale.rings + 1)]
    chart.data = [*rings, values]
    for index in range(scale.rings):
        chart.strands[index].strokeColor = RING
        chart.strands[index].strokeWidth = 0.8 if index == scale.rings - 1 else 0.4
        chart.strands[index].fillColor = None
    person = chart.strands[scale.rings]
    person.fillColor = FILL
    person.strokeColor = ACCENT
    person.strokeWidth = 1.4
    chart.spokes.strokeColor = RULE
    chart.spokes.strokeWidth = 0.5
    return chart


def _label(
    axis: RadarAxis, angle: float, cx: float, cy: float, reach: float, font: str
) -> list[String]:
    """The Chinese name with its English under it, placed beyond the axis end."""
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
        String(x, zh_y, axis.label.zh, fontName=font, fontSize=ZH_SIZE, fillColor=INK,
               textAnchor=anchor),
        String(x, en_y, axis.label.en, fontName=font, fontSize=EN_SIZE, fillColor=MUTED,
               textAnchor=anchor),
    ]  # fmt: skip


def _tick_text(value: float) -> str:
    """A ring's value without a pointless ".0" (5, 20, but 2.5)."""
    return f"{value:g}"


def _ticks(
    count: int, cx: float, cy: float, radius: float, font: str, scale: RadarScale
) -> list[String]:
    """The value of each ring, midway between the first two axes.

    Between axes rather than on one, so a dot on an axis never covers a number.
    """
    half_step = pi / count
    angle = pi / 2 - half_step
    ticks = []
    for ring in range(1, scale.rings + 1):
        reach = radius * ring / scale.rings * cos(half_step)  # the ring edge's midpoint
        x, y = cx + reach * cos(angle), cy + reach * sin(angle)
        text = _tick_text(scale.ring_value(ring))
        tick = String(x + 1, y - TICK_SIZE / 2 + 0.5, text, fontName=font)
        tick.fontSize, tick.fillColor = TICK_SIZE, MUTED
        ticks.append(tick)
    return ticks


def _caption(height: float, font: str, caption: Bilingual) -> list[String]:
    """What the chart is, in the top-left corner, which the labels leave free."""
    zh = String(0, height - ZH_SIZE, caption.zh, fontName=font)
    zh.fontSize, zh.fillColor = ZH_SIZE - 0.5, MUTED
    en = String(0, height - ZH_SIZE - EN_SIZE - 1.5, caption.en, fontName=font)
    en.fontSize, en.fillColor = EN_SIZE - 0.5, MUTED
    return [zh, en]


def _markers(
    axes: list[RadarAxis], values: list[float], cx: float, cy: float, radius: float, top: float
) -> list[Circle]:
    """A dot at each measured value; unmeasured axes get none (they sit at 0)."""
    dots = []
    for axis, value, angle in zip(axes, values, _angles(len(axes)), strict=True):
        if axis.value is None:
            continue
        reach = radius * value / top
        dot = Circle(cx + reach * cos(angle), cy + reach * sin(angle), 1.6)
        dot.fillColor, dot.strokeColor, dot.strokeWidth = ACCENT, colors.white, 0.5
        dots.append(dot)
    return dots


def radar_drawing(groups: list[GroupScore], font: str, width: float, height: float) -> Drawing:
    """The 0–5 radar chart of the groups of qualities in a ``width`` × ``height`` drawing.

    Call only when :func:`has_radar_data` is true. A group without a mean is
    plotted at 0 and has no dot; its mean reads "—" in the table beside.
    """
    return axes_radar_drawing(_group_axes(groups), font, width, height, GROUP_SCALE)


def axes_radar_drawing(
    axes: list[RadarAxis], font: str, width: float, height: float, scale: RadarScale
) -> Drawing:
    """The radar chart of any named values on ``scale``.

    Call only when :func:`has_axis_data` is true. Values are clamped to the
    scale, so an out-of-range value cannot turn the chart inside out.
    """
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # the renderer otherwise starts in Helvetica
    cx, cy = width / 2, height / 2
    radius = _radius(axes, font, width, height)
    values = [min(max(axis.value or 0.0, 0.0), scale.maximum) for axis in axes]
    drawing.add(_chart(values, cx, cy, radius, scale))
    for axis, angle in zip(axes, _angles(len(axes)), strict=True):
        for string in _label(axis, angle, cx, cy, radius + LABEL_GAP, font):
            drawing.add(string)
    for tick in _ticks(len(axes), cx, cy, radius, font, scale):
        drawing.add(tick)
    for dot in _markers(axes, values, cx, cy, radius, scale.maximum):
        drawing.add(dot)
    for string in _caption(height, font, scale.caption):
        drawing.add(string)
    return drawing
