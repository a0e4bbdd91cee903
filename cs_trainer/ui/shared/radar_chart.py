"""A radar (polar) chart drawn with QtCharts: the four quality groups on their 0–5 scale,
or the role-play skills as percentages (``maximum=100``)."""

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QPolarChart,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

SCALE_MAX = 5.0


class RadarChart(QChartView):
    """Shows ``(label, value 0–maximum or None)`` pairs around a circle; None is drawn at 0.

    The radial axis always has five steps, so both 0–5 and 0–100 get round tick labels.
    """

    def __init__(self, parent: QWidget | None = None, maximum: float = SCALE_MAX) -> None:
        super().__init__(parent)
        self.maximum = maximum
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(260, 230)
        self.values: list[tuple[str, float | None]] = []
        self.show_values([])

    def show_values(self, values: list[tuple[str, float | None]]) -> None:
        self.values = list(values)
        chart = QPolarChart()
        chart.legend().hide()
        chart.setMargins(QMargins(36, 4, 36, 4))  # room for the axis labels left and right
        chart.setBackgroundRoundness(0)
        count = max(len(values), 1)
        angular = QCategoryAxis()
        angular.setRange(0, 360)
        angular.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for index, (label, _value) in enumerate(values):
            angular.append(label, 360 * index / count)
        radial = QValueAxis()
        radial.setRange(0, self.maximum)
        radial.setTickCount(6)
        radial.setLabelFormat("%d")
        chart.addAxis(angular, QPolarChart.PolarOrientation.PolarOrientationAngular)
        chart.addAxis(radial, QPolarChart.PolarOrientation.PolarOrientationRadial)
        if values:
            series = self._series(values, count)
            chart.addSeries(series)
            series.attachAxis(angular)
            series.attachAxis(radial)
        self._set(chart)

    def _series(self, values: list[tuple[str, float | None]], count: int) -> QLineSeries:
        series = QLineSeries()
        points = [
            QPointF(360 * i / count, value or 0.0) for i, (_label, value) in enumerate(values)
        ]
        for point in [*points, QPointF(360, points[0].y())]:
            series.append(point)
        pen = QPen(QColor("#1f5fa8"))
        pen.setWidth(3)
        series.setPen(pen)
        series.setPointsVisible(True)
        return series

    def _set(self, chart: QChart) -> None:
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        chart.setTitleBrush(Qt.GlobalColor.black)
