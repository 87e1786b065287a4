"""The demo practice: a fictional caseload written into an empty database.

``practice seed-demo`` and ``practice --demo`` call :func:`seed_demo`. The practice
is written relative to ``today`` so that it always looks current: about six months
of weekly history before today, and the next three weeks scheduled. Given the same
``today``, ``seed`` and time zone, the rows are identical (only the audit events
carry the real time of writing).

Times: appointments are set in working hours (09:00-18:50) on the therapist's clock —
the system's local time zone, as the rest of Practice reads "a day", or ``tz`` when
given — and stored as aware UTC times.

Who the clients are and what happened to them: ``demo_story`` (the four clients later
features are tested on: the improver, the drifter, the conditional-sessions client
and the cannot-postpone client) and ``demo_caseload`` (ten more); the words are in
``demo_data``; ``demo_writer`` turns the stories into rows; ``demo_measures`` adds the
outcome measures that agree with them (and one open item-9 risk alert).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from practice.db.base import Base
from practice.db.models import (
    AuditEvent,
    Client,
    ClientGoal,
    GoalRating,
    Measure,
    MeasureForm,
    RiskAlert,
)
from practice.domain.audit_words import TABLE_ENTITIES
from practice.services import audit
from practice.services.demo_caseload import other_clients
from practice.services.demo_measures import write_measures
from practice.services.demo_story import Story, story_clients
from practice.services.demo_writer import MODELS, Writer
from practice.services.errors import ServiceError
from practice.text import QT_TRANSLATE_NOOP

MEASURE_MODELS: tuple[type[Base], ...] = (MeasureForm, Measure, ClientGoal, GoalRating, RiskAlert)


@dataclass(frozen=True)
class DemoSummary:
    counts: Mapping[str, int]  # table name -> rows in the database afterwards
    improver_id: int
    drifter_id: int
    conditional_id: int
    cannot_postpone_id: int
    roles: Mapping[str, int]  # every client's role in the story -> client id


def has_practice(db: Session) -> bool:
    """True when the database already holds any client."""
    return db.scalar(select(Client.id).limit(1)) is not None


def seed_demo(
    db: Session, *, today: date | None = None, seed: int = 7, tz: tzinfo | None = None
) -> DemoSummary:
    """Write the fictional demo practice into an empty database; refuse any other."""
    if has_practice(db):
        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "demo",
                "This database already holds a practice; the demo is only written into "
                "an empty database.",
            )
        )
    today = today or date.today()
    writer = Writer(db, today, random.Random(seed), tz)
    roles = {story.role: writer.client(story) for story in _caseload(today)}
    writer.finish()
    write_measures(db, roles, writer.sessions, today=today, at=writer.at, code=writer.code)
    written: tuple[type[Base], ...] = (*MODELS, MeasureForm)  # measures: audited as recorded
    for model in written:
        table = model.__tablename__
        if model not in (Client, AuditEvent):
            n = db.scalar(select(func.count()).select_from(model)) or 0
            entity = TABLE_ENTITIES.get(table, table)  # "conditioning_period", as elsewhere
            audit.record(db, entity, None, "seed_demo", f"demo practice: {n} rows")
    audit.record(db, "practice", None, "seed_demo", f"demo practice as of {today}")
    db.flush()
    counts = {
        m.__tablename__: db.scalar(select(func.count()).select_from(m)) or 0
        for m in (*MODELS, *MEASURE_MODELS)
    }
    return DemoSummary(
        counts=counts,
        improver_id=roles["improver"],
        drifter_id=roles["drifter"],
        conditional_id=roles["conditional"],
        cannot_postpone_id=roles["cannot_postpone"],
        roles=roles,
    )


def _caseload(today: date) -> list[Story]:
    return [*story_clients(today), *other_clients(today)]
