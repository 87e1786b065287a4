"""Takeovers of the one-writer lock go into the audit trail.

The lock is taken over before the practice is open (and, encrypted, before its key is
known), so each takeover is first noted beside the database (see
``practice.db.lock.DatabaseLock.take_over``) and moved here by the first writer that
has the practice open: the app at start, a command that writes.
"""

from __future__ import annotations

from practice.db import lock
from practice.db.engine import Database
from practice.services import audit


def record_lock_takeovers(database: Database) -> int:
    """Move the noted takeovers into the audit trail; returns how many."""
    found = lock.takeovers(database.path)
    if not found:
        return 0
    with database.session() as db:
        for when, who in found:
            audit.record(
                db, "database", None, "lock-taken-over", f"took over the lock of {who} at {when}"
            )
    lock.clear_takeovers(database.path)
    return len(found)
