"""The session panel asks before the surprising things: a preparation draft for a later
day, finishing without a note, a record never said brought, and a draft left on a
cancelled appointment (move it, keep it, discard it)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from _homework_data import click, last_week_homework, local
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QPushButton
from sqlalchemy import func, select

from practice.db.models import AuditEvent, HomeworkReview, SessionNote
from practice.domain.vocabulary import (
    AppointmentStatus,
    CallDecision,
    CallOutcome,
    LiteracyLevel,
    NoteFormat,
)
from practice.services import appointments, session_flow
from practice.ui.dates import day_text
from practice.ui.session_steps.note_step import format_label
from practice.ui.session_steps.resistance_step import GROUP_TITLES

LEFT = Qt.MouseButton.LeftButton
Yes, No, Cancel = (
    QMessageBox.StandardButton.Yes,
    QMessageBox.StandardButton.No,
    QMessageBox.StandardButton.Cancel,
)


class Questions(list[tuple[str, str, object]]):
    """QMessageBox.question calls: (title, text, default button); answers in order."""

    answers: list[QMessageBox.StandardButton]


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    asked = Questions()
    asked.answers = []

    def question(_parent, title, text, _buttons=None, default=None):  # type: ignore[no-untyped-def]
        asked.append((title, text, default))
        return asked.answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def _sessions_tab(qtbot, window):  # type: ignore[no-untyped-def]
    """Click Lucía in the client list, then the Sessions tab."""
    page = window.clients_page
    window.show_page(page)
    page.refresh()
    table, proxy = page.client_list.table, page.client_list.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Ficticia, Lucía")
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualRect(proxy.index(row, 0)).center())
    workspace = page.workspace
    bar = workspace.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(workspace.indexOf(workspace.sessions)).center())
    return workspace.sessions


def _select(qtbot, sessions, appointment_id: int) -> None:  # type: ignore[no-untyped-def]
    model = sessions.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == appointment_id)
    cell = sessions.table.visualRect(model.index(row, 0)).center()
    qtbot.mouseClick(sessions.table.viewport(), LEFT, pos=cell)
    assert sessions.selected().id == appointment_id


def _start_from_sessions_tab(qtbot, window, appointment_id: int):  # type: ignore[no-untyped-def]
    """Open Lucía's Sessions tab, select the appointment, click Start session."""
    sessions = _sessions_tab(qtbot, window)
    _select(qtbot, sessions, appointment_id)
    qtbot.mouseClick(sessions.start_button, LEFT)
    return sessions


def _activate(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    """Make the panel the active window, so its keyboard shortcuts reach it."""
    qtbot.waitExposed(panel)
    panel.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)


# ---- point 8: "Brought the record" starts unset --------------------------------------


