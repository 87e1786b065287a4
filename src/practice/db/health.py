"""What is wrong with a database file, before the app opens it (and for ``practice check``).

:func:`check_file` never raises for a bad file and never writes to it: every
finding is a line in :class:`HealthReport`. ``problems`` mean the file should not
be used as it is (damaged, newer, not ours); ``warnings`` are risks the user
should hear about (a cloud-synced folder, a network share, an old schema).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from practice.db import crypto, file_check, migrate
from practice.db.audit_secret import AuditKeys
from practice.domain.audit_chain import MARKER_KEY, ChainRow, verify_rows
from practice.text import QT_TRANSLATE_NOOP

SQLITE_FULL = 13
DISK_FULL_MESSAGE = QT_TRANSLATE_NOOP(
    "health",
    "The disk is full, so the last change could not be saved. Everything saved "
    "before it is safe. Free some space on the disk, then try again.",
)
_AUDIT_TRIGGERS = {"audit_events_no_update", "audit_events_no_delete"}
NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smbfs",
        "smb3",
        "afpfs",
        "webdav",
        "davfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "9p",
        "ncpfs",
    }
)


@dataclass
class HealthReport:
    path: Path
    revision: str | None = None
    head: str | None = None
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    damaged: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        """The report as text for ``practice check``."""
        out = [
            f"database: {self.path}",
            f"schema: {self.revision or '-'} (this version: {self.head})",
        ]
        out += [f"problem: {p}" for p in self.problems]
        out += [f"warning: {w}" for w in self.warnings]
        out.append("result: ok" if self.ok else "result: PROBLEMS FOUND")
        return out


def check_file(
    path: Path, *, chain: bool = True, key: bytes | None = None, deep: bool = True
) -> HealthReport:
    """Check a database file read-only: schema, quick check, foreign keys, audit chain, place.

    An encrypted practice is checked with its ``key``; without it the report says
    that the passphrase is needed. ``deep=False`` reads only the schema (what the
    app needs before opening: a file that is newer, foreign or unreadable); the quick
    check reads every page, so the app runs it in the background once it is open.
    """
    report = HealthReport(path=path)
    report.warnings += location_warnings(path)
    try:
        state = migrate.inspect(path, key=key)
    except migrate.DamagedDatabaseError as exc:
        report.problems.append(str(exc))
        report.damaged = True
        return report
    except migrate.DatabaseError as exc:
        report.problems.append(str(exc))
        return report
    report.revision, report.head = state.revision, state.head
    if not state.exists:
        report.problems.append(f"There is no Practice database at {path}.")
        return report
    if not deep:
        return report
    if not state.at_head:
        report.warnings.append(
            f"The database uses schema {state.revision}; it will be upgraded to "
            f"{state.head} (after a backup) when Practice opens it."
        )
    try:
        conn = crypto.connect(path, key, readonly=True)
    except crypto.OPEN_ERRORS as exc:
        report.problems.append(f"Cannot open {path}: {exc}")
        return report
    try:
        _sqlite_checks(conn, report, chain=chain, at_head=state.at_head, key=key)
    except crypto.DATABASE_ERRORS as exc:
        report.problems.append(f"The database is damaged: {exc}")
        report.damaged = True
    finally:
        conn.close()
    return report


def _sqlite_checks(
    conn: sqlite3.Connection,
    report: HealthReport,
    *,
    chain: bool,
    at_head: bool,
    key: bytes | None = None,
) -> None:
    result = file_check.check(conn, quick=True)
    if result.damaged:
        report.damaged = True
        report.problems += [result.summary, *result.problems]
        return  # the rest would read damaged pages
    report.problems += result.problems
    if at_head:
        triggers = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        if not triggers >= _AUDIT_TRIGGERS:
            report.problems.append("The audit trail is not protected: its triggers were removed.")
    if chain:
        report.problems += audit_chain_problems(conn, key=key, db_path=report.path)


def audit_chain_problems(
    conn: sqlite3.Connection, *, key: bytes | None = None, db_path: Path | None = None
) -> list[str]:
    """Verify the audit hash chain over a plain sqlite3 (or sqlcipher3) connection.

    The keyed part needs the practice's audit secret, found from ``db_path`` (by
    default the connection's own file) and ``key`` (see ``practice.db.audit_secret``).
    """
    path = db_path or _main_file(conn)
    keys = AuditKeys(path, key) if path is not None else None
    marker = _meta(conn, MARKER_KEY)
    columns = {row[1] for row in conn.execute("PRAGMA table_info(audit_events)")}
    who = ", computer, db_user" if {"computer", "db_user"} <= columns else ""  # 0010 on
    cursor = conn.execute(
        f"SELECT id, at, entity, entity_id, action, summary, prev_hash, hash{who} "
        "FROM audit_events ORDER BY id"
    )
    rows = (ChainRow(*row) for row in cursor)
    problems = verify_rows(rows, marker, keys.secrets() if keys else {})
    if marker is None and keys is not None:
        newest = conn.execute("SELECT at FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
        problems += keys.marker_problems(str(newest[0]) if newest else None)
    return problems


def _meta(conn: sqlite3.Connection, name: str) -> str | None:
    """A value of ``practice_meta`` (None when it, or the table, is missing)."""
    try:
        row = conn.execute("SELECT value FROM practice_meta WHERE key = ?", (name,)).fetchone()
    except crypto.DB_ERRORS:
        return None
    return None if row is None else str(row[0])


def _main_file(conn: sqlite3.Connection) -> Path | None:
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file)
    return None


# --- where the file lives -------------------------------------------------------

_CLOUD_MARKERS: tuple[tuple[str, str], ...] = (
    ("dropbox", "Dropbox"),
    ("onedrive", "OneDrive"),
    ("icloud drive", "iCloud Drive"),
    ("iclouddrive", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
    ("com~apple~clouddocs", "iCloud Drive"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("cloudstorage", "a cloud storage service"),
)


def cloud_service(path: PurePath | str) -> str | None:
    """The sync service whose folder ``path`` is in (from its folder names), or None."""
    text = str(path).replace("\\", "/")
    for part in text.split("/"):
        low = part.casefold()
        for marker, name in _CLOUD_MARKERS:
            if low == marker or low.startswith(marker + " ") or low.startswith(marker + "-"):
                return name
            if marker in ("onedrive", "dropbox") and low.startswith(marker):
                return name  # "OneDrive - Company", "Dropbox (Personal)", "OneDriveTemp"
    return None


def mount_fstype(path: Path, mounts_text: str | None = None) -> str | None:
    """The filesystem type of the mount holding ``path`` (Linux /proc/mounts format).

    ``mounts_text`` is for tests; by default /proc/mounts is read, or on macOS the
    output of ``mount``. None when it cannot be told.
    """
    if mounts_text is None:
        mounts_text = _mounts_text()
        if mounts_text is None:
            return None
    target = str(path)
    best, best_type = "", None
    for line in mounts_text.splitlines():
        parsed = _parse_mount_line(line)
        if parsed is None:
            continue
        mount_point, fstype = parsed
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, best_type = mount_point, fstype
    return best_type


def _parse_mount_line(line: str) -> tuple[str, str] | None:
    # Linux: "server:/export /mnt/x nfs4 rw,... 0 0" (spaces escaped as \040)
    # macOS: "//user@server/share on /Volumes/share (smbfs, nodev, ...)"
    if " on " in line and line.rstrip().endswith(")"):
        head, _, rest = line.rpartition(" (")
        mount_point = head.split(" on ", 1)[1]
        return mount_point, rest.split(",", 1)[0].strip(" )")
    fields = line.split()
    if len(fields) < 3:
        return None
    return fields[1].replace("\\040", " "), fields[2]


def _mounts_text() -> str | None:
    try:
        if sys.platform.startswith("linux"):
            return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        if sys.platform == "darwin":  # pragma: no cover - macOS only
            return subprocess.run(
                ["/sbin/mount"], capture_output=True, text=True, timeout=3, check=False
            ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return None


def network_share(path: Path) -> str | None:
    """A description of the network share holding ``path``, or None when it is local."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_network(path)
    resolved = _existing_ancestor(path)
    fstype = mount_fstype(resolved)
    if fstype and (fstype in NETWORK_FS_TYPES or fstype.split(".")[-1] in NETWORK_FS_TYPES):
        return f"a network share ({fstype})"
    return None


