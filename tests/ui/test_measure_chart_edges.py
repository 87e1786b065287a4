"""The chart's totals are written whole: the newest point's label, at the right edge of
the last week, is moved in rather than cut ("12" read as "1(" before; issue 16)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtGui import QFontMetrics

from practice.domain.adherence import CellKind, WeekCell
from practice.domain.measure_story import MeasurePoint, MeasureTrend
from practice.domain.measures import Instrument
from practice.ui.adherence_strip import MIN_CELL
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
