"""Verified backups, their rotation, and restore.

Every copy is made with SQLite's online backup API (a consistent snapshot, WAL
included), never by copying bytes. A backup is written under a temporary name,
verified (``integrity_check``, ``foreign_key_check`` and the row count of every
table equal to the source's at the moment of the snapshot), made readable by the
user only, and only then given its final name. A backup that fails verification
is kept as ``*.failed`` for inspection and reported, never counted as good.

File names: ``<database stem>.<UTC stamp YYYYmmddTHHMMSSZ>.<kind>.sqlite3``.

Rotation (restic-style, per database, over good backups of any kind):
keep the newest backup of each of the 14 most recent days that have backups,
of each of the 8 most recent ISO weeks, and of each of the 12 most recent months
(days, weeks and months in UTC). Because it counts periods *that have backups*,
not calendar periods back from today, a practice closed for a year keeps its
history. The newest verified backup is never deleted, nor a file dated in the
future (a wrong clock). Failed backups beyond the 3 newest are deleted.
Backups taken before a schema upgrade (kind ``pre-migration``) are outside the
rotation: they are the way back to the previous version's file, one per upgrade.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from practice.db import backup_folders, crypto, file_check, migrate
from practice.db.encryption import copy_key_file
from practice.db.engine import Database
from practice.services import audit as audit_trail

log = logging.getLogger(__name__)

BackupKind = Literal["manual", "daily", "exit", "pre-migration"]
KINDS: tuple[str, ...] = ("manual", "daily", "exit", "pre-migration")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 14, 8, 12
KEEP_FAILED = 3
SUFFIX = ".sqlite3"
FAILED_SUFFIX = ".failed"
_STAMP = "%Y%m%dT%H%M%SZ"
_NAME_RE = re.compile(
    r"^(?P<stem>.+)\.(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?\.(?P<kind>"
    + "|".join(re.escape(k) for k in KINDS)
    + r")\.sqlite3$"
)


class BackupError(Exception):
    """A backup or restore that could not be done; the message is for the user."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    verified: bool
    problems: list[str] = field(default_factory=list)
    row_counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class BackupFile:
    """A backup found in a folder, as named by :func:`make_backup`."""

    path: Path
    stem: str
    taken_at: datetime
    kind: str
    verified: bool = True  # False: kept as ``*.failed`` after failing verification


def default_backup_dir() -> Path:
    """``backups`` in the data folder (``PRACTICE_DATA_DIR`` moves it too)."""
    return backup_folders.default_folder()


