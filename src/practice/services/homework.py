"""Homework assignments: prefill from client and template, assign, change, drop, complete.

Every assignment gets a short unique ``code`` (printed on the sheet as text and QR)
from an alphabet without look-alike characters. An ACTIVE assignment can be edited
(:func:`update`), replaced by another task (:func:`replace`: the old one becomes
REPLACED, the new one links to it through ``replaces_id``), dropped with a reason,
or completed. Only ACTIVE assignments change. Prefilled input for a new assignment
comes from ``practice.services.homework_prefill.defaults_for``.

Setting a task the client already has running (:func:`running_of_template`) is a
choice the therapist makes knowingly (:class:`RunningChoice`, :func:`assign_new`):
the new one replaces the running one (which then stops, and its reminders with it),
or both run side by side, which the audit trail records.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, fields
from dataclasses import replace as dc_replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import Appointment, Client, HomeworkAssignment
from practice.domain.inputs import AssignmentInput
from practice.domain.text import clean, text_problem
from practice.domain.vocabulary import (
    AppointmentStatus,
    AssignmentStatus,
    ClientStatus,
    Frequency,
)
from practice.services import audit, homework_prefill, versions
from practice.services.errors import NotFoundError, ValidationError
from practice.services.reviews import ReviewView, review_views
from practice.sheets.readability import TextCheck, check_text
from practice.text import QT_TRANSLATE_NOOP, shown_date

if TYPE_CHECKING:
    from practice.sheets.templates import TemplateLibrary

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
CODE_ATTEMPTS = 20
TITLE_MAX = 200
TEXT_MAX = 20_000
REASON_MAX = 2_000
TIMES_PER_WEEK = range(1, 22)
TEMPLATE_KEY_RE = re.compile(r"^[a-z0-9_]{1,64}$")
SET_AGAIN_REASON = "Set again: a new one of the same task replaces it."


@dataclass(frozen=True)
class AssignmentView(AssignmentInput):
    id: int = 0
    code: str = ""
    client_id: int = 0
    assigned_in_id: int | None = None  # the appointment where it was set
    status: AssignmentStatus = AssignmentStatus.ACTIVE
    status_reason: str | None = None
    replaces_id: int | None = None
    replaced_by_id: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    reviews: tuple[ReviewView, ...] = ()  # newest session first
    # Set by assign, update and replace when the instructions read above the
    # client's level: a warning to show, never a reason to refuse.
    text_check: TextCheck | None = None
    version: int | None = None  # pass it back when saving (``practice.services.versions``)

    @property
    def is_active(self) -> bool:
        return self.status == AssignmentStatus.ACTIVE


_INPUT_FIELDS = tuple(f.name for f in fields(AssignmentInput))


def defaults_for(
    db: Session,
    client_id: int,
    template_key: str,
    *,
    templates: TemplateLibrary,
    today: date | None = None,
) -> AssignmentInput:
    """New-assignment input prefilled from client and template (see ``homework_prefill``)."""
    return homework_prefill.defaults_for(
        db, client_id, template_key, templates=templates, today=today
    )


# ---- validation -----------------------------------------------------------------


def validate(data: AssignmentInput, *, today: date | None = None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.template_key or not TEMPLATE_KEY_RE.match(data.template_key):
        errors["template_key"] = QT_TRANSLATE_NOOP(
            "homework", "Choose a template (its key is 1-64 lowercase letters, digits or _)."
        )
    title = clean(data.title)
    if not title:
        errors["title"] = QT_TRANSLATE_NOOP("homework", "Title is required.")
    elif problem := text_problem(title, TITLE_MAX):
        errors["title"] = QT_TRANSLATE_NOOP("homework", "Title {problem}.").format(problem=problem)
    for name, label in (
        ("instructions", QT_TRANSLATE_NOOP("homework", "Instructions")),
        ("rationale", QT_TRANSLATE_NOOP("homework", "Why this helps you")),
        ("target", QT_TRANSLATE_NOOP("homework", "Target")),
    ):
        if problem := text_problem(getattr(data, name), TEXT_MAX):
            errors[name] = QT_TRANSLATE_NOOP("homework", "{label} {problem}.").format(
                label=label, problem=problem
            )
    if data.frequency == Frequency.PER_WEEK:
        n = data.times_per_week
        if n is None:
            errors["times_per_week"] = QT_TRANSLATE_NOOP(
                "homework", "Say how many times a week (1 to 21)."
            )
        elif isinstance(n, bool) or not isinstance(n, int) or n not in TIMES_PER_WEEK:
            errors["times_per_week"] = QT_TRANSLATE_NOOP(
                "homework", "Times per week must be from 1 to 21; got {n}."
            ).format(n=repr(n))
    start = data.start_date or today or date.today()
    if data.due_date is not None and data.due_date < start:
        errors["due_date"] = QT_TRANSLATE_NOOP(
            "homework", "The due date ({due_date}) is before the start ({start})."
        ).format(
            due_date=shown_date(data.due_date, "{0:%d %b %Y}"),
            start=shown_date(start, "{0:%d %b %Y}"),
        )
    return errors


def instructions_check(data: AssignmentInput) -> TextCheck | None:
    """The instructions measured against the assignment's level (docs/clinical.md,
    Readability targets); None when they read at that level (or are empty)."""
    text = clean(data.instructions)
    if not text:
        return None
    check = check_text(text, data.level, data.language)
    return check if check.too_hard else None


def _checked(view: AssignmentView, data: AssignmentInput) -> AssignmentView:
    return dc_replace(view, text_check=instructions_check(data))


def _normalised(data: AssignmentInput) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(data, name) for name in _INPUT_FIELDS}
    for name in ("title", "instructions", "rationale", "target"):
        values[name] = clean(values[name])  # type: ignore[arg-type]
    if data.frequency != Frequency.PER_WEEK:
        values["times_per_week"] = None
    values["start_date"] = data.start_date or date.today()
    return values


# ---- writing --------------------------------------------------------------------


def assign(
    db: Session,
    client_id: int,
    data: AssignmentInput,
    *,
    appointment_id: int | None = None,
) -> AssignmentView:
    """Set homework for a client, optionally in a session (an attended appointment).
    The view's ``text_check`` warns when the instructions read above the level."""
    client = _client(db, client_id)
    if client.status == ClientStatus.DISCHARGED:
        raise ValidationError(
            {
                "client_id": QT_TRANSLATE_NOOP(
                    "homework", "This client is discharged; make them active before assigning."
                )
            }
        )
    errors = validate(data)
    if appointment_id is not None:
        errors.update(_session_problem(db, client.id, appointment_id))
    if errors:
        raise ValidationError(errors)
    row = _insert(db, client.id, data, appointment_id, replaces_id=None)
    audit.record(
        db,
        "homework_assignment",
        row.id,
        "assign",
        f"assignment {row.id} ({row.template_key}, {row.level.value}, {row.language.value}) "
        f"for client {client.id}",
    )
    return _checked(get(db, row.id), data)


