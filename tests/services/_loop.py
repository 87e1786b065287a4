"""Helpers for the session / homework loop tests (fictional people only)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy.orm import Session

from practice.domain.inputs import AssignmentInput, NoteInput
from practice.domain.vocabulary import (
    AppointmentStatus,
    Language,
    LiteracyLevel,
    NoteFormat,
    TemplateKey,
)
from practice.services import appointments, clients, homework
from practice.services.clients import ClientInput

# A fixed past Monday, 10:00 UTC: appointments there can be marked attended.
BASE = datetime(2025, 3, 3, 10, 0, tzinfo=UTC)


def week(n: int, hours: float = 0) -> datetime:
    """``BASE`` plus ``n`` weeks (and some hours)."""
    return BASE + timedelta(weeks=n, hours=hours)


def new_client(s: Session, first: str = "Ana", last: str = "Prueba", **kw: object) -> int:
    return clients.create(s, ClientInput(first_name=first, last_name=last, **kw)).id  # type: ignore[arg-type]


def attended(s: Session, client_id: int, at: datetime, minutes: int = 50) -> int:
    appointment_id = appointments.schedule(s, client_id, at, minutes).appointment.id
    appointments.mark(s, appointment_id, AppointmentStatus.ATTENDED)
    return appointment_id


def homework_input(key: str = TemplateKey.MOOD_LOG.value, **kw: object) -> AssignmentInput:
    values: dict[str, object] = {
        "template_key": key,
        "title": "Mood log",
        "level": LiteracyLevel.PLAIN,
        "language": Language.EN,
        "start_date": date(2025, 3, 3),
    }
    values.update(kw)
    return AssignmentInput(**values)  # type: ignore[arg-type]


def assigned(s: Session, client_id: int, appointment_id: int | None, **kw: object) -> int:
    return homework.assign(s, client_id, homework_input(**kw), appointment_id=appointment_id).id


def soap(**sections: str) -> NoteInput:
    return NoteInput(format=NoteFormat.SOAP, sections=sections)
