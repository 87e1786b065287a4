"""Verified backups and their rotation (restore is ``practice.services.restore``).

Every copy is made with SQLite's online backup API (a consistent snapshot, WAL
included), never by copying bytes. A backup is written under a temporary name,
verified (``integrity_check``, ``foreign_key_check`` and the row count of every
table equal to the source's at the moment of the snapshot), made readable by the
user only, and only then given its final name. A backup that fails verification
is kept as ``*.failed`` for inspection and reported, never counted as good.

File names: ``<database stem>.<UTC stamp YYYYmmddTHHMMSSZ>.<kind>.sqlite3``.

Rotation (restic-style, per practice, over good backups of any kind): keep every
backup of the last 48 hours and the 10 newest whatever their age (``--keep-within
48h --keep-last 10``), then the newest backup of each of the 14 most recent days
that have backups, of each of the 8 most recent ISO weeks, and of each of the 12
most recent months (days, weeks and months in UTC). Because it counts periods
*that have backups*, not calendar periods back from today, a practice closed for a
year keeps its history. The newest verified backup is never deleted, nor a file
dated in the future (a wrong clock). Failed backups beyond the 3 newest are deleted.
Backups taken before a schema upgrade (kind ``pre-migration``) are outside the
rotation: they are the way back to the previous version's file, one per upgrade.

A practice is known by the id inside the file (``practice.db.identity``), not by
its name: rotation reads the id of every backup in the folder and thins out only
those of the practice just backed up. A backup of another practice, or one whose id
cannot be read (made before ids existed, encrypted with another key, damaged), is
never deleted.

Which backups are a practice's (listing, the latest good backup, the damage hints,
the app's offers, the daily-backup check) is decided the same way, by
:func:`backups_of`: among the backups named after the file's stem, those whose id is
the practice's. The id is read from the practice file; when that file cannot be
read (damaged, which is exactly when a backup is wanted), from ``practice-ids.json``
in the backup folder, which every verified backup updates with the id it carries,
under the practice file's full path. That record lives with the backups it
describes (it moves with them) and holds no client data. When neither gives an id
(a damaged file whose backups predate the record) the stem's backups are taken only
when they all carry one id; several practices under one stem are never guessed
between. A restore compares the ids too (``practice.services.restore``).
"""

from __future__ import annotations

import contextlib
import json
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
from practice.db.audit_secret import copy_audit_key
from practice.db.crypto_files import write_private
from practice.db.encryption import copy_key_file
from practice.db.engine import Database
from practice.db.identity import read_practice_id
from practice.services import audit as audit_trail
from practice.services import audit_heads
from practice.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

BackupKind = Literal["manual", "daily", "exit", "pre-migration"]
KINDS: tuple[str, ...] = ("manual", "daily", "exit", "pre-migration")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 14, 8, 12
KEEP_WITHIN, KEEP_LAST = timedelta(hours=48), 10
KEEP_FAILED = 3
SUFFIX = ".sqlite3"
IDS_FILE = "practice-ids.json"  # practice file's full path -> its id (module docstring)
FAILED_SUFFIX = ".failed"
_STAMP = "%Y%m%dT%H%M%SZ"


def _name_re(suffix: str) -> re.Pattern[str]:
    """Backup names ending in ``suffix`` (``.sqlite3``; ``.pgdump`` on a server)."""
    return re.compile(
        r"^(?P<stem>.+)\.(?P<stamp>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?\.(?P<kind>"
        + "|".join(re.escape(k) for k in KINDS)
        + r")"
        + re.escape(suffix)
        + "$"
    )


_NAME_RE = _name_re(SUFFIX)


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


def written_order(b: BackupFile) -> tuple[datetime, int, str]:
    """Sort key, oldest first: names say the second, the file's clock splits a tie."""
    try:
        written = b.path.stat().st_mtime_ns
    except OSError:
        written = 0
    return (b.taken_at, written, b.path.name)


def default_backup_dir(db_path: Path | None = None) -> Path:
    """``backups`` beside ``db_path`` (a file opened with ``--db`` keeps its own); without
    one, the usual practice's: ``backups`` in the data folder."""
    return backup_folders.default_folder(db_path)


