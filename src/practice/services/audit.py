"""Writing audit events. Summaries name records by id, never by client name or note text."""

from __future__ import annotations

from sqlalchemy.orm import Session

from practice.db.models import AuditEvent


def record(session: Session, entity: str, entity_id: int | None, action: str, summary: str) -> None:
    """Add an audit event to the current unit of work."""
    session.add(
        AuditEvent(entity=entity, entity_id=entity_id, action=action, summary=summary[:500])
    )
