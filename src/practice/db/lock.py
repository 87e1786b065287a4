"""One writer per database file: a lock file beside it, usable without Qt.

``practice.sqlite3`` is guarded by ``practice.sqlite3.lock``, holding JSON
``{"pid", "host", "started", "program"}``. The file is created atomically
(``O_CREAT | O_EXCL``), so of two programs starting together exactly one wins.
On POSIX the holder also keeps an advisory ``flock`` on it for as long as it
lives; the operating system drops that lock when the process dies, however it dies.

A lock is *stale*, and is taken over, when it was written on this host and its
process is gone (the pid is not alive, or — on POSIX — nobody holds the flock,
which also covers a pid reused by an unrelated process after a reboot). A lock
written on another host is never taken over automatically: its process cannot be
checked from here (:meth:`DatabaseLock.break_lock` is the user's explicit choice).

Usage::

    with DatabaseLock(path, program="practice-gui"):
        ...  # write
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from practice.text import QT_TRANSLATE_NOOP

if sys.platform != "win32":
    import fcntl

LOCK_SUFFIX = ".lock"
TAKEOVERS_SUFFIX = ".lock-takeovers"
# How old a lock is: seconds in the unit, its words for one and for many.
_AGES = (
    (
        86400,
        QT_TRANSLATE_NOOP("lock", "{count} day ago"),
        QT_TRANSLATE_NOOP("lock", "{count} days ago"),
    ),
    (
        3600,
        QT_TRANSLATE_NOOP("lock", "{count} hour ago"),
        QT_TRANSLATE_NOOP("lock", "{count} hours ago"),
    ),
    (
        60,
        QT_TRANSLATE_NOOP("lock", "{count} minute ago"),
        QT_TRANSLATE_NOOP("lock", "{count} minutes ago"),
    ),
)
# A lock file younger than this with no readable content is being written.
_CREATING_GRACE_S = 2.0


@dataclass(frozen=True)
class LockOwner:
    pid: int
    host: str
    started: str
    program: str

    def describe(self, now: datetime | None = None) -> str:
        """Program, process, host and age, e.g. 'Practice (process 42) on front-desk,
        started 3 days ago (2026-01-01T09:00:00+00:00)'."""
        age = self.age_text(now)
        when = (
            QT_TRANSLATE_NOOP("lock", "started {age} ({started})").format(
                age=age, started=self.started
            )
            if age
            else QT_TRANSLATE_NOOP("lock", "since {started}").format(started=self.started)
        )
        return QT_TRANSLATE_NOOP("lock", "{program} (process {pid}) on {host}, {when}").format(
            program=self.program, pid=self.pid, host=self.host, when=when
        )

    def age_text(self, now: datetime | None = None) -> str:
        """How long ago the lock was written ('3 days ago'); empty when not known."""
        try:
            started = datetime.fromisoformat(self.started)
        except ValueError:
            return ""
        if started.tzinfo is None:
            started = started.replace(tzinfo=UTC)
        seconds = ((now or datetime.now(UTC)) - started).total_seconds()
        if seconds < 0:
            return ""  # a clock ahead of ours
        for size, one, many in _AGES:
            if seconds >= size:
                n = int(seconds // size)
                return (one if n == 1 else many).format(count=n)
        return QT_TRANSLATE_NOOP("lock", "less than a minute ago")

    @property
    def elsewhere(self) -> bool:
        """Written on another computer (or under this one's former name)."""
        return self.host != socket.gethostname()


class LockedError(Exception):
    """Another process holds the database; the message is for the user."""

    def __init__(self, db_path: Path, owner: LockOwner | None, *, held_here: bool = False) -> None:
        self.db_path = db_path
        self.owner = owner
        self.held_here = held_here  # a live process on this computer holds the file lock
        who = (
            owner.describe()
            if owner
            else QT_TRANSLATE_NOOP("lock", "another program (its lock file is being written)")
        )
        super().__init__(
            QT_TRANSLATE_NOOP(
                "lock",
                "The database {path} is in use by {who}. "
                "Close Practice there first; this copy will not write to it.",
            ).format(path=db_path, who=who)
        )

    @property
    def can_take_over(self) -> bool:
        """Whether the user may take the lock over: its process cannot be checked
        from here (another host), so only the user can say that it is gone."""
        return self.owner is not None and self.owner.elsewhere and not self.held_here


class LockFileError(Exception):
    """The lock file cannot be made (a folder has its name, the folder is read-only)."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(
            QT_TRANSLATE_NOOP(
                "lock", "Practice cannot make its lock file {path}: {reason}. Nothing was changed."
            ).format(path=path, reason=reason)
        )


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def read_owner(db_path: Path) -> LockOwner | None:
    """Who holds the lock of ``db_path`` according to its file, or None."""
    try:
        return _parse(lock_path(db_path).read_bytes())
    except OSError:
        return None


def _parse(data: bytes) -> LockOwner | None:
    try:
        raw = json.loads(data.decode("utf-8"))
        return LockOwner(
            pid=int(raw["pid"]),
            host=str(raw["host"]),
            started=str(raw["started"]),
            program=str(raw["program"]),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists on this host."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, belongs to someone else
    return True


def _pid_alive_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes  # deferred: Windows only

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _try_flock(fd: int) -> str:
    """Take an exclusive advisory lock without waiting: 'acquired', 'busy' or 'unsupported'."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return "unsupported"
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return "busy"
    except OSError:
        return "unsupported"  # a filesystem without flock: rely on the pid check
    return "acquired"


def _program_name() -> str:
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return name or "practice"


class DatabaseLock:
    """The one-writer lock of a database file.

    ``acquire()`` raises :class:`LockedError` naming the holder. A lock is held by
    one object: a second ``DatabaseLock`` on the same file, even in the same
    process, is refused. ``release()`` removes only the lock this object wrote.
    """

    def __init__(self, db_path: Path, *, program: str | None = None) -> None:
        self.db_path = Path(db_path)
        self.path = lock_path(self.db_path)
        self.program = program or _program_name()
        self._fd: int | None = None
        self._owner: LockOwner | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, *, attempts: int = 5) -> DatabaseLock:
        """Take the lock or raise :class:`LockedError` (:class:`LockFileError` when the lock
        file cannot be made at all); returns self."""
        if self._fd is not None:
            return self
        if self.path.is_dir():
            raise LockFileError(
                self.path,
                QT_TRANSLATE_NOOP("lock", "a folder has its name; move or rename that folder"),
            )
        last_owner: LockOwner | None = None
        for attempt in range(attempts):
            try:
                created = self._try_create()
            except (PermissionError, IsADirectoryError, NotADirectoryError) as exc:
                raise LockFileError(self.path, exc.strerror or str(exc)) from exc
            except OSError as exc:
                if exc.errno != errno.EROFS:
                    raise
                raise LockFileError(
                    self.path, QT_TRANSLATE_NOOP("lock", "the disk is read-only")
                ) from exc
            if created:
                return self
            outcome, last_owner = self._inspect_existing()
            if outcome in ("locked", "held here"):
                raise LockedError(self.db_path, last_owner, held_here=outcome == "held here")
            if outcome == "wait":
                time.sleep(0.05 * (attempt + 1))
            # "gone" or "reclaimed": try to create again
        raise LockedError(self.db_path, last_owner)

    def _try_create(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.path, flags, 0o600)
        except FileExistsError:
            return False
        try:
            _try_flock(fd)  # a fresh file: nobody else can hold it yet
            owner = LockOwner(
                pid=os.getpid(),
                host=socket.gethostname(),
                started=datetime.now(UTC).isoformat(timespec="seconds"),
                program=self.program,
            )
            os.write(fd, json.dumps(owner.__dict__).encode("utf-8"))
            os.fsync(fd)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                self.path.unlink()
            raise
        self._fd, self._owner = fd, owner
        return True

    def _inspect_existing(self) -> tuple[str, LockOwner | None]:
        """'locked', 'held here' (another host's lock whose flock a live process here holds),
        'wait', 'gone' (file vanished) or 'reclaimed' (stale removed)."""
        try:
            fd = os.open(self.path, os.O_RDWR | getattr(os, "O_BINARY", 0))
        except FileNotFoundError:
            return "gone", None
        except PermissionError:  # pragma: no cover - Windows: being deleted
            return "wait", read_owner(self.db_path)
        closed = False
        try:
            owner = _parse(_read_all(fd))
            age = time.time() - os.fstat(fd).st_mtime
            if owner is None and age < _CREATING_GRACE_S:
                return "wait", None  # its creator is still writing it
            if owner is not None and owner.host != socket.gethostname():
                # Its process cannot be checked from here, but a flock held on this
                # computer means it is alive here, whatever the file says.
                return ("held here" if _try_flock(fd) == "busy" else "locked"), owner
            alive = owner is not None and pid_alive(owner.pid)
            flock = _try_flock(fd)
            if flock == "busy":
                # Held by a live process, or a racer is reclaiming a dead one's lock.
                return ("locked" if alive else "wait"), owner
            if flock == "unsupported" and alive:
                return "locked", owner
            # Stale: nobody holds the flock (pid gone or reused), or the pid is gone.
            if not _same_file(fd, self.path):
                return "gone", owner
            if sys.platform == "win32":  # pragma: no cover - Windows only
                os.close(fd)
                closed = True
                try:
                    self.path.unlink()
                except PermissionError:
                    return "locked", owner  # its holder still has it open
            else:
                self.path.unlink()  # while holding its flock: racers wait
            return "reclaimed", owner
        finally:
            if not closed:
                os.close(fd)

    def release(self) -> None:
        """Remove the lock file if it is still the one this object wrote."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if _same_file(fd, self.path) and read_owner(self.db_path) == self._owner:
                self.path.unlink()
        except OSError:
            pass
        finally:
            os.close(fd)  # also drops the flock

    def break_lock(self) -> LockOwner | None:
        """Remove someone else's lock file (the user said its program is gone)."""
        owner = read_owner(self.db_path)
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        return owner

    def take_over(self) -> LockOwner | None:
        """Break the lock the user said is left over, take it, and note the takeover
        for the audit trail; returns the former holder. Raises :class:`LockedError`
        when another program took it first, or when a live process here holds it."""
        if _flock_held(self.path):
            raise LockedError(self.db_path, read_owner(self.db_path), held_here=True)
        owner = self.break_lock()
        self.acquire()
        _note_takeover(self.db_path, owner)
        return owner

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def __del__(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(Exception):
                self.release()


def _flock_held(path: Path) -> bool:
    """Whether a process on this computer holds the flock of the lock file at ``path``."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        return _try_flock(fd) == "busy"
    finally:
        os.close(fd)


def _takeovers_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + TAKEOVERS_SUFFIX)


def _note_takeover(db_path: Path, owner: LockOwner | None) -> None:
    who = owner.describe() if owner else "an unreadable lock"
    line = f"{datetime.now(UTC).isoformat(timespec='seconds')}\t{who[:300]}\n"
    fd = os.open(_takeovers_path(db_path), os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)


def takeovers(db_path: Path) -> list[tuple[str, str]]:
    """The noted takeovers of the lock as (UTC time, former holder), oldest first."""
    try:
        text = _takeovers_path(db_path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    found = []
    for line in text.splitlines():
        when, _, who = line.partition("\t")
        if when:
            found.append((when[:40], who[:300]))
    return found


def clear_takeovers(db_path: Path) -> None:
    _takeovers_path(db_path).unlink(missing_ok=True)


def _read_all(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 4096):
        chunks.append(chunk)
    return b"".join(chunks)


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    here = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (here.st_dev, here.st_ino)
