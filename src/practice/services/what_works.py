""" "What works in my practice": the report over the whole caseload (issue 16 point 6).

Reads the facts in four queries whatever the size of the caseload (the reviews with
their session times, the ladder steps recorded on them, the replaced assignments beside
the ones they replaced, the scored PHQ-9 and GAD-7 totals) and leaves the computing to
``practice.domain.what_works`` (which defines occasions, windows and the too-few rule).
The GUI page, the PDF and ``practice report what-works`` all show this one report.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from practice.db.models import (
    Appointment,
    HomeworkAssignment,
    HomeworkReview,
    Measure,
    ReviewStrategy,
)
from practice.domain.measures import MeasureKind
from practice.domain.views import local_start
from practice.domain.vocabulary import Strategy
from practice.domain.what_works import (
    MeasureTotal,
    Replacement,
    ReviewPoint,
    WhatWorksReport,
    build_report,
)

__all__ = ["build_what_works"]


def build_what_works(db: Session) -> WhatWorksReport:
    """The report over every client (active or not) and every review ever recorded."""
    return build_report(_reviews(db), _replacements(db), _measures(db))


def _reviews(db: Session) -> list[ReviewPoint]:
    strategies: dict[int, set[Strategy]] = {}
    for rid, strategy in db.execute(select(ReviewStrategy.review_id, ReviewStrategy.strategy)):
        strategies.setdefault(rid, set()).add(strategy)
    rows = db.execute(
        select(
            HomeworkReview.id,
            Appointment.client_id,
            Appointment.starts_at,
            HomeworkReview.completion,
            HomeworkReview.appointment_id,
        )
        .join(Appointment, Appointment.id == HomeworkReview.appointment_id)
        .order_by(Appointment.client_id, Appointment.starts_at, HomeworkReview.id)
    ).all()
    return [
        ReviewPoint(client, at, completion, appointment, frozenset(strategies.get(rid, ())))
        for rid, client, at, completion, appointment in rows
    ]


def _replacements(db: Session) -> list[Replacement]:
    new, old = aliased(HomeworkAssignment), aliased(HomeworkAssignment)
    rows = db.execute(
        select(
            new.client_id,
            Appointment.starts_at,
            new.start_date,
            old.level,
            new.level,
            old.modality,
            new.modality,
            old.template_key,
            new.template_key,
        )
        .join(old, old.id == new.replaces_id)
        .outerjoin(Appointment, Appointment.id == new.assigned_in_id)
        .order_by(new.client_id, new.id)
    ).all()
    out = []
    for client, set_at, start, old_level, new_level, old_mod, new_mod, old_key, new_key in rows:
        # Set in a session: reviews of that session came before it. Otherwise the new
        # task began on its start day: reviews of that day still reviewed the old one.
        at = set_at or local_start(start + timedelta(days=1)) - timedelta(microseconds=1)
        out.append(
            Replacement(client, at, old_level, new_level, old_mod, new_mod, old_key, new_key)
        )
    return out


def _measures(db: Session) -> list[MeasureTotal]:
    rows = db.execute(
        select(Measure.client_id, Measure.kind, Measure.taken_on, Measure.total).where(
            Measure.kind.in_((MeasureKind.PHQ9, MeasureKind.GAD7)), Measure.total.is_not(None)
        )
    ).all()
    return [
        MeasureTotal(client, kind.instrument, on, total)
        for client, kind, on, total in rows
        if kind.instrument is not None and total is not None
    ]
