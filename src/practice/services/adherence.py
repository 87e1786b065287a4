"""A client's homework history week by week: the adherence strip, and the plain facts
it is made of (``practice.services.progress`` makes the trend, barriers and strategies).

Plain functions over plain facts (no queries here); ``practice.services.prep`` reads
the facts in a fixed number of queries and calls these. Shared by the prep view,
the prep PDF and the CLI, so that all three say the same thing.

**The weekly strip.** Weeks run Monday to Sunday on the therapist's clock. Each week
gets one :class:`WeekCell`, whose kind is the first that applies:

1. ``REVIEW``: homework was reviewed in a session that week. ``completion`` is the
   mean of that week's reviews (all assignments, all sessions of the week), rounded
   to the nearest whole number with halves rounded up; the tooltip lists each review.
2. ``NOT_REVIEWED``: a session was attended while homework was open (set before it
   and not yet closed), but nothing was reviewed.
3. ``NO_HOMEWORK``: a session was attended and no homework was open.
4. ``CANCELLED_NO_SELF_RECORD``: cancelled after the day-before call (conditional sessions).
5. ``NO_SHOW``; 6. ``CANCELLED`` (by the client or the therapist);
7. ``NO_SESSION``: nothing happened that week (or only sessions still to come).

Every cell has a short ``mark`` so that the strip reads without colour, and a
``tooltip`` that says in words what happened. The cell, its kinds, marks and colours
live in ``practice.domain.adherence`` (the PDF reads them without the services).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from practice.domain.adherence import CELL_MARKS, CellKind, WeekCell, day_text, monday, short_date
from practice.domain.vocabulary import (
    COMPLETION_ANCHORS,
    AppointmentStatus,
    Barrier,
    CallDecision,
    CallOutcome,
    Strategy,
)
from practice.services.reviews import comes_after

# ---- facts in ---------------------------------------------------------------------


@dataclass(frozen=True)
class SessionFact:
    """One appointment of the client."""

    id: int
    starts_at: datetime  # aware
    day: date  # local day
    status: AppointmentStatus


@dataclass(frozen=True)
class ReviewRecord:
    """One homework review, with the session it was made in."""

    id: int
    appointment_id: int
    assignment_id: int
    title: str
    on: date  # local day of the session
    starts_at: datetime
    completion: int
    client_rating: int | None
    brought: bool
    barriers: frozenset[Barrier] = frozenset()
    strategies: frozenset[Strategy] = frozenset()


@dataclass(frozen=True)
class HomeworkSpan:
    """When an assignment was open: from being set until it was closed (or now)."""

    id: int
    title: str
    set_in_id: int | None
    set_at: datetime | None  # start of the session it was set in
    start_date: date
    closed_at: datetime | None  # None while active

    def open_at(self, s: SessionFact) -> bool:
        if not comes_after(self.set_in_id, self.set_at, self.start_date, s.id, s.starts_at):
            return False
        return self.closed_at is None or self.closed_at > s.starts_at


@dataclass(frozen=True)
class CallFact:
    appointment_id: int
    called_at: datetime
    outcome: CallOutcome
    decision: CallDecision


# ---- the strip --------------------------------------------------------------------


def round_half_up(value: float) -> int:
    return int(value + 0.5)


def week_cells(
    first_week: date,
    last_week: date,
    sessions: Sequence[SessionFact],
    reviews: Sequence[ReviewRecord],
    homework: Sequence[HomeworkSpan],
    *,
    periods: Sequence[tuple[date, date | None]] = (),
    calls: Sequence[CallFact] = (),
    today: date,
) -> tuple[WeekCell, ...]:
    """One cell per week from the Monday ``first_week`` to the Monday ``last_week``."""
    by_week: dict[date, list[SessionFact]] = defaultdict(list)
    for s in sessions:
        by_week[monday(s.day)].append(s)
    by_session: dict[int, list[ReviewRecord]] = defaultdict(list)
    for r in reviews:
        by_session[r.appointment_id].append(r)
    calls_by: dict[int, list[CallFact]] = defaultdict(list)
    for call in calls:
        calls_by[call.appointment_id].append(call)
    cells = []
    week = first_week
    while week <= last_week:
        cells.append(
            _cell(week, sorted(by_week.get(week, ()), key=lambda s: (s.starts_at, s.id)),
                  by_session, homework, periods, calls_by, today)
        )  # fmt: skip
        week += timedelta(weeks=1)
    return tuple(cells)


def _cell(
    week: date,
    sessions: list[SessionFact],
    by_session: dict[int, list[ReviewRecord]],
    homework: Sequence[HomeworkSpan],
    periods: Sequence[tuple[date, date | None]],
    calls_by: dict[int, list[CallFact]],
    today: date,
) -> WeekCell:
    head = f"Week of {short_date(week, year=week.year != today.year)}"
    ids = tuple(s.id for s in sessions)
    conditional = any(_overlaps(week, start, end) for start, end in periods)
    attended = [s for s in sessions if s.status is AppointmentStatus.ATTENDED]
    reviews = [r for s in attended for r in by_session.get(s.id, ())]
    completion: int | None = None
    if reviews:
        kind = CellKind.REVIEW
        completion = round_half_up(sum(r.completion for r in reviews) / len(reviews))
        text = f"{head}: completion {completion} ({COMPLETION_ANCHORS[completion]})"
        text += " — " + _reviews_text(reviews)
    elif attended:
        open_titles = list(
            dict.fromkeys(h.title for h in homework for s in attended if h.open_at(s))
        )
        if open_titles:
            kind = CellKind.NOT_REVIEWED
            text = (
                f"{head}: session on {day_text(attended[0].day)}; the homework "
                f"({', '.join(open_titles)}) was not reviewed"
            )
        else:
            kind = CellKind.NO_HOMEWORK
            text = f"{head}: session on {day_text(attended[0].day)}; no homework was open"
    else:
        kind, text = _missed(head, sessions, today)
    extra = []
    for s in sessions:
        for call in calls_by.get(s.id, ()):
            extra.append(
                f"Day-before call for {day_text(s.day)}: {call.outcome.value.replace('_', ' ')}, "
                f"{_DECISION_TEXT[call.decision]}"
            )
    if conditional:
        extra.insert(0, "Conditional sessions on")
    if extra:
        text += ". " + ". ".join(extra)
    mark = str(completion) if completion is not None else CELL_MARKS[kind]
    return WeekCell(
        week_start=week,
        kind=kind,
        completion=completion,
        mark=mark,
        tooltip=text + ".",
        appointment_ids=ids,
        conditional=conditional,
        current=week <= today < week + timedelta(weeks=1),
    )


_DECISION_TEXT = {
    CallDecision.KEEP: "session kept",
    CallDecision.CANCEL: "session cancelled",
    CallDecision.RESCHEDULE: "session to be moved",
}


def _missed(head: str, sessions: list[SessionFact], today: date) -> tuple[CellKind, str]:
    order = (
        (AppointmentStatus.CANCELLED_NO_SELF_RECORD, CellKind.CANCELLED_NO_SELF_RECORD),
        (AppointmentStatus.NO_SHOW, CellKind.NO_SHOW),
        (AppointmentStatus.CANCELLED_BY_CLIENT, CellKind.CANCELLED),
        (AppointmentStatus.CANCELLED_BY_THERAPIST, CellKind.CANCELLED),
    )
    for status, kind in order:
        hits = [s for s in sessions if s.status is status]
        if hits:
            when = ", ".join(day_text(s.day) for s in hits)
            return kind, f"{head}: {status.label.lower()} ({when})"
    scheduled = [s for s in sessions if s.status is AppointmentStatus.SCHEDULED]
    if scheduled and scheduled[0].day >= today:
        return CellKind.NO_SESSION, f"{head}: next session on {day_text(scheduled[0].day)}"
    if scheduled:
        return CellKind.NO_SESSION, (
            f"{head}: the session on {day_text(scheduled[0].day)} is not marked yet"
        )
    return CellKind.NO_SESSION, f"{head}: no session"


def _reviews_text(reviews: list[ReviewRecord]) -> str:
    if len(reviews) == 1:
        parts = [reviews[0].title]
    else:
        parts = [", ".join(f"{r.title} {r.completion}" for r in reviews)]
    seen_b = {b for r in reviews for b in r.barriers}
    seen_s = {s for r in reviews for s in r.strategies}
    barriers = [b for b in Barrier if b in seen_b]
    strategies = [s for s in Strategy if s in seen_s]
    ratings = [r.client_rating for r in reviews if r.client_rating is not None]
    text = parts[0]
    if barriers:
        text += "; barriers: " + ", ".join(b.label.lower() for b in barriers)
    if strategies:
        text += "; tried: " + ", ".join(s.label.lower() for s in strategies)
    if ratings:
        text += "; client's own rating " + ", ".join(str(v) for v in ratings)
    if not any(r.brought for r in reviews):
        text += "; record not brought"
    return text


def _overlaps(week: date, start: date, end: date | None) -> bool:
    """Whether [start, end) meets the week starting ``week`` (end None: still open)."""
    week_end = week + timedelta(days=7)
    return start < week_end and (end is None or end > week)
