"""The measure chart of the prep view: PHQ-9 and GAD-7 totals and the client's goal
ratings on the weeks of the adherence strip, right under it, one panel a measure.

Three widgets side by side, in one row of the prep view's grid:

- :class:`MeasureNames`, a fixed column on the left: each panel's name ("PHQ-9",
  "Goal 1"), its scale and which end is better, and a goal's own words (elided, whole
  in the tooltip). It never scrolls, so the therapist always sees which measure a
  panel is.
- :class:`MeasureChart`, in the scroll area that scrolls with the strip: each panel's
  severity bands (``domain.measures``: minimal … severe) as shaded horizontal bands, or a
  goal's 0–10 grid, and the totals as points joined by a line, each with its total
  written above it. A week takes the same width as in the strip (``adherence_strip``'s
  ``MIN_CELL`` … ``MAX_CELL``), so a point sits under the week it was taken in.
- :class:`BandNames`, a fixed column on the right: the band names (or a goal's 0, 5, 10)
  beside their bands, moved apart when a band is too thin for its name, with a small
  swatch of the band's colour and a line to where the band is.

Both columns place their labels with ``label_rects()``, which painting and the tests use:
every label whole inside its column, none over another. Colours are theme roles
(``measure_band_0`` … ``measure_band_4``, ``measure_line``, ``chart_grid``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from practice.domain.adherence import WeekCell
from practice.domain.label_layout import spread
from practice.domain.measure_story import GoalTrend, MeasurePoint, MeasureTrend
from practice.domain.measures import QUESTIONNAIRES, RATING_MAX
from practice.ui import i18n, theme
from practice.ui.adherence_strip import MAX_CELL, MIN_CELL
from practice.ui.dates import short_date
from practice.ui.user_text import isolated, rich

BANDS = theme.MEASURE_BANDS
LINE = "measure_line"
GRID = "chart_grid"
TOP = 6  # over the first panel: room for a total written above its point
PLOT_H = 96  # a questionnaire's bands
GOAL_H = 66  # a goal's 0–10
PANEL_GAP = 12
DOT = 3.5  # a point's radius
GOAL_TICKS = (0, 5, RATING_MAX)
NAMES_MIN, NAMES_MAX = 96, 170  # the left column's width
SWATCH = 8  # the band's colour beside its name
LEAD = 6  # the line from the plot's edge to a name moved off its band
PAD = 4


@dataclass(frozen=True)
class Panel:
    """One panel: a questionnaire (``bands``) or a goal (``goal``)."""

    name: str
    scale: str  # the range and which end is better, in words
    maximum: int
    points: tuple[MeasurePoint, ...]
    bands: tuple[tuple[int, int, str], ...] = ()  # low, high, name (translated)
    goal: GoalTrend | None = None


def small_font(font: QFont) -> QFont:
    """Band names, scales and totals: a point smaller than ``font``."""
    small = QFont(font)
    small.setPointSizeF(max(font.pointSizeF() - 1, 7.5))
    return small


def bold_font(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def _lines(text: str, metrics: QFontMetrics, width: int, most: int) -> list[str]:
    """``text`` wrapped at words into ``width``, at most ``most`` lines, the last elided
    (no room for a line: none)."""
    if most < 1:
        return []
    words = text.split()
    lines: list[str] = []
    while words and len(lines) < most:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:  # more than fits: the last line ends in "…"
        lines[-1] = " ".join([lines[-1], *words]) + "…"
    elide = Qt.TextElideMode.ElideRight
    return [metrics.elidedText(line, elide, width) for line in lines]


class MeasureChart(QWidget):
    """Paints the panels over ``cells`` (the strip's weeks); a panel per measure and per
    goal that has a point within those weeks. Emits ``changed`` after ``set_data``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells: tuple[WeekCell, ...] = ()
        self.trends: tuple[MeasureTrend, ...] = ()
        self.goals: tuple[GoalTrend, ...] = ()
        self.panels: tuple[Panel, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Measure scores"))

    # ---- data ----------------------------------------------------------------------
    def set_data(
        self,
        trends: Sequence[MeasureTrend],
        cells: Sequence[WeekCell],
        goals: Sequence[GoalTrend] = (),
    ) -> None:
        self.cells = tuple(cells)
        first = self.cells[0].week_start if self.cells else date.max
        end = self.cells[-1].week_start + timedelta(weeks=1) if self.cells else date.min

        def within(points: Sequence[MeasurePoint]) -> tuple[MeasurePoint, ...]:
            return tuple(p for p in points if first <= p.on < end)

        self.trends = tuple(
            MeasureTrend(t.instrument, shown) for t in trends if (shown := within(t.points))
        )
        self.goals = tuple(
            GoalTrend(g.position, g.text, g.higher_is_better, shown)
            for g in goals
            if (shown := within(g.points))
        )
        self.panels = tuple(self._panel(t) for t in self.trends) + tuple(
            self._goal_panel(g) for g in self.goals
        )
        self.setAccessibleDescription(
            " ".join(
                self.tr("{name}: {scores}.").format(
                    name=p.name
                    if p.goal is None
                    else self.tr("{goal}, {text}").format(goal=p.name, text=isolated(p.goal.text)),
                    scores=", ".join(
                        self.tr("{total} on {day}").format(total=q.total, day=short_date(q.on))
                        for q in p.points
                    ),
                )
                for p in self.panels
            )
        )
        self.updateGeometry()
        self.update()
        self.changed.emit()

    def _panel(self, trend: MeasureTrend) -> Panel:
        form = QUESTIONNAIRES[trend.instrument]
        return Panel(
            form.name,
            self.tr("0–{maximum}; higher is more severe").format(maximum=form.maximum),
            form.maximum,
            trend.points,
            tuple((b.low, b.high, i18n.translated(b.name)) for b in form.bands),
        )

    def _goal_panel(self, goal: GoalTrend) -> Panel:
        scale = (
            self.tr("0–{maximum}; higher is better")
            if goal.higher_is_better
            else self.tr("0–{maximum}; lower is better")
        )
        return Panel(
            self.tr("Goal {number}").format(number=goal.position),
            scale.format(maximum=RATING_MAX),
            RATING_MAX,
            goal.points,
            goal=goal,
        )

    def has_points(self) -> bool:
        return bool(self.panels)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # larger text: taller panels
            self.updateGeometry()
            self.changed.emit()
        super().changeEvent(event)

    # ---- geometry ------------------------------------------------------------------
    def _height(self) -> int:
        if not self.panels:
            return 0
        return int(self.panel_rect(len(self.panels) - 1).bottom()) + PANEL_GAP // 2

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
        """Where a day falls: its week's cell, and its weekday within it, the days
        spread over the cell less a dot's radius (and a pixel) at each side, so that a
        dot is always whole inside its week, the chart's first and last ones too."""
        w = self.cell_width()
        index = (on - self.cells[0].week_start).days // 7
        inset = DOT + 1
        return index * w + inset + (on.weekday() + 0.5) / 7 * (w - 2 * inset)

    def panel_rect(self, index: int) -> QRectF:
        """The plot of panel ``index`` (its bands, or a goal's 0–10)."""
        top = TOP + sum(self.panel_height(p) + PANEL_GAP for p in self.panels[:index])
        height = self.panel_height(self.panels[index]) if index < len(self.panels) else PLOT_H
        return QRectF(0, top, len(self.cells) * self.cell_width(), height)

    def panel_height(self, panel: Panel) -> int:
        """``PLOT_H`` (a goal: ``GOAL_H``), taller when the text is large: room for its
        names beside it (the name, the scale on two lines, a goal's words on two) and
        for every band name one above another."""
        small = QFontMetrics(small_font(self.font())).height()
        bold = QFontMetrics(bold_font(self.font())).height()
        if panel.goal is not None:
            needed = bold + (2 + MeasureNames.GOAL_LINES) * small + 6
            return max(GOAL_H, needed, len(GOAL_TICKS) * small + 4)
        return max(PLOT_H, bold + 2 * small + 6, len(panel.bands) * small + 4)

    def point_y(self, rect: QRectF, total: int, maximum: int) -> float:
        return (
            rect.bottom()
            - total / (maximum + 1) * rect.height()
            - rect.height() / (2 * (maximum + 1))
        )

    def band_area(self, index: int, low: int, high: int) -> tuple[float, float]:
        """The top and bottom of the values ``low`` … ``high`` in panel ``index``."""
        rect = self.panel_rect(index)
        unit = rect.height() / (self.panels[index].maximum + 1)
        return rect.bottom() - (high + 1) * unit, rect.bottom() - low * unit

    # ---- painting ------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.cells or not self.panels:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for i, panel in enumerate(self.panels):
            self._paint_panel(painter, i, panel)
        painter.end()

    def _paint_panel(self, painter: QPainter, index: int, panel: Panel) -> None:
        rect = self.panel_rect(index)
        grid = QPen(theme.color(GRID), 1)
        for i, (low, high, _name) in enumerate(panel.bands):
            top, bottom = self.band_area(index, low, high)
            area = QRectF(rect.left(), top, rect.width(), bottom - top)
            painter.fillRect(area, theme.color(BANDS[min(i, len(BANDS) - 1)]))
            painter.setPen(grid)
            painter.drawLine(area.topLeft(), area.topRight())
        if panel.goal is not None:
            painter.setPen(QPen(theme.color(GRID), 1, Qt.PenStyle.DashLine))
            for tick in GOAL_TICKS:
                y = self.point_y(rect, tick, panel.maximum)
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setPen(grid)
            painter.drawLine(rect.topLeft(), rect.topRight())
        painter.setPen(grid)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        self._paint_points(painter, rect, panel.points, panel.maximum)

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
        painter.setFont(bold_font(small_font(self.font())))  # the totals
        painter.setPen(theme.color("text"))
        for text, box in self.total_rects(rect, points, maximum):
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def total_rects(
        self, rect: QRectF, points: Sequence[MeasurePoint], maximum: int
    ) -> list[tuple[str, QRectF]]:
        """Each point's total and where it is written (oldest first): centred over the
        point, moved in at the chart's edges so that the newest (or oldest) is never cut.
        Two labels never overlap, nor does a label cover another point: the newest is
        placed first; a label that would collide goes under its point instead, and one
        with no room on either side is left out (the point's tooltip says it)."""
        metrics = QFontMetrics(bold_font(small_font(self.font())))
        height = metrics.height()
        where = [QPointF(self.point_x(p.on), self.point_y(rect, p.total, maximum)) for p in points]
        dots = [QRectF(at.x() - DOT, at.y() - DOT, 2 * DOT, 2 * DOT) for at in where]
        placed: dict[int, tuple[str, QRectF]] = {}
        for i in reversed(range(len(points))):  # the newest matters most
            at, text = where[i], str(points[i].total)
            width = metrics.horizontalAdvance(text) + 4
            left = min(max(at.x() - width / 2, 0.0), max(self.width() - width, 0.0))
            over = at.y() - DOT - 2 - height
            under = at.y() + DOT + 1
            tops = [over, under] if over >= rect.top() - TOP else [under, over]
            for top in tops:
                box = QRectF(left, top, width, height)
                clear = not any(box.intersects(b) for _t, b in placed.values()) and not any(
                    box.intersects(d) for j, d in enumerate(dots) if j != i
                )
                if clear:
                    placed[i] = (text, box)
                    break
        return [placed[i] for i in sorted(placed)]

    def point_at(self, pos: QPointF) -> tuple[Panel, MeasurePoint] | None:
        """The point under ``pos`` (within a few pixels), with its panel."""
        for index, panel in enumerate(self.panels):
            rect = self.panel_rect(index)
            for point in panel.points:
                at = QPointF(self.point_x(point.on), self.point_y(rect, point.total, panel.maximum))
                if abs(at.x() - pos.x()) <= DOT + 3 and abs(at.y() - pos.y()) <= DOT + 3:
                    return panel, point
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.point_at(QPointF(event.pos()))
            if found is None:
                QToolTip.hideText()
            else:  # every total, even one whose label had no room
                panel, point = found
                QToolTip.showText(event.globalPos(), self.tooltip_for(panel, point), self)
            return True
        return super().event(event)

    def tooltip_for(self, panel: Panel, point: MeasurePoint) -> str:
        """ "PHQ-9: 11 on 6 Dec." """
        return self.tr("{name}: {scores}.").format(
            name=panel.name,
            scores=self.tr("{total} on {day}").format(total=point.total, day=short_date(point.on)),
        )


class _Column(QWidget):
    """A fixed column beside the chart, as tall as it, redrawn when its data change."""

    def __init__(self, chart: MeasureChart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = chart
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        chart.changed.connect(self._changed)

    @property
    def _small(self) -> QFont:
        return small_font(self.font())

    @property
    def _bold(self) -> QFont:
        return bold_font(self.font())

    def _changed(self) -> None:
        self.setFixedSize(self._width(), self.chart.sizeHint().height())
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:  # larger text: a wider column
            self._changed()
        super().changeEvent(event)

    def _width(self) -> int:
        raise NotImplementedError

    def label_rects(self) -> list[tuple[str, QRectF, QFont]]:
        raise NotImplementedError

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint(painter)
        painter.setPen(theme.color("text"))
        for text, rect, font in self.label_rects():
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
        painter.end()

    def _paint(self, painter: QPainter) -> None:
        """What goes under the labels."""


class MeasureNames(_Column):
    """Each panel's name, scale and which end is better, and a goal's own words; the
    whole goal in the tooltip. It does not scroll."""

    GOAL_LINES = 2  # a goal's words: at most two lines, then "…"

    def _parts(self, panel: Panel) -> list[tuple[str, QFont, int]]:
        """What is written, in order: text, font, most lines."""
        parts = [(panel.name, self._bold, 1)]
        if panel.goal is not None:
            parts.append((isolated(panel.goal.text), self._small, self.GOAL_LINES))
        parts.append((panel.scale, self._small, 2))
        return parts

    def _width(self) -> int:
        """Each part on one line when it fits ``NAMES_MAX``, else wrapped to that."""
        widest = max(
            (
                QFontMetrics(font).horizontalAdvance(text)
                for panel in self.chart.panels
                for text, font, _most in self._parts(panel)
            ),
            default=0,
        )
        return max(NAMES_MIN, min(NAMES_MAX, widest + 2 * PAD + 1))

    def label_rects(self) -> list[tuple[str, QRectF, QFont]]:
        """Each part of each panel's label where it is painted: one under another within
        the panel's height, whole (wrapped, or elided with "…")."""
        out: list[tuple[str, QRectF, QFont]] = []
        inner = self.width() - 2 * PAD
        for index, panel in enumerate(self.chart.panels):
            rect = self.chart.panel_rect(index)
            y, bottom = rect.top() - 2, rect.bottom()
            for text, font, most in self._parts(panel):
                metrics = QFontMetrics(font)
                room = int((bottom - y) // metrics.height())
                lines = _lines(text, metrics, inner, min(most, room))
                if not lines:
                    break
                height = len(lines) * metrics.height()
                width = max(metrics.horizontalAdvance(line) for line in lines)
                out.append(("\n".join(lines), QRectF(PAD, y, width + 1, height), font))
                y += height + 1
        return out

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_at(event.pos().y())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, y: float) -> str:
        """Over a panel: its name and scale, and a goal's whole text (as rich text,
        escaped: it is the client's own words)."""
        for index, panel in enumerate(self.chart.panels):
            rect = self.chart.panel_rect(index)
            if rect.top() - TOP <= y <= rect.bottom() + PANEL_GAP / 2:
                said = [rich(panel.name), rich(panel.scale)]
                if panel.goal is not None:
                    said.insert(1, rich(panel.goal.text))
                return "<br>".join(said)
        return ""


class BandNames(_Column):
    """Beside each panel's right edge: its band names (a goal: 0, 5, 10), each level with
    its band, or moved just enough that none covers another."""

    def _labels(self, index: int, panel: Panel) -> list[tuple[str, float, int]]:
        """Text, the y it names, and its band (-1: a goal's grid line)."""
        if panel.goal is not None:
            rect = self.chart.panel_rect(index)
            return [
                (str(t), self.chart.point_y(rect, t, panel.maximum), -1)
                for t in reversed(GOAL_TICKS)
            ]
        out = []
        for i, (low, high, name) in reversed(list(enumerate(panel.bands))):
            top, bottom = self.chart.band_area(index, low, high)
            out.append((name, (top + bottom) / 2, i))
        return out

    def _width(self) -> int:
        metrics = QFontMetrics(self._small)
        widest = max(
            (
                metrics.horizontalAdvance(text)
                for i, p in enumerate(self.chart.panels)
                for text, _y, _band in self._labels(i, p)
            ),
            default=0,
        )
        return LEAD + SWATCH + PAD + widest + PAD

    def _placed(self) -> list[tuple[str, QRectF, int, float]]:
        """Each label's rect (top to bottom in a panel, no two overlapping, within the
        panel's height and its share of the gaps), its band and the y it names."""
        metrics = QFontMetrics(self._small)
        h = metrics.height()
        x = LEAD + SWATCH + PAD
        out = []
        for index, panel in enumerate(self.chart.panels):
            rect = self.chart.panel_rect(index)
            low_limit, high_limit = rect.top() - TOP + 1, rect.bottom() + PANEL_GAP / 2 - 1
            labels = self._labels(index, panel)
            tops = spread([y - h / 2 for _text, y, _band in labels], h, low_limit, high_limit)
            for (text, y, band), top in zip(labels, tops, strict=True):
                width = metrics.horizontalAdvance(text) + 1
                out.append((text, QRectF(x, top, width, h), band, y))
        return out

    def label_rects(self) -> list[tuple[str, QRectF, QFont]]:
        return [(text, rect, self._small) for text, rect, _band, _y in self._placed()]

    def _paint(self, painter: QPainter) -> None:
        for _text, rect, band, y in self._placed():
            middle = rect.center().y()
            painter.setPen(QPen(theme.color("muted"), 1))
            painter.drawLine(QPointF(0, y), QPointF(LEAD, middle))
            painter.drawLine(QPointF(LEAD, middle), QPointF(LEAD + SWATCH / 2, middle))
            if band >= 0:
                swatch = QRectF(LEAD, middle - SWATCH / 2, SWATCH, SWATCH)
                painter.fillRect(swatch, theme.color(BANDS[min(band, len(BANDS) - 1)]))
                painter.setPen(QPen(theme.color("muted"), 1))
                painter.drawRect(swatch)
