"""Session notes: write while unsigned, sign to lock, amend afterwards.

A session note belongs to an ATTENDED appointment (one note per appointment). Its
sections are named by the format (``NOTE_SECTIONS``). Once signed, the note and its
resistance observations never change again: :func:`amend` adds a ``NoteAmendment``
holding the sections (and plan) as amended, and may add observations that carry
the amendment's id. Views show the original and the amendments (oldest first);
``NoteView.current_sections`` is the original overlaid by every amendment.

Resistance observations are part of the note (see ``practice.services.observations``):
added, edited and removed freely while the note is unsigned; after signing only
through an amendment, and never removed. Marking an observation "raised" is not an
edit of the note and works at any time.

The psychotherapy note (the therapist's private process note) is a separate row,
handled by ``practice.services.private_notes``, and never part of a ``NoteView``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import (
    Appointment,
    Client,
    NoteAmendment,
    SessionNote,
)
from practice.domain.inputs import NoteInput, ObservationInput
from practice.domain.text import clean, text_problem
from practice.domain.views import ObservationView
from practice.domain.vocabulary import AppointmentStatus, NoteFormat, StageOfChange
from practice.services import audit, versions
from practice.services.appointments import now_utc
from practice.services.errors import NotFoundError, ValidationError
from practice.services.observations import add_observations, observation_views
from practice.text import QT_TRANSLATE_NOOP

SECTION_MAX = 100_000
PLAN_MAX = 20_000
REASON_MAX = 2_000
SUMMARY_LENGTH = 160


@dataclass(frozen=True)
class AmendmentView:
    id: int
    note_id: int
    sections: dict[str, str]  # only the sections this amendment changed
    plan: str | None  # None: the plan was not changed
    reason: str
    created_at: datetime


@dataclass(frozen=True)
class NoteView:
    id: int
    appointment_id: int
    client_id: int
    session_at: datetime
    format: NoteFormat
    sections: dict[str, str]  # every section of the format, in order, as first written
    stage_of_change: StageOfChange | None
    plan: str | None
    signed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    amendments: tuple[AmendmentView, ...] = ()  # oldest first
    observations: tuple[ObservationView, ...] = ()  # in the order they were added
    version: int | None = None  # pass it back when saving (``practice.services.versions``)

    @property
    def signed(self) -> bool:
        return self.signed_at is not None

    @property
    def current_sections(self) -> dict[str, str]:
        """The sections as they read now: the original overlaid by every amendment."""
        current = dict(self.sections)
        for amendment in self.amendments:
            current.update(amendment.sections)
        return current

    @property
    def current_plan(self) -> str | None:
        plan = self.plan
        for amendment in self.amendments:
            if amendment.plan is not None:
                plan = amendment.plan
        return plan or None

    @property
    def summary(self) -> str:
        """The first words of the note as it reads now, on one line."""
        text = " ".join(" ".join(t.split()) for t in self.current_sections.values() if t)
        if len(text) <= SUMMARY_LENGTH:
            return text
        return text[: SUMMARY_LENGTH - 1].rstrip() + "…"


# ---- validation -----------------------------------------------------------------


def validate(data: NoteInput) -> dict[str, str]:
    """Field name -> message; section problems are keyed ``sections.<name>``."""
    errors: dict[str, str] = {}
    errors.update(_section_problems(data.format, data.sections))
    problem = text_problem(data.plan, PLAN_MAX)
    if problem:
        errors["plan"] = QT_TRANSLATE_NOOP("notes", "Plan {problem}.").format(problem=problem)
    return errors


def _section_problems(fmt: NoteFormat, sections: Mapping[str, str]) -> dict[str, str]:
    errors: dict[str, str] = {}
    names = fmt.sections
    for name, text in sections.items():
        if name not in names:
            errors[f"sections.{name}"] = QT_TRANSLATE_NOOP(
                "notes", "'{name}' is not a section of a {value} note (its sections: {names})."
            ).format(name=name, value=fmt.value.upper(), names=", ".join(names))
        elif not isinstance(text, str):
            errors[f"sections.{name}"] = QT_TRANSLATE_NOOP("notes", "{name} must be text.").format(
                name=name
            )
        else:
            problem = text_problem(text, SECTION_MAX)
            if problem:
                errors[f"sections.{name}"] = QT_TRANSLATE_NOOP("notes", "{name} {problem}.").format(
                    name=name, problem=problem
                )
    return errors


def _clean_sections(sections: Mapping[str, str], names: Sequence[str]) -> dict[str, str]:
    """Only non-empty sections, in the format's order, stripped of outer blank space."""
    return {n: sections[n].strip() for n in names if n in sections and sections[n].strip()}


