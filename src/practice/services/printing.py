"""Sheets, reminder cards and phone alarms for homework assignments
(docs/clinical.md, Literacy levels).

What goes on a sheet for an assignment:

- **text**: the assignment's template at its level and language. A therapist's own
  template that lacks the level falls back to the nearest level it has (on a tie the
  simpler one); a template without the language at all is refused, never printed
  in a language the client may not read.
- **the therapist's words win** where the template text has a counterpart on the
  assignment: the title always; "why this helps you" when the assignment's
  rationale is set; the instructions when the therapist changed them. Texts equal
  to the template's own at any level of that language (the prefill) count as
  unchanged, so the template's graded steps and pictures stay. Changed
  instructions print one step a line (or one a sentence when written as a
  paragraph), with pictures chosen from their words at the easy and pictorial
  levels. The main message and the fields always come from the template.
- **who and when**: the preferred name (else the first name); the week starts on
  the assignment's start date while that is less than a week ago (or ahead), else
  on ``today``, the day a reprint of a long-running task is handed out; "bring
  this on" is the due date while it is after ``today``, else the day of the next
  scheduled appointment after today (none: "bring this to your next session").
- **fillable** when the assignment's modality is "fillable PDF" (unless told).

``week_sheets`` prints every active assignment of clients with a scheduled or
attended appointment in a date range, each dated from the day it is handed out
(the client's first appointment in the range) to the following appointment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import Appointment, HomeworkAssignment
from practice.domain.text import clean, fold
from practice.domain.views import AppointmentView, local_date, local_start
from practice.domain.vocabulary import (
    AppointmentStatus,
    AssignmentStatus,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
)
from practice.services import appointments, audit, clients, homework, sheet_seal
from practice.services.errors import NotFoundError, ServiceError
from practice.services.homework import AssignmentView
from practice.sheets.templates import (
    TemplateLibrary,
)

if TYPE_CHECKING:
    from practice.sheets.model import SheetText, Template
    from practice.sheets.sheet import SheetRequest

Paper = Literal["a4", "letter"]
CardSize = Literal["a6", "index"]
DEFAULT_ALARM_TIME = time(20, 0)
HANDED_OUT = (AppointmentStatus.SCHEDULED, AppointmentStatus.ATTENDED)
LEVEL_ORDER = list(LiteracyLevel)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[¿¡\"'(\w])")

PER_WEEK_WORDS: dict[Language, tuple[str, str]] = {
    Language.EN: ("Once this week.", "{n} times this week."),
    Language.ES: ("Una vez esta semana.", "{n} veces esta semana."),
}


class SheetTextError(ServiceError):
    """The assignment's template (or its language) is not available to print."""


# ---- templates and texts ----------------------------------------------------------


def variant(template: Template, level: LiteracyLevel, language: Language) -> SheetText:
    """The template's text at ``level`` in ``language``, or at its nearest level."""
    exact = template.variants.get((level, language))
    if exact is not None:
        return exact
    levels = [lv for (lv, lang) in template.variants if lang == language]
    if not levels:
        have = ", ".join(sorted({lang.label for (_, lang) in template.variants})) or "none"
        raise SheetTextError(
            f"The template '{template.key}' has no {language.label} text (it has: {have}). "
            "Add that language to the template file, or choose another template."
        )
    wanted = LEVEL_ORDER.index(level)
    nearest = min(
        levels, key=lambda lv: (abs(LEVEL_ORDER.index(lv) - wanted), -LEVEL_ORDER.index(lv))
    )
    return template.variants[(nearest, language)]


def _same_words(a: str | None, b: str | None) -> bool:
    return fold(a or "") == fold(b or "")


def instruction_steps(text: str) -> tuple[str, ...]:
    """The therapist's instructions as steps: one a line, or one a sentence."""
    lines = [line.strip(" \t-•*") for line in text.splitlines()]
    lines = [line for line in lines if line]
    if len(lines) > 1:
        return tuple(lines)
    return tuple(s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip())