def _connect_ro(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    return crypto.connect(path, key, readonly=True)


def verify(
    path: Path, expected_counts: dict[str, int] | None = None, *, key: bytes | None = None
) -> list[str]:
    """Problems of a backup file; empty when it is a sound copy (encrypted with ``key``)."""
    if not path.is_file():
        return [f"{path} does not exist"]
    if path.stat().st_size == 0:
        return [f"{path.name} is empty (0 bytes)"]
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


def _stamp_head(copy: Path, key: bytes | None) -> bool:
    """Write the audit chain's head into a backup copy (see ``audit_heads``); True when
    that added a row to its ``practice_meta``."""
    conn = crypto.connect(copy, key)
    try:
        added = audit_heads.stamp(conn)
    finally:
        conn.close()
    with open(copy, "rb+") as f:
        os.fsync(f.fileno())
    return added


def _unique_name(folder: Path, stem: str, stamp: str, kind: str, suffix: str = SUFFIX) -> Path:
    n = 1
    while True:
        tail = stamp if n == 1 else f"{stamp}-{n}"
        path = folder / f"{stem}.{tail}.{kind}{suffix}"
        taken = (
            path,
            path.with_name(path.name + FAILED_SUFFIX),
            path.with_name(path.name + ".partial"),
        )
        if not any(p.exists() for p in taken):  # a .partial: a backup killed this second
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
    """Back up ``db_path`` into ``to_dir`` (default: ``backups`` beside it), verified.

    An encrypted database (``key``) gives a backup encrypted with the same key, and
    a copy of its key file goes into the folder (so the passphrase opens the
    backups even if the database's own folder is lost); so does the audit key file
    of a plain one. The copy records the audit chain's head (``audit_heads``).

    Raises :class:`BackupError` when the source cannot be read or the folder not
    written; a copy that fails verification is returned with ``verified=False``
    and its ``problems``. Good backups are followed by :func:`rotate`. With
    ``audit``, the backup is recorded in the database's audit trail (when it is at
    the current schema), which writes to it: the caller must then hold its lock.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    if not db_path.is_file():
        raise BackupError(
            QT_TRANSLATE_NOOP("backup", "There is no database at {db_path}.").format(
                db_path=db_path
            )
        )
    folder = to_dir or default_backup_dir(db_path)
    now = now or datetime.now(UTC)
    partial: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
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
            if _stamp_head(partial, key):
                counts["practice_meta"] += 1  # the head, written into the copy only
        finally:
            source.close()
        if key is not None:
            copy_key_file(db_path, folder)
        copy_audit_key(db_path, folder)
    except crypto.FILE_ERRORS as exc:
        if partial is not None:
            with contextlib.suppress(OSError):
                partial.unlink()
        if folder.exists() and not folder.is_dir():
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "backup",
                    "Could not back up {db_path}: there is a file named {name} in {parent}, "
                    "where the backup folder should be. Move or rename that file, or choose "
                    "another backup folder.",
                ).format(db_path=db_path, name=folder.name, parent=folder.parent)
            ) from exc
        raise BackupError(
            QT_TRANSLATE_NOOP("backup", "Could not back up {db_path} to {folder}: {exc}").format(
                db_path=db_path, folder=folder, exc=exc
            )
        ) from exc
    problems = verify(partial, counts, key=key)
    final = target if not problems else target.with_name(target.name + FAILED_SUFFIX)
    os.replace(partial, final)
    result = BackupResult(final, not problems, problems, counts)
    if problems:
        log.error("backup %s failed verification: %s", final, problems[:3])
    else:
        log.info("verified backup %s", final)
        if rotate_after:
            _rotate_after(folder, final, now, key, db_path)
        else:
            made_id = read_practice_id(final, key)
            if made_id is not None:
                remember_practice_id(folder, db_path, made_id)
    if audit:
        _audit_backup(db_path, result, kind, key)
    return result


def list_backups(
    folder: Path, stem: str | None = None, *, include_failed: bool = False, suffix: str = SUFFIX
) -> list[BackupFile]:
    """Backups in ``folder`` (of the database named ``stem``), oldest first.

    With ``include_failed``, copies kept as ``*.failed`` are listed too (``verified``
    False); they are never candidates for a restore. ``suffix``: the backups of a
    practice on a server end in ``.pgdump`` (``practice.services.server_backup``).
    """
    if not folder.is_dir():
        return []
    name_re = _NAME_RE if suffix == SUFFIX else _name_re(suffix)
    found = []
    for path in folder.iterdir():
        name, failed = path.name, path.name.endswith(FAILED_SUFFIX)
        if failed:
            if not include_failed:
                continue
            name = name[: -len(FAILED_SUFFIX)]
        m = name_re.match(name)
        if not m or (stem is not None and m["stem"] != stem):
            continue
        taken = datetime.strptime(m["stamp"], _STAMP).replace(tzinfo=UTC)
        found.append(BackupFile(path, m["stem"], taken, m["kind"], verified=not failed))
    found.sort(key=written_order)
    return found


def _ids_path(folder: Path) -> Path:
    return folder / IDS_FILE


def _full_name(db_path: Path) -> str:
    return str(db_path.expanduser().resolve())


def _remembered_ids(folder: Path) -> dict[str, str]:
    try:
        data = json.loads(_ids_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


def remember_practice_id(folder: Path, db_path: Path, practice_id: str) -> None:
    """Record in ``folder`` that ``db_path`` holds practice ``practice_id`` (best effort)."""
    ids = _remembered_ids(folder)
    if ids.get(_full_name(db_path)) == practice_id:
        return
    ids[_full_name(db_path)] = practice_id
    try:
        write_private(_ids_path(folder), (json.dumps(ids, indent=2) + "\n").encode())
    except OSError as exc:
        log.warning("could not record the practice id in %s: %s", folder, exc)


def remembered_practice_id(folder: Path, db_path: Path) -> str | None:
    """The id the backups in ``folder`` last saw in ``db_path``, if recorded."""
    return _remembered_ids(folder).get(_full_name(db_path))


def practice_id_of(db_path: Path, folder: Path, key: bytes | None = None) -> str | None:
    """``db_path``'s practice id: read from it, else as remembered in ``folder``."""
    return read_practice_id(db_path, key) or remembered_practice_id(folder, db_path)


def backups_of(
    folder: Path,
    db_path: Path,
    *,
    key: bytes | None = None,
    include_failed: bool = False,
    include_unknown: bool = False,
) -> list[BackupFile]:
    """The backups in ``folder`` of the practice at ``db_path``, oldest first.

    Named after ``db_path``'s stem *and* carrying its practice id (see the module
    docstring). With ``include_unknown``, backups whose id cannot be read (made
    before ids existed, another key) are listed too: for the user to see, never
    offered as the latest good backup.
    """
    named = list_backups(folder, db_path.stem, include_failed=include_failed)
    if not named:
        return []
    ids = {b.path: read_practice_id(b.path, key) for b in named}
    practice_id = practice_id_of(db_path, folder, key)
    if practice_id is None:
        seen = {i for i in ids.values() if i is not None}
        if len(seen) > 1:
            log.warning(
                "backups named %s in %s belong to %d practices and %s cannot be read: "
                "none is taken for it",
                db_path.stem,
                folder,
                len(seen),
                db_path.name,
            )
            return [b for b in named if include_unknown and ids[b.path] is None]
        practice_id = next(iter(seen), None)
    return [
        b for b in named if ids[b.path] == practice_id or (include_unknown and ids[b.path] is None)
    ]


def latest_good_backup(
    folder: Path | None = None, db_path: Path | None = None, *, key: bytes | None = None
) -> Path | None:
    """The newest backup (of ``db_path``'s practice, see :func:`backups_of`) that passes
    verification now."""
    folder = folder or default_backup_dir(db_path)
    found = backups_of(folder, db_path, key=key) if db_path else list_backups(folder)
    for backup in reversed(found):
        if not verify(backup.path, key=key):
            return backup.path
        log.warning("backup %s no longer verifies", backup.path)
    return None


def daily_backup_due(
    folder: Path | None = None,
    db_path: Path | None = None,
    *,
    now: datetime | None = None,
    key: bytes | None = None,
) -> bool:
    """True when no backup (any kind) of the practice was taken in the last 24 hours."""
    now = now or datetime.now(UTC)
    folder = folder or default_backup_dir(db_path)
    backups = backups_of(folder, db_path, key=key) if db_path else list_backups(folder)
    return not any(now - timedelta(hours=24) < b.taken_at <= now for b in backups)


def backups_to_keep(
    backups: Iterable[BackupFile],
    *,
    now: datetime,
    keep_daily: int = KEEP_DAILY,
    keep_weekly: int = KEEP_WEEKLY,
    keep_monthly: int = KEEP_MONTHLY,
    keep_within: timedelta = KEEP_WITHIN,
    keep_last: int = KEEP_LAST,
) -> set[Path]:
    """The rotation rule (see the module docstring) applied to one practice's backups."""
    ordered = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    keep = {b.path for b in ordered if b.taken_at > now}  # future-dated: a wrong clock
    past = [b for b in ordered if b.taken_at <= now]
    keep |= {b.path for b in past if b.taken_at > now - keep_within}
    keep |= {b.path for b in past[:keep_last]}
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
    practice_id: str,
    *,
    now: datetime | None = None,
    newest_good: Path | None = None,
    keep_daily: int = KEEP_DAILY,
    keep_weekly: int = KEEP_WEEKLY,
    keep_monthly: int = KEEP_MONTHLY,
    keep_within: timedelta = KEEP_WITHIN,
    keep_last: int = KEEP_LAST,
    key: bytes | None = None,
) -> list[Path]:
    """Delete the backups of practice ``practice_id`` the rotation does not keep; return them.

    Only backups whose stored id is ``practice_id`` (read with ``key`` when encrypted)
    are candidates. ``newest_good`` is the newest backup known to verify (the newest
    of this practice's that verifies when not given); it is never deleted.
    """
    now = now or datetime.now(UTC)
    everything = list_backups(folder, include_failed=True)
    ids = {b.path: read_practice_id(b.path, key) for b in everything}
    mine = [b for b in everything if ids[b.path] == practice_id]
    unread = sum(1 for b in everything if ids[b.path] is None)
    others = len(everything) - len(mine) - unread
    if unread or others:
        log.info(
            "rotation left alone %d backups of other practices and %d whose practice "
            "could not be read",
            others,
            unread,
        )
    if newest_good is None:
        good = [b for b in mine if b.verified]
        newest_good = next((b.path for b in reversed(good) if not verify(b.path, key=key)), None)
    return thin_out(
        mine,
        now=now,
        newest_good=newest_good,
        keep_daily=keep_daily,
        keep_weekly=keep_weekly,
        keep_monthly=keep_monthly,
        keep_within=keep_within,
        keep_last=keep_last,
    )


