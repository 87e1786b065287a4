"""Homework reviews: how an assignment went, recorded in the session where it was discussed.

A review belongs to an attended appointment of the assignment's client that comes
after the homework was set (a later day when it was set outside a session), at most
one review per assignment and appointment (:func:`update_review` changes it).
Dropped and replaced assignments are not reviewed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from practice.db.models import (
    Appointment,
    HomeworkAssignment,
    HomeworkReview,
    ReviewBarrier,
    ReviewStrategy,
)
from practice.domain.adherence import comes_after
from practice.domain.inputs import ReviewInput
from practice.domain.text import clean, text_problem
from practice.domain.vocabulary import (
    COMPLETION_ANCHORS,
    AppointmentStatus,
    AssignmentStatus,
    Barrier,
    Strategy,
)
from practice.services import audit, versions
from practice.services.errors import NotFoundError, ValidationError
from practice.text import QT_TRANSLATE_NOOP

REVIEW_NOTE_MAX = 20_000
DAYS_MAX = 366
NOT_REVIEWABLE = (AssignmentStatus.DROPPED, AssignmentStatus.REPLACED)


@dataclass(frozen=True)
class ReviewView:
    id: int
    assignment_id: int
    assignment_title: str
    appointment_id: int
    session_at: datetime  # when the reviewing session took place
    brought: bool
    completion: int
    client_rating: int | None
    quality: int | None
    days_recorded: int | None
    barriers: frozenset[Barrier]
    strategies: frozenset[Strategy]
    note: str | None
    created_at: datetime
    version: int | None = None  # pass it back when saving (``practice.services.versions``)

    @property
    def completion_label(self) -> str:
        return COMPLETION_ANCHORS[self.completion]


def _score_problem(value: object, label: str, *, required: bool) -> str | None:
    if value is None:
        return (
            QT_TRANSLATE_NOOP("reviews", "{label} is required (0-4).").format(label=label)
            if required
            else None
        )
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 4:
        anchors = ", ".join(f"{k} {v}" for k, v in COMPLETION_ANCHORS.items())
        extra = f" ({anchors})" if label == "Completion" else ""
        return QT_TRANSLATE_NOOP(
            "reviews", "{label} must be a whole number from 0 to 4{extra}; got {value}."
        ).format(label=label, extra=extra, value=repr(value))
    return None


def validate(data: ReviewInput) -> dict[str, str]:
    """Field name -> message; empty when the review can be saved."""
    errors: dict[str, str] = {}
    for name, label, required in (
        ("completion", QT_TRANSLATE_NOOP("reviews", "Completion"), True),
        ("client_rating", QT_TRANSLATE_NOOP("reviews", "Client's rating"), False),
        ("quality", QT_TRANSLATE_NOOP("reviews", "Quality"), False),
    ):
        problem = _score_problem(getattr(data, name), label, required=required)
        if problem:
            errors[name] = problem
    days = data.days_recorded
    if days is not None and (
        isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= DAYS_MAX
    ):
        errors["days_recorded"] = QT_TRANSLATE_NOOP(
            "reviews", "Days recorded must be from 0 to {days_max}; got {days}."
        ).format(days_max=DAYS_MAX, days=repr(days))
    bad_barriers = [b for b in data.barriers if not isinstance(b, Barrier)]
    if bad_barriers:
        errors["barriers"] = QT_TRANSLATE_NOOP("reviews", "Unknown barrier: {value}.").format(
            value=repr(bad_barriers[0])
        )
    bad_strategies = [s for s in data.strategies if not isinstance(s, Strategy)]
    if bad_strategies:
        errors["strategies"] = QT_TRANSLATE_NOOP("reviews", "Unknown strategy: {value}.").format(
            value=repr(bad_strategies[0])
        )
    problem = text_problem(data.note, REVIEW_NOTE_MAX)
    if problem:
        errors["note"] = QT_TRANSLATE_NOOP("reviews", "Note {problem}.").format(problem=problem)
    return errors


def set_at(db: Session, assignment: HomeworkAssignment) -> tuple[datetime | None, date]:
    """When the homework was set: its session's start (if any) and its start date."""
    started = None
    if assignment.assigned_in_id is not None:
        started = db.scalar(
            select(Appointment.starts_at).where(Appointment.id == assignment.assigned_in_id)
        )
    return started, assignment.start_date


