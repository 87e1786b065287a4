"""Conditional sessions: the guarded last resort of the ladder.

Why they are guarded: docs/clinical.md, Conditional sessions. The flow the GUI follows:

1. :func:`check_opening` shows what has been tried (:class:`LadderRecord`), warns when
   fewer than three ladder steps were recorded, and says whether a written override is
   needed (the client cannot postpone treatment) or a period is already open.
2. :func:`open_period` records the period, the reason and the day it was agreed with
   the client; it refuses a second open period, and a cannot-postpone client unless
   the override has a reason of at least ``OVERRIDE_MIN`` characters, names who was
   consulted (a colleague or supervisor) and the risk was explicitly confirmed
   (``risk_confirmed``). The override is audited with who was consulted.
3. While a period is on, Today lists a day-before call for each scheduled appointment
   tomorrow; :func:`log_call` records the outcome and the decision. "Cancel" sets the
   appointment to "cancelled — self-record not done" (for a cannot-postpone client only
   under an active override, see :func:`cancel_guard`); "reschedule" moves it when a new
   start is given, or leaves it for the therapist to move (``CallView.needs_new_time``).
4. :func:`end_period` ends it, in one action.

A period covers the days from ``starts_on`` up to, not including, ``ends_on``: ended
"on 12 March" means conditional sessions no longer apply from 12 March. Every step
is audited (by id, never by name or reason text).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from practice.db.models import (
    Appointment,
    Client,
    ConditioningPeriod,
    DayBeforeCheck,
    HomeworkReview,
    ReviewStrategy,
)
from practice.domain.risk import Override, consulted_problem, join_override, override_problem
from practice.domain.text import clean, text_problem
from practice.domain.views import PeriodView, local_date
from practice.domain.vocabulary import (
    AppointmentStatus,
    CallDecision,
    CallOutcome,
    ClientStatus,
    StageOfChange,
    Strategy,
)
from practice.services import appointments, audit, versions
from practice.services.appointments import now_utc
from practice.services.errors import NotFoundError, ValidationError
from practice.text import QT_TRANSLATE_NOOP, joined, shown_date

OVERRIDE_MIN = 15  # characters of a written override reason, at least
CONSULTED_MAX = 200
REASON_MAX = 2_000
NOTE_MAX = 2_000
MIN_TRIED = 3  # fewer ladder steps than this: warn before opening
CANCEL_REASON = "Day-before call: self-record not done."


@dataclass(frozen=True)
class LadderStep:
    strategy: Strategy
    dates: tuple[date, ...]  # sessions where it was recorded in a review, oldest first

    @property
    def label(self) -> str:
        return self.strategy.label

    @property
    def step(self) -> int:
        return self.strategy.step

    @property
    def tried(self) -> bool:
        return bool(self.dates)


@dataclass(frozen=True)
class LadderRecord:
    client_id: int
    steps: tuple[LadderStep, ...]  # the whole ladder, steps 1-9 in order
    tried_count: int  # distinct steps 1-8 recorded at least once (the last resort not counted)

    @property
    def tried(self) -> tuple[LadderStep, ...]:
        return tuple(s for s in self.steps if s.tried)


@dataclass(frozen=True)
class OpeningCheck:
    """What the "turn conditional sessions on" dialog shows before confirming."""

    client_id: int
    ladder: LadderRecord
    tried: int  # = ladder.tried_count
    warnings: tuple[str, ...]  # show them; they do not block
    blocked_without_override: bool  # cannot postpone: a written override reason is needed
    cannot_postpone_reason: str | None
    open_period: PeriodView | None  # already on: opening is refused

    @property
    def can_open(self) -> bool:
        return self.open_period is None


@dataclass(frozen=True)
class CancelGuard:
    """Whether the day-before call may cancel a session, for the call dialog to show."""

    cannot_postpone: bool
    cannot_postpone_reason: str | None
    override: Override | None  # of the period covering the session's day

    @property
    def may_cancel(self) -> bool:
        return not self.cannot_postpone or (self.override is not None and self.override.active)


@dataclass(frozen=True)
class CallView:
    id: int
    appointment_id: int
    client_id: int
    called_at: datetime
    outcome: CallOutcome
    decision: CallDecision
    note: str | None
    appointment_status: AppointmentStatus  # after the decision
    appointment_starts_at: datetime  # after the decision (moved when rescheduled)
    needs_new_time: bool = False  # reschedule decided but no new time given yet


# ---- reading --------------------------------------------------------------------


def ladder_record(db: Session, client_id: int) -> LadderRecord:
    """Each ladder step with the sessions where it was recorded (one grouped query)."""
    _client(db, client_id)
    seen: dict[Strategy, set[date]] = defaultdict(set)
    for strategy, at in db.execute(
        select(ReviewStrategy.strategy, Appointment.starts_at)
        .join(HomeworkReview, HomeworkReview.id == ReviewStrategy.review_id)
        .join(Appointment, Appointment.id == HomeworkReview.appointment_id)
        .where(Appointment.client_id == client_id)
    ):
        seen[strategy].add(local_date(at))
    steps = tuple(LadderStep(s, tuple(sorted(seen.get(s, ())))) for s in Strategy)
    count = sum(1 for s in steps if s.tried and s.strategy is not Strategy.CONDITIONAL_SESSIONS)
    return LadderRecord(client_id, steps, count)


def periods_for(db: Session, client_id: int) -> list[PeriodView]:
    """Every period of a client, oldest first."""
    rows = db.scalars(
        select(ConditioningPeriod)
        .where(ConditioningPeriod.client_id == client_id)
        .order_by(ConditioningPeriod.starts_on, ConditioningPeriod.id)
    ).all()
    return [period_view(r) for r in rows]


def current_period(db: Session, client_id: int, *, today: date | None = None) -> PeriodView | None:
    today = today or date.today()
    open_ = [p for p in periods_for(db, client_id) if p.is_open(today)]
    return open_[-1] if open_ else None


def check_opening(db: Session, client_id: int, *, today: date | None = None) -> OpeningCheck:
    client = _client(db, client_id)
    ladder = ladder_record(db, client_id)
    warnings: list[str] = []
    if ladder.tried_count < MIN_TRIED:
        done = joined(
            (s.label for s in ladder.tried if s.step < 9), lower=True
        ) or QT_TRANSLATE_NOOP("conditional", "none")
        warnings.append(
            (
                QT_TRANSLATE_NOOP(
                    "conditional",
                    "Only {count} ladder step recorded (tried: {done}). Conditional sessions "
                    "are a last resort: try at least {least} other steps first.",
                )
                if ladder.tried_count == 1
                else QT_TRANSLATE_NOOP(
                    "conditional",
                    "Only {count} ladder steps recorded (tried: {done}). Conditional sessions "
                    "are a last resort: try at least {least} other steps first.",
                )
            ).format(count=ladder.tried_count, done=done, least=MIN_TRIED)
        )
    if client.stage_of_change is StageOfChange.PRECONTEMPLATION:
        warnings.append(
            QT_TRANSLATE_NOOP(
                "conditional",
                "The client is in precontemplation: cancelling sessions would be pushing "
                "someone who is not yet considering change.",
            )
        )
    if client.status is not ClientStatus.ACTIVE:
        warnings.append(
            QT_TRANSLATE_NOOP("conditional", "This client is {status}.").format(
                status=client.status.in_sentence
            )
        )
    if client.cannot_postpone:
        warnings.append(
            QT_TRANSLATE_NOOP(
                "conditional",
                "This client is marked 'cannot postpone treatment'. Conditional sessions "
                "need a written override reason, who was consulted, and a second "
                "confirmation.",
            )
        )
    return OpeningCheck(
        client_id=client.id,
        ladder=ladder,
        tried=ladder.tried_count,
        warnings=tuple(warnings),
        blocked_without_override=bool(client.cannot_postpone),
        cannot_postpone_reason=client.cannot_postpone_reason,
        open_period=current_period(db, client_id, today=today),
    )


# ---- writing --------------------------------------------------------------------


def open_period(
    db: Session,
    client_id: int,
    *,
    reason: str,
    agreed_on: date,
    override_reason: str | None = None,
    consulted: str | None = None,
    risk_confirmed: bool = False,
    starts_on: date | None = None,
    today: date | None = None,
) -> PeriodView:
    """Turn conditional sessions on; the returned view carries the check's warnings.

    For a client who cannot postpone treatment: ``override_reason`` (why, despite the
    risk), ``consulted`` (who was consulted, name and role) and ``risk_confirmed`` (the
    therapist confirmed the named risk a second time) are all required.
    """
    today = today or date.today()
    check = check_opening(db, client_id, today=today)
    client = _client(db, client_id)
    errors: dict[str, str] = {}
    reason_clean = clean(reason)
    if not reason_clean:
        errors["reason"] = QT_TRANSLATE_NOOP(
            "conditional", "Write why conditional sessions are needed and what was agreed."
        )
    elif problem := text_problem(reason_clean, REASON_MAX):
        errors["reason"] = QT_TRANSLATE_NOOP("conditional", "Reason {problem}.").format(
            problem=problem
        )
    override = clean(override_reason)
    who = clean(consulted)
    if client.cannot_postpone:
        if not override or len(override) < OVERRIDE_MIN:
            errors["override_reason"] = QT_TRANSLATE_NOOP(
                "conditional",
                "This client is marked 'cannot postpone treatment': conditional sessions "
                "could cancel sessions they need. To go ahead anyway, write the reason "
                "for the override (at least {override_min} characters).",
            ).format(override_min=OVERRIDE_MIN)
        elif problem := text_problem(override, REASON_MAX):
            errors["override_reason"] = QT_TRANSLATE_NOOP(
                "conditional", "Override reason {problem}."
            ).format(problem=problem)
        elif problem := override_problem(override):
            errors["override_reason"] = problem
        if problem := consulted_problem(who) or text_problem(who, CONSULTED_MAX):
            errors["consulted"] = problem
        if not risk_confirmed:
            errors["risk_confirmed"] = QT_TRANSLATE_NOOP(
                "conditional",
                "Confirm the risk first: this client cannot postpone treatment "
                "({value}), and conditional sessions may cancel their sessions.",
            ).format(value=client.cannot_postpone_reason or "no reason recorded")
    elif override and (problem := text_problem(override, REASON_MAX)):
        errors["override_reason"] = QT_TRANSLATE_NOOP(
            "conditional", "Override reason {problem}."
        ).format(problem=problem)
    elif override and (problem := override_problem(override)):
        errors["override_reason"] = problem
    if not isinstance(agreed_on, date):
        errors["agreed_on"] = QT_TRANSLATE_NOOP(
            "conditional", "Give the date it was agreed with the client."
        )
    elif agreed_on > today:
        errors["agreed_on"] = QT_TRANSLATE_NOOP(
            "conditional", "The date agreed with the client cannot be in the future."
        )
    start = starts_on or today
    if isinstance(agreed_on, date) and start < agreed_on:
        errors["starts_on"] = QT_TRANSLATE_NOOP(
            "conditional", "Conditional sessions cannot start before they were agreed."
        )
    if client.status is ClientStatus.DISCHARGED:
        errors["client_id"] = QT_TRANSLATE_NOOP("conditional", "This client is discharged.")
    if check.open_period is not None:
        errors["client_id"] = QT_TRANSLATE_NOOP(
            "conditional",
            "Conditional sessions are already on for this client (since "
            "{starts_on}). End that period first.",
        ).format(starts_on=shown_date(check.open_period.starts_on, "{0:%d %b %Y}"))
    if errors:
        raise ValidationError(errors)
    row = ConditioningPeriod(
        client_id=client.id,
        starts_on=start,
        ends_on=None,
        reason=reason_clean,
        agreed_on=agreed_on,
        override_reason=join_override(override, who)
        if client.cannot_postpone and override and who
        else override,
    )
    db.add(row)
    db.flush()
    audit.record(
        db,
        "conditioning_period",
        row.id,
        "open",
        f"conditional sessions on for client {client.id} from {start.isoformat()} "
        f"(agreed {agreed_on.isoformat()}; {check.tried} ladder steps tried; "
        f"override {'written' if client.cannot_postpone else 'not needed'})",
    )
    if client.cannot_postpone:
        audit.record(
            db,
            "conditioning_period",
            row.id,
            "risk-override",
            f"'cannot postpone treatment' overridden for client {client.id}: risk confirmed; "
            f"consulted: {who}",
        )
    return period_view(row, check.warnings)


def end_period(db: Session, period_id: int, on: date, *, version: int | None = None) -> PeriodView:
    """End the period: conditional sessions no longer apply from ``on``.

    ``version``: the period's as loaded (``PeriodView.version``: a period has no version
    column; ending it is its only change, so 1 while on and 2 once ended). A period
    ended meanwhile elsewhere is refused (``ChangedElsewhereError`` naming the computer
    of its audited end), and so is the race of two computers ending it at once (the
    write is ``UPDATE … WHERE ends_on IS NULL``)."""
    row = db.get(ConditioningPeriod, period_id)
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "conditional", "There is no conditional-sessions period with id {period_id}."
            ).format(period_id=period_id)
        )
    versions.check_audited(db, "conditioning_period", row.id, _period_version(row), version)
    if row.ends_on is not None:
        raise ValidationError(
            {
                "period": QT_TRANSLATE_NOOP(
                    "conditional", "This period already ended on {ends_on}."
                ).format(ends_on=shown_date(row.ends_on, "{0:%d %b %Y}"))
            }
        )
    if on < row.starts_on:
        raise ValidationError(
            {
                "on": QT_TRANSLATE_NOOP(
                    "conditional", "The period started on {starts_on}; it cannot end before that."
                ).format(starts_on=shown_date(row.starts_on, "{0:%d %b %Y}"))
            }
        )
    ended = db.execute(
        update(ConditioningPeriod)
        .where(ConditioningPeriod.id == row.id, ConditioningPeriod.ends_on.is_(None))
        .values(ends_on=on)
        .execution_options(synchronize_session=False)
    )
    # an UPDATE's result is a CursorResult, which has the row count
    if ended.rowcount != 1:  # type: ignore[attr-defined]
        db.rollback()
        raise versions.audited_change(db, "conditioning_period", row.id)
    row.ends_on = on
    db.flush()
    audit.record(
        db,
        "conditioning_period",
        row.id,
        "end",
        f"conditional sessions off for client {row.client_id} from {on.isoformat()}",
    )
    return period_view(row)


def log_call(
    db: Session,
    appointment_id: int,
    outcome: CallOutcome,
    decision: CallDecision,
    note: str | None = None,
    *,
    called_at: datetime | None = None,
    new_start: datetime | None = None,
    version: int | None = None,
) -> CallView:
    """Record the day-before call of an appointment under conditional sessions.
    ``version``: the appointment's as loaded (refused when it changed meanwhile, e.g.
    moved or cancelled on another computer: the call is then about another session)."""
    appointment = db.get(Appointment, appointment_id)
    if appointment is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "conditional", "There is no appointment with id {appointment_id}."
            ).format(appointment_id=appointment_id)
        )
    versions.check(appointment, version)
    errors: dict[str, str] = {}
    try:
        outcome, decision = CallOutcome(outcome), CallDecision(decision)
    except ValueError as exc:
        raise ValidationError(
            {
                "outcome": QT_TRANSLATE_NOOP(
                    "conditional", "Unknown outcome or decision: {exc}."
                ).format(exc=exc)
            }
        ) from exc
    note_clean = clean(note)
    if problem := text_problem(note_clean, NOTE_MAX):
        errors["note"] = QT_TRANSLATE_NOOP("conditional", "Note {problem}.").format(problem=problem)
    if appointment.status is not AppointmentStatus.SCHEDULED:
        errors["appointment_id"] = QT_TRANSLATE_NOOP(
            "conditional",
            "This appointment is {status}; only a scheduled one gets a day-before call.",
        ).format(status=appointment.status.in_sentence)
    day = local_date(appointment.starts_at)
    if not any(p.covers(day) for p in periods_for(db, appointment.client_id)):
        errors["appointment_id"] = QT_TRANSLATE_NOOP(
            "conditional",
            "Conditional sessions are not on for this client on that day; there is "
            "no day-before call to log.",
        )
    if decision is CallDecision.CANCEL and outcome is CallOutcome.DONE:
        errors["decision"] = QT_TRANSLATE_NOOP(
            "conditional", "The self-record was done: keep the session (or move it)."
        )
    if new_start is not None and decision is not CallDecision.RESCHEDULE:
        errors["new_start"] = QT_TRANSLATE_NOOP(
            "conditional", "A new time is only given when the decision is to reschedule."
        )
    if called_at is not None and called_at.tzinfo is None:
        errors["called_at"] = QT_TRANSLATE_NOOP(
            "conditional", "The call time must carry a time zone."
        )
    if errors:
        raise ValidationError(errors)
    if decision is CallDecision.CANCEL:  # refused (and audited) before anything is written
        appointments.check_cancel_allowed(db, appointment.id)
    row = DayBeforeCheck(
        appointment_id=appointment.id,
        called_at=called_at or now_utc(),
        outcome=outcome,
        decision=decision,
        note=note_clean,
    )
    db.add(row)
    db.flush()
    audit.record(
        db,
        "day_before_check",
        row.id,
        "call",
        f"day-before call for appointment {appointment.id}: {outcome.value}, {decision.value}",
    )
    if decision is CallDecision.CANCEL:
        appointments.cancel_for_missing_self_record(db, appointment.id, CANCEL_REASON)
    elif decision is CallDecision.RESCHEDULE and new_start is not None:
        appointments.reschedule(db, appointment.id, new_start)
    return CallView(
        id=row.id,
        appointment_id=appointment.id,
        client_id=appointment.client_id,
        called_at=row.called_at,
        outcome=row.outcome,
        decision=row.decision,
        note=row.note,
        appointment_status=appointment.status,
        appointment_starts_at=appointment.starts_at,
        needs_new_time=decision is CallDecision.RESCHEDULE and new_start is None,
    )


def cancel_guard(db: Session, appointment_id: int) -> CancelGuard:
    """May a day-before call cancel this session (see ``appointments.check_cancel_allowed``)?"""
    appointment = db.get(Appointment, appointment_id)
    if appointment is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "conditional", "There is no appointment with id {appointment_id}."
            ).format(appointment_id=appointment_id)
        )
    client = _client(db, appointment.client_id)
    return CancelGuard(
        cannot_postpone=client.cannot_postpone,
        cannot_postpone_reason=client.cannot_postpone_reason,
        override=appointments.risk_override(db, appointment_id),
    )


def calls_for(db: Session, appointment_ids: list[int]) -> dict[int, list[CallView]]:
    """Appointment id -> its day-before calls, oldest first (one query)."""
    result: dict[int, list[CallView]] = defaultdict(list)
    if not appointment_ids:
        return result
    for row, client_id, status, starts_at in db.execute(
        select(DayBeforeCheck, Appointment.client_id, Appointment.status, Appointment.starts_at)
        .join(Appointment, Appointment.id == DayBeforeCheck.appointment_id)
        .where(DayBeforeCheck.appointment_id.in_(appointment_ids))
        .order_by(DayBeforeCheck.called_at, DayBeforeCheck.id)
    ):
        result[row.appointment_id].append(
            CallView(
                id=row.id,
                appointment_id=row.appointment_id,
                client_id=client_id,
                called_at=row.called_at,
                outcome=row.outcome,
                decision=row.decision,
                note=row.note,
                appointment_status=status,
                appointment_starts_at=starts_at,
            )
        )
    return result


# ---- helpers --------------------------------------------------------------------


def period_view(row: ConditioningPeriod, warnings: tuple[str, ...] = ()) -> PeriodView:
    return PeriodView(
        id=row.id,
        client_id=row.client_id,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        reason=row.reason,
        agreed_on=row.agreed_on,
        override_reason=row.override_reason,
        created_at=row.created_at,
        warnings=warnings,
        version=_period_version(row),
    )


def _period_version(row: ConditioningPeriod) -> int:
    """A period's version counted from what it holds: made (1), ended (2)."""
    return 1 if row.ends_on is None else 2


def _client(db: Session, client_id: int) -> Client:
    client = db.get(Client, client_id)
    if client is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("conditional", "There is no client with id {client_id}.").format(
                client_id=client_id
            )
        )
    return client
