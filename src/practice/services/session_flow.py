"""The one-session workflow: review homework -> note -> resistance and stage -> assign.

The session panel works on a :class:`SessionDraft`, a plain frozen value holding what
has been entered so far, valid or not. :func:`save_draft` keeps it in the
``session_drafts`` table (inside the database, so an encrypted practice keeps its
drafts encrypted), so closing the panel halfway loses nothing; :func:`start` gives
back the saved draft, or a new one prefilled from the database.

Nothing clinical is written until :func:`finish`, which validates the whole draft
first (:func:`validate_draft`) and then, in the caller's single unit of work, marks
the appointment attended, writes or updates the reviews, the note, its observations,
the private note and the new assignments, optionally signs the note, and removes
the draft (not audited as a discard: it became the record). An invalid review is
never saved: one problem anywhere and nothing is.

A session can be started before its appointment's day: that is a *preparation*
draft (:func:`is_preparation`), which :func:`finish` refuses until the day comes.
When an appointment with a draft is cancelled, :func:`draft_left_by_cancel` says what
is left and where it could go; :func:`move_draft` moves it to another scheduled
appointment of the client and :func:`discard_draft` throws it away (both audited).

Saving a draft is not audited (it is not part of the record); finishing is, through
every service it calls.

A draft belongs to the computer that saved it last (issue 17, point 3: two computers on
one practice). Another computer is told "a draft is open on <computer>"
(:func:`draft_elsewhere`) and :func:`save_draft` refuses to overwrite it
(:class:`DraftElsewhereError`) unless asked to take it over (``take_over``, audited,
naming the computer it was taken from). Signing the note of such a session from the
sessions list (:func:`sign_note`) is refused the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.computer import computer_name
from practice.db.models import (
    Appointment,
    HomeworkAssignment,
    HomeworkReview,
    Measure,
    PsychotherapyNote,
    ResistanceObservation,
    SessionDraftRow,
    SessionNote,
)
from practice.domain.adherence import comes_after
from practice.domain.session_draft import (
    NoteDraft,
    ObservationDraft,
    ReviewDraft,
    SessionDraft,
    draft_from_json,
    draft_to_json,
)
from practice.domain.text import text_problem
from practice.domain.views import AppointmentView, local_date
from practice.domain.vocabulary import (
    AppointmentStatus,
    AssignmentStatus,
    NoteFormat,
)
from practice.services import (
    appointments,
    audit,
    homework,
    notes,
    observations,
    private_notes,
    reviews,
    versions,
)
from practice.services.errors import NotFoundError, ServiceError, ValidationError
from practice.services.homework import AssignmentView
from practice.services.notes import NoteView
from practice.services.reviews import ReviewView
from practice.text import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class DraftLeft:
    """A session draft left on a cancelled appointment, and where it could move."""

    appointment_id: int
    client_id: int
    has_private_note: bool
    move_to: AppointmentView | None  # the client's next scheduled appointment without a draft
    version: int | None = None  # the draft's: pass it back to move or discard it


@dataclass(frozen=True)
class DraftElsewhere:
    """A session draft saved on another computer."""

    appointment_id: int
    computer: str
    saved_at: datetime | None


class DraftElsewhereError(ServiceError):
    """Saving would overwrite a draft another computer wrote; nothing was written."""

    def __init__(self, found: DraftElsewhere) -> None:
        self.found = found
        super().__init__(
            QT_TRANSLATE_NOOP(
                "session_flow",
                "A draft of this session is open on {computer} (saved {time}): finish it "
                "there, or take it over here.",
            ).format(computer=found.computer, time=versions.when(found.saved_at))
        )


@dataclass(frozen=True)
class SessionOutcome:
    appointment: AppointmentView
    reviews: tuple[ReviewView, ...]
    note: NoteView | None
    assignments: tuple[AssignmentView, ...]


# ---- start, keep, discard -------------------------------------------------------


def start(db: Session, appointment_id: int) -> SessionDraft:
    """The saved draft of this appointment, or a new one prefilled from the database.

    A new draft has one review form per active assignment set before this session
    (filled from an existing review, if any), the note as it stands (its format
    defaulting to the client's last note's), and its observations.
    """
    appointment = _appointment(db, appointment_id)
    if appointment.status not in (AppointmentStatus.SCHEDULED, AppointmentStatus.ATTENDED):
        raise ValidationError(
            {
                "appointment_id": QT_TRANSLATE_NOOP(
                    "session_flow",
                    "A session can only be run for a scheduled or attended appointment; this "
                    "one is {status}.",
                ).format(status=appointment.status.in_sentence)
            }
        )
    saved = load_draft(db, appointment.id)
    if saved is not None:
        if saved.loaded:
            return saved
        return replace(saved, loaded=loaded_versions(db, saved))  # saved before versions
    fresh = SessionDraft(
        appointment_id=appointment.id,
        client_id=appointment.client_id,
        reviews=tuple(_review_drafts(db, appointment)),
        **_note_parts(db, appointment),
    )
    return replace(fresh, loaded=loaded_versions(db, fresh))


def reloaded(db: Session, draft: SessionDraft) -> SessionDraft:
    """The draft after "Reload" (finishing was refused: a row changed elsewhere): what
    changed elsewhere (a review, the note and its observations, the private note) as it
    is now; the rest as entered here. Every version is taken as it is now."""
    appointment = _appointment(db, draft.appointment_id)
    was, now = draft.loaded, loaded_versions(db, draft)

    def changed(key: str) -> bool:
        return key in was and was[key] != now.get(key, 0)

    prefilled = {r.assignment_id: r for r in _review_drafts(db, appointment)}
    fresh = replace(
        draft,
        reviews=tuple(
            prefilled.get(r.assignment_id, r) if changed(f"review:{r.assignment_id}") else r
            for r in draft.reviews
        ),
    )
    parts = _note_parts(db, appointment)
    seen = {k for k in was if k.startswith("observation:")}
    if was and (changed("note") or seen != {k for k in now if k.startswith("observation:")}):
        note = replace(parts["note"], private_note=fresh.note.private_note)
        fresh = replace(fresh, note=note, observations=parts.get("observations", ()))
    if changed("private_note"):
        fresh = replace(fresh, note=replace(fresh.note, private_note=parts["note"].private_note))
    measure = (
        db.get(Measure, draft.measures.phq9_measure_id)
        if draft.measures.phq9_measure_id is not None
        else None
    )
    if measure is not None:
        fresh = replace(
            fresh, measures=replace(fresh.measures, phq9_measure_version=measure.version)
        )
    shown = {int(k.split(":")[1]) for k in was if k.startswith("raised:")}
    raised = _raised_versions(db, tuple(shown | set(draft.raised_ids)))
    return replace(fresh, loaded={**loaded_versions(db, fresh), **raised})


def loaded_versions(db: Session, draft: SessionDraft) -> dict[str, int]:
    """The versions, now, of the rows finishing ``draft`` would write (0: none yet);
    see ``SessionDraft.loaded``."""
    note = _note_row(db, draft.appointment_id)
    private = _private_row(db, draft.appointment_id)
    found = {
        "note": note.version if note is not None else 0,
        "private_note": private.version if private is not None else 0,
    }
    for r in draft.reviews:
        row = _review_row(db, r.assignment_id, draft.appointment_id)
        found[f"review:{r.assignment_id}"] = row.version if row is not None else 0
    if note is not None:
        for o in _note_observations(db, note.id):
            found[f"observation:{o.id}"] = o.version
    return found


def _raised_versions(db: Session, ids: tuple[int, ...]) -> dict[str, int]:
    rows = [db.get(ResistanceObservation, i) for i in ids]
    return {f"raised:{row.id}": row.version for row in rows if row is not None}


def with_raise_items_shown(draft: SessionDraft, shown: Mapping[int, int]) -> SessionDraft:
    """Remember the versions of the flagged observations the panel shows to raise
    (``shown``: id -> version); those remembered from an earlier opening stay."""
    return replace(draft, loaded={**{f"raised:{i}": v for i, v in shown.items()}, **draft.loaded})


def save_draft(db: Session, draft: SessionDraft, *, take_over: bool = False) -> None:
    """Keep what has been entered so far (no validation; nothing clinical is written).

    A draft another computer saved is not overwritten (:class:`DraftElsewhereError`)
    unless ``take_over``: then it becomes this computer's (audited)."""
    _appointment(db, draft.appointment_id)
    row = db.scalars(
        select(SessionDraftRow).where(SessionDraftRow.appointment_id == draft.appointment_id)
    ).first()
    elsewhere = _elsewhere(row)
    if elsewhere is not None and not take_over:
        raise DraftElsewhereError(elsewhere)
    if elsewhere is not None:
        _record_take_over(db, elsewhere)
    if row is None:
        row = SessionDraftRow(appointment_id=draft.appointment_id)
        db.add(row)
    else:
        versions.touch(row)  # saved here now, even unchanged: this computer's
    row.data = draft_to_json(draft)
    versions.flush(db, row)