def sheet_text(library: TemplateLibrary, assignment: AssignmentView) -> SheetText:
    """The template text of ``assignment`` with the therapist's words put in (see above)."""
    try:
        template = library.get(assignment.template_key)
    except KeyError as exc:
        raise SheetTextError(
            f"The template '{assignment.template_key}' of this homework is not available "
            f"(known templates: {', '.join(library.keys()) or 'none'})."
        ) from exc
    base = variant(template, assignment.level, assignment.language)
    same_language = [t for (_, lang), t in template.variants.items() if lang == base.language]
    changes: dict[str, object] = {}
    title = clean(assignment.title)
    if title:
        changes["title"] = title
    rationale = clean(assignment.rationale)
    if rationale and not any(_same_words(rationale, t.why_it_helps) for t in same_language):
        changes["why_it_helps"] = rationale
    instructions = clean(assignment.instructions)
    if instructions and not any(
        _same_words(instructions, t.instruction_text) for t in same_language
    ):
        steps = instruction_steps(instructions)
        if steps:
            changes["instructions"] = steps
            changes["instruction_pictograms"] = ()
    return replace(base, **changes)  # type: ignore[arg-type]


# ---- dates ----------------------------------------------------------------------


def week_start_for(assignment: AssignmentView, today: date) -> date:
    """The start date while it is less than a week ago (or ahead); else ``today``: a
    reprint of a long-running task covers the days from when it is handed out."""
    start = assignment.start_date
    if start is None or today - start >= timedelta(days=7):
        return today
    return start


def _next_appointment_day(db: Session, client_id: int, after: date) -> date | None:
    """The day of the client's first scheduled appointment after the day ``after``."""
    starts = db.scalar(
        select(Appointment.starts_at)
        .where(
            Appointment.client_id == client_id,
            Appointment.status == AppointmentStatus.SCHEDULED,
            Appointment.starts_at >= local_start(after + timedelta(days=1)),
        )
        .order_by(Appointment.starts_at)
        .limit(1)
    )
    return local_date(starts) if starts is not None else None


def bring_on_for(db: Session, assignment: AssignmentView, today: date) -> date | None:
    """The due date when it is after ``today``, else the next appointment after today."""
    if assignment.due_date is not None and assignment.due_date > today:
        return assignment.due_date
    return _next_appointment_day(db, assignment.client_id, today)


def _name(db: Session, client_id: int) -> str:
    client = clients.get(db, client_id)
    return client.preferred_name or client.first_name


# ---- documents ------------------------------------------------------------------


def sheet_request(
    db: Session,
    assignment: AssignmentView,
    library: TemplateLibrary,
    *,
    paper: Paper = "a4",
    fillable: bool | None = None,
    today: date | None = None,
    week_start: date | None = None,
    bring_on: date | None = None,
) -> SheetRequest:
    """The :class:`SheetRequest` of one assignment (dates as described above)."""
    # deferred: start-up speed (sheet drawing)
    from practice.sheets.sheet import SheetRequest

    today = today or date.today()
    return SheetRequest(
        text=sheet_text(library, assignment),
        preferred_name=_name(db, assignment.client_id),
        week_start=week_start or week_start_for(assignment, today),
        bring_on=bring_on or bring_on_for(db, assignment, today),
        code=assignment.code,
        paper=paper,
        large_print=assignment.large_print,
        fillable=(assignment.modality == Modality.FILLABLE_PDF) if fillable is None else fillable,
    )


def sheet_for_assignment(
    db: Session,
    assignment_id: int,
    *,
    paper: Paper = "a4",
    fillable: bool | None = None,
    templates: TemplateLibrary,
    today: date | None = None,
) -> bytes:
    """The PDF of one assignment's sheet, filled in for its client."""
    # deferred: start-up speed (sheet drawing)
    from practice.sheets.sheet import SelfRecordSheet

    assignment = homework.get(db, assignment_id)
    request = sheet_request(
        db, assignment, templates, paper=paper, fillable=fillable,
        today=today,
    )  # fmt: skip
    if request.fillable:  # sealed: its code cannot be edited or forged (sheet_seal)
        seal = sheet_seal.seal_for(db, assignment, today or date.today())
        request = replace(request, seal=seal)
    return SelfRecordSheet(request).generate()


def when_text(assignment: AssignmentView) -> str:
    """How often, for the reminder card, in the client's language."""
    # deferred: start-up speed (card drawing)
    from practice.sheets.card import card_text

    lang = assignment.language
    if assignment.frequency == Frequency.PER_WEEK and assignment.times_per_week:
        once, many = PER_WEEK_WORDS[lang]
        n = assignment.times_per_week
        return once if n == 1 else many.format(n=n)
    key = "each_time" if assignment.frequency == Frequency.EACH_TIME else "daily"
    return card_text(key, lang)


