"""Outcome-measure forms on paper and as fillable PDFs (docs/clinical.md, Outcome measures).

:func:`print_form` keeps a :class:`~practice.db.models.MeasureForm` row (its code leads
back to the client, the measure and the language) and renders the form
(``sheets.measure_form``). A returned form comes back two ways:

- on paper: the therapist enters the answers with the form's code,
  :func:`record_paper_form` (source PAPER);
- as a fillable PDF: :func:`import_fillable` reads it, finds the form by its code and
  records the measure (source FILLABLE) with the date written on the form (today when
  there is none or it cannot be read), unanswered items kept as unanswered. A form of
  another client than the one given, an unknown code, a marker that does not match the
  form printed, or a damaged PDF is refused and nothing is stored.

Either way ``services.measures.record_measure`` scores it and raises the item-9 risk
alert at once.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import Client, HomeworkAssignment, Measure, MeasureForm
from practice.domain.measures import RATING_MAX, MeasureKind, MeasureSource, Score, score
from practice.domain.paper import system_paper
from practice.domain.views import local_date
from practice.domain.vocabulary import Language
from practice.services import audit
from practice.services.appointments import now_utc
from practice.services.errors import NotFoundError, ServiceError, ValidationError
from practice.services.homework import CODE_ALPHABET, CODE_LENGTH
from practice.services.measures import (
    GoalView,
    MeasureInput,
    MeasureView,
    RiskAlertView,
    goals_for,
    record_measure,
)
from practice.sheets.fillable import SheetImportError
from practice.sheets.measure_form import (
    DIFFICULTY_FIELD,
    FilledMeasureForm,
    GoalLine,
    MeasureFormRequest,
    NewerFormError,
    read_measure_form,
    render_measure_form,
)
from practice.sheets.sheet import Paper
from practice.text import QT_TRANSLATE_NOOP, Text, joined

CODE_ATTEMPTS = 50
RISK_UNANSWERED = QT_TRANSLATE_NOOP(
    "measure_forms",
    "Question 9 (thoughts of being better off dead or of hurting yourself) was not "
    "answered: ask about it.",
)


class MeasureFormError(ServiceError):
    """A returned measure form cannot be recorded; nothing was changed."""


@dataclass(frozen=True)
class MeasureFormView:
    id: int
    code: str
    client_id: int
    kind: MeasureKind
    language: Language
    large_print: bool
    fillable: bool
    created_at: datetime


@dataclass(frozen=True)
class ImportedForm:
    """A fillable form recorded: the form, the measure, the alert it raised, and what
    was worth a look (an unreadable date, unanswered items)."""

    form: MeasureFormView
    measure: MeasureView
    alert: RiskAlertView | None
    problems: tuple[str, ...]


def new_code(db: Session) -> str:
    """A fresh form code (the assignments' alphabet), retried until it is not in use."""
    for _ in range(CODE_ATTEMPTS):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if db.scalar(select(MeasureForm.id).where(MeasureForm.code == code)) is None:
            return code
    raise RuntimeError("could not find a free measure form code")  # pragma: no cover


def _view(row: MeasureForm) -> MeasureFormView:
    return MeasureFormView(
        id=row.id,
        code=row.code,
        client_id=row.client_id,
        kind=MeasureKind(row.kind),
        language=Language(row.language),
        large_print=row.large_print,
        fillable=row.fillable,
        created_at=row.created_at,
    )


def print_form(
    db: Session,
    client_id: int,
    kind: MeasureKind,
    *,
    language: Language | None = None,
    large_print: bool | None = None,
    fillable: bool = False,
    paper: Paper | None = None,
) -> tuple[MeasureFormView, bytes]:
    """Keep a new form for the client and render it. ``language`` and ``large_print``
    default to the client's own; a goals form needs the client's goals first."""
    client = db.get(Client, client_id)
    if client is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("measure_forms", "That client no longer exists."))
    kind = MeasureKind(kind)
    goals = goals_for(db, client_id) if kind is MeasureKind.GOALS else []
    if kind is MeasureKind.GOALS and not goals:
        raise ValidationError(
            {
                "goals": QT_TRANSLATE_NOOP(
                    "measure_forms",
                    "This client has no goals yet: name one to three goals with them first.",
                )
            }
        )
    row = MeasureForm(
        code=new_code(db),
        client_id=client_id,
        kind=kind,
        language=language or client.language,
        large_print=client.large_print if large_print is None else large_print,
        fillable=fillable,
    )
    db.add(row)
    db.flush()
    audit.record(db, "measure_form", row.id, "create", f"{kind.value} form {row.id} printed")
    request = MeasureFormRequest(
        code=row.code,
        kind=kind,
        language=row.language,
        name=client.preferred_name or client.first_name,
        large_print=row.large_print,
        fillable=fillable,
        paper=paper or system_paper(),
        goals=tuple(GoalLine(g.id, g.text, g.higher_is_better) for g in goals),
    )
    return _view(row), render_measure_form(request)