def _record_take_over(db: Session, found: DraftElsewhere) -> None:
    """The audit event of taking a draft over; it names the computer it was taken from
    (a computer's name is not client data)."""
    audit.record(
        db,
        "session_draft",
        found.appointment_id,
        "take_over",
        f"draft of {found.appointment_id} taken over from {found.computer}",
    )


def sign_note(
    db: Session,
    note_id: int,
    *,
    version: int | None = None,
    take_over: bool = False,
    now: datetime | None = None,
) -> NoteView:
    """Sign a note from outside the session panel (a client's sessions list).

    A session whose draft another computer is writing is not signed from here
    (:class:`DraftElsewhereError`; nothing written): that computer may still be changing
    the note. ``take_over``: the draft becomes this computer's first (audited, as the
    panel's "Take it over"), then the note is signed. ``version``: the note's as loaded."""
    appointment_id = notes.get_note(db, note_id).appointment_id
    row = _draft_row(db, appointment_id)
    found = _elsewhere(row)
    if found is not None and not take_over:
        raise DraftElsewhereError(found)
    if row is not None and found is not None:
        _record_take_over(db, found)
        versions.touch(row)  # this computer's now, as it was saved there
        versions.flush(db, row)
    return notes.sign(db, note_id, now=now, version=version)


def draft_elsewhere(db: Session, appointment_id: int) -> DraftElsewhere | None:
    """The appointment's draft when another computer saved it (None: no draft, or this
    computer's; a draft saved before computers were recorded belongs to nobody)."""
    return _elsewhere(_draft_row(db, appointment_id))


