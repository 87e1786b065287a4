"""Appointments: schedule, move, record what happened, a client's list, the week agenda.

Times are timezone-aware everywhere; "a day" means a day on the therapist's computer
clock (the system's local time zone, daylight saving included).

The status "cancelled — self-record not done" is set only by the conditional-session
flow, through :func:`cancel_for_missing_self_record`; :func:`mark` refuses it. For a
client marked "cannot postpone treatment" that cancellation is refused (and the refused
attempt audited) unless the conditional-sessions period covering the day carries an
active override, one naming who was consulted (``practice.domain.risk``;
docs/clinical.md, Conditional sessions).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from practice.db.models import (
    Appointment,
    Client,
    ConditioningPeriod,
    DayBeforeCheck,
    HomeworkAssignment,
    HomeworkReview,
    SessionNote,
)
from practice.domain.risk import Override, split_override
from practice.domain.text import clean, text_problem
from practice.domain.views import AppointmentView, local_date, local_start
from practice.domain.vocabulary import AppointmentStatus, ClientStatus
from practice.services import audit, versions
from practice.services.clients import display_name
from practice.services.errors import NotFoundError, ValidationError
from practice.text import QT_TRANSLATE_NOOP, shown_date

MAX_DURATION_MINUTES = 12 * 60
REASON_MAX = 2_000
# Statuses that hold the therapist's time (an overlap with these is worth a warning).
BUSY = (AppointmentStatus.SCHEDULED, AppointmentStatus.ATTENDED)
# What "undo" takes back to scheduled (the conditional-session cancellation is not one).
UNDOABLE = (
    AppointmentStatus.NO_SHOW,
    AppointmentStatus.CANCELLED_BY_CLIENT,
    AppointmentStatus.CANCELLED_BY_THERAPIST,
)
USUAL_FROM_LAST = 6  # the usual day and time: from this many recent appointments
# The calendar the app books in (the GUI's date fields offer the same range).
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2200, 12, 31)


class CannotPostponeError(ValidationError):
    """A session of a "cannot postpone treatment" client may not be cancelled this way."""


@dataclass(frozen=True)
class Scheduled:
    """The result of scheduling or moving: the appointment and what to warn about."""

    appointment: AppointmentView
    warnings: tuple[str, ...] = ()
    overlaps: tuple[AppointmentView, ...] = ()


# ---- local days (``local_date``, ``local_start``: ``practice.domain.views``) ------


def now_utc() -> datetime:
    return datetime.now(UTC)


# ---- writing --------------------------------------------------------------------


def validate_times(starts_at: datetime | None, duration_minutes: int | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    if starts_at is None:
        errors["starts_at"] = QT_TRANSLATE_NOOP("appointments", "Start time is required.")
    elif starts_at.tzinfo is None or starts_at.utcoffset() is None:
        errors["starts_at"] = QT_TRANSLATE_NOOP(
            "appointments", "Start time must carry a time zone."
        )
    elif problem := day_problem(starts_at.date()):
        errors["starts_at"] = problem
    if duration_minutes is None or isinstance(duration_minutes, bool):
        errors["duration_minutes"] = QT_TRANSLATE_NOOP("appointments", "Duration is required.")
    elif duration_minutes <= 0:
        errors["duration_minutes"] = QT_TRANSLATE_NOOP(
            "appointments",
            "The appointment must end after it starts (duration must be more than 0 minutes).",
        )
    elif duration_minutes > MAX_DURATION_MINUTES:
        errors["duration_minutes"] = QT_TRANSLATE_NOOP(
            "appointments",
            "Duration is too long ({duration_minutes} minutes; at most {max_duration_minutes}).",
        ).format(duration_minutes=duration_minutes, max_duration_minutes=MAX_DURATION_MINUTES)
    return errors


def schedule(
    db: Session,
    client_id: int,
    starts_at: datetime,
    duration_minutes: int = 50,
    *,
    allow_overlap: bool = True,
    series_id: int | None = None,
) -> Scheduled:
    """Add a scheduled appointment. An overlap is a warning, or refused when
    ``allow_overlap`` is False (the therapist has not yet said "Book anyway")."""
    errors = validate_times(starts_at, duration_minutes)
    if errors:
        raise ValidationError(errors)
    client = _client(db, client_id)
    if not allow_overlap:
        _refuse_overlap(db, starts_at, duration_minutes, None)
    appointment = Appointment(
        client_id=client.id,
        starts_at=starts_at.astimezone(UTC),
        duration_minutes=duration_minutes,
        status=AppointmentStatus.SCHEDULED,
        series_id=series_id,
    )
    db.add(appointment)
    db.flush()
    audit.record(
        db,
        "appointment",
        appointment.id,
        "schedule",
        f"appointment {appointment.id} for client {client.id} at "
        f"{appointment.starts_at:%Y-%m-%d %H:%M} UTC, {duration_minutes} min",
    )
    warnings: list[str] = []
    if client.status != ClientStatus.ACTIVE:
        warnings.append(
            QT_TRANSLATE_NOOP("appointments", "This client is {status}.").format(
                status=client.status.in_sentence
            )
        )
    return _scheduled(db, appointment, warnings)


def reschedule(
    db: Session,
    appointment_id: int,
    starts_at: datetime,
    duration_minutes: int | None = None,
    *,
    allow_overlap: bool = True,
    version: int | None = None,
) -> Scheduled:
    """Move a scheduled appointment (and optionally change its length); an overlap is
    refused when ``allow_overlap`` is False. A series appointment stays in its series
    (a moved date). ``version``: as loaded (refused when it changed meanwhile, see
    ``practice.services.versions``)."""
    appointment = _load(db, appointment_id)
    versions.check(appointment, version)
    duration = duration_minutes if duration_minutes is not None else appointment.duration_minutes
    errors = validate_times(starts_at, duration)
    if errors:
        raise ValidationError(errors)
    problem = move_problem(view(db, appointment))
    if problem:
        raise ValidationError({"status": problem})
    if not allow_overlap:
        _refuse_overlap(db, starts_at, duration, appointment.id)
    old = appointment.starts_at
    appointment.starts_at = starts_at.astimezone(UTC)
    appointment.duration_minutes = duration
    versions.flush(db, appointment)
    audit.record(
        db,
        "appointment",
        appointment.id,
        "reschedule",
        f"{old:%Y-%m-%d %H:%M} UTC -> {appointment.starts_at:%Y-%m-%d %H:%M} UTC, {duration} min",
    )
    return _scheduled(db, appointment, [])


def mark(
    db: Session,
    appointment_id: int,
    status: AppointmentStatus,
    reason: str | None = None,
    *,
    now: datetime | None = None,
    version: int | None = None,
) -> AppointmentView:
    """Record what happened: attended, no-show, cancelled by client or by therapist.

    ``SCHEDULED`` undoes a mistaken mark, as long as nothing was written for the session.
    ``version``: as loaded (refused when it changed meanwhile).
    """
    appointment = _load(db, appointment_id)
    versions.check(appointment, version)
    if status == AppointmentStatus.CANCELLED_NO_SELF_RECORD:
        raise ValidationError(
            {
                "status": QT_TRANSLATE_NOOP(
                    "appointments",
                    "'Cancelled — self-record not done' is set only by the "
                    "conditional-session flow (the day-before call).",
                )
            }
        )
    if appointment.status == AppointmentStatus.CANCELLED_NO_SELF_RECORD:
        raise ValidationError(
            {
                "status": QT_TRANSLATE_NOOP(
                    "appointments",
                    "This appointment was cancelled by the conditional-session flow; "
                    "schedule a new appointment instead of changing it.",
                )
            }
        )
    reason = clean(reason)
    problem = text_problem(reason, REASON_MAX)
    if problem:
        raise ValidationError(
            {
                "reason": QT_TRANSLATE_NOOP("appointments", "Reason {problem}.").format(
                    problem=problem
                )
            }
        )
    if status == appointment.status:
        if reason != appointment.status_reason:
            appointment.status_reason = reason
            versions.flush(db, appointment)
            audit.record(db, "appointment", appointment.id, "reason", "status reason changed")
        return view(db, appointment)
    now = now or now_utc()
    if status in (AppointmentStatus.ATTENDED, AppointmentStatus.NO_SHOW) and local_date(
        appointment.starts_at
    ) > local_date(now):
        raise ValidationError(
            {
                "status": QT_TRANSLATE_NOOP(
                    "appointments",
                    "This appointment is on {local_date}; it cannot be marked {label} before "
                    "that day.",
                ).format(
                    local_date=shown_date(local_date(appointment.starts_at), "{0:%d %b %Y}"),
                    label=status.in_sentence,
                )
            }
        )
    if appointment.status == AppointmentStatus.ATTENDED and _has_records(db, appointment.id):
        raise ValidationError(
            {
                "status": QT_TRANSLATE_NOOP(
                    "appointments",
                    "This session has a note or homework reviews, so it took place; it "
                    "cannot be marked otherwise.",
                )
            }
        )
    old = appointment.status
    appointment.status = status
    appointment.status_reason = reason
    versions.flush(db, appointment)
    audit.record(db, "appointment", appointment.id, "status", f"{old.value} -> {status.value}")
    return view(db, appointment)


def restore(db: Session, appointment_id: int, *, version: int | None = None) -> AppointmentView:
    """Undo a no-show or a cancellation: the appointment is scheduled again (audited).

    Refused when the time is now taken by another appointment (of any client): the
    therapist moves or cancels that one first, or schedules a new appointment.
    ``version``: as loaded (refused when it changed meanwhile).
    """
    appointment = _load(db, appointment_id)
    versions.check(appointment, version)
    problem = restore_problem(view(db, appointment))
    if problem:
        raise ValidationError({"status": problem})
    taken = clashes(
        db, appointment.starts_at, appointment.duration_minutes, ignore_id=appointment.id
    )
    if taken:
        other = taken[0]
        raise ValidationError(
            {
                "status": QT_TRANSLATE_NOOP(
                    "appointments",
                    "This time is now taken by {client_name} ({span}), so it cannot go back "
                    "to scheduled. Move or cancel that appointment first, or schedule a new "
                    "one.",
                ).format(client_name=other.client_name, span=_span(other))
            }
        )
    old = appointment.status
    appointment.status = AppointmentStatus.SCHEDULED
    appointment.status_reason = None
    versions.flush(db, appointment)
    audit.record(db, "appointment", appointment.id, "restore", f"{old.value} -> scheduled")
    return view(db, appointment)


def skip(db: Session, appointment_id: int) -> None:
    """Skip one date of a series: the scheduled appointment is removed (audited)."""
    appointment = _load(db, appointment_id)
    problem = skip_problem(view(db, appointment), in_series=appointment.series_id is not None)
    if problem is None and _is_referenced(db, appointment.id):
        problem = (
            "Something was already recorded for this appointment (a call, a note or "
            "homework), so it stays; mark it cancelled instead."
        )
    if problem:
        raise ValidationError({"status": problem})
    summary = (
        f"skipped {appointment.starts_at:%Y-%m-%d %H:%M} UTC of series {appointment.series_id}"
    )
    audit.record(db, "appointment", appointment.id, "skip", summary)
    db.delete(appointment)
    db.flush()


# ---- what can be done (the GUI disables what cannot, with these as tooltips) ------


def move_problem(appt: AppointmentView) -> str | None:
    """Why ``appt`` cannot be moved, in the therapist's words; None when it can."""
    if appt.status is AppointmentStatus.SCHEDULED:
        return None
    if appt.status in UNDOABLE:
        return QT_TRANSLATE_NOOP(
            "appointments",
            "This appointment is marked {status}. Undo that first to move it, or "
            "schedule a new appointment.",
        ).format(status=appt.status.in_sentence)
    return QT_TRANSLATE_NOOP(
        "appointments",
        "This appointment is {status}, so it cannot be moved. Schedule a new appointment instead.",
    ).format(status=appt.status.in_sentence)


