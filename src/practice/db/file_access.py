"""Whether a path can hold a practice: a file (not a folder), in a folder that exists
and can be written, with no folder where its lock file goes.

None of these is damage: each is one sentence for the user, said before anything is
opened, locked or created, so that a wrong path never gets a restore offer.
"""

from __future__ import annotations

import os
from pathlib import Path

from practice.db.lock import lock_path
from practice.paths import DB_FILENAME
from practice.text import QT_TRANSLATE_NOOP

NOTHING_CHANGED = QT_TRANSLATE_NOOP("file_access", "Nothing was changed.")
# A restore keeps the file it replaces as "<stem>.before-restore-<stamp>[-n]<suffix>", a
# hard link made before the restored copy takes the name (services/restore.py).
BEFORE_RESTORE = ".before-restore-"


def before_restore_name(db_path: Path, stamp: str, n: int = 1) -> Path:
    """The name a restore keeps the replaced file under (``n`` > 1 when two restores
    fall in the same second)."""
    suffix = db_path.suffix or f".{DB_FILENAME.rsplit('.', 1)[-1]}"
    count = f"-{n}" if n > 1 else ""
    return db_path.with_name(f"{db_path.stem}{BEFORE_RESTORE}{stamp}{count}{suffix}")


class AccessError(Exception):
    """A path that cannot hold a practice; the message is for the user."""


class MissingFolderError(AccessError):
    """The folder of the path does not exist."""


class HardLinkError(AccessError):
    """The file has another name (a hard link): two names, two sets of lock and key files."""


def practice_file(path: Path) -> Path:
    """The file Practice works on for the path the user gave (``--db``, the app's path).

    A symbolic link is followed to the real file, so that its lock, audit key, key
    file, backups and SQLite's -wal/-shm are all beside the real file whichever name
    opened it, and a restore replaces the real file, not the link. A file with more
    than one hard link is refused (:class:`HardLinkError`): another name of it would
    have its own lock and key files, and nothing can tell which name is the practice.
    """
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()
    try:
        links = path.stat().st_nlink if path.is_file() else 1
    except OSError:
        links = 1  # unreadable: said later, by the checks that open it
    if links > 1 and not _only_kept_by_a_restore(path, links):
        raise HardLinkError(
            QT_TRANSLATE_NOOP(
                "file_access",
                "{path} has another name on this disk (a hard link), so Practice cannot "
                "tell which name is the practice: each name would get its own lock and "
                "keys. Open it by one name only: keep one name and remove the other. "
                "{nothing_changed}",
            ).format(path=path, nothing_changed=NOTHING_CHANGED)
        )
    return path


def _only_kept_by_a_restore(path: Path, links: int) -> bool:
    """Whether every other name of ``path`` is the copy a restore keeps beside it: a
    restore killed between keeping it and putting the restored copy in place leaves the
    practice with that second name, which is Practice's own and names no other practice."""
    try:
        me = path.stat()
        others = [
            entry
            for entry in os.scandir(path.parent)
            if entry.name != path.name
            and entry.name.startswith(path.stem + BEFORE_RESTORE)
            and entry.is_file(follow_symlinks=False)
            and os.path.samestat(entry.stat(follow_symlinks=False), me)
        ]
    except OSError:
        return False
    return len(others) == links - 1


def _read_only_mount(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # AttributeError: Windows has no statvfs
        return False


def writable(path: Path) -> bool:
    """Whether this process may write ``path`` (a file or a folder)."""
    return not _read_only_mount(path) and os.access(path, os.W_OK)


def read_only_place(path: Path) -> str | None:
    """Why the practice at ``path`` cannot be written here, or None.

    SQLite writes its journal beside the file, so a read-only folder is enough to
    stop it, even for a file that can itself be written.
    """
    folder = path.parent
    if folder.is_dir() and not writable(folder):
        return (
            f"The folder {folder} is read-only, so Practice cannot work on {path.name} "
            f"there (SQLite writes its journal beside the file). {NOTHING_CHANGED} Copy "
            "the file to a folder you can write, or make this one writable."
        )
    if path.is_file() and not writable(path):
        return (
            f"The file {path} is read-only, so Practice cannot work on it. "
            f"{NOTHING_CHANGED} Make it writable, or copy it to a folder you can write."
        )
    return None


def check(path: Path, *, write: bool = True) -> None:
    """Raise :class:`AccessError` when ``path`` cannot hold a practice (see the module).

    ``write=False`` (a look that only reads) lets a read-only place through.
    """
    if path.is_dir():
        raise AccessError(
            QT_TRANSLATE_NOOP(
                "file_access",
                "{path} is a folder, not a practice file. Give the file itself, for "
                "example {value}. {nothing_changed}",
            ).format(path=path, value=path / DB_FILENAME, nothing_changed=NOTHING_CHANGED)
        )
    folder = path.parent
    if not folder.exists():
        raise MissingFolderError(
            QT_TRANSLATE_NOOP(
                "file_access",
                "The folder {folder} does not exist, so there is no practice at {path}. "
                "Check the path; nothing was created.",
            ).format(folder=folder, path=path)
        )
    if not folder.is_dir():
        raise AccessError(
            QT_TRANSLATE_NOOP(
                "file_access", "{folder} is a file, not a folder. {nothing_changed}"
            ).format(folder=folder, nothing_changed=NOTHING_CHANGED)
        )
    lock = lock_path(path)
    if lock.is_dir():
        raise AccessError(
            QT_TRANSLATE_NOOP(
                "file_access",
                "{lock} is a folder, but Practice keeps its lock file under that name. "
                "Move or rename that folder, then try again. {nothing_changed}",
            ).format(lock=lock, nothing_changed=NOTHING_CHANGED)
        )
    problem = read_only_place(path) if write else None
    if problem:
        raise AccessError(problem)