def _elsewhere(row: SessionDraftRow | None) -> DraftElsewhere | None:
    if row is None or row.changed_by_computer in (None, computer_name()):
        return None
    return DraftElsewhere(row.appointment_id, row.changed_by_computer, row.changed_at)


def load_draft(db: Session, appointment_id: int) -> SessionDraft | None:
    row = db.scalars(
        select(SessionDraftRow).where(SessionDraftRow.appointment_id == appointment_id)
    ).first()
    if row is None:
        return None
    return draft_from_json(row.data)


def is_preparation(starts_at: datetime, now: datetime | None = None) -> bool:
    """Whether a session on an appointment starting at ``starts_at`` is only being
    prepared: the appointment is on a later day than today (it cannot be finished yet)."""
    return local_date(starts_at) > local_date(now or appointments.now_utc())


def when_text(starts_at: datetime) -> str:
    """ "Tue 9 Dec at 10:00", on the computer's clock."""
    local = starts_at.astimezone()
    return f"{local:%a} {local.day} {local:%b} at {local:%H:%M}"


def draft_left_by_cancel(
    db: Session, appointment_id: int, *, now: datetime | None = None
) -> DraftLeft | None:
    """The draft of a cancelled appointment (None: not cancelled, or no draft)."""
    appointment = _appointment(db, appointment_id)
    draft = load_draft(db, appointment_id)
    if draft is None or not appointment.status.is_cancelled:
        return None
    with_drafts = select(SessionDraftRow.appointment_id)
    following = db.scalars(
        select(Appointment)
        .where(
            Appointment.client_id == appointment.client_id,
            Appointment.id != appointment.id,
            Appointment.status == AppointmentStatus.SCHEDULED,
            Appointment.starts_at >= (now or appointments.now_utc()),
        )
        .order_by(Appointment.starts_at, Appointment.id)
        .limit(1)
    ).first()
    if following is not None and following.id in set(db.scalars(with_drafts)):
        following = None  # its own draft is not overwritten
    return DraftLeft(
        appointment_id=appointment.id,
        client_id=appointment.client_id,
        has_private_note=bool(draft.note.private_note.strip()),
        move_to=appointments.view(db, following) if following is not None else None,
        version=row.version if (row := _draft_row(db, appointment_id)) is not None else None,
    )


