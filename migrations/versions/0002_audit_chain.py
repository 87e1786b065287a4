"""audit events are append-only and hash-chained

Triggers refuse UPDATE and DELETE on ``audit_events`` (on PostgreSQL a plpgsql
function raises, from row triggers for UPDATE and DELETE and a statement trigger for
TRUNCATE; the SQLite triggers are as they always were). Triggers are not part
of the models, so ``alembic check`` is unaffected. Events written before this
revision get their chain hashes first (same formula as
``practice.domain.audit_chain.event_hash``, copied here so that this revision never
changes when the service does).

Revision ID: 0002_audit_chain
Revises: 0001_initial
"""

import hashlib
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0002_audit_chain"
down_revision: str | None = "0001_initial"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _hash(prev: str | None, row: Any) -> str:
    at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(row.at)
    content = json.dumps(
        {
            "id": row.id,
            "at": at.strftime("%Y-%m-%d %H:%M:%S.%f"),
            "entity": row.entity,
            "entity_id": row.entity_id,
            "action": row.action,
            "summary": row.summary,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    data = (prev or "").encode("ascii") + content.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT id, at, entity, entity_id, action, summary, prev_hash, hash "
            "FROM audit_events ORDER BY id"
        )
    ).all()
    prev: str | None = None
    for row in rows:
        digest = _hash(prev, row)
        if row.prev_hash != prev or row.hash != digest:
            bind.execute(
                sa.text("UPDATE audit_events SET prev_hash = :p, hash = :h WHERE id = :i"),
                {"p": prev, "h": digest, "i": row.id},
            )
        prev = digest
    if bind.dialect.name == "postgresql":
        _postgresql_triggers()
        return
    op.execute(
        "CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END"
    )


def _postgresql_triggers() -> None:
    op.execute(
        "CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION 'audit events are append-only' "
        "USING ERRCODE = 'restrict_violation'; END $$"
    )
    for name, event, each in (
        ("audit_events_no_update", "UPDATE", "ROW"),
        ("audit_events_no_delete", "DELETE", "ROW"),
        ("audit_events_no_truncate", "TRUNCATE", "STATEMENT"),
    ):
        op.execute(
            f"CREATE TRIGGER {name} BEFORE {event} ON audit_events "
            f"FOR EACH {each} EXECUTE FUNCTION audit_events_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in (
            "audit_events_no_truncate",
            "audit_events_no_delete",
            "audit_events_no_update",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
