"""Psychotherapy notes: the therapist's private process notes, one per attended session.

Kept apart from the session record (docs/clinical.md, Psychotherapy notes): never
part of a ``NoteView``, left out of a client's export unless the therapist chooses
otherwise, and not locked by signing the session note (they are not part of the record).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import PsychotherapyNote
from practice.domain.text import text_problem
from practice.services import audit, versions
from practice.services.errors import ValidationError
from practice.services.notes import require_attended
from practice.text import QT_TRANSLATE_NOOP

PRIVATE_NOTE_MAX = 100_000


@dataclass(frozen=True)
class PrivateNoteView:
    """The psychotherapy note: private, never part of the session record or its views."""

    id: int
    appointment_id: int
    text: str
    updated_at: datetime
    version: int | None = None  # pass it back when saving (``practice.services.versions``)


def save_private_note(
    db: Session, appointment_id: int, text: str | None, *, version: int | None = None
) -> PrivateNoteView | None:
    """Write the private process note of an attended appointment; empty text removes it.
    ``version``: as loaded, 0 when there was none (refused when it changed meanwhile,
    see ``practice.services.versions``)."""
    appointment = require_attended(db, appointment_id)
    problem = text_problem(text, PRIVATE_NOTE_MAX)
    if problem:
        raise ValidationError(
            {
                "text": QT_TRANSLATE_NOOP("private_notes", "Private note {problem}.").format(
                    problem=problem
                )
            }
        )
    body = (text or "").strip()
    row = db.scalars(
        select(PsychotherapyNote).where(PsychotherapyNote.appointment_id == appointment.id)
    ).first()
    if row is not None:
        versions.check(row, version)
    if not body:
        if row is not None:
            db.delete(row)
            db.flush()
            audit.record(
                db, "psychotherapy_note", row.id, "delete", f"private note {row.id} removed"
            )
        return None
    action = "update"
    if row is None:
        row = PsychotherapyNote(appointment_id=appointment.id, text=body)
        db.add(row)
        action = "create"
    row.text = body
    versions.flush(db, row)
    audit.record(
        db,
        "psychotherapy_note",
        row.id,
        action,
        f"private note {row.id} of appointment {appointment.id} {action}d",
    )
    return PrivateNoteView(row.id, row.appointment_id, row.text, row.updated_at, row.version)


def get_private_note(db: Session, appointment_id: int) -> PrivateNoteView | None:
    row = db.scalars(
        select(PsychotherapyNote).where(PsychotherapyNote.appointment_id == appointment_id)
    ).first()
    if row is None:
        return None
    return PrivateNoteView(row.id, row.appointment_id, row.text, row.updated_at, row.version)
