"""The mouse wheel scrolls the page, never a value under the pointer by accident: a
spin box, combo box or slider inside a scroll area never takes the wheel, focused or not
(issue 16: goal ratings changed while the Measures step was scrolled; the re-check found a
just-typed, still focused rating going from 4 to 1 as the page was scrolled)."""

from __future__ import annotations

from _homework_data import last_week_homework
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from test_measures_panel import _to_measures

from practice.services import measures
from practice.services.measures import GoalInput

LEFT = Qt.MouseButton.LeftButton


def wheel(widget: QWidget, at: QPoint, clicks: int = -1) -> None:
    """Turn the wheel ``clicks`` notches (positive: away from the user, scrolling up)
    with the pointer at ``at`` in ``widget``: delivered to the widget under the pointer,
    then to its parents while nobody took it, as QApplication does for the real wheel."""
    target: QWidget | None = widget.childAt(at) or widget
    global_at = QPointF(widget.mapToGlobal(at))
    while target is not None:
        event = QWheelEvent(
            QPointF(target.mapFromGlobal(global_at)),
            global_at,
            QPoint(0, 0),
            QPoint(0, 120 * clicks),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        taken = QApplication.sendEvent(target, event)
        if taken and event.isAccepted() or target.isWindow():
            return
        target = target.parentWidget()


def test_the_wheel_over_a_goal_rating_focused_or_not_scrolls_the_page(qtbot, main_window, db):
    data = last_week_homework(db)
    with db.session() as s:
        measures.set_goals(
            s, data.client_id, [GoalInput("Sleep 7 hours", True), GoalInput("Worry less", False)]
        )
    panel = main_window.open_session(data.today)
    panel.resize(1024, 600)
    qtbot.waitExposed(panel)
    panel.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    step = _to_measures(qtbot, panel)
    first, second = step.goal_rows
    bar = step.scroll_area.verticalScrollBar()
    step.scroll_area.ensureWidgetVisible(first.rating)
    qtbot.mouseClick(first.rating.lineEdit(), LEFT)  # the first rating chosen, typed into
    qtbot.keyClick(first.rating, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(first.rating, "4")
    assert first.rating.hasFocus() and first.value == 4
    bar.setValue(bar.maximum() // 2)  # the page halfway down, the second rating in view
    step.scroll_area.ensureWidgetVisible(second.rating)
    before = bar.value()
    assert before > 0
    # When the wheel turns with the pointer over the second (unfocused) rating
    wheel(second.rating, second.rating.rect().center(), clicks=2)  # up: towards 0
    # Then its value is unchanged and the page scrolled up instead
    assert second.value is None and second.rating.text() == "Not rated"
    assert bar.value() < before
    assert first.value == 4  # the focused one was not touched either
    # And the wheel over the focused rating (just typed into) leaves it too: the page scrolls
    bar.setValue(bar.maximum() // 2)
    step.scroll_area.ensureWidgetVisible(first.rating)
    assert first.rating.hasFocus()
    before = bar.value()
    clicks = 2 if before > 0 else -2  # towards where the page can still go
    wheel(first.rating, first.rating.rect().center(), clicks=clicks)
    assert first.value == 4 and first.rating.text() == "4"
    assert bar.value() != before
    # A click gives the second rating the focus; the wheel never does
    assert second.rating.focusPolicy() == Qt.FocusPolicy.StrongFocus
    panel.grab().save("/work/shots/gui16/wheel_measures_step_1024.png")


def test_the_done_step_says_each_goal_rating(qtbot, main_window, db):
    data = last_week_homework(db)
    with db.session() as s:
        measures.set_goals(
            s, data.client_id, [GoalInput("Sleep 7 hours", True), GoalInput("Worry less", False)]
        )
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    panel.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    step = _to_measures(qtbot, panel)
    for row, value in zip(step.goal_rows, ("4", "7"), strict=True):
        step.scroll_area.ensureWidgetVisible(row.rating)
        qtbot.mouseClick(row.rating.lineEdit(), LEFT)
        qtbot.keyClick(row.rating, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(row.rating, value)
    rect = panel.step_list.visualItemRect(panel.step_list.item(5))
    qtbot.mouseClick(panel.step_list.viewport(), LEFT, pos=rect.center())
    summary = panel.done_step.summary.toPlainText()
    assert "Goal 1: 4 of 10 (Sleep 7 hours)" in summary
    assert "Goal 2: 7 of 10 (Worry less)" in summary
    assert "rated" not in summary
    panel.resize(1366, 768)
    panel.grab().save("/work/shots/gui16/done_goal_ratings_1366.png")


def test_outside_a_scroll_area_a_spin_box_keeps_qts_wheel(qtbot, main_window):
    from PySide6.QtWidgets import QSpinBox, QVBoxLayout

    # Given the wheel guard installed (the main window) and a spin box on a plain window
    window = QWidget()
    qtbot.addWidget(window)
    box = QSpinBox()
    box.setRange(0, 10)
    box.setValue(4)
    QVBoxLayout(window).addWidget(box)
    window.show()
    qtbot.waitExposed(window)
    # When the wheel turns over it (no page to scroll instead)
    wheel(box, box.rect().center(), clicks=1)
    # Then Qt's own behaviour stays: the value changes
    assert box.value() == 5
