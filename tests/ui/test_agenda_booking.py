"""Issue 12, Scheduling: booking, clashes, series, usual time and undo in the Agenda,
driven with real clicks and keys."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from practice.db.models import Appointment
from practice.domain.vocabulary import AppointmentStatus
from practice.services import appointments, clients
from practice.services.clients import ClientInput

AS = AppointmentStatus
LEFT = Qt.MouseButton.LeftButton


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone()


def _client(db, first="Marisol", last="Quintero") -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return clients.create(s, ClientInput(first_name=first, last_name=last)).id


def _agenda(qtbot, db):  # type: ignore[no-untyped-def]
    from practice.ui.agenda import AgendaPage

    view = AgendaPage(db)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    return view


def _monday() -> date:
    today = date.today()
    return today - timedelta(days=today.weekday())


def _double_click(qtbot, day_list, item) -> None:  # type: ignore[no-untyped-def]
    centre = day_list.visualItemRect(item).center()
    qtbot.mouseClick(day_list.viewport(), LEFT, pos=centre)
    qtbot.mouseDClick(day_list.viewport(), LEFT, pos=centre)


def _click(qtbot, view, index: int, item) -> None:  # type: ignore[no-untyped-def]
    day_list = view.day_lists[index]
    day_list.scrollToItem(item)
    qtbot.mouseClick(day_list.viewport(), LEFT, pos=day_list.visualItemRect(item).center())


def _answer(qtbot, dialog, text: str) -> None:  # type: ignore[no-untyped-def]
    """Click ``text`` on the clash question when it shows."""

    def click() -> None:
        box = dialog.clash_box
        assert box is not None, "no clash question was shown"
        button = next(b for b in box.findChildren(QPushButton) if b.text() == text)
        qtbot.mouseClick(button, LEFT)

    QTimer.singleShot(0, click)


def _rows(db) -> list[tuple[datetime, int, AS]]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return [
            (a.starts_at, a.client_id, a.status)
            for a in s.scalars(select(Appointment).order_by(Appointment.starts_at))
        ]


def test_double_click_on_a_free_hour_books_that_day_and_time(qtbot, db):
    ana = _client(db)
    view = _agenda(qtbot, db)
    wednesday = _monday() + timedelta(days=2)
    slot = view.slot_item(2, 11)
    assert slot is not None and slot.text() == "11:00  free"
    # When the therapist double-clicks Wednesday 11:00
    _double_click(qtbot, view.day_lists[2], slot)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    # Then the dialog is prefilled with that day and time
    assert dialog.chosen_start() == _local(wednesday, 11)
    # and saving without a client says what is missing, nothing is booked
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.message.text() == "Choose the client for this appointment."
    assert _rows(db) == []
    # When the client is chosen with the keyboard and Save is clicked
    dialog.client_box.setFocus()
    qtbot.keyClick(dialog.client_box, Qt.Key.Key_Down)
    qtbot.mouseClick(dialog.save_button, LEFT)
    # Then the appointment is booked and the hour is no longer free
    assert _rows(db) == [(_local(wednesday, 11).astimezone(UTC), ana, AS.SCHEDULED)]
    assert view.slot_item(2, 11) is None
    assert [i.text() for i in view.appointment_items(2)] == ["11:00  Quintero, Marisol"]
    assert "Booked: Quintero, Marisol" in view.message.text()


def test_a_clash_names_the_other_time_and_books_only_when_asked(qtbot, db):
    ana, ben = _client(db), _client(db, "Ben", "Otro")
    thursday = _monday() + timedelta(days=3)
    with db.session() as s:
        appointments.schedule(s, ben, _local(thursday, 12), 50)
    view = _agenda(qtbot, db)
    _double_click(qtbot, view.day_lists[3], view.slot_item(3, 11))
    dialog = view.dialog
    qtbot.keyClicks(dialog.client_box, "Quin")
    assert dialog.client_box.currentText() == "Quintero, Marisol"
    # A 90-minute session from 11:00 runs into Ben's 12:00
    dialog.duration.selectAll()
    qtbot.keyClicks(dialog.duration.lineEdit(), "90")
    assert dialog.duration.value() == 90
    shown: list[str] = []

    def remember() -> None:
        assert dialog.clash_box is not None
        shown.append(dialog.clash_box.text())

    QTimer.singleShot(0, remember)
    _answer(qtbot, dialog, "Choose another time")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert (
        shown
        and f"{thursday:%a} {thursday.day} {thursday:%b}, 12:00–12:50 · Otro, Ben" in (shown[0])
    )
    assert len(_rows(db)) == 1 and dialog.isVisible()  # nothing booked, input kept
    # When the therapist books anyway
    _answer(qtbot, dialog, "Book anyway")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert (_local(thursday, 11).astimezone(UTC), ana, AS.SCHEDULED) in _rows(db)
    assert not dialog.isVisible()


def test_new_appointment_defaults_to_the_clients_usual_day_and_time(qtbot, db):
    ana = _client(db)
    monday = _monday()
    with db.session() as s:
        for weeks in (3, 2, 1):  # Thursdays at 16:30, 45 minutes
            appointments.schedule(
                s, ana, _local(monday - timedelta(weeks=weeks, days=-3), 16, 30), 45
            )
        this_week = appointments.schedule(s, ana, _local(monday, 8), 50).appointment
    view = _agenda(qtbot, db)
    _click(qtbot, view, 0, view.appointment_items(0)[0])
    assert view.selected() is not None and view.selected().id == this_week.id
    qtbot.mouseClick(view.new_button, LEFT)
    dialog = view.dialog
    assert dialog is not None
    tomorrow = date.today() + timedelta(days=1)
    thursday = tomorrow + timedelta(days=(3 - tomorrow.weekday()) % 7)
    assert dialog.chosen_start() == _local(thursday, 16, 30)
    assert dialog.duration.value() == 45
    assert dialog.usual_label.text() == "Usually Thursdays at 16:30, 45 min."


def test_undo_no_show_in_the_agenda_and_refusal_when_the_slot_is_taken(qtbot, db):
    ana, ben = _client(db), _client(db, "Ben", "Otro")
    monday = _monday()
    with db.session() as s:
        missed = appointments.schedule(s, ana, _local(monday, 9), 50).appointment
        appointments.mark(s, missed.id, AS.NO_SHOW)
        cancelled = appointments.schedule(s, ana, _local(monday, 14), 50).appointment
        appointments.mark(s, cancelled.id, AS.CANCELLED_BY_CLIENT, "ill")
        appointments.schedule(s, ben, _local(monday, 14, 30), 50)
    view = _agenda(qtbot, db)
    items = view.appointment_items(0)
    # A scheduled appointment: undo is disabled and says why
    _click(qtbot, view, 0, items[2])
    assert not view.restore_button.isEnabled()
    assert view.restore_button.toolTip() == (
        "This appointment is scheduled; there is no no-show or cancellation to undo."
    )
    # A no-show cannot be moved (disabled, with the way out) but can be undone
    _click(qtbot, view, 0, view.appointment_items(0)[0])
    assert not view.move_button.isEnabled()
    assert "Undo that first" in view.move_button.toolTip()
    qtbot.mouseClick(view.restore_button, LEFT)
    assert _rows(db)[0][2] is AS.SCHEDULED
    assert "is scheduled again" in view.message.text()
    # The cancelled 14:00 is refused: Ben now has 14:30
    cancelled_item = next(i for i in view.appointment_items(0) if i.text().startswith("14:00"))
    _click(qtbot, view, 0, cancelled_item)
    qtbot.mouseClick(view.restore_button, LEFT)
    assert view.message.text().startswith("This time is now taken by Otro, Ben (14:30–15:20)")
    assert "status" not in view.message.text()
    with db.session() as s:
        assert appointments.get(s, cancelled.id).status is AS.CANCELLED_BY_CLIENT


def test_weekly_series_with_a_skipped_date_then_skip_and_move_following(qtbot, db):
    ana = _client(db)
    tuesday = _monday() + timedelta(days=1)
    view = _agenda(qtbot, db)
    _double_click(qtbot, view.day_lists[1], view.slot_item(1, 10))
    dialog = view.dialog
    qtbot.keyClick(dialog.client_box, Qt.Key.Key_Down)
    qtbot.mouseClick(dialog.repeat, LEFT)
    assert dialog.dates.count() == 8  # eight weekly dates by default
    # Untick the third date with the keyboard
    dialog.dates.setFocus()
    dialog.dates.setCurrentRow(2)
    qtbot.keyClick(dialog.dates, Qt.Key.Key_Space)
    assert dialog.skipped() == {tuesday + timedelta(weeks=2)}
    qtbot.mouseClick(dialog.save_button, LEFT)
    booked = [r[0] for r in _rows(db)]
    assert len(booked) == 7 and _local(tuesday + timedelta(weeks=2), 10) not in booked
    assert {r[1] for r in _rows(db)} == {ana}
    assert "(7 appointments)" in view.message.text()
    # Next week: skip that date from the agenda
    qtbot.mouseClick(view.next_button, LEFT)
    _click(qtbot, view, 1, view.appointment_items(1)[0])
    assert view.skip_button.isEnabled()
    qtbot.mouseClick(view.skip_button, LEFT)
    assert view.appointment_items(1) == []
    assert len(_rows(db)) == 6
    # Back to this week: move this and the following ones to Wednesdays 15:00
    qtbot.mouseClick(view.previous_button, LEFT)
    _click(qtbot, view, 1, view.appointment_items(1)[0])
    qtbot.mouseClick(view.move_button, LEFT)
    move = view.dialog
    assert move is not None and move.and_following.isVisible()
    qtbot.mouseClick(move.and_following, LEFT)
    move.starts_at.setDateTime(move.starts_at.dateTime().addDays(1).addSecs(5 * 3600))
    qtbot.mouseClick(move.save_button, LEFT)
    starts = [r[0].astimezone() for r in _rows(db)]
    assert {(s.weekday(), s.hour) for s in starts} == {(2, 15)}
    assert len(starts) == 6


def test_sessions_tab_disables_marks_that_cannot_succeed_and_says_why(qtbot, db):
    from practice.domain.inputs import NoteInput
    from practice.domain.vocabulary import NoteFormat
    from practice.services import notes
    from practice.ui.client_sessions import ClientSessionsTab

    ana = _client(db)
    yesterday = date.today() - timedelta(days=1)
    with db.session() as s:
        held = appointments.schedule(s, ana, _local(yesterday, 10)).appointment
        appointments.mark(s, held.id, AS.ATTENDED)
        notes.save_note(s, held.id, NoteInput(format=NoteFormat.FREE, sections={"Note": "ok"}))
        coming = appointments.schedule(s, ana, _local(yesterday + timedelta(days=9), 10))
    tab = ClientSessionsTab(db)
    qtbot.addWidget(tab)
    tab.show()
    tab.show_client(ana)
    tab.select(held.id)
    no_show = tab.status_buttons[AS.NO_SHOW]
    assert not no_show.isEnabled()
    assert no_show.toolTip() == (
        "This session has a note, so it took place; it cannot be marked otherwise."
    )
    tab.select(coming.appointment.id)
    attended = tab.status_buttons[AS.ATTENDED]
    assert not attended.isEnabled()
    assert attended.toolTip() == (
        "This appointment is still to come; it cannot be marked attended yet."
    )
    assert tab.status_buttons[AS.CANCELLED_BY_CLIENT].isEnabled()


def test_the_usual_time_skips_a_day_the_client_is_already_booked(qtbot, db):
    ana = _client(db)
    monday = _monday()
    tomorrow = date.today() + timedelta(days=1)
    thursday = tomorrow + timedelta(days=(3 - tomorrow.weekday()) % 7)
    with db.session() as s:
        for weeks in (3, 2, 1):  # Thursdays at 09:30
            appointments.schedule(s, ana, _local(monday - timedelta(weeks=weeks, days=-3), 9, 30))
        # already booked on the next Thursday, at another time
        appointments.schedule(s, ana, _local(thursday, 11, 30))
    view = _agenda(qtbot, db)
    view.show_week(monday - timedelta(weeks=1))
    _click(qtbot, view, 3, view.appointment_items(3)[0])
    qtbot.mouseClick(view.new_button, LEFT)
    dialog = view.dialog
    assert dialog is not None and dialog.client_id() == ana
    # The next Thursday is taken: the Thursday after is proposed
    assert dialog.chosen_start() == _local(thursday + timedelta(weeks=1), 9, 30)


def test_new_appointment_keys_on_the_agenda_open_its_own_dialog(qtbot, main_window, db):
    from practice.ui.menus import NEW_APPOINTMENT_KEYS

    _client(db)
    main_window.show_page(main_window.agenda)
    agenda = main_window.agenda
    assert agenda.selected() is None  # no client chosen anywhere
    main_window.activateWindow()
    qtbot.keySequence(main_window, NEW_APPOINTMENT_KEYS)
    # The Agenda stays, with its own dialog: a choice of clients, not "Choose a client first"
    assert main_window.pages.currentWidget() is agenda
    dialog = agenda.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.client_box.isVisible() and dialog.client_box.itemText(1) == "Quintero, Marisol"
    assert "Choose a client first" not in main_window.statusBar().currentMessage()


def test_new_appointment_keys_use_the_chosen_free_hour_and_name_a_fixed_client(
    qtbot, main_window, db
):
    from practice.ui.menus import NEW_APPOINTMENT_KEYS

    wendell = _client(db, "Wendell", "Pryor")
    thursday = _monday() + timedelta(days=3)
    with db.session() as s:
        appointments.schedule(s, wendell, _local(thursday, 10))
    main_window.show_page(main_window.agenda)
    agenda = main_window.agenda
    agenda.refresh()
    # Given Thursday 15:00, a free hour, chosen with a click
    slot = agenda.slot_item(3, 15)
    assert slot is not None
    _click(qtbot, agenda, 3, slot)
    # When the therapist presses the new-appointment keys
    main_window.activateWindow()
    qtbot.keySequence(main_window, NEW_APPOINTMENT_KEYS)
    # Then the dialog proposes that day and time (and asks for the client)
    dialog = agenda.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.chosen_start() == _local(thursday, 15)
    assert dialog.client_box.isVisible() and not dialog.for_label.isVisible()
    dialog.reject()
    # When his appointment is chosen instead, the dialog is for him: it says so
    [booked] = agenda.appointment_items(3)
    _click(qtbot, agenda, 3, booked)
    qtbot.keySequence(main_window, NEW_APPOINTMENT_KEYS)
    dialog = agenda.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.client_box.isVisible()
    assert dialog.for_label.isVisible() and dialog.for_label.text() == "For: Pryor, Wendell"
    assert dialog.windowTitle() == "New appointment — Pryor, Wendell"
