"""Every finished attempt of one trainee over time, as a QtCharts line chart.

All instruments share one percentage scale (see ``services.progress``), so one line
per kind of attempt on that scale (``attempt_kinds.ON_PROGRESS``: role-plays, quizzes,
self-test), named and coloured as the registry declares, shows whether a trainee is
getting better. Hovering a point names the attempt behind it.
"""

from datetime import UTC

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QToolTip, QWidget

from cs_trainer import attempt_kinds
from cs_trainer.attempt_kinds import AttemptKind
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.services.clock import local_time
from cs_trainer.services.progress import ProgressPoint
from cs_trainer.ui.shared.translation import content_text

DAY_MS = 24 * 60 * 60 * 1000


def epoch_ms(point: ProgressPoint) -> float:
    """The stored naive-UTC time as milliseconds since the epoch; the date axis shows
    it in local time."""
    return point.at.replace(tzinfo=UTC).timestamp() * 1000


class TrendChart(QChartView):
    """``show_points`` draws one line per instrument kind, or an empty state without points."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 240)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(QColor("white"))  # no grey band around the chart
        self.points: list[ProgressPoint] = []
        self.show_points([])

    @staticmethod
    def kind_name(kind: AttemptKind) -> str:
        """The legend's name of a kind's line, in the language shown."""
        return content_text(Text(zh=kind.series.zh, en=kind.series.en))

    def show_points(self, points: list[ProgressPoint]) -> None:
        self.points = sorted(points, key=lambda p: (p.at, p.attempt_id))
        chart = QChart()
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        layout = chart.layout()
        if layout is not None:  # no grey band around the white chart
            layout.setContentsMargins(0, 0, 0, 0)
        if self.points:
            self._plot(chart)
        else:
            self._empty(chart)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    def series(self) -> list[QLineSeries]:
        """The lines drawn, one per kind present (for tests and screen readers)."""
        return [s for s in self.chart().series() if isinstance(s, QLineSeries)]

    def _empty(self, chart: QChart) -> None:
        chart.legend().hide()
        chart.setTitle(self.tr("No finished attempts yet"))
        font = QFont(chart.titleFont())
        font.setPointSize(font.pointSize() + 2)
        chart.setTitleFont(font)
        chart.setTitleBrush(QColor("#666666"))

    def _plot(self, chart: QChart) -> None:
        x_axis, y_axis = self._date_axis(), self._percent_axis()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for kind in attempt_kinds.ON_PROGRESS:
            mine = [p for p in self.points if p.kind == kind.name]
            if mine:
                series = self._line(kind, mine)
                chart.addSeries(series)
                series.attachAxis(x_axis)
                series.attachAxis(y_axis)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)

    def _line(self, kind: AttemptKind, points: list[ProgressPoint]) -> QLineSeries:
        series = QLineSeries()
        series.setName(self.kind_name(kind))
        for point in points:
            series.append(QPointF(epoch_ms(point), point.percent))
        pen = QPen(QColor(kind.colour))
        pen.setWidth(2)
        series.setPen(pen)
        series.setPointsVisible(True)
        series.setMarkerSize(7)
        series.hovered.connect(lambda at, shown: self._hovered(kind.name, at, shown))
        return series

    def _date_axis(self) -> QDateTimeAxis:
        first, last = epoch_ms(self.points[0]), epoch_ms(self.points[-1])
        # A day of room either side keeps the first and last points off the frame,
        # and gives a single attempt a range at all.
        axis = QDateTimeAxis()
        axis.setRange(_qdatetime(first - DAY_MS), _qdatetime(last + DAY_MS))
        same_year = self.points[0].at.year == self.points[-1].at.year
        axis.setFormat("MM-dd" if same_year else "yyyy-MM-dd")
        axis.setTickCount(6)
        return axis

    def _percent_axis(self) -> QValueAxis:
        # A little room above 100 and below 0, or the markers of perfect and zero
        # scores are cut in half by the plot area's edge; the ticks stay at 0, 20 … 100.
        axis = QValueAxis()
        axis.setRange(-4, 104)
        axis.setTickType(QValueAxis.TickType.TicksDynamic)
        axis.setTickAnchor(0)
        axis.setTickInterval(20)
        axis.setLabelFormat("%d")
        axis.setTitleText(self.tr("Score (%)"))
        return axis

    def _hovered(self, kind: str, at: QPointF, shown: bool) -> None:
        if not shown:
            QToolTip.hideText()
            return
        point = min(
            (p for p in self.points if p.kind == kind),
            key=lambda p: abs(epoch_ms(p) - at.x()) + abs(p.percent - at.y()),
        )
        when = local_time(point.at).strftime("%Y-%m-%d %H:%M")
        QToolTip.showText(
            QCursor.pos(),
            f"{content_text(point.title)}\n{point.raw} ({point.percent:.0f} %)\n{when}",
        )


def _qdatetime(ms: float) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(int(ms))
