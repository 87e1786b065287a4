"""Reminders to send today: which are due, their ready text, and the "sent" tick.

**When a reminder is due** (:func:`is_due`): the assignment is active, its client is
active, it has started, and its reminder plan names a channel the therapist sends
(text message, e-mail or phone call; an alarm or a card is set up in session and
needs nothing sent). Text messages and e-mails go every day for daily and
"each time it happens" homework, and on ``n`` evenly spread days of each week for
"n per week" homework (counted from the start date). A reminder call is weekly,
on the third day after the start date (mid-week for weekly sessions).

**The text** (:func:`reminder_text`) is in the assignment's language (the language of
its sheet and of its "why this helps you"), short and warm; standard and plain add
why it helps, easy and pictorial keep to a few short words. Readability is tested
like the sheets (docs/clinical.md, Readability targets).

:func:`mark_sent` writes the reminder log (idempotent, audited); :func:`unmark_sent`
undoes a mistaken tick.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from practice.db.models import Appointment, Client, HomeworkAssignment, ReminderLog
from practice.domain.views import local_date, local_start
from practice.domain.vocabulary import (
    AppointmentStatus,
    AssignmentStatus,
    ClientStatus,
    Frequency,
    Language,
    LiteracyLevel,
    ReminderChannel,
)
from practice.services import audit, versions
from practice.services.appointments import now_utc
from practice.services.clients import display_name
from practice.services.errors import NotFoundError, ValidationError
from practice.text import QT_TRANSLATE_NOOP

SENT_CHANNELS = frozenset({ReminderChannel.TEXT, ReminderChannel.EMAIL, ReminderChannel.PHONE_CALL})
CALL_DAY = 2  # days after the start date: the weekly reminder call
WHY_MAX = 160  # a longer "why this helps you" is cut to its first sentence

EN, ES = Language.EN, Language.ES
DAYS = {
    EN: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    ES: ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
MONTHS = {
    EN: ("January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December"),
    ES: ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"),
}  # fmt: skip
# Per language: (long greeting, what to do, see you...) for standard and plain,
# and (short greeting, what to do) for easy and pictorial.
LONG = {
    EN: ("Hi {name}!", "A little reminder to fill in {what} today.", "See you {when}."),
    ES: ("¡Hola, {name}!", "Un recordatorio para completar hoy {what}.", "¡Nos vemos {when}!"),
}
SHORT = {
    EN: ("Hi {name}!", "Please fill in {what} today.", "See you {when}!"),
    ES: ("¡Hola, {name}!", "Completa hoy {what}.", "¡Nos vemos {when}!"),
}
PICTORIAL = {
    EN: ("Hi {name}!", "Time for {what}.", "See you {when}!"),
    ES: ("¡Hola, {name}!", "Es hora de {what}.", "¡Nos vemos {when}!"),
}
NO_NAME = {EN: "Hi!", ES: "¡Hola!"}
FIRST_PERSON = {
    EN: re.compile(r"\b(I|me|my|myself|I'm|I've)\b"),
    ES: re.compile(r"\b(me|mi|mis|yo|conmigo)\b", re.IGNORECASE),
}
WHEN_WORDS = {
    EN: {"today": "today", "tomorrow": "tomorrow", "day": "on {day}", "date": "on {day} {date}"},
    ES: {"today": "hoy", "tomorrow": "mañana", "day": "el {day}", "date": "el {day} {date}"},
}


@dataclass(frozen=True)
class ReminderAssignment:
    id: int
    code: str
    title: str
    template_key: str
    level: LiteracyLevel
    language: Language
    version: int | None = None  # the assignment's: pass it back to mark_sent


@dataclass(frozen=True)
class ReminderClient:
    id: int
    name: str  # "Last, First (Preferred)"
    preferred_name: str  # preferred, else first name: what the text calls them
    phone: str | None
    email: str | None

    def contact(self, channel: ReminderChannel) -> str | None:
        return self.email if channel is ReminderChannel.EMAIL else self.phone


@dataclass(frozen=True)
class ReminderDue:
    assignment: ReminderAssignment
    client: ReminderClient
    channel: ReminderChannel
    at: datetime | None  # the planned time that day (aware); None: no time set
    text: str  # ready to copy
    sent: bool
    sent_at: datetime | None = None
    next_session: datetime | None = None  # the client's next scheduled session from that day


@dataclass(frozen=True)
class ReminderLogView:
    id: int
    assignment_id: int
    on_date: date
    channel: ReminderChannel
    sent_at: datetime | None


# ---- the rule and the text -------------------------------------------------------


def is_due(
    channel: ReminderChannel,
    frequency: Frequency,
    times_per_week: int | None,
    start_date: date,
    day: date,
) -> bool:
    """Whether a reminder plan asks for a reminder to be sent on ``day``."""
    if channel not in SENT_CHANNELS or day < start_date:
        return False
    offset = (day - start_date).days % 7
    if channel is ReminderChannel.PHONE_CALL:
        return offset == CALL_DAY
    if frequency is Frequency.PER_WEEK and times_per_week and times_per_week < 7:
        return offset in {i * 7 // times_per_week for i in range(times_per_week)}
    return True


def reminder_text(
    language: Language,
    level: LiteracyLevel,
    preferred_name: str | None,
    title: str,
    why_it_helps: str | None,
    at: datetime | date | None,
    *,
    on: date | None = None,
) -> str:
    """The reminder message. ``at``: the next session (None: not mentioned);
    ``on``: the day the reminder is sent (for "today" / "tomorrow"; default today)."""
    language, level = Language(language), LiteracyLevel(level)
    on = on or date.today()
    if level in (LiteracyLevel.STANDARD, LiteracyLevel.PLAIN):
        hello, what, see = LONG[language]
    elif level is LiteracyLevel.EASY:
        hello, what, see = SHORT[language]
    else:
        hello, what, see = PICTORIAL[language]
    name = " ".join((preferred_name or "").split())
    parts = [hello.format(name=name) if name else NO_NAME[language]]
    parts.append(what.format(what=_what(title, language)))
    if level in (LiteracyLevel.STANDARD, LiteracyLevel.PLAIN):
        why = _first_sentence(why_it_helps)
        if why:
            parts.append(_why(why, language))
    if at is not None:
        parts.append(see.format(when=_when(at, on, language)))
    return " ".join(parts)


# A title that already names a kind of sheet reads as one ("your mood log", "tu diario
# de pánico"); any other title ("What happened", "My week", "Lo que pasó") is the
# sheet's name, quoted as printed: "your “What happened” sheet", "tu hoja «Lo que pasó»".
SHEET_WORDS = {
    EN: re.compile(r"\b(record|log|diary|schedule|sheet|chart)$", re.IGNORECASE),
    ES: re.compile(r"^(registro|diario|hoja|agenda)\b", re.IGNORECASE),
}


def _what(title: str, language: Language) -> str:
    """How the reminder names the sheet, by the title printed on it (see SHEET_WORDS)."""
    title = " ".join(title.split()).rstrip(".")
    first = title.split(" ", 1)[0] if title else ""
    if (
        not title
        or first.casefold() in ("my", "mi", "mis")
        or not SHEET_WORDS[language].search(title)
    ):
        return f"your “{title}” sheet" if language is EN else f"tu hoja «{title}»"
    if not (len(first) > 1 and first.isupper()):  # keep acronyms: "ABC record"
        title = title[:1].lower() + title[1:]
    return f"your {title}" if language is EN else f"tu {title}"


def _first_sentence(text: str | None) -> str | None:
    text = " ".join((text or "").split())
    if not text:
        return None
    if len(text) > WHY_MAX:
        text = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
        if len(text) > WHY_MAX:
            return None
    return text if text[-1] in ".!?" else text + "."


def _why(why: str, language: Language) -> str:
    """ "Why this helps you" as it reads from the therapist: written in the client's own
    voice ("this helps me ...") it is quoted as their words."""
    if not FIRST_PERSON[language].search(why):
        return why
    if language is EN:
        return f"Remember, in your own words: “{why}”"
    return f"Recuerda, con tus palabras: «{why.rstrip('.')}»."


def _when(at: datetime | date, on: date, language: Language) -> str:
    day = local_date(at) if isinstance(at, datetime) else at
    words = WHEN_WORDS[language]
    if day == on:
        return words["today"]
    if day == on + timedelta(days=1):
        return words["tomorrow"]
    name = DAYS[language][day.weekday()]
    if on < day < on + timedelta(days=7):
        return words["day"].format(day=name)
    month = MONTHS[language][day.month - 1]
    text = f"{day.day} {month}" if language is EN else f"{day.day} de {month}"
    return words["date"].format(day=name, date=text)


# ---- reading ----------------------------------------------------------------------


def due_on(db: Session, day: date) -> list[ReminderDue]:
    """Every reminder due on ``day`` (sent or not), by planned time then client (3 queries)."""
    rows = db.execute(
        select(HomeworkAssignment, Client)
        .join(Client, Client.id == HomeworkAssignment.client_id)
        .where(
            HomeworkAssignment.status == AssignmentStatus.ACTIVE,
            HomeworkAssignment.reminder_channel.in_(SENT_CHANNELS),
            HomeworkAssignment.start_date <= day,
            Client.status == ClientStatus.ACTIVE,
        )
        .order_by(HomeworkAssignment.reminder_time, Client.sort_name, HomeworkAssignment.id)
    ).all()
    due = [
        (a, c)
        for a, c in rows
        if is_due(a.reminder_channel, a.frequency, a.times_per_week, a.start_date, day)
    ]
    if not due:
        return []
    logs = {
        (log.assignment_id, log.channel): log
        for log in db.scalars(
            select(ReminderLog).where(
                ReminderLog.on_date == day,
                ReminderLog.assignment_id.in_([a.id for a, _ in due]),
            )
        )
    }
    upcoming: dict[int, list[datetime]] = {}
    for client_id, starts_at in db.execute(
        select(Appointment.client_id, Appointment.starts_at)
        .where(
            Appointment.client_id.in_({c.id for _, c in due}),
            Appointment.status == AppointmentStatus.SCHEDULED,
            Appointment.starts_at >= local_start(day),
        )
        .order_by(Appointment.starts_at)
    ):
        upcoming.setdefault(client_id, []).append(starts_at)
    result = []
    for a, c in due:
        log = logs.get((a.id, a.reminder_channel))
        preferred = c.preferred_name or c.first_name
        at = datetime.combine(day, a.reminder_time).astimezone() if a.reminder_time else None
        # "See you ..." names the session after the reminder goes out, not one before it
        after = at or local_start(day)
        nxt = next((t for t in upcoming.get(c.id, ()) if t >= after), None)
        result.append(
            ReminderDue(
                assignment=ReminderAssignment(
                    a.id, a.code, a.title, a.template_key, a.level, a.language, a.version
                ),
                client=ReminderClient(
                    c.id,
                    display_name(c.first_name, c.last_name, c.preferred_name),
                    preferred,
                    c.phone,
                    c.email,
                ),
                channel=a.reminder_channel,
                at=at,
                text=reminder_text(
                    a.language, a.level, preferred, a.title, a.rationale, nxt, on=day
                ),
                sent=log is not None and log.sent_at is not None,
                sent_at=log.sent_at if log is not None else None,
                next_session=nxt,
            )
        )
    return result


# ---- writing ----------------------------------------------------------------------


def mark_sent(
    db: Session,
    assignment_id: int,
    day: date,
    channel: ReminderChannel | None = None,
    *,
    now: datetime | None = None,
    version: int | None = None,
) -> ReminderLogView:
    """Tick a reminder as sent (once per assignment, day and channel; again is a no-op).

    ``version``: the assignment's as loaded (``ReminderAssignment.version``). The
    therapist's tick on Today passes it: a reminder whose assignment changed meanwhile
    elsewhere (dropped, its words or channel changed) is refused
    (``ChangedElsewhereError``) so that Today shows it afresh. A caller that did not
    load the assignment (a batch, a job) passes None: a change to the assignment does
    not make a sent message unsent, and one reminder must not fail the rest. Two
    computers ticking the same reminder at once is no error either way: the second
    finds the first's tick (the log row is unique) and changes nothing."""
    assignment = db.get(HomeworkAssignment, assignment_id)
    if assignment is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "reminders", "There is no homework assignment with id {assignment_id}."
            ).format(assignment_id=assignment_id)
        )
    versions.check(assignment, version)
    channel = ReminderChannel(channel or assignment.reminder_channel)
    if channel is ReminderChannel.NONE:
        raise ValidationError(
            {"channel": QT_TRANSLATE_NOOP("reminders", "Choose how the reminder was sent.")}
        )
    log = _log(db, assignment_id, day, channel)
    if log is not None and log.sent_at is not None:
        return _view(log)
    if log is None:
        try:
            with db.begin_nested():  # a tick made meanwhile elsewhere: the row is unique
                log = ReminderLog(
                    assignment_id=assignment_id,
                    on_date=day,
                    channel=channel,
                    sent_at=now or now_utc(),
                )
                db.add(log)
        except IntegrityError:
            log = _log(db, assignment_id, day, channel)
            if log is None:
                raise
            if log.sent_at is not None:
                return _view(log)
    log.sent_at = log.sent_at or now or now_utc()
    db.flush()
    audit.record(
        db,
        "reminder_log",
        log.id,
        "sent",
        f"reminder for assignment {assignment_id} on {day.isoformat()} ({channel.value}) sent",
    )
    return _view(log)


