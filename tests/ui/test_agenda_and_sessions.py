"""The week agenda and a client's Sessions tab, used as a therapist would."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt

from practice.domain.inputs import NoteInput
from practice.domain.vocabulary import AppointmentStatus, NoteFormat
from practice.services import appointments, clients, notes
from practice.services.clients import ClientInput


def _local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def _client(db, first="Marisol", last="Quintero") -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return clients.create(s, ClientInput(first_name=first, last_name=last)).id


def test_agenda_shows_the_week_with_today_highlighted(qtbot, db):
    from practice.ui.agenda import TODAY_STYLE, AgendaPage

    a, b = _client(db), _client(db, "Dale", "Whitcombe")
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    with db.session() as s:
        appointments.schedule(s, a, _local(monday, 10))
        appointments.schedule(s, b, _local(monday, 9))
        appointments.schedule(s, b, _local(monday + timedelta(days=7), 9))  # next week
    view = AgendaPage(db)
    qtbot.addWidget(view)
    view.show()  # the agenda reads its week when it is shown
    monday_items = [item.text() for item in view.appointment_items(0)]
    assert monday_items == ["09:00  Whitcombe, Dale", "10:00  Quintero, Marisol"]
    assert view.day_lists[today.weekday()].property("role") == TODAY_STYLE
    assert "today" in view.day_labels[today.weekday()].text()
    assert view.summary.text() == "2 appointments this week, 2 scheduled"
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert len(view.appointment_items(0)) == 1
    assert all(not day_list.property("role") for day_list in view.day_lists)
    # Opening an appointment asks for its client
    with qtbot.waitSignal(view.client_requested) as opened:
        view.day_lists[0].itemActivated.emit(view.appointment_items(0)[0])
    assert opened.args == [b]


def test_sessions_tab_marks_and_shows_the_note(qtbot, db, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from practice.ui.client_sessions import ClientSessionsTab

    client_id = _client(db)
    yesterday = date.today() - timedelta(days=1)
    with db.session() as s:
        past = appointments.schedule(s, client_id, _local(yesterday, 11)).appointment
        later = appointments.schedule(s, client_id, _local(yesterday + timedelta(8), 11))
    tab = ClientSessionsTab(db)
    qtbot.addWidget(tab)
    tab.show()
    tab.show_client(client_id)
    assert tab.model.rowCount() == 2
    assert tab.model.row_at(0).id == later.appointment.id  # newest first
    tab.select(past.id)
    qtbot.mouseClick(tab.status_buttons[AppointmentStatus.ATTENDED], Qt.MouseButton.LeftButton)
    with db.session() as s:
        assert appointments.get(s, past.id).status is AppointmentStatus.ATTENDED
        notes.save_note(
            s,
            past.id,
            NoteInput(
                format=NoteFormat.SOAP,
                sections={"Subjective": "Felt calmer after the walks."},
                plan="Keep the mood log short.",
            ),
        )
    tab.refresh()
    tab.select(past.id)
    html = tab.note_view.toPlainText()
    assert "Felt calmer after the walks." in html
    assert "Draft — not signed yet" in html
    # Cancelling asks for a reason and keeps it
    tab.select(later.appointment.id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Family visit", True))
    qtbot.mouseClick(
        tab.status_buttons[AppointmentStatus.CANCELLED_BY_CLIENT], Qt.MouseButton.LeftButton
    )
    with db.session() as s:
        moved = appointments.get(s, later.appointment.id)
    assert moved.status is AppointmentStatus.CANCELLED_BY_CLIENT
    assert moved.status_reason == "Family visit"