def restore_problem(appt: AppointmentView) -> str | None:
    """Why the no-show or cancellation of ``appt`` cannot be undone; None when it can."""
    if appt.status in UNDOABLE:
        return None
    if appt.status is AppointmentStatus.SCHEDULED:
        return QT_TRANSLATE_NOOP(
            "appointments",
            "This appointment is scheduled; there is no no-show or cancellation to undo.",
        )
    if appt.status is AppointmentStatus.CANCELLED_NO_SELF_RECORD:
        return QT_TRANSLATE_NOOP(
            "appointments",
            "This session was cancelled after the day-before call (self-record not "
            "done). Schedule a new appointment instead.",
        )
    return QT_TRANSLATE_NOOP(
        "appointments", "This session took place; there is no no-show or cancellation to undo."
    )


def mark_problem(
    appt: AppointmentView, status: AppointmentStatus, *, today: date | None = None
) -> str | None:
    """Why ``appt`` cannot be marked ``status`` (as far as its view tells); None when it
    can or when it already is (``mark`` refuses the rest in the same words)."""
    if status is appt.status:
        return QT_TRANSLATE_NOOP("appointments", "This appointment is already {label}.").format(
            label=status.in_sentence
        )
    if appt.status is AppointmentStatus.CANCELLED_NO_SELF_RECORD:
        return QT_TRANSLATE_NOOP(
            "appointments",
            "This session was cancelled after the day-before call (self-record not "
            "done). Schedule a new appointment instead.",
        )
    if status in (AppointmentStatus.ATTENDED, AppointmentStatus.NO_SHOW) and (
        appt.local_day > (today or local_date(now_utc()))
    ):
        return QT_TRANSLATE_NOOP(
            "appointments", "This appointment is still to come; it cannot be marked {label} yet."
        ).format(label=status.in_sentence)
    if appt.status is AppointmentStatus.ATTENDED and appt.has_note:
        return QT_TRANSLATE_NOOP(
            "appointments",
            "This session has a note, so it took place; it cannot be marked otherwise.",
        )
    return None