def test_brought_starts_unset_and_must_be_chosen_before_going_on(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    _activate(qtbot, panel)
    form = panel.review_step.forms[0]
    # Given a new review: neither Yes nor No is chosen
    assert not form.brought_yes.isChecked() and not form.brought_no.isChecked()
    click(qtbot, form.completion.button(3))
    # When Next is clicked, the step does not advance and says why, by the field
    qtbot.mouseClick(panel.next_button, LEFT)
    assert panel.stack.currentWidget() is panel.review_step
    message = form._errors["brought"]
    assert message.isVisible()
    assert message.text() == "Choose Yes or No: did the client bring the record?"
    assert "Brought the record" in panel.status.text()
    # When No is chosen, Next goes on, and "No" is what is saved
    click(qtbot, form.brought_no)
    qtbot.mouseClick(panel.next_button, LEFT)
    assert panel.stack.currentWidget() is panel.note_step
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Forgot the sheet.")
    qtbot.keyClick(panel, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert data.today not in main_window.session_panels, panel.status.text()
    with db.session() as s:
        review = s.scalars(select(HomeworkReview)).one()
    assert (review.brought, review.completion) == (False, 3)


# ---- point 7: finishing with an empty note asks, default No --------------------------


def test_ctrl_enter_with_an_empty_note_asks_and_no_keeps_the_panel(
    qtbot, main_window, db, questions
):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    _activate(qtbot, panel)
    form = panel.review_step.forms[0]
    click(qtbot, form.brought_yes)
    click(qtbot, form.completion.button(4))
    # Given the note left empty, on the last step
    qtbot.keyClick(panel, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert panel.stack.currentWidget() is panel.done_step
    # When Ctrl+Enter is pressed, it asks, with No as the default; No keeps everything
    questions.answers = [No]
    qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert questions == [
        (
            "Finish without a note?",
            "The session note is empty. Finish without a note?\n\n"
            "Choose No to go back and write it.",
            No,
        )
    ]
    assert data.today in main_window.session_panels
    assert panel.stack.currentWidget() is panel.note_step
    with db.session() as s:
        assert s.scalar(select(func.count(HomeworkReview.id))) == 0
        assert appointments.get(s, data.today).status is AppointmentStatus.SCHEDULED
    # When the Finish button is clicked and the answer is Yes, it finishes without a note
    qtbot.keyClick(panel, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    questions.answers = [Yes]
    qtbot.mouseClick(panel.next_button, LEFT)
    assert len(questions) == 2
    assert data.today not in main_window.session_panels
    with db.session() as s:
        assert s.scalar(select(func.count(HomeworkReview.id))) == 1
        assert (
            s.scalar(
                select(func.count(SessionNote.id)).where(SessionNote.appointment_id == data.today)
            )
            == 0
        )


def test_a_written_note_finishes_without_asking(qtbot, main_window, db, questions):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    _activate(qtbot, panel)
    click(qtbot, panel.review_step.forms[0].skip)
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.keyClicks(panel.note_step.section_edits["Subjective"], "Came on time.")
    qtbot.keyClick(panel, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert questions == []
    assert data.today not in main_window.session_panels


# ---- point 5: a later appointment is a preparation --------------------------------


def test_starting_a_later_appointment_says_it_is_a_preparation(
    qtbot, main_window, db, questions, message_boxes
):
    data = last_week_homework(db)
    nine = local(date.today() + timedelta(days=7), 9)
    when = f"{day_text(nine.date())} at 09:00"
    # When Start session is clicked on next week's appointment and the therapist cancels
    questions.answers = [Cancel]
    _start_from_sessions_tab(qtbot, main_window, data.next_week)
    # Then it said so first, and nothing opened or was kept
    [(title, text, default)] = questions
    assert title == "Prepare this session?"
    assert text.startswith(f"This appointment is on {when}.")
    assert "preparation draft" in text and default == Yes
    assert data.next_week not in main_window.session_panels
    with db.session() as s:
        assert session_flow.load_draft(s, data.next_week) is None
    # When they go ahead, the panel shows the banner
    questions.answers = [Yes]
    qtbot.mouseClick(main_window.clients_page.workspace.sessions.start_button, LEFT)
    panel = main_window.session_panels[data.next_week]
    _activate(qtbot, panel)
    assert panel.preparation_label.isVisible()
    assert panel.preparation_label.text() == (
        f"Preparation — this appointment is on {when}; you can finish it from then"
    )
    # And Finish (Ctrl+Enter on Done) is refused with the same day, the draft kept
    click(qtbot, panel.review_step.forms[0].brought_yes)
    qtbot.keyClick(panel, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    [(box_title, box_text)] = message_boxes
    assert box_title == "Not yet: this is a preparation"
    assert f"the appointment is on {nine:%a} {nine.day} {nine:%b} at 09:00" in box_text
    assert "your draft is kept" in box_text
    assert data.next_week in main_window.session_panels
    with db.session() as s:
        assert appointments.get(s, data.next_week).status is AppointmentStatus.SCHEDULED
        kept = session_flow.load_draft(s, data.next_week)
    assert kept is not None and kept.reviews[0].brought is True
    # Today's appointment is no preparation: no question, no banner
    questions.answers = []
    today = main_window.open_session(data.today)
    assert not today.preparation_label.isVisible()


# ---- point 6: a draft left on a cancelled appointment ------------------------------


def _draft_with_private_note(qtbot, window, db, appointment_id: int) -> None:  # type: ignore[no-untyped-def]
    panel = window.open_session(appointment_id)
    qtbot.waitExposed(panel)
    qtbot.mouseClick(panel.next_button, LEFT)  # blocked: brought not chosen
    click(qtbot, panel.review_step.forms[0].brought_yes)
    qtbot.mouseClick(panel.next_button, LEFT)
    qtbot.keyClicks(panel.note_step.private_note, "I felt rushed.")
    # the panel is left open: cancelling closes it, keeping what was typed


def _answer_draft_question(qtbot, button_text: str, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text() + "\n" + box.informativeText())
        seen.extend(b.text() for b in box.buttons())
        seen.append("default: " + box.defaultButton().text())
        button = next(b for b in box.buttons() if b.text().startswith(button_text))
        assert isinstance(button, QPushButton)
        qtbot.mouseClick(button, LEFT)

    QTimer.singleShot(0, answer)


def _cancel_in_sessions_tab(qtbot, window, appointment_id: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    sessions = _sessions_tab(qtbot, window)
    _select(qtbot, sessions, appointment_id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Ill", True))
    qtbot.mouseClick(sessions.status_buttons[AppointmentStatus.CANCELLED_BY_CLIENT], LEFT)


def test_cancelling_offers_to_move_the_draft_to_the_next_appointment(
    qtbot, main_window, db, monkeypatch
):
    data = last_week_homework(db)
    _draft_with_private_note(qtbot, main_window, db, data.today)
    seen: list[str] = []
    nine = local(date.today() + timedelta(days=7), 9)
    move = f"Move to {day_text(nine.date())} at 09:00"
    _answer_draft_question(qtbot, move, seen)
    # When today's appointment is cancelled in the client's Sessions tab
    _cancel_in_sessions_tab(qtbot, main_window, data.today, monkeypatch)
    # Then it asked: move (the default), keep, or discard
    assert seen[0].startswith(
        "The cancelled appointment still holds a session draft, private note included."
    )
    assert seen[1:] == [move, "Keep it here", "Discard it", f"default: {move}"]
    # And the draft, private note included, is now next week's, audited
    assert data.today not in main_window.session_panels
    with db.session() as s:
        assert appointments.get(s, data.today).status is AppointmentStatus.CANCELLED_BY_CLIENT
        assert session_flow.load_draft(s, data.today) is None
        moved = session_flow.load_draft(s, data.next_week)
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "move")).all()
    assert moved is not None and moved.note.private_note == "I felt rushed."
    assert [(e.entity, e.entity_id) for e in events] == [("session_draft", data.next_week)]


def test_cancelling_can_discard_the_draft(qtbot, main_window, db, monkeypatch):
    data = last_week_homework(db)
    _draft_with_private_note(qtbot, main_window, db, data.today)
    seen: list[str] = []
    _answer_draft_question(qtbot, "Discard it", seen)
    _cancel_in_sessions_tab(qtbot, main_window, data.today, monkeypatch)
    assert seen
    with db.session() as s:
        assert session_flow.load_draft(s, data.today) is None
        assert session_flow.load_draft(s, data.next_week) is None
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "discard")).all()
    assert [(e.entity, e.entity_id) for e in events] == [("session_draft", data.today)]


def test_cancelling_without_a_draft_asks_nothing(qtbot, main_window, db, monkeypatch):
    data = last_week_homework(db)
    _cancel_in_sessions_tab(qtbot, main_window, data.today, monkeypatch)  # no modal: no hang
    with db.session() as s:
        assert appointments.get(s, data.today).status is AppointmentStatus.CANCELLED_BY_CLIENT


# ---- point 18: wording ------------------------------------------------------------


def test_the_panel_words_behavior_one_way_and_says_which_level_is_simpler(qtbot, main_window, db):
    data = last_week_homework(db)
    panel = main_window.open_session(data.today)
    _activate(qtbot, panel)
    click(qtbot, panel.review_step.forms[0].brought_yes)
    qtbot.mouseClick(panel.next_button, LEFT)
    note = panel.note_step
    note.format.setCurrentIndex(note.format.findData(NoteFormat.BIRP))
    shown = [w.text() for w in note.findChildren(type(note.signed_notice))]
    # One spelling of Behavior in the format list, the BIRP section and the resistance groups
    assert "Behavior" in format_label(NoteFormat.BIRP)
    assert "Behavior" in shown and "Behaviour" not in " ".join(shown)
    assert "Behavior" in GROUP_TITLES.values()
    # The plan beside the note is not a second "Plan"
    assert "Plan for next time" not in shown
    assert "To pick up next session" in shown
    # The level list says which is simpler
    qtbot.keyClick(panel, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(panel.assign_step.add_button, LEFT)
    level = panel.assign_step.cards[0].form.level
    assert [level.itemText(i) for i in range(level.count())] == [
        "Standard",
        "Plain — simpler words",
        "Easy — short sentences, pictures",
        "Pictorial — mostly pictures",
    ]
    assert level.itemData(1) == LiteracyLevel.PLAIN


def test_a_day_before_call_that_cancels_also_asks_about_the_draft(qtbot, db, monkeypatch):
    from practice.services.demo import seed_demo
    from practice.ui.today_page import TodayPage

    # Given the demo's conditional client, whose session tomorrow has a prepared draft
    wednesday = date(2025, 3, 12)
    with db.session() as s:
        seed_demo(s, today=wednesday)
    page = TodayPage(db, day=wednesday)
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    row = page.call_rows[0]
    appointment_id = row.call.appointment.id
    with db.session() as s:
        draft = session_flow.start(s, appointment_id)
        note = replace(draft.note, private_note="Prepared questions.")
        session_flow.save_draft(s, replace(draft, note=note))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: Yes)  # "Cancel the session?"
    # When the call is logged as not done, cancel, and the draft question answered Discard
    qtbot.mouseClick(row.log_button, LEFT)
    dialog = page.call_dialog
    click(qtbot, dialog.button_for(CallOutcome.NOT_DONE))
    click(qtbot, dialog.button_for(CallDecision.CANCEL))
    seen: list[str] = []
    _answer_draft_question(qtbot, "Discard it", seen)
    qtbot.mouseClick(dialog.save_button, LEFT)
    # Then it asked about the draft, and the draft is gone, audited
    assert seen[0].startswith("The cancelled appointment still holds a session draft")
    with db.session() as s:
        status = appointments.get(s, appointment_id).status
        assert status is AppointmentStatus.CANCELLED_NO_SELF_RECORD
        assert session_flow.load_draft(s, appointment_id) is None
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "discard")).all()
    assert [e.entity_id for e in events] == [appointment_id]