def thin_out(
    mine: list[BackupFile],
    *,
    now: datetime,
    newest_good: Path | None,
    keep_daily: int = KEEP_DAILY,
    keep_weekly: int = KEEP_WEEKLY,
    keep_monthly: int = KEEP_MONTHLY,
    keep_within: timedelta = KEEP_WITHIN,
    keep_last: int = KEEP_LAST,
) -> list[Path]:
    """Delete what the rotation does not keep of one practice's backups ``mine`` (good
    and failed); return the deleted. Used for files (:func:`rotate`) and for the dumps
    of a practice on a server (``server_backup``)."""
    good = [b for b in mine if b.verified]
    keep = backups_to_keep(
        good,
        now=now,
        keep_daily=keep_daily,
        keep_weekly=keep_weekly,
        keep_monthly=keep_monthly,
        keep_within=keep_within,
        keep_last=keep_last,
    )
    if newest_good is not None:
        keep.add(newest_good)
    keep |= {b.path for b in good if b.kind == "pre-migration"}  # see the module docstring
    failed = [b.path for b in mine if not b.verified]
    doomed = [b.path for b in good if b.path not in keep] + failed[:-KEEP_FAILED]
    for path in doomed:
        path.unlink(missing_ok=True)
    if doomed:
        log.info("rotation removed %d old backups", len(doomed))
    return doomed


def _rotate_after(
    folder: Path, made: Path, now: datetime, key: bytes | None, db_path: Path | None = None
) -> None:
    """Rotate the backups of the practice ``made`` (a verified backup of ``db_path``)
    belongs to, after recording its id for ``db_path`` (see :func:`backups_of`)."""
    practice_id = read_practice_id(made, key)
    if practice_id is None:  # e.g. a pre-migration backup of a file from before ids
        log.info("rotation skipped: the backup holds no practice id")
        return
    if db_path is not None:
        remember_practice_id(folder, db_path, practice_id)
    rotate(folder, practice_id, now=now, newest_good=made, key=key)


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
