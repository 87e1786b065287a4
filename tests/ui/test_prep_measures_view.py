"""The prep view's measures: PHQ-9 and GAD-7 on the strip's weeks, their bands, and the
plain statement under them (practice.ui.measure_chart, practice.ui.prep_page)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from _measure_history import (
    FIRST,
    GAD7_STATEMENT,
    PHQ9,
    PHQ9_STATEMENT,
    TODAY,
    client_with_measures,
)
from PySide6.QtCore import QPoint, Qt

from practice.domain.measures import Instrument
from practice.ui import theme


@pytest.fixture
def view(qtbot, db):  # type: ignore[no-untyped-def]
    from practice.ui.prep_page import PrepPage

    widget = PrepPage(db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    return widget


def test_the_measures_sit_under_their_weeks_with_bands_and_the_statement(qtbot, db, view):
    view.show_client(client_with_measures(db))
    # Then a chart under the strip, one panel for PHQ-9 and one for GAD-7, and what
    # they show in words under it
    assert view.measure_scroll.isVisible()
    assert view.measure_text.text().replace("\u00a0", " ") == f"{PHQ9_STATEMENT}\n{GAD7_STATEMENT}"
    # a count is never broken across lines: "(n = 6 and 4)." is one unbreakable piece
    assert "(n\u00a0=\u00a06\u00a0and\u00a04)." in view.measure_text.text()
    assert "(n\u00a0=\u00a01 with" in view.measure_text.text()
    chart = view.measure_chart
    assert [t.instrument for t in chart.trends] == [Instrument.PHQ9, Instrument.GAD7]
    # week 0 is before the 12 weeks shown: neither the chart nor the statement's "from …
    # to" has its score; the statement's last sentence tells the whole treatment
    assert [p.total for p in chart.trends[0].points] == list(PHQ9[1:])
    qtbot.waitUntil(lambda: chart.width() == view.strip.width())
    image = chart.grab().toImage()
    line = theme.color("measure_line").name()
    for week, total in enumerate(PHQ9[1:], start=1):
        day = FIRST + timedelta(weeks=week)
        x = chart.point_x(day)
        # the point is under the strip's cell of its week …
        cell = view.strip.index_at(QPoint(int(x), 10))
        assert cell is not None and view.strip.cells[cell].week_start <= day
        assert day < view.strip.cells[cell].week_start + timedelta(weeks=1)
        # … and drawn in the line's colour where its total falls
        y = chart.point_y(chart.panel_rect(0), total, 27)
        assert image.pixelColor(int(x), int(y)).name() == line
    # the bands are shaded: minimal at the bottom, severe at the top of PHQ-9's panel
    rect = chart.panel_rect(0)
    right = int(rect.right()) - 3
    bottom = image.pixelColor(right, int(rect.bottom()) - 3).name()
    top = image.pixelColor(right, int(rect.top()) + 3).name()
    assert bottom == theme.color("measure_band_0").name()
    assert top == theme.color("measure_band_4").name()


def test_the_measures_scroll_with_the_strip(qtbot, db, view):
    view.show_client(client_with_measures(db))
    view.weeks_combo.setCurrentIndex(view.weeks_combo.findText("Last 52 weeks"))
    qtbot.waitUntil(lambda: view.strip_scroll.horizontalScrollBar().maximum() > 0)
    strip_bar = view.strip_scroll.horizontalScrollBar()
    measure_bar = view.measure_scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: measure_bar.value() == strip_bar.value() == strip_bar.maximum())
    assert view.measure_chart.width() == view.strip.width()
    # The keyboard takes the strip to its first week: the measures follow
    view.strip.setFocus()
    qtbot.keyClick(view.strip, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: strip_bar.value() == 0)
    assert measure_bar.value() == 0


def test_a_client_without_measures_shows_no_chart_and_no_statement(qtbot, db, view):
    view.show_client(client_with_measures(db, with_measures=False))
    assert view.strip.cells  # the rest of the view is there
    assert not view.measure_scroll.isVisible()
    assert not view.measure_text.isVisible()
    assert view.measure_chart.trends == ()
    view.measure_chart.grab()  # paints nothing, breaks nothing


def test_the_statement_in_spanish(qtbot, db, spanish):
    from practice.ui.prep_page import PrepPage

    widget = PrepPage(db, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    widget.show_client(client_with_measures(db))
    said = widget.measure_text.text().replace("\u00a0", " ").splitlines()
    assert said[0] == (
        "PHQ-9 de 18 a 9 en 10 semanas: mejoría fiable; a las semanas con cumplimiento "
        "3–4 les siguió un cambio medio de −1.8, a las de 0–1, uno de +0.5 (n = 6 y 4). "
        "Desde la primera medida, antes de estas semanas: de 19 a 9 (n = 12)."
    )
    assert said[1].startswith("GAD-7 de 11 a 7 en 7 semanas: mejoría fiable; ")
    assert "pocas semanas" in said[1]


def test_the_statement_follows_the_weeks_selector_like_the_chart(qtbot, db, view):
    view.show_client(client_with_measures(db))
    # Last 12 weeks (the default): the chart and the words both start at week 1's 18
    assert view.measure_chart.trends[0].points[0].total == PHQ9[1] == 18
    assert view.measure_text.text().startswith("PHQ-9 from 18 to 9 over 10 weeks: ")
    assert "Since the first measure, before these weeks: from 19 to 9 (n = 12)." in (
        view.measure_text.text().replace("\u00a0", " ")
    )
    # When the therapist chooses the last 52 weeks (the combo, by keyboard)
    combo = view.weeks_combo
    combo.setFocus()
    target = combo.findText("Last 52 weeks")
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, key)
    # Then the chart shows week 0's 19 and the words start there too, with nothing before
    qtbot.waitUntil(lambda: view.measure_chart.trends[0].points[0].total == PHQ9[0])
    said = view.measure_text.text()
    assert said.startswith("PHQ-9 from 19 to 9 over 11 weeks: reliable improvement; ")
    assert "Since the first measure" not in said


def test_a_goal_line_follows_the_weeks_of_its_panel(qtbot, db, view):
    from _measure_history import FIRST, add_goals

    from practice.domain.measures import MeasureKind, MeasureSource
    from practice.services import measures
    from practice.services.measures import MeasureInput

    client = client_with_measures(db)
    ids = add_goals(db, client)
    with db.session() as s:  # a first rating in week 0, before the 12 weeks shown
        measures.record_measure(
            s,
            MeasureInput(client, MeasureKind.GOALS, FIRST, MeasureSource.SESSION,
                         ratings=[(ids[0], 1), (ids[1], 9)]),
        )  # fmt: skip
    view.show_client(client)
    lines = view.measure_text.text().replace("\u00a0", " ").splitlines()
    assert lines[2] == (
        "Goal 1 rated from 2 to 7 of 10 over 9 weeks (higher is better; n = 4). Since the "
        "first rating, before these weeks: from 1 to 7 of 10 (n = 5)."
    )