def move_draft(
    db: Session, from_appointment_id: int, to_appointment_id: int, *, version: int | None = None
) -> SessionDraft:
    """Move a draft (private note included) to another scheduled appointment of the
    same client that has no draft of its own. ``version``: the draft's as loaded
    (``DraftLeft.version``); refused when it was saved meanwhile elsewhere."""
    row = _draft_row(db, from_appointment_id)
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "session_flow", "Appointment {from_appointment_id} has no session draft."
            ).format(from_appointment_id=from_appointment_id)
        )
    versions.check(row, version)
    source = _appointment(db, from_appointment_id)
    target = _appointment(db, to_appointment_id)
    if target.client_id != source.client_id:
        raise ValidationError(
            {
                "appointment_id": QT_TRANSLATE_NOOP(
                    "session_flow", "A draft stays with its own client."
                )
            }
        )
    if target.status != AppointmentStatus.SCHEDULED:
        raise ValidationError(
            {
                "appointment_id": QT_TRANSLATE_NOOP(
                    "session_flow",
                    "A draft can only move to a scheduled appointment; that one is {status}.",
                ).format(status=target.status.in_sentence)
            }
        )
    if _draft_row(db, target.id) is not None:
        raise ValidationError(
            {
                "appointment_id": QT_TRANSLATE_NOOP(
                    "session_flow", "That appointment already has a session draft of its own."
                )
            }
        )
    moved = replace(draft_from_json(row.data), appointment_id=target.id)
    row.appointment_id = target.id
    row.data = draft_to_json(moved)
    versions.flush(db, row)
    audit.record(
        db,
        "session_draft",
        target.id,
        "move",
        f"draft of {source.id} moved to appointment {target.id}",
    )
    return moved


def draft_version(db: Session, appointment_id: int) -> int | None:
    """The saved draft's version (None: no draft): pass it back to discard it."""
    row = _draft_row(db, appointment_id)
    return row.version if row is not None else None


def _draft_row(db: Session, appointment_id: int) -> SessionDraftRow | None:
    return db.scalars(
        select(SessionDraftRow).where(SessionDraftRow.appointment_id == appointment_id)
    ).first()


def _remove_draft(db: Session, appointment_id: int, version: int | None = None) -> bool:
    """Delete the draft row (not audited); True if there was one. ``version``: as
    loaded (refused when the draft was saved meanwhile elsewhere)."""
    row = _draft_row(db, appointment_id)
    if row is None:
        return False
    versions.check(row, version)
    db.delete(row)
    versions.flush(db, row)
    return True


def discard_draft(db: Session, appointment_id: int, *, version: int | None = None) -> bool:
    """Throw the draft away; True if there was one. ``version``: the draft's as loaded
    (``DraftLeft.version``): a draft saved meanwhile on another computer is not thrown
    away (``ChangedElsewhereError``)."""
    if not _remove_draft(db, appointment_id, version):
        return False
    audit.record(
        db, "session_draft", appointment_id, "discard", f"draft of {appointment_id} discarded"
    )
    return True


# ---- validate and finish --------------------------------------------------------

BROUGHT_UNSET = QT_TRANSLATE_NOOP(
    "session_flow", "Choose Yes or No: did the client bring the record?"
)


def preparation_refusal(starts_at: datetime) -> str:
    return QT_TRANSLATE_NOOP(
        "session_flow",
        "This is a preparation draft: the appointment is on {when_text}. You can "
        "finish the session from that day; your draft is kept.",
    ).format(when_text=when_text(starts_at))


def validate_draft(draft: SessionDraft) -> dict[str, str]:
    """Every problem, keyed ``reviews.<assignment id>.<field>``, ``note.<field>``,
    ``observations[<i>].<field>`` or ``assignments[<i>].<field>``."""
    errors: dict[str, str] = {}
    for r in draft.reviews:
        if not r.skip:
            if r.brought is None:
                errors[f"reviews.{r.assignment_id}.brought"] = BROUGHT_UNSET
            for name, message in reviews.validate(r.to_input()).items():
                errors[f"reviews.{r.assignment_id}.{name}"] = message
    if not draft.note.already_signed:
        for name, message in notes.validate(draft.note.to_input()).items():
            errors[f"note.{name}"] = message
        for i, o in enumerate(draft.observations):
            for name, message in observations.validate(o.to_input()).items():
                errors[f"observations[{i}].{name}"] = message
    if problem := text_problem(draft.note.private_note, private_notes.PRIVATE_NOTE_MAX):
        errors["note.private_note"] = QT_TRANSLATE_NOOP(
            "session_flow", "Private note {problem}."
        ).format(problem=problem)
    for i, a in enumerate(draft.assignments):
        for name, message in homework.validate(a).items():
            errors[f"assignments[{i}].{name}"] = message
    if draft.sign_note and draft.note.is_empty and not draft.note.already_signed:
        errors["note"] = QT_TRANSLATE_NOOP(
            "session_flow", "The note is empty; write it before signing."
        )
    return errors


