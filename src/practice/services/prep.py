"""Session prep: the whole homework story of one client, and what to try next
(docs/clinical.md, Session prep and Today).

:func:`build_prep` returns one frozen :class:`PrepData` (defined in
``practice.domain.prep_model``, which lists every field) that the prep view (GUI), the one-page PDF
(``practice.sheets.prep_summary``) and ``practice prep`` all share:

* ``header``: names, language and level, next appointment, stage of change and its
  stance, flags (cannot postpone, conditional sessions on);
* ``weeks``: the adherence strip, one :class:`~practice.domain.adherence.WeekCell` per
  week, oldest first (kinds and marks explained in ``practice.domain.adherence``);
* ``trend``: completion per review with the client's own rating, oldest first;
* ``barriers``: counts with the day last seen, most recently seen first;
* ``strategies``: each ladder step applied, with its dates and the completion that
  followed, in ladder order;
* ``suggestion``: ``practice.domain.suggestions.suggest_next_step`` over the reviews, the
  stage, resistance observed in the last ``RESISTANCE_DAYS`` days and the flags;
* ``agenda``: items flagged to raise openly, the last plan, the open assignments;
* ``last_note``: the latest session note, its sections as they read now;
* ``totals``: counts over the whole history, and mean completion;
* ``measures``: every scored PHQ-9 and GAD-7 (one query), for the chart under the strip;
  ``goals``: the ratings of each current personal goal (two queries), charted there too.

It reads in a fixed number of queries (about 16) whatever the length of the history.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import (
    Appointment,
    Client,
    ConditioningPeriod,
    DayBeforeCheck,
    GoalRating,
    HomeworkAssignment,
    HomeworkReview,
    Measure,
    ResistanceObservation,
    ReviewBarrier,
    ReviewStrategy,
    SessionNote,
)
from practice.domain import adherence, progress
from practice.domain.adherence import CallFact, HomeworkSpan, SessionFact, SessionReview, monday
from practice.domain.history import ClientHistory, ReviewFact
from practice.domain.measure_story import GoalTrend, MeasurePoint, MeasureTrend
from practice.domain.measures import RISK_ITEM, Instrument, MeasureKind
from practice.domain.prep_model import (
    DEFAULT_WEEKS,
    LastNote,
    OpenAssignment,
    OpenRiskAlert,
    PrepAgenda,
    PrepData,
    PrepHeader,
    PrepTotals,
)
from practice.domain.suggestions import suggest_next_step
from practice.domain.views import AppointmentView, local_date, local_start
from practice.domain.vocabulary import (
    AppointmentStatus,
    AssignmentStatus,
    Barrier,
    ResistanceKind,
    Strategy,
)
from practice.services.clients import display_name
from practice.services.conditional import period_view
from practice.services.errors import NotFoundError, ValidationError
from practice.services.measures import goals_for, open_alerts
from practice.services.notes import note_views
from practice.services.observations import items_to_raise
from practice.text import QT_TRANSLATE_NOOP

__all__ = [
    "DEFAULT_WEEKS",
    "LastNote",
    "OpenAssignment",
    "PrepAgenda",
    "PrepData",
    "PrepHeader",
    "PrepTotals",
    "build_prep",
]
RESISTANCE_DAYS = 90  # resistance observed this recently feeds the suggestion


def build_prep(
    db: Session,
    client_id: int,
    *,
    today: date | None = None,
    weeks: int | None = DEFAULT_WEEKS,
) -> PrepData:
    """Everything the prep view shows; ``weeks`` None: every week since the first session."""
    today = today or date.today()
    if weeks is not None and (isinstance(weeks, bool) or weeks < 1):
        raise ValidationError(
            {"weeks": QT_TRANSLATE_NOOP("prep", "Show at least one week (or all weeks).")}
        )
    client = db.get(Client, client_id)
    if client is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("prep", "There is no client with id {client_id}.").format(
                client_id=client_id
            )
        )
    name = display_name(client.first_name, client.last_name, client.preferred_name)

    sessions, details = _sessions(db, client_id)
    reviews = _reviews(db, client_id)
    spans, open_rows = _homework(db, client_id, sessions)
    periods = tuple(
        period_view(p)
        for p in db.scalars(
            select(ConditioningPeriod)
            .where(ConditioningPeriod.client_id == client_id)
            .order_by(ConditioningPeriod.starts_on, ConditioningPeriod.id)
        )
    )
    calls = [
        CallFact(*row)
        for row in db.execute(
            select(
                DayBeforeCheck.appointment_id,
                DayBeforeCheck.called_at,
                DayBeforeCheck.outcome,
                DayBeforeCheck.decision,
            )
            .join(Appointment, Appointment.id == DayBeforeCheck.appointment_id)
            .where(Appointment.client_id == client_id)
            .order_by(DayBeforeCheck.called_at, DayBeforeCheck.id)
        )
    ]

    last_week = monday(today)
    if weeks is None:
        first_day = min((s.day for s in sessions), default=today)
        first_week = min(monday(first_day), last_week)
    else:
        first_week = last_week - timedelta(weeks=weeks - 1)
    cells = adherence.week_cells(
        first_week,
        last_week,
        [s for s in sessions if first_week <= s.day],
        reviews,
        spans,
        periods=[(p.starts_on, p.ends_on) for p in periods],
        calls=calls,
        today=today,
    )
    conditional = next((p for p in reversed(periods) if p.is_open(today)), None)
    header = PrepHeader(
        client_id=client.id,
        display_name=name,
        name=client.preferred_name or client.first_name,
        language=client.language,
        literacy_level=client.literacy_level,
        next_appointment=_next(sessions, details, client.id, name, today),
        stage=client.stage_of_change,
        cannot_postpone=client.cannot_postpone,
        cannot_postpone_reason=client.cannot_postpone_reason,
        conditional=conditional,
    )
    history = ClientHistory(
        reviews=[
            ReviewFact(r.on, r.completion, r.barriers, r.strategies, r.brought) for r in reviews
        ],
        stage=client.stage_of_change,
        resistance=_recent_resistance(db, client_id, today),
        cannot_postpone=client.cannot_postpone,
        conditional_sessions_on=conditional is not None and conditional.covers(today),
    )
    raise_agenda = items_to_raise(db, client_id)
    agenda = PrepAgenda(
        to_raise=raise_agenda.items,
        last_plan=raise_agenda.last_plan,
        last_plan_at=raise_agenda.last_plan_session_at,
        open_assignments=_open_assignments(open_rows, reviews),
    )
    return PrepData(
        today=today,
        header=header,
        weeks=cells,
        trend=progress.trend(reviews),
        barriers=progress.barrier_counts(reviews, first_week),
        strategies=progress.strategies_tried(reviews),
        suggestion=suggest_next_step(history),
        agenda=agenda,
        last_note=_last_note(db, client_id),
        totals=_totals(sessions, reviews, first_week),
        periods=periods,
        measures=_measures(db, client_id),
        goals=_goals(db, client_id),
        risk_alerts=tuple(OpenRiskAlert(a.taken_on, a.answer) for a in open_alerts(db, client_id)),
        risk_item_unanswered_on=_risk_item_unanswered_on(db, client_id),
    )


def _risk_item_unanswered_on(db: Session, client_id: int) -> date | None:
    """The day of the client's latest PHQ-9 when its question 9 was left unanswered."""
    latest = db.execute(
        select(Measure.taken_on, Measure.answers)
        .where(Measure.client_id == client_id, Measure.kind == MeasureKind.PHQ9)
        .order_by(Measure.taken_on.desc(), Measure.id.desc())
        .limit(1)
    ).first()
    if latest is None or not latest.answers:
        return None
    answers = json.loads(latest.answers)
    return latest.taken_on if len(answers) >= RISK_ITEM and answers[RISK_ITEM - 1] is None else None