def skip_problem(appt: AppointmentView, *, in_series: bool) -> str | None:
    """Why this date cannot be skipped; None when it can."""
    if not in_series:
        return QT_TRANSLATE_NOOP(
            "appointments",
            "Only a date of a repeating series can be skipped; cancel a one-off instead.",
        )
    if appt.status is not AppointmentStatus.SCHEDULED:
        return QT_TRANSLATE_NOOP("appointments", "This date is already {status}.").format(
            status=appt.status.in_sentence
        )
    if appt.has_note:
        return QT_TRANSLATE_NOOP(
            "appointments", "This session has a note, so the date cannot be skipped."
        )
    return None


# ---- the client's usual day and time ---------------------------------------------


@dataclass(frozen=True)
class UsualSlot:
    weekday: int  # 0 = Monday
    start: time  # local clock
    duration_minutes: int


def usual_slot(db: Session, client_id: int, *, now: datetime | None = None) -> UsualSlot | None:
    """The weekday and local time most of the client's recent appointments had (the
    last ``USUAL_FROM_LAST`` not cancelled, up to ``now``); the most recent wins a tie.
    None for a client without such appointments."""
    rows = db.scalars(
        select(Appointment)
        .where(
            Appointment.client_id == client_id,
            Appointment.starts_at <= (now or now_utc()),
            Appointment.status.in_(
                (AppointmentStatus.ATTENDED, AppointmentStatus.SCHEDULED, AppointmentStatus.NO_SHOW)
            ),
        )
        .order_by(Appointment.starts_at.desc(), Appointment.id.desc())
        .limit(USUAL_FROM_LAST)
    ).all()
    if not rows:
        return None
    keys = []
    for a in rows:
        local = a.starts_at.astimezone()
        keys.append((local.weekday(), local.time().replace(second=0, microsecond=0)))
    counts = Counter(keys)
    best = max(counts.values())
    weekday, start = next(k for k in keys if counts[k] == best)  # newest first
    duration = next(a.duration_minutes for a, k in zip(rows, keys, strict=True) if k == keys[0])
    durations = Counter(
        a.duration_minutes for a, k in zip(rows, keys, strict=True) if k == (weekday, start)
    )
    duration = durations.most_common(1)[0][0] if durations else duration
    return UsualSlot(weekday, start, duration)


