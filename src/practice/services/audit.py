"""The audit trail: append-only, hash-chained events.

Summaries name records by id, never by client name or note text.

Each event's ``hash`` is ``HMAC-SHA256(secret, prev_hash + canonical content)`` where
``prev_hash`` is the hash of the event before it (empty for the first event), the
canonical content is the JSON of (id, at, entity, entity_id, action, summary) with
sorted keys, and the secret is kept outside the database file
(``practice.db.audit_secret``). Events written before the chain was keyed keep their
SHA-256 hashes; the chain's marker in ``practice_meta`` says where the keyed part
begins (``practice.domain.audit_chain``). The database refuses UPDATE and DELETE of
audit rows (triggers of migration 0002); someone who removes the triggers and edits,
deletes or reorders rows breaks the chain, and cannot recompute it without the
secret; :func:`verify_chain` reports it.

Every event records who wrote it: the computer (``practice.db.computer``) and the
database user (PostgreSQL's ``current_user``; the operating-system user on SQLite),
both covered by its hash. Appends are serialised so that two computers never chain
onto the same event: on SQLite the transaction's write lock (BEGIN IMMEDIATE) does it,
on PostgreSQL a transaction-level advisory lock (:data:`CHAIN_LOCK`) taken before the
chain's head is read; it is released when the unit of work commits or rolls back.
On a server the secret is kept on the server (``practice.db.server_audit_keys``).

Limit: removing the newest events leaves a valid (shorter) chain; each backup holds
the chain's head (``practice.services.audit_heads``), so ``practice check`` notices
it against the latest backup.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import String, func, select, text, type_coerce
from sqlalchemy.orm import Session

from practice.db.audit_secret import AuditKeys, key_id
from practice.db.base import utcnow
from practice.db.computer import computer_name, os_user
from practice.db.models import (
    Appointment,
    AuditEvent,
    Client,
    ConditioningPeriod,
    DayBeforeCheck,
    HomeworkAssignment,
    HomeworkReview,
    PracticeMeta,
    PsychotherapyNote,
    ReminderLog,
    ResistanceObservation,
    SessionNote,
)
from practice.db.server_audit_keys import ServerAuditKeys
from practice.domain.audit_chain import (
    MARKER_KEY,
    ChainRow,
    MarkerError,
    Segment,
    event_hash,
    format_marker,
    parse_marker,
    verify_rows,
)

SUMMARY_MAX = 500
CHAIN_LOCK = 0x5072616375  # PostgreSQL advisory lock of the chain's head ("Pracu")

__all__ = [
    "AuditEventView",
    "ChainRow",
    "actions",
    "client_of",
    "encryption_turned_on",
    "notes_opened",
    "entities",
    "event_count",
    "event_hash",
    "list_events",
    "record",
    "verify_chain",
    "verify_rows",
]


@dataclass(frozen=True)
class AuditEventView:
    """One event as the browse view shows it."""

    id: int
    at: datetime
    entity: str
    entity_id: int | None
    action: str
    summary: str
    computer: str | None = None  # who wrote it (None in events before migration 0010)
    db_user: str | None = None


def record(db: Session, entity: str, entity_id: int | None, action: str, summary: str) -> None:
    """Add a chained audit event to the current unit of work.

    The previous event is read inside the caller's transaction, after taking the
    chain's lock (see the module's text), so two writers cannot chain onto the same
    event.
    """
    db.flush()  # earlier events of this unit of work must be visible below
    db_user = _lock_chain(db)
    last = db.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    new_id = (last.id + 1) if last else 1
    prev_hash = last.hash if last else None
    secret = _chain_secret(db, new_id)
    at = utcnow()
    summary = summary[:SUMMARY_MAX]
    computer = computer_name()
    digest = event_hash(
        prev_hash,
        event_id=new_id,
        at=at,
        entity=entity,
        entity_id=entity_id,
        action=action,
        summary=summary,
        secret=secret,
        computer=computer,
        db_user=db_user,
    )
    db.add(
        AuditEvent(
            id=new_id,
            at=at,
            entity=entity,
            entity_id=entity_id,
            action=action,
            summary=summary,
            prev_hash=prev_hash,
            hash=digest,
            computer=computer,
            db_user=db_user,
        )
    )


def _lock_chain(db: Session) -> str:
    """Serialise appends (PostgreSQL: the advisory lock, held to the end of the unit of
    work); the database user who writes."""
    if db.get_bind().dialect.name != "postgresql":
        return os_user()  # SQLite: BEGIN IMMEDIATE already holds the write lock
    row = db.execute(
        text("SELECT pg_advisory_xact_lock(:key), current_user"), {"key": CHAIN_LOCK}
    ).one()
    return str(row[1])[:64]


def audit_keys(db: Session) -> AuditKeys | ServerAuditKeys:
    """The audit secrets of the practice this session is on (see ``Database``): on a
    server, the server's (read through this session)."""
    if db.get_bind().dialect.name == "postgresql":
        server = db.info.get("server_audit_keys")
        if not isinstance(server, ServerAuditKeys):
            local = db.info.get("audit_keys")
            server = ServerAuditKeys(db, local if isinstance(local, AuditKeys) else None)
            db.info["server_audit_keys"] = server
        return server
    keys = db.info.get("audit_keys")
    if isinstance(keys, AuditKeys):
        return keys
    keys = AuditKeys(Path(str(db.get_bind().engine.url.database)))
    db.info["audit_keys"] = keys
    return keys