# ---- reading the facts ------------------------------------------------------------


def _measures(db: Session, client_id: int) -> tuple[MeasureTrend, ...]:
    """Every scored PHQ-9 and GAD-7, oldest first, in one query."""
    rows = db.execute(
        select(Measure.kind, Measure.taken_on, Measure.total)
        .where(
            Measure.client_id == client_id,
            Measure.kind.in_((MeasureKind.PHQ9, MeasureKind.GAD7)),
            Measure.total.is_not(None),
        )
        .order_by(Measure.taken_on, Measure.id)
    ).all()
    by_kind: dict[Instrument, list[MeasurePoint]] = {}
    for kind, on, total in rows:
        if total is not None:  # the query asks for scored ones only; this tells mypy
            by_kind.setdefault(Instrument(kind.value), []).append(MeasurePoint(on, total))
    return tuple(
        MeasureTrend(instrument, tuple(by_kind[instrument]))
        for instrument in (Instrument.PHQ9, Instrument.GAD7)
        if instrument in by_kind
    )


def _goals(db: Session, client_id: int) -> tuple[GoalTrend, ...]:
    """Each current goal with its ratings, oldest first; goals never rated are left out."""
    goals = goals_for(db, client_id)
    if not goals:
        return ()
    rows = db.execute(
        select(GoalRating.goal_id, Measure.taken_on, GoalRating.rating)
        .join(Measure, Measure.id == GoalRating.measure_id)
        .where(GoalRating.goal_id.in_([g.id for g in goals]))
        .order_by(Measure.taken_on, Measure.id)
    ).all()
    by_goal: dict[int, list[MeasurePoint]] = {}
    for goal_id, on, rating in rows:
        by_goal.setdefault(goal_id, []).append(MeasurePoint(on, rating))
    return tuple(
        GoalTrend(g.position, g.text, g.higher_is_better, tuple(by_goal[g.id]))
        for g in goals
        if g.id in by_goal
    )