def finish(
    db: Session,
    draft: SessionDraft,
    *,
    running: Mapping[int, homework.RunningChoice] | None = None,
    now: datetime | None = None,
) -> SessionOutcome:
    """Write the whole session at once (see the module docstring), or nothing.

    ``running``: for a new assignment (by its index in ``draft.assignments``) whose
    template the client already has running, whether it replaces that one or both run.
    """
    appointment = _appointment(db, draft.appointment_id)
    if is_preparation(appointment.starts_at, now):
        raise ValidationError({"appointment_id": preparation_refusal(appointment.starts_at)})
    errors = validate_draft(draft)
    if errors:
        raise ValidationError(errors)
    own = _draft_row(db, draft.appointment_id)
    found = _elsewhere(own)
    if found is not None:  # taken over meanwhile there: that computer finishes it
        raise DraftElsewhereError(found)
    check_loaded(db, draft)  # all or nothing: before anything is written
    if appointment.status == AppointmentStatus.SCHEDULED:
        appointments.mark(db, appointment.id, AppointmentStatus.ATTENDED)
    elif appointment.status != AppointmentStatus.ATTENDED:
        raise ValidationError(
            {
                "appointment_id": QT_TRANSLATE_NOOP(
                    "session_flow", "This appointment is {status}."
                ).format(status=appointment.status.in_sentence)
            }
        )
    written: list[ReviewView] = []
    for r in draft.reviews:
        if r.skip:
            continue
        existing = reviews.review_for(db, r.assignment_id, appointment.id)
        if existing is not None:
            written.append(reviews.update_review(db, existing.id, r.to_input()))
        else:
            written.append(reviews.review(db, r.assignment_id, appointment.id, r.to_input()))
    note = _write_note(db, draft)
    private_notes.save_private_note(db, appointment.id, draft.note.private_note)
    new = tuple(
        homework.assign_new(
            db,
            appointment.client_id,
            a,
            appointment_id=appointment.id,
            running=(running or {}).get(i),
        )
        for i, a in enumerate(draft.assignments)
    )
    if draft.raised_ids:
        observations.mark_raised(db, draft.raised_ids, loaded=_raised_loaded(draft))
    # The draft became the session record: removed without a "discard" event (the
    # trail must not suggest a note was thrown away; the record itself is audited).
    # removed as read above: a take-over committed there since is refused, all undone
    _remove_draft(db, appointment.id, version=own.version if own is not None else None)
    return SessionOutcome(appointments.get(db, appointment.id), tuple(written), note, new)


def check_loaded(db: Session, draft: SessionDraft) -> None:
    """Refuse (:class:`~practice.services.versions.ChangedElsewhereError`) when a row
    finishing would write changed since the draft was opened (``draft.loaded``): the
    note (signed or edited elsewhere), its observations, the private note, a review,
    an observation to mark raised, the PHQ-9 recorded at once. Nothing is written."""
    loaded = draft.loaded
    if draft.measures.phq9_measure_id is not None:
        _check(db.get(Measure, draft.measures.phq9_measure_id), draft.measures.phq9_measure_version)
    for i, version in (_raised_loaded(draft) or {}).items():
        _check(db.get(ResistanceObservation, i), version)
    if not loaded:
        return  # a draft saved before versions were kept: nothing to compare
    for r in draft.reviews:
        if not r.skip:
            row = _review_row(db, r.assignment_id, draft.appointment_id)
            _check(row, loaded.get(f"review:{r.assignment_id}"))
    _check(_private_row(db, draft.appointment_id), loaded.get("private_note"))
    if draft.note.already_signed:
        return  # finishing leaves the signed note alone
    note = _note_row(db, draft.appointment_id)
    _check(note, loaded.get("note"))
    if note is not None and "note" in loaded:
        seen = {int(k.split(":")[1]): v for k, v in loaded.items() if k.startswith("observation:")}
        versions.check_set(db, ResistanceObservation, _note_observations(db, note.id), seen)


def _check(row: Any, version: int | None) -> None:
    if version is None:
        return
    if row is None:
        if version != 0:  # removed meanwhile
            raise versions.ChangedElsewhereError(None, None)
        return
    versions.check(row, version)


