"""Today: what a therapist opens every morning (docs/clinical.md, Session prep and Today).

:func:`build_today` returns one :class:`TodayData` for the GUI's home page and for
``practice today`` (:func:`render_text`):

* today's and tomorrow's appointments, each with whether a prep is worth opening
  (the client has an earlier attended session or homework) and whether the session
  was started (a draft or a note exists);
* reminders due that day with their ready text, sent or not (see ``reminders``);
* day-before calls due: every scheduled appointment tomorrow of a client whose
  conditional-sessions period covers that day, with no call logged yet;
* attended sessions of the last ``MISSING_DAYS`` days whose homework review is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import (
    Appointment,
    Client,
    ConditioningPeriod,
    HomeworkAssignment,
    SessionDraftRow,
    SessionNote,
)
from practice.domain.views import AppointmentView, local_start
from practice.domain.vocabulary import AppointmentStatus, AssignmentStatus
from practice.services import reminders
from practice.services.appointments import agenda
from practice.services.conditional import CallView, calls_for, period_view
from practice.services.measures import RiskAlertView
from practice.services.reminders import ReminderDue
from practice.services.story import MissingReview, missing_reviews

MISSING_DAYS = 30
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class TodayAppointment:
    appointment: AppointmentView  # .client_name, .starts_at, .status, .has_note
    preferred_name: str
    phone: str | None
    prep_worthwhile: bool  # an earlier attended session or any homework: open the prep
    has_draft: bool  # the session panel was started and not finished
    cannot_postpone: bool
    conditional_on: bool  # conditional sessions cover this appointment's day
    calls: tuple[CallView, ...] = ()  # day-before calls logged for it
    call_due: bool = False  # tomorrow, conditional, scheduled, no call yet: call today
    note_signed: bool = False  # its note is signed (an unsigned note is not "written")

    @property
    def session_started(self) -> bool:
        return self.has_draft or self.appointment.has_note


@dataclass(frozen=True)
class CallDue:
    """A day-before call to make today, for an appointment tomorrow."""

    appointment: AppointmentView
    preferred_name: str
    phone: str | None
    period_id: int
    homework: tuple[str, ...]  # titles of the open assignments to ask about


@dataclass(frozen=True)
class TodayData:
    day: date
    today: tuple[TodayAppointment, ...]  # by start time
    tomorrow: tuple[TodayAppointment, ...]
    reminders: tuple[ReminderDue, ...]  # due today, sent or not
    calls: tuple[CallDue, ...]  # day-before calls still to make
    missing_reviews: tuple[MissingReview, ...]  # newest session first

    @property
    def reminders_to_send(self) -> tuple[ReminderDue, ...]:
        return tuple(r for r in self.reminders if not r.sent)

    @property
    def booked_today(self) -> int:
        """Today's appointments that were not cancelled (what the counts say)."""
        return _booked(self.today)

    @property
    def booked_tomorrow(self) -> int:
        return _booked(self.tomorrow)


def _booked(entries: tuple[TodayAppointment, ...]) -> int:
    return sum(not e.appointment.status.is_cancelled for e in entries)


def build_today(db: Session, day: date | None = None) -> TodayData:
    day = day or date.today()
    tomorrow = day + timedelta(days=1)
    views = agenda(db, day, tomorrow)
    client_ids = {v.client_id for v in views}
    people = {c.id: c for c in db.scalars(select(Client).where(Client.id.in_(client_ids)))}
    drafts = set(
        db.scalars(
            select(SessionDraftRow.appointment_id).where(
                SessionDraftRow.appointment_id.in_([v.id for v in views])
            )
        )
    )
    signed = set(
        db.scalars(
            select(SessionNote.appointment_id).where(
                SessionNote.appointment_id.in_([v.id for v in views]),
                SessionNote.signed_at.is_not(None),
            )
        )
    )
    seen_before = set(
        db.scalars(
            select(Appointment.client_id)
            .where(
                Appointment.client_id.in_(client_ids),
                Appointment.status == AppointmentStatus.ATTENDED,
                Appointment.starts_at < local_start(day),
            )
            .distinct()
        )
    )
    homework_titles: dict[int, list[str]] = {}
    has_homework: set[int] = set()
    for client_id, title, status in db.execute(
        select(HomeworkAssignment.client_id, HomeworkAssignment.title, HomeworkAssignment.status)
        .where(HomeworkAssignment.client_id.in_(client_ids))
        .order_by(HomeworkAssignment.id)
    ):
        has_homework.add(client_id)
        if status is AssignmentStatus.ACTIVE:
            homework_titles.setdefault(client_id, []).append(title)
    periods = [
        period_view(p)
        for p in db.scalars(
            select(ConditioningPeriod).where(ConditioningPeriod.client_id.in_(client_ids))
        )
    ]
    calls = calls_for(db, [v.id for v in views])

    def entry(v: AppointmentView) -> TodayAppointment:
        client = people[v.client_id]
        conditional = any(p.client_id == v.client_id and p.covers(v.local_day) for p in periods)
        logged = tuple(calls.get(v.id, ()))
        return TodayAppointment(
            appointment=v,
            preferred_name=client.preferred_name or client.first_name,
            phone=client.phone,
            prep_worthwhile=v.client_id in seen_before or v.client_id in has_homework,
            has_draft=v.id in drafts,
            cannot_postpone=client.cannot_postpone,
            conditional_on=conditional,
            calls=logged,
            note_signed=v.id in signed,
            call_due=conditional
            and not logged
            and v.local_day == tomorrow
            and v.status is AppointmentStatus.SCHEDULED,
        )

    entries = [entry(v) for v in views]
    due_calls = tuple(
        CallDue(
            appointment=e.appointment,
            preferred_name=e.preferred_name,
            phone=e.phone,
            period_id=next(
                p.id
                for p in periods
                if p.client_id == e.appointment.client_id and p.covers(tomorrow)
            ),
            homework=tuple(homework_titles.get(e.appointment.client_id, ())),
        )
        for e in entries
        if e.call_due
    )
    return TodayData(
        day=day,
        today=tuple(e for e in entries if e.appointment.local_day == day),
        tomorrow=tuple(e for e in entries if e.appointment.local_day == tomorrow),
        reminders=tuple(reminders.due_on(db, day)),
        calls=due_calls,
        missing_reviews=tuple(
            m
            for m in missing_reviews(db, since=day - timedelta(days=MISSING_DAYS))
            if m.appointment.local_day <= day
        ),
    )