def _chain_secret(db: Session, new_id: int) -> bytes:
    """The secret for event ``new_id``; the chain is keyed from this event on when it
    was not yet, or re-keyed when its secret is missing (the check reports that)."""
    keys = audit_keys(db)
    meta = db.get(PracticeMeta, MARKER_KEY, populate_existing=True)  # as read under the lock
    try:
        segments = parse_marker(meta.value if meta is not None else None)
    except MarkerError:
        segments = []  # changed by hand: start again; the check reports the old events
    if segments:
        secret = keys.secret(segments[-1].kid, restore=True)
        if secret is not None:
            return secret
    secret = keys.current()
    value = format_marker([*segments, Segment(new_id, key_id(secret))])
    if meta is None:
        db.add(PracticeMeta(key=MARKER_KEY, value=value))
    else:
        meta.value = value
    return secret


def verify_chain(db: Session) -> list[str]:
    """Check the whole audit trail; a list of problems, empty when it is intact."""
    query = select(
        AuditEvent.id,
        type_coerce(AuditEvent.at, String),  # as stored: a bad date is reported, not raised
        AuditEvent.entity,
        AuditEvent.entity_id,
        AuditEvent.action,
        AuditEvent.summary,
        AuditEvent.prev_hash,
        AuditEvent.hash,
        AuditEvent.computer,
        AuditEvent.db_user,
    ).order_by(AuditEvent.id)
    rows = (ChainRow(*tuple(r)) for r in db.execute(query).yield_per(1000))
    meta = db.get(PracticeMeta, MARKER_KEY)
    marker = meta.value if meta is not None else None
    keys = audit_keys(db)
    problems = verify_rows(rows, marker, keys.secrets())
    if marker is None:
        newest = select(type_coerce(AuditEvent.at, String)).order_by(AuditEvent.id.desc())
        problems += keys.marker_problems(db.scalar(newest.limit(1)))
    return problems


