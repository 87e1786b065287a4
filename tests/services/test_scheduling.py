"""Scheduling (issue 12): clashes, the usual day and time, undo, series and exceptions."""

from __future__ import annotations

import time as clocks
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from _loop import new_client
from sqlalchemy import select

from practice.db.models import Appointment, AppointmentSeries, AuditEvent
from practice.domain.vocabulary import AppointmentStatus
from practice.services import appointments, series
from practice.services.errors import ValidationError

AS = AppointmentStatus


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return appointments.local_time(day, time(hour, minute))


TUE = date(2025, 3, 4)  # a Tuesday


def test_overlap_is_refused_until_the_therapist_books_anyway(db):
    with db.session() as s:
        ana, ben = new_client(s), new_client(s, "Ben", "Otro")
        appointments.schedule(s, ana, local(TUE, 10), 50)
        # When another client is booked at 10:30 without "Book anyway"
        with pytest.raises(ValidationError) as caught:
            appointments.schedule(s, ben, local(TUE, 10, 30), 50, allow_overlap=False)
        # Then the message names the other appointment's time
        assert caught.value.errors == {
            "starts_at": "This time overlaps Prueba, Ana's appointment (10:00–10:50)."
        }
        # And touching ends do not clash; booking anyway keeps a warning
        appointments.schedule(s, ben, local(TUE, 10, 50), 50, allow_overlap=False)
        done = appointments.schedule(s, ben, local(TUE, 10, 30), 50, allow_overlap=True)
        assert [c.client_name for c in done.overlaps] == ["Prueba, Ana", "Otro, Ben"]
        assert [v.starts_at for v in appointments.clashes(s, local(TUE, 9, 30), 31)] == [
            local(TUE, 10).astimezone(UTC)
        ]


def test_usual_slot_is_the_most_common_recent_weekday_and_time(db):
    now = local(TUE + timedelta(weeks=6), 8)
    with db.session() as s:
        ana = new_client(s)
        assert appointments.usual_slot(s, ana, now=now) is None
        # Given Tuesdays at 10:00 three times, a Thursday 16:00 once, a cancelled Friday
        for week in (1, 2, 4):
            appointments.schedule(s, ana, local(TUE + timedelta(weeks=week), 10), 50)
        appointments.schedule(s, ana, local(TUE + timedelta(weeks=5, days=2), 16), 45)
        friday = appointments.schedule(s, ana, local(TUE + timedelta(weeks=5, days=3), 9), 50)
        appointments.mark(s, friday.appointment.id, AS.CANCELLED_BY_CLIENT, now=now)
        # and one far in the future that does not count
        appointments.schedule(s, ana, local(TUE + timedelta(weeks=9, days=1), 12), 50)
        slot = appointments.usual_slot(s, ana, now=now)
        assert slot == appointments.UsualSlot(weekday=1, start=time(10, 0), duration_minutes=50)
        # The next such slot from a Saturday is the Tuesday after
        assert appointments.next_on(slot, date(2025, 3, 8)) == local(date(2025, 3, 11), 10)
        assert appointments.next_on(slot, TUE) == local(TUE, 10)


def test_undo_no_show_goes_back_to_scheduled_and_is_audited(db):
    with db.session() as s:
        ana = new_client(s)
        appt = appointments.schedule(s, ana, local(TUE, 10)).appointment
        appointments.mark(s, appt.id, AS.NO_SHOW, now=local(TUE, 12))
        back = appointments.restore(s, appt.id)
        assert back.status is AS.SCHEDULED and back.status_reason is None
        actions = s.scalars(
            select(AuditEvent.action).where(AuditEvent.entity == "appointment")
        ).all()
        assert actions[-1] == "restore"
        # Undoing a scheduled one is refused in plain words
        with pytest.raises(ValidationError) as caught:
            appointments.restore(s, appt.id)
        assert caught.value.errors["status"] == (
            "This appointment is scheduled; there is no no-show or cancellation to undo."
        )