def form_by_code(db: Session, code: str) -> MeasureFormView:
    """The form printed with ``code`` (spaces and case forgiven)."""
    wanted = re.sub(r"\s+", "", code or "").upper()
    row = db.scalar(select(MeasureForm).where(MeasureForm.code == wanted)) if wanted else None
    if (
        row is None
        and wanted
        and db.scalar(select(HomeworkAssignment.id).where(HomeworkAssignment.code == wanted))
    ):
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "measure_forms",
                "The code {code} is a homework sheet's, not an outcome-measure form's. A "
                "returned homework sheet goes into its review: import the filled sheet "
                "(Import a filled sheet…, or practice import-sheet).",
            ).format(code=wanted)
        )
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "measure_forms",
                "No form was printed with the code {code}. Check the code on the form.",
            ).format(code=wanted or "—")
        )
    return _view(row)


def _own_form(db: Session, code: str, client_id: int | None) -> MeasureFormView:
    form = form_by_code(db, code)
    if client_id is not None and form.client_id != client_id:
        raise MeasureFormError(
            QT_TRANSLATE_NOOP(
                "measure_forms",
                "This form (code {code}) was printed for another client. Nothing was recorded.",
            ).format(code=form.code)
        )
    done = db.scalar(select(Measure).where(Measure.form_id == form.id).limit(1))
    if done is not None:
        raise MeasureFormError(
            QT_TRANSLATE_NOOP(
                "measure_forms",
                "This form (code {code}) was already recorded, taken on {day}. Nothing "
                "was recorded again; remove that measure first to record the form anew.",
            ).format(code=form.code, day=done.taken_on.isoformat())
        )
    return form


def record_paper_form(
    db: Session,
    code: str,
    *,
    taken_on: date,
    answers: Sequence[int | None] = (),
    difficulty: int | None = None,
    ratings: Sequence[tuple[int, int]] = (),
    appointment_id: int | None = None,
    client_id: int | None = None,
) -> tuple[MeasureView, RiskAlertView | None]:
    """Record a returned paper form by its code (source PAPER, linked to the form)."""
    form = _own_form(db, code, client_id)
    printed = local_date(form.created_at)
    if taken_on < printed:
        raise ValidationError(
            {
                "taken_on": QT_TRANSLATE_NOOP(
                    "measure_forms",
                    "This form was printed on {printed}, so it cannot have been filled in on "
                    "{day}. Check the day it was filled in.",
                ).format(printed=printed, day=taken_on)
            }
        )
    if form.kind is not MeasureKind.GOALS and all(a is None for a in answers):
        raise MeasureFormError(
            QT_TRANSLATE_NOOP(
                "measure_forms", "Nothing was ticked on this form; nothing was recorded."
            )
        )
    return record_measure(
        db,
        MeasureInput(
            client_id=form.client_id,
            kind=form.kind,
            taken_on=taken_on,
            source=MeasureSource.PAPER,
            answers=answers,
            difficulty=difficulty,
            ratings=ratings,
            appointment_id=appointment_id,
            form_id=form.id,
        ),
    )


def read_form(pdf_bytes: bytes) -> FilledMeasureForm | None:
    """A fillable measure form's answers; None when the PDF is not a measure form."""
    try:
        return read_measure_form(pdf_bytes)
    except SheetImportError as exc:
        raise MeasureFormError(str(exc)) from exc


def is_measure_form(pdf_bytes: bytes) -> bool:
    """Is this PDF a measure form (else: a homework sheet, or not ours)?"""
    try:
        return read_measure_form(pdf_bytes) is not None
    except NewerFormError:
        return True  # a measure form: importing it says it is a newer version's
    except SheetImportError:
        return False


def form_date(text: str, today: date) -> date | None:
    """The date written on a form: day/month/year (also with - or .; a 2-digit year is
    20xx) or ISO year-month-day; None when it cannot be read or lies after ``today``."""
    text = text.strip()
    found = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if found:
        year, month, day = (int(g) for g in found.groups())
    else:
        found = re.fullmatch(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})", text)
        if found is None:
            return None
        day, month, year = (int(g) for g in found.groups())
        year += 2000 if year < 100 else 0
    try:
        taken = date(year, month, day)
    except ValueError:
        return None
    return taken if taken <= today else None


def _unreadable(name: str, value: str) -> Text:
    """ "question 9: two answers ticked", "question 3: '7' is not one of 0–3"."""
    where: str
    if name == DIFFICULTY_FIELD:
        where = QT_TRANSLATE_NOOP("measure_forms", "the last question (how difficult)")
        top = 3
    elif name.startswith("g"):
        where = QT_TRANSLATE_NOOP("measure_forms", "goal {number}").format(number=name[1:])
        top = RATING_MAX
    else:
        where = QT_TRANSLATE_NOOP("measure_forms", "question {number}").format(number=name[1:])
        top = 3
    shown = "".join(ch if ch.isprintable() else "\ufffd" for ch in value[:20])
    if not value:
        return QT_TRANSLATE_NOOP("measure_forms", "{where}: two answers ticked").format(where=where)
    return QT_TRANSLATE_NOOP("measure_forms", "{where}: '{value}' is not one of 0–{top}").format(
        where=where, value=shown, top=top
    )


