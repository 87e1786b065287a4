"""A returned fillable sheet, back into a homework review (docs/clinical.md, Beyond paper).

Two steps, so the therapist sees what was found before anything is written:

1. :func:`preview_filled` reads the PDF, checks its seal (``services.sheet_seal``) and
   finds its assignment; it returns every answer read and judged
   (``sheets.answers``: flagged values say why), a suggested review and the session
   it goes to: the one the sheet was printed for, when that session is attended;
   else none, and the therapist chooses. It writes nothing. Refused with a
   :class:`FilledImportError` and a message to show: a PDF that is not ours, is
   damaged, unsealed, edited or forged (its code, appointment, print date, template,
   level, language or blocks changed; another practice's), with day or entry blocks
   other than the ones printed (d1 … d7 exactly: no d0, no d01) or any form field the
   printed sheet did not have, of another client than the one open, or whose
   homework was dropped or replaced; a session held before the sheet was printed;
   and a sheet already imported into another review (one sheet, one review: the
   therapist replaces that review instead).
2. :func:`apply_filled` writes the review the therapist confirmed (or changed) in the
   chosen session, and keeps every answer with it (``services.sheet_answers``).
   When that session already reviewed this homework, nothing is written unless
   ``replace`` is given (:func:`changes` says what would change, old and new); then
   the sheet's figures (brought, completion, days recorded) and answers replace the
   old ones and the rest of that review (ratings, barriers, strategies, note) stays.
   Which review holds which sheet is kept in ``practice_meta`` (``sheet_import:<mac>``).

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

import math
import os
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from practice.db.models import Appointment, HomeworkAssignment, HomeworkReview, PracticeMeta
from practice.db.models.meta import SHEET_SEAL_KEY
from practice.domain.adherence import comes_after
from practice.domain.inputs import ReviewInput
from practice.domain.views import AppointmentView, local_date
from practice.domain.vocabulary import (
    COMPLETION_ANCHORS,
    AppointmentStatus,
    AssignmentStatus,
    Frequency,
    Language,
    LiteracyLevel,
)
from practice.services import appointments, audit, clients, homework, reviews, sheet_answers
from practice.services.errors import NotFoundError, ServiceError
from practice.services.homework import AssignmentView
from practice.services.reviews import ReviewView
from practice.sheets.answers import CheckedAnswer, blocks_recorded, check_answers
from practice.sheets.fillable import (
    FilledSheet,
    SheetImportError,
    names_digest,
    read_filled_sheet,
    seal_matches,
)
from practice.sheets.model import FieldKind, Layout, SheetText
from practice.sheets.templates import TemplateLibrary
from practice.text import QT_TRANSLATE_NOOP

WEEK_DAYS = 7
SCALE_TOP = {
    LiteracyLevel.STANDARD: 100,
    LiteracyLevel.PLAIN: 10,
    LiteracyLevel.EASY: 4,
    LiteracyLevel.PICTORIAL: 2,
}
NOT_SEALED = (
    "This sheet's code cannot be checked: it was printed without a seal (by an older "
    "version of Practice, or as a blank sheet). Print the sheet again and send the new "
    "one, or enter its answers by hand in the review."
)
UNPRINTED_FIELDS = (
    "This file has fields the printed sheet did not have ({found} form fields; the "
    "sheet was printed with {printed}); it may have been edited. Nothing was imported."
)
IMPORTED_KEY = "sheet_import:"  # + the seal's mac -> the review holding that sheet
FORGED = (
    "The code on this sheet does not match its seal: the sheet was edited after it "
    "was printed (its code, session, template, level, language or number of days or "
    "entries), or it was made by another practice. Nothing was imported."
)


class FilledImportError(ServiceError):
    """The returned sheet cannot be imported; nothing was changed."""


class ReviewExistsError(FilledImportError):
    """The session already reviewed this homework: replacing it must be asked for."""

    def __init__(self, message: str, lines: tuple[ChangeLine, ...]) -> None:
        super().__init__(message)
        self.lines = lines


@dataclass(frozen=True)
class ChangeLine:
    """One thing a replacing import changes: ("Completion", "1 started", "3 most")."""

    what: str
    old: str
    new: str


@dataclass(frozen=True)
class FilledPreview:
    assignment: AssignmentView
    client_name: str  # "Last, First (Preferred)"
    days_recorded: int
    expected: int | None  # days or entries the homework asked for (None: each time)
    ratings: tuple[int, ...]  # the valid ratings, in sheet order
    rating_top: int  # the level's scale runs 0..rating_top
    answers: tuple[CheckedAnswer, ...]  # every answer, flagged ones with their problem
    suggested: ReviewInput
    problems: tuple[str, ...]  # worth a look, but no reason to refuse
    sheet_level: LiteracyLevel
    sheet_language: Language
    sessions: tuple[AppointmentView, ...] = ()  # where it can be reviewed, newest first
    printed_for: int | None = None  # the appointment the sheet was printed for
    session_id: int | None = None  # where it goes: printed_for when it can; else ask
    session_question: str | None = None  # why the therapist must choose the session
    seal_mac: str | None = None  # identifies this printed sheet (one sheet, one review)
    printed_on: date | None = None  # the day the sheet was printed

    @property
    def flagged(self) -> tuple[CheckedAnswer, ...]:
        return tuple(a for a in self.answers if a.problem)


# ---- the file ------------------------------------------------------------------------

MAX_PDF_BYTES = 50 * 1024 * 1024


def read_sheet_file(path: Path) -> bytes:
    """The bytes of a returned sheet: a regular file of at most ``MAX_PDF_BYTES``.

    A device (/dev/zero), a named pipe (which would wait forever) or a folder is
    refused, whatever a link to it is called; at most one byte past the limit is read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block
    except OSError as exc:
        raise FilledImportError(
            QT_TRANSLATE_NOOP("filled_import", "{name} could not be read ({value}).").format(
                name=path.name, value=exc.strerror or exc
            )
        ) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise FilledImportError(
                QT_TRANSLATE_NOOP(
                    "filled_import",
                    "{name} is not a regular file (a device, pipe or folder): choose the PDF "
                    "the client sent back.",
                ).format(name=path.name)
            )
        with os.fdopen(os.dup(fd), "rb") as file:
            data = file.read(MAX_PDF_BYTES + 1)
    except OSError as exc:
        raise FilledImportError(
            QT_TRANSLATE_NOOP("filled_import", "{name} could not be read ({value}).").format(
                name=path.name, value=exc.strerror or exc
            )
        ) from exc
    finally:
        os.close(fd)
    if len(data) > MAX_PDF_BYTES:
        raise FilledImportError(
            QT_TRANSLATE_NOOP(
                "filled_import",
                "{name} is larger than {value} MB: too large to be a filled sheet. "
                "Nothing was imported.",
            ).format(name=path.name, value=MAX_PDF_BYTES // (1024 * 1024))
        )
    return data


# ---- the suggestion ---------------------------------------------------------------


def expected_entries(assignment: AssignmentView, blocks: int, kind: str = "d") -> int | None:
    """How many of the printed days (``kind`` "d") or entries ("e") should hold an
    answer when the homework is done as agreed.

    The sheet was printed for the agreed days and, for event records, with as many
    entries as the frequency asks, so the printed blocks are the expectation; only
    n-per-week homework on a day-by-day sheet expects n of every 7 printed days.
    """
    blocks = max(1, blocks)
    if assignment.frequency == Frequency.EACH_TIME:
        return None
    if assignment.frequency == Frequency.PER_WEEK and kind == "d":
        per_week = assignment.times_per_week or 1
        return min(blocks, max(1, math.ceil(per_week * blocks / WEEK_DAYS)))
    return blocks


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


def _seal_key(db: Session) -> bytes | None:
    row = db.get(PracticeMeta, SHEET_SEAL_KEY)
    return bytes.fromhex(row.value) if row is not None else None


def _assignment(db: Session, filled: FilledSheet) -> AssignmentView:
    """The sheet's assignment, once its seal and blocks check out."""
    if filled.seal is None:
        if not filled.code:
            raise FilledImportError(
                QT_TRANSLATE_NOOP(
                    "filled_import",
                    "This is a blank sheet without an assignment code, so it cannot be "
                    "matched to homework. Enter its answers by hand in the review.",
                )
            )
        raise FilledImportError(NOT_SEALED)
    key = _seal_key(db)
    if key is None or not seal_matches(key, filled.seal, filled.kinds_field):
        raise FilledImportError(FORGED)
    try:
        a = homework.get(db, filled.seal.assignment_id)
    except NotFoundError:
        raise FilledImportError(
            QT_TRANSLATE_NOOP(
                "filled_import",
                "The homework of this sheet (code {code}) is no longer in this practice.",
            ).format(code=filled.code)
        ) from None
    if a.code != filled.code:
        raise FilledImportError(FORGED)
    _refuse_extra_blocks(filled)
    _refuse_unprinted_fields(filled)
    return a


def _refuse_extra_blocks(filled: FilledSheet) -> None:
    """Only the blocks printed, named exactly so (d1 … d7: not d0, d01 or d8)."""
    seal = filled.seal
    assert seal is not None
    what = "day" if seal.block_kind == "d" else "entry"
    printed = set(seal.printed_blocks())
    extra = [b for b in filled.blocks_found if b not in printed]
    if extra:
        found = len(filled.blocks_found)
        shown = ", ".join(extra[:5]) + ("…" if len(extra) > 5 else "")
        raise FilledImportError(
            QT_TRANSLATE_NOOP(
                "filled_import",
                "This sheet has {found} {what} blocks, but {blocks} were printed "
                "({block_kind}1 to {block_kind}{blocks}): blocks were added after "
                "printing ({shown}). Nothing was imported.",
            ).format(
                found=found, what=what, blocks=seal.blocks, block_kind=seal.block_kind, shown=shown
            )
        )


def _refuse_unprinted_fields(filled: FilledSheet) -> None:
    """Every form field must be one the sheet printed: the seal covers their names."""
    seal = filled.seal
    assert seal is not None
    if names_digest(filled.field_names) != (seal.field_count, seal.field_digest):
        raise FilledImportError(
            UNPRINTED_FIELDS.format(
                found=f"{len(filled.field_names):,}", printed=f"{seal.field_count:,}"
            )
        )


def _refuse_unreviewable(db: Session, a: AssignmentView) -> None:
    if a.status == AssignmentStatus.DROPPED:
        raise FilledImportError(
            QT_TRANSLATE_NOOP(
                "filled_import",
                "This sheet is for “{title}” (code {code}), which was dropped "
                "({reason}). Dropped homework is not reviewed.",
            ).format(title=a.title, code=a.code, reason=a.status_reason)
            if a.status_reason
            else QT_TRANSLATE_NOOP(
                "filled_import",
                "This sheet is for “{title}” (code {code}), which was dropped. "
                "Dropped homework is not reviewed.",
            ).format(title=a.title, code=a.code)
        )
    if a.status == AssignmentStatus.REPLACED:
        newer: str = ""
        if a.replaced_by_id is not None:
            newer = QT_TRANSLATE_NOOP("filled_import", " by code {code}").format(
                code=homework.get(db, a.replaced_by_id).code
            )
        raise FilledImportError(
            QT_TRANSLATE_NOOP(
                "filled_import",
                "This sheet is for “{title}” (code {code}), which was replaced{newer}. "
                "Replaced homework is not reviewed; review the task that replaced it.",
            ).format(title=a.title, code=a.code, newer=newer)
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
    appointment_id: int | None = None,
) -> FilledPreview:
    """What a returned fillable sheet holds and the review it suggests; writes nothing.

    ``appointment_id`` chooses the session (else: the one the sheet was printed for).
    """
    filled = _read(pdf_bytes)
    a = _assignment(db, filled)
    if client_id is not None and a.client_id != client_id:
        raise FilledImportError(
            QT_TRANSLATE_NOOP(
                "filled_import",
                "This sheet (code {code}) is the homework of another client, not of the "
                "client open now. Open that client to import it.",
            ).format(code=a.code)
        )
    _refuse_unreviewable(db, a)
    client = clients.get(db, a.client_id)
    own, shown = _variant(templates, filled.template, filled.level, filled.language)
    answers = check_answers(filled, shown, own)
    recorded = blocks_recorded(answers, filled.seal.blocks if filled.seal else None)

    problems: list[str] = []
    if filled.template != a.template_key:
        problems.append(
            QT_TRANSLATE_NOOP(
                "filled_import",
                "The sheet is a “{sheet}” sheet but the homework now uses “{now}”: it was "
                "changed after this sheet was sent.",
            ).format(sheet=filled.template, now=a.template_key)
        )
    elif (filled.level, filled.language) != (a.level, a.language):
        problems.append(
            QT_TRANSLATE_NOOP(
                "filled_import",
                "The sheet was printed at the {level} level in {language}; the homework "
                "is now {now_level} in {now_language}.",
            ).format(
                level=filled.level.value,
                language=filled.language.label,
                now_level=a.level.value,
                now_language=a.language.label,
            )
        )
    if recorded == 0:
        problems.append(QT_TRANSLATE_NOOP("filled_import", "Nothing was filled in on this sheet."))
    flagged = sum(1 for x in answers if x.problem)
    if flagged:
        problems.append(
            (
                QT_TRANSLATE_NOOP(
                    "filled_import",
                    "{count} answer does not fit the sheet (marked in red): kept as "
                    "written, for you to check with the client.",
                )
                if flagged == 1
                else QT_TRANSLATE_NOOP(
                    "filled_import",
                    "{count} answers do not fit the sheet (marked in red): kept as "
                    "written, for you to check with the client.",
                )
            ).format(count=flagged)
        )
    left = sheet_answers.nights_left_out(map(sheet_answers.checked_view, answers))
    if left:
        problems.append(
            (
                QT_TRANSLATE_NOOP(
                    "filled_import",
                    "The times of {count} night do not add up (out of order, or more than "
                    "16 hours in bed): left out of sleep efficiency, for you to check with "
                    "the client.",
                )
                if left == 1
                else QT_TRANSLATE_NOOP(
                    "filled_import",
                    "The times of {count} nights do not add up (out of order, or more than "
                    "16 hours in bed): left out of sleep efficiency, for you to check with "
                    "the client.",
                )
            ).format(count=left)
        )
    seal = filled.seal
    assert seal is not None
    expected = expected_entries(a, seal.blocks, seal.block_kind)
    if expected is None and recorded:
        problems.append(
            QT_TRANSLATE_NOOP(
                "filled_import",
                "This homework is done each time something happens; the sheet cannot say "
                "how often it happened, so ask before confirming the completion.",
            )
        )
    sessions = tuple(review_sessions(db, a, printed_on=seal.printed_on))
    printed_for = seal.appointment_id
    held_in = imported_into(db, seal.mac)
    if (
        appointment_id is None
        and held_in is not None
        and held_in.appointment_id in {s.id for s in sessions}
    ):
        appointment_id = held_in.appointment_id  # its review is the one to replace
    chosen, question = _session(db, sessions, printed_for, appointment_id, seal.printed_on)
    if chosen is not None:
        _refuse_reimport(db, held_in, chosen)
    return FilledPreview(
        assignment=a,
        client_name=client.display_name,
        days_recorded=recorded,
        expected=expected,
        ratings=tuple(
            x.number
            for x in answers
            if x.kind is FieldKind.RATING and x.number is not None and not x.problem
        ),  # fmt: skip
        rating_top=SCALE_TOP[filled.level],
        answers=answers,
        suggested=ReviewInput(
            brought=True,
            completion=suggest_completion(recorded, expected),
            days_recorded=recorded,
        ),  # fmt: skip
        problems=tuple(problems),
        sheet_level=filled.level,
        sheet_language=filled.language,
        sessions=sessions,
        printed_for=printed_for,
        session_id=chosen,
        session_question=question,
        seal_mac=seal.mac,
        printed_on=seal.printed_on,
    )


def imported_into(db: Session, mac: str | None) -> HomeworkReview | None:
    """The review that already holds the sheet sealed with ``mac``, if one does."""
    if not mac:
        return None
    row = db.get(PracticeMeta, IMPORTED_KEY + mac)
    if row is None or not row.value.isdigit():
        return None
    return db.get(HomeworkReview, int(row.value))


def _refuse_reimport(db: Session, held_in: HomeworkReview | None, appointment_id: int) -> None:
    """One printed sheet, one review: another session's review is refused."""
    if held_in is None or held_in.appointment_id == appointment_id:
        return
    held = db.get(Appointment, held_in.appointment_id)
    day = _day(local_date(held.starts_at)) if held else "another day"
    raise FilledImportError(
        QT_TRANSLATE_NOOP(
            "filled_import",
            "This sheet was already imported into the review of the session on "
            "{day}. One sheet goes into one review: import it there again (replacing "
            "that review) or enter a different week's answers by hand. Nothing was "
            "imported.",
        ).format(day=day)
    )


def _remember_import(db: Session, mac: str | None, review_id: int) -> None:
    """Note that ``review_id`` holds the sheet sealed with ``mac`` (and no other)."""
    stale = db.scalars(
        select(PracticeMeta).where(
            PracticeMeta.key.startswith(IMPORTED_KEY), PracticeMeta.value == str(review_id)
        )
    ).all()
    for row in stale:
        db.delete(row)
    db.flush()
    if mac:
        db.add(PracticeMeta(key=IMPORTED_KEY + mac, value=str(review_id)))
        db.flush()


def _session(
    db: Session,
    sessions: tuple[AppointmentView, ...],
    printed_for: int | None,
    asked: int | None,
    printed_on: date | None = None,
) -> tuple[int | None, str | None]:
    """(the session the import goes to, or None and why the therapist must choose)."""
    ids = {s.id for s in sessions}
    if asked is not None:
        _refuse_before_print(db, asked, printed_on)
        if asked not in ids:
            raise FilledImportError(
                QT_TRANSLATE_NOOP(
                    "filled_import",
                    "Appointment {asked} cannot review this homework: it must be an attended "
                    "session of this client after the homework was set (those: {ids}).",
                ).format(asked=asked, ids=", ".join(str(i) for i in sorted(ids)))
                if ids
                else QT_TRANSLATE_NOOP(
                    "filled_import",
                    "Appointment {asked} cannot review this homework: it must be an attended "
                    "session of this client after the homework was set.",
                ).format(asked=asked)
            )
        return asked, None
    if printed_for in ids:
        return printed_for, None
    if printed_for is None:
        return None, (
            "The sheet does not say which session it was printed for: choose the session "
            "where it came back."
        )
    row = db.get(Appointment, printed_for)
    if row is None:
        return None, (
            "The session this sheet was printed for no longer exists: choose the session "
            "where it came back."
        )
    day = _day(local_date(row.starts_at))
    if row.status is AppointmentStatus.SCHEDULED:
        return None, (
            f"The sheet was printed for the session on {day}, which has not been held "
            "yet: import it at that session, once it is marked attended."
        )
    return None, (
        f"The sheet was printed for the session on {day}, which is "
        f"{row.status.label.lower()}: choose the session where it came back."
    )


def _day(d: date) -> str:
    """ "Thu 10 Dec 2026": a date as the therapist reads it in a message."""
    return f"{d:%a} {d.day} {d:%b %Y}"


def _refuse_before_print(db: Session, appointment_id: int, printed_on: date | None) -> None:
    row = db.get(Appointment, appointment_id)
    if row is None or printed_on is None:
        return
    held = local_date(row.starts_at)
    if held < printed_on:
        raise FilledImportError(
            QT_TRANSLATE_NOOP(
                "filled_import",
                "The session on {day} was held before this sheet was printed ({day2}): "
                "its answers cannot belong there. Nothing was imported.",
            ).format(day=_day(held), day2=_day(printed_on))
        )


# ---- sessions and writing -----------------------------------------------------------


def review_sessions(
    db: Session, assignment: AssignmentView, *, printed_on: date | None = None
) -> list[AppointmentView]:
    """Attended sessions of the assignment's client that can review it (after it was
    set, and on or after ``printed_on`` when given), newest first."""
    row = db.get(HomeworkAssignment, assignment.id)
    if row is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP(
                "filled_import", "There is no homework assignment with id {id}."
            ).format(id=assignment.id)
        )
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
        r
        for r in rows
        if comes_after(row.assigned_in_id, started, start_date, r.id, r.starts_at)
        and (printed_on is None or local_date(r.starts_at) >= printed_on)
    ]
    return appointments.views(db, fit)


