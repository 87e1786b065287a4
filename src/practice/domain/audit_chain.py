"""The audit hash chain rule, as plain Python (used by the service and by ``practice check``).

``hash = H(prev_hash + canonical content)``, ``prev_hash`` being the previous event's
hash (empty for the first event). The canonical content is the JSON of (id, at,
entity, entity_id, action, summary, and — when the event has them — computer and
db_user) with sorted keys, ``at`` written as naive UTC
``YYYY-MM-DD HH:MM:SS.ffffff`` (how SQLite stores it).

``H`` was plain SHA-256 until the chain was keyed; since then it is HMAC-SHA256 with a
secret kept outside the database (``practice.db.audit_secret``), so that whoever edits
the file cannot recompute the chain. The *marker* (``practice_meta`` key
``audit_chain``) says from which event on, and with which secret (by its key id):
``hmac-v1 <first id>:<key id>``, one more ``<first id>:<key id>`` each time the secret
had to be replaced because it was missing (which the check reports). Events before the
first keyed one keep their SHA-256 hashes. Migration 0002 holds a frozen copy of the
SHA-256 formula: change both or neither.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

_AT_FORMAT = "%Y-%m-%d %H:%M:%S.%f"
MARKER_KEY = "audit_chain"
SCHEME = "hmac-v1"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_SEGMENT = re.compile(r"(\d+):([0-9a-f]{16})")


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
    computer: str | None = None
    db_user: str | None = None


@dataclass(frozen=True)
class Segment:
    """Events from ``first`` on are keyed with the secret named ``kid``."""

    first: int
    kid: str


class MarkerError(ValueError):
    """The chain's marker is not in the format above."""


def parse_marker(text: str | None) -> list[Segment]:
    """The keyed segments the marker names, oldest first; [] for no marker."""
    if text is None:
        return []
    scheme, *parts = text.split()
    if scheme != SCHEME or not parts:
        raise MarkerError(text)
    segments = []
    for part in parts:
        found = _SEGMENT.fullmatch(part)
        if found is None:
            raise MarkerError(text)
        segments.append(Segment(int(found[1]), found[2]))
    if any(b.first <= a.first for a, b in zip(segments, segments[1:], strict=False)):
        raise MarkerError(text)
    return segments


def format_marker(segments: Iterable[Segment]) -> str:
    return " ".join([SCHEME, *(f"{s.first}:{s.kid}" for s in segments)])


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
    secret: bytes | None = None,
    computer: str | None = None,
    db_user: str | None = None,
) -> str:
    """The chain hash of one event given the previous event's hash (keyed with ``secret``).

    ``computer`` and ``db_user`` (who wrote it, since migration 0010) are covered when
    the event has them; older events, which have neither, hash as they always did."""
    fields: dict[str, object] = {
        "id": event_id,
        "at": _at_text(at),
        "entity": entity,
        "entity_id": entity_id,
        "action": action,
        "summary": summary,
    }
    if computer is not None:
        fields["computer"] = computer
    if db_user is not None:
        fields["db_user"] = db_user
    content = json.dumps(
        fields,
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    data = (prev_hash or "").encode("ascii") + content.encode("utf-8", "surrogatepass")
    if secret is None:
        return hashlib.sha256(data).hexdigest()
    return hmac.new(secret, data, hashlib.sha256).hexdigest()


def verify_rows(
    rows: Iterable[ChainRow],
    marker: str | None = None,
    secrets: Mapping[str, bytes] | None = None,
) -> list[str]:
    """Problems in a sequence of audit rows given in id order; empty when intact.

    ``marker`` is the chain's marker and ``secrets`` the secrets found, by key id.
    A malformed row (a bad date, a hash that is not one) is reported, never raised.
    """
    try:
        segments = parse_marker(marker)
    except MarkerError:
        return ["the audit trail's key marker was changed: the chain cannot be checked"]
    secrets = secrets or {}
    problems: list[str] = []
    unverified: dict[Segment, list[int]] = {}
    previous: ChainRow | None = None
    for row in rows:
        problems += _link_problems(previous, row)
        segment = next((s for s in reversed(segments) if row.id >= s.first), None)
        secret = secrets.get(segment.kid) if segment else None
        if segment is not None and secret is None:
            unverified.setdefault(segment, []).append(row.id)
        else:
            problems += _content_problems(row, secret)
        previous = row
    last = previous.id if previous is not None else 0
    if segments and segments[0].first > last:
        problems.append(
            f"the audit trail's key marker names event {segments[0].first}, after the last "
            f"event ({last}): events were removed or the marker was moved"
        )
    for segment in segments[1:]:
        problems.append(
            f"the audit key was replaced at event {segment.first} (the one in use was "
            "missing): events before it were chained with the earlier key"
        )
    for segment, ids in unverified.items():
        problems.append(
            f"audit events {ids[0]}..{ids[-1]} cannot be verified: the audit key they were "
            f"chained with ({segment.kid}) is missing; copy its .audit-key file back beside "
            "the database (the backups folder has one)"
        )
    return problems


def _link_problems(previous: ChainRow | None, row: ChainRow) -> list[str]:
    if previous is None:
        missing = row.prev_hash is not None
        return [f"audit event {row.id}: the events before it are missing"] if missing else []
    problems = []
    if row.id != previous.id + 1:
        problems.append(
            f"audit events {previous.id + 1}..{row.id - 1} are missing"
            if row.id > previous.id + 1
            else f"audit event {row.id} is out of order"
        )
    if row.prev_hash != previous.hash:
        problems.append(f"audit event {row.id}: does not follow event {previous.id}")
    return problems


def _content_problems(row: ChainRow, secret: bytes | None) -> list[str]:
    if row.hash is None:
        return [f"audit event {row.id}: has no hash"]
    if not isinstance(row.hash, str) or not _HEX64.fullmatch(row.hash):
        return [f"audit event {row.id}: its hash is malformed (not 64 hexadecimal digits)"]
    try:
        expected = event_hash(
            row.prev_hash,
            event_id=row.id,
            at=row.at,
            entity=row.entity,
            entity_id=row.entity_id,
            action=row.action,
            summary=row.summary,
            secret=secret,
            computer=row.computer,
            db_user=row.db_user,
        )
    except (ValueError, TypeError, UnicodeError, AttributeError):
        return [f"audit event {row.id}: is malformed (a bad date or a value of the wrong type)"]
    if hmac.compare_digest(expected, row.hash):
        return []
    return [f"audit event {row.id}: content was changed"]
