"""Appointments: schedule, warnings, marks, agenda, against a migrated database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from _loop import BASE, attended, new_client, soap, week
from sqlalchemy import select

from practice.db.models import Appointment, AuditEvent
from practice.domain.vocabulary import AppointmentStatus, ClientStatus
from practice.services import appointments, clients, notes
from practice.services.errors import NotFoundError, ValidationError


def test_schedule_stores_utc_and_audits(db):
    with db.session() as s:
        client = new_client(s)
        madrid = datetime(2025, 3, 3, 11, 0, tzinfo=UTC).astimezone(ZoneInfo("Europe/Madrid"))
        done = appointments.schedule(s, client, madrid, 45)
    assert done.warnings == ()
    view = done.appointment
    assert view.starts_at == BASE + timedelta(hours=1)
    assert view.starts_at.tzinfo is not None
    assert view.ends_at == view.starts_at + timedelta(minutes=45)
    assert view.status is AppointmentStatus.SCHEDULED
    assert view.client_name == "Prueba, Ana"
    with db.session() as s:
        stored = s.get(Appointment, view.id)
        assert stored is not None and stored.starts_at == BASE + timedelta(hours=1)
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "appointment")).all()
        assert [e.action for e in events] == ["schedule"]
        assert "Prueba" not in events[0].summary


@pytest.mark.parametrize(
    ("start", "minutes", "field", "message"),
    [
        (datetime(2025, 3, 3, 10), 50, "starts_at", "Start time must carry a time zone."),
        (BASE, 0, "duration_minutes", "must end after it starts"),
        (BASE, -30, "duration_minutes", "must end after it starts"),
        (BASE, 13 * 60, "duration_minutes", "Duration is too long (780 minutes; at most 720)."),
    ],
)
def test_schedule_refuses_bad_times(db, start, minutes, field, message):
    with db.session() as s:
        client = new_client(s)
        with pytest.raises(ValidationError) as caught:
            appointments.schedule(s, client, start, minutes)
    assert message in caught.value.errors[field]
    with db.session() as s:
        assert s.scalars(select(Appointment)).all() == []


def test_schedule_unknown_client(db):
    with db.session() as s, pytest.raises(NotFoundError, match="no client with id 99"):
        appointments.schedule(s, 99, BASE)


def test_overlap_with_another_client_warns_but_saves(db):
    with db.session() as s:
        first = new_client(s, "Bea", "Ejemplo")
        second = new_client(s)
        a = appointments.schedule(s, first, BASE, 50).appointment
        overlapping = appointments.schedule(s, second, BASE + timedelta(minutes=30), 50)
        adjacent = appointments.schedule(s, second, BASE + timedelta(minutes=80), 50)
        before = appointments.schedule(s, second, BASE - timedelta(minutes=50), 50)
    assert [o.id for o in overlapping.overlaps] == [a.id]
    assert len(overlapping.warnings) == 1
    assert overlapping.warnings[0].startswith("Overlaps with Ejemplo, Bea on ")
    # 10:00-10:50 is busy: 11:20 (after the 10:30-11:20 one ends) and 9:10-10:00 touch only
    assert adjacent.warnings == () and adjacent.overlaps == ()
    assert before.warnings == ()


def test_overlap_ignores_cancelled_and_names_own_client(db):
    with db.session() as s:
        client = new_client(s)
        a = appointments.schedule(s, client, BASE).appointment
        appointments.mark(s, a.id, AppointmentStatus.CANCELLED_BY_CLIENT, "Ill")
        free = appointments.schedule(s, client, BASE)
        clash = appointments.schedule(s, client, BASE + timedelta(minutes=10))
    assert free.warnings == ()
    assert clash.warnings[0].startswith("Overlaps with another appointment of this client")


def test_schedule_warns_for_a_paused_client(db):
    with db.session() as s:
        client = new_client(s)
        clients.set_status(s, client, ClientStatus.PAUSED)
        done = appointments.schedule(s, client, BASE)
    assert done.warnings == ("This client is paused.",)


def test_reschedule_moves_and_rechecks_overlap(db):
    with db.session() as s:
        a = appointments.schedule(s, new_client(s, "Bea", "Ejemplo"), BASE).appointment
        b = appointments.schedule(s, new_client(s), week(1)).appointment
        moved = appointments.reschedule(s, b.id, BASE + timedelta(minutes=20), 30)
    assert moved.appointment.starts_at == BASE + timedelta(minutes=20)
    assert moved.appointment.duration_minutes == 30
    assert [o.id for o in moved.overlaps] == [a.id]
    with db.session() as s:
        with pytest.raises(ValidationError) as caught:
            appointments.reschedule(s, b.id, BASE, 0)
        assert "must end after it starts" in caught.value.errors["duration_minutes"]
        appointments.mark(s, b.id, AppointmentStatus.ATTENDED)
        with pytest.raises(ValidationError) as caught:
            appointments.reschedule(s, b.id, week(2))
    assert caught.value.errors["status"] == (
        "This appointment is attended, so it cannot be moved. Schedule a new appointment instead."
    )


def test_mark_statuses_with_reason(db):
    with db.session() as s:
        client = new_client(s)
        ids = [appointments.schedule(s, client, week(i)).appointment.id for i in range(4)]
        appointments.mark(s, ids[0], AppointmentStatus.ATTENDED)
        appointments.mark(s, ids[1], AppointmentStatus.NO_SHOW)
        appointments.mark(s, ids[2], AppointmentStatus.CANCELLED_BY_CLIENT, "  Car broke down ")
        appointments.mark(s, ids[3], AppointmentStatus.CANCELLED_BY_THERAPIST)
    with db.session() as s:
        rows = {a.id: a for a in appointments.list_for_client(s, client)}
    assert rows[ids[0]].status is AppointmentStatus.ATTENDED
    assert rows[ids[1]].status is AppointmentStatus.NO_SHOW
    assert rows[ids[2]].status_reason == "Car broke down"
    assert rows[ids[3]].status is AppointmentStatus.CANCELLED_BY_THERAPIST


def test_mark_refuses_the_conditional_status(db):
    with db.session() as s:
        appointment = appointments.schedule(s, new_client(s), BASE).appointment
        with pytest.raises(ValidationError) as caught:
            appointments.mark(s, appointment.id, AppointmentStatus.CANCELLED_NO_SELF_RECORD)
    assert "set only by the conditional-session flow" in caught.value.errors["status"]
    with db.session() as s:
        assert appointments.get(s, appointment.id).status is AppointmentStatus.SCHEDULED


def test_cancel_for_missing_self_record(db):
    with db.session() as s:
        client = new_client(s)
        appointment = appointments.schedule(s, client, BASE).appointment
        with pytest.raises(ValidationError) as caught:
            appointments.cancel_for_missing_self_record(s, appointment.id, "  ")
        assert caught.value.errors == {"reason": "A reason is required for this cancellation."}
        done = appointments.cancel_for_missing_self_record(
            s, appointment.id, "Day-before call: record not started"
        )
        assert done.status is AppointmentStatus.CANCELLED_NO_SELF_RECORD
        assert done.status.is_cancelled
        with pytest.raises(ValidationError) as caught:
            appointments.mark(s, appointment.id, AppointmentStatus.SCHEDULED)
        assert "cancelled by the conditional-session flow" in caught.value.errors["status"]
        with pytest.raises(ValidationError, match="Only a scheduled appointment"):
            appointments.cancel_for_missing_self_record(s, appointment.id, "again")


def test_cannot_mark_attended_before_the_day(db):
    with db.session() as s:
        later = datetime.now(UTC) + timedelta(days=3)
        appointment = appointments.schedule(s, new_client(s), later).appointment
        with pytest.raises(ValidationError) as caught:
            appointments.mark(s, appointment.id, AppointmentStatus.ATTENDED)
    assert "cannot be marked attended before that day" in caught.value.errors["status"]


def test_a_session_with_a_note_stays_attended(db):
    with db.session() as s:
        client = new_client(s)
        appointment_id = attended(s, client, BASE)
        notes.save_note(s, appointment_id, soap(Subjective="Talked about the week."))
        with pytest.raises(ValidationError) as caught:
            appointments.mark(s, appointment_id, AppointmentStatus.NO_SHOW)
    assert "it cannot be marked otherwise" in caught.value.errors["status"]
    # Without anything written an accidental mark can be undone
    with db.session() as s:
        other = attended(s, client, week(1))
        assert appointments.mark(s, other, AppointmentStatus.SCHEDULED).status is (
            AppointmentStatus.SCHEDULED
        )


def test_list_for_client_newest_first(db):
    with db.session() as s:
        client = new_client(s)
        other = new_client(s, "Bea", "Ejemplo")
        ids = [appointments.schedule(s, client, week(i)).appointment.id for i in (1, 0, 2)]
        appointments.schedule(s, other, week(3))
        listed = appointments.list_for_client(s, client)
    assert [a.id for a in listed] == [ids[2], ids[0], ids[1]]
    assert all(a.client_id == client for a in listed)


def test_agenda_orders_across_clients_with_names(db):
    with db.session() as s:
        zed = new_client(s, "Zoe", "Zarate")
        abe = new_client(s, "Abel", "Alba")
        monday = BASE.astimezone().date()
        t = BASE
        late = appointments.schedule(s, abe, t + timedelta(days=2)).appointment
        same_time_z = appointments.schedule(s, zed, t).appointment
        same_time_a = appointments.schedule(s, abe, t).appointment
        early = appointments.schedule(s, zed, t - timedelta(hours=2)).appointment
        appointments.schedule(s, abe, t + timedelta(days=7))  # next week
        appointments.schedule(s, abe, t - timedelta(days=2))  # the Saturday before
        week_rows = appointments.week_agenda(s, monday + timedelta(days=3))
        with pytest.raises(ValidationError) as caught:
            appointments.agenda(s, monday, monday - timedelta(days=1))
    assert [a.id for a in week_rows] == [early.id, same_time_a.id, same_time_z.id, late.id]
    assert [a.client_name for a in week_rows] == [
        "Zarate, Zoe",
        "Alba, Abel",
        "Zarate, Zoe",
        "Alba, Abel",
    ]
    assert caught.value.errors == {"last_day": "The last day comes before the first day."}


def test_next_appointment_skips_past_and_cancelled(db):
    now = datetime.now(UTC)
    with db.session() as s:
        client = new_client(s)
        appointments.schedule(s, client, now - timedelta(days=2))
        cancelled = appointments.schedule(s, client, now + timedelta(days=1)).appointment
        appointments.mark(s, cancelled.id, AppointmentStatus.CANCELLED_BY_THERAPIST)
        wanted = appointments.schedule(s, client, now + timedelta(days=5)).appointment
        appointments.schedule(s, client, now + timedelta(days=12))
        found = appointments.next_appointment(s, client)
        nothing = appointments.next_appointment(s, new_client(s, "Bea", "Ejemplo"))
    assert found is not None and found.id == wanted.id
    assert nothing is None