def next_on(slot: UsualSlot, after: date, *, taken: Collection[date] = ()) -> datetime:
    """The first ``slot`` on or after ``after`` not on a day in ``taken`` (the days the
    client already has a scheduled appointment, or one cancelled for a missing
    self-record: :func:`scheduled_days`), as an aware local time."""
    day = after + timedelta(days=(slot.weekday - after.weekday()) % 7)
    # the clocks go forward that night, or the client is already booked: a week later
    while missing_time(day, slot.start) or day in taken:
        day += timedelta(weeks=1)
    return local_time(day, slot.start)


def scheduled_days(db: Session, client_id: int, *, after: date) -> set[date]:
    """The local days on or after ``after`` on which the client has a scheduled appointment,
    or one cancelled for a missing self-record (that day is not offered again: the
    conditional session was called off, docs/clinical.md, Conditional sessions)."""
    rows = db.scalars(
        select(Appointment.starts_at).where(
            Appointment.client_id == client_id,
            Appointment.status.in_(
                (AppointmentStatus.SCHEDULED, AppointmentStatus.CANCELLED_NO_SELF_RECORD)
            ),
            Appointment.starts_at >= local_time(after, time(0)) - timedelta(days=1),
        )
    ).all()
    return {d for d in (local_date(at) for at in rows) if d >= after}


