"""Sheets, reminder cards and phone alarms for homework assignments
(docs/clinical.md, Literacy levels).

What goes on a sheet for an assignment:

- **text**: the assignment's template at its level and language. A therapist's own
  template that lacks the level falls back to the nearest level it has (on a tie the
  simpler one); a template without the language at all is refused, never printed
  in a language the client may not read.
- **the therapist's words**: the title always; "why this helps you" when the
  assignment's rationale is set. Instructions the therapist changed are printed
  in their own box, "From your therapist", one step a line (or one a sentence),
  beside the level's graded steps and pictures, which always stay. Texts equal to
  the template's own at any level of that language (the prefill) count as
  unchanged. The assignment's ``target`` (the behaviour or practice task) is
  printed at the top of ABC and exposure records (a template with a
  ``target_label``); an assignment made before targets were set has none, and
  the first of those steps is taken instead. The main message
  and the fields always come from the template.
- **who and when**: the preferred name (else the first name); the sheet starts on
  the assignment's start date while that is less than a week ago (or ahead), else
  on ``today``, the day a reprint of a long-running task is handed out; "bring
  this on" is the due date while it is after that, else the day of the next
  scheduled appointment (none: "bring this to your next session"). The sheet's
  days run from its start to the day before it is brought (the session day
  starts the next sheet); without a date to bring it, 7 days.
- **entries** of event records from the frequency: daily, one a day; n a week,
  n for each 7 days; "each time it happens", the template's own (at least 3).
- **fillable** when the assignment's modality is "fillable PDF" (unless told).
- **active only**: dropped, replaced and completed homework gets no sheet, card
  or alarm (:class:`InactiveAssignmentError` says why).

``week_sheets`` prints every active assignment of clients with a scheduled or
attended appointment in a date range, each dated from the day it is handed out
(the client's first appointment in the range) to the following appointment.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import Appointment, HomeworkAssignment
from practice.domain.paper import Paper, system_paper
from practice.domain.text import clean, fold
from practice.domain.views import AppointmentView, local_date, local_start
from practice.domain.vocabulary import (
    AppointmentStatus,
    AssignmentStatus,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
    ReminderChannel,
)
from practice.services import appointments, audit, clients, homework, sheet_seal
from practice.services.errors import NotFoundError, ServiceError
from practice.services.homework import AssignmentView
from practice.sheets.templates import (
    TemplateLibrary,
)
from practice.text import QT_TRANSLATE_NOOP, shown_date

if TYPE_CHECKING:
    from practice.sheets.model import SheetText, Template
    from practice.sheets.sheet import SheetRequest

CardSize = Literal["a6", "index"]
DEFAULT_ALARM_TIME = time(20, 0)
MORNING_ALARM_TIME = time(8, 0)  # templates filled in each morning (sleep diary)
HANDED_OUT = (AppointmentStatus.SCHEDULED, AppointmentStatus.ATTENDED)
LEVEL_ORDER = list(LiteracyLevel)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[¿¡\"'(\w])")

PER_WEEK_WORDS: dict[Language, tuple[str, str]] = {
    Language.EN: ("Once this week.", "{n} times this week."),
    Language.ES: ("Una vez esta semana.", "{n} veces esta semana."),
}


class SheetTextError(ServiceError):
    """The assignment's template (or its language) is not available to print."""


class InactiveAssignmentError(ServiceError):
    """The assignment is dropped, replaced or completed: no sheet, card or alarm."""


INACTIVE_WORDS = {
    AssignmentStatus.DROPPED: QT_TRANSLATE_NOOP("printing", "was dropped"),
    AssignmentStatus.REPLACED: QT_TRANSLATE_NOOP("printing", "was replaced by another task"),
    AssignmentStatus.COMPLETED: QT_TRANSLATE_NOOP("printing", "is completed"),
}