def _raised_loaded(draft: SessionDraft) -> dict[int, int] | None:
    found = {
        i: draft.loaded[f"raised:{i}"] for i in draft.raised_ids if f"raised:{i}" in draft.loaded
    }
    return found or None


def _note_row(db: Session, appointment_id: int) -> SessionNote | None:
    return db.scalars(
        select(SessionNote).where(SessionNote.appointment_id == appointment_id)
    ).first()


def _private_row(db: Session, appointment_id: int) -> PsychotherapyNote | None:
    return db.scalars(
        select(PsychotherapyNote).where(PsychotherapyNote.appointment_id == appointment_id)
    ).first()


def _review_row(db: Session, assignment_id: int, appointment_id: int) -> HomeworkReview | None:
    return db.scalars(
        select(HomeworkReview).where(
            HomeworkReview.assignment_id == assignment_id,
            HomeworkReview.appointment_id == appointment_id,
        )
    ).first()


def _note_observations(db: Session, note_id: int) -> list[ResistanceObservation]:
    return list(
        db.scalars(select(ResistanceObservation).where(ResistanceObservation.note_id == note_id))
    )


def _write_note(db: Session, draft: SessionDraft) -> NoteView | None:
    existing = notes.note_for_appointment(db, draft.appointment_id)
    if draft.note.already_signed or (existing is not None and existing.signed):
        return existing
    if existing is None and draft.note.is_empty and not draft.observations:
        return None
    note = notes.save_note(db, draft.appointment_id, draft.note.to_input())
    kept = {o.id for o in draft.observations if o.id is not None}
    for old in note.observations:
        if old.id not in kept:
            observations.remove_observation(db, old.id)
    for o in draft.observations:
        if o.id is None:
            observations.add_observation(db, note.id, o.to_input())
        else:
            observations.update_observation(db, o.id, o.to_input())
    if draft.sign_note:
        return notes.sign(db, note.id)
    return notes.get_note(db, note.id)


# ---- prefill --------------------------------------------------------------------


def _review_drafts(db: Session, appointment: Appointment) -> list[ReviewDraft]:
    active = db.scalars(
        select(HomeworkAssignment)
        .where(
            HomeworkAssignment.client_id == appointment.client_id,
            HomeworkAssignment.status == AssignmentStatus.ACTIVE,
        )
        .order_by(HomeworkAssignment.start_date, HomeworkAssignment.id)
    ).all()
    existing = {
        v.assignment_id: v for v in reviews.review_views(db, appointment_ids=[appointment.id])
    }
    drafts = []
    for a in active:
        started, start_date = reviews.set_at(db, a)
        if not comes_after(
            a.assigned_in_id, started, start_date, appointment.id, appointment.starts_at
        ):
            continue
        done = existing.get(a.id)
        if done is None:
            drafts.append(ReviewDraft(assignment_id=a.id, assignment_title=a.title))
            continue
        drafts.append(
            ReviewDraft(
                assignment_id=a.id,
                assignment_title=a.title,
                brought=done.brought,
                completion=done.completion,
                client_rating=done.client_rating,
                quality=done.quality,
                days_recorded=done.days_recorded,
                barriers=done.barriers,
                strategies=done.strategies,
                note=done.note or "",
            )
        )
    return drafts


def _note_parts(db: Session, appointment: Appointment) -> dict[str, Any]:
    note = notes.note_for_appointment(db, appointment.id)
    private = private_notes.get_private_note(db, appointment.id)
    private_text = private.text if private else ""
    if note is None:
        earlier = notes.notes_for_client(db, appointment.client_id)
        fmt = earlier[0].format if earlier else NoteFormat.FREE
        return {"note": NoteDraft(format=fmt, private_note=private_text)}
    return {
        "note": NoteDraft(
            format=note.format,
            sections=note.current_sections,
            stage_of_change=note.stage_of_change,
            plan=note.current_plan or "",
            private_note=private_text,
            already_signed=note.signed,
        ),
        "observations": tuple(
            ObservationDraft(o.kind, o.text or "", o.raise_next_session, o.id)
            for o in note.observations
        ),
    }


def _appointment(db: Session, appointment_id: int) -> Appointment:
    appointment = db.get(Appointment, appointment_id)
    if appointment is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "session_flow", "There is no appointment with id {appointment_id}."
            ).format(appointment_id=appointment_id)
        )
    return appointment