def local_time(day: date, clock: time) -> datetime:
    """``clock`` on ``day`` on the therapist's computer clock, timezone-aware.

    Refused (``ValidationError`` on ``starts_at``) for a day outside the calendar the
    app books in and for a time the clocks skip that day (daylight saving begins)."""
    problem = day_problem(day) or missing_time(day, clock)
    if problem:
        raise ValidationError({"starts_at": problem})
    return datetime.combine(day, clock).astimezone()


def day_problem(day: date) -> str | None:
    """Why ``day`` cannot be booked (outside 1900–2200), in words; None when it can."""
    if EARLIEST_DAY <= day <= LATEST_DAY:
        return None
    return QT_TRANSLATE_NOOP(
        "appointments",
        "{day} {year} is outside the calendar: choose a date between 1 Jan "
        "{year2} and 31 Dec {year3}.",
    ).format(
        day=format(day, "%d %b"), year=day.year, year2=EARLIEST_DAY.year, year3=LATEST_DAY.year
    )


def missing_time(day: date, clock: time) -> str | None:
    """Why ``clock`` does not exist on ``day`` on the local clock (the clocks go forward
    that night, daylight saving begins); None when it exists. The autumn's repeated hour
    exists (its first occurrence is taken)."""
    wall = datetime.combine(day, clock)
    if wall.astimezone().replace(tzinfo=None) == wall:
        return None
    return (
        f"{clock:%H:%M} does not exist on {day:%a} {day.day} {day:%b} {day.year}: "
        "the clocks go forward. Choose another time or skip that date."
    )


