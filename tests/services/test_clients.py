"""The clients service against a migrated SQLite file."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from practice.db.models import Appointment, AuditEvent, Client
from practice.domain.vocabulary import ClientStatus, Language, LiteracyLevel
from practice.services import clients
from practice.services.clients import ClientInput
from practice.services.errors import NotFoundError, ValidationError


def _create(db, first="Marisol", last="Quintero", **kw):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return clients.create(s, ClientInput(first_name=first, last_name=last, **kw))


def test_create_stores_every_field_and_audits(db):
    view = _create(
        db,
        preferred_name="Mari",
        birth_date=date(1988, 5, 2),
        email="mari@example.org",
        phone="+34 600 000 000",
        language=Language.ES,
        literacy_level=LiteracyLevel.EASY,
        large_print=True,
    )
    with db.session() as s:
        again = clients.get(s, view.id)
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "client")).all()
    assert again == view
    assert again.display_name == "Quintero, Marisol (Mari)"
    assert again.language is Language.ES and again.literacy_level is LiteracyLevel.EASY
    assert again.large_print is True
    assert again.started_on == date.today()
    assert [e.action for e in events] == ["create"]
    assert "Marisol" not in events[0].summary


def test_enums_are_stored_as_readable_strings(db):
    view = _create(db, literacy_level=LiteracyLevel.PICTORIAL)
    with db.engine.connect() as conn:
        raw = conn.execute(
            text("SELECT literacy_level, status FROM clients WHERE id = :id"), {"id": view.id}
        ).one()
    assert tuple(raw) == ("pictorial", "active")


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"first_name": "  "}, "first_name", "required"),
        ({"last_name": ""}, "last_name", "required"),
        ({"email": "not-an-email"}, "email", "name@example.org"),
        ({"phone": "call me"}, "phone", "digits"),
        ({"birth_date": date.today() + timedelta(days=1)}, "birth_date", "future"),
        ({"first_name": "x" * 101}, "first_name", "too long"),
        ({"notes": "a\x00b"}, "notes", "NUL"),
        ({"preferred_name": "bad \ud800"}, "preferred_name", "surrogate"),
    ],
)
def test_invalid_input_is_refused_with_a_message_and_nothing_saved(db, changes, field, words):
    data = {"first_name": "Dale", "last_name": "Whitcombe", **changes}
    with pytest.raises(ValidationError) as caught, db.session() as s:
        clients.create(s, ClientInput(**data))
    assert words in caught.value.errors[field]
    with db.session() as s:
        assert s.scalar(select(Client.id)) is None


def test_update_changes_fields_and_audits_the_field_names_only(db):
    view = _create(db)
    with db.session() as s:
        updated = clients.update(
            s, view.id, ClientInput(first_name="Marisol", last_name="Quintero Díaz")
        )
    assert updated.last_name == "Quintero Díaz"
    with db.session() as s:
        summaries = s.scalars(select(AuditEvent.summary).where(AuditEvent.action == "update")).all()
    assert summaries == ["fields changed: last_name"]


def test_status_changes_set_and_clear_the_end_date(db):
    view = _create(db)
    with db.session() as s:
        paused = clients.set_status(s, view.id, ClientStatus.PAUSED)
        discharged = clients.set_status(s, view.id, ClientStatus.DISCHARGED, on=date(2026, 1, 5))
        resumed = clients.set_status(s, view.id, ClientStatus.ACTIVE)
    assert paused.status is ClientStatus.PAUSED and paused.ended_on is None
    assert discharged.ended_on == date(2026, 1, 5)
    assert resumed.status is ClientStatus.ACTIVE and resumed.ended_on is None


def test_search_ignores_case_and_accents_and_filters_status(db):
    a = _create(db, "Ana", "Núñez")
    _create(db, "Dale", "Whitcombe")
    with db.session() as s:
        clients.set_status(s, a.id, ClientStatus.PAUSED)
        by_text = [r.name for r in clients.list_rows(s, text="nunez")]
        active = [r.name for r in clients.list_rows(s, status=ClientStatus.ACTIVE)]
        percent = clients.list_rows(s, text="%")
    assert by_text == ["Núñez, Ana"]
    assert active == ["Whitcombe, Dale"]
    assert percent == []


def test_next_appointment_is_the_earliest_future_scheduled_one(db):
    view = _create(db)
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    with db.session() as s:
        for when in (soon + timedelta(days=7), soon, soon - timedelta(days=9)):
            s.add(Appointment(client_id=view.id, starts_at=when))
    with db.session() as s:
        assert clients.get(s, view.id).next_appointment == soon
        assert clients.list_rows(s)[0].next_appointment == soon


def test_duplicates_compare_folded_name_and_birth_date(db):
    _create(db, "José", "Pérez", birth_date=date(1970, 1, 1))
    with db.session() as s:
        same = clients.find_duplicates(
            s, ClientInput(first_name="JOSÉ", last_name="pérez ", birth_date=date(1970, 1, 1))
        )
        other = clients.find_duplicates(
            s, ClientInput(first_name="José", last_name="Pérez", birth_date=date(1971, 1, 1))
        )
    assert [r.name for r in same] == ["Pérez, José"]
    assert other == []


def test_get_unknown_client_names_the_id(db):
    with pytest.raises(NotFoundError, match="42"), db.session() as s:
        clients.get(s, 42)
