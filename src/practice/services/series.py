"""Repeating appointments: "every week on Tuesdays at 10:00 until 3 Mar".

A series makes ordinary appointments (``series_id`` set), one per date. Its exceptions
are the appointments themselves: a skipped date has no appointment
(:func:`practice.services.appointments.skip`), a moved date is an appointment at another
time (``appointments.reschedule``: "only this one"). :func:`move_following` moves this
appointment and the series' later scheduled ones by the same step ("this and
following").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import Appointment, AppointmentSeries
from practice.domain.views import AppointmentView, local_date
from practice.domain.vocabulary import AppointmentStatus
from practice.services import audit, versions
from practice.services.appointments import (
    Scheduled,
    _client,
    _load,
    _span,
    clashes,
    day_problem,
    local_time,
    missing_time,
    move_problem,
    schedule,
    validate_times,
    views,
)
from practice.services.errors import ValidationError
from practice.text import QT_TRANSLATE_NOOP, shown_date

MAX_INTERVAL_WEEKS = 8
MAX_DATES = 104  # two years of weekly sessions


@dataclass(frozen=True)
class SeriesInput:
    client_id: int
    first_day: date
    start: time  # local clock
    duration_minutes: int
    until: date
    interval_weeks: int = 1
    skip: frozenset[date] = field(default_factory=frozenset)


@dataclass(frozen=True)
class SeriesResult:
    series_id: int
    appointments: tuple[AppointmentView, ...]
    warnings: tuple[str, ...] = ()


def dates(first_day: date, until: date, interval_weeks: int) -> list[date]:
    """Every date of the series, skipped ones included."""
    step = timedelta(weeks=max(1, interval_weeks))
    out: list[date] = []
    day = first_day
    while day <= until and len(out) <= MAX_DATES:
        out.append(day)
        try:
            day += step
        except OverflowError:  # past 31 Dec 9999
            break
    return out


def validate(data: SeriesInput) -> dict[str, str]:
    errors = {
        key: problem
        for key, day in (("starts_at", data.first_day), ("until", data.until))
        if (problem := day_problem(day))
    }
    if errors:
        return errors
    first = datetime.combine(data.first_day, data.start).astimezone()
    errors = validate_times(first, data.duration_minutes)
    if not 1 <= data.interval_weeks <= MAX_INTERVAL_WEEKS:
        errors["interval_weeks"] = QT_TRANSLATE_NOOP(
            "series", "Repeat every 1 to {max_interval_weeks} weeks."
        ).format(max_interval_weeks=MAX_INTERVAL_WEEKS)
    if data.until < data.first_day:
        errors["until"] = QT_TRANSLATE_NOOP(
            "series", "The series must end on or after its first date."
        )
    elif len(dates(data.first_day, data.until, data.interval_weeks)) > MAX_DATES:
        errors["until"] = QT_TRANSLATE_NOOP(
            "series", "A series can hold at most {max_dates} dates; choose an earlier end."
        ).format(max_dates=MAX_DATES)
    elif not booked_dates(data):
        errors["until"] = QT_TRANSLATE_NOOP(
            "series", "Every date is skipped; there is nothing to book."
        )
    else:
        missing = next(
            (m for day in booked_dates(data) if (m := missing_time(day, data.start))), None
        )
        if missing:
            errors["starts_at"] = missing
    return errors


def booked_dates(data: SeriesInput) -> list[date]:
    return [d for d in dates(data.first_day, data.until, data.interval_weeks) if d not in data.skip]


def series_clashes(db: Session, data: SeriesInput) -> list[tuple[date, AppointmentView]]:
    """Each date of the series that overlaps another appointment, with that appointment."""
    found = []
    for day in booked_dates(data):
        for other in clashes(db, local_time(day, data.start), data.duration_minutes):
            found.append((day, other))
    return found


def create(db: Session, data: SeriesInput, *, allow_overlap: bool = True) -> SeriesResult:
    """Book every date of the series except the skipped ones (audited as one series)."""
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    client = _client(db, data.client_id)
    taken = series_clashes(db, data) if not allow_overlap else []
    if taken:
        raise _overlap_refusal(*taken[0])
    series = AppointmentSeries(
        client_id=client.id,
        weekday=data.first_day.weekday(),
        start_time=f"{data.start:%H:%M}",
        duration_minutes=data.duration_minutes,
        interval_weeks=data.interval_weeks,
        first_day=data.first_day,
        until=data.until,
    )
    db.add(series)
    db.flush()
    made: list[Scheduled] = [
        schedule(
            db, client.id, local_time(day, data.start), data.duration_minutes, series_id=series.id
        )
        for day in booked_dates(data)
    ]
    audit.record(
        db,
        "appointment_series",
        series.id,
        "create",
        f"series {series.id} for client {client.id}: {len(made)} appointments "
        f"every {data.interval_weeks} week(s) {data.first_day} to {data.until}, "
        f"{len(data.skip)} skipped",
    )
    warnings = tuple(dict.fromkeys(w for m in made for w in m.warnings))
    return SeriesResult(series.id, tuple(m.appointment for m in made), warnings)


def _overlap_refusal(day: date, other: AppointmentView) -> ValidationError:
    """The refusal of a series whose time on ``day`` overlaps ``other``."""
    return ValidationError(
        {
            "starts_at": QT_TRANSLATE_NOOP(
                "series",
                "On {day} this time overlaps {client_name}'s appointment ({span}).",
            ).format(
                day=shown_date(day, "{0:%a} {0.day} {0:%b}"),
                client_name=other.client_name,
                span=_span(other),
            )
        }
    )


def following(db: Session, appointment_id: int) -> list[AppointmentView]:
    """This appointment and the later scheduled ones of its series (empty: no series)."""
    return views(db, _following(db, _load(db, appointment_id)))


def move_following(
    db: Session,
    appointment_id: int,
    starts_at: datetime,
    duration_minutes: int,
    *,
    allow_overlap: bool = True,
    version: int | None = None,
) -> list[AppointmentView]:
    """Move this appointment to ``starts_at`` and every later scheduled one of its series
    by the same number of days, to the same clock time ("this and following").

    ``version``: this appointment's as loaded (refused when it changed meanwhile
    elsewhere). The later ones are moved as they stand now (by the same step); one
    changed between this save's read and its write refuses the whole move
    (``versions.flush``). The series row itself has no version: it only follows its
    appointments (weekday and time of the latest move)."""
    appointment = _load(db, appointment_id)
    versions.check(appointment, version)
    if appointment.series_id is None:
        raise ValidationError(
            {"series": QT_TRANSLATE_NOOP("series", "This appointment is not part of a series.")}
        )
    errors = validate_times(starts_at, duration_minutes)
    if errors:
        raise ValidationError(errors)
    problem = move_problem(views(db, [appointment])[0])
    if problem:
        raise ValidationError({"status": problem})
    local = starts_at.astimezone()
    clock = local.time().replace(second=0, microsecond=0)
    rows = _following(db, appointment)
    targets = _targets(appointment, rows, starts_at)
    meeting = _meeting(targets, duration_minutes)
    if meeting:  # refused even with "Book anyway"
        raise meeting
    if not allow_overlap:
        taken = following_clashes(db, appointment_id, starts_at, duration_minutes)
        if taken:
            raise _overlap_refusal(*taken[0])
    shift = local.date() - local_date(appointment.starts_at)
    for a, new_start in targets:
        a.starts_at = new_start.astimezone(UTC)
        a.duration_minutes = duration_minutes
    series = db.get(AppointmentSeries, appointment.series_id)
    if series is not None:
        series.weekday = local.weekday()
        series.start_time = f"{clock:%H:%M}"
        series.duration_minutes = duration_minutes
    versions.flush(db, appointment)
    audit.record(
        db,
        "appointment_series",
        appointment.series_id,
        "move_following",
        f"{len(rows)} appointments from {appointment.id} moved by {shift.days} day(s) "
        f"to {clock:%H:%M} local, {duration_minutes} min",
    )
    return views(db, rows)


def following_clashes(
    db: Session, appointment_id: int, starts_at: datetime, duration_minutes: int
) -> list[tuple[date, AppointmentView]]:
    """What "this and following" to ``starts_at`` would overlap (other than themselves).

    Two of the moved appointments landing on one another is refused
    (``ValidationError``), not an overlap to book anyway: a client cannot be in two
    of their own sessions at once."""
    appointment = _load(db, appointment_id)
    rows = _following(db, appointment)
    moving = {a.id for a in rows}
    targets = _targets(appointment, rows, starts_at)
    meeting = _meeting(targets, duration_minutes)
    if meeting:
        raise meeting
    return [
        (new_start.date(), other)
        for _a, new_start in targets
        for other in clashes(db, new_start, duration_minutes)
        if other.id not in moving
    ]


def _meeting(
    targets: list[tuple[Appointment, datetime]], duration_minutes: int
) -> ValidationError | None:
    """The refusal when two moved appointments would overlap each other, naming the dates."""
    starts = sorted(new_start for _a, new_start in targets)
    met = [b for a, b in pairwise(starts) if b < a + timedelta(minutes=duration_minutes)]
    if not met:
        return None
    days = ", ".join(dict.fromkeys(f"{d:%a} {d.day} {d:%b} {d.year}" for d in met))
    return ValidationError(
        {
            "starts_at": f"This would put two of this client's appointments at the same "
            f"time on {days}: a client cannot be in two sessions at once. Move only this "
            "appointment, or choose another day or time."
        }
    )


def _targets(
    appointment: Appointment, rows: list[Appointment], starts_at: datetime
) -> list[tuple[Appointment, datetime]]:
    local = starts_at.astimezone()
    shift = local.date() - local_date(appointment.starts_at)
    clock = local.time().replace(second=0, microsecond=0)
    return [(a, local_time(local_date(a.starts_at) + shift, clock)) for a in rows]


def _following(db: Session, appointment: Appointment) -> list[Appointment]:
    if appointment.series_id is None:
        return []
    return list(
        db.scalars(
            select(Appointment)
            .where(
                Appointment.series_id == appointment.series_id,
                Appointment.status == AppointmentStatus.SCHEDULED,
                Appointment.starts_at >= appointment.starts_at,
            )
            .order_by(Appointment.starts_at, Appointment.id)
        )
    )
