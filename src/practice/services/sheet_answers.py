"""The answers of returned fillable sheets: kept per review, read back for the therapist.

:func:`store` replaces a review's answers with a sheet's (one import, one set);
:func:`for_review` reads them back in sheet order; :func:`returned_sheets` gives a
client's latest returned sheets for the prep view, with sleep efficiency per night
when the sheet was a sleep diary (``practice.domain.sleep``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from practice.db.models import Appointment, HomeworkAssignment, HomeworkReview, SheetAnswer
from practice.domain.sleep import SleepEfficiency, SleepNight, night_problem, sleep_efficiency
from practice.sheets.answers import CheckedAnswer, where_text
from practice.sheets.fillable import slot_order

# The sleep diary's keys (and the older names of the same items).
SLEEP_KEYS: dict[str, tuple[str, ...]] = {
    "bed_time": ("bed_time", "bedtime"),
    "try_sleep_time": ("try_sleep_time", "lights_out"),
    "minutes_to_sleep": ("minutes_to_sleep", "sleep_latency"),
    "awakenings": ("awakenings",),
    "minutes_awake": ("minutes_awake", "wake_duration"),
    "final_wake_time": ("final_wake_time", "final_wake"),
    "out_of_bed_time": ("out_of_bed_time", "out_of_bed"),
}


@dataclass(frozen=True)
class StoredAnswer:
    """One stored answer, for display: where, label, value; raw; flagged why."""

    block: str
    slot: str | None
    field_key: str
    option: int | None
    label: str
    raw: str
    value: str
    number: int | None
    problem: str | None

    @property
    def where(self) -> str:
        return where_text(self.block, self.slot)

    @property
    def own_words(self) -> str | None:
        """The client's words when they differ from the value shown (a Spanish option)."""
        return self.raw if self.raw and self.raw not in (self.value, "") else None


@dataclass(frozen=True)
class NightEfficiency:
    block: str  # d1 …
    efficiency: SleepEfficiency


@dataclass(frozen=True)
class ReturnedSheet:
    """A client's sheet that came back by fillable PDF, as the prep view shows it."""

    review_id: int
    assignment_title: str
    session_at: datetime
    answers: tuple[StoredAnswer, ...]
    nights: tuple[NightEfficiency, ...]  # sleep diaries only
    nights_left_out: int = 0  # nights whose times do not add up (no efficiency)

    @property
    def flagged(self) -> int:
        return sum(1 for a in self.answers if a.problem)

    @property
    def mean_efficiency(self) -> int | None:
        """Mean sleep efficiency (%) of the nights that add up; None without any."""
        if not self.nights:
            return None
        return round(sum(n.efficiency.percent for n in self.nights) / len(self.nights))


def store(db: Session, review_id: int, assignment_id: int, answers: Iterable[CheckedAnswer]) -> int:
    """Replace the answers kept for ``review_id`` with ``answers``; returns how many."""
    db.execute(delete(SheetAnswer).where(SheetAnswer.review_id == review_id))
    rows = [
        SheetAnswer(
            review_id=review_id,
            assignment_id=assignment_id,
            name=a.name,
            block=a.block,
            slot=a.slot,
            field_key=a.key,
            option=a.option,
            kind=a.kind.value,
            scale_max=a.scale_max,
            label=a.label[:300],
            raw=a.raw,
            value=a.value,
            number=a.number,
            problem=a.problem,
        )  # fmt: skip
        for a in answers
    ]
    db.add_all(rows)
    db.flush()
    return len(rows)


def _order(row: SheetAnswer) -> tuple[str, int, tuple[int, int, int], int, int]:
    return (row.block[0], int(row.block[1:]), slot_order(row.slot), row.id, row.option or -1)


def _view(row: SheetAnswer) -> StoredAnswer:
    return StoredAnswer(
        row.block, row.slot, row.field_key, row.option, row.label, row.raw, row.value,
        row.number, row.problem,
    )  # fmt: skip


def checked_view(answer: CheckedAnswer) -> StoredAnswer:
    """An answer just read from a returned sheet, as it will be kept."""
    a = answer
    return StoredAnswer(
        a.block, a.slot, a.key, a.option, a.label, a.raw, a.value, a.number, a.problem
    )


def for_review(db: Session, review_id: int) -> tuple[StoredAnswer, ...]:
    """The answers kept for one review, in the order of the sheet."""
    rows = db.scalars(select(SheetAnswer).where(SheetAnswer.review_id == review_id)).all()
    return tuple(_view(r) for r in sorted(rows, key=_order))


def for_appointment(db: Session, appointment_id: int) -> dict[int, tuple[StoredAnswer, ...]]:
    """Assignment id -> the answers of its sheet imported into this session's review."""
    rows = db.scalars(
        select(SheetAnswer)
        .join(HomeworkReview, HomeworkReview.id == SheetAnswer.review_id)
        .where(HomeworkReview.appointment_id == appointment_id)
    ).all()
    found: dict[int, list[SheetAnswer]] = {}
    for row in rows:
        found.setdefault(row.assignment_id, []).append(row)
    return {a: tuple(_view(r) for r in sorted(rs, key=_order)) for a, rs in found.items()}


def count_for_review(db: Session, review_id: int) -> int:
    return len(db.scalars(select(SheetAnswer.id).where(SheetAnswer.review_id == review_id)).all())


def _sleep_nights(answers: Iterable[StoredAnswer]) -> dict[str, SleepNight]:
    alias = {old: new for new, names in SLEEP_KEYS.items() for old in names}
    by_block: dict[str, dict[str, int]] = {}
    for a in answers:
        if a.field_key in alias and a.option is None and a.number is not None and not a.problem:
            by_block.setdefault(a.block, {})[alias[a.field_key]] = a.number
    return {block: SleepNight(**values) for block, values in by_block.items()}


def nights(answers: Iterable[StoredAnswer]) -> tuple[NightEfficiency, ...]:
    """Sleep efficiency of each day block that holds a computable night whose times
    add up (``domain.sleep.night_problem``)."""
    found = []
    for block, night in _sleep_nights(answers).items():
        efficiency = sleep_efficiency(night)
        if efficiency is not None:
            found.append(NightEfficiency(block, efficiency))
    return tuple(sorted(found, key=lambda n: int(n.block[1:])))


def nights_left_out(answers: Iterable[StoredAnswer]) -> int:
    """Nights left out of the efficiency figures because their times do not add up."""
    return sum(1 for n in _sleep_nights(answers).values() if night_problem(n))


def returned_sheets(db: Session, client_id: int, limit: int = 3) -> list[ReturnedSheet]:
    """The client's latest ``limit`` reviews that hold a returned sheet's answers."""
    rows = db.execute(
        select(HomeworkReview.id, HomeworkAssignment.title, Appointment.starts_at)
        .join(HomeworkAssignment, HomeworkAssignment.id == HomeworkReview.assignment_id)
        .join(Appointment, Appointment.id == HomeworkReview.appointment_id)
        .where(
            HomeworkAssignment.client_id == client_id,
            HomeworkReview.id.in_(select(SheetAnswer.review_id)),
        )
        .order_by(Appointment.starts_at.desc(), HomeworkReview.id.desc())
        .limit(limit)
    ).all()
    sheets = []
    for review_id, title, starts_at in rows:
        answers = for_review(db, review_id)
        sheets.append(
            ReturnedSheet(
                review_id, title, starts_at, answers, nights(answers), nights_left_out(answers)
            )
        )
    return sheets