def test_undo_cancellation_is_refused_when_a_new_appointment_took_the_slot(db):
    with db.session() as s:
        ana, ben = new_client(s), new_client(s, "Ben", "Otro")
        appt = appointments.schedule(s, ana, local(TUE, 10)).appointment
        appointments.mark(s, appt.id, AS.CANCELLED_BY_CLIENT, "ill")
        appointments.schedule(s, ben, local(TUE, 10, 15), 50)
        with pytest.raises(ValidationError) as caught:
            appointments.restore(s, appt.id)
        assert caught.value.errors["status"].startswith(
            "This time is now taken by Otro, Ben (10:15–11:05)"
        )
        assert s.get(Appointment, appt.id).status is AS.CANCELLED_BY_CLIENT  # type: ignore[union-attr]


def test_weekly_series_books_each_date_but_the_skipped_ones(db):
    data = series.SeriesInput(
        client_id=0, first_day=TUE, start=time(10), duration_minutes=50,
        until=date(2025, 4, 1), skip=frozenset({date(2025, 3, 18)}),
    )  # fmt: skip
    with db.session() as s:
        ana = new_client(s)
        made = series.create(s, data.__class__(**{**data.__dict__, "client_id": ana}))
        got = [a.starts_at for a in made.appointments]
        assert got == [
            local(d, 10).astimezone(UTC)
            for d in (TUE, date(2025, 3, 11), date(2025, 3, 25), date(2025, 4, 1))
        ]
        stored = s.get(AppointmentSeries, made.series_id)
        assert stored is not None and (stored.weekday, stored.start_time) == (1, "10:00")
        assert {a.series_id for a in s.scalars(select(Appointment))} == {made.series_id}


def test_series_is_validated_in_words(db):
    with db.session() as s:
        ana = new_client(s)
        bad = series.SeriesInput(ana, TUE, time(10), 50, until=TUE - timedelta(days=1))
        with pytest.raises(ValidationError) as caught:
            series.create(s, bad)
        assert caught.value.errors == {"until": "The series must end on or after its first date."}


def test_skip_one_date_and_move_this_and_following(db):
    with db.session() as s:
        ana = new_client(s)
        made = series.create(s, series.SeriesInput(ana, TUE, time(10), 50, date(2025, 3, 25)))
        first, second, third, fourth = made.appointments
        # Skip the second date
        appointments.skip(s, second.id)
        assert s.get(Appointment, second.id) is None
        # Move the third and following to Thursdays at 15:00
        moved = series.move_following(s, third.id, local(date(2025, 3, 20), 15), 45)
        assert [m.starts_at for m in moved] == [
            local(date(2025, 3, 20), 15).astimezone(UTC),
            local(date(2025, 3, 27), 15).astimezone(UTC),
        ]
        # The first is unchanged; the series now says Thursday 15:00
        assert appointments.get(s, first.id).starts_at == local(TUE, 10).astimezone(UTC)
        stored = s.get(AppointmentSeries, made.series_id)
        assert stored is not None and (stored.weekday, stored.start_time) == (3, "15:00")
        # A one-off cannot be skipped
        one_off = appointments.schedule(s, ana, local(date(2025, 5, 6), 10)).appointment
        with pytest.raises(ValidationError, match="Only a date of a repeating series"):
            appointments.skip(s, one_off.id)
        assert fourth.id in {m.id for m in moved}


def test_move_of_a_no_show_is_refused_with_the_way_out(db):
    with db.session() as s:
        ana = new_client(s)
        appt = appointments.schedule(s, ana, local(TUE, 10)).appointment
        appointments.mark(s, appt.id, AS.NO_SHOW, now=local(TUE, 12))
        with pytest.raises(ValidationError) as caught:
            appointments.reschedule(s, appt.id, local(TUE, 11))
        assert caught.value.errors["status"] == (
            "This appointment is marked no-show. Undo that first to move it, "
            "or schedule a new appointment."
        )