def _sessions(
    db: Session, client_id: int
) -> tuple[list[SessionFact], dict[int, tuple[int, str | None]]]:
    """The client's appointments, oldest first, and id -> (duration, status reason)."""
    rows = db.execute(
        select(
            Appointment.id,
            Appointment.starts_at,
            Appointment.status,
            Appointment.duration_minutes,
            Appointment.status_reason,
        )
        .where(Appointment.client_id == client_id)
        .order_by(Appointment.starts_at, Appointment.id)
    ).all()
    facts = [SessionFact(i, at, local_date(at), status) for i, at, status, _, _ in rows]
    return facts, {i: (minutes, reason) for i, _, _, minutes, reason in rows}


def _reviews(db: Session, client_id: int) -> list[SessionReview]:
    of_client = (
        select(HomeworkReview.id)
        .join(Appointment, Appointment.id == HomeworkReview.appointment_id)
        .where(Appointment.client_id == client_id)
    )
    barriers: dict[int, set[Barrier]] = {}
    for rid, barrier in db.execute(
        select(ReviewBarrier.review_id, ReviewBarrier.barrier).where(
            ReviewBarrier.review_id.in_(of_client)
        )
    ):
        barriers.setdefault(rid, set()).add(barrier)
    strategies: dict[int, set[Strategy]] = {}
    for rid, strategy in db.execute(
        select(ReviewStrategy.review_id, ReviewStrategy.strategy).where(
            ReviewStrategy.review_id.in_(of_client)
        )
    ):
        strategies.setdefault(rid, set()).add(strategy)
    rows = db.execute(
        select(
            HomeworkReview.id,
            HomeworkReview.appointment_id,
            HomeworkReview.assignment_id,
            HomeworkAssignment.title,
            Appointment.starts_at,
            HomeworkReview.completion,
            HomeworkReview.client_rating,
            HomeworkReview.brought,
        )
        .join(Appointment, Appointment.id == HomeworkReview.appointment_id)
        .join(HomeworkAssignment, HomeworkAssignment.id == HomeworkReview.assignment_id)
        .where(Appointment.client_id == client_id)
        .order_by(Appointment.starts_at, HomeworkReview.id)
    ).all()
    return [
        SessionReview(
            id=rid,
            appointment_id=appointment_id,
            assignment_id=assignment_id,
            title=title,
            on=local_date(at),
            starts_at=at,
            completion=completion,
            client_rating=rating,
            brought=brought,
            barriers=frozenset(barriers.get(rid, ())),
            strategies=frozenset(strategies.get(rid, ())),
        )
        for rid, appointment_id, assignment_id, title, at, completion, rating, brought in rows
    ]


