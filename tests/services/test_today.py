"""Today on a fixed day: appointments, reminders to send, day-before calls, missing reviews."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from _loop import assigned, attended, new_client
from _prep_demo import DEMO_TODAY, demo_practice
from sqlalchemy.orm import Session

from practice.db.engine import Database
from practice.db.models import SessionDraftRow
from practice.domain.vocabulary import (
    AppointmentStatus,
    CallDecision,
    CallOutcome,
    ReminderChannel,
)
from practice.services import appointments, conditional, reminders, today
from practice.services.demo import DemoSummary

DAY = date(2025, 3, 12)  # Wednesday


def at(day: int, hour: int) -> datetime:
    return datetime(2025, 3, day, hour, 0).astimezone()  # the therapist's clock


def build_day(s: Session) -> dict[str, int]:
    ana = new_client(s, "Ana", "Prueba", phone="+1 202 555 0101")
    set_in = attended(s, ana, at(3, 10))
    hw = assigned(s, ana, set_in, title="Mood log", reminder_channel=ReminderChannel.TEXT,
                  reminder_time=time(19, 0), rationale="It helps you see your week.")  # fmt: skip
    missed = attended(s, ana, at(10, 10))  # homework not reviewed
    ana_today = appointments.schedule(s, ana, at(12, 15)).appointment.id
    s.add(SessionDraftRow(appointment_id=ana_today, data={}))
    bruno = new_client(s, "Bruno", "Ejemplo")
    bruno_today = appointments.schedule(s, bruno, at(12, 9)).appointment.id
    carla = new_client(s, "Carla", "Muestra", phone="+1 202 555 0102")
    carla_set = attended(s, carla, at(4, 16))
    assigned(s, carla, carla_set, title="My week")
    conditional.open_period(s, carla, reason="Agreed trial after eight weeks.",
                            agreed_on=date(2025, 3, 4), starts_on=date(2025, 3, 5),
                            today=date(2025, 3, 4))  # fmt: skip
    carla_tomorrow = appointments.schedule(s, carla, at(13, 16)).appointment.id
    bruno_tomorrow = appointments.schedule(s, bruno, at(13, 11)).appointment.id
    return {
        "ana": ana, "hw": hw, "missed": missed, "ana_today": ana_today, "bruno": bruno,
        "bruno_today": bruno_today, "carla": carla, "carla_tomorrow": carla_tomorrow,
        "bruno_tomorrow": bruno_tomorrow,
    }  # fmt: skip


def test_today_on_a_fixed_day(db: Database) -> None:
    with db.session() as s:
        ids = build_day(s)
        data = today.build_today(s, DAY)
        assert [e.appointment.id for e in data.today] == [ids["bruno_today"], ids["ana_today"]]
        bruno, ana = data.today
        assert not bruno.prep_worthwhile and not bruno.session_started
        assert ana.prep_worthwhile and ana.has_draft and ana.session_started
        assert [e.appointment.id for e in data.tomorrow] == [
            ids["bruno_tomorrow"], ids["carla_tomorrow"],
        ]  # fmt: skip
        carla = data.tomorrow[1]
        assert carla.conditional_on and carla.call_due and not data.tomorrow[0].call_due
        assert [(c.appointment.id, c.phone, c.homework) for c in data.calls] == [
            (ids["carla_tomorrow"], "+1 202 555 0102", ("My week",))
        ]
        assert [(r.assignment.id, r.sent) for r in data.reminders] == [(ids["hw"], False)]
        # The reminder goes out at 19:00, after today's 15:00 session and with no later
        # session booked: it does not say "see you today".
        assert data.reminders[0].text == (
            "Hi Ana! A little reminder to fill in your mood log today. It helps you see your week."
        )
        assert [(m.appointment.id, m.assignment.id) for m in data.missing_reviews] == [
            (ids["missed"], ids["hw"])
        ]
        text = today.render_text(data)
        assert text.startswith("Today — Wednesday 12 March 2025\n")
        assert "Reminders to send: 1 of 1\n" in text
        assert "[ ] 19:00  Prueba, Ana — text message to +1 202 555 0101 (Mood log" in text
        assert "Muestra, Carla — +1 202 555 0102 — session tomorrow" in text
        assert "conditional: call due today" in text
        assert "first session" in text and "session started" in text

        # When: the reminder is ticked and Carla is called.
        reminders.mark_sent(s, ids["hw"], DAY)
        conditional.log_call(s, ids["carla_tomorrow"], CallOutcome.NOT_DONE, CallDecision.CANCEL)
        after = today.build_today(s, DAY)
    # Then: nothing left to send or call, and the strip of facts says why.
    assert after.reminders_to_send == () and after.reminders[0].sent
    assert after.calls == ()
    cancelled = after.tomorrow[1]
    assert cancelled.appointment.status is AppointmentStatus.CANCELLED_NO_SELF_RECORD
    assert [c.outcome for c in cancelled.calls] == [CallOutcome.NOT_DONE]
    text = today.render_text(after)
    assert "Reminders to send: 0 of 1 (1 sent)" in text
    assert "[x] 19:00" in text and "Day-before calls: 0" in text
    assert "conditional: call not done, cancel" in text


def test_an_ended_period_asks_for_no_call(db: Database) -> None:
    with db.session() as s:
        ids = build_day(s)
        period = conditional.current_period(s, ids["carla"], today=DAY)
        assert period is not None
        conditional.end_period(s, period.id, DAY)
        data = today.build_today(s, DAY)
    assert data.calls == ()
    assert not data.tomorrow[1].conditional_on


@pytest.fixture
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    with demo_practice(tmp_path_factory.mktemp("today_demo")) as seeded:
        yield seeded


def test_today_on_the_demo_practice(demo_db: tuple[Database, DemoSummary]) -> None:
    database, summary = demo_db
    with database.session() as s:
        data = today.build_today(s, DEMO_TODAY)
        assert data.today and data.tomorrow
        # The conditional-sessions client is seen tomorrow: his call is due today.
        assert [c.appointment.client_id for c in data.calls] == [summary.conditional_id]
        assert data.reminders_to_send
        for r in data.reminders:
            assert r.text.startswith(("Hi ", "¡Hola"))
        first = data.reminders_to_send[0]
        reminders.mark_sent(s, first.assignment.id, DEMO_TODAY)
        again = today.build_today(s, DEMO_TODAY)
        assert len(again.reminders_to_send) == len(data.reminders_to_send) - 1
        assert first.assignment.id not in {r.assignment.id for r in again.reminders_to_send}
        for m in data.missing_reviews:
            assert m.appointment.status is AppointmentStatus.ATTENDED
            assert (DEMO_TODAY - m.appointment.local_day).days <= today.MISSING_DAYS
        assert data.missing_reviews  # the demo keeps one review missing on purpose
