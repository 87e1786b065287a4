"""Restore a backup over the practice, with a valid practice file at every moment.

The steps, each safe to be killed after:

1. the backup is verified; a damaged one, a newer version's or another program's
   file is refused and nothing changes;
2. it is copied with the backup API into ``<db>.restoring`` beside the database,
   verified again with the row counts, upgraded when it is from an older schema,
   made a single file (rollback journal) and synced to disk;
3. the current file is kept as ``<stem>.before-restore-<time>.sqlite3``: its
   journal or WAL is first folded in (SQLite's own recovery), then the file is hard
   linked (copied where links are not possible) under that name, with a copy of any
   journal that could not be folded;
4. the current file's ``-wal``, ``-shm`` and ``-journal`` are removed — a journal
   left beside the restored file would be applied to it and damage it — and the
   copy is renamed over the database, then the folder is synced.

Until step 4 the current file is untouched in place; after it, the restored one is.
A ``.restoring`` copy left by a kill is removed at the next open
(``practice.db.recovery``). The restore is then recorded in the restored file's
audit trail.

Before step 1 the practice ids are compared (``practice.db.identity``): a backup of
another practice over a readable practice file is refused (:class:`OtherPracticeError`)
unless ``other_practice`` says the user chose it knowingly. When the practice file
cannot be read, :func:`practice_mismatch` compares the backup with the id its
backups remember for it (``backup.backups_of``); callers warn, or ask, with its
message.
"""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from practice.db import crypto, file_access, file_check, migrate, recovery
from practice.db.crypto_files import sync_dir
from practice.db.identity import read_practice_id
from practice.services.backup import (
    BackupError,
    _audit,
    _connect_ro,
    _copy,
    default_backup_dir,
    remember_practice_id,
    remembered_practice_id,
    verify,
)
from practice.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

_STAMP = "%Y%m%dT%H%M%SZ"


class OtherPracticeError(BackupError):
    """The backup is of another practice than the file it would replace."""


@dataclass(frozen=True)
class Mismatch:
    """A backup whose practice is not the practice file's.

    ``certain``: the id was read from the practice file itself; otherwise it is the
    one its backups remember (the file cannot be read)."""

    certain: bool
    message: str


def practice_mismatch(
    db_path: Path, backup_path: Path, key: bytes | None = None
) -> Mismatch | None:
    """How ``backup_path`` is another practice's than ``db_path``'s, or None (same
    practice, or nothing to compare: a new file, a backup without an id)."""
    theirs = read_practice_id(backup_path, key)
    if theirs is None or not db_path.exists():
        return None
    ours = read_practice_id(db_path, key)
    if ours is not None:
        if ours == theirs:
            return None
        return Mismatch(
            True,
            f"{backup_path.name} is a backup of another practice, not of {db_path.name}: "
            f"restoring it would replace this practice's clients, sessions and notes by "
            "that practice's.",
        )
    for folder in (backup_path.parent, default_backup_dir(db_path)):
        remembered = remembered_practice_id(folder, db_path)
        if remembered is not None:
            if remembered == theirs:
                return None
            return Mismatch(
                False,
                f"{db_path.name} cannot be read, and its earlier backups say it is another "
                f"practice than {backup_path.name}: that backup looks like another "
                "practice's.",
            )
    return None


def restore(
    db_path: Path,
    backup_path: Path,
    *,
    audit: bool = True,
    key: bytes | None = None,
    other_practice: bool = False,
) -> Path | None:
    """Replace the database at ``db_path`` by ``backup_path``; return where the old file went.

    Refused (:class:`BackupError`, nothing changed) when the backup fails
    verification, is not a Practice database, or was written by a newer version.
    Returns None when there was no current file. The caller must hold the
    :class:`~practice.db.lock.DatabaseLock` and have disposed of its own engines on
    ``db_path``. An encrypted practice's backups are restored with its ``key``; when
    the practice's key file is missing, the copy kept in the backup's folder is put
    beside it. A backup of another practice over a readable practice file is refused
    (:class:`OtherPracticeError`) unless ``other_practice``.
    """
    if backup_path.resolve() == db_path.resolve():
        raise BackupError(
            QT_TRANSLATE_NOOP("restore", "A database cannot be restored from itself.")
        )
    mismatch = practice_mismatch(db_path, backup_path, key)
    if mismatch is not None and mismatch.certain and not other_practice:
        raise OtherPracticeError(
            QT_TRANSLATE_NOOP("restore", "{message} Nothing was restored.").format(
                message=mismatch.message
            )
        )
    problems = verify(backup_path, key=key)
    if problems:
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "restore", "The backup {name} failed verification and was not restored: {problems}"
            ).format(name=backup_path.name, problems="; ".join(problems[:3]))
        )
    try:
        state = migrate.inspect(backup_path, key=key)
    except migrate.DatabaseError as exc:
        raise BackupError(
            QT_TRANSLATE_NOOP("restore", "The backup was not restored. {exc}").format(exc=exc)
        ) from exc
    if not state.exists:
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "restore", "{name} is not a Practice backup; nothing was restored."
            ).format(name=backup_path.name)
        )
    copy = recovery.companion(db_path, recovery.RESTORING)
    recovery.discard(copy)
    try:
        _prepare(copy, backup_path, state, key)
        if key is not None:
            _restore_key_file(db_path, backup_path.parent, key)
        aside = _keep_aside(db_path, key) if db_path.exists() else None
        _swap(copy, db_path)
    except BaseException as exc:
        recovery.discard(copy)
        if isinstance(exc, BackupError):
            raise
        if isinstance(exc, (migrate.DatabaseError, *crypto.FILE_ERRORS)):
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "restore", "Restore failed, the database was left as it was: {exc}"
                ).format(exc=exc)
            ) from exc
        raise
    log.info("restored %s from %s; previous file kept as %s", db_path, backup_path, aside)
    _remember_restored(db_path, backup_path, key)
    if audit:
        kept = f"; previous file kept as {aside.name}" if aside else ""
        _audit(db_path, "restore", f"restored from backup {backup_path.name}{kept}", key)
    return aside


