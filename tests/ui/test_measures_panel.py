"""Outcome measures in the session panel: the Measures step, the risk alert of PHQ-9
question 9 at once, and finishing with the measures recorded (issue 16)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from _homework_data import click, last_week_homework
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from practice.domain.measures import MeasureKind, MeasureSource
from practice.services import audit, clients, measures, session_flow
from practice.services.measures import GoalInput
from practice.ui.dates import day_text
from practice.ui.risk_alert_dialog import RiskAlertDialog

LEFT = Qt.MouseButton.LeftButton


def when_alert_shows(act: Callable[[RiskAlertDialog], None], seen: list[str]) -> None:
    """When the risk alert dialog is the active modal window, run ``act`` on it."""
    tries = [0]

    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RiskAlertDialog):
            tries[0] += 1
            if tries[0] < 250:
                QTimer.singleShot(20, check)
            return
        seen.append("shown")
        act(dialog)

    QTimer.singleShot(0, check)


def acknowledge_with_note(qtbot, note: str, seen: list[str]) -> Callable[[RiskAlertDialog], None]:  # type: ignore[no-untyped-def]
    def act(dialog: RiskAlertDialog) -> None:
        seen.append(dialog.question.text())
        seen.append(dialog.answer.text())
        # Acknowledge with no note: refused, said by the field
        qtbot.mouseClick(dialog.acknowledge_button, LEFT)
        seen.append(dialog.note_error.text() if dialog.note_error.isVisible() else "")
        assert dialog.isVisible()
        qtbot.keyClicks(dialog.note, note)
        seen.append("ticked" if dialog.flag.isChecked() else "not ticked")
        click(qtbot, dialog.flag)  # the therapist's own tick
        qtbot.mouseClick(dialog.acknowledge_button, LEFT)

    return act


def _to_measures(qtbot, panel):  # type: ignore[no-untyped-def]
    row = [panel.step_list.item(i).text() for i in range(panel.step_list.count())].index(
        "5   Measures"
    )
    rect = panel.step_list.visualItemRect(panel.step_list.item(row))
    qtbot.mouseClick(panel.step_list.viewport(), LEFT, pos=rect.center())
    assert panel.stack.currentWidget() is panel.measures_step
    return panel.measures_step


def test_question_9_above_0_opens_the_alert_at_once_and_acknowledging_marks_the_client(
    qtbot, main_window, db
):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    step = _to_measures(qtbot, panel)
    phq9 = step.phq9
    # When the therapist ticks questions 1–8, leaving question 4 unanswered
    for number, value in ((1, 2), (2, 2), (3, 1), (5, 1), (6, 2), (7, 1), (8, 0)):
        click(qtbot, phq9.rows[number - 1].buttons[value])
    assert phq9.score_label.text().startswith("Total 12 of 27 · moderate")
    assert "prorated" in phq9.score_label.text()
    assert phq9.risk_prompt.isVisible()
    assert phq9.risk_prompt.text() == "Item 9 not answered: ask"
    # And question 9 "Several days" (1): the alert opens now, not at the end
    seen: list[str] = []
    when_alert_shows(acknowledge_with_note(qtbot, "Asked about plans; none.", seen), seen)
    click(qtbot, phq9.rows[8].buttons[1])
    assert seen[0] == "shown"
    assert seen[1] == (
        "“Thoughts that you would be better off dead or of hurting yourself in some way”"
    )
    assert seen[2] == "Answer: Several days (1)"
    assert seen[3] == "Write what was done about the answer to question 9."
    assert seen[4] == "not ticked"  # not marked yet: offered, never pre-ticked
    # Then the PHQ-9 is in the database with question 4 unanswered, from this session
    with db.session() as s:
        [measure] = measures.measures_for(s, data.client_id)
        assert measure.kind is MeasureKind.PHQ9 and measure.source is MeasureSource.SESSION
        assert measure.appointment_id == data.today
        assert measure.answers == (2, 2, 1, None, 1, 2, 1, 0, 1)
        assert measure.prorated and measure.total == 11
        assert measures.open_alerts(s) == []
        client = clients.get(s, data.client_id)
        assert client.cannot_postpone
        # the flag's reason is a neutral line: the note stays in the alert
        assert client.cannot_postpone_reason == (
            f"Risk alert on {day_text(date.today(), year=True)} (PHQ-9 question 9)"
        )
        assert "plans" not in client.cannot_postpone_reason
        events = {(e.entity, e.action) for e in audit.list_events(s)}
        assert {
            ("risk_alert", "create"),
            ("risk_alert", "acknowledge"),
            ("client", "cannot_postpone"),
        } <= events
    # And the form stays open: question 4 can still be answered
    assert phq9.rows[3].buttons[0].isEnabled()
    click(qtbot, phq9.rows[3].buttons[0])
    assert phq9.rows[3].value == 0
    assert not step.alert_row.isVisible()


def test_an_alert_left_for_later_stays_open_and_the_step_offers_it_again(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    step = _to_measures(qtbot, panel)
    seen: list[str] = []
    when_alert_shows(lambda d: qtbot.mouseClick(d.later_button, LEFT), seen)
    # Question 9 answered first, "Nearly every day"
    click(qtbot, step.phq9.rows[8].buttons[3])
    assert seen == ["shown"]
    with db.session() as s:
        [alert] = measures.open_alerts(s, data.client_id)
        assert alert.answer == 3
    assert step.alert_row.isVisible()
    # The session is closed without finishing: the alert is still there
    panel.close()
    with db.session() as s:
        assert len(measures.open_alerts(s)) == 1


def test_finishing_records_the_gad7_and_goal_ratings_with_unanswered_kept(qtbot, main_window, db):
    data = last_week_homework(db)
    with db.session() as s:
        [goal] = measures.set_goals(s, data.client_id, [GoalInput("Sleep 7 hours", True)])
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    step = _to_measures(qtbot, panel)
    gad7 = step.gad7
    for number, value in enumerate((1, 1, 2, None, 0, 1, 3), start=1):
        if value is not None:
            click(qtbot, gad7.rows[number - 1].buttons[value])
    # a mistaken answer to question 4, cleared again
    click(qtbot, gad7.rows[3].buttons[2])
    qtbot.mouseClick(gad7.rows[3].clear_button, LEFT)
    assert gad7.rows[3].value is None
    assert gad7.score_label.text().startswith("Total 9 of 21 · mild")
    [row] = step.goal_rows
    row.rating.setFocus()
    qtbot.keyClick(row.rating, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(row.rating, "6")
    assert row.value == 6
    # Saved with the draft and back after closing and reopening
    panel.close()
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    assert panel.measures_step.gad7.answers == (1, 1, 2, None, 0, 1, 3)
    assert panel.measures_step.goal_rows[0].value == 6
    with db.session() as s:
        assert measures.measures_for(s, data.client_id) == []  # nothing before Finish
    click(qtbot, panel.review_step.forms[0].skip)
    subjective = next(iter(panel.note_step.section_edits.values()))
    qtbot.keyClicks(subjective, "Measures taken.")
    rect = panel.step_list.visualItemRect(panel.step_list.item(5))
    qtbot.mouseClick(panel.step_list.viewport(), LEFT, pos=rect.center())
    assert panel.stack.currentWidget() is panel.done_step
    summary = panel.done_step.summary.toPlainText()
    assert "GAD-7: 9 of 21, mild (prorated)" in summary
    assert "Goal 1: 6 of 10 (Sleep 7 hours)" in summary and "PHQ-9" not in summary
    qtbot.mouseClick(panel.next_button, LEFT)
    with db.session() as s:
        found = {m.kind: m for m in measures.measures_for(s, data.client_id)}
    assert set(found) == {MeasureKind.GAD7, MeasureKind.GOALS}
    assert found[MeasureKind.GAD7].answers == (1, 1, 2, None, 0, 1, 3)
    assert found[MeasureKind.GAD7].appointment_id == data.today
    assert found[MeasureKind.GOALS].ratings == ((goal.id, 6),)


def test_the_answers_can_be_given_with_the_keyboard(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    panel.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    step = _to_measures(qtbot, panel)
    first, second = step.phq9.rows[0], step.phq9.rows[1]
    assert first.buttons[0].hasFocus()  # the step starts on question 1
    # Space answers, the arrow keys change the answer, Tab goes on to question 2
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert first.value == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert first.value == 2 and first.buttons[2].hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in second.buttons
    assert second.value is None  # reaching a question answers nothing
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert second.value is not None
    assert step.phq9.score_label.text().startswith("Too many unanswered: 7 questions left")


def _finish(qtbot, panel):  # type: ignore[no-untyped-def]
    """Skip the homework review, write a line of note, and Finish on the Done step."""
    click(qtbot, panel.review_step.forms[0].skip)
    subjective = next(iter(panel.note_step.section_edits.values()))
    qtbot.keyClicks(subjective, "Measures taken.")
    rect = panel.step_list.visualItemRect(panel.step_list.item(5))
    qtbot.mouseClick(panel.step_list.viewport(), LEFT, pos=rect.center())
    assert panel.stack.currentWidget() is panel.done_step
    qtbot.mouseClick(panel.next_button, LEFT)


def test_after_the_alert_the_rest_is_answered_and_finish_updates_the_same_phq9(
    qtbot, main_window, db
):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    step = _to_measures(qtbot, panel)
    # Question 9 answered first, "Several days": the alert, left for later
    seen: list[str] = []
    when_alert_shows(lambda d: qtbot.mouseClick(d.later_button, LEFT), seen)
    click(qtbot, step.phq9.rows[8].buttons[1])
    assert seen == ["shown"]
    # Then questions 1–4 are answered, and the panel closed and opened again
    for number, value in ((1, 2), (2, 1), (3, 1), (4, 0)):
        click(qtbot, step.phq9.rows[number - 1].buttons[value])
    panel.close()
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    step = _to_measures(qtbot, panel)
    # The rest, and the difficulty question
    for number, value in ((5, 3), (6, 2), (7, 1), (8, 0)):
        click(qtbot, step.phq9.rows[number - 1].buttons[value])
    click(qtbot, step.phq9.difficulty.buttons[2])
    assert step.phq9.answers == (2, 1, 1, 0, 3, 2, 1, 0, 1)
    assert step.phq9.score_label.text().startswith("Total 11 of 27 · moderate")
    _finish(qtbot, panel)
    # One PHQ-9, with every answer and the right total; one alert
    with db.session() as s:
        [measure] = measures.measures_for(s, data.client_id)
        assert measure.kind is MeasureKind.PHQ9
        assert measure.answers == (2, 1, 1, 0, 3, 2, 1, 0, 1)
        assert measure.difficulty == 2
        assert measure.total == 11 and not measure.prorated
        [alert] = measures.open_alerts(s, data.client_id)
        assert alert.measure_id == measure.id and alert.answer == 1
        assert ("measure", "update") in {(e.entity, e.action) for e in audit.list_events(s)}


def test_a_correction_of_question_9_after_the_alert_updates_the_stored_answer(
    qtbot, main_window, db
):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    qtbot.waitExposed(panel)
    step = _to_measures(qtbot, panel)
    seen: list[str] = []
    when_alert_shows(lambda d: qtbot.mouseClick(d.later_button, LEFT), seen)
    click(qtbot, step.phq9.rows[8].buttons[2])  # a mis-tap: "More than half the days"
    assert seen == ["shown"]
    # Corrected to "Several days": stored at once, no second alert
    click(qtbot, step.phq9.rows[8].buttons[1])
    assert QApplication.activeModalWidget() is None
    with db.session() as s:
        [measure] = measures.measures_for(s, data.client_id)
        assert measure.answers[8] == 1
        [alert] = measures.open_alerts(s, data.client_id)
        assert alert.answer == 2  # the alert raised stays as it was raised
        draft = session_flow.load_draft(s, data.today)
    assert draft is not None and draft.measures.phq9[8] == 1
    assert draft.measures.phq9_measure_id == measure.id


def test_a_preparation_draft_takes_no_measures(qtbot, main_window, db, monkeypatch):
    data = last_week_homework(db)
    # "Prepare this session?" answered Yes
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes
    )
    panel = main_window.open_session(data.next_week)
    qtbot.waitExposed(panel)
    assert panel.preparation_label.isVisible()
    step = _to_measures(qtbot, panel)
    assert not step.phq9.isVisible() and not step.gad7.isVisible()
    assert not step.goals_box.isVisible()
    assert step.preparation_note.isVisible()
    assert step.preparation_note.text() == (
        "Measures are taken in the session itself, with the client."
    )
