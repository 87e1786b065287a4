"""The Prep tab on the demo practice: the strip, its tooltips, the suggestion, the actions."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from practice.domain.adherence import monday
from practice.services.demo import seed_demo
from practice.sheets import prep_charts

DEMO_TODAY = date(2025, 3, 12)
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return seed_demo(s, today=DEMO_TODAY)


@pytest.fixture
def view(qtbot, db, demo):  # type: ignore[no-untyped-def]
    from practice.ui.prep_page import PrepPage

    widget = PrepPage(db, today=DEMO_TODAY)
    qtbot.addWidget(widget)
    widget.resize(900, 760)
    widget.show()
    return widget


def _marks(view) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.mark for c in view.strip.cells]


def _centre(view, index: int) -> QPoint:  # type: ignore[no-untyped-def]
    return view.strip.cell_rect(index).center().toPoint()


def test_the_improver_tells_the_story_at_a_glance(view, demo):
    # When the therapist opens the prep of the client whose homework improved
    view.show_client(demo.improver_id)
    # Then the last twelve weeks are mostly 3s and 4s, the whole history rises,
    # the summary compares with the weeks before, and the suggestion says keep going
    assert _marks(view) == ["3", "2", "C", "3", "4", "3", "4", "C", "3", "4", "4", "3"]
    assert "mean completion 3.3 of 4 — up from 0.8 in the weeks before" in (
        view.summary_label.text()
    )
    view.weeks_combo.setCurrentIndex(view.weeks_combo.findText("All weeks"))
    done = [c.completion for c in view.strip.cells if c.completion is not None]
    half = len(done) // 2
    assert sum(done[half:]) / (len(done) - half) > sum(done[:half]) / half + 1.5
    assert view.suggestion_box.isVisible()
    assert "Keep going" in view.suggestion_label.text()
    assert view.name_label.text() == "Quintero, Marisol (Mari)"
    assert len(view.chart.completion.points()) == len(view.data.trend) == 19


def test_the_drifter_gets_a_next_step_and_the_age_doubt_guidance(view, demo):
    view.show_client(demo.drifter_id)
    text = view.suggestion_label.text()
    assert "Next step: Another way to record" in text
    assert "Doubts about your competence" in text
    assert "down from" in view.summary_label.text()
    assert "Forgot" in view.barriers_label.text()
    assert "Talk about it openly" in view.strategies_label.text()
    assert "Not tried yet: 1. Re-explain the task" in view.strategies_label.text()


def test_each_cell_explains_itself_in_a_tooltip(qtbot, view, demo):
    view.show_client(demo.improver_id)
    cancelled = _marks(view).index("C")
    assert view.strip.tooltip_at(_centre(view, cancelled)) == view.strip.tooltip(cancelled)
    assert view.strip.tooltip(cancelled).startswith("Week of 6 Jan: cancelled")
    # A real tooltip event shows that text
    pos = _centre(view, 0)
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.strip.mapToGlobal(pos))
    QApplication.sendEvent(view.strip, event)
    assert QToolTip.text() == view.strip.tooltip(0)
    assert "completion 3 (most)" in QToolTip.text()
    QToolTip.hideText()
    # Below the cells there is no tooltip
    assert view.strip.tooltip_at(QPoint(5, view.strip.height() - 2)) == ""


def test_the_strip_on_screen_has_the_colours_of_the_printed_strip(qtbot, view, demo):
    # Given a whole strip on screen, with weeks of several kinds
    view.show_client(demo.conditional_id)
    view.weeks_combo.setCurrentIndex(view.weeks_combo.findText("All weeks"))
    # (the measure names beside the chart narrow the strip: it may scroll; all of it laid out)
    qtbot.waitUntil(lambda: view.strip.width() >= view.strip.minimumSizeHint().width())
    image = view.strip.grab().toImage()
    assert len({(c.kind, c.completion) for c in view.strip.cells}) >= 5
    # When each cell's colour is read off the screen
    for i, cell in enumerate(view.strip.cells):
        rect = view.strip.cell_rect(i)
        painted = image.pixelColor(int(rect.left()) + 5, int(rect.top()) + 5).name()
        # Then it is the colour the prep PDF prints for that cell
        assert painted == "#" + prep_charts.cell_fill(cell).hexval()[2:], (i, cell.kind)


def test_the_weeks_switch_changes_the_number_of_cells(qtbot, view, demo):
    view.show_client(demo.improver_id)
    assert len(view.strip.cells) == 12
    view.weeks_combo.setCurrentIndex(view.weeks_combo.findText("Last 26 weeks"))
    assert len(view.strip.cells) == 26
    assert view.strip.cells[-1].current
    view.weeks_combo.setCurrentIndex(view.weeks_combo.findText("Last 52 weeks"))
    assert len(view.strip.cells) == 52
    view.weeks_combo.setCurrentIndex(view.weeks_combo.findText("All weeks"))
    first = view.data.totals.first_session
    expected = (monday(DEMO_TODAY) - monday(first)) // timedelta(weeks=1) + 1
    assert len(view.strip.cells) == expected
    assert view.strip.cells[0].week_start == monday(first)


def test_a_long_strip_scrolls_to_the_latest_weeks(qtbot, view, demo):
    view.resize(700, 700)
    view.show_client(demo.improver_id)
    view.weeks_combo.setCurrentIndex(view.weeks_combo.findText("Last 52 weeks"))
    bar = view.strip_scroll.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.value() == bar.maximum()


def test_building_waits_until_the_tab_is_shown(qtbot, db, demo):
    from practice.ui.prep_page import PrepPage

    view = PrepPage(db, today=DEMO_TODAY)
    qtbot.addWidget(view)
    view.show_client(demo.drifter_id)  # hidden: nothing built yet
    assert view.data is None
    view.show()
    assert view.data is not None and view.data.header.client_id == demo.drifter_id


def test_flags_show_as_badges_with_words(view, demo):
    view.show_client(demo.cannot_postpone_id)
    assert view.cannot_postpone_badge.isVisible()
    assert view.cannot_postpone_badge.text() == "⚠ Cannot postpone treatment"
    assert not view.conditional_badge.isVisible()
    view.show_client(demo.conditional_id)
    assert not view.cannot_postpone_badge.isVisible()
    assert view.conditional_badge.text() == "Conditional sessions on since Fri 24 Jan"
    assert any(c.conditional for c in view.strip.cells)


def test_start_session_asks_for_the_next_appointment(qtbot, view, demo):
    view.show_client(demo.drifter_id)
    expected = view.data.header.next_appointment.id
    assert "Next session: Thu 13 Mar, " in view.details_label.text()
    with qtbot.waitSignal(view.start_session) as started:
        qtbot.mouseClick(view.start_button, LEFT)
    assert started.args == [expected]


def test_print_summary_previews_a_one_page_pdf(qtbot, view, demo):
    view.show_client(demo.improver_id)
    dialog = view.print_summary()
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 1
    assert dialog.pdf.startswith(b"%PDF")
    assert dialog.windowTitle() == "Prep summary — Quintero, Marisol (Mari)"
    # the paper can be switched, and the PDF shown (and saved) follows it
    for paper, size in (("letter", (612, 792)), ("a4", (595, 842))):
        dialog.paper_box.setCurrentIndex(dialog.paper_box.findData(paper))
        box = PdfReader(io.BytesIO(dialog.pdf)).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size
        assert dialog.page_count() == 1
    dialog.close()


def test_conditional_sessions_button_opens_the_guarded_dialog(qtbot, view, demo):
    view.show_client(demo.conditional_id)
    dialog = view.open_conditional()
    qtbot.addWidget(dialog)
    # The period is on: the dialog offers to end it; ending updates the header
    with qtbot.waitSignal(view.changed):
        qtbot.mouseClick(dialog.end_button, LEFT)
    assert not view.conditional_badge.isVisible()
    assert view.data.header.conditional is None


# ---- the header in a narrow pane, the actions always in view ---------------------------


def _both_flags(db, demo) -> int:  # type: ignore[no-untyped-def]
    from practice.services import conditional

    with db.session() as s:
        conditional.open_period(
            s,
            demo.cannot_postpone_id,
            reason="Agreed after the ladder was tried.",
            agreed_on=DEMO_TODAY,
            override_reason="Risk managed with weekly calls and a crisis plan agreed in writing.",
            consulted="Dr A. Ruiz, clinical supervisor",
            risk_confirmed=True,
            today=DEMO_TODAY,
        )
    return int(demo.cannot_postpone_id)


def test_both_flags_fit_a_narrow_pane_without_widening_the_page(qtbot, view, db, demo):
    # Given a client who cannot postpone treatment and has conditional sessions on
    client = _both_flags(db, demo)
    # When the prep is shown in a pane just wide enough for the rest of the page
    view.resize(720, 600)
    view.show_client(client)
    qtbot.wait(10)
    # Then both badges are shown inside the pane, and nothing scrolls sideways
    for badge in (view.cannot_postpone_badge, view.conditional_badge):
        assert badge.isVisible()
        right = badge.mapTo(view.scroll_area.viewport(), badge.rect().topRight()).x()
        assert right <= view.scroll_area.viewport().width()
    assert view.scroll_area.horizontalScrollBar().maximum() == 0


def test_start_session_stays_in_view_when_the_page_is_scrolled(qtbot, view, demo):
    started: list[int] = []
    view.start_session.connect(started.append)
    view.resize(900, 500)
    view.show_client(demo.improver_id)
    qtbot.wait(10)
    # When the therapist scrolls down to the last session note
    bar = view.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.keyClick(view.scroll_area.viewport(), Qt.Key.Key_End)
    bar.setValue(bar.maximum())
    qtbot.wait(10)
    # Then Start session is still on screen, and a click on it starts the session
    assert not view.start_button.visibleRegion().isEmpty()
    qtbot.mouseClick(view.start_button, LEFT)
    assert started == [view.data.header.next_appointment.id]


def test_conditional_sessions_on_is_said_once(view, demo):
    view.show_client(demo.conditional_id)
    text = view.suggestion_label.text()
    assert text.count("Conditional sessions are on") == 1
    assert "Conditional sessions on since" in view.conditional_badge.text()


def test_suggestion_reasons_show_tried_dates_like_every_other_date():
    from practice.domain.suggestions import Suggestion
    from practice.ui.prep_sections import suggestion_html

    # Given a suggestion whose reasons name when a step was last tried (stored as ISO)
    s = Suggestion(
        None, "Keep going", "Praise the effort.", ("Already tried: X (2026-11-10).",), ()
    )
    html = suggestion_html(s)
    # Then the day reads "Tue 10 Nov 2026", never "2026-11-10"
    assert "Already tried: X (Tue 10 Nov 2026)." in html and "2026-11-10" not in html