def require_attended(db: Session, appointment_id: int | None) -> Appointment:
    appointment = db.get(Appointment, appointment_id) if appointment_id else None
    if appointment is None:
        raise ValidationError(
            {
                "appointment_id": QT_TRANSLATE_NOOP(
                    "notes", "There is no appointment with id {appointment_id}."
                ).format(appointment_id=appointment_id)
            }
        )
    if appointment.status != AppointmentStatus.ATTENDED:
        raise ValidationError(
            {
                "appointment_id": QT_TRANSLATE_NOOP(
                    "notes",
                    "Notes are written for an appointment that took place; this one is "
                    "{status}. Mark it attended first.",
                ).format(status=appointment.status.in_sentence)
            }
        )
    return appointment


# ---- session notes --------------------------------------------------------------


def save_note(
    db: Session, appointment_id: int, data: NoteInput, *, version: int | None = None
) -> NoteView:
    """Create the note of an attended appointment, or update it while unsigned.

    ``version``: the note's version as loaded (refused when it changed meanwhile; see
    ``practice.services.versions``)."""
    appointment = require_attended(db, appointment_id)
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    note = db.scalars(
        select(SessionNote).where(SessionNote.appointment_id == appointment.id)
    ).first()
    action = "update"
    if note is None:
        note = SessionNote(appointment_id=appointment.id)
        db.add(note)
        action = "create"
    elif note.signed_at is not None:
        raise ValidationError(
            {
                "note": QT_TRANSLATE_NOOP(
                    "notes", "This note is signed and cannot be changed; add an amendment instead."
                )
            }
        )
    else:
        versions.check(note, version)
    note.format = data.format
    note.sections = _clean_sections(data.sections, data.format.sections)
    note.stage_of_change = data.stage_of_change
    note.plan = clean(data.plan)
    versions.flush(db, note)
    audit.record(
        db,
        "session_note",
        note.id,
        action,
        f"note {note.id} of appointment {appointment.id} {action}d ({data.format.value})",
    )
    _update_client_stage(db, appointment.client_id)
    return get_note(db, note.id)


def sign(
    db: Session, note_id: int, *, now: datetime | None = None, version: int | None = None
) -> NoteView:
    """Lock the note: from now on changes are amendments (``version``: as loaded)."""
    note = _load(db, note_id)
    versions.check(note, version)
    if note.signed_at is not None:
        raise ValidationError({"note": QT_TRANSLATE_NOOP("notes", "This note is already signed.")})
    if not note.sections and not note.plan:
        raise ValidationError(
            {"note": QT_TRANSLATE_NOOP("notes", "The note is empty; write it before signing.")}
        )
    note.signed_at = now or now_utc()
    versions.flush(db, note)
    audit.record(db, "session_note", note.id, "sign", f"note {note.id} signed")
    return get_note(db, note.id)


def amend(
    db: Session,
    note_id: int,
    sections: Mapping[str, str] | None = None,
    plan: str | None = None,
    reason: str = "",
    observations: Sequence[ObservationInput] = (),
) -> NoteView:
    """Add an amendment to a signed note; the original stays as it was signed.

    ``sections``: the amended text of the sections to change (others stay as they
    read now); ``plan``: the amended plan, or None to leave it; ``observations``:
    resistance observations to add with this amendment. A reason is required.
    """
    note = _load(db, note_id)
    if note.signed_at is None:
        raise ValidationError(
            {
                "note": QT_TRANSLATE_NOOP(
                    "notes", "This note is not signed yet; edit it directly instead of amending."
                )
            }
        )
    errors = _section_problems(note.format, sections or {})
    reason_clean = clean(reason)
    if not reason_clean:
        errors["reason"] = QT_TRANSLATE_NOOP("notes", "An amendment needs a reason.")
    elif problem := text_problem(reason_clean, REASON_MAX):
        errors["reason"] = QT_TRANSLATE_NOOP("notes", "Reason {problem}.").format(problem=problem)
    if problem := text_problem(plan, PLAN_MAX):
        errors["plan"] = QT_TRANSLATE_NOOP("notes", "Plan {problem}.").format(problem=problem)
    if errors:
        raise ValidationError(errors)
    current = get_note(db, note.id)
    changed = {
        name: (text or "").strip()
        for name, text in (sections or {}).items()
        if (text or "").strip() != current.current_sections.get(name, "")
    }
    new_plan = clean(plan) if plan is not None else None
    plan_changed = plan is not None and new_plan != current.current_plan
    if not changed and not plan_changed and not observations:
        raise ValidationError(
            {
                "note": QT_TRANSLATE_NOOP(
                    "notes", "Nothing to amend: the text is the same as the note reads now."
                )
            }
        )
    amendment = NoteAmendment(
        note_id=note.id,
        sections=changed,
        plan=(new_plan or "") if plan_changed else None,
        reason=reason_clean,
    )
    db.add(amendment)
    db.flush()
    add_observations(db, note.id, observations, amendment_id=amendment.id)
    audit.record(
        db,
        "session_note",
        note.id,
        "amend",
        f"note {note.id} amended (amendment {amendment.id}; sections: "
        f"{', '.join(changed) or 'none'}; plan {'changed' if plan_changed else 'unchanged'}; "
        f"{len(observations)} observation(s) added)",
    )
    return get_note(db, note.id)