def overlaps(items: Iterable[AppointmentView]) -> dict[int, list[AppointmentView]]:
    """For each scheduled or attended appointment, the others (any client) it overlaps
    (a clash booked with "Book anyway"), by id; cancelled ones and no-shows take no time.
    The Agenda and Today mark them alike."""
    busy = sorted((a for a in items if a.status in BUSY), key=lambda a: a.starts_at)
    found: dict[int, list[AppointmentView]] = {}
    for a in busy:
        others = [
            b for b in busy if b.id != a.id and b.starts_at < a.ends_at and b.ends_at > a.starts_at
        ]
        if others:
            found[a.id] = others
    return found


def clashes(
    db: Session, starts_at: datetime, duration_minutes: int, *, ignore_id: int | None = None
) -> list[AppointmentView]:
    """The scheduled or attended appointments (any client) overlapping that time."""
    start = starts_at.astimezone(UTC)
    end = start + timedelta(minutes=duration_minutes)
    query = select(Appointment).where(
        Appointment.status.in_(BUSY),
        Appointment.starts_at < end,
        Appointment.starts_at > start - timedelta(minutes=MAX_DURATION_MINUTES),
    )
    if ignore_id is not None:
        query = query.where(Appointment.id != ignore_id)
    candidates = db.scalars(query.order_by(Appointment.starts_at, Appointment.id)).all()
    hits = [a for a in candidates if a.starts_at + timedelta(minutes=a.duration_minutes) > start]
    return views(db, hits)


def cancel_for_missing_self_record(
    db: Session, appointment_id: int, reason: str, *, version: int | None = None
) -> AppointmentView:
    """The conditional-session outcome: cancel because the self-record was not done.

    Only for the conditional-session flow (the day-before call); reason required.
    ``version``: the appointment's as loaded in the call dialog (refused when it
    changed meanwhile, e.g. moved on another computer).
    """
    appointment = _load(db, appointment_id)
    versions.check(appointment, version)
    reason_clean = clean(reason)
    if not reason_clean:
        raise ValidationError(
            {
                "reason": QT_TRANSLATE_NOOP(
                    "appointments", "A reason is required for this cancellation."
                )
            }
        )
    problem = text_problem(reason_clean, REASON_MAX)
    if problem:
        raise ValidationError(
            {
                "reason": QT_TRANSLATE_NOOP("appointments", "Reason {problem}.").format(
                    problem=problem
                )
            }
        )
    if appointment.status != AppointmentStatus.SCHEDULED:
        raise ValidationError(
            {
                "status": QT_TRANSLATE_NOOP(
                    "appointments",
                    "Only a scheduled appointment can be cancelled; this one is {status}.",
                ).format(status=appointment.status.in_sentence)
            }
        )
    override = check_cancel_allowed(db, appointment.id)
    appointment.status = AppointmentStatus.CANCELLED_NO_SELF_RECORD
    appointment.status_reason = reason_clean
    versions.flush(db, appointment)
    audit.record(
        db,
        "appointment",
        appointment.id,
        "status",
        f"scheduled -> {AppointmentStatus.CANCELLED_NO_SELF_RECORD.value}",
    )
    if override is not None:
        audit.record(
            db,
            "appointment",
            appointment.id,
            "cancel-under-override",
            f"client {appointment.client_id} cannot postpone treatment; cancelled for a "
            f"missing self-record under the override (consulted: {override.consulted})",
        )
    return view(db, appointment)


def risk_override(db: Session, appointment_id: int) -> Override | None:
    """The override of the conditional-sessions period covering the appointment's day."""
    appointment = _load(db, appointment_id)
    day = local_date(appointment.starts_at)
    for row in db.scalars(
        select(ConditioningPeriod)
        .where(ConditioningPeriod.client_id == appointment.client_id)
        .order_by(ConditioningPeriod.starts_on.desc(), ConditioningPeriod.id.desc())
    ):
        if row.starts_on <= day and (row.ends_on is None or day < row.ends_on):
            return split_override(row.override_reason)
    return None


