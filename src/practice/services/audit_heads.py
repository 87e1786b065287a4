"""The audit chain's head in every backup, and the check against the latest one.

A chain proves that what it holds is untouched, but not that its newest events are
all there: removing them leaves a shorter valid chain. So each backup records the
head it was taken at (``practice_meta`` key ``audit_head``: the last event's id and
hash, in the backup copy only), and :func:`compare_with_latest_backup` asks the
practice to still hold that very event. A practice restored from an older backup
holds a ``restore`` event the later backup lacks: that explains the difference.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from practice.db import crypto

HEAD_KEY = "audit_head"


@dataclass(frozen=True)
class Head:
    id: int
    hash: str


def read_last_event(conn: sqlite3.Connection) -> Head | None:
    row = conn.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
    return Head(int(row[0]), str(row[1])) if row and row[1] is not None else None


def stamp(copy: sqlite3.Connection) -> bool:
    """Write the chain's head into a backup copy (an open connection to it); True when
    a row was added to ``practice_meta`` (none was replaced), False when it has none."""
    if not _has_meta(copy):
        return False
    head = read_last_event(copy)
    if head is None:
        return False
    had = copy.execute("SELECT 1 FROM practice_meta WHERE key = ?", (HEAD_KEY,)).fetchone()
    value = json.dumps({"id": head.id, "hash": head.hash})
    copy.execute(
        "INSERT OR REPLACE INTO practice_meta (key, value) VALUES (?, ?)", (HEAD_KEY, value)
    )
    copy.commit()
    return had is None


def backup_head(conn: sqlite3.Connection) -> Head | None:
    """The head a backup was taken at (its last event when it predates the record)."""
    if _has_meta(conn):
        row = conn.execute("SELECT value FROM practice_meta WHERE key = ?", (HEAD_KEY,)).fetchone()
        if row is not None:
            with contextlib.suppress(ValueError, KeyError, TypeError):
                raw = json.loads(row[0])
                return Head(int(raw["id"]), str(raw["hash"]))
    return read_last_event(conn)


def compare_with_latest_backup(
    db_path: Path, backups: Iterable[Path], key: bytes | None = None
) -> tuple[Path | None, list[str]]:
    """The latest backup of this practice among ``backups`` (newest first) and the
    problems found against it: the newest events missing, or an event rewritten.
    (None, []) without a backup of this practice."""
    live = crypto.connect(db_path, key, readonly=True)
    try:
        practice_id = _practice_id(live)
        for found in backups:
            try:
                copy = crypto.connect(found, key, readonly=True)
            except crypto.OPEN_ERRORS:
                continue
            try:
                if _practice_id(copy) != practice_id:
                    continue
                head = backup_head(copy)
                if head is None:
                    return found, []
                return found, _against(live, copy, head, found.name)
            except crypto.DB_ERRORS:
                continue
            finally:
                copy.close()
    finally:
        live.close()
    return None, []


def _against(
    live: sqlite3.Connection, copy: sqlite3.Connection, head: Head, name: str
) -> list[str]:
    row = live.execute("SELECT hash FROM audit_events WHERE id = ?", (head.id,)).fetchone()
    if row is not None and row[0] == head.hash:
        return []
    for rid, rhash in live.execute(
        "SELECT id, hash FROM audit_events WHERE entity = 'database' AND action = 'restore'"
    ):
        theirs = copy.execute("SELECT hash FROM audit_events WHERE id = ?", (rid,)).fetchone()
        if theirs is None or theirs[0] != rhash:
            return []  # restored from an older backup since: a branch, not a loss
    if row is None:
        last = live.execute("SELECT max(id) FROM audit_events").fetchone()[0] or 0
        return [
            f"the newest audit events are missing: the latest backup ({name}) holds events "
            f"up to {head.id}, this file only up to {last}"
        ]
    return [
        f"audit event {head.id} differs from the same event in the latest backup ({name}): "
        "the trail was rewritten"
    ]


def _has_meta(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'practice_meta'"
        ).fetchone()
        is not None
    )


def _practice_id(conn: sqlite3.Connection) -> str | None:
    if not _has_meta(conn):
        return None
    row = conn.execute("SELECT value FROM practice_meta WHERE key = 'practice_id'").fetchone()
    return None if row is None else str(row[0])
