"""The audit hash chain rule, as plain Python (used by the service and by ``practice check``).

``hash = sha256(prev_hash + canonical content)``, ``prev_hash`` being the previous
event's hash (empty for the first event). The canonical content is the JSON of
(id, at, entity, entity_id, action, summary) with sorted keys, ``at`` written as
naive UTC ``YYYY-MM-DD HH:MM:SS.ffffff`` (how SQLite stores it). Migration 0002
holds a frozen copy of this formula: change both or neither.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

_AT_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


@dataclass(frozen=True)
class ChainRow:
    """The stored columns the chain covers; ``at`` as stored (naive UTC or aware)."""

    id: int
    at: datetime | str
    entity: str
    entity_id: int | None
    action: str
    summary: str
    prev_hash: str | None
    hash: str | None


def _at_text(at: datetime | str) -> str:
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    if at.tzinfo is not None:
        at = at.astimezone(UTC).replace(tzinfo=None)
    return at.strftime(_AT_FORMAT)


def event_hash(
    prev_hash: str | None,
    *,
    event_id: int,
    at: datetime | str,
    entity: str,
    entity_id: int | None,
    action: str,
    summary: str,
) -> str:
    """The chain hash of one event given the previous event's hash."""
    content = json.dumps(
        {
            "id": event_id,
            "at": _at_text(at),
            "entity": entity,
            "entity_id": entity_id,
            "action": action,
            "summary": summary,
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    data = (prev_hash or "").encode("ascii") + content.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def verify_rows(rows: Iterable[ChainRow]) -> list[str]:
    """Problems in a sequence of audit rows given in id order; empty when intact."""
    problems: list[str] = []
    previous: ChainRow | None = None
    for row in rows:
        if previous is None and row.prev_hash is not None:
            problems.append(f"audit event {row.id}: the events before it are missing")
        if previous is not None:
            if row.id != previous.id + 1:
                problems.append(
                    f"audit events {previous.id + 1}..{row.id - 1} are missing"
                    if row.id > previous.id + 1
                    else f"audit event {row.id} is out of order"
                )
            if row.prev_hash != previous.hash:
                problems.append(f"audit event {row.id}: does not follow event {previous.id}")
        if row.hash is None:
            problems.append(f"audit event {row.id}: has no hash")
        else:
            expected = event_hash(
                row.prev_hash,
                event_id=row.id,
                at=row.at,
                entity=row.entity,
                entity_id=row.entity_id,
                action=row.action,
                summary=row.summary,
            )
            if expected != row.hash:
                problems.append(f"audit event {row.id}: content was changed")
        previous = row
    return problems
