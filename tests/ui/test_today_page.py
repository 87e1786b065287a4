"""The Today view on the demo practice, used as a therapist would each morning."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from practice.db.models import Appointment, DayBeforeCheck, ReminderLog
from practice.domain.vocabulary import AppointmentStatus, CallDecision, CallOutcome
from practice.services.demo import seed_demo

DEMO_TODAY = date(2025, 3, 12)  # a Wednesday; the conditional client comes on Thursday
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return seed_demo(s, today=DEMO_TODAY)


@pytest.fixture
def view(qtbot, db, demo):  # type: ignore[no-untyped-def]
    from practice.ui.today_page import TodayPage

    widget = TodayPage(db, day=DEMO_TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 720)
    widget.show()
    return widget


def choose(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    """Click a radio button on its indicator (a click on empty space beside it misses)."""
    qtbot.mouseClick(button, LEFT, pos=QPoint(6, button.height() // 2))


def _entry_row(view, client_id):  # type: ignore[no-untyped-def]
    for i in range(view.tree.topLevelItemCount()):
        item = view.tree.topLevelItem(i)
        entry = view.tree.entry(item)
        if entry is not None and entry.appointment.client_id == client_id:
            return item, entry
    raise AssertionError("no row for that client")


def test_the_day_at_a_glance(view, demo):
    # Given the demo practice on its Wednesday
    # Then the summary counts what the therapist has to do, and tomorrow lists the
    # conditional client's session with its call due
    assert view.summary.text() == (
        "2 appointments on Wed 12 Mar · 3 on Thu 13 Mar · 5 reminders to send · "
        "1 call to make · "
        "1 review missing"
    )
    assert len(view.data.today) == 2 and len(view.data.tomorrow) == 3
    item, entry = _entry_row(view, demo.conditional_id)
    assert entry.call_due
    assert "conditional: call due today" in item.text(3)
    assert [row.call.appointment.client_id for row in view.call_rows] == [demo.conditional_id]
    assert "Ask whether “My week” is done." in view.call_rows[0].label.text()


def test_marking_a_reminder_sent_shows_it_sent_and_can_be_undone(qtbot, view, db):
    card = view.reminder_cards[0]
    assignment_id = card.reminder.assignment.id
    assert card.sent_button.text() == "Mark sent"
    # When the therapist marks the first reminder sent
    qtbot.mouseClick(card.sent_button, LEFT)
    # Then its row shows it sent, with an undo, and the log holds it
    card = view.reminder_cards[0]
    assert card.reminder.assignment.id == assignment_id
    assert card.state.text().startswith("✓ Sent at ")
    assert card.sent_button.text() == "Undo"
    assert "4 reminders to send" in view.summary.text()
    with db.session() as s:
        sent = s.scalars(
            select(ReminderLog.sent_at).where(
                ReminderLog.assignment_id == assignment_id, ReminderLog.on_date == DEMO_TODAY
            )
        ).all()
    assert len(sent) == 1 and sent[0] is not None
    # When it was a mistake: Undo
    qtbot.mouseClick(view.reminder_cards[0].sent_button, LEFT)
    assert view.reminder_cards[0].sent_button.text() == "Mark sent"
    with db.session() as s:
        assert s.scalars(
            select(ReminderLog.sent_at).where(
                ReminderLog.assignment_id == assignment_id, ReminderLog.on_date == DEMO_TODAY
            )
        ).all() == [None]


def test_copy_text_puts_the_ready_text_on_the_clipboard(qtbot, view):
    QGuiApplication.clipboard().clear()
    card = view.reminder_cards[2]
    qtbot.mouseClick(card.copy_button, LEFT)
    assert QGuiApplication.clipboard().text() == card.reminder.text
    assert card.reminder.text.startswith("¡Hola, Rocío!")
    assert card.text.text() == card.reminder.text  # what is copied is what is shown


def test_logging_a_call_and_cancelling_cancels_the_session(qtbot, view, db, demo, monkeypatch):
    asked: list[str] = []

    def yes(*args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    appointment_id = view.call_rows[0].call.appointment.id
    # When the therapist logs the call: not done, cancel
    qtbot.mouseClick(view.call_rows[0].log_button, LEFT)
    dialog = view.call_dialog
    assert not dialog.save_button.isEnabled()  # outcome and decision are both chosen
    choose(qtbot, dialog.button_for(CallOutcome.NOT_DONE))
    choose(qtbot, dialog.button_for(CallDecision.CANCEL))
    with qtbot.waitSignal(view.changed):
        qtbot.mouseClick(dialog.save_button, LEFT)
    # Then it asked first, the session is cancelled for the missing self-record,
    # the call is no longer due, and the row says what happened
    assert "Cancelled — self-record not done" in asked[0]
    with db.session() as s:
        appointment = s.get(Appointment, appointment_id)
        assert appointment is not None
        assert appointment.status is AppointmentStatus.CANCELLED_NO_SELF_RECORD
        calls = s.scalars(
            select(DayBeforeCheck).where(DayBeforeCheck.appointment_id == appointment_id)
        ).all()
        assert [(c.outcome, c.decision) for c in calls] == [
            (CallOutcome.NOT_DONE, CallDecision.CANCEL)
        ]
    assert view.call_rows == [] and view.data.calls == ()
    item, _ = _entry_row(view, demo.conditional_id)
    assert item.text(2) == "Cancelled — self-record not done"
    assert "call: not done, cancelled" in item.text(3)
    # And the client's history strip shows the C! week
    from practice.ui.prep_page import PrepPage

    prep = PrepPage(db, today=DEMO_TODAY)
    qtbot.addWidget(prep)
    prep.show()
    prep.show_client(demo.conditional_id)
    assert prep.strip.cells[-1].mark == "C!"
    assert "cancelled" in prep.strip.tooltip(-1).lower()


def test_cancelling_waits_for_confirmation(qtbot, view, db, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    appointment_id = view.call_rows[0].call.appointment.id
    dialog = view.log_call(view.call_rows[0].call)
    dialog.choose(CallOutcome.NOT_REACHED, CallDecision.CANCEL)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible() and dialog.result_call is None
    with db.session() as s:
        assert s.get(Appointment, appointment_id).status is AppointmentStatus.SCHEDULED


def test_a_done_self_record_cannot_cancel_the_session(qtbot, view):
    dialog = view.log_call(view.call_rows[0].call)
    choose(qtbot, dialog.button_for(CallOutcome.DONE))
    assert not dialog.button_for(CallDecision.CANCEL).isEnabled()
    choose(qtbot, dialog.button_for(CallDecision.KEEP))
    with qtbot.waitSignal(view.changed):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.result_call is not None
    assert dialog.result_call.appointment_status is AppointmentStatus.SCHEDULED
    assert view.call_rows == []


def test_open_prep_and_start_session_from_an_appointment(qtbot, view, demo):
    item, entry = _entry_row(view, demo.drifter_id)
    view.tree.setCurrentItem(item)
    with qtbot.waitSignal(view.open_prep) as opened:
        qtbot.mouseClick(view.prep_button, LEFT)
    assert opened.args == [demo.drifter_id]
    with qtbot.waitSignal(view.start_session) as started:
        qtbot.mouseClick(view.session_button, LEFT)
    assert started.args == [entry.appointment.id]


def test_a_missing_review_opens_the_homework_tab_or_the_session(qtbot, view):
    row = view.missing_rows[0]
    with qtbot.waitSignal(view.open_client) as opened:
        qtbot.mouseClick(row.homework_button, LEFT)
    assert opened.args == [row.missing.appointment.client_id, "Homework"]
    with qtbot.waitSignal(view.start_session) as started:
        qtbot.mouseClick(row.review_button, LEFT)
    assert started.args == [row.missing.appointment.id]


def test_the_date_picker_shows_another_day(qtbot, view):
    qtbot.mouseClick(view.previous_button, LEFT)
    assert view.data.day == date(2025, 3, 11)
    assert view.title.text().endswith("Tuesday 11 March 2025")
    assert view.call_rows == []  # nobody under conditional sessions on Wednesday


def test_today_is_the_home_page_and_opens_the_prep(qtbot, main_window, db):
    # Given the app just started
    assert main_window.nav.item(0).text() == "Today"
    assert main_window.pages.currentWidget() is main_window.today
    with db.session() as s:
        summary = seed_demo(s, today=DEMO_TODAY)
    main_window.today.set_day(DEMO_TODAY)
    main_window.clients_page.workspace.prep.today = DEMO_TODAY
    main_window._data_changed()  # the practice appeared: every view reloads
    # When the therapist opens the prep of tomorrow's conditional client
    item, _ = _entry_row(main_window.today, summary.conditional_id)
    main_window.today.tree.setCurrentItem(item)
    qtbot.mouseClick(main_window.today.prep_button, LEFT)
    # Then the client's Prep tab is in front, built for that client
    workspace = main_window.clients_page.workspace
    assert main_window.pages.currentWidget() is main_window.clients_page
    assert workspace.currentWidget() is workspace.prep
    assert workspace.prep.data is not None
    assert workspace.prep.data.header.client_id == summary.conditional_id


def test_today_marks_a_clash_as_the_agenda_does(qtbot, db):
    from datetime import date as _date
    from datetime import datetime as _datetime
    from datetime import time as _time

    from practice.services import appointments as _appointments
    from practice.services import clients as _clients
    from practice.services.clients import ClientInput as _Input
    from practice.ui.agenda import AgendaPage
    from practice.ui.today_page import TodayPage

    # Given two appointments today that overlap (booked with "Book anyway")
    today = _date.today()
    with db.session() as s:
        ana = _clients.create(s, _Input(first_name="Marisol", last_name="Quintero")).id
        wendell = _clients.create(s, _Input(first_name="Wendell", last_name="Pryor")).id
        _appointments.schedule(s, ana, _datetime.combine(today, _time(11)).astimezone())
        _appointments.schedule(s, wendell, _datetime.combine(today, _time(11, 30)).astimezone())
    page = TodayPage(db, day=today)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    tree = page.tree
    rows = {
        tree.topLevelItem(i).text(1): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
    }
    # Then each row names the other, in the Agenda's words
    marisol = rows["Quintero, Marisol"]
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(marisol).center()
    )
    assert tree.currentItem() is marisol
    assert marisol.text(3).startswith("⚠ overlaps 11:30 Pryor")
    assert rows["Pryor, Wendell"].text(3).startswith("⚠ overlaps 11:00 Quintero")
    agenda = AgendaPage(db)
    qtbot.addWidget(agenda)
    agenda.show_week(today)
    texts = [i.text() for i in agenda.appointment_items(today.weekday())]
    assert any("⚠ overlaps 11:30 Pryor" in t for t in texts)
