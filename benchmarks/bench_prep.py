"""Time the session-prep data for a client with 10 years of weekly sessions (README.md,
Performance: under 50 ms to build), and the one-page PDF made from it.

Run: PYTHONPATH=src python benchmarks/bench_prep.py [--years 10] [--repeat 15]
Prints medians; not a pass/fail test. :func:`build_long_history` (bulk ORM inserts) is
also used by tests/sheets/test_prep_summary.py for the one-page check.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from practice.db import migrate
from practice.db.base import Base
from practice.db.engine import Database
from practice.db.models import (
    Appointment,
    Client,
    ConditioningPeriod,
    DayBeforeCheck,
    HomeworkAssignment,
    HomeworkReview,
    ResistanceObservation,
    ReviewBarrier,
    ReviewStrategy,
    SessionNote,
)
from practice.domain.vocabulary import (
    AppointmentStatus,
    AssignmentStatus,
    Barrier,
    CallDecision,
    CallOutcome,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
    NoteFormat,
    ReminderChannel,
    ResistanceKind,
    StageOfChange,
    Strategy,
)

AS = AppointmentStatus
TITLES = ("Mood log", "Thought record", "Activity schedule", "Sleep diary", "My week")
SENTENCE = (
    "Talked through the week, the hardest evening and what helped; the record showed a "
    "pattern of low mood after long shifts, which we linked to the plan for next week. "
)


def _next_id(session: Session, model: type[Base]) -> int:
    return (session.scalar(select(func.max(model.id))) or 0) + 1  # type: ignore[attr-defined]


def build_long_history(
    session: Session, *, today: date, years: int = 10, seed: int = 1, first_name: str = "Decada"
) -> int:
    """One client with ``years`` of weekly sessions up to ``today``; returns the client id.

    Every session has a note; homework changes every eight weeks and is reviewed each
    session, with barriers and strategies; a few no-shows and cancellations; one ended
    conditional-sessions period with its day-before calls, and one open now.
    """
    rng = random.Random(seed)
    now = datetime.now(UTC)
    client = Client(
        first_name=first_name, last_name="Sintética", preferred_name=None,
        sort_name=f"sintética {first_name.lower()}", identity_key=f"{first_name}-synthetic",
        language=Language.EN, literacy_level=LiteracyLevel.PLAIN,
        stage_of_change=StageOfChange.ACTION, reminder_channel=ReminderChannel.TEXT,
    )  # fmt: skip
    session.add(client)
    session.flush()
    weeks = years * 52
    first = datetime.combine(today - timedelta(weeks=weeks), datetime.min.time(), UTC)
    first += timedelta(days=1 - first.weekday(), hours=10)  # a Tuesday, 10:00 UTC
    ids = {m: _next_id(session, m) for m in (Appointment, HomeworkAssignment, HomeworkReview,
                                               SessionNote, DayBeforeCheck)}  # fmt: skip
    appts: list[dict[str, Any]] = []
    homework: list[dict[str, Any]] = []
    reviews: list[dict[str, Any]] = []
    barriers: list[dict[str, Any]] = []
    strategies: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    observations: list[dict[str, Any]] = []
    checks: list[dict[str, Any]] = []
    cond_start, cond_end = weeks - 130, weeks - 110  # an ended period in year 8
    active: dict[str, Any] | None = None
    ladder = [s for s in Strategy if s is not Strategy.CONDITIONAL_SESSIONS]
    for n in range(weeks + 1):
        starts = first + timedelta(weeks=n)
        aid = ids[Appointment] + n
        status = AS.ATTENDED
        conditional = cond_start <= n < cond_end
        if n % 13 == 7:
            status = AS.NO_SHOW
        elif n % 17 == 9:
            status = AS.CANCELLED_BY_CLIENT
        elif conditional and n % 4 == 1:
            status = AS.CANCELLED_NO_SELF_RECORD
        if starts.date() >= today:
            status = AS.SCHEDULED
        appts.append({"id": aid, "client_id": client.id, "starts_at": starts,
                      "duration_minutes": 50, "status": status})  # fmt: skip
        if conditional and status is not AS.SCHEDULED:
            cancel = status is AS.CANCELLED_NO_SELF_RECORD
            checks.append({
                "id": ids[DayBeforeCheck] + len(checks), "appointment_id": aid,
                "called_at": starts - timedelta(hours=18),
                "outcome": CallOutcome.NOT_DONE if cancel else CallOutcome.DONE,
                "decision": CallDecision.CANCEL if cancel else CallDecision.KEEP,
            })  # fmt: skip
        if status is not AS.ATTENDED:
            continue
        if active is not None:
            rid = ids[HomeworkReview] + len(reviews)
            completion = max(0, min(4, round(rng.gauss(2 + (n % 40) / 20, 1.1))))
            reviews.append({"id": rid, "assignment_id": active["id"], "appointment_id": aid,
                            "brought": completion >= 2, "completion": completion,
                            "client_rating": rng.choice((None, completion, max(0, completion - 1))),
                            "quality": completion, "days_recorded": completion + 2})  # fmt: skip
            if completion < 3:
                for b in rng.sample(list(Barrier), rng.choice((1, 2))):
                    barriers.append({"review_id": rid, "barrier": b})
            if completion < 2 and rng.random() < 0.4:
                strategies.append({"review_id": rid, "strategy": rng.choice(ladder)})
        if n % 8 == 0:
            if active is not None:
                active["status"], active["updated_at"] = AssignmentStatus.REPLACED, starts
            active = {
                "id": ids[HomeworkAssignment] + len(homework), "code": f"TEN{seed}{n:04d}",
                "client_id": client.id, "assigned_in_id": aid, "template_key": "mood_log",
                "title": TITLES[(n // 8) % len(TITLES)], "level": LiteracyLevel.PLAIN,
                "language": Language.EN, "modality": Modality.PAPER,
                "frequency": Frequency.DAILY, "start_date": starts.date() + timedelta(days=1),
                "reminder_channel": ReminderChannel.TEXT, "status": AssignmentStatus.ACTIVE,
                "created_at": starts, "updated_at": starts,
            }  # fmt: skip
            homework.append(active)
        nid = ids[SessionNote] + len(notes)
        sections = {"Subjective": SENTENCE * 2, "Objective": SENTENCE, "Assessment": SENTENCE,
                    "Plan": "Keep the log; look at the hardest day."}  # fmt: skip
        notes.append({"id": nid, "appointment_id": aid, "format": NoteFormat.SOAP,
                      "sections": sections, "stage_of_change": StageOfChange.ACTION,
                      "plan": "Keep the log; look at the hardest day.",
                      "signed_at": starts + timedelta(hours=2)})  # fmt: skip
        if n % 11 == 3:
            observations.append({"note_id": nid, "kind": rng.choice(list(ResistanceKind)),
                                 "text": "Said the week was too full.",
                                 "raise_next_session": n > weeks - 30,
                                 "created_at": starts})  # fmt: skip
    tables: list[tuple[type[Base], list[dict[str, Any]]]] = [
        (Appointment, appts),
        (HomeworkAssignment, homework),
        (HomeworkReview, reviews),
        (ReviewBarrier, barriers),
        (ReviewStrategy, strategies),
        (SessionNote, notes),
        (ResistanceObservation, observations),
        (DayBeforeCheck, checks),
    ]
    for model, rows in tables:
        if rows:
            session.execute(insert(model), rows)
    start_on = (first + timedelta(weeks=cond_start)).date()
    end_on = (first + timedelta(weeks=cond_end)).date()
    session.add_all([
        ConditioningPeriod(client_id=client.id, starts_on=start_on, ends_on=end_on,
                           reason="Synthetic period.", agreed_on=start_on, created_at=now),
        ConditioningPeriod(client_id=client.id, starts_on=today - timedelta(weeks=3),
                           reason="Synthetic open period.", agreed_on=today - timedelta(weeks=3),
                           created_at=now),
    ])  # fmt: skip
    session.flush()
    return client.id


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    from practice.services.prep import build_prep
    from practice.sheets.prep_summary import PrepSummaryPdf

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=15, help="runs per figure (median)")
    parser.add_argument("--pdf", type=Path, help="also write the prep PDF here, to look at")
    args = parser.parse_args()
    today = date.today()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        migrate.upgrade(path)
        database = Database(path)
        start = time.perf_counter()
        with database.session() as s:
            client_id = build_long_history(s, today=today, years=args.years)
            rows = s.scalar(select(func.count()).select_from(HomeworkReview))
        print(f"setup: {args.years} years, {rows} reviews in "
              f"{(time.perf_counter() - start) * 1000:.0f} ms")  # fmt: skip
        with database.session() as s:
            for weeks in (12, 26, None):

                def run(w: int | None = weeks) -> object:
                    return build_prep(s, client_id, weeks=w)

                ms = median_ms(run, args.repeat)
                label = f"{weeks} weeks" if weeks else "all weeks"
                print(f"build_prep ({label}): median {ms:.1f} ms (target < 50 ms)")
            data = build_prep(s, client_id, weeks=26)

        def fresh() -> None:  # a new unit of work each run: nothing cached
            with database.session() as fs:
                build_prep(fs, client_id, weeks=12)

        print(f"build_prep (12 weeks, new session each run): median "
              f"{median_ms(fresh, args.repeat):.1f} ms")  # fmt: skip
        ms = median_ms(lambda: PrepSummaryPdf(data).generate(), args.repeat)
        print(f"prep PDF (one page, 26 weeks): median {ms:.1f} ms")
        if args.pdf:
            args.pdf.write_bytes(PrepSummaryPdf(data).generate())
        database.dispose()


if __name__ == "__main__":
    main()