def _prepare(copy: Path, backup_path: Path, state: migrate.SchemaState, key: bytes | None) -> None:
    """The backup as a verified single file at ``copy``, at this version's schema, on disk."""
    source = _connect_ro(backup_path, key)
    try:
        counts = file_check.row_counts(source)
        _copy(source, copy, key)
    finally:
        source.close()
    problems = verify(copy, counts, key=key)
    if problems:
        raise BackupError(
            QT_TRANSLATE_NOOP("restore", "The restored copy failed verification: {names}").format(
                names="; ".join(problems[:3])
            )
        )
    if not state.at_head:
        migrate.upgrade(copy, copy_aside=False, key=key)  # the backup itself is the old copy
        conn = crypto.connect(copy, key)
        try:
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        result = file_check.check_file(copy, key)
        if not result.ok:
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "restore", "The upgraded copy failed its check: {summary}"
                ).format(summary=result.summary)
            )
    _fsync(copy)


def _aside_name(db_path: Path) -> Path:
    stamp = datetime.now(UTC).strftime(_STAMP)
    n = 1
    aside = file_access.before_restore_name(db_path, stamp)
    while aside.exists():
        n += 1
        aside = file_access.before_restore_name(db_path, stamp, n)
    return aside


def _keep_aside(db_path: Path, key: bytes | None) -> Path:
    """Keep the current file under a new name, byte for byte, with what is not folded in.

    A hard link, not a rename: the database keeps its name until the restored copy
    takes it, so there is never a moment without a practice file.
    """
    if recovery.pending(db_path):  # a WAL or hot journal: folded in when it can be
        try:
            recovery.fold(db_path, key)
        except crypto.FILE_ERRORS as exc:
            log.warning("the journal of the file set aside could not be folded in: %s", exc)
    aside = _aside_name(db_path)
    try:
        os.link(db_path, aside)
    except OSError:  # a filesystem without hard links
        shutil.copyfile(db_path, aside)
        os.chmod(aside, 0o600)
        _fsync(aside)
    for suffix in recovery.JOURNALS:  # only when it could not be folded (a damaged file)
        journal = recovery.companion(db_path, suffix)
        if journal.exists() and journal.stat().st_size > 0:
            target = recovery.companion(aside, suffix)
            shutil.copyfile(journal, target)
            os.chmod(target, 0o600)
            _fsync(target)
    sync_dir(db_path.parent)
    return aside


def _swap(copy: Path, db_path: Path) -> None:
    """Rename the restored copy over the database, with no journal of the old file left."""
    for suffix in recovery.COMPANIONS:
        recovery.companion(db_path, suffix).unlink(missing_ok=True)
    os.replace(copy, db_path)
    sync_dir(db_path.parent)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def _restore_key_file(db_path: Path, folder: Path, key: bytes) -> None:
    """Put the backup folder's copy of the key file beside a practice that lacks one."""
    target = crypto.key_file_path(db_path)
    if target.exists():
        return
    for source in sorted(folder.glob("*" + crypto.KEY_FILE_SUFFIX)):
        try:
            if crypto.read_key_file(source).key_id == crypto.key_id(key):
                crypto.write_private(target, source.read_bytes())
                return
        except crypto.CryptoError:
            continue


def _remember_restored(db_path: Path, backup_path: Path, key: bytes | None) -> None:
    """The file now holds the backup's practice: its backup folders remember that."""
    practice_id = read_practice_id(db_path, key)
    if practice_id is None:
        return
    for folder in {backup_path.parent, default_backup_dir(db_path)}:
        if folder.is_dir():
            remember_practice_id(folder, db_path, practice_id)