def require_active(assignment: AssignmentView) -> None:
    """Refuse a sheet, card or alarm for homework that is over, saying why."""
    if assignment.status == AssignmentStatus.ACTIVE:
        return
    newer = (
        QT_TRANSLATE_NOOP(
            "printing", " (print the new task's sheet instead: assignment {assignment})"
        ).format(assignment=assignment.replaced_by_id)
        if assignment.replaced_by_id is not None
        else ""
    )
    raise InactiveAssignmentError(
        QT_TRANSLATE_NOOP(
            "printing",
            "“{title}” ({code}) {value}, so it gets no sheet, reminder card or alarm{newer}.",
        ).format(
            title=assignment.title,
            code=assignment.code,
            value=INACTIVE_WORDS[AssignmentStatus(assignment.status)],
            newer=newer,
        )
    )


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
            QT_TRANSLATE_NOOP(
                "printing",
                "The template '{key}' has no {label} text (it has: {have}). Add that "
                "language to the template file, or choose another template.",
            ).format(key=template.key, label=language.label, have=have)
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


def _template(library: TemplateLibrary, assignment: AssignmentView) -> Template:
    try:
        return library.get(assignment.template_key)
    except KeyError as exc:
        raise SheetTextError(
            QT_TRANSLATE_NOOP(
                "printing",
                "The template '{template_key}' of this homework is not available (known "
                "templates: {value}).",
            ).format(
                template_key=assignment.template_key, value=", ".join(library.keys()) or "none"
            )
        ) from exc


def _same_language(template: Template, language: Language) -> list[SheetText]:
    return [t for (_, lang), t in template.variants.items() if lang == language]


def sheet_text(library: TemplateLibrary, assignment: AssignmentView) -> SheetText:
    """The template text of ``assignment`` with its title and rationale (see above)."""
    template = _template(library, assignment)
    base = variant(template, assignment.level, assignment.language)
    changes: dict[str, object] = {}
    title = clean(assignment.title)
    if title:
        changes["title"] = title
    rationale = clean(assignment.rationale)
    same = _same_language(template, base.language)
    if rationale and not any(_same_words(rationale, t.why_it_helps) for t in same):
        changes["why_it_helps"] = rationale
    return replace(base, **changes)  # type: ignore[arg-type]


def own_instructions(library: TemplateLibrary, assignment: AssignmentView) -> tuple[str, ...]:
    """The therapist's own instructions as steps; () when they are the template's."""
    instructions = clean(assignment.instructions)
    if not instructions:
        return ()
    template = _template(library, assignment)
    same = _same_language(template, assignment.language) or list(template.variants.values())
    if any(_same_words(instructions, t.instruction_text) for t in same):
        return ()
    return instruction_steps(instructions)


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


def bring_on_for(
    db: Session, assignment: AssignmentView, today: date, start: date | None = None
) -> date | None:
    """The due date when it is after ``today`` (and the sheet's ``start``), else the
    next appointment after that day."""
    after = max(today, start or today)
    if assignment.due_date is not None and assignment.due_date > after:
        return assignment.due_date
    return _next_appointment_day(db, assignment.client_id, after)


def sheet_days(start: date, bring_on: date | None, *, mornings: bool = False) -> tuple[date, ...]:
    """The sheet's days: ``start`` to the day before ``bring_on``; else 7 days. With
    ``mornings`` (a template filled in each morning for the night just ended) the
    mornings from the day after ``start`` up to and including ``bring_on``."""
    count = (bring_on - start).days if bring_on is not None and bring_on > start else 7
    first = start + timedelta(days=1) if mornings else start
    return tuple(first + timedelta(days=i) for i in range(count))


def by_mornings(library: TemplateLibrary | None, assignment: AssignmentView) -> bool:
    """Whether the assignment's template is filled in each morning (``days = "mornings"``)."""
    if library is None:
        return False
    try:
        return library.get(assignment.template_key).days == "mornings"
    except KeyError:
        return False