def _existing_ancestor(path: Path) -> Path:
    resolved = path.resolve()
    while not resolved.exists() and resolved != resolved.parent:
        resolved = resolved.parent
    return resolved


def _windows_network(path: Path) -> str | None:  # pragma: no cover - Windows only
    text = str(path)
    if text.startswith("\\\\") and not text.startswith("\\\\?\\"):
        return "a network share"
    import ctypes  # deferred: Windows only

    drive = os.path.splitdrive(str(path.resolve()))[0]
    if drive and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4:  # type: ignore[attr-defined]
        return "a network drive"
    return None


def location_warnings(path: Path) -> list[str]:
    """Warnings about keeping a live database where it can be damaged."""
    warnings = []
    service = cloud_service(path.resolve() if path.exists() else path.absolute())
    if service:
        warnings.append(
            f"The database is in a {service} folder. Sync services copy files in the "
            "middle of a save and can damage them: keep the database in a local folder "
            "(backups may go to the synced folder)."
        )
    share = network_share(path)
    if share:
        warnings.append(
            f"The database is on {share}. SQLite files can be damaged over a network: "
            "keep the database on this computer's own disk."
        )
    return warnings


# --- disk full ------------------------------------------------------------------


def exception_chain(exc: BaseException) -> list[BaseException]:
    """The exception, then what it wraps (SQLAlchemy's ``orig``, causes, contexts)."""
    found: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in found):
        found.append(current)
        orig = getattr(current, "orig", None)  # sqlalchemy.exc.DBAPIError
        current = (
            orig if isinstance(orig, BaseException) else (current.__cause__ or current.__context__)
        )
    return found


def is_disk_full(exc: BaseException) -> bool:
    """Whether an exception (SQLAlchemy-wrapped or not) means the disk or database is full."""
    for current in exception_chain(exc):
        if isinstance(current, crypto.DB_ERRORS):
            code = getattr(current, "sqlite_errorcode", None)
            if code is not None and code & 0xFF == SQLITE_FULL:
                return True
            if "database or disk is full" in str(current):
                return True
        if isinstance(current, OSError) and current.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
    return False