def review(
    db: Session, assignment_id: int, appointment_id: int | None, data: ReviewInput
) -> ReviewView:
    """Record how the assignment went, in the (attended) session where it was reviewed."""
    assignment = _assignment(db, assignment_id)
    appointment = _check_session(db, assignment, appointment_id)
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    existing = db.scalar(
        select(HomeworkReview.id).where(
            HomeworkReview.assignment_id == assignment.id,
            HomeworkReview.appointment_id == appointment.id,
        )
    )
    if existing is not None:
        raise ValidationError(
            {
                "appointment_id": QT_TRANSLATE_NOOP(
                    "reviews",
                    "This homework was already reviewed in this session (review {existing}); "
                    "update that review instead.",
                ).format(existing=existing)
            }
        )
    row = HomeworkReview(assignment_id=assignment.id, appointment_id=appointment.id)
    _fill(row, data)
    db.add(row)
    db.flush()
    _write_tags(db, row.id, data)
    audit.record(
        db,
        "homework_review",
        row.id,
        "create",
        f"review {row.id} of assignment {assignment.id} in appointment {appointment.id} "
        f"(completion {data.completion})",
    )
    return get_review(db, row.id)


def update_review(
    db: Session, review_id: int, data: ReviewInput, *, version: int | None = None
) -> ReviewView:
    """Change a review (``version``: as loaded; refused when it changed meanwhile)."""
    row = db.get(HomeworkReview, review_id)
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("reviews", "There is no homework review with id {review_id}.").format(
                review_id=review_id
            )
        )
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    versions.check(row, version)
    _fill(row, data)
    versions.touch(row)  # its barriers and strategies are part of it
    versions.flush(db, row)
    db.execute(delete(ReviewBarrier).where(ReviewBarrier.review_id == row.id))
    db.execute(delete(ReviewStrategy).where(ReviewStrategy.review_id == row.id))
    db.flush()
    _write_tags(db, row.id, data)
    audit.record(
        db,
        "homework_review",
        row.id,
        "update",
        f"review {row.id} changed (completion {data.completion})",
    )
    return get_review(db, row.id)


def get_review(db: Session, review_id: int) -> ReviewView:
    rows = review_views(db, review_ids=[review_id])
    if not rows:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("reviews", "There is no homework review with id {review_id}.").format(
                review_id=review_id
            )
        )
    return rows[0]


def review_for(db: Session, assignment_id: int, appointment_id: int) -> ReviewView | None:
    """The review of an assignment in one session, if there is one."""
    review_id = db.scalar(
        select(HomeworkReview.id).where(
            HomeworkReview.assignment_id == assignment_id,
            HomeworkReview.appointment_id == appointment_id,
        )
    )
    return get_review(db, review_id) if review_id is not None else None


def review_views(
    db: Session,
    *,
    assignment_ids: Iterable[int] | None = None,
    review_ids: Iterable[int] | None = None,
    appointment_ids: Iterable[int] | None = None,
) -> list[ReviewView]:
    """Reviews chosen by assignment, review or appointment ids, newest session first.

    Three queries whatever the number of reviews (rows, barriers, strategies).
    """
    query = (
        select(HomeworkReview, Appointment.starts_at, HomeworkAssignment.title)
        .join(Appointment, Appointment.id == HomeworkReview.appointment_id)
        .join(HomeworkAssignment, HomeworkAssignment.id == HomeworkReview.assignment_id)
        .order_by(Appointment.starts_at.desc(), HomeworkReview.id.desc())
    )
    if assignment_ids is not None:
        query = query.where(HomeworkReview.assignment_id.in_(list(assignment_ids)))
    if review_ids is not None:
        query = query.where(HomeworkReview.id.in_(list(review_ids)))
    if appointment_ids is not None:
        query = query.where(HomeworkReview.appointment_id.in_(list(appointment_ids)))
    rows = db.execute(query).all()
    ids = [r.id for r, _, _ in rows]
    barriers: dict[int, set[Barrier]] = {}
    strategies: dict[int, set[Strategy]] = {}
    if ids:
        for rid, barrier in db.execute(
            select(ReviewBarrier.review_id, ReviewBarrier.barrier).where(
                ReviewBarrier.review_id.in_(ids)
            )
        ):
            barriers.setdefault(rid, set()).add(barrier)
        for rid, strategy in db.execute(
            select(ReviewStrategy.review_id, ReviewStrategy.strategy).where(
                ReviewStrategy.review_id.in_(ids)
            )
        ):
            strategies.setdefault(rid, set()).add(strategy)
    return [
        ReviewView(
            id=r.id,
            assignment_id=r.assignment_id,
            assignment_title=title,
            appointment_id=r.appointment_id,
            session_at=at,
            brought=r.brought,
            completion=r.completion,
            client_rating=r.client_rating,
            quality=r.quality,
            days_recorded=r.days_recorded,
            barriers=frozenset(barriers.get(r.id, ())),
            strategies=frozenset(strategies.get(r.id, ())),
            note=r.note,
            created_at=r.created_at,
            version=r.version,
        )
        for r, at, title in rows
    ]