@dataclass(frozen=True)
class RunningChoice:
    """What to do with the running assignment of the same template as a new one."""

    running_id: int
    replace: bool  # True: the new one replaces it; False: both stay active


def assign_new(
    db: Session,
    client_id: int,
    data: AssignmentInput,
    *,
    appointment_id: int | None = None,
    running: RunningChoice | None = None,
) -> AssignmentView:
    """Assign, having decided about the running one of the same template (if any)."""
    if running is not None and running.replace:
        old = _active(db, running.running_id, QT_TRANSLATE_NOOP("homework", "replaced"))
        if old.client_id != client_id:
            raise ValidationError(
                {
                    "running": QT_TRANSLATE_NOOP(
                        "homework", "That homework belongs to another client."
                    )
                }
            )
        return replace(db, old.id, data, SET_AGAIN_REASON, appointment_id=appointment_id)
    view = assign(db, client_id, data, appointment_id=appointment_id)
    if running is not None:
        audit.record(
            db,
            "homework_assignment",
            view.id,
            "keep_both",
            f"assignment {view.id} set beside running assignment {running.running_id} "
            f"({view.template_key}); both stay active",
        )
    return view


def update(
    db: Session, assignment_id: int, data: AssignmentInput, *, version: int | None = None
) -> AssignmentView:
    """Edit an active assignment in place (its code and history stay); ``version``: as
    loaded (refused when it changed meanwhile, see ``practice.services.versions``)."""
    row = _active(db, assignment_id, QT_TRANSLATE_NOOP("homework", "edited"), version)
    errors = validate(data, today=row.start_date)
    if errors:
        raise ValidationError(errors)
    values = _normalised(dc_replace(data, start_date=data.start_date or row.start_date))
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, values[name])
    if changed:
        versions.flush(db, row)
        audit.record(
            db,
            "homework_assignment",
            row.id,
            "update",
            f"fields changed: {', '.join(changed)}",
        )
    return _checked(get(db, row.id), data)