def _merged(existing: ReviewView | None, given: ReviewInput) -> ReviewInput:
    """The sheet's figures; what else the existing review recorded stays."""
    if existing is None:
        return given
    return ReviewInput(
        brought=given.brought,
        completion=given.completion,
        client_rating=_first(given.client_rating, existing.client_rating),
        quality=_first(given.quality, existing.quality),
        days_recorded=given.days_recorded,
        barriers=given.barriers or existing.barriers,
        strategies=given.strategies or existing.strategies,
        note=given.note or existing.note,
    )


def _score(value: int | None) -> str:
    return "—" if value is None else f"{value} ({COMPLETION_ANCHORS.get(value, '?')})"


def changes(
    db: Session, preview: FilledPreview, appointment_id: int, review_input: ReviewInput
) -> tuple[ChangeLine, ...] | None:
    """What importing into ``appointment_id`` would change in the review it already has
    (old, new); None when that session has no review of this homework yet."""
    existing = reviews.review_for(db, preview.assignment.id, appointment_id)
    if existing is None:
        return None
    new = _merged(existing, review_input)
    lines = [
        ChangeLine("Brought the record", _yes(existing.brought), _yes(new.brought)),
        ChangeLine("Completion", _score(existing.completion), _score(new.completion)),
        ChangeLine("Days recorded", _count(existing.days_recorded), _count(new.days_recorded)),
        ChangeLine(
            "Answers from the sheet",
            str(sheet_answers.count_for_review(db, existing.id)),
            str(len(preview.answers)),
        ),
    ]
    return tuple(lines)


