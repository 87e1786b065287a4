"""Write a deterministic synthetic 10-year practice for the benchmarks.

    python benchmarks/generate.py --db /tmp/big.sqlite3 [--years 10] [--seed 1]

About 1,000 clients, 25,000 appointments, 25,000 assignments, 40,000 reviews, a
session note per attended appointment with realistic lengths, a PHQ-9 every fourth
attended session (scored as the measures service scores it), and a hash-chained
audit event per created record. Rows go in by bulk inserts that keep the invariants
the services keep (reviews only in attended sessions of the same client after the
assignment was set, one note per attended appointment, unique assignment codes,
search and identity keys as the clients service computes them); `practice check`
is clean afterwards. One client has ten years of weekly sessions: the longest history.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time as clock
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from practice.db import migrate
from practice.db.engine import Database
from practice.db.models import (
    Appointment,
    AuditEvent,
    Client,
    HomeworkAssignment,
    HomeworkReview,
    Measure,
    ResistanceObservation,
    ReviewBarrier,
    ReviewStrategy,
    SessionNote,
)
from practice.domain.audit_chain import event_hash
from practice.domain.measures import Instrument, MeasureKind, MeasureSource, score
from practice.domain.vocabulary import (
    NOTE_SECTIONS,
    AppointmentStatus,
    AssignmentStatus,
    Barrier,
    ClientStatus,
    Frequency,
    Language,
    LiteracyLevel,
    Modality,
    NoteFormat,
    ResistanceKind,
    StageOfChange,
    Strategy,
    TemplateKey,
)
from practice.services.clients import _keys as client_keys
from practice.services.homework import CODE_ALPHABET, CODE_LENGTH

FIRST = [
    "Ana",
    "Dale",
    "Marisol",
    "Trent",
    "Inés",
    "Kyle",
    "Lorna",
    "Gareth",
    "Rocío",
    "Wendell",
    "Amparo",
    "Consuelo",
    "Priya",
    "Tomás",
    "Hollis",
    "Beatriz",
    "Odette",
    "Ramón",
    "Sunniva",
    "Evander",
    "Lucía",
    "Fintan",
    "Mireia",
    "Osric",
    "Yolanda",
    "Caspian",
    "Nerea",
    "Idris",
]
LAST = [
    "Quintero",
    "Whitcombe",
    "Ashdown",
    "Villaseñor",
    "Brannigan",
    "Keswick",
    "Pennock",
    "Benavides",
    "Pryor",
    "Soler",
    "Arriaga",
    "Ollerenshaw",
    "Zubizarreta",
    "Hargreave",
    "Montesinos",
    "Thistlewood",
    "Carrasquedo",
    "Fairweather",
    "Iturbide",
    "Lockhart",
    "Escandell",
    "Marchbanks",
    "Peñalosa",
    "Winterbourne",
    "Urquiola",
    "Blackmore",
]
SENTENCES = [
    "Client described a difficult week at work and several arguments at home.",
    "We reviewed the self-record together and looked at the hardest day in detail.",
    "Mood appeared low but engagement was good; eye contact and pace were normal.",
    "Client linked the early-morning worry to the thought that nothing will change.",
    "We practised slowing the breath and naming the feeling before acting on it.",
    "Homework was discussed openly; the client said writing at night felt like a chore.",
    "Agreed to keep the task small and to set the phone alarm together before leaving.",
    "Client reported sleeping better on the nights the diary was filled in.",
    "Some doubt about whether therapy can help; we looked at what has changed so far.",
    "Plan: continue the current record, bring it next week, review the patterns together.",
]
ACTIONS = ("create", "update", "status", "sign", "review", "assign")


@dataclass
class Ids:
    """Next id per table: rows get their ids here so links need no round trips."""

    counters: dict[str, int] = field(default_factory=dict)

    def next(self, table: str) -> int:
        self.counters[table] = self.counters.get(table, 0) + 1
        return self.counters[table]


@dataclass
class Rows:
    clients: list[dict[str, Any]] = field(default_factory=list)
    appointments: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    observations: list[dict[str, Any]] = field(default_factory=list)
    assignments: list[dict[str, Any]] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    barriers: list[dict[str, Any]] = field(default_factory=list)
    strategies: list[dict[str, Any]] = field(default_factory=list)
    measures: list[dict[str, Any]] = field(default_factory=list)
    audit: list[tuple[datetime, str, int, str, str]] = field(default_factory=list)


def _note_sections(rng: random.Random, fmt: NoteFormat) -> dict[str, str]:
    return {name: " ".join(rng.sample(SENTENCES, rng.randint(2, 5))) for name in NOTE_SECTIONS[fmt]}


def _code(rng: random.Random, used: set[str]) -> str:
    while True:
        code = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if code not in used:
            used.add(code)
            return code


def _client_row(
    rng: random.Random, ids: Ids, start: date, end: date | None, now: datetime, i: int
) -> dict[str, Any]:
    first, last = rng.choice(FIRST), f"{rng.choice(LAST)}-{i:04d}"
    birth = date(rng.randint(1940, 2006), rng.randint(1, 12), rng.randint(1, 28))
    sort_name, identity = client_keys(first, last, None, birth)
    status = ClientStatus.ACTIVE if end is None else ClientStatus.DISCHARGED
    return {
        "id": ids.next("clients"),
        "first_name": first,
        "last_name": last,
        "preferred_name": None,
        "sort_name": sort_name,
        "identity_key": identity,
        "birth_date": birth,
        "email": f"client{i}@example.org",
        "phone": None,
        "language": rng.choice(list(Language)),
        "literacy_level": rng.choice(list(LiteracyLevel)),
        "large_print": rng.random() < 0.1,
        "preferred_modality": rng.choice(list(Modality)),
        "stage_of_change": rng.choice(list(StageOfChange)),
        "cannot_postpone": rng.random() < 0.05,
        "status": status,
        "started_on": start,
        "ended_on": end,
        "created_at": datetime.combine(start, time(9), UTC),
        "updated_at": now,
    }


def _episode(
    rng: random.Random,
    ids: Ids,
    rows: Rows,
    codes: set[str],
    client: dict[str, Any],
    first_day: date,
    weeks: int,
    today: date,
    step_days: int = 7,
) -> None:
    """Weekly sessions for one client from ``first_day``, with notes and homework."""
    active: list[dict[str, Any]] = []
    hour = rng.choice((9, 10, 11, 12, 14, 15, 16, 17))
    fmt = rng.choice(list(NoteFormat))
    attended = 0
    for week in range(weeks):
        day = first_day + timedelta(days=week * step_days)
        starts = datetime.combine(day, time(hour), UTC)
        roll = rng.random()
        if day > today:
            status = AppointmentStatus.SCHEDULED
        elif roll < 0.82:
            status = AppointmentStatus.ATTENDED
        elif roll < 0.90:
            status = AppointmentStatus.NO_SHOW
        elif roll < 0.96:
            status = AppointmentStatus.CANCELLED_BY_CLIENT
        else:
            status = AppointmentStatus.CANCELLED_BY_THERAPIST
        appt_id = ids.next("appointments")
        rows.appointments.append(
            {
                "id": appt_id,
                "client_id": client["id"],
                "starts_at": starts,
                "duration_minutes": 50,
                "status": status,
                "status_reason": None,
                "created_at": starts - timedelta(days=7),
                "updated_at": starts,
            }
        )
        rows.audit.append(
            (
                starts - timedelta(days=7),
                "appointment",
                appt_id,
                "schedule",
                f"appointment {appt_id} for client {client['id']}",
            )
        )
        if status != AppointmentStatus.ATTENDED:
            continue
        if attended % 4 == 0:
            _phq9(rng, ids, rows, client, appt_id, day, attended)
        attended += 1
        note_id = ids.next("session_notes")
        rows.notes.append(
            {
                "id": note_id,
                "appointment_id": appt_id,
                "format": fmt,
                "sections": _note_sections(rng, fmt),
                "stage_of_change": client["stage_of_change"],
                "plan": rng.choice(SENTENCES),
                "signed_at": starts + timedelta(hours=2),
                "created_at": starts + timedelta(hours=1),
                "updated_at": starts + timedelta(hours=2),
            }
        )
        rows.audit.append(
            (starts + timedelta(hours=2), "note", note_id, "sign", f"note {note_id} signed")
        )
        if rng.random() < 0.08:
            rows.observations.append(
                {
                    "id": ids.next("resistance_observations"),
                    "note_id": note_id,
                    "kind": rng.choice(list(ResistanceKind)),
                    "text": rng.choice(SENTENCES),
                    "raise_next_session": rng.random() < 0.5,
                    "raised_at": None,
                    "amendment_id": None,
                    "created_at": starts + timedelta(hours=1),
                }
            )
        for assignment in active:
            _review(rng, ids, rows, assignment, appt_id, starts)
        # Close some, then set new homework so that one or two stay active.
        still = []
        for assignment in active:
            if rng.random() < 0.6:
                assignment["status"] = rng.choice(
                    (
                        AssignmentStatus.COMPLETED,
                        AssignmentStatus.COMPLETED,
                        AssignmentStatus.DROPPED,
                    )
                )
                if assignment["status"] == AssignmentStatus.DROPPED:
                    assignment["status_reason"] = "Agreed to try another task."
            else:
                still.append(assignment)
        active = still
        while len(active) < 2:
            active.append(_assign(rng, ids, rows, codes, client, appt_id, day))
    if client["status"] == ClientStatus.DISCHARGED:  # homework ends with treatment
        for assignment in active:
            assignment["status"] = AssignmentStatus.COMPLETED


def _assign(
    rng: random.Random,
    ids: Ids,
    rows: Rows,
    codes: set[str],
    client: dict[str, Any],
    appt_id: int,
    day: date,
) -> dict[str, Any]:
    template = rng.choice(list(TemplateKey))
    row = {
        "id": ids.next("homework_assignments"),
        "code": _code(rng, codes),
        "client_id": client["id"],
        "assigned_in_id": appt_id,
        "template_key": template.value,
        "title": template.value.replace("_", " ").capitalize(),
        "instructions": "Fill it in each evening; a few words are enough.",
        "rationale": "It helps us see what happens between sessions.",
        "level": client["literacy_level"],
        "language": client["language"],
        "large_print": client["large_print"],
        "modality": client["preferred_modality"],
        "frequency": Frequency.DAILY,
        "times_per_week": None,
        "start_date": day,
        "due_date": day + timedelta(days=7),
        "status": AssignmentStatus.ACTIVE,
        "status_reason": None,
        "replaces_id": None,
        "created_at": datetime.combine(day, time(18), UTC),
        "updated_at": datetime.combine(day, time(18), UTC),
    }
    rows.assignments.append(row)
    rows.audit.append(
        (
            row["created_at"],
            "assignment",
            row["id"],
            "assign",
            f"assignment {row['id']} for client {client['id']}",
        )
    )
    return row


def _phq9(
    rng: random.Random,
    ids: Ids,
    rows: Rows,
    client: dict[str, Any],
    appt_id: int,
    day: date,
    attended: int,
) -> None:
    """A PHQ-9 taken in session: severe at the start, easing over the first months."""
    level = max(0.3, 2.2 - attended / 30) + rng.uniform(-0.6, 0.6)
    answers = [max(0, min(3, round(level + rng.uniform(-1, 1)))) for _ in range(9)]
    answers[8] = 0  # the demo's risk alert is enough; a benchmark needs none
    result = score(Instrument.PHQ9, answers)
    measure_id = ids.next("measures")
    at = datetime.combine(day, time(12), UTC)
    rows.measures.append(
        {
            "id": measure_id,
            "client_id": client["id"],
            "kind": MeasureKind.PHQ9,
            "taken_on": day,
            "source": MeasureSource.SESSION,
            "form_id": None,
            "appointment_id": appt_id,
            "answers": json.dumps(answers),
            "difficulty": rng.randint(0, 3),
            "total": result.total,
            "prorated": result.prorated,
            "created_at": at,
        }
    )
    rows.audit.append((at, "measure", measure_id, "create", f"phq9 measure {measure_id} recorded"))


def _review(
    rng: random.Random,
    ids: Ids,
    rows: Rows,
    assignment: dict[str, Any],
    appt_id: int,
    starts: datetime,
) -> None:
    review_id = ids.next("homework_reviews")
    completion = rng.choices(range(5), weights=(2, 2, 3, 3, 3))[0]
    rows.reviews.append(
        {
            "id": review_id,
            "assignment_id": assignment["id"],
            "appointment_id": appt_id,
            "brought": completion >= 2,
            "completion": completion,
            "client_rating": rng.choice((None, completion, max(0, completion - 1))),
            "quality": rng.choice((None, completion)),
            "days_recorded": min(7, completion * 2),
            "note": None,
            "created_at": starts + timedelta(minutes=10),
        }
    )
    rows.audit.append(
        (
            starts + timedelta(minutes=10),
            "review",
            review_id,
            "review",
            f"review {review_id} of assignment {assignment['id']}",
        )
    )
    if completion <= 2:
        for barrier in rng.sample(list(Barrier), rng.randint(1, 2)):
            rows.barriers.append({"review_id": review_id, "barrier": barrier})
        if rng.random() < 0.5:
            rows.strategies.append(
                {"review_id": review_id, "strategy": rng.choice(list(Strategy)[:8])}
            )


def build(years: int, seed: int, today: date) -> Rows:
    rng = random.Random(seed)
    ids, rows, codes = Ids(), Rows(), set()
    now = datetime.combine(today, time(8), UTC)
    first_day = today - timedelta(days=365 * years)
    # The longest history: weekly sessions over every year, still in treatment.
    long_start = first_day - timedelta(days=first_day.weekday())
    client = _client_row(rng, ids, long_start, None, now, 0)
    rows.clients.append(client)
    _episode(rng, ids, rows, codes, client, long_start, (today - long_start).days // 7 + 3, today)
    for i in range(1, 1000):
        start = first_day + timedelta(days=rng.randint(0, 365 * years - 30))
        weeks = max(4, min(int(rng.gammavariate(2.0, 12.5)), 150))
        end_day = start + timedelta(weeks=weeks)
        ongoing = end_day > today
        client = _client_row(rng, ids, start, None if ongoing else end_day, now, i)
        rows.clients.append(client)
        rows.audit.append(
            (
                client["created_at"],
                "client",
                client["id"],
                "create",
                f"client {client['id']} created",
            )
        )
        _episode(rng, ids, rows, codes, client, start, weeks + (3 if ongoing else 0), today)
    return rows


def write(database: Database, rows: Rows) -> dict[str, int]:
    with database.session() as session:
        _bulk(session, Client, rows.clients)
        _bulk(session, Appointment, rows.appointments)
        _bulk(session, SessionNote, rows.notes)
        _bulk(session, ResistanceObservation, rows.observations)
        _bulk(session, HomeworkAssignment, rows.assignments)
        _bulk(session, HomeworkReview, rows.reviews)
        _bulk(session, ReviewBarrier, rows.barriers)
        _bulk(session, ReviewStrategy, rows.strategies)
        _bulk(session, Measure, rows.measures)
        _bulk(session, AuditEvent, _audit_rows(rows.audit))
    return {
        "clients": len(rows.clients),
        "appointments": len(rows.appointments),
        "notes": len(rows.notes),
        "assignments": len(rows.assignments),
        "reviews": len(rows.reviews),
        "measures": len(rows.measures),
        "audit events": len(rows.audit),
    }


def _audit_rows(events: list[tuple[datetime, str, int, str, str]]) -> list[dict[str, Any]]:
    out, prev = [], None
    for i, (at, entity, entity_id, action, summary) in enumerate(sorted(events), start=1):
        digest = event_hash(
            prev,
            event_id=i,
            at=at,
            entity=entity,
            entity_id=entity_id,
            action=action,
            summary=summary,
        )
        out.append(
            {
                "id": i,
                "at": at,
                "entity": entity,
                "entity_id": entity_id,
                "action": action,
                "summary": summary,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    return out


def _bulk(session: Session, model: type, rows: list[dict[str, Any]], chunk: int = 5000) -> None:
    for i in range(0, len(rows), chunk):
        session.execute(insert(model), rows[i : i + chunk])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args(argv)
    if args.db.exists():
        print(f"{args.db} exists; choose a new file", file=sys.stderr)
        return 1
    started = clock.perf_counter()
    migrate.upgrade(args.db)
    database = Database(args.db)
    counts = write(database, build(args.years, args.seed, args.today))
    database.dispose()
    print(", ".join(f"{v:,} {k}" for k, v in counts.items()))
    print(f"written to {args.db} in {clock.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
