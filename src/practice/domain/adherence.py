"""A client's homework history week by week: the adherence strip, as plain values.

Plain functions over plain facts (no queries here): ``practice.services.prep`` reads
the facts in a fixed number of queries and calls :func:`week_cells`. What the cells
look like is up to those who show them: ``practice.ui.adherence_strip`` (colours,
tooltips) and ``practice.sheets.prep_charts`` (the prep PDF) each say it their way.

**The weekly strip.** Weeks run Monday to Sunday on the therapist's clock. Each week
gets one :class:`WeekCell`, whose kind is the first that applies:

1. ``REVIEW``: homework was reviewed in a session that week. ``completion`` is the
   mean of that week's reviews (all assignments, all sessions of the week), rounded
   to the nearest whole number with halves rounded up.
2. ``NOT_REVIEWED``: a session was attended while homework was open (set before it
   and not yet closed), but nothing was reviewed.
3. ``NO_HOMEWORK``: a session was attended and no homework was open.
4. ``CANCELLED_NO_SELF_RECORD``: cancelled after the day-before call (conditional sessions).
5. ``NO_SHOW``; 6. ``CANCELLED`` (by the client or the therapist);
7. ``NO_SESSION``: nothing happened that week (or only sessions still to come).

Every cell has a short ``mark`` so that the strip reads without colour, and keeps
what happened (its sessions, reviews and day-before calls) so that it can be told.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from practice.domain.views import local_date
from practice.domain.vocabulary import (
    AppointmentStatus,
    Barrier,
    CallDecision,
    CallOutcome,
    Strategy,
)


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def comes_after(
    assigned_in_id: int | None,
    assigned_in_at: datetime | None,
    start_date: date,
    appointment_id: int,
    appointment_at: datetime,
) -> bool:
    """Whether a session comes after the homework was set, so it can review it."""
    if appointment_id == assigned_in_id:
        return False
    if assigned_in_at is not None:
        return appointment_at > assigned_in_at
    return local_date(appointment_at) > start_date


def round_half_up(value: float) -> int:
    return int(value + 0.5)


# ---- facts in ---------------------------------------------------------------------


@dataclass(frozen=True)
class SessionFact:
    """One appointment of the client."""

    id: int
    starts_at: datetime  # aware
    day: date  # local day
    status: AppointmentStatus


@dataclass(frozen=True)
class SessionReview:
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


# ---- the cells --------------------------------------------------------------------


class CellKind(StrEnum):
    REVIEW = "review"
    NOT_REVIEWED = "not_reviewed"
    NO_HOMEWORK = "no_homework"
    CANCELLED_NO_SELF_RECORD = "cancelled_no_self_record"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    NO_SESSION = "no_session"


# The text mark of each kind (REVIEW cells show their completion digit instead).
CELL_MARKS: dict[CellKind, str] = {
    CellKind.NOT_REVIEWED: "?",
    CellKind.NO_HOMEWORK: "–",
    CellKind.CANCELLED_NO_SELF_RECORD: "C!",
    CellKind.NO_SHOW: "NS",
    CellKind.CANCELLED: "C",
    CellKind.NO_SESSION: "",
}
# A week with no attended session takes the kind of the first status it has.
MISSED_ORDER: tuple[tuple[AppointmentStatus, CellKind], ...] = (
    (AppointmentStatus.CANCELLED_NO_SELF_RECORD, CellKind.CANCELLED_NO_SELF_RECORD),
    (AppointmentStatus.NO_SHOW, CellKind.NO_SHOW),
    (AppointmentStatus.CANCELLED_BY_CLIENT, CellKind.CANCELLED),
    (AppointmentStatus.CANCELLED_BY_THERAPIST, CellKind.CANCELLED),
)


@dataclass(frozen=True)
class WeekCell:
    """One week of the adherence strip."""

    week_start: date  # the Monday
    kind: CellKind
    completion: int | None  # REVIEW: the week's mean completion, rounded half up
    mark: str  # "0".."4", "–", "?", "NS", "C", "C!" or "" (no session)
    sessions: tuple[SessionFact, ...] = ()  # the week's appointments, in time order
    # The sessions that decided the kind: the attended ones (REVIEW, NOT_REVIEWED,
    # NO_HOMEWORK), those of the deciding status (cancelled, no-show kinds), the
    # scheduled ones (NO_SESSION; none: nothing was booked).
    deciding: tuple[SessionFact, ...] = ()
    reviews: tuple[SessionReview, ...] = ()  # REVIEW: every review of the week
    open_homework: tuple[str, ...] = ()  # NOT_REVIEWED: titles of the homework left open
    calls: tuple[CallFact, ...] = ()  # day-before calls of the week's appointments
    conditional: bool = False  # conditional sessions were on during the week
    current: bool = False  # the week holding "today"

    @property
    def appointment_ids(self) -> tuple[int, ...]:
        return tuple(s.id for s in self.sessions)


def week_cells(
    first_week: date,
    last_week: date,
    sessions: Sequence[SessionFact],
    reviews: Sequence[SessionReview],
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
    by_session: dict[int, list[SessionReview]] = defaultdict(list)
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
    by_session: dict[int, list[SessionReview]],
    homework: Sequence[HomeworkSpan],
    periods: Sequence[tuple[date, date | None]],
    calls_by: dict[int, list[CallFact]],
    today: date,
) -> WeekCell:
    attended = tuple(s for s in sessions if s.status is AppointmentStatus.ATTENDED)
    reviews = tuple(r for s in attended for r in by_session.get(s.id, ()))
    completion: int | None = None
    open_titles: tuple[str, ...] = ()
    deciding = attended
    if reviews:
        kind = CellKind.REVIEW
        completion = round_half_up(sum(r.completion for r in reviews) / len(reviews))
    elif attended:
        open_titles = tuple(
            dict.fromkeys(h.title for h in homework for s in attended if h.open_at(s))
        )
        kind = CellKind.NOT_REVIEWED if open_titles else CellKind.NO_HOMEWORK
    else:
        kind, deciding = _missed(sessions)
    return WeekCell(
        week_start=week,
        kind=kind,
        completion=completion,
        mark=str(completion) if completion is not None else CELL_MARKS[kind],
        sessions=tuple(sessions),
        deciding=deciding,
        reviews=reviews,
        open_homework=open_titles,
        calls=tuple(call for s in sessions for call in calls_by.get(s.id, ())),
        conditional=any(_overlaps(week, start, end) for start, end in periods),
        current=week <= today < week + timedelta(weeks=1),
    )


def _missed(sessions: list[SessionFact]) -> tuple[CellKind, tuple[SessionFact, ...]]:
    for status, kind in MISSED_ORDER:
        hits = tuple(s for s in sessions if s.status is status)
        if hits:
            return kind, hits
    scheduled = tuple(s for s in sessions if s.status is AppointmentStatus.SCHEDULED)
    return CellKind.NO_SESSION, scheduled


def _overlaps(week: date, start: date, end: date | None) -> bool:
    """Whether [start, end) meets the week starting ``week`` (end None: still open)."""
    week_end = week + timedelta(days=7)
    return start < week_end and (end is None or end > week)