def replace(
    db: Session,
    assignment_id: int,
    data: AssignmentInput,
    reason: str,
    *,
    appointment_id: int | None = None,
    version: int | None = None,
) -> AssignmentView:
    """Change an active assignment into another task; returns the new assignment.
    ``version``: the old assignment's as loaded (refused when it changed meanwhile)."""
    old = _active(db, assignment_id, QT_TRANSLATE_NOOP("homework", "replaced"), version)
    errors = validate(data)
    reason_clean = _reason_problems(reason, errors)
    if appointment_id is not None:
        errors.update(_session_problem(db, old.client_id, appointment_id))
    if errors:
        raise ValidationError(errors)
    new = _insert(db, old.client_id, data, appointment_id, replaces_id=old.id)
    old.status = AssignmentStatus.REPLACED
    old.status_reason = reason_clean
    versions.flush(db, old)
    audit.record(
        db,
        "homework_assignment",
        old.id,
        "replace",
        f"assignment {old.id} replaced by {new.id} ({new.template_key})",
    )
    return _checked(get(db, new.id), data)


def drop(
    db: Session, assignment_id: int, reason: str, *, version: int | None = None
) -> AssignmentView:
    """Stop an active assignment; the reason is required. ``version``: as loaded
    (refused when it changed meanwhile, see ``practice.services.versions``)."""
    row = _active(db, assignment_id, QT_TRANSLATE_NOOP("homework", "dropped"), version)
    errors: dict[str, str] = {}
    reason_clean = _reason_problems(reason, errors)
    if errors:
        raise ValidationError(errors)
    row.status = AssignmentStatus.DROPPED
    row.status_reason = reason_clean
    versions.flush(db, row)
    audit.record(db, "homework_assignment", row.id, "drop", f"assignment {row.id} dropped")
    return get(db, row.id)


def complete(
    db: Session, assignment_id: int, note: str | None = None, *, version: int | None = None
) -> AssignmentView:
    """Mark an active assignment done (the goal was reached; no more sheets).
    ``version``: as loaded (refused when it changed meanwhile)."""
    row = _active(db, assignment_id, QT_TRANSLATE_NOOP("homework", "completed"), version)
    if problem := text_problem(note, REASON_MAX):
        raise ValidationError(
            {"note": QT_TRANSLATE_NOOP("homework", "Note {problem}.").format(problem=problem)}
        )
    row.status = AssignmentStatus.COMPLETED
    row.status_reason = clean(note)
    versions.flush(db, row)
    audit.record(db, "homework_assignment", row.id, "complete", f"assignment {row.id} completed")
    return get(db, row.id)


# ---- reading --------------------------------------------------------------------


def get(db: Session, assignment_id: int) -> AssignmentView:
    row = db.get(HomeworkAssignment, assignment_id)
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "homework", "There is no homework assignment with id {assignment_id}."
            ).format(assignment_id=assignment_id)
        )
    return assignment_views(db, [row])[0]


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def get_by_code(db: Session, code: str) -> AssignmentView:
    """The assignment whose sheet shows ``code`` (case, spaces and dashes ignored)."""
    wanted = normalise_code(code or "")
    row = db.scalars(select(HomeworkAssignment).where(HomeworkAssignment.code == wanted)).first()
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("homework", "No homework has the code '{code}'.").format(
                code=code.strip()
            )
        )
    return assignment_views(db, [row])[0]


def list_for_client(
    db: Session, client_id: int, *, status: AssignmentStatus | None = None
) -> list[AssignmentView]:
    """A client's assignments, newest first, each with its reviews (newest first)."""
    query = select(HomeworkAssignment).where(HomeworkAssignment.client_id == client_id)
    if status is not None:
        query = query.where(HomeworkAssignment.status == status)
    rows = db.scalars(
        query.order_by(
            HomeworkAssignment.start_date.desc(),
            HomeworkAssignment.created_at.desc(),
            HomeworkAssignment.id.desc(),
        )
    ).all()
    return assignment_views(db, rows)


def active_for_client(db: Session, client_id: int) -> list[AssignmentView]:
    return list_for_client(db, client_id, status=AssignmentStatus.ACTIVE)


def running_of_template(db: Session, client_id: int, template_key: str) -> AssignmentView | None:
    """The client's active assignment of ``template_key`` (the longest running), or None."""
    row = db.scalars(
        select(HomeworkAssignment)
        .where(
            HomeworkAssignment.client_id == client_id,
            HomeworkAssignment.template_key == template_key,
            HomeworkAssignment.status == AssignmentStatus.ACTIVE,
        )
        .order_by(HomeworkAssignment.start_date, HomeworkAssignment.id)
        .limit(1)
    ).first()
    return assignment_views(db, [row])[0] if row is not None else None