def _check_session(
    db: Session, assignment: HomeworkAssignment, appointment_id: int | None
) -> Appointment:
    if assignment.status in NOT_REVIEWABLE:
        raise ValidationError(
            {
                "assignment_id": QT_TRANSLATE_NOOP(
                    "reviews", "This homework was {value} and cannot be reviewed."
                ).format(value=assignment.status.in_sentence)
            }
        )
    belongs = QT_TRANSLATE_NOOP("reviews", "A review belongs to the session where it happened")
    appointment = db.get(Appointment, appointment_id) if appointment_id else None
    if appointment is None:
        what = (
            QT_TRANSLATE_NOOP("reviews", "choose that appointment")
            if appointment_id is None
            else QT_TRANSLATE_NOOP("reviews", "there is no appointment with id {id}").format(
                id=appointment_id
            )
        )
        raise ValidationError(
            {
                "appointment_id": QT_TRANSLATE_NOOP("reviews", "{belongs}: {what}.").format(
                    belongs=belongs, what=what
                )
            }
        )
    if appointment.client_id != assignment.client_id:
        raise ValidationError(
            {
                "appointment_id": QT_TRANSLATE_NOOP(
                    "reviews", "{belongs}: this appointment is another client's."
                ).format(belongs=belongs)
            }
        )
    if appointment.status != AppointmentStatus.ATTENDED:
        raise ValidationError(
            {
                "appointment_id": QT_TRANSLATE_NOOP(
                    "reviews", "{belongs}: this appointment is {status}, not attended."
                ).format(belongs=belongs, status=appointment.status.in_sentence)
            }
        )
    started, start_date = set_at(db, assignment)
    if not comes_after(
        assignment.assigned_in_id, started, start_date, appointment.id, appointment.starts_at
    ):
        raise ValidationError(
            {
                "appointment_id": QT_TRANSLATE_NOOP(
                    "reviews",
                    "{belongs}: this homework was set {value}; review it in a later session.",
                ).format(
                    belongs=belongs,
                    value=QT_TRANSLATE_NOOP("reviews", "in this session")
                    if appointment.id == assignment.assigned_in_id
                    else QT_TRANSLATE_NOOP("reviews", "later"),
                )
            }
        )
    return appointment


def _fill(row: HomeworkReview, data: ReviewInput) -> None:
    row.brought = bool(data.brought)
    row.completion = data.completion
    row.client_rating = data.client_rating
    row.quality = data.quality
    row.days_recorded = data.days_recorded
    row.note = clean(data.note)


def _write_tags(db: Session, review_id: int, data: ReviewInput) -> None:
    db.add_all(ReviewBarrier(review_id=review_id, barrier=b) for b in sorted(data.barriers))
    db.add_all(ReviewStrategy(review_id=review_id, strategy=s) for s in sorted(data.strategies))
    db.flush()


def _assignment(db: Session, assignment_id: int) -> HomeworkAssignment:
    assignment = db.get(HomeworkAssignment, assignment_id)
    if assignment is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "reviews", "There is no homework assignment with id {assignment_id}."
            ).format(assignment_id=assignment_id)
        )
    return assignment