def unmark_sent(
    db: Session, assignment_id: int, day: date, channel: ReminderChannel | None = None
) -> ReminderLogView | None:
    """Undo a mistaken "sent" tick; None when there was nothing to undo."""
    assignment = db.get(HomeworkAssignment, assignment_id)
    if assignment is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "reminders", "There is no homework assignment with id {assignment_id}."
            ).format(assignment_id=assignment_id)
        )
    channel = ReminderChannel(channel or assignment.reminder_channel)
    log = _log(db, assignment_id, day, channel)
    if log is None or log.sent_at is None:
        return None
    log.sent_at = None
    db.flush()
    audit.record(
        db,
        "reminder_log",
        log.id,
        "unsent",
        f"reminder for assignment {assignment_id} on {day.isoformat()} marked not sent",
    )
    return _view(log)


def _log(
    db: Session, assignment_id: int, day: date, channel: ReminderChannel
) -> ReminderLog | None:
    return db.scalars(
        select(ReminderLog).where(
            ReminderLog.assignment_id == assignment_id,
            ReminderLog.on_date == day,
            ReminderLog.channel == channel,
        )
    ).first()


def _view(log: ReminderLog) -> ReminderLogView:
    return ReminderLogView(log.id, log.assignment_id, log.on_date, log.channel, log.sent_at)
