"""Upgrade a database to this version's schema after a verified backup.

Callers that open a user's database (the app, the command line) upgrade through
:func:`upgrade` rather than ``migrate.upgrade`` directly: the copy taken before
the migration is a ``pre-migration`` backup in the backup folder — made with the
backup API, verified, listed and rotated with the others, restorable from the
Backups window — instead of an unverified copy beside the file.

When the backup folder cannot be written, the upgrade still gets its copy:
``migrate.upgrade`` then copies the file beside itself as before. When the backup
is written but fails verification, the source file is suspect and the upgrade is
refused; nothing is changed.

This lives in ``services`` because ``db.migrate`` must not import the backup
service (``backup`` imports ``migrate``, and ``db`` sits below ``services``).
The caller must hold the database's one-writer lock.
"""

from __future__ import annotations

import logging
from pathlib import Path

from practice.db import migrate
from practice.services import backup
from practice.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


def upgrade(
    db_path: Path, backup_dir: Path | None = None, *, key: bytes | None = None
) -> migrate.SchemaState:
    """Create or upgrade ``db_path`` (encrypted with ``key``) to head; returns the state before.

    Raises ``migrate.DatabaseError`` (a newer, foreign or damaged file, or a
    pre-migration backup that failed verification), leaving the file untouched.
    """
    state = migrate.inspect(db_path, key=key)
    if state.at_head:
        return state
    copy_aside = False
    if state.exists:
        try:
            result = backup.make_backup(
                db_path, backup_dir, kind="pre-migration", audit=False, key=key
            )
        except backup.BackupError as exc:
            log.warning("pre-migration backup not possible, copying beside the file: %s", exc)
            copy_aside = True
        else:
            if not result.verified:
                raise migrate.DamagedDatabaseError(
                    QT_TRANSLATE_NOOP(
                        "schema_upgrade",
                        "The backup taken before upgrading {db_path} failed verification "
                        "({names}), so the database was not upgraded and was left as it was. The "
                        "failed copy is {path}.",
                    ).format(
                        db_path=db_path, names="; ".join(result.problems[:2]), path=result.path
                    )
                )
            log.info("pre-migration backup %s", result.path)
    return migrate.upgrade(db_path, copy_aside=copy_aside, key=key)
