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
``tooltip`` that says in words what happened.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from practice.domain.vocabulary import (
    COMPLETION_ANCHORS,
    AppointmentStatus,
    Barrier,
    CallDecision,
    CallOutcome,
    Strategy,
)
from practice.services.reviews import comes_after

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class CellKind(StrEnum):
    REVIEW = "review"
    NOT_REVIEWED = "not_reviewed"
    NO_HOMEWORK = "no_homework"
    CANCELLED_NO_SELF_RECORD = "cancelled_no_self_record"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    NO_SESSION = "no_session"

    @property
    def label(self) -> str:
        return CELL_LABELS[self]


CELL_LABELS: dict[CellKind, str] = {
    CellKind.REVIEW: "completion 0-4",
    CellKind.NOT_REVIEWED: "homework not reviewed",
    CellKind.NO_HOMEWORK: "no homework set",
    CellKind.CANCELLED_NO_SELF_RECORD: "cancelled, self-record not done",
    CellKind.NO_SHOW: "no-show",
    CellKind.CANCELLED: "cancelled",
    CellKind.NO_SESSION: "no session",
}
# The text mark of each kind (REVIEW cells show their completion digit instead).
CELL_MARKS: dict[CellKind, str] = {
    CellKind.NOT_REVIEWED: "?",
    CellKind.NO_HOMEWORK: "–",
    CellKind.CANCELLED_NO_SELF_RECORD: "C!",
    CellKind.NO_SHOW: "NS",
    CellKind.CANCELLED: "C",
    CellKind.NO_SESSION: "",
}
# Fill and ink colours (hex) shared by the GUI and the PDF. Completion runs from a
# pale yellow (0) to a deep blue (4) (ColorBrewer YlGnBu, readable in greyscale);
# the marks carry the meaning for readers who cannot tell the colours apart.
COMPLETION_FILL = ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#225ea8")
COMPLETION_INK = ("#1b1b1b", "#1b1b1b", "#1b1b1b", "#1b1b1b", "#ffffff")
KIND_FILL: dict[CellKind, str] = {
    CellKind.NOT_REVIEWED: "#ffffff",
    CellKind.NO_HOMEWORK: "#e4e4e4",
    CellKind.CANCELLED_NO_SELF_RECORD: "#f4a582",
    CellKind.NO_SHOW: "#9e9e9e",
    CellKind.CANCELLED: "#d0d0d0",
    CellKind.NO_SESSION: "#ffffff",
}
CONDITIONAL_COLOUR = "#b35806"  # the bar under weeks with conditional sessions on


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


# ---- figures out ------------------------------------------------------------------


@dataclass(frozen=True)
class WeekCell:
    """One week of the adherence strip (see the module docstring for the kinds)."""

    week_start: date  # the Monday
    kind: CellKind
    completion: int | None  # REVIEW: the week's mean completion, rounded half up
    mark: str  # "0".."4", "–", "?", "NS", "C", "C!" or "" (no session)
    tooltip: str
    appointment_ids: tuple[int, ...]  # the week's appointments, in time order
    conditional: bool = False  # conditional sessions were on during the week
    current: bool = False  # the week holding "today"

    @property
    def label(self) -> str:
        """ "3 Mar" """
        return short_date(self.week_start)

    @property
    def fill(self) -> str:
        if self.kind is CellKind.REVIEW and self.completion is not None:
            return COMPLETION_FILL[self.completion]
        return KIND_FILL[self.kind]

    @property
    def ink(self) -> str:
        if self.kind is CellKind.REVIEW and self.completion is not None:
            return COMPLETION_INK[self.completion]
        return "#1b1b1b"


# ---- the strip --------------------------------------------------------------------


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def short_date(d: date, *, year: bool = False) -> str:
    text = f"{d.day} {MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if year else text


def day_text(d: date) -> str:
    """ "Tue 4 Mar" """
    return f"{WEEKDAYS[d.weekday()]} {short_date(d)}"


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