def _connect_ro(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    return crypto.connect(path, key, readonly=True)


def verify(
    path: Path, expected_counts: dict[str, int] | None = None, *, key: bytes | None = None
) -> list[str]:
    """Problems of a backup file; empty when it is a sound copy (encrypted with ``key``)."""
    if not path.is_file():
        return [f"{path} does not exist"]
    if key is None and not crypto.has_plain_header(path):
        return [f"{path.name} is encrypted (or damaged): the passphrase is needed to check it"]
    if key is not None and crypto.has_plain_header(path):
        return [f"{path.name} is not encrypted, unlike this practice"]
    result = file_check.check_file(path, key, counts=expected_counts is not None)
    problems = list(result.problems)
    if expected_counts is not None and result.row_counts is not None:
        counts = result.row_counts
        for table in sorted(set(expected_counts) | set(counts)):
            want, got = expected_counts.get(table), counts.get(table)
            if want != got:
                problems.append(f"table {table}: {got} rows, the source had {want}")
    return problems


def _create_private(path: Path) -> None:
    """An empty file readable by the user only (an empty file is a valid database)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _copy(source: sqlite3.Connection, target_path: Path, key: bytes | None = None) -> None:
    """Copy with the backup API into a new private file, as a single-file database.

    With ``key`` (an encrypted source) the target is keyed the same way.
    """
    _create_private(target_path)
    dst = crypto.connect(target_path, key)
    try:
        source.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
    with open(target_path, "rb+") as f:
        os.fsync(f.fileno())


def _unique_name(folder: Path, stem: str, stamp: str, kind: str) -> Path:
    n = 1
    while True:
        tail = stamp if n == 1 else f"{stamp}-{n}"
        path = folder / f"{stem}.{tail}.{kind}{SUFFIX}"
        failed = path.with_name(path.name + FAILED_SUFFIX)
        if not path.exists() and not failed.exists():
            return path
        n += 1


def make_backup(
    db_path: Path,
    to_dir: Path | None = None,
    kind: BackupKind = "manual",
    *,
    rotate_after: bool = True,
    audit: bool = True,
    now: datetime | None = None,
    key: bytes | None = None,
) -> BackupResult:
    """Back up ``db_path`` into ``to_dir`` (default :func:`default_backup_dir`), verified.

    An encrypted database (``key``) gives a backup encrypted with the same key, and
    a copy of its key file goes into the folder (so the passphrase opens the
    backups even if the database's own folder is lost).

    Raises :class:`BackupError` when the source cannot be read or the folder not
    written; a copy that fails verification is returned with ``verified=False``
    and its ``problems``. Good backups are followed by :func:`rotate`. With
    ``audit``, the backup is recorded in the database's audit trail (when it is at
    the current schema), which writes to it: the caller must then hold its lock.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    if not db_path.is_file():
        raise BackupError(f"There is no database at {db_path}.")
    folder = to_dir or default_backup_dir()
    now = now or datetime.now(UTC)
    partial: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        backup_folders.remember(db_path, folder)  # encryption looks for plain copies there
        target = _unique_name(folder, db_path.stem, now.astimezone(UTC).strftime(_STAMP), kind)
        partial = target.with_name(target.name + ".partial")
        source = _connect_ro(db_path, key)
        try:
            # One read transaction: the counts and the copy see the same snapshot.
            source.execute("BEGIN")
            counts = file_check.row_counts(source)
            _copy(source, partial, key)
            source.execute("COMMIT")
        finally:
            source.close()
        if key is not None:
            copy_key_file(db_path, folder)
    except crypto.FILE_ERRORS as exc:
        if partial is not None:
            with contextlib.suppress(OSError):
                partial.unlink()
        raise BackupError(f"Could not back up {db_path} to {folder}: {exc}") from exc
    problems = verify(partial, counts, key=key)
    final = target if not problems else target.with_name(target.name + FAILED_SUFFIX)
    os.replace(partial, final)
    result = BackupResult(final, not problems, problems, counts)
    if problems:
        log.error("backup %s failed verification: %s", final, problems[:3])
    else:
        log.info("verified backup %s", final)
        if rotate_after:
            rotate(folder, db_path.stem, now=now, newest_good=final, key=key)
    if audit:
        _audit_backup(db_path, result, kind, key)
    return result


def list_backups(
    folder: Path, stem: str | None = None, *, include_failed: bool = False
) -> list[BackupFile]:
    """Backups in ``folder`` (of the database named ``stem``), oldest first.

    With ``include_failed``, copies kept as ``*.failed`` are listed too (``verified``
    False); they are never candidates for a restore.
    """
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        name, failed = path.name, path.name.endswith(FAILED_SUFFIX)
        if failed:
            if not include_failed:
                continue
            name = name[: -len(FAILED_SUFFIX)]
        m = _NAME_RE.match(name)
        if not m or (stem is not None and m["stem"] != stem):
            continue
        taken = datetime.strptime(m["stamp"], _STAMP).replace(tzinfo=UTC)
        found.append(BackupFile(path, m["stem"], taken, m["kind"], verified=not failed))
    found.sort(key=lambda b: (b.taken_at, b.path.name))
    return found


def latest_good_backup(
    folder: Path | None = None, db_path: Path | None = None, *, key: bytes | None = None
) -> Path | None:
    """The newest backup (of ``db_path``'s database) that passes verification now."""
    folder = folder or default_backup_dir()
    stem = db_path.stem if db_path else None
    for backup in reversed(list_backups(folder, stem)):
        if not verify(backup.path, key=key):
            return backup.path
        log.warning("backup %s no longer verifies", backup.path)
    return None


def daily_backup_due(
    folder: Path | None = None, db_path: Path | None = None, *, now: datetime | None = None
) -> bool:
    """True when no backup (any kind) of the database was taken in the last 24 hours."""
    now = now or datetime.now(UTC)
    stem = db_path.stem if db_path else None
    backups = list_backups(folder or default_backup_dir(), stem)
    return not any(now - timedelta(hours=24) < b.taken_at <= now for b in backups)


def backups_to_keep(
    backups: Iterable[BackupFile],
    *,
    now: datetime,
    keep_daily: int = KEEP_DAILY,
    keep_weekly: int = KEEP_WEEKLY,
    keep_monthly: int = KEEP_MONTHLY,
) -> set[Path]:
    """The rotation rule (see the module docstring) applied to one database's backups."""
    ordered = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    keep = {b.path for b in ordered if b.taken_at > now}  # future-dated: a wrong clock
    past = [b for b in ordered if b.taken_at <= now]
    rules = (
        (keep_daily, lambda t: t.date()),
        (keep_weekly, lambda t: t.isocalendar()[:2]),
        (keep_monthly, lambda t: (t.year, t.month)),
    )
    for count, period in rules:
        seen: list[object] = []
        for b in past:  # newest first: the first of each period is its newest
            key = period(b.taken_at)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.append(key)
            keep.add(b.path)
    return keep


def rotate(
    folder: Path,
    stem: str,
    *,
    now: datetime | None = None,
    newest_good: Path | None = None,
    keep_daily: int = KEEP_DAILY,
    keep_weekly: int = KEEP_WEEKLY,
    keep_monthly: int = KEEP_MONTHLY,
    key: bytes | None = None,
) -> list[Path]:
    """Delete the backups of database ``stem`` the rotation does not keep; return them.

    ``newest_good`` is the newest backup known to verify (found with
    :func:`latest_good_backup` when not given); it is never deleted.
    """
    now = now or datetime.now(UTC)
    backups = list_backups(folder, stem)
    keep = backups_to_keep(
        backups,
        now=now,
        keep_daily=keep_daily,
        keep_weekly=keep_weekly,
        keep_monthly=keep_monthly,
    )
    if newest_good is None:
        newest_good = latest_good_backup(folder, folder / f"{stem}{SUFFIX}", key=key)
    if newest_good is not None:
        keep.add(newest_good)
    keep |= {b.path for b in backups if b.kind == "pre-migration"}  # see the module docstring
    deleted = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            deleted.append(b.path)
    failed = sorted(folder.glob(f"{glob_escape(stem)}.*{SUFFIX}{FAILED_SUFFIX}"))
    for path in failed[:-KEEP_FAILED] if len(failed) > KEEP_FAILED else []:
        path.unlink(missing_ok=True)
        deleted.append(path)
    if deleted:
        log.info("rotation removed %d old backups", len(deleted))
    return deleted


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def _audit(db_path: Path, action: str, summary: str, key: bytes | None = None) -> None:
    """Record a backup or restore in the database's own audit trail."""
    database = Database(db_path, key=key)
    try:
        with database.session() as db:
            audit_trail.record(db, "database", None, action, summary)
    finally:
        database.dispose()


def _audit_backup(db_path: Path, result: BackupResult, kind: str, key: bytes | None = None) -> None:
    try:
        if not migrate.inspect(db_path, key=key).at_head:
            return  # e.g. a pre-migration backup: the trail's schema may differ
        verdict = "verified" if result.verified else "FAILED verification"
        _audit(db_path, "backup", f"{kind} backup {result.path.name} {verdict}", key)
    except Exception as exc:  # the backup itself stands; say why it is not in the trail
        log.warning("backup %s could not be audited: %s", result.path.name, exc)


def _move_aside(db_path: Path, stamp: str) -> Path:
    """Rename the current file (and its WAL) beside itself, byte for byte.

    A rename, not a copy: it keeps a damaged file exactly as it was.
    """
    aside = db_path.with_name(f"{db_path.stem}.before-restore-{stamp}{db_path.suffix or SUFFIX}")
    n = 1
    while aside.exists():
        n += 1
        aside = db_path.with_name(
            f"{db_path.stem}.before-restore-{stamp}-{n}{db_path.suffix or SUFFIX}"
        )
    os.replace(db_path, aside)
    for extra in ("-wal", "-shm", "-journal"):
        companion = Path(str(db_path) + extra)
        if companion.exists():
            os.replace(companion, Path(str(aside) + extra))
    return aside


def _move_back(aside: Path, db_path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal"):
        Path(str(db_path) + extra).unlink(missing_ok=True)
        if Path(str(aside) + extra).exists():
            os.replace(Path(str(aside) + extra), Path(str(db_path) + extra))


def restore(
    db_path: Path, backup_path: Path, *, audit: bool = True, key: bytes | None = None
) -> Path | None:
    """Replace the database at ``db_path`` by ``backup_path``; return where the old file went.

    The backup is verified first and refused (:class:`BackupError`, nothing
    changed) when it fails verification, is not a Practice database, or was
    written by a newer version. The current file is renamed aside
    (``<stem>.before-restore-<stamp>.sqlite3``), the backup copied in with the
    backup API and verified again; on any failure the current file is put back.
    A backup from an older schema is upgraded. The restore is audited in the
    restored database. Returns None when there was no current file.

    The caller must hold the :class:`~practice.db.lock.DatabaseLock` and have
    disposed of its own engines on ``db_path``. An encrypted practice's backups
    are restored with its ``key``; when the practice's key file is missing, the
    copy kept in the backup's folder is put beside it.
    """
    if backup_path.resolve() == db_path.resolve():
        raise BackupError("A database cannot be restored from itself.")
    problems = verify(backup_path, key=key)
    if problems:
        raise BackupError(
            f"The backup {backup_path.name} failed verification and was not restored: "
            + "; ".join(problems[:3])
        )
    try:
        state = migrate.inspect(backup_path, key=key)
    except migrate.DatabaseError as exc:
        raise BackupError(f"The backup was not restored. {exc}") from exc
    if not state.exists:
        raise BackupError(f"{backup_path.name} is not a Practice backup; nothing was restored.")
    stamp = datetime.now(UTC).strftime(_STAMP)
    aside = _move_aside(db_path, stamp) if db_path.exists() else None
    try:
        source = _connect_ro(backup_path, key)
        try:
            counts = file_check.row_counts(source)
            _copy(source, db_path, key)
        finally:
            source.close()
        problems = verify(db_path, counts, key=key)
        if problems:
            raise BackupError(f"The restored copy failed verification: {'; '.join(problems[:3])}")
        if key is not None:
            _restore_key_file(db_path, backup_path.parent, key)
        if not state.at_head:
            migrate.upgrade(db_path, key=key)
    except BaseException as exc:
        if aside is not None:
            _move_back(aside, db_path)
        else:
            db_path.unlink(missing_ok=True)
        if isinstance(exc, BackupError):
            raise
        if isinstance(exc, (migrate.DatabaseError, *crypto.FILE_ERRORS)):
            raise BackupError(f"Restore failed, the database was left as it was: {exc}") from exc
        raise
    log.info("restored %s from %s; previous file kept as %s", db_path, backup_path, aside)
    if audit:
        kept = f"; previous file kept as {aside.name}" if aside else ""
        _audit(db_path, "restore", f"restored from backup {backup_path.name}{kept}", key)
    return aside


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
