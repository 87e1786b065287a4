"""The prep view's measure chart, laid out so it reads: every name whole and apart, the
measure names always in view beside the latest weeks, the client's goal ratings on the
strip's weeks, and the prep PDF saved under its own title (practice.ui.measure_chart,
practice.ui.prep_page)."""

from __future__ import annotations

from datetime import timedelta
from itertools import combinations

import pytest
from _measure_history import FIRST, GOAL_RATINGS, GOALS, TODAY, add_goals, client_with_measures
from PySide6.QtCore import QPoint, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog

from practice.ui import theme

LEFT = Qt.MouseButton.LeftButton
BANDS = {
    "en": {"minimal", "mild", "moderate", "moderately severe", "severe"},
    "es": {"mínima", "leve", "moderada", "moderadamente grave", "grave"},
}


def _page(qtbot, db, size: tuple[int, int]):  # type: ignore[no-untyped-def]
    from practice.ui.prep_page import PrepPage

    page = PrepPage(db, today=TODAY)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    client = client_with_measures(db)
    add_goals(db, client)
    page.show_client(client)
    qtbot.waitUntil(lambda: page.measure_chart.width() == page.strip.width())
    return page


def _whole_and_apart(column) -> list[str]:  # type: ignore[no-untyped-def]
    """The column's labels, each checked: inside the column, its text fitting its rect,
    no two overlapping."""
    labels = column.label_rects()
    inside = QRectF(column.rect())
    for text, rect, font in labels:
        assert inside.contains(rect), (text, rect, inside)
        metrics = QFontMetrics(font)
        for line in text.split("\n"):
            assert metrics.horizontalAdvance(line) <= rect.width(), (line, rect)
        assert len(text.split("\n")) * metrics.height() <= rect.height() + 0.5
    for (a, ra, _), (b, rb, _) in combinations(labels, 2):
        assert not ra.intersects(rb), (a, ra, b, rb)
    return [text for text, _rect, _font in labels]


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_band_and_measure_name_is_whole_and_none_overlaps(qtbot, db, request, size, language):
    if language == "es":
        request.getfixturevalue("spanish")
    page = _page(qtbot, db, size)
    names, bands, plot = page.measure_names, page.band_names, page.measure_scroll
    # The names are beside the plot, not on it: left of it and right of it
    assert names.geometry().right() < plot.geometry().left()
    assert (
        bands.geometry().left()
        > plot.geometry().left()
        + page.measure_chart.panel_rect(0).right()
        - plot.horizontalScrollBar().value()
    )
    # and all inside the page's width
    view = page.scroll_area.viewport()
    for column in (names, bands):
        left = column.mapTo(view, QPoint(0, 0)).x()
        assert left >= 0 and left + column.width() <= view.width()
    shown = _whole_and_apart(names)
    goal = "Meta" if language == "es" else "Goal"
    assert [t for t in shown if "\n" not in t and t[:4] in ("PHQ-", "GAD-", goal)] == [
        "PHQ-9",
        "GAD-7",
        f"{goal} 1",
        f"{goal} 2",
    ]
    said = _whole_and_apart(bands)
    # PHQ-9's five bands and GAD-7's four, each named, then each goal's 10, 5, 0
    assert set(said[:5]) == BANDS[language] and len(said[:5]) == 5
    assert set(said[5:9]) == BANDS[language] - {"moderately severe", "moderadamente grave"}
    assert said[9:] == ["10", "5", "0"] * 2
    page.grab().save(f"/work/shots/last16a/prep_chart_{language}_{size[0]}.png")


def test_with_large_text_band_names_move_off_thin_bands_and_still_never_overlap(qtbot, db):
    page = _page(qtbot, db, (1024, 600))
    # Given large text (13 pt): a band name is taller than PHQ-9's thin bands, so each
    # name level with its band would overlap the next
    large = QFont(page.font())
    large.setPointSizeF(13)
    page.setFont(large)
    chart, bands = page.measure_chart, page.band_names
    h = QFontMetrics(bands.label_rects()[0][2]).height()
    middles = [sum(chart.band_area(0, low, high)) / 2 for low, high, _ in chart.panels[0].bands]
    assert min(abs(a - b) for a, b in zip(middles, middles[1:], strict=False)) < h
    # Then they are moved apart, each whole and inside its column (wider now) …
    assert len(_whole_and_apart(bands)) == 5 + 4 + 3 + 3
    # and the panels grew so each still says its name, its words and which end is better
    shown = [" ".join(t.split("\n")) for t in _whole_and_apart(page.measure_names)]
    for scale in ("higher is more severe", "higher is more severe", "higher is better"):
        assert any(t.endswith(scale) for t in shown)
    assert sum(t.endswith("is better") for t in shown) == 2
    assert len(shown) == 2 * 2 + 2 * 3
    assert page.measure_scroll.height() == chart.sizeHint().height() > 4 * (96 + 12)
    # … and each stays near its band, a line drawn to it
    for _text, rect, _band, y in bands._placed()[:5]:
        assert abs(rect.center().y() - y) <= 1.5 * h