def _yes(value: bool | None) -> str:
    return "yes" if value else "no"


def _count(value: int | None) -> str:
    return "not counted" if value is None else str(value)


def apply_filled(
    db: Session,
    preview: FilledPreview,
    appointment_id: int,
    review_input: ReviewInput,
    *,
    replace: bool = False,
) -> ReviewView:
    """Write the confirmed review and every answer of the sheet in ``appointment_id``.

    When that session already reviewed this homework, :class:`ReviewExistsError` (with
    what would change) unless ``replace``.
    """
    a = homework.get(db, preview.assignment.id)
    _refuse_unreviewable(db, a)
    _refuse_before_print(db, appointment_id, preview.printed_on)
    _refuse_reimport(db, imported_into(db, preview.seal_mac), appointment_id)
    existing = reviews.review_for(db, a.id, appointment_id)
    if existing is not None and not replace:
        lines = changes(db, preview, appointment_id, review_input) or ()
        raise ReviewExistsError(
            QT_TRANSLATE_NOOP(
                "filled_import",
                "This session already has a review of this homework; importing the sheet "
                "would replace: {changes}. Confirm replacing it to go on.",
            ).format(
                changes="; ".join(f"{x.what} {x.old} → {x.new}" for x in lines if x.old != x.new)
            ),
            lines,
        )
    merged = _merged(existing, review_input)
    if existing is not None:
        view = reviews.update_review(db, existing.id, merged)
    else:
        view = reviews.review(db, a.id, appointment_id, merged)
    stored = sheet_answers.store(db, view.id, a.id, preview.answers)
    _remember_import(db, preview.seal_mac, view.id)
    audit.record(
        db,
        "homework_review",
        view.id,
        "import_filled",
        f"filled sheet of assignment {a.id} imported into review {view.id} "
        f"({review_input.days_recorded} days recorded, {stored} answers, "
        f"{len(preview.flagged)} flagged{', replacing the review' if existing else ''})",
    )
    return view


def _first(value: int | None, fallback: int | None) -> int | None:
    return value if value is not None else fallback