def reminder_time_for(assignment: AssignmentView, library: TemplateLibrary | None) -> time:
    """The reminder's time: the assignment's, else 08:00 for a sheet filled in each
    morning and 20:00 for the others."""
    if assignment.reminder_time is not None:
        return assignment.reminder_time
    return MORNING_ALARM_TIME if by_mornings(library, assignment) else DEFAULT_ALARM_TIME


def entries_for(assignment: AssignmentView, days: int, default: int) -> int:
    """Entry blocks of an event record: one a day for daily homework; n for each 7
    days for "n per week"; "each time it happens": the template's own, at least 3."""
    if assignment.frequency == Frequency.DAILY:
        return max(1, days)
    if assignment.frequency == Frequency.PER_WEEK and assignment.times_per_week:
        return max(1, math.ceil(assignment.times_per_week * days / 7))
    return max(default, 3)


def _name(db: Session, client_id: int) -> str:
    client = clients.get(db, client_id)
    return client.preferred_name or client.first_name


# ---- documents ------------------------------------------------------------------


def sheet_request(
    db: Session,
    assignment: AssignmentView,
    library: TemplateLibrary,
    *,
    paper: Paper | None = None,
    fillable: bool | None = None,
    today: date | None = None,
    week_start: date | None = None,
    bring_on: date | None = None,
) -> SheetRequest:
    """The :class:`SheetRequest` of one assignment (dates as described above)."""
    # deferred: start-up speed (sheet drawing)
    from practice.sheets.sheet import SheetRequest

    require_active(assignment)
    today = today or date.today()
    text = sheet_text(library, assignment)
    start = week_start or week_start_for(assignment, today)
    bring = bring_on or bring_on_for(db, assignment, today, start)
    days = sheet_days(start, bring, mornings=by_mornings(library, assignment))
    steps = own_instructions(library, assignment)
    target = clean(assignment.target) or None
    if target is None and text.target_label and steps:
        target, steps = steps[0], steps[1:]  # an assignment from before targets were set
    return SheetRequest(
        text=text,
        preferred_name=_name(db, assignment.client_id),
        week_start=start,
        bring_on=bring,
        code=assignment.code,
        paper=paper or system_paper(),
        large_print=assignment.large_print,
        fillable=(assignment.modality == Modality.FILLABLE_PDF) if fillable is None else fillable,
        days=days,
        entries=entries_for(assignment, len(days), text.entries),
        target=target,
        from_therapist=steps,
    )


