"""The data of the session-prep view: one frozen :class:`PrepData` (built by
``practice.services.prep.build_prep``), shared by the prep view, the PDF and the CLI.
Plain values only, so that ``practice.sheets`` reads them without the services.

Field by field, for the GUI:

* ``PrepData.header`` (:class:`PrepHeader`): ``display_name``, ``name`` (what to call the
  client), ``language``, ``literacy_level``, ``next_appointment`` (an ``AppointmentView``
  or None), ``stage`` with ``stance`` and ``fitting_homework``, ``cannot_postpone`` (+
  ``cannot_postpone_reason``) and ``conditional`` (the open ``PeriodView`` or None).
* ``PrepData.weeks``: ``WeekCell`` per week, oldest first: ``week_start``, ``kind``
  (``CellKind``), ``completion`` (0-4 or None), ``mark`` (text for colour-blind reading),
  what happened (``sessions``, ``reviews``, ``open_homework``, ``calls``),
  ``conditional``, ``current``.
* ``PrepData.trend``: ``TrendPoint`` (``on``, ``completion``, ``client_rating``, ``title``)
  per review, oldest first.
* ``PrepData.barriers``: ``BarrierCount`` (``barrier``, ``label``, ``count``,
  ``recent_count`` within the strip's weeks, ``last_seen``), most recently seen first.
* ``PrepData.strategies``: ``StrategyTried`` (``strategy``, ``label``, ``step``, ``dates``,
  ``uses`` of ``StrategyUse(on, completion, followed)``, ``followed_mean``), ladder order.
* ``PrepData.suggestion``: ``domain.suggestions.Suggestion`` (``strategy``, ``headline``,
  ``guidance``, ``reasons``, ``extra`` notes with ``key``/``title``/``text``).
* ``PrepData.agenda`` (:class:`PrepAgenda`): ``to_raise`` (``RaiseItem`` from
  ``observations``), ``last_plan``, ``last_plan_at``, ``open_assignments``.
* ``PrepData.last_note`` (:class:`LastNote` or None) and ``PrepData.totals``
  (:class:`PrepTotals`); ``PrepData.periods``: every conditional-sessions period.
* ``PrepData.measures``: ``MeasureTrend`` (``instrument``, ``name``, ``points`` of
  ``MeasurePoint(on, total)``, oldest first) per standard measure with a score, PHQ-9
  first; ``PrepData.measure_statements``: the plain statement of each
  (``practice.domain.measure_story``), marked for translation, then a line a rated goal;
  ``PrepData.goals``: ``GoalTrend`` (``position``, ``text``, ``higher_is_better``,
  ``points`` of ``MeasurePoint(on, rating)``) per current goal with a rating.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from practice.domain.adherence import WeekCell
from practice.domain.measure_story import GoalTrend, MeasureTrend, goal_statements, statements
from practice.domain.suggestions import Suggestion
from practice.domain.views import AppointmentView, PeriodView, RaiseItem
from practice.domain.vocabulary import (
    Barrier,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
    NoteFormat,
    ReminderChannel,
    StageOfChange,
    Strategy,
)
from practice.text import Text

DEFAULT_WEEKS = 12


# ---- what was tried and what followed (made by ``practice.domain.progress``) -----


@dataclass(frozen=True)
class TrendPoint:
    """One review: the therapist's completion rating and the client's own (0-4)."""

    on: date
    completion: int
    client_rating: int | None
    title: str


@dataclass(frozen=True)
class BarrierCount:
    barrier: Barrier
    count: int  # reviews that recorded it, whole history
    recent_count: int  # reviews that recorded it within the strip's weeks
    last_seen: date

    @property
    def label(self) -> str:
        return self.barrier.label


@dataclass(frozen=True)
class StrategyUse:
    """One session where a strategy was applied, and what the next review showed."""

    on: date
    completion: float  # mean completion of the reviews in that session
    followed: float | None  # mean completion of the next session's reviews; None: none yet


@dataclass(frozen=True)
class StrategyTried:
    strategy: Strategy
    uses: tuple[StrategyUse, ...]  # oldest first
    followed_mean: float | None  # mean of the uses' ``followed`` (those that have one)

    @property
    def label(self) -> str:
        return self.strategy.label

    @property
    def step(self) -> int:
        return self.strategy.step

    @property
    def dates(self) -> tuple[date, ...]:
        return tuple(u.on for u in self.uses)


# ---- the prep data -----------------------------------------------------------------


@dataclass(frozen=True)
class PrepHeader:
    client_id: int
    display_name: str  # "Last, First (Preferred)"
    name: str  # what to call the client: preferred name, else first name
    language: Language
    literacy_level: LiteracyLevel
    next_appointment: AppointmentView | None  # first scheduled on or after today
    stage: StageOfChange | None
    cannot_postpone: bool
    cannot_postpone_reason: str | None
    conditional: PeriodView | None  # the open conditional-sessions period, if any

    @property
    def stance(self) -> str | None:
        return self.stage.stance if self.stage else None

    @property
    def fitting_homework(self) -> str | None:
        return self.stage.fitting_homework if self.stage else None

    @property
    def conditional_on(self) -> bool:
        return self.conditional is not None


@dataclass(frozen=True)
class OpenAssignment:
    id: int
    code: str
    title: str
    template_key: str
    level: LiteracyLevel
    language: Language
    modality: Modality
    frequency: Frequency
    times_per_week: int | None
    start_date: date
    due_date: date | None
    reminder_channel: ReminderChannel
    reminder_time: time | None
    last_completion: int | None  # its latest review, if any
    last_reviewed_on: date | None


@dataclass(frozen=True)
class PrepAgenda:
    to_raise: tuple[RaiseItem, ...]  # flagged "raise openly" and not yet raised, oldest first
    last_plan: str | None  # the plan of the latest note that has one (as amended)
    last_plan_at: datetime | None
    open_assignments: tuple[OpenAssignment, ...]  # newest first


@dataclass(frozen=True)
class LastNote:
    note_id: int
    appointment_id: int
    session_at: datetime
    format: NoteFormat
    sections: dict[str, str]  # as they read now (amendments applied), in the format's order
    plan: str | None  # as it reads now
    signed: bool
    amended: bool


@dataclass(frozen=True)
class PrepTotals:
    first_session: date | None
    attended: int
    no_shows: int
    cancelled: int  # by client or therapist
    cancelled_no_self_record: int
    reviews: int
    mean_completion: float | None  # every review
    shown_mean: float | None  # the reviews within the strip's weeks


@dataclass(frozen=True)
class OpenRiskAlert:
    """A PHQ-9 question 9 answered above 0 and not yet acknowledged."""

    taken_on: date
    answer: int  # 1-3


@dataclass(frozen=True)
class PrepData:
    today: date
    header: PrepHeader
    weeks: tuple[WeekCell, ...]  # oldest first; the last holds today
    trend: tuple[TrendPoint, ...]  # every review, oldest first
    barriers: tuple[BarrierCount, ...]
    strategies: tuple[StrategyTried, ...]
    suggestion: Suggestion
    agenda: PrepAgenda
    last_note: LastNote | None
    totals: PrepTotals
    periods: tuple[PeriodView, ...] = ()  # every conditional-sessions period, oldest first
    measures: tuple[MeasureTrend, ...] = ()  # PHQ-9, then GAD-7; only those with a score
    risk_alerts: tuple[OpenRiskAlert, ...] = ()  # not yet acknowledged, oldest first
    goals: tuple[GoalTrend, ...] = ()  # the current goals with a rating, by position
    # the day of the latest PHQ-9 when its question 9 was left unanswered (to ask about)
    risk_item_unanswered_on: date | None = None

    @property
    def measure_statements(self) -> tuple[Text, ...]:
        """What the measures show beside the strip's weeks, one statement a measure,
        then one line a rated goal."""
        return statements(self.measures, self.weeks) + goal_statements(self.goals, self.weeks)