def assignment_views(db: Session, rows: Iterable[HomeworkAssignment]) -> list[AssignmentView]:
    """Views with reviews and "replaced by" links: four queries for any number of rows."""
    rows = list(rows)
    if not rows:
        return []
    ids = [r.id for r in rows]
    reviews: dict[int, list[ReviewView]] = {i: [] for i in ids}
    for review in review_views(db, assignment_ids=ids):
        reviews[review.assignment_id].append(review)
    replaced_by = {
        old_id: new_id
        for old_id, new_id in db.execute(
            select(HomeworkAssignment.replaces_id, HomeworkAssignment.id).where(
                HomeworkAssignment.replaces_id.in_(ids)
            )
        )
    }
    return [
        AssignmentView(
            **{name: getattr(r, name) for name in _INPUT_FIELDS},
            id=r.id,
            code=r.code,
            client_id=r.client_id,
            assigned_in_id=r.assigned_in_id,
            status=r.status,
            status_reason=r.status_reason,
            replaces_id=r.replaces_id,
            replaced_by_id=replaced_by.get(r.id),
            created_at=r.created_at,
            updated_at=r.updated_at,
            version=r.version,
            reviews=tuple(reviews[r.id]),
        )
        for r in rows
    ]


# ---- helpers --------------------------------------------------------------------


def new_code(db: Session) -> str:
    """A fresh assignment code, retried until it is not in use."""
    for _ in range(CODE_ATTEMPTS):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        taken = db.scalar(select(HomeworkAssignment.id).where(HomeworkAssignment.code == code))
        if taken is None:
            return code
    raise RuntimeError("could not find a free assignment code")  # pragma: no cover


def _insert(
    db: Session,
    client_id: int,
    data: AssignmentInput,
    appointment_id: int | None,
    *,
    replaces_id: int | None,
) -> HomeworkAssignment:
    row = HomeworkAssignment(
        **_normalised(data),
        code=new_code(db),
        client_id=client_id,
        assigned_in_id=appointment_id,
        status=AssignmentStatus.ACTIVE,
        replaces_id=replaces_id,
    )
    db.add(row)
    db.flush()
    return row


def _session_problem(db: Session, client_id: int, appointment_id: int) -> dict[str, str]:
    appointment = db.get(Appointment, appointment_id)
    if appointment is None:
        return {
            "appointment_id": QT_TRANSLATE_NOOP(
                "homework", "There is no appointment with id {appointment_id}."
            ).format(appointment_id=appointment_id)
        }
    if appointment.client_id != client_id:
        return {
            "appointment_id": QT_TRANSLATE_NOOP("homework", "That appointment is another client's.")
        }
    if appointment.status != AppointmentStatus.ATTENDED:
        return {
            "appointment_id": QT_TRANSLATE_NOOP(
                "homework",
                "Homework is set in a session that took place; this appointment is {in_sentence}.",
            ).format(in_sentence=appointment.status.in_sentence)
        }
    return {}


def _reason_problems(reason: str | None, errors: dict[str, str]) -> str | None:
    reason_clean = clean(reason)
    if not reason_clean:
        errors["reason"] = QT_TRANSLATE_NOOP("homework", "Please give a reason.")
    elif problem := text_problem(reason_clean, REASON_MAX):
        errors["reason"] = QT_TRANSLATE_NOOP("homework", "Reason {problem}.").format(
            problem=problem
        )
    return reason_clean


def _active(
    db: Session, assignment_id: int, verb: str, version: int | None = None
) -> HomeworkAssignment:
    """The active assignment; ``version`` (as loaded) is checked first, so that one
    dropped meanwhile elsewhere says so rather than "only active homework …"."""
    row = db.get(HomeworkAssignment, assignment_id)
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "homework", "There is no homework assignment with id {assignment_id}."
            ).format(assignment_id=assignment_id)
        )
    versions.check(row, version)
    if row.status != AssignmentStatus.ACTIVE:
        raise ValidationError(
            {
                "status": QT_TRANSLATE_NOOP(
                    "homework", "Only active homework can be {verb}; this one is {value}."
                ).format(verb=verb, value=row.status.in_sentence)
            }
        )
    return row


def _client(db: Session, client_id: int) -> Client:
    client = db.get(Client, client_id)
    if client is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("homework", "There is no client with id {client_id}.").format(
                client_id=client_id
            )
        )
    return client
