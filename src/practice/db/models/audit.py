"""The audit trail: who changed what, when (never the clinical text itself)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from practice.db.base import Base, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    action: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(String(500))
    # Hash chain: sha256 of the previous hash and this row's content.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))
    # Who wrote it (migration 0010; NULL in older events): the computer's short name
    # (``practice.db.computer``) and the database user (PostgreSQL's current_user, the
    # operating-system user on SQLite).
    computer: Mapped[str | None] = mapped_column(String(64))
    db_user: Mapped[str | None] = mapped_column(String(64))


class AuditKey(Base):
    """The audit chain's secret of a practice on a PostgreSQL server (``practice.db.
    server_audit_keys``): kept on the server so that every computer can verify and
    extend the chain. Readable only by the practice's own role (the table's owner);
    rows are never changed or deleted (triggers). Unused on SQLite, whose secret stays
    outside the file (``practice.db.audit_secret``)."""

    __tablename__ = "audit_keys"

    kid: Mapped[str] = mapped_column(String(16), primary_key=True)
    secret: Mapped[str] = mapped_column(String(128))  # hex
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_computer: Mapped[str | None] = mapped_column(String(64))