@dataclass(frozen=True)
class FormPreview:
    """What a returned fillable form would record (nothing written yet)."""

    form: MeasureFormView
    data: MeasureInput
    score: Score | None  # PHQ-9, GAD-7
    goals: tuple[GoalView, ...]  # goals: the client's current goals
    problems: tuple[str, ...]


def preview_fillable(
    db: Session,
    pdf_bytes: bytes,
    *,
    client_id: int | None = None,
    appointment_id: int | None = None,
    today: date | None = None,
) -> FormPreview:
    """Read and check a returned fillable measure form; writes nothing."""
    filled = read_form(pdf_bytes)
    if filled is None:
        raise MeasureFormError(
            QT_TRANSLATE_NOOP("measure_forms", "This PDF is not a Practice measure form.")
        )
    form = _own_form(db, filled.code, client_id)
    goal_ids = {g.id for g in goals_for(db, form.client_id)}
    if (
        filled.kind is not form.kind
        or filled.language is not form.language
        or (form.kind is MeasureKind.GOALS and not set(filled.goal_ids) <= goal_ids)
    ):
        raise MeasureFormError(
            QT_TRANSLATE_NOOP(
                "measure_forms",
                "This form (code {code}) does not match the form printed with that code "
                "(it was edited, or the client's goals changed since). Nothing was "
                "recorded; enter its answers by hand.",
            ).format(code=form.code)
        )
    if filled.unreadable:
        raise MeasureFormError(
            QT_TRANSLATE_NOOP(
                "measure_forms",
                "Some answers on this form cannot be read: {problems}. Nothing was recorded "
                "and the file was left as it is. Ask the client about these questions, then "
                "enter the form's answers by hand (Enter a returned form).",
            ).format(problems=joined((_unreadable(n, v) for n, v in filled.unreadable), "; "))
        )
    today = today or now_utc().date()
    problems: list[str] = []
    taken_on = form_date(filled.date_text, today) if filled.date_text else None
    if taken_on is not None and taken_on < local_date(form.created_at):
        taken_on = None  # before the form was printed: a slip of the pen
    if taken_on is None:
        taken_on = today
        if filled.date_text:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "measure_forms",
                    "The date on the form could not be read (or is in the future, or "
                    "before the form was printed); today's date was used.",
                )
            )
    if form.kind is MeasureKind.GOALS:
        ratings = [
            (goal, rating)
            for goal, rating in zip(filled.goal_ids, filled.ratings, strict=True)
            if rating is not None
        ]
        if not ratings:
            raise MeasureFormError(
                QT_TRANSLATE_NOOP(
                    "measure_forms", "Nothing was ticked on this form; nothing was recorded."
                )
            )
        data = MeasureInput(
            client_id=form.client_id, kind=form.kind, taken_on=taken_on,
            source=MeasureSource.FILLABLE, ratings=ratings, form_id=form.id,
            appointment_id=appointment_id,
        )  # fmt: skip
    else:
        if all(a is None for a in filled.answers):
            raise MeasureFormError(
                QT_TRANSLATE_NOOP(
                    "measure_forms", "Nothing was ticked on this form; nothing was recorded."
                )
            )
        unanswered = [str(n) for n, a in enumerate(filled.answers, start=1) if a is None]
        if unanswered:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "measure_forms", "Unanswered questions, kept as unanswered: {items}."
                ).format(items=", ".join(unanswered))
            )
        data = MeasureInput(
            client_id=form.client_id, kind=form.kind, taken_on=taken_on,
            source=MeasureSource.FILLABLE, answers=filled.answers,
            difficulty=filled.difficulty, form_id=form.id, appointment_id=appointment_id,
        )  # fmt: skip
    scored = score(form.kind.instrument, data.answers) if form.kind.instrument else None
    if scored is not None and scored.risk_item_unanswered:
        problems.append(RISK_UNANSWERED)
    goals = tuple(goals_for(db, form.client_id))
    return FormPreview(form, data, scored, goals, tuple(problems))


def record_preview(db: Session, preview: FormPreview) -> ImportedForm:
    """Record what :func:`preview_fillable` found (the form's checks made again)."""
    _own_form(db, preview.form.code, None)
    measure, alert = record_measure(db, preview.data)
    return ImportedForm(preview.form, measure, alert, preview.problems)


def import_fillable(
    db: Session,
    pdf_bytes: bytes,
    *,
    client_id: int | None = None,
    appointment_id: int | None = None,
    today: date | None = None,
) -> ImportedForm:
    """Record a returned fillable measure form (source FILLABLE, linked to its form)."""
    preview = preview_fillable(
        db, pdf_bytes, client_id=client_id, appointment_id=appointment_id, today=today
    )
    return record_preview(db, preview)
