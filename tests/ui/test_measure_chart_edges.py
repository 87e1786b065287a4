"""The chart's totals are written whole: the newest point's label, at the right edge of
the last week, is moved in rather than cut ("12" read as "1(" before; issue 16)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtGui import QFontMetrics

from practice.domain.adherence import CellKind, WeekCell
from practice.domain.measure_story import MeasurePoint, MeasureTrend
from practice.domain.measures import Instrument
from practice.ui.adherence_strip import MIN_CELL
from practice.ui.dates import short_date
from practice.ui.measure_chart import MeasureChart, bold_font, small_font

MONDAY = date(2026, 9, 7)


def test_the_newest_and_oldest_totals_are_written_whole(qtbot):
    cells = [
        WeekCell(MONDAY + timedelta(weeks=i), CellKind.NO_SESSION, None, "") for i in range(12)
    ]
    first_day, last_day = cells[0].week_start, cells[-1].week_start + timedelta(days=6)  # Sunday
    trend = MeasureTrend(
        Instrument.PHQ9,
        (MeasurePoint(first_day, 18), MeasurePoint(MONDAY + timedelta(weeks=5), 15),
         MeasurePoint(last_day, 12)),
    )  # fmt: skip
    chart = MeasureChart()
    qtbot.addWidget(chart)
    chart.set_data([trend], cells)
    chart.resize(12 * MIN_CELL, chart.sizeHint().height())  # the narrowest the strip gets
    chart.show()
    qtbot.waitExposed(chart)
    placed = chart.total_rects(chart.panel_rect(0), chart.panels[0].points, 27)
    metrics = QFontMetrics(bold_font(small_font(chart.font())))
    assert [text for text, _ in placed] == ["18", "15", "12"]
    for text, box in placed:
        assert box.left() >= 0 and box.right() <= chart.width(), text
        assert box.width() >= metrics.horizontalAdvance(text)
    # the newest is still by its point: its right edge at the chart's
    assert placed[-1][1].right() == chart.width()
    chart.grab().save("/work/shots/gui16/chart_edges.png")


def test_two_newest_scores_on_consecutive_days_keep_their_dots_and_labels_apart(qtbot):
    """Issue 16 re-check (z50): 16 on Saturday and 11 on Sunday of the last week; the
    newest label sat on the previous point and the newest dot was half outside."""
    from PySide6.QtCore import QEvent, QPointF, QRectF
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from practice.ui.measure_chart import DOT

    cells = [
        WeekCell(MONDAY + timedelta(weeks=i), CellKind.NO_SESSION, None, "") for i in range(12)
    ]
    saturday = cells[-1].week_start + timedelta(days=5)
    trend = MeasureTrend(
        Instrument.PHQ9,
        (MeasurePoint(MONDAY + timedelta(days=1), 13),
         MeasurePoint(MONDAY + timedelta(weeks=4), 15),
         MeasurePoint(saturday, 16), MeasurePoint(saturday + timedelta(days=1), 11)),
    )  # fmt: skip
    chart = MeasureChart()
    qtbot.addWidget(chart)
    chart.set_data([trend], cells)
    for width in (12 * MIN_CELL, 12 * 48):  # the narrowest the strip gets, and a laptop's
        chart.resize(width, chart.sizeHint().height())
        chart.show()
        qtbot.waitExposed(chart)
        rect = chart.panel_rect(0)
        points = chart.panels[0].points
        dots = [
            QRectF(
                chart.point_x(p.on) - DOT, chart.point_y(rect, p.total, 27) - DOT, 2 * DOT, 2 * DOT
            )
            for p in points
        ]
        # Every dot is wholly inside the plot
        for point, dot in zip(points, dots, strict=True):
            assert dot.left() >= rect.left() and dot.right() <= rect.right(), (point, dot, rect)
            assert dot.right() <= chart.width()
        placed = chart.total_rects(rect, points, 27)
        # The newest total is written; no two labels overlap; no label covers another dot
        assert "11" in [text for text, _ in placed]
        for a, (text, box) in enumerate(placed):
            assert box.left() >= 0 and box.right() <= chart.width(), text
            for other, other_box in placed[a + 1 :]:
                assert not box.intersects(other_box), (text, other)
        for text, box in placed:
            mine = [d for p, d in zip(points, dots, strict=True) if str(p.total) == text]
            for point, dot in zip(points, dots, strict=True):
                if dot not in mine:
                    assert not box.intersects(dot), (text, point)
        chart.grab().save(f"/work/shots/last16a/chart_consecutive_{width}.png")
    # And every point's total is in its tooltip, also one whose label had no room
    newest = QPointF(chart.point_x(points[-1].on), chart.point_y(rect, 11, 27)).toPoint()
    help_event = QHelpEvent(QEvent.Type.ToolTip, newest, chart.mapToGlobal(newest))
    QApplication.sendEvent(chart, help_event)
    assert QToolTip.text() == f"PHQ-9: 11 on {short_date(points[-1].on)}."