def card_for_assignment(
    db: Session,
    assignment_id: int,
    *,
    size: CardSize = "a6",
    templates: TemplateLibrary,
    today: date | None = None,
) -> bytes:
    """The reminder card of one assignment; an active one is marked "card printed"."""
    # deferred: start-up speed (card drawing)
    from practice.sheets.card import ReminderCard, ReminderCardRequest

    assignment = homework.get(db, assignment_id)
    today = today or date.today()
    request = ReminderCardRequest(
        text=sheet_text(templates, assignment),
        preferred_name=_name(db, assignment.client_id),
        when=when_text(assignment),
        alarm_at=assignment.reminder_time,
        bring_on=bring_on_for(db, assignment, today),
        code=assignment.code,
        size=size,
        large_print=assignment.large_print,
    )
    pdf = ReminderCard(request).generate()
    row = db.get(HomeworkAssignment, assignment_id)
    if row is not None and row.status == AssignmentStatus.ACTIVE and not row.reminder_card_printed:
        row.reminder_card_printed = True
        db.flush()
        audit.record(
            db,
            "homework_assignment",
            row.id,
            "reminder_card",
            f"reminder card printed for assignment {row.id}",
        )
    return pdf


def alarm_dates(assignment: AssignmentView, db: Session, today: date) -> tuple[date, date]:
    """First and last day of the daily alarm: from the start (or today, when later) to
    the due date; when that has passed, to the next appointment; else for a week."""
    start = max(assignment.start_date or today, today)
    due = assignment.due_date
    if due is not None and due >= start:
        return start, due
    return start, _next_appointment_day(db, assignment.client_id, start) or start + timedelta(6)


def alarm_for_assignment(db: Session, assignment_id: int, *, today: date | None = None) -> bytes:
    """A daily-alarm ``.ics`` over the assignment's days at its reminder time (else 20:00)."""
    # deferred: start-up speed (imports icalendar)
    from practice.sheets.alarm import daily_alarm_ics

    assignment = homework.get(db, assignment_id)
    start, end = alarm_dates(assignment, db, today or date.today())
    return daily_alarm_ics(
        assignment.title,
        start,
        end,
        assignment.reminder_time or DEFAULT_ALARM_TIME,
        assignment.language,
        uid_seed=assignment.code,
    )


@dataclass(frozen=True)
class PlannedSheet:
    """One sheet of the week's batch and its line in the summary."""

    request: SheetRequest
    summary: str
    assignment_id: int
    client_id: int


def week_plan(
    db: Session,
    first_day: date,
    last_day: date,
    *,
    paper: Paper = "a4",
    templates: TemplateLibrary,
) -> list[PlannedSheet]:
    """The sheets :func:`week_sheets` prints, in order, without rendering them."""
    handed_out: dict[int, AppointmentView] = {}
    for appt in appointments.agenda(db, first_day, last_day):
        if appt.status in HANDED_OUT:
            handed_out.setdefault(appt.client_id, appt)
    planned: list[PlannedSheet] = []
    for client_id, appt in handed_out.items():
        day = appt.local_day
        for a in sorted(homework.active_for_client(db, client_id), key=lambda a: a.id):
            start = max(a.start_date or day, day)
            bring = a.due_date if a.due_date is not None and a.due_date > start else None
            bring = bring or _next_appointment_day(db, client_id, start)
            request = sheet_request(
                db, a, templates, paper=paper, fillable=False, week_start=start,
                bring_on=bring,
            )  # fmt: skip
            line = (
                f"{appt.starts_at.astimezone():%a %d %b %H:%M}  {appt.client_name} — "
                f"{a.title} ({a.code}, {a.level.label.lower()}, {a.language.value})"
            )
            planned.append(PlannedSheet(request, line, a.id, client_id))
    return planned


def week_sheets(
    db: Session,
    first_day: date,
    last_day: date,
    *,
    paper: Paper = "a4",
    templates: TemplateLibrary,
) -> tuple[bytes, list[str]]:
    """One printable PDF of every active assignment of clients with an appointment from
    ``first_day`` to ``last_day``, and one summary line per sheet (in print order)."""
    # deferred: start-up speed (sheet drawing)
    from practice.sheets.sheet import render_many

    planned = week_plan(db, first_day, last_day, paper=paper, templates=templates)
    if not planned:
        raise NotFoundError(no_sheets_message(first_day, last_day))
    return render_many(p.request for p in planned), [p.summary for p in planned]


def no_sheets_message(first_day: date, last_day: date) -> str:
    return (
        f"No sheets to print: no client with an appointment from {first_day:%d %b %Y} "
        f"to {last_day:%d %b %Y} has active homework."
    )


def file_stem(assignment: AssignmentView) -> str:
    """A file name for the assignment's documents (code and template; no client name)."""
    return f"{assignment.code}-{assignment.template_key}"
