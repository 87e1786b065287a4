"""A returned fillable sheet, back into a homework review (docs/clinical.md, Beyond paper).

Two steps, so the therapist sees what was found before anything is written:

1. :func:`preview_filled` reads the PDF and finds its assignment by the code in the
   sheet's hidden marker; it returns what was found and a suggested review. It
   writes nothing. A PDF that is not one of ours, is damaged, has no code or an
   unknown code, belongs to another client than the one open, or whose homework was
   dropped or replaced raises :class:`FilledImportError` with a message to show.
2. :func:`apply_filled` writes the review the therapist confirmed (or changed) in
   the chosen session, through ``reviews.review``; when that session already
   reviewed this homework, ``update_review`` takes the sheet's figures (brought,
   completion, days recorded) and keeps the rest of that review (ratings,
   barriers, strategies, note) unless given.

**The suggested completion** (0-4, for the therapist to confirm or change): the
sheet's *recorded* days or entries (blocks with any answer) against the *expected*
ones —

- daily: the days from the start date to the day before the due date (7 without a
  due date), at most the blocks the sheet has;
- N per week: N, at most the blocks the sheet has;
- each time it happens: nothing is expected, since the sheet cannot say how often
  it happened: nothing recorded suggests 0, anything recorded 3 ("most"), and the
  therapist asks.

With an expectation, recorded / expected gives 0 for nothing, under 35 % → 1
(started), under 65 % → 2 (about half), under 100 % → 3 (most), all → 4 (all as
agreed). The suggested review also says the record was brought and how many days
were recorded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import Appointment, HomeworkAssignment
from practice.domain.adherence import comes_after
from practice.domain.inputs import ReviewInput
from practice.domain.views import AppointmentView
from practice.domain.vocabulary import (
    AppointmentStatus,
    AssignmentStatus,
    Frequency,
    Language,
    LiteracyLevel,
)
from practice.services import appointments, audit, clients, homework, reviews
from practice.services.errors import NotFoundError, ServiceError
from practice.services.homework import AssignmentView
from practice.services.reviews import ReviewView
from practice.sheets.fillable import FilledSheet, SheetImportError, read_filled_sheet
from practice.sheets.model import Layout, SheetField, SheetText
from practice.sheets.scales import face_choices
from practice.sheets.styles import sheet_style
from practice.sheets.templates import TemplateLibrary

WEEK_DAYS = 7
SCALE_TOP = {
    LiteracyLevel.STANDARD: 100,
    LiteracyLevel.PLAIN: 10,
    LiteracyLevel.EASY: 4,
    LiteracyLevel.PICTORIAL: 2,
}
_BLOCK = re.compile(r"^([de])(\d+)\.(.+)$")


class FilledImportError(ServiceError):
    """The returned sheet cannot be imported; nothing was changed."""


@dataclass(frozen=True)
class AnswerLine:
    """One answer as the therapist reads it: ("Day 2", "Mood", "7 / 10")."""

    where: str
    label: str
    value: str


@dataclass(frozen=True)
class FilledPreview:
    assignment: AssignmentView
    client_name: str  # "Last, First (Preferred)"
    days_recorded: int
    expected: int | None  # days or entries the homework asked for (None: each time)
    ratings: tuple[int, ...]
    rating_top: int  # the sheet's scale runs 0..rating_top
    answers: tuple[AnswerLine, ...]
    suggested: ReviewInput
    problems: tuple[str, ...]  # worth a look, but no reason to refuse
    sheet_level: LiteracyLevel
    sheet_language: Language


# ---- the suggestion ---------------------------------------------------------------


def expected_entries(assignment: AssignmentView, blocks: int) -> int | None:
    """How many days or entries the sheet should hold when done as agreed."""
    blocks = max(1, blocks)
    if assignment.frequency == Frequency.EACH_TIME:
        return None
    if assignment.frequency == Frequency.PER_WEEK:
        return min(assignment.times_per_week or 1, blocks)
    days = WEEK_DAYS
    if assignment.due_date is not None and assignment.start_date is not None:
        days = max(1, (assignment.due_date - assignment.start_date).days)
    return min(days, blocks)


def suggest_completion(recorded: int, expected: int | None) -> int:
    """Completion 0-4 from days recorded against days expected (rule above)."""
    if recorded <= 0:
        return 0
    if expected is None:
        return 3
    ratio = recorded / max(1, expected)
    if ratio < 0.35:
        return 1
    if ratio < 0.65:
        return 2
    if ratio < 1:
        return 3
    return 4


# ---- preview ----------------------------------------------------------------------


def _read(pdf_bytes: bytes) -> FilledSheet:
    try:
        return read_filled_sheet(pdf_bytes)
    except SheetImportError as exc:
        raise FilledImportError(str(exc)) from exc


def _assignment(db: Session, code: str | None) -> AssignmentView:
    if not code:
        raise FilledImportError(
            "This is a blank sheet without an assignment code, so it cannot be matched "
            "to homework. Enter its answers by hand in the review."
        )
    try:
        return homework.get_by_code(db, code)
    except NotFoundError:
        raise FilledImportError(
            f"No homework in this practice has the code {code}. The sheet may come from "
            "another practice or another copy of the database."
        ) from None


def _refuse_unreviewable(db: Session, a: AssignmentView) -> None:
    if a.status == AssignmentStatus.DROPPED:
        raise FilledImportError(
            f"This sheet is for “{a.title}” (code {a.code}), which was dropped"
            + (f" ({a.status_reason})" if a.status_reason else "")
            + ". Dropped homework is not reviewed."
        )
    if a.status == AssignmentStatus.REPLACED:
        newer = ""
        if a.replaced_by_id is not None:
            newer = f" by code {homework.get(db, a.replaced_by_id).code}"
        raise FilledImportError(
            f"This sheet is for “{a.title}” (code {a.code}), which was replaced{newer}. "
            "Replaced homework is not reviewed; review the task that replaced it."
        )


def _variant(
    library: TemplateLibrary, template: str, level: LiteracyLevel, language: Language
) -> tuple[SheetText | None, SheetText | None]:
    """(the sheet's own text, the English text of its level for the therapist)."""
    if template not in library:
        return None, None
    variants = library.get(template).variants
    own = variants.get((level, language))
    return own, variants.get((level, Language.EN)) or own


def _rating_text(value: int, top: int, field: SheetField | None, sheet: SheetText | None) -> str:
    if top <= 4 and field is not None and sheet is not None:
        words = face_choices(sheet_style(sheet.level), sheet.language, field)
        if 0 <= value < len(words):
            return f"{words[value][1]} ({value} / {top})"
    return f"{value} / {top}"


def _answer_lines(filled: FilledSheet, shown: SheetText | None) -> tuple[AnswerLine, ...]:
    """The answers in the words of ``shown`` (the English text of the sheet's level)."""
    labels = {f.key: f for f in shown.fields} if shown else {}
    top = SCALE_TOP[filled.level]
    lines: list[AnswerLine] = []
    for key, value in filled.answers.items():
        match = _BLOCK.match(key)
        if match is None:
            continue
        kind, number, field_key = match.groups()
        where = f"{'Day' if kind == 'd' else 'Entry'} {number}"
        field = labels.get(field_key)
        label = field.label if field else field_key.replace("_", " ").capitalize()
        if value is True:
            text = "ticked"
        elif isinstance(value, int) and not isinstance(value, bool):
            text = _rating_text(value, top, field, shown)
        else:
            text = str(value)
        lines.append(AnswerLine(where, label.rstrip(":"), text))
    return tuple(lines)


def _blocks(own: SheetText | None) -> int:
    if own is None:
        return WEEK_DAYS
    if own.layout is Layout.DAILY:
        return max(WEEK_DAYS, own.entries)
    return max(1, own.entries)


def preview_filled(
    db: Session,
    pdf_bytes: bytes,
    *,
    client_id: int | None = None,
    templates: TemplateLibrary,
) -> FilledPreview:
    """What a returned fillable sheet holds and the review it suggests; writes nothing."""
    filled = _read(pdf_bytes)
    a = _assignment(db, filled.code)
    if client_id is not None and a.client_id != client_id:
        raise FilledImportError(
            f"This sheet (code {a.code}) is the homework of another client, not of the "
            "client open now. Open that client to import it."
        )
    _refuse_unreviewable(db, a)
    client = clients.get(db, a.client_id)
    own, shown = _variant(templates, filled.template, filled.level, filled.language)

    problems: list[str] = []
    if filled.template != a.template_key:
        problems.append(
            f"The sheet is a “{filled.template}” sheet but the homework now uses "
            f"“{a.template_key}”: it was changed after this sheet was sent."
        )
    elif (filled.level, filled.language) != (a.level, a.language):
        problems.append(
            f"The sheet was printed at the {filled.level.value} level in "
            f"{filled.language.label}; the homework is now {a.level.value} in "
            f"{a.language.label}."
        )
    if filled.days_recorded == 0:
        problems.append("Nothing was filled in on this sheet.")
    expected = expected_entries(a, _blocks(own))
    if expected is None and filled.days_recorded:
        problems.append(
            "This homework is done each time something happens; the sheet cannot say how "
            "often it happened, so ask before confirming the completion."
        )
    suggested = ReviewInput(
        brought=True,
        completion=suggest_completion(filled.days_recorded, expected),
        days_recorded=filled.days_recorded,
    )
    return FilledPreview(
        assignment=a,
        client_name=client.display_name,
        days_recorded=filled.days_recorded,
        expected=expected,
        ratings=tuple(filled.ratings),
        rating_top=SCALE_TOP[filled.level],
        answers=_answer_lines(filled, shown),
        suggested=suggested,
        problems=tuple(problems),
        sheet_level=filled.level,
        sheet_language=filled.language,
    )


# ---- sessions and writing -----------------------------------------------------------


def review_sessions(db: Session, assignment: AssignmentView) -> list[AppointmentView]:
    """Attended sessions of the assignment's client that can review it, newest first."""
    row = db.get(HomeworkAssignment, assignment.id)
    if row is None:
        raise NotFoundError(f"There is no homework assignment with id {assignment.id}.")
    started, start_date = reviews.set_at(db, row)
    rows = db.scalars(
        select(Appointment)
        .where(
            Appointment.client_id == assignment.client_id,
            Appointment.status == AppointmentStatus.ATTENDED,
        )
        .order_by(Appointment.starts_at.desc(), Appointment.id.desc())
    ).all()
    fit = [
        r for r in rows if comes_after(row.assigned_in_id, started, start_date, r.id, r.starts_at)
    ]
    return appointments.views(db, fit)


def apply_filled(
    db: Session, preview: FilledPreview, appointment_id: int, review_input: ReviewInput
) -> ReviewView:
    """Write the confirmed review of the sheet's homework in session ``appointment_id``."""
    a = homework.get(db, preview.assignment.id)
    _refuse_unreviewable(db, a)
    existing = reviews.review_for(db, a.id, appointment_id)
    if existing is not None:  # the sheet's figures; what else was recorded stays
        merged = ReviewInput(
            brought=review_input.brought,
            completion=review_input.completion,
            client_rating=_first(review_input.client_rating, existing.client_rating),
            quality=_first(review_input.quality, existing.quality),
            days_recorded=review_input.days_recorded,
            barriers=review_input.barriers or existing.barriers,
            strategies=review_input.strategies or existing.strategies,
            note=review_input.note or existing.note,
        )
        view = reviews.update_review(db, existing.id, merged)
    else:
        view = reviews.review(db, a.id, appointment_id, review_input)
    audit.record(
        db,
        "homework_review",
        view.id,
        "import_filled",
        f"filled sheet of assignment {a.id} imported into review {view.id} "
        f"({review_input.days_recorded} days recorded)",
    )
    return view


def _first(value: int | None, fallback: int | None) -> int | None:
    return value if value is not None else fallback
