"""A session draft on a cancelled appointment (moved or discarded, audited), a
preparation draft that cannot be finished before its day, and "brought" left unset."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from _loop import BASE, assigned, attended, new_client, week
from sqlalchemy import select

from practice.db.models import AuditEvent, SessionNote
from practice.domain.session_draft import NoteDraft
from practice.domain.vocabulary import AppointmentStatus, NoteFormat
from practice.services import appointments, session_flow
from practice.services.errors import ValidationError


def _events(s, action: str) -> list[AuditEvent]:  # type: ignore[no-untyped-def]
    return list(
        s.scalars(
            select(AuditEvent).where(
                AuditEvent.entity == "session_draft", AuditEvent.action == action
            )
        )
    )


def _cancelled_with_draft(db, *, later: int = 1):  # type: ignore[no-untyped-def]
    """A draft with a private note on week 1, then week 1 cancelled; ``later`` more
    scheduled appointments after it."""
    with db.session() as s:
        client = new_client(s)
        first = appointments.schedule(s, client, week(1)).appointment.id
        others = [appointments.schedule(s, client, week(1 + i)).appointment.id for i in (1, 2)]
        draft = session_flow.start(s, first)
        note = NoteDraft(NoteFormat.FREE, {"Note": "Planned topics."}, private_note="Tired.")
        session_flow.save_draft(s, replace(draft, note=note))
        appointments.mark(s, first, AppointmentStatus.CANCELLED_BY_CLIENT)
        for extra in others[later:]:
            appointments.mark(s, extra, AppointmentStatus.CANCELLED_BY_THERAPIST)
    return client, first, others


def test_a_cancelled_appointments_draft_offers_the_next_appointment(db):
    _, first, others = _cancelled_with_draft(db)
    with db.session() as s:
        left = session_flow.draft_left_by_cancel(s, first, now=BASE)
    assert left is not None and left.has_private_note
    assert left.move_to is not None and left.move_to.id == others[0]
    # A scheduled appointment's draft is not "left"
    with db.session() as s:
        assert session_flow.draft_left_by_cancel(s, others[0], now=BASE) is None


def test_moving_the_draft_keeps_the_private_note_and_is_audited(db):
    _, first, others = _cancelled_with_draft(db)
    with db.session() as s:
        session_flow.move_draft(s, first, others[0])
    with db.session() as s:
        assert session_flow.load_draft(s, first) is None
        moved = session_flow.load_draft(s, others[0])
        assert moved is not None and moved.appointment_id == others[0]
        assert moved.note.private_note == "Tired."
        assert moved.note.sections == {"Note": "Planned topics."}
        [event] = _events(s, "move")
        assert event.entity_id == others[0]
        assert event.summary == f"draft of {first} moved to appointment {others[0]}"
        assert "Tired" not in event.summary


def test_a_draft_never_moves_onto_another_draft_or_client_or_a_cancelled_one(db):
    client, first, others = _cancelled_with_draft(db, later=2)
    with db.session() as s:
        session_flow.save_draft(s, session_flow.start(s, others[0]))
        other_client = new_client(s, "Bea")
        elsewhere = appointments.schedule(s, other_client, week(5)).appointment.id
        gone = appointments.schedule(s, client, week(6)).appointment.id
        appointments.mark(s, gone, AppointmentStatus.CANCELLED_BY_CLIENT)
        # The next appointment has its own draft, so none is offered
        left = session_flow.draft_left_by_cancel(s, first, now=BASE)
        assert left is not None and left.move_to is None
    for target, message in (
        (others[0], "That appointment already has a session draft of its own."),
        (elsewhere, "A draft stays with its own client."),
        (gone, "A draft can only move to a scheduled appointment; that one is cancelled "
               "by client."),
    ):  # fmt: skip
        with db.session() as s, pytest.raises(ValidationError) as caught:
            session_flow.move_draft(s, first, target)
        assert caught.value.errors == {"appointment_id": message}
    with db.session() as s:
        assert session_flow.load_draft(s, first) is not None  # still where it was


def test_discarding_a_left_draft_is_audited(db):
    _, first, _ = _cancelled_with_draft(db)
    with db.session() as s:
        assert session_flow.discard_draft(s, first)
    with db.session() as s:
        assert session_flow.load_draft(s, first) is None
        assert [e.entity_id for e in _events(s, "discard")] == [first]


def test_a_preparation_draft_cannot_be_finished_before_its_day(db):
    # Given a session prepared on Monday for an appointment on Tuesday at 10:00
    with db.session() as s:
        client = new_client(s)
        tuesday = BASE.astimezone().replace(hour=10, minute=0) + timedelta(days=1)
        appointment = appointments.schedule(s, client, tuesday).appointment.id
        draft = session_flow.start(s, appointment)
        draft = replace(draft, note=NoteDraft(NoteFormat.FREE, {"Note": "Agenda."}))
    monday = BASE.astimezone().replace(hour=12)
    assert session_flow.is_preparation(tuesday, monday)
    # When it is finished on Monday, it is refused, saying when it can be finished
    with db.session() as s, pytest.raises(ValidationError) as caught:
        session_flow.finish(s, draft, now=monday)
    when = f"{tuesday:%a} {tuesday.day} {tuesday:%b} at 10:00"
    assert caught.value.errors == {
        "appointment_id": f"This is a preparation draft: the appointment is on {when}. "
        "You can finish the session from that day; your draft is kept."
    }
    with db.session() as s:
        assert s.scalars(select(SessionNote)).all() == []
    # And on Tuesday it finishes
    with db.session() as s:
        outcome = session_flow.finish(s, draft, now=tuesday + timedelta(hours=1))
    assert outcome.appointment.status is AppointmentStatus.ATTENDED


def test_brought_must_be_chosen(db):
    with db.session() as s:
        client = new_client(s)
        last_week = attended(s, client, BASE)
        mood_log = assigned(s, client, last_week)
        appointment = appointments.schedule(s, client, week(1)).appointment.id
        draft = session_flow.start(s, appointment)
    [review] = draft.reviews
    assert review.brought is None  # unset, not "No"
    chosen = replace(draft, reviews=(replace(review, completion=2),))
    assert session_flow.validate_draft(chosen) == {
        f"reviews.{mood_log}.brought": "Choose Yes or No: did the client bring the record?"
    }
    no = replace(chosen, reviews=(replace(chosen.reviews[0], brought=False),))
    assert session_flow.validate_draft(no) == {}


def test_started_in_the_past_is_not_a_preparation() -> None:
    now = datetime(2025, 3, 3, 12).astimezone()
    assert not session_flow.is_preparation(now - timedelta(hours=3), now)
    assert not session_flow.is_preparation(now + timedelta(hours=3), now.replace(hour=8))
