"""Which practice a database file or backup belongs to: the id in ``practice_meta``.

Every practice file gets a random id when it is created (migration 0004 gives older
files one), and every backup carries it. Backup rotation compares ids, not file
names, so that a backup of another practice in the same folder is never touched.
"""

from __future__ import annotations

from pathlib import Path

from practice.db import crypto
from practice.db.models.meta import PRACTICE_ID


def read_practice_id(path: Path, key: bytes | None = None) -> str | None:
    """The practice id stored in the file at ``path``, read-only; never raises.

    A plain file is read without a key, an encrypted one with ``key``. None when the
    id cannot be read: a file from before ids existed, another practice's encrypted
    file (a different key, or no key given), a damaged, empty or missing file.
    """
    plain = crypto.has_plain_header(path)
    if not plain and key is None:
        return None
    try:
        conn = crypto.connect(path, None if plain else key, readonly=True)
    except crypto.OPEN_ERRORS:
        return None
    try:
        row = conn.execute(
            "SELECT value FROM practice_meta WHERE key = ?", (PRACTICE_ID,)
        ).fetchone()
    except crypto.DB_ERRORS:
        return None
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else None