def list_events(
    db: Session,
    *,
    entity: str | None = None,
    entity_id: int | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    text: str = "",
    limit: int = 500,
    offset: int = 0,
) -> list[AuditEventView]:
    """Events newest first, narrowed by any of the filters.

    ``since`` is inclusive and ``until`` exclusive; both must be timezone-aware.
    ``text`` matches inside the summary, case-insensitively.
    """
    query = select(AuditEvent).order_by(AuditEvent.id.desc())
    if entity is not None:
        query = query.where(AuditEvent.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEvent.entity_id == entity_id)
    if action is not None:
        query = query.where(AuditEvent.action == action)
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    if until is not None:
        query = query.where(AuditEvent.at < until)
    if text.strip():
        escaped = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(AuditEvent.summary.ilike(f"%{escaped}%", escape="\\"))
    query = query.limit(limit).offset(offset)
    return [
        AuditEventView(
            id=e.id,
            at=e.at,
            entity=e.entity,
            entity_id=e.entity_id,
            action=e.action,
            summary=e.summary,
            computer=e.computer,
            db_user=e.db_user,
        )
        for e in db.scalars(query)
    ]


def entities(db: Session) -> list[str]:
    """The distinct entity names in the trail, for a filter drop-down."""
    return list(db.scalars(select(AuditEvent.entity).distinct().order_by(AuditEvent.entity)))


def actions(db: Session) -> list[str]:
    """The distinct actions in the trail, for a filter drop-down."""
    return list(db.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))


def event_count(db: Session) -> int:
    """How many events the trail holds."""
    return db.scalar(select(func.count()).select_from(AuditEvent)) or 0


# ---- events the GUI records, and where an event leads --------------------------------


def notes_opened(db: Session, client_id: int) -> None:
    """Access logging: the therapist opened this client's sessions and notes (one event
    per opening; the summary names the record only, never what the notes say)."""
    record(
        db, "client", client_id, "open_notes", f"sessions and notes of client {client_id} opened"
    )


def encryption_turned_on(db: Session) -> bool:
    """Record that the practice was encrypted, once (encryption is never turned off, and
    a run that finishes an interrupted encryption must not record it twice)."""
    done = select(AuditEvent.id).where(
        AuditEvent.entity == "database", AuditEvent.action == "encrypt"
    )
    if db.scalar(done.limit(1)) is not None:
        return False
    record(db, "database", None, "encrypt", "encryption turned on")
    return True


def client_of(db: Session, entity: str, entity_id: int | None) -> int | None:
    """The client an event's record belongs to (None: not a client's, or gone)."""
    if entity_id is None:
        return None
    if entity == "client":
        return entity_id if db.get(Client, entity_id) is not None else None
    by_appointment = select(Appointment.client_id)
    queries = {
        "appointment": by_appointment.where(Appointment.id == entity_id),
        "session_draft": by_appointment.where(Appointment.id == entity_id),
        "session_note": by_appointment.join(SessionNote).where(SessionNote.id == entity_id),
        "psychotherapy_note": by_appointment.join(
            PsychotherapyNote, PsychotherapyNote.appointment_id == Appointment.id
        ).where(PsychotherapyNote.id == entity_id),
        "resistance_observation": by_appointment.join(SessionNote)
        .join(ResistanceObservation, ResistanceObservation.note_id == SessionNote.id)
        .where(ResistanceObservation.id == entity_id),
        "homework_assignment": select(HomeworkAssignment.client_id).where(
            HomeworkAssignment.id == entity_id
        ),
        "homework_review": by_appointment.join(
            HomeworkReview, HomeworkReview.appointment_id == Appointment.id
        ).where(HomeworkReview.id == entity_id),
        "reminder_log": select(HomeworkAssignment.client_id)
        .join(ReminderLog, ReminderLog.assignment_id == HomeworkAssignment.id)
        .where(ReminderLog.id == entity_id),
        "conditioning_period": select(ConditioningPeriod.client_id).where(
            ConditioningPeriod.id == entity_id
        ),
        "day_before_check": by_appointment.join(
            DayBeforeCheck, DayBeforeCheck.appointment_id == Appointment.id
        ).where(DayBeforeCheck.id == entity_id),
    }
    query = queries.get(entity)
    if query is None:
        return None
    found = db.scalar(query)
    return int(found) if found is not None else None
