"""Resistance observations of a session note, and the agenda of things to raise next time.

Observations are part of the note: they are added, edited and removed freely while
the note is unsigned. After signing they can only be added with an amendment
(``notes.amend(..., observations=[...])``) and never removed, so the signed record
stays as it was. Whether an item was raised in a later session is not part of the
note: :func:`mark_raised` works at any time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import Appointment, NoteAmendment, ResistanceObservation, SessionNote
from practice.domain.inputs import ObservationInput
from practice.domain.text import clean, text_problem
from practice.domain.views import ObservationView, RaiseItem
from practice.domain.vocabulary import ResistanceKind
from practice.services import audit, versions
from practice.services.appointments import now_utc
from practice.services.errors import NotFoundError, ValidationError
from practice.text import QT_TRANSLATE_NOOP

OBSERVATION_TEXT_MAX = 5_000
# How many recent notes to look through for the last plan.
PLAN_LOOKBACK = 20


@dataclass(frozen=True)
class RaiseAgenda:
    """What to bring up openly in the next session of a client."""

    items: tuple[RaiseItem, ...]  # flagged and not yet raised, oldest first
    last_plan: str | None  # the plan of the latest note that has one (as amended)
    last_plan_session_at: datetime | None


def validate(data: ObservationInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not isinstance(data.kind, ResistanceKind):
        try:
            ResistanceKind(data.kind)
        except ValueError:
            errors["kind"] = QT_TRANSLATE_NOOP(
                "observations", "Choose the kind of resistance observed."
            )
    problem = text_problem(data.text, OBSERVATION_TEXT_MAX)
    if problem:
        errors["text"] = QT_TRANSLATE_NOOP("observations", "Observation text {problem}.").format(
            problem=problem
        )
    return errors


def add_observation(db: Session, note_id: int, data: ObservationInput) -> ObservationView:
    """Add an observation to an unsigned note."""
    note = _unsigned_note(db, note_id)
    return add_observations(db, note.id, [data])[0]


def update_observation(
    db: Session, observation_id: int, data: ObservationInput, *, version: int | None = None
) -> ObservationView:
    """Change kind, text or flag of an observation of an unsigned note (``version``: as
    loaded; refused when it changed meanwhile, see ``practice.services.versions``)."""
    row = _load(db, observation_id)
    versions.check(row, version)
    _unsigned_note(db, row.note_id)
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    row.kind = ResistanceKind(data.kind)
    row.text = clean(data.text)
    row.raise_next_session = bool(data.raise_next_session)
    versions.flush(db, row)
    audit.record(db, "resistance_observation", row.id, "update", f"observation {row.id} changed")
    return _view(row)


def remove_observation(db: Session, observation_id: int) -> None:
    """Remove an observation from an unsigned note."""
    row = _load(db, observation_id)
    _unsigned_note(db, row.note_id)
    db.delete(row)
    db.flush()
    audit.record(
        db,
        "resistance_observation",
        observation_id,
        "delete",
        f"observation {observation_id} removed from note {row.note_id}",
    )


def add_observations(
    db: Session,
    note_id: int,
    items: Sequence[ObservationInput],
    *,
    amendment_id: int | None = None,
) -> list[ObservationView]:
    """Validate and add several observations (no signed-note check: callers decide)."""
    errors: dict[str, str] = {}
    for i, data in enumerate(items):
        for name, message in validate(data).items():
            errors[f"observations[{i}].{name}"] = message
    if errors:
        raise ValidationError(errors)
    rows = [
        ResistanceObservation(
            note_id=note_id,
            kind=ResistanceKind(data.kind),
            text=clean(data.text),
            raise_next_session=bool(data.raise_next_session),
            amendment_id=amendment_id,
        )
        for data in items
    ]
    db.add_all(rows)
    db.flush()
    for row in rows:
        audit.record(
            db,
            "resistance_observation",
            row.id,
            "create",
            f"observation {row.id} ({row.kind.value}) on note {note_id}",
        )
    return [_view(row) for row in rows]


def observation_views(db: Session, note_ids: Iterable[int]) -> dict[int, list[ObservationView]]:
    """Note id -> its observations in the order they were added, in one query."""
    result: dict[int, list[ObservationView]] = {}
    ids = list(note_ids)
    if not ids:
        return result
    for row in db.scalars(
        select(ResistanceObservation)
        .where(ResistanceObservation.note_id.in_(ids))
        .order_by(ResistanceObservation.created_at, ResistanceObservation.id)
    ):
        result.setdefault(row.note_id, []).append(_view(row))
    return result


def items_to_raise(db: Session, client_id: int) -> RaiseAgenda:
    """Flagged observations not yet raised (oldest first) and the last plan."""
    rows = db.execute(
        select(ResistanceObservation, Appointment.id, Appointment.starts_at)
        .join(SessionNote, SessionNote.id == ResistanceObservation.note_id)
        .join(Appointment, Appointment.id == SessionNote.appointment_id)
        .where(
            Appointment.client_id == client_id,
            ResistanceObservation.raise_next_session.is_(True),
            ResistanceObservation.raised_at.is_(None),
        )
        .order_by(Appointment.starts_at, ResistanceObservation.id)
    ).all()
    items = tuple(RaiseItem(_view(obs), appt_id, at) for obs, appt_id, at in rows)
    plan, plan_at = _last_plan(db, client_id)
    return RaiseAgenda(items, plan, plan_at)


def mark_raised(
    db: Session,
    observation_ids: Iterable[int],
    *,
    raised: bool = True,
    now: datetime | None = None,
    loaded: Mapping[int, int] | None = None,
) -> list[ObservationView]:
    """Record that the items were raised (or, with ``raised=False``, undo that).

    ``loaded``: observation id -> version as loaded (the agenda's items carry it); the
    whole action is refused, nothing written, when any of them changed meanwhile
    elsewhere (``practice.services.versions``). None skips the check."""
    ids = list(dict.fromkeys(observation_ids))
    rows = {
        r.id: r
        for r in db.scalars(select(ResistanceObservation).where(ResistanceObservation.id.in_(ids)))
    }
    missing = [i for i in ids if i not in rows]
    if missing:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("observations", "There is no observation with id {value}.").format(
                value=missing[0]
            )
        )
    for i in ids:
        versions.check(rows[i], (loaded or {}).get(i))
    moment = now or now_utc()
    for i in ids:
        row = rows[i]
        new = moment if raised else None
        if (row.raised_at is None) == (new is None):
            continue
        row.raised_at = new
        audit.record(
            db,
            "resistance_observation",
            row.id,
            "raised" if raised else "unraised",
            f"observation {row.id} {'raised in session' if raised else 'marked not raised'}",
        )
    versions.flush(db)
    return [_view(rows[i]) for i in ids]


def _last_plan(db: Session, client_id: int) -> tuple[str | None, datetime | None]:
    notes = db.execute(
        select(SessionNote.id, SessionNote.plan, Appointment.starts_at)
        .join(Appointment, Appointment.id == SessionNote.appointment_id)
        .where(Appointment.client_id == client_id)
        .order_by(Appointment.starts_at.desc(), SessionNote.id.desc())
        .limit(PLAN_LOOKBACK)
    ).all()
    amended: dict[int, str | None] = {}
    for note_id, plan in db.execute(
        select(NoteAmendment.note_id, NoteAmendment.plan)
        .where(
            NoteAmendment.note_id.in_([n.id for n in notes]),
            NoteAmendment.plan.is_not(None),
        )
        .order_by(NoteAmendment.created_at, NoteAmendment.id)
    ):
        amended[note_id] = plan
    for note_id, plan, at in notes:
        current = amended.get(note_id, plan)
        if current:
            return current, at
    return None, None


def _unsigned_note(db: Session, note_id: int) -> SessionNote:
    note = db.get(SessionNote, note_id)
    if note is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("observations", "There is no session note with id {note_id}.").format(
                note_id=note_id
            )
        )
    if note.signed_at is not None:
        raise ValidationError(
            {
                "note": QT_TRANSLATE_NOOP(
                    "observations",
                    "This note is signed; observations can only be added with an amendment, "
                    "and not removed.",
                )
            }
        )
    return note


def _load(db: Session, observation_id: int) -> ResistanceObservation:
    row = db.get(ResistanceObservation, observation_id)
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "observations", "There is no observation with id {observation_id}."
            ).format(observation_id=observation_id)
        )
    return row


def _view(row: ResistanceObservation) -> ObservationView:
    return ObservationView(
        id=row.id,
        note_id=row.note_id,
        kind=row.kind,
        text=row.text,
        raise_next_session=row.raise_next_session,
        raised_at=row.raised_at,
        amendment_id=row.amendment_id,
        version=row.version,
        created_at=row.created_at,
    )