def test_the_measure_names_stay_in_view_beside_the_latest_weeks(qtbot, db):
    # Given a year of weeks on a small screen: the strip opens on the latest weeks
    page = _page(qtbot, db, (1024, 600))
    page.weeks_combo.setFocus()
    for _ in range(2):  # Last 52 weeks
        qtbot.keyClick(page.weeks_combo, Qt.Key.Key_Down)
    assert page.weeks == 52
    bar = page.strip_scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())
    page.scroll_area.ensureWidgetVisible(page.band_names, 0, 0)
    qtbot.wait(20)
    # Then the latest measure is in view under the latest weeks …
    chart = page.measure_chart
    last = chart.point_x(FIRST + timedelta(weeks=11))
    seen = page.measure_scroll.viewport()
    assert 0 <= chart.mapTo(seen, QPoint(int(last), 0)).x() < seen.width()
    # … and so is every measure's name, on the left, in the page's view
    view = page.scroll_area.viewport()
    names = page.measure_names
    for text, rect, _font in names.label_rects():
        corner = names.mapTo(view, rect.topLeft().toPoint())
        on_screen = QRect(corner, rect.size().toSize())
        assert QRect(QPoint(0, 0), view.size()).contains(on_screen), text
    # the week columns line up: the strip and the chart start and end at the same x
    assert page.strip_scroll.geometry().left() == page.measure_scroll.geometry().left()
    assert page.strip_scroll.width() == page.measure_scroll.width()
    assert page.scroll_area.horizontalScrollBar().value() == 0


def test_goal_ratings_are_charted_on_their_weeks(qtbot, db):
    page = _page(qtbot, db, (1366, 768))
    chart = page.measure_chart
    assert [p.name for p in chart.panels] == ["PHQ-9", "GAD-7", "Goal 1", "Goal 2"]
    image = chart.grab().toImage()
    line = theme.color("measure_line").name()
    for week, ratings in GOAL_RATINGS.items():
        day = FIRST + timedelta(weeks=week)
        x = chart.point_x(day)
        cell = page.strip.index_at(QPoint(int(x), 10))
        assert cell is not None and page.strip.cells[cell].week_start <= day
        assert day < page.strip.cells[cell].week_start + timedelta(weeks=1)
        for index, rating in enumerate(ratings, start=2):
            y = chart.point_y(chart.panel_rect(index), rating, 10)
            assert image.pixelColor(int(x), int(y)).name() == line, (week, index)
    # The names say which goal, its words (elided: the whole in the tooltip) and which
    # end is better
    shown = [text for text, _rect, _font in page.measure_names.label_rects()]
    goal_one = shown[shown.index("Goal 1") + 1]
    assert goal_one.endswith("…") and goal_one.startswith("Walk to the corner")
    assert "0–10; higher is better" in shown and "0–10; lower is better" in shown
    # a screen reader hears each goal whole, with its ratings
    assert f"Goal 1, {GOALS[0][0]}: 2 on " in chart.accessibleDescription()
    at = chart.panel_rect(2).center().y()
    assert GOALS[0][0] in page.measure_names.tooltip_at(at)
    # and the words under the chart give each goal with its n
    said = page.measure_text.text().replace("\u00a0", " ").splitlines()
    assert said[2:] == [
        "Goal 1 rated from 2 to 7 of 10 over 9 weeks (higher is better; n = 4).",
        "Goal 2 rated from 8 to 3 of 10 over 9 weeks (lower is better; n = 4).",
    ]


def test_a_goal_in_markup_is_shown_as_typed(qtbot, db):
    from practice.services import measures

    page = _page(qtbot, db, (1366, 768))
    with db.session() as s:
        client = page.client_id
        goal = measures.set_goals(s, client, [measures.GoalInput("<b>Sleep</b> by 11")])[0]
        measures.record_measure(
            s,
            measures.MeasureInput(
                client,
                measures.MeasureKind.GOALS,
                TODAY,
                measures.MeasureSource.SESSION,
                ratings=[(goal.id, 4)],
            ),
        )
    page.refresh()
    shown = [text for text, _rect, _font in page.measure_names.label_rects()]
    assert "<b>Sleep</b> by 11" in shown  # as typed, never as markup
    tip = page.measure_names.tooltip_at(page.measure_chart.panel_rect(2).center().y())
    assert "&lt;b&gt;Sleep&lt;/b&gt;" in tip


def _save_dialog_title(seen: list[str]) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("en", "Save the session preparation as PDF"),
        ("es", "Guardar la preparación de la sesión como PDF"),
    ],
)
def test_the_prep_pdf_is_saved_under_its_own_title(qtbot, db, request, language, title):
    from practice.ui.sheet_preview import SheetPreview

    if language == "es":
        request.getfixturevalue("spanish")
    page = _page(qtbot, db, (1366, 768))
    qtbot.mouseClick(page.print_button, LEFT)
    preview = page.findChild(SheetPreview)
    assert preview is not None
    qtbot.waitUntil(lambda: bool(preview.pdf))
    seen: list[str] = []
    _save_dialog_title(seen)
    qtbot.mouseClick(preview.save_button, LEFT)
    assert seen == [title]
    preview.close()
