"""The session panel keeps what it shows current: the header's appointment status after
the session is saved, and a required choice's message goes once it is made."""

from __future__ import annotations

from _homework_data import answer_running, click, last_week_homework
from PySide6.QtCore import Qt

LEFT = Qt.MouseButton.LeftButton


def test_the_header_says_attended_once_the_session_is_finished(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    assert panel.status_label.text().endswith("·  scheduled")
    # Given a reviewed homework, a note and a new assignment
    form = panel.review_step.forms[0]
    click(qtbot, form.brought_yes)
    click(qtbot, form.completion.button(3))
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Came on time.")
    panel.go_to(3)
    qtbot.mouseClick(panel.assign_step.add_button, LEFT)
    panel.go_to(4)
    # When the session is finished
    seen: list[str] = []
    answer_running(qtbot, "Keep both", seen)
    qtbot.mouseClick(panel.next_button, LEFT)
    # Then the panel stays on Done for the handover, its header no longer "scheduled"
    assert panel.handed_over
    assert panel.status_label.text().endswith("·  attended")


def test_choosing_yes_clears_the_brought_the_record_message(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    form = panel.review_step.forms[0]
    # Given Next clicked before "Brought the record" was answered
    qtbot.mouseClick(panel.next_button, LEFT)
    message = form._errors["brought"]
    assert message.isVisible() and message.text()
    # When Yes is picked
    click(qtbot, form.brought_yes)
    # Then the message is gone at once
    assert not message.isVisible()
    assert panel.current == 0
