"""The session panel wraps to the screen: at 1024x600 and at
1366x768 with a 150% scale (911x512 logical pixels) no step scrolls sideways, the
"cannot postpone treatment" flag is wholly visible, and a validation error scrolls up
or down to the problem, never sideways off the headings. In English and in Spanish
(its words are 20-30 % longer)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from practice.services import appointments
from practice.services.demo import seed_demo
from practice.sheets.templates import load_templates
from practice.ui import i18n
from practice.ui.session_panel import PANEL_SIZE, SessionPanel, load_context
from practice.ui.widgets import fit_to_screen

LEFT = Qt.MouseButton.LeftButton
LIBRARY = load_templates()
SCREENS = {"1024x600": QRect(0, 0, 1024, 600), "1366x768 at 150%": QRect(0, 0, 911, 512)}


@pytest.fixture(params=["en", "es"])
def language(request, _english_gui):  # type: ignore[no-untyped-def]
    """The GUI's language for the panel (English again after the test)."""
    i18n.install(request.param)
    return request.param


@pytest.fixture
def rocio_panel(qtbot, db, language):  # type: ignore[no-untyped-def]
    """Rocío's session (flagged: cannot postpone treatment), with homework to review."""
    with db.session() as s:
        demo = seed_demo(s, today=date(2025, 3, 12))
    with db.session() as s:
        week = appointments.week_agenda(s, date(2025, 3, 17))
        appointment = next(a.id for a in week if a.client_id == demo.cannot_postpone_id)
        context = load_context(s, appointment, LIBRARY)

    def make(screen: QRect) -> SessionPanel:
        panel = SessionPanel(db, LIBRARY, context)
        qtbot.addWidget(panel)
        panel.resize(*PANEL_SIZE)
        fit_to_screen(panel, screen)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return make


def _inside(panel: QWidget, widget: QWidget) -> bool:
    top_left = widget.mapTo(panel, QPoint(0, 0))
    bottom_right = widget.mapTo(panel, QPoint(widget.width() - 1, widget.height() - 1))
    return panel.rect().contains(top_left) and panel.rect().contains(bottom_right)


def _sideways(panel: QWidget) -> list[str]:
    return [
        type(area.widget()).__name__
        for area in panel.findChildren(QScrollArea)
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0
    ]


@pytest.mark.parametrize("screen_name", SCREENS)
def test_no_step_scrolls_sideways_and_the_flag_is_whole(qtbot, rocio_panel, screen_name):
    panel = rocio_panel(SCREENS[screen_name])
    # The flag is wholly on screen and as tall as its wrapped text
    assert panel.risk_flag is not None
    qtbot.waitUntil(panel.risk_flag.fits, timeout=2000)
    assert _inside(panel, panel.risk_flag)
    # Every step, reached by clicking it in the list, fits the width
    for row in range(panel.step_list.count()):
        rect = panel.step_list.visualItemRect(panel.step_list.item(row))
        qtbot.mouseClick(panel.step_list.viewport(), LEFT, pos=rect.center())
        assert panel.current == row
        qtbot.wait(10)
        assert _sideways(panel) == [], (screen_name, panel.steps[row].title)
        assert panel.layout().minimumSize().width() <= panel.width()
    # A new homework's form wraps too
    rect = panel.step_list.visualItemRect(panel.step_list.item(3))
    qtbot.mouseClick(panel.step_list.viewport(), LEFT, pos=rect.center())
    qtbot.mouseClick(panel.assign_step.add_button, LEFT)
    qtbot.wait(20)
    assert panel.assign_step.cards
    assert _sideways(panel) == [], (screen_name, "a new homework")
    # The review's heading, "Not reviewed this session" and the ladder are in the width
    qtbot.mouseClick(panel.step_list.viewport(), LEFT, pos=QPoint(20, 10))
    form = panel.review_step.forms[0]
    viewport = panel.review_step.scroller.viewport()
    for widget in (form.heading, form.skip, *form.strategies.values()):
        left = widget.mapTo(viewport, QPoint(0, 0)).x()
        assert left >= 0 and left + widget.width() <= viewport.width(), widget
    assert not form.skip.visibleRegion().isEmpty()
    assert form.skip.width() >= form.skip.sizeHint().width()  # not cut: "…sessi…"


def test_a_validation_error_does_not_scroll_the_step_sideways(qtbot, rocio_panel):
    panel = rocio_panel(SCREENS["1024x600"])
    # When Next is clicked before "Brought the record" is answered
    qtbot.mouseClick(panel.next_button, LEFT)
    # Then the step shows the error, and its heading is still at the left, not cut
    form = panel.review_step.forms[0]
    assert form._errors["brought"].isVisible()
    assert panel.review_step.scroller.horizontalScrollBar().value() == 0
    assert form.heading.mapTo(panel.review_step.scroller.viewport(), QPoint(0, 0)).x() >= 0