def get_note(db: Session, note_id: int) -> NoteView:
    return note_views(db, [_load(db, note_id)])[0]


def note_for_appointment(db: Session, appointment_id: int) -> NoteView | None:
    note = db.scalars(
        select(SessionNote).where(SessionNote.appointment_id == appointment_id)
    ).first()
    return note_views(db, [note])[0] if note is not None else None


def notes_for_client(db: Session, client_id: int) -> list[NoteView]:
    """Every session note of a client, newest session first (three queries in all)."""
    notes = db.scalars(
        select(SessionNote)
        .join(Appointment, Appointment.id == SessionNote.appointment_id)
        .where(Appointment.client_id == client_id)
        .order_by(Appointment.starts_at.desc(), SessionNote.id.desc())
    ).all()
    return note_views(db, notes)


def note_views(db: Session, notes: Iterable[SessionNote]) -> list[NoteView]:
    """Views of many notes: one query each for appointments, amendments, observations."""
    notes = list(notes)
    if not notes:
        return []
    ids = [n.id for n in notes]
    appointments = {
        a.id: a
        for a in db.scalars(
            select(Appointment).where(Appointment.id.in_([n.appointment_id for n in notes]))
        )
    }
    amendments: dict[int, list[AmendmentView]] = {i: [] for i in ids}
    for a in db.scalars(
        select(NoteAmendment)
        .where(NoteAmendment.note_id.in_(ids))
        .order_by(NoteAmendment.created_at, NoteAmendment.id)
    ):
        amendments[a.note_id].append(
            AmendmentView(a.id, a.note_id, dict(a.sections), a.plan, a.reason, a.created_at)
        )
    observations = observation_views(db, ids)
    result = []
    for n in notes:
        appointment = appointments[n.appointment_id]
        stored = n.sections or {}
        result.append(
            NoteView(
                id=n.id,
                appointment_id=n.appointment_id,
                client_id=appointment.client_id,
                session_at=appointment.starts_at,
                format=n.format,
                sections={name: stored.get(name, "") for name in n.format.sections},
                stage_of_change=n.stage_of_change,
                plan=n.plan,
                signed_at=n.signed_at,
                created_at=n.created_at,
                updated_at=n.updated_at,
                amendments=tuple(amendments[n.id]),
                observations=tuple(observations.get(n.id, ())),
                version=n.version,
            )
        )
    return result


def _update_client_stage(db: Session, client_id: int) -> None:
    """The client's current stage is the one in their latest note that records a stage."""
    latest = db.scalar(
        select(SessionNote.stage_of_change)
        .join(Appointment, Appointment.id == SessionNote.appointment_id)
        .where(Appointment.client_id == client_id, SessionNote.stage_of_change.is_not(None))
        .order_by(Appointment.starts_at.desc(), Appointment.id.desc())
        .limit(1)
    )
    client = db.get(Client, client_id)
    if latest is None or client is None or client.stage_of_change == latest:
        return
    old = client.stage_of_change
    client.stage_of_change = latest
    db.flush()
    audit.record(
        db,
        "client",
        client.id,
        "stage",
        f"stage of change {old.value if old else 'none'} -> {latest.value} (from a session note)",
    )


def _load(db: Session, note_id: int) -> SessionNote:
    note = db.get(SessionNote, note_id)
    if note is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("notes", "There is no session note with id {note_id}.").format(
                note_id=note_id
            )
        )
    return note
