"""Issue 12, Today: counts without cancelled appointments, an unsigned note is not
"note written", a status line that does not push the page down, and a demo practice
that has appointments on the day it is opened, whatever the weekday."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from practice.domain.inputs import NoteInput
from practice.domain.vocabulary import AppointmentStatus, NoteFormat
from practice.services import appointments, clients, notes, today
from practice.services.clients import ClientInput
from practice.services.demo import seed_demo

AS = AppointmentStatus
LEFT = Qt.MouseButton.LeftButton
DAY = date(2025, 3, 12)  # a Wednesday


def _local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def _page(qtbot, db, day: date):  # type: ignore[no-untyped-def]
    from practice.ui.today_page import TodayPage

    page = TodayPage(db, day=day)
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    return page


def _notes_column(page) -> dict[tuple[str, str], str]:  # type: ignore[no-untyped-def]
    out = {}
    for i in range(page.tree.topLevelItemCount()):
        item = page.tree.topLevelItem(i)
        if page.tree.entry(item) is not None:
            out[item.text(0), item.text(1)] = item.text(3)
    return out


def test_counts_leave_out_cancelled_and_an_unsigned_note_is_not_written(qtbot, db):
    with db.session() as s:
        ana = clients.create(s, ClientInput(first_name="Ana", last_name="Prueba")).id
        ben = clients.create(s, ClientInput(first_name="Ben", last_name="Otro")).id
        signed = appointments.schedule(s, ana, _local(DAY, 9)).appointment
        unsigned = appointments.schedule(s, ben, _local(DAY, 10)).appointment
        cancelled = appointments.schedule(s, ana, _local(DAY, 15)).appointment
        later = appointments.schedule(s, ben, _local(DAY + timedelta(days=1), 9)).appointment
        now = _local(DAY, 18)
        for a in (signed, unsigned):
            appointments.mark(s, a.id, AS.ATTENDED, now=now)
        appointments.mark(s, cancelled.id, AS.CANCELLED_BY_CLIENT, "ill")
        appointments.mark(s, later.id, AS.CANCELLED_BY_THERAPIST)
        note = NoteInput(format=NoteFormat.FREE, sections={"Note": "Went well."})
        notes.sign(s, notes.save_note(s, signed.id, note).id, now=now)
        notes.save_note(s, unsigned.id, note)
        text = today.render_text(today.build_today(s, DAY))
    page = _page(qtbot, db, DAY)
    # The cancelled ones are listed but not counted
    assert page.summary.text().startswith("2 appointments on Wed 12 Mar · 0 on Thu 13 Mar · ")
    assert "Today: 2 appointments" in text and "Tomorrow: 0 appointments" in text
    # A saved but unsigned note is not a written note
    column = _notes_column(page)
    assert column["09:00", "Prueba, Ana"].startswith("note written")
    assert column["10:00", "Otro, Ben"].startswith("note not signed yet")
    assert "note not signed yet" in text


def test_the_status_line_does_not_push_the_page_down(qtbot, db):
    with db.session() as s:
        seed_demo(s, today=DAY)
    page = _page(qtbot, db, DAY)
    QApplication.processEvents()
    before = page.tree.mapTo(page, QPoint(0, 0)).y()
    qtbot.mouseClick(page.reminder_cards[0].copy_button, LEFT)
    page.layout().activate()
    QApplication.processEvents()
    assert page.message.text().startswith("Copied the reminder")
    assert page.tree.mapTo(page, QPoint(0, 0)).y() == before


@pytest.mark.parametrize(
    "opened",
    [
        date(2025, 3, 10),  # Monday
        date(2025, 3, 12),  # Wednesday
        date(2025, 3, 14),  # Friday
        date(2025, 3, 15),  # Saturday
        date(2025, 3, 16),  # Sunday
    ],
)
def test_the_demo_has_a_working_day_whatever_day_it_is_opened(qtbot, db, opened):
    # Given the demo practice made on that day
    with db.session() as s:
        seed_demo(s, today=opened)
    # Then Today lists scheduled appointments for that day
    page = _page(qtbot, db, opened)
    assert page.data is not None
    scheduled = [e for e in page.data.today if e.appointment.status is AS.SCHEDULED]
    assert len(scheduled) >= 1
    assert not page.summary.text().startswith("0 appointments")


def test_another_day_is_named_in_the_counts_and_coming_back_shows_today(qtbot, main_window, db):
    from practice.ui.dates import day_text

    real_today = date.today()
    with db.session() as s:
        ana = clients.create(s, ClientInput(first_name="Ana", last_name="Prueba")).id
        appointments.schedule(s, ana, _local(real_today + timedelta(days=3), 9))
    main_window.resize(1366, 768)
    page = main_window.today
    assert main_window.pages.currentWidget() is page
    assert page.summary.text().startswith("0 appointments today · 0 tomorrow · ")
    # Given the therapist browses three days ahead
    for _ in range(3):
        qtbot.mouseClick(page.next_button, LEFT)
    shown = real_today + timedelta(days=3)
    assert page.day == shown
    # Then the counts name that day and the next, not "today" and "tomorrow"
    assert page.summary.text().startswith(
        f"1 appointment on {day_text(shown)} · 0 on {day_text(shown + timedelta(days=1))} · "
    )
    groups = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert groups[0] == day_text(shown) and not any(g.startswith("Today") for g in groups)
    # When they go to Clients and come back to Today (Ctrl+2, Ctrl+1)
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert main_window.pages.currentWidget() is main_window.clients_page
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    # Then Today shows the real today again
    assert main_window.pages.currentWidget() is page
    assert page.day == real_today
    assert page.title.text().startswith("Today — ")
    assert page.summary.text().startswith("0 appointments today · 0 tomorrow · ")
    assert page.tree.topLevelItem(0).text(0).startswith("Today — ")
    # And the sidebar does the same
    qtbot.mouseClick(page.previous_button, LEFT)
    main_window.show_page(main_window.agenda)
    nav = main_window.nav
    qtbot.mouseClick(nav.viewport(), LEFT, pos=nav.visualItemRect(nav.item(0)).center())
    assert page.day == real_today