def check_cancel_allowed(db: Session, appointment_id: int) -> Override | None:
    """Refuse cancelling for a missing self-record when the client cannot postpone treatment
    and no active override (one naming who was consulted) covers the day.

    Returns the override it goes ahead under (None: the client is not flagged). A refusal
    is written to the audit trail even though the action fails: what this unit of work
    did so far is rolled back, the refused attempt is committed, then
    :class:`CannotPostponeError` is raised.
    """
    appointment = _load(db, appointment_id)
    client = _client(db, appointment.client_id)
    if not client.cannot_postpone:
        return None
    override = risk_override(db, appointment_id)
    if override is not None and override.active:
        return override
    appointment_id, client_id = appointment.id, client.id
    db.rollback()
    audit.record(
        db,
        "appointment",
        appointment_id,
        "cancel-refused",
        f"cancellation for a missing self-record refused: client {client_id} cannot "
        "postpone treatment and no override naming who was consulted is active",
    )
    db.commit()  # in the trail although the action fails
    raise CannotPostponeError(
        {
            "decision": QT_TRANSLATE_NOOP(
                "appointments",
                "Not cancelled: this client is marked “cannot postpone treatment”. A "
                "missing self-record cancels their session only while conditional "
                "sessions are on with an override that names who was consulted. Keep the "
                "session or move it.",
            )
        }
    )


# ---- reading --------------------------------------------------------------------


def get(db: Session, appointment_id: int) -> AppointmentView:
    return view(db, _load(db, appointment_id))


def list_for_client(db: Session, client_id: int) -> list[AppointmentView]:
    """Every appointment of a client, newest first."""
    _client(db, client_id)
    rows = db.scalars(
        select(Appointment)
        .where(Appointment.client_id == client_id)
        .order_by(Appointment.starts_at.desc(), Appointment.id.desc())
    ).all()
    return views(db, rows)


def agenda(db: Session, first_day: date, last_day: date) -> list[AppointmentView]:
    """All appointments of all clients from ``first_day`` to ``last_day`` (both included,
    local days), ordered by start time then client name."""
    if last_day < first_day:
        raise ValidationError(
            {
                "last_day": QT_TRANSLATE_NOOP(
                    "appointments", "The last day comes before the first day."
                )
            }
        )
    start, end = local_start(first_day), local_start(last_day + timedelta(days=1))
    rows = db.scalars(
        select(Appointment)
        .join(Client, Client.id == Appointment.client_id)
        .where(Appointment.starts_at >= start, Appointment.starts_at < end)
        .order_by(Appointment.starts_at, Client.sort_name, Appointment.id)
    ).all()
    return views(db, rows)


def week_agenda(db: Session, any_day: date) -> list[AppointmentView]:
    """The agenda of the Monday-to-Sunday week holding ``any_day``."""
    monday = any_day - timedelta(days=any_day.weekday())
    return agenda(db, monday, monday + timedelta(days=6))


def next_appointment(
    db: Session, client_id: int, *, now: datetime | None = None
) -> AppointmentView | None:
    """The client's next scheduled appointment that has not started yet."""
    row = db.scalars(
        select(Appointment)
        .where(
            Appointment.client_id == client_id,
            Appointment.status == AppointmentStatus.SCHEDULED,
            Appointment.starts_at >= (now or now_utc()),
        )
        .order_by(Appointment.starts_at, Appointment.id)
        .limit(1)
    ).first()
    return view(db, row) if row is not None else None


def view(db: Session, appointment: Appointment) -> AppointmentView:
    return views(db, [appointment])[0]


