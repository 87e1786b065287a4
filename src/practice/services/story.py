"""The story of a client in one place (the client view), and reviews still missing.

Both read in a fixed number of grouped queries, whatever the length of the history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import Appointment, HomeworkAssignment, HomeworkReview
from practice.domain.adherence import comes_after
from practice.domain.views import AppointmentView, local_start
from practice.domain.vocabulary import AppointmentStatus, AssignmentStatus, StageOfChange
from practice.services import clients
from practice.services.appointments import list_for_client, views
from practice.services.homework import AssignmentView, assignment_views
from practice.services.homework import list_for_client as assignments_for_client
from practice.services.notes import NoteView, notes_for_client
from practice.services.reviews import ReviewView


@dataclass(frozen=True)
class MissingReview:
    """An attended session that did not review an active assignment set before it."""

    appointment: AppointmentView
    assignment: AssignmentView


@dataclass(frozen=True)
class SessionEntry:
    appointment: AppointmentView
    note: NoteView | None  # the session record (never the private note); .summary
    reviews: tuple[ReviewView, ...]  # homework reviewed in this session
    assigned: tuple[AssignmentView, ...]  # homework set in this session


@dataclass(frozen=True)
class ClientStory:
    client_id: int
    client_name: str
    stage_of_change: StageOfChange | None
    sessions: tuple[SessionEntry, ...]  # appointments, newest first
    homework: tuple[AssignmentView, ...]  # newest first, each with reviews newest first
    missing_reviews: tuple[MissingReview, ...]


def client_story(db: Session, client_id: int) -> ClientStory:
    """Sessions with their notes and homework with its reviews, for the client view."""
    client = clients.get(db, client_id)  # NotFoundError for an unknown id
    appointments = list_for_client(db, client_id)
    notes = {n.appointment_id: n for n in notes_for_client(db, client_id)}
    homework = assignments_for_client(db, client_id)
    reviewed: dict[int, list[ReviewView]] = {}
    assigned: dict[int, list[AssignmentView]] = {}
    for assignment in homework:
        for review in assignment.reviews:
            reviewed.setdefault(review.appointment_id, []).append(review)
        if assignment.assigned_in_id is not None:
            assigned.setdefault(assignment.assigned_in_id, []).append(assignment)
    sessions = tuple(
        SessionEntry(
            appointment=a,
            note=notes.get(a.id),
            reviews=tuple(reviewed.get(a.id, ())),
            assigned=tuple(assigned.get(a.id, ())),
        )
        for a in appointments
    )
    return ClientStory(
        client_id=client.id,
        client_name=client.display_name,
        stage_of_change=client.stage_of_change,
        sessions=sessions,
        homework=tuple(homework),
        missing_reviews=tuple(missing_reviews(db, client_id)),
    )


def missing_reviews(
    db: Session, client_id: int | None = None, *, since: date | None = None
) -> list[MissingReview]:
    """(appointment, assignment) pairs still waiting for a review, newest session first.

    A pair is missing when the appointment was attended, the assignment is active,
    it was set before that appointment (``practice.domain.adherence.comes_after``), and
    it has no review in that appointment. ``client_id`` None: every client (for Today);
    ``since``: only appointments on or after that local day.
    """
    query = select(HomeworkAssignment).where(HomeworkAssignment.status == AssignmentStatus.ACTIVE)
    if client_id is not None:
        query = query.where(HomeworkAssignment.client_id == client_id)
    active = db.scalars(query.order_by(HomeworkAssignment.id)).all()
    if not active:
        return []
    set_in = {a.assigned_in_id for a in active if a.assigned_in_id is not None}
    set_at: dict[int, datetime] = {
        appointment_id: at
        for appointment_id, at in db.execute(
            select(Appointment.id, Appointment.starts_at).where(Appointment.id.in_(set_in))
        )
    }
    appt_query = select(Appointment).where(
        Appointment.status == AppointmentStatus.ATTENDED,
        Appointment.client_id.in_({a.client_id for a in active}),
    )
    if since is not None:
        appt_query = appt_query.where(Appointment.starts_at >= local_start(since))
    attended = db.scalars(
        appt_query.order_by(Appointment.starts_at.desc(), Appointment.id.desc())
    ).all()
    done = {
        (assignment_id, appointment_id)
        for assignment_id, appointment_id in db.execute(
            select(HomeworkReview.assignment_id, HomeworkReview.appointment_id).where(
                HomeworkReview.assignment_id.in_([a.id for a in active])
            )
        )
    }
    by_client: dict[int, list[HomeworkAssignment]] = {}
    for assignment in active:
        by_client.setdefault(assignment.client_id, []).append(assignment)
    pairs: list[tuple[Appointment, HomeworkAssignment]] = []
    for appointment in attended:
        for assignment in by_client.get(appointment.client_id, ()):
            if (assignment.id, appointment.id) in done:
                continue
            if comes_after(
                assignment.assigned_in_id,
                set_at.get(assignment.assigned_in_id or 0),
                assignment.start_date,
                appointment.id,
                appointment.starts_at,
            ):
                pairs.append((appointment, assignment))
    if not pairs:
        return []
    appointment_views = {v.id: v for v in views(db, {a for a, _ in pairs})}
    homework_views = {
        v.id: v for v in assignment_views(db, list({h.id: h for _, h in pairs}.values()))
    }
    return [MissingReview(appointment_views[a.id], homework_views[h.id]) for a, h in pairs]