# ---- as text --------------------------------------------------------------------


def long_day(d: date) -> str:
    return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


def render_text(data: TodayData, alerts: Sequence[tuple[str, RiskAlertView]] = ()) -> str:
    """The Today view as plain text (``practice today``); the open risk alerts
    (client name, alert) come first, as on the Today page."""
    out = [f"Today — {long_day(data.day)}", ""]
    if alerts:
        out.append(f"Open risk alerts: {len(alerts)}")
        for name, alert in alerts:
            d = alert.taken_on
            now = "not answered" if alert.current_answer is None else alert.current_answer
            changed = f" (now {now}, changed since)" if alert.answer_changed else ""
            out.append(
                f"  {name} — {d.day} {MONTHS[d.month - 1][:3]} {d.year} — "
                f"PHQ-9 question 9: {alert.answer}{changed} — acknowledge it in Practice"
            )
        out.append("")
    for title, items, booked in (
        ("Today", data.today, data.booked_today),
        ("Tomorrow", data.tomorrow, data.booked_tomorrow),
    ):
        out.append(f"{title}: {_count(booked, 'appointment')}")
        for e in items:
            out.append("  " + _appointment_line(e))
        out.append("")
    to_send = data.reminders_to_send
    sent = len(data.reminders) - len(to_send)
    out.append(
        f"Reminders to send: {len(to_send)} of {len(data.reminders)}"
        + (f" ({sent} sent)" if sent else "")
    )
    for r in data.reminders:
        when = f"{r.at:%H:%M}" if r.at else "--:--"
        contact = r.client.contact(r.channel) or "no contact on file"
        tick = "[x]" if r.sent else "[ ]"
        out.append(
            f"  {tick} {when}  {r.client.name} — {r.channel.label.lower()} to {contact} "
            f"({r.assignment.title}, {r.assignment.code})"
        )
        out.append(f"        {r.text}")
    out.append("")
    out.append(f"Day-before calls: {len(data.calls)}")
    for call in data.calls:
        at = call.appointment.starts_at.astimezone()
        what = ", ".join(call.homework) or "the self-record"
        out.append(
            f"  {call.appointment.client_name} — {call.phone or 'no phone on file'} — "
            f"session tomorrow {at:%H:%M}; ask whether {what} is done"
        )
    out.append("")
    out.append(
        f"Reviews missing (attended in the last {MISSING_DAYS} days): {len(data.missing_reviews)}"
    )
    for m in data.missing_reviews:
        d = m.appointment.local_day
        out.append(
            f"  {DAYS[d.weekday()][:3]} {d.day} {MONTHS[d.month - 1][:3]}  "
            f"{m.appointment.client_name} — {m.assignment.title} ({m.assignment.code})"
        )
    return "\n".join(out).rstrip() + "\n"


def _appointment_line(e: TodayAppointment) -> str:
    v = e.appointment
    at = v.starts_at.astimezone()
    parts = [f"{at:%H:%M}", v.client_name, v.status.label.lower()]
    if v.status is AppointmentStatus.SCHEDULED or e.session_started:
        parts.append("prep ready" if e.prep_worthwhile else "first session")
    if e.has_draft:
        parts.append("session started")
    elif v.has_note:
        parts.append("note written" if e.note_signed else "note not signed yet")
    if e.cannot_postpone:
        parts.append("cannot postpone")
    if e.conditional_on:
        if e.calls:
            done = e.calls[-1]
            outcome = done.outcome.value.replace("_", " ")
            parts.append(f"conditional: call {outcome}, {done.decision.value}")
        else:
            parts.append("conditional: call due today" if e.call_due else "conditional: no call")
    return "  ".join(parts[:2]) + "  " + " · ".join(parts[2:])


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"