def views(db: Session, rows: Iterable[Appointment]) -> list[AppointmentView]:
    """Views of many appointments with two extra queries (names, notes), not one per row."""
    rows = list(rows)
    if not rows:
        return []
    client_ids = {a.client_id for a in rows}
    people = db.execute(
        select(
            Client.id,
            Client.first_name,
            Client.last_name,
            Client.preferred_name,
            Client.cannot_postpone,
            Client.cannot_postpone_reason,
        ).where(Client.id.in_(client_ids))
    ).all()
    names = {r.id: display_name(r.first_name, r.last_name, r.preferred_name) for r in people}
    flags = {r.id: r.cannot_postpone_reason or "" for r in people if r.cannot_postpone}
    noted = set(
        db.scalars(
            select(SessionNote.appointment_id).where(
                SessionNote.appointment_id.in_([a.id for a in rows])
            )
        )
    )
    return [
        AppointmentView(
            id=a.id,
            client_id=a.client_id,
            client_name=names.get(a.client_id, f"client {a.client_id}"),
            starts_at=a.starts_at,
            duration_minutes=a.duration_minutes,
            status=a.status,
            status_reason=a.status_reason,
            has_note=a.id in noted,
            series_id=a.series_id,
            cannot_postpone=a.client_id in flags,
            cannot_postpone_reason=flags.get(a.client_id) or None,
            version=a.version,
        )
        for a in rows
    ]


# ---- helpers --------------------------------------------------------------------


def _scheduled(db: Session, appointment: Appointment, warnings: list[str]) -> Scheduled:
    overlaps = _overlapping(db, appointment)
    for other in overlaps:
        local = other.starts_at.astimezone()
        who = (
            QT_TRANSLATE_NOOP("appointments", "another appointment of this client")
            if other.client_id == appointment.client_id
            else (other.client_name)
        )
        warnings.append(
            QT_TRANSLATE_NOOP(
                "appointments", "Overlaps with {who} on {when} ({minutes} min)."
            ).format(
                who=who,
                when=shown_date(local, "{0:%a %d %b} at {0:%H:%M}"),
                minutes=other.duration_minutes,
            )
        )
    return Scheduled(view(db, appointment), tuple(warnings), tuple(overlaps))


def _overlapping(db: Session, appointment: Appointment) -> list[AppointmentView]:
    return clashes(
        db, appointment.starts_at, appointment.duration_minutes, ignore_id=appointment.id
    )


def _span(appt: AppointmentView) -> str:
    start, end = appt.starts_at.astimezone(), appt.ends_at.astimezone()
    return f"{start:%H:%M}–{end:%H:%M}"


def _refuse_overlap(
    db: Session, starts_at: datetime, duration_minutes: int, ignore_id: int | None
) -> None:
    taken = clashes(db, starts_at, duration_minutes, ignore_id=ignore_id)
    if taken:
        other = taken[0]
        raise ValidationError(
            {
                "starts_at": QT_TRANSLATE_NOOP(
                    "appointments", "This time overlaps {client_name}'s appointment ({span})."
                ).format(client_name=other.client_name, span=_span(other))
            }
        )


def _is_referenced(db: Session, appointment_id: int) -> bool:
    return _has_records(db, appointment_id) or bool(
        db.scalar(
            select(
                exists().where(DayBeforeCheck.appointment_id == appointment_id)
                | exists().where(HomeworkAssignment.assigned_in_id == appointment_id)
            )
        )
    )


def _has_records(db: Session, appointment_id: int) -> bool:
    return bool(
        db.scalar(
            select(
                exists().where(SessionNote.appointment_id == appointment_id)
                | exists().where(HomeworkReview.appointment_id == appointment_id)
            )
        )
    )


def _client(db: Session, client_id: int) -> Client:
    client = db.get(Client, client_id)
    if client is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("appointments", "There is no client with id {client_id}.").format(
                client_id=client_id
            )
        )
    return client


def _load(db: Session, appointment_id: int) -> Appointment:
    appointment = db.get(Appointment, appointment_id)
    if appointment is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "appointments", "There is no appointment with id {appointment_id}."
            ).format(appointment_id=appointment_id)
        )
    return appointment
