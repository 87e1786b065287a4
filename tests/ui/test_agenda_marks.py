"""The Agenda after a therapist's week of use: counts without cancelled appointments, a
message that does not outlive a change made elsewhere, and clashes booked anyway shown."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import Qt

from practice.domain.vocabulary import AppointmentStatus
from practice.services import appointments, clients
from practice.services.clients import ClientInput

AS = AppointmentStatus
LEFT = Qt.MouseButton.LeftButton


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def _client(db, first: str, last: str) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return clients.create(s, ClientInput(first_name=first, last_name=last)).id


def _monday() -> date:
    today = date.today()
    return today - timedelta(days=today.weekday())


def _click(qtbot, view, index: int, item) -> None:  # type: ignore[no-untyped-def]
    day_list = view.day_lists[index]
    day_list.scrollToItem(item)
    qtbot.mouseClick(day_list.viewport(), LEFT, pos=day_list.visualItemRect(item).center())


def test_the_week_summary_leaves_out_cancelled_appointments(qtbot, db):
    from practice.ui.agenda import AgendaPage

    ana, kyle = _client(db, "Ana", "Prueba"), _client(db, "Kyle", "Brannigan")
    monday = _monday()
    with db.session() as s:
        for day in range(3):
            appointments.schedule(s, ana, _local(monday + timedelta(days=day), 9))
        gone = appointments.schedule(s, kyle, _local(monday + timedelta(days=1), 15)).appointment
        appointments.mark(s, gone.id, AS.CANCELLED_BY_CLIENT, "ill")
    view = AgendaPage(db)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.mouseClick(view.next_button, LEFT)
    assert view.summary.text() == "0 appointments this week, 0 scheduled"
    qtbot.mouseClick(view.previous_button, LEFT)
    assert view.summary.text() == "3 appointments this week, 3 scheduled, 1 cancelled"


def test_an_undo_message_is_cleared_when_the_appointment_changes_elsewhere(qtbot, main_window, db):
    kyle = _client(db, "Kyle", "Brannigan")
    saturday = _monday() + timedelta(days=5)
    with db.session() as s:
        appt = appointments.schedule(s, kyle, _local(saturday, 15)).appointment
        appointments.mark(s, appt.id, AS.CANCELLED_BY_CLIENT, "ill")
    main_window.resize(1366, 768)
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    agenda = main_window.agenda
    assert main_window.pages.currentWidget() is agenda
    # Given an undo in the Agenda, which says so
    _click(qtbot, agenda, 5, agenda.appointment_items(5)[0])
    qtbot.mouseClick(agenda.restore_button, LEFT)
    assert agenda.message.text().endswith("is scheduled again.")
    # When the appointment is cancelled elsewhere (the client's Sessions tab)
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    with db.session() as s:
        appointments.mark(s, appt.id, AS.CANCELLED_BY_THERAPIST)
    main_window.clients_page.workspace.sessions.changed.emit()
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    # Then the Agenda no longer says it is scheduled again
    assert "Cancelled" in agenda.appointment_items(5)[0].text()
    assert agenda.message.text() == ""


def test_a_clash_booked_anyway_is_marked_on_both_appointments(qtbot, db):
    from practice.ui.agenda import AgendaPage

    ana, cleo = _client(db, "Ana", "Prueba"), _client(db, "Cleo", "Pryor")
    thursday = _monday() + timedelta(days=3)
    with db.session() as s:
        appointments.schedule(s, ana, _local(thursday, 11))
        appointments.schedule(s, cleo, _local(thursday, 11, 30))  # booked anyway
        appointments.schedule(s, ana, _local(thursday, 14))  # no clash
    view = AgendaPage(db)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    first, second, third = view.appointment_items(3)
    assert first.text() == "11:00  Prueba, Ana\n⚠ overlaps 11:30 Pryor"
    assert second.text() == "11:30  Pryor, Cleo\n⚠ overlaps 11:00 Prueba"
    assert third.text() == "14:00  Prueba, Ana"
    assert "⚠ Overlaps Pryor, Cleo, 11:30–12:20" in first.toolTip()


def test_on_a_narrow_screen_the_weekend_is_as_wide_as_a_weekday_and_nothing_scrolls_sideways(
    qtbot, db
):
    from practice.ui.agenda import AgendaPage

    # Given a long name booked on Saturday, and the Agenda as wide as a 150 % laptop allows
    kyle = _client(db, "Kyle", "Vandersteen-Oppenheimer")
    with db.session() as s:
        appointments.schedule(s, kyle, _local(_monday() + timedelta(days=5), 10))
    view = AgendaPage(db)
    qtbot.addWidget(view)
    view.resize(695, 480)
    view.show()
    qtbot.waitExposed(view)
    # Then every day has the same width, and no day scrolls sideways (the tooltip names all)
    widths = {day_list.width() for day_list in view.day_lists}
    assert max(widths) - min(widths) <= 1
    assert not any(d.horizontalScrollBar().isVisible() for d in view.day_lists)
    [item] = view.appointment_items(5)
    assert "Vandersteen-Oppenheimer" in item.toolTip()


def test_undoing_a_cancellation_changed_meanwhile_on_another_computer_is_refused(
    qtbot, db, monkeypatch
):
    from _boxes import Answer

    from practice.db.computer import NAME_VARIABLE
    from practice.ui.agenda import AgendaPage

    kyle = _client(db, "Kyle", "Brannigan")
    saturday = _monday() + timedelta(days=5)
    with db.session() as s:
        appt = appointments.schedule(s, kyle, _local(saturday, 15)).appointment
        appointments.mark(s, appt.id, AS.CANCELLED_BY_CLIENT, "ill")
    # Given the Agenda shows the cancellation
    view = AgendaPage(db)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    _click(qtbot, view, 5, view.appointment_items(5)[0])
    # When the laptop writes why it was cancelled, then the therapist clicks Undo here
    monkeypatch.setenv(NAME_VARIABLE, "laptop")
    with db.session() as s:
        appointments.mark(s, appt.id, AS.CANCELLED_BY_CLIENT, "ill, called at 8")
    monkeypatch.setenv(NAME_VARIABLE, "office-pc")
    refused = Answer(qtbot, "changedElsewhere", "Close")
    qtbot.mouseClick(view.restore_button, LEFT)
    # Then the conflict box says where it was changed, and the cancellation stays as
    # written there
    qtbot.waitUntil(lambda: bool(refused.text))
    assert "This was changed on laptop at " in refused.text
    with db.session() as s:
        kept = appointments.get(s, appt.id)
    assert (kept.status, kept.status_reason) == (AS.CANCELLED_BY_CLIENT, "ill, called at 8")
