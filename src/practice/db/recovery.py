"""What a crash leaves beside a database, settled before anyone judges the file.

A writer killed mid-transaction leaves a hot ``-journal`` (rollback mode) or a
``-wal`` (WAL mode). Neither is damage: SQLite rolls the journal back, or reads the
WAL, at the first read-write open. A read-only look cannot do that (SQLite says
"attempt to write a readonly database"), so everything that judges a file first
calls :func:`recover` under the one-writer lock, and calls a file damaged only when
its checks fail after that.

A restore killed before its last step leaves its copy of the backup as
``<db>.restoring``; :func:`recover` removes it too.
"""

from __future__ import annotations

import logging
from pathlib import Path

from practice.db import crypto

log = logging.getLogger(__name__)

JOURNALS = ("-journal", "-wal")
COMPANIONS = ("-journal", "-wal", "-shm")
RESTORING = ".restoring"


def companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def pending(path: Path) -> bool:
    """Whether a journal or WAL with content lies beside ``path``."""
    for suffix in JOURNALS:
        try:
            if companion(path, suffix).stat().st_size > 0:
                return True
        except OSError:
            continue
    return False


def needs_recovery(path: Path) -> bool:
    """Whether a crash left something beside ``path`` for :func:`recover` to settle."""
    return pending(path) or companion(path, RESTORING).exists()


def discard(path: Path) -> None:
    """Remove ``path`` and its journal files (a temporary database nobody uses)."""
    for suffix in ("", *COMPANIONS):
        companion(path, suffix).unlink(missing_ok=True)


def fold(path: Path, key: bytes | None = None) -> None:
    """Open ``path`` read-write once: SQLite rolls back a hot journal or reads its WAL,
    and the checkpoint puts every committed page into the file itself.

    Raises one of :data:`~practice.db.crypto.FILE_ERRORS` when the file cannot be read.
    """
    conn = crypto.connect(path, key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()


def recover(path: Path, key: bytes | None = None) -> bool:
    """Settle what a crash left beside ``path``; whether there was anything.

    The caller holds the lock. Never raises for a bad file: a file that cannot even
    be opened is judged by the checks that follow.
    """
    restoring = companion(path, RESTORING)
    if restoring.exists():
        discard(restoring)
        log.info("removed the copy of an interrupted restore")
    if not path.is_file() or not pending(path):
        return False
    try:
        fold(path, key)
    except crypto.FILE_ERRORS as exc:
        log.warning("could not settle the journal of %s: %s", path.name, exc)
        return True
    log.info("settled the journal left beside %s", path.name)
    return True