def sheet_for_assignment(
    db: Session,
    assignment_id: int,
    *,
    paper: Paper | None = None,
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
    require_active(assignment)
    today = today or date.today()
    channel = ReminderChannel(assignment.reminder_channel)
    at = assignment.reminder_time
    if channel is ReminderChannel.ALARM:
        at = reminder_time_for(assignment, templates)  # the time the .ics rings
    start = week_start_for(assignment, today)
    # the level's own client-facing title, not the therapist's or the clinical name:
    # the card hangs where others see it
    level_title = variant(_template(templates, assignment), assignment.level, assignment.language)
    request = ReminderCardRequest(
        text=replace(sheet_text(templates, assignment), title=level_title.title),
        preferred_name=_name(db, assignment.client_id),
        when=when_text(assignment),
        reminder=channel,
        reminder_at=at,
        bring_on=bring_on_for(db, assignment, today, start),
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


def alarm_dates(
    assignment: AssignmentView,
    db: Session,
    today: date,
    *,
    mornings: bool = False,
    passed: bool = False,
) -> tuple[date, date]:
    """First and last day of the alarm: the sheet's days (see above) from today on,
    from tomorrow when today's alarm time has ``passed``."""
    start = week_start_for(assignment, today)
    days = sheet_days(start, bring_on_for(db, assignment, today, start), mornings=mornings)
    first = max(days[0], today + timedelta(days=1) if passed else today)
    return first, max(days[-1], first)


def alarm_weekdays(assignment: AssignmentView) -> tuple[int, ...] | None:
    """The days the alarm rings (0 = Monday): () every day; n a week spread evenly
    from the start day, as the reminder texts are; None (no repeat) "each time"."""
    if assignment.frequency == Frequency.EACH_TIME:
        return None
    n = assignment.times_per_week or 7
    if assignment.frequency == Frequency.DAILY or n >= 7:
        return ()
    first = (assignment.start_date or date.today()).weekday()
    return tuple(sorted({(first + i * 7 // n) % 7 for i in range(n)}))


def alarm_for_assignment(
    db: Session,
    assignment_id: int,
    *,
    today: date | None = None,
    title: str | None = None,
    templates: TemplateLibrary | None = None,
    now: datetime | None = None,
) -> bytes:
    """The phone alarm ``.ics`` of an assignment: at its reminder time (else 08:00 for
    a sheet filled in each morning, 20:00 for the others), repeating as its frequency
    says over the sheet's days, under a neutral title ("Time for your sheet") unless
    the therapist gives another ``title``. The first alarm is in the future: when
    today's time has passed (``now``, by default the clock when ``today`` is not
    given) it starts tomorrow."""
    # deferred: start-up speed (imports icalendar)
    from practice.sheets.alarm import alarm_ics

    assignment = homework.get(db, assignment_id)
    require_active(assignment)
    if now is None and today is None:
        now = datetime.now()
    today = now.date() if now is not None else today or date.today()
    at = reminder_time_for(assignment, templates)
    passed = now is not None and at.replace(tzinfo=None) <= now.time()
    mornings = by_mornings(templates, assignment)
    start, end = alarm_dates(assignment, db, today, mornings=mornings, passed=passed)
    return alarm_ics(
        start,
        end,
        at,
        assignment.language,
        uid_seed=assignment.code,
        weekdays=alarm_weekdays(assignment),
        title=title,
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
    paper: Paper | None = None,
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
            bring = bring_on_for(db, a, start)
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
    paper: Paper | None = None,
    templates: TemplateLibrary,
) -> tuple[bytes, list[str]]:
    """One printable PDF of every active assignment of clients with an appointment from
    ``first_day`` to ``last_day``, and one summary line per sheet (in print order).
    Duplex-safe: each sheet starts on an odd page (``render_many``)."""
    # deferred: start-up speed (sheet drawing)
    from practice.sheets.sheet import render_many

    planned = week_plan(db, first_day, last_day, paper=paper, templates=templates)
    if not planned:
        raise NotFoundError(no_sheets_message(first_day, last_day))
    return render_many(p.request for p in planned), [p.summary for p in planned]


def no_sheets_message(first_day: date, last_day: date) -> str:
    return QT_TRANSLATE_NOOP(
        "printing",
        "No sheets to print: no client with an appointment from {first_day} to "
        "{last_day} has active homework.",
    ).format(
        first_day=shown_date(first_day, "{0:%d %b %Y}"),
        last_day=shown_date(last_day, "{0:%d %b %Y}"),
    )


def title_slug(title: str) -> str:
    """A sheet's title as part of a file name: "Diario de sueño" -> "diario-de-sueño".

    Letters keep their accents (the exports already write non-ASCII names); anything a
    file system may refuse (slashes, colons, quotes...) becomes a hyphen."""
    words = re.findall(r"[^\W_]+", unicodedata.normalize("NFC", title).casefold())
    return "-".join(words)[:60].strip("-")


def file_stem(assignment: AssignmentView) -> str:
    """A file name for the assignment's documents: the code and the sheet's title as
    the client reads it, in the sheet's language (no client name)."""
    return f"{assignment.code}-{title_slug(assignment.title) or assignment.template_key}"


def reminder_stem(assignment: AssignmentView) -> str:
    """A neutral file name for the phone alarm, which the client keeps: just the code."""
    return f"{assignment.code}-reminder"
