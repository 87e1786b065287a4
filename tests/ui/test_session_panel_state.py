"""The session panel keeps what it shows current: the header's appointment status after
the session is saved, and a required choice's message goes once it is made."""

from __future__ import annotations

from _homework_data import answer_running, click, last_week_homework
from PySide6.QtCore import Qt

LEFT = Qt.MouseButton.LeftButton


def _finish_with_new_homework(qtbot, main_window, db):  # type: ignore[no-untyped-def]
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
    panel.go_to(5)
    # When the session is finished
    seen: list[str] = []
    answer_running(qtbot, "Keep both", seen)
    qtbot.mouseClick(panel.next_button, LEFT)
    assert panel.handed_over  # the panel stays on Done for the handover
    return panel


def test_the_header_says_attended_once_the_session_is_finished(qtbot, main_window, db):
    panel = _finish_with_new_homework(qtbot, main_window, db)
    # Then its header no longer says "scheduled"
    assert panel.status_label.text().endswith("·  attended")


def test_the_paper_chosen_in_the_preview_is_the_done_steps_and_remembered(qtbot, main_window, db):
    from practice.ui.session_steps.done_step import DoneStep

    panel = _finish_with_new_homework(qtbot, main_window, db)
    done = panel.done_step
    chosen = done.paper_box.currentData()
    # When the sheet is previewed from Done, it is on Done's paper
    [row] = done.rows
    qtbot.mouseClick(row.preview_button, LEFT)
    preview = row.preview
    assert preview is not None and preview.isVisible()
    assert preview.paper_box.currentData() == chosen
    # When the other paper is chosen in the preview
    other_key = Qt.Key.Key_Down if preview.paper_box.currentIndex() == 0 else Qt.Key.Key_Up
    qtbot.keyClick(preview.paper_box, other_key)
    other = preview.paper_box.currentData()
    assert other != chosen
    # Then Done says the same, and the next Done step starts on it
    assert done.paper_box.currentData() == other
    assert done.paper_box.currentText() == preview.paper_box.currentText()
    later = DoneStep()
    qtbot.addWidget(later)
    assert later.paper_box.currentData() == other


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