def _homework(
    db: Session, client_id: int, sessions: list[SessionFact]
) -> tuple[list[HomeworkSpan], list[HomeworkAssignment]]:
    rows = db.scalars(
        select(HomeworkAssignment)
        .where(HomeworkAssignment.client_id == client_id)
        .order_by(HomeworkAssignment.start_date.desc(), HomeworkAssignment.id.desc())
    ).all()
    starts = {s.id: s.starts_at for s in sessions}
    spans = [
        HomeworkSpan(
            id=r.id,
            title=r.title,
            set_in_id=r.assigned_in_id,
            set_at=starts.get(r.assigned_in_id) if r.assigned_in_id is not None else None,
            start_date=r.start_date,
            # A closed assignment never changes again, so its last update is its closing.
            closed_at=None if r.status is AssignmentStatus.ACTIVE else r.updated_at,
        )
        for r in rows
    ]
    return spans, [r for r in rows if r.status is AssignmentStatus.ACTIVE]


def _recent_resistance(db: Session, client_id: int, today: date) -> frozenset[ResistanceKind]:
    since = local_start(today - timedelta(days=RESISTANCE_DAYS))
    until = local_start(today + timedelta(days=1))
    return frozenset(
        db.scalars(
            select(ResistanceObservation.kind)
            .join(SessionNote, SessionNote.id == ResistanceObservation.note_id)
            .join(Appointment, Appointment.id == SessionNote.appointment_id)
            .where(
                Appointment.client_id == client_id,
                Appointment.starts_at >= since,
                Appointment.starts_at < until,
            )
            .distinct()
        )
    )


def _last_note(db: Session, client_id: int) -> LastNote | None:
    row = db.scalars(
        select(SessionNote)
        .join(Appointment, Appointment.id == SessionNote.appointment_id)
        .where(Appointment.client_id == client_id)
        .order_by(Appointment.starts_at.desc(), SessionNote.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    note = note_views(db, [row])[0]
    return LastNote(
        note_id=note.id,
        appointment_id=note.appointment_id,
        session_at=note.session_at,
        format=note.format,
        sections=note.current_sections,
        plan=note.current_plan,
        signed=note.signed,
        amended=bool(note.amendments),
    )


# ---- assembling -------------------------------------------------------------------


def _next(
    sessions: list[SessionFact],
    details: dict[int, tuple[int, str | None]],
    client_id: int,
    name: str,
    today: date,
) -> AppointmentView | None:
    upcoming = [s for s in sessions if s.status is AppointmentStatus.SCHEDULED and s.day >= today]
    if not upcoming:
        return None
    s = upcoming[0]
    duration, reason = details[s.id]
    return AppointmentView(
        id=s.id,
        client_id=client_id,
        client_name=name,
        starts_at=s.starts_at,
        duration_minutes=duration,
        status=s.status,
        status_reason=reason,
        has_note=False,  # a scheduled appointment has no note yet
    )


def _open_assignments(
    rows: list[HomeworkAssignment], reviews: list[SessionReview]
) -> tuple[OpenAssignment, ...]:
    latest: dict[int, SessionReview] = {}
    for r in reviews:  # oldest first: the last one wins
        latest[r.assignment_id] = r
    out = []
    for row in rows:
        last = latest.get(row.id)
        out.append(
            OpenAssignment(
                id=row.id,
                code=row.code,
                title=row.title,
                template_key=row.template_key,
                level=row.level,
                language=row.language,
                modality=row.modality,
                frequency=row.frequency,
                times_per_week=row.times_per_week,
                start_date=row.start_date,
                due_date=row.due_date,
                reminder_channel=row.reminder_channel,
                reminder_time=row.reminder_time,
                last_completion=last.completion if last else None,
                last_reviewed_on=last.on if last else None,
            )
        )
    return tuple(out)


def _totals(sessions: list[SessionFact], reviews: list[SessionReview], since: date) -> PrepTotals:
    def count(*statuses: AppointmentStatus) -> int:
        return sum(1 for s in sessions if s.status in statuses)

    attended = [s.day for s in sessions if s.status is AppointmentStatus.ATTENDED]
    shown = [r.completion for r in reviews if r.on >= since]
    return PrepTotals(
        first_session=attended[0] if attended else None,
        attended=len(attended),
        no_shows=count(AppointmentStatus.NO_SHOW),
        cancelled=count(
            AppointmentStatus.CANCELLED_BY_CLIENT, AppointmentStatus.CANCELLED_BY_THERAPIST
        ),
        cancelled_no_self_record=count(AppointmentStatus.CANCELLED_NO_SELF_RECORD),
        reviews=len(reviews),
        mean_completion=(sum(r.completion for r in reviews) / len(reviews)) if reviews else None,
        shown_mean=(sum(shown) / len(shown)) if shown else None,
    )
