"""The suggested time after a day-before call cancels a session skips the cancelled day:
the usual slot after the cancelled one is offered, by the rebook question and by a plain
new-appointment dialog alike (docs/clinical.md, Conditional sessions)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from test_cannot_postpone import override_on

from practice.db.models import Appointment
from practice.domain.vocabulary import AppointmentStatus, CallDecision, CallOutcome
from practice.services import appointments
from practice.services.demo import seed_demo

LEFT = Qt.MouseButton.LeftButton


def _wednesday() -> date:
    """A Wednesday from tomorrow on: the demo (built around a Wednesday) lies ahead."""
    tomorrow = date.today() + timedelta(days=1)
    return tomorrow + timedelta(days=(2 - tomorrow.weekday()) % 7)


def _choose(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, LEFT, pos=QPoint(6, button.height() // 2))


def _cancel_by_call(qtbot, db, monkeypatch):  # type: ignore[no-untyped-def]
    """Today on the day before Rocío's session; the call cancels it; "Book another
    time?" is answered Yes. Returns the page and the cancelled appointment."""
    from practice.ui.today_page import TodayPage

    wednesday = _wednesday()
    with db.session() as s:
        demo = seed_demo(s, today=wednesday)
        override_on(s, demo.cannot_postpone_id, wednesday)
    page = TodayPage(db, day=wednesday + timedelta(days=3))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.mouseClick(page.next_button, LEFT)  # Saturday -> Sunday: Rocío is tomorrow
    [row] = page.call_rows
    qtbot.mouseClick(row.log_button, LEFT)
    dialog = page.call_dialog
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    _choose(qtbot, dialog.button_for(CallOutcome.NOT_DONE))
    _choose(qtbot, dialog.button_for(CallDecision.CANCEL))
    cancelled = dialog.call.appointment
    qtbot.mouseClick(dialog.save_button, LEFT)
    with db.session() as s:
        row_ = s.get(Appointment, cancelled.id)
        assert row_ is not None
        assert row_.status is AppointmentStatus.CANCELLED_NO_SELF_RECORD
    return page, cancelled, demo.cannot_postpone_id


def test_the_rebook_after_the_call_suggests_the_usual_slot_after_the_cancelled_one(
    qtbot, db, monkeypatch
):
    page, cancelled, rocio = _cancel_by_call(qtbot, db, monkeypatch)
    rebook = page.rebook_dialog
    assert rebook is not None and rebook.isVisible()
    with db.session() as s:
        slot = appointments.usual_slot(s, rocio)
    assert slot is not None
    start = rebook.wall_start()
    # Her usual day and time, but not the session that was just cancelled
    assert (start.weekday(), start.time()) == (slot.weekday, slot.start)
    assert start.date() > cancelled.local_day
    with db.session() as s:
        assert start.date() not in appointments.scheduled_days(s, rocio, after=start.date())


def test_a_new_appointment_does_not_suggest_a_day_cancelled_for_a_missing_self_record(qtbot, db):
    from practice.services import clients
    from practice.services.clients import ClientInput
    from practice.ui.appointment_dialog import AppointmentDialog

    # Given Wendell, who comes at 11:00 on one weekday, and whose next session on that
    # day was cancelled after the day-before call
    tomorrow = date.today() + timedelta(days=1)
    usual = tomorrow + timedelta(days=1)
    with db.session() as s:
        wendell = clients.create(s, ClientInput(first_name="Wendell", last_name="Pryor")).id
        for weeks in (3, 2, 1):
            done = appointments.schedule(
                s, wendell, appointments.local_time(usual - timedelta(weeks=weeks), time(11))
            )
            appointments.mark(s, done.appointment.id, AppointmentStatus.ATTENDED)
        called_off = appointments.schedule(s, wendell, appointments.local_time(usual, time(11)))
        appointments.cancel_for_missing_self_record(
            s, called_off.appointment.id, "Self-record not done."
        )
    # When a new appointment is opened for him
    dialog = AppointmentDialog(db, wendell)
    qtbot.addWidget(dialog)
    dialog.show()
    # Then his usual slot is proposed, a week after the cancelled one
    assert dialog.wall_start() == datetime.combine(usual + timedelta(weeks=1), time(11))
