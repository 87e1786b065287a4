"""The measure chart of the prep view: PHQ-9 and GAD-7 totals on the weeks of the
adherence strip, right under it, one panel a measure.

Each panel draws the measure's severity bands (``domain.measures``: minimal … severe)
as shaded horizontal bands with their names, and its totals as points joined by a line,
each point with its total written above it. A week takes the same width as in the strip
(``adherence_strip.MIN_CELL`` … ``MAX_CELL``), so a point sits under the week it was
taken in; the prep view scrolls both together. Colours are theme roles
(``measure_band_0`` … ``measure_band_4``, ``measure_line``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from practice.domain.adherence import WeekCell
from practice.domain.measure_story import MeasurePoint, MeasureTrend
from practice.domain.measures import QUESTIONNAIRES
from practice.ui import i18n, theme
from practice.ui.adherence_strip import MAX_CELL, MIN_CELL
from practice.ui.dates import short_date

BANDS = theme.MEASURE_BANDS
LINE = "measure_line"
GRID = "chart_grid"
TITLE_H = 18  # the panel's title line
PLOT_H = 96  # the bands
PANEL_GAP = 6
DOT = 3.5  # a point's radius
GUTTER = 6  # between the last week and the band names on the right


class MeasureChart(QWidget):
    """Paints ``trends`` over ``cells`` (the strip's weeks); a panel per measure that has
    a total within those weeks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: tuple[WeekCell, ...] = ()
        self.trends: tuple[MeasureTrend, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(self.font().pointSizeF() - 1, 7.5))
        self._bold = QFont(self._small)
        self._bold.setBold(True)
        self._title = QFont(self.font())
        self._title.setBold(True)
        self.setAccessibleName(self.tr("Measure scores"))

    # ---- data ----------------------------------------------------------------------
    def set_data(self, trends: Sequence[MeasureTrend], cells: Sequence[WeekCell]) -> None:
        self.cells = tuple(cells)
        first = self.cells[0].week_start if self.cells else date.max
        end = self.cells[-1].week_start + timedelta(weeks=1) if self.cells else date.min
        self.trends = tuple(
            MeasureTrend(t.instrument, shown)
            for t in trends
            if (shown := tuple(p for p in t.points if first <= p.on < end))
        )
        self.setAccessibleDescription(
            " ".join(
                self.tr("{name}: {scores}.").format(
                    name=t.name,
                    scores=", ".join(
                        self.tr("{total} on {day}").format(total=p.total, day=short_date(p.on))
                        for p in t.points
                    ),
                )
                for t in self.trends
            )
        )
        self.updateGeometry()
        self.update()

    def has_points(self) -> bool:
        return bool(self.trends)

    # ---- geometry ------------------------------------------------------------------
    def _height(self) -> int:
        return len(self.trends) * (TITLE_H + PLOT_H + PANEL_GAP)

    def sizeHint(self) -> QSize:
        return QSize(max(len(self.cells), 1) * 48, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(max(len(self.cells), 1) * MIN_CELL, self._height())

    def cell_width(self) -> float:
        """As the strip's: the same width gives the same weeks."""
        if not self.cells:
            return MAX_CELL
        return max(float(MIN_CELL), min(float(MAX_CELL), self.width() / len(self.cells)))

    def point_x(self, on: date) -> float:
        """Where a day falls: its week's cell, and its weekday within it."""
        w = self.cell_width()
        index = (on - self.cells[0].week_start).days // 7
        return index * w + (on.weekday() + 0.5) / 7 * w

    def panel_rect(self, index: int) -> QRectF:
        """The bands of panel ``index``."""
        top = index * (TITLE_H + PLOT_H + PANEL_GAP) + TITLE_H
        return QRectF(0, top, len(self.cells) * self.cell_width(), PLOT_H)

    def point_y(self, rect: QRectF, total: int, maximum: int) -> float:
        return (
            rect.bottom()
            - total / (maximum + 1) * rect.height()
            - rect.height() / (2 * (maximum + 1))
        )

    # ---- painting ------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.cells or not self.trends:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for i, trend in enumerate(self.trends):
            self._paint_panel(painter, i, trend)
        painter.end()

    def _paint_panel(self, painter: QPainter, index: int, trend: MeasureTrend) -> None:
        form = QUESTIONNAIRES[trend.instrument]
        rect = self.panel_rect(index)
        unit = rect.height() / (form.maximum + 1)
        painter.setFont(self._title)
        painter.setPen(theme.color("text"))
        title = self.tr("{name} (0–{maximum}; higher is more severe)").format(
            name=form.name, maximum=form.maximum
        )
        painter.drawText(
            QRectF(0, rect.top() - TITLE_H, self.width(), TITLE_H),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        metrics = QFontMetrics(self._small)
        names = [i18n.translated(band.name) for band in form.bands]
        widest = max(metrics.horizontalAdvance(n) for n in names)
        outside = self.width() - rect.right() >= widest + GUTTER + 2  # names right of the weeks
        for i, band in enumerate(form.bands):
            top = rect.bottom() - (band.high + 1) * unit
            area = QRectF(rect.left(), top, rect.width(), (band.high - band.low + 1) * unit)
            painter.fillRect(area, theme.color(BANDS[min(i, len(BANDS) - 1)]))
            painter.setPen(QPen(theme.color(GRID), 1))
            painter.drawLine(area.topLeft(), area.topRight())
            painter.setPen(theme.color("text"))
            painter.setFont(self._small)
            if outside:
                label = QRectF(rect.right() + GUTTER, area.top(), widest + 4, area.height())
            else:
                label = area.adjusted(4, 0, 0, 0)
            painter.drawText(
                label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, names[i]
            )
        painter.setPen(QPen(theme.color(GRID), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        self._paint_points(painter, rect, trend.points, form.maximum)

    def _paint_points(
        self, painter: QPainter, rect: QRectF, points: Sequence[MeasurePoint], maximum: int
    ) -> None:
        where = [QPointF(self.point_x(p.on), self.point_y(rect, p.total, maximum)) for p in points]
        colour = theme.color(LINE)
        painter.setPen(QPen(colour, 2))
        for a, b in zip(where, where[1:], strict=False):
            painter.drawLine(a, b)
        painter.setBrush(colour)
        for at in where:
            painter.drawEllipse(at, DOT, DOT)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setFont(self._bold)
        painter.setPen(theme.color("text"))
        metrics = QFontMetrics(self._bold)
        for point, at in zip(points, where, strict=True):
            text = str(point.total)
            width = metrics.horizontalAdvance(text)
            above = at.y() - DOT - 2 - metrics.height() >= rect.top()
            y = at.y() - DOT - 2 - metrics.height() if above else at.y() + DOT + 1
            painter.drawText(
                QRectF(at.x() - width / 2 - 2, y, width + 4, metrics.height()),
                Qt.AlignmentFlag.AlignCenter,
                text,
            )