@pytest.fixture
def berlin(monkeypatch):
    """The therapist's computer clock in Berlin (daylight saving: 30 Mar, 26 Oct 2025)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    clocks.tzset()
    yield
    monkeypatch.undo()
    clocks.tzset()


def test_this_and_following_never_puts_two_of_them_on_one_slot(db, berlin):
    with db.session() as s:
        ana = new_client(s)
        made = series.create(s, series.SeriesInput(ana, TUE, time(10), 50, date(2025, 3, 25)))
        ids = [a.id for a in made.appointments]
        # Given appointment 2 was moved alone to 18 Mar 08:00 (the day of appointment 3)
        appointments.reschedule(s, ids[1], local(date(2025, 3, 18), 8), allow_overlap=False)
        # When "this and following" moves it to 18 Mar 10:00, appointment 3 would land there too
        wanted = "on Tue 18 Mar 2025: a client cannot be in two sessions at once"
        with pytest.raises(ValidationError, match=wanted):
            series.following_clashes(s, ids[1], local(date(2025, 3, 18), 10), 50)
        # Then it is refused, even with "Book anyway", and nothing moved
        for anyway in (False, True):
            with pytest.raises(ValidationError, match=wanted):
                series.move_following(
                    s, ids[1], local(date(2025, 3, 18), 10), 50, allow_overlap=anyway
                )
        starts = [a.starts_at for a in appointments.list_for_client(s, ana)]
        assert len(set(starts)) == 4
        assert local(date(2025, 3, 18), 8) in starts


def test_a_time_the_clocks_skip_is_refused_in_words(db, berlin):
    gone = (
        "02:30 does not exist on Sun 30 Mar 2025: the clocks go forward. "
        "Choose another time or skip that date."
    )
    with db.session() as s:
        ana = new_client(s)
        data = series.SeriesInput(ana, date(2025, 3, 23), time(2, 30), 50, date(2025, 4, 6))
        # A weekly series at 02:30 over the night the clocks go forward is refused
        assert series.validate(data) == {"starts_at": gone}
        with pytest.raises(ValidationError) as caught:
            series.create(s, data, allow_overlap=False)
        assert caught.value.errors == {"starts_at": gone}
        assert appointments.list_for_client(s, ana) == []
        # Skipping that date books the others at 02:30
        made = series.create(s, replace(data, skip=frozenset({date(2025, 3, 30)})))
        assert [a.starts_at.astimezone().time() for a in made.appointments] == [time(2, 30)] * 2
        # A single booking's wall time is refused the same way
        with pytest.raises(ValidationError) as caught:
            appointments.local_time(date(2025, 3, 30), time(2, 30))
        assert caught.value.errors == {"starts_at": gone}
        # And "this and following" of a 10:00 series to 02:30 (30 Mar is one of them)
        ten = series.create(s, replace(data, start=time(10))).appointments
        with pytest.raises(ValidationError) as caught:
            series.move_following(s, ten[0].id, local(date(2025, 3, 23), 2, 30), 50)
        assert caught.value.errors == {"starts_at": gone}
        assert ten[1].starts_at == local(date(2025, 3, 30), 10)
        # The autumn's repeated hour exists: 02:30 on 26 Oct is booked
        autumn = series.SeriesInput(ana, date(2025, 10, 19), time(2, 30), 50, date(2025, 11, 2))
        booked = series.create(s, autumn).appointments
        assert [a.starts_at.astimezone().time() for a in booked] == [time(2, 30)] * 3


@pytest.mark.parametrize(
    ("first", "until", "field"),
    [
        (date(9999, 12, 30), date(9999, 12, 31), "starts_at"),
        (date(1, 1, 1), date(1, 1, 2), "starts_at"),
        (date(2025, 3, 4), date(9999, 12, 31), "until"),
    ],
)
def test_series_at_the_calendar_limits_is_refused_in_words(db, first, until, field):
    with db.session() as s:
        ana = new_client(s)
        with pytest.raises(ValidationError) as caught:
            series.create(s, series.SeriesInput(ana, first, time(10), 50, until))
        assert caught.value.errors[field].endswith(
            "is outside the calendar: choose a date between 1 Jan 1900 and 31 Dec 2200."
        )
    assert series.dates(date(9999, 12, 30), date(9999, 12, 31), 1) == [date(9999, 12, 30)]
