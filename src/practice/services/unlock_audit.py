"""Failed unlocks go into the audit trail once the database is open again.

A wrong passphrase cannot be written into an encrypted database (it cannot be
opened), so each failure is first noted beside it (time and kind only, see
``practice.db.crypto.note_unlock_failure``) and moved here at the next unlock.
"""

from __future__ import annotations

from practice.db import crypto
from practice.db.engine import Database
from practice.services import audit


def record_unlock_failures(database: Database) -> int:
    """Move the noted unlock failures into the audit trail; returns how many."""
    failures = crypto.unlock_failures(database.path)
    if not failures:
        return 0
    with database.session() as db:
        for when, what in failures:
            audit.record(db, "unlock", None, "failure", f"{what} at {when}")
    crypto.clear_unlock_failures(database.path)
    return len(failures)
