"""The trend chart of the prep view: completion per review, the therapist's rating beside
the client's own, on a date axis, 0-4 with the anchors' words (QtCharts).

The chart, its series and axes are made once; :meth:`TrendChart.set_points` replaces
the points and moves the axes, and does nothing when the points did not change.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
)
from PySide6.QtCore import QDateTime, QEvent, QMargins, QPointF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QWidget

from practice.domain.prep_model import TrendPoint
from practice.domain.vocabulary import COMPLETION_ANCHORS
from practice.ui import i18n, theme
from practice.ui.dates import axis_format

THERAPIST_COLOUR = "chart_therapist"  # theme roles
CLIENT_COLOUR = "chart_client"
CHART_HEIGHT = 230
MAX_DOTS = 120  # more reviews than this: lines without a dot per review


def _msecs(day: date) -> float:
    return datetime.combine(day, time(12)).timestamp() * 1000


class TrendChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(CHART_HEIGHT)
        self.points: tuple[TrendPoint, ...] = ()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.completion = QLineSeries()
        self.completion.setName(self.tr("Completion (your rating)"))
        self.completion.setPen(QPen(theme.color(THERAPIST_COLOUR), 2.5))
        self.completion.setPointsVisible(True)
        self.client = QLineSeries()
        self.client.setName(self.tr("Client's own rating"))
        pen = QPen(theme.color(CLIENT_COLOUR), 1.8)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.client.setPen(pen)
        self.client.setPointsVisible(True)
        # One point alone draws no line: a scatter marker keeps a single review visible.
        self.single = QScatterSeries()
        self.single.setMarkerSize(9)
        self.single.setColor(theme.color(THERAPIST_COLOUR))
        for series in (self.completion, self.client, self.single):
            chart.addSeries(series)
        chart.legend().markers(self.single)[0].setVisible(False)

        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat(axis_format(months=False))
        self.x_axis.setTickCount(6)
        self.y_axis = QCategoryAxis()
        self.y_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.y_axis.setStartValue(-0.35)
        for value in range(5):
            self.y_axis.append(f"{value} {i18n.translated(COMPLETION_ANCHORS[value])}", value)
        self.y_axis.setRange(-0.35, 4.35)
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.completion, self.client, self.single):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self._colour()

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: the chart takes its colours (the client's line stays dashed)."""
        if event.type() == QEvent.Type.PaletteChange:
            self._colour()
        super().changeEvent(event)

    def _colour(self) -> None:
        chart = self.chart()
        chart.setBackgroundBrush(theme.color("base"))
        chart.legend().setLabelColor(theme.color("text"))
        for axis in (self.x_axis, self.y_axis):
            axis.setLabelsColor(theme.color("text"))
            axis.setGridLineColor(theme.color("chart_grid"))
            axis.setLinePenColor(theme.color("strip_border"))
        for series, role in ((self.completion, THERAPIST_COLOUR), (self.client, CLIENT_COLOUR)):
            pen = series.pen()
            pen.setColor(theme.color(role))
            series.setPen(pen)
        self.single.setColor(theme.color(THERAPIST_COLOUR))
        self.single.setBorderColor(theme.color(THERAPIST_COLOUR))

    def set_points(self, points: Sequence[TrendPoint]) -> bool:
        """Show these reviews (oldest first); False when nothing changed."""
        points = tuple(points)
        if points == self.points:
            return False
        self.points = points
        self.completion.replace([QPointF(_msecs(p.on), p.completion) for p in points])
        self.client.replace(
            [QPointF(_msecs(p.on), p.client_rating) for p in points if p.client_rating is not None]
        )
        self.single.replace(
            [QPointF(_msecs(points[0].on), points[0].completion)] if len(points) == 1 else []
        )
        dots = len(points) <= MAX_DOTS  # beyond that the dots only blur the line
        self.completion.setPointsVisible(dots)
        self.client.setPointsVisible(dots)
        if points:
            first, last = points[0].on, points[-1].on
            pad = max(timedelta(days=3), (last - first) / 40)
            if last - first < timedelta(days=14):
                pad = timedelta(days=7)
            self.x_axis.setFormat(axis_format(months=(last - first).days > 300))
            self.x_axis.setRange(
                QDateTime.fromMSecsSinceEpoch(int(_msecs(first - pad))),
                QDateTime.fromMSecsSinceEpoch(int(_msecs(last + pad))),
            )
        return True
