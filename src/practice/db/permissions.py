"""Owner-only modes for every file that holds client data, checked at every open.

The database, its ``-wal``, ``-shm`` and ``-journal``, its key file, lock file and
the copies kept beside it, and every backup of it (with the key file copy) are
made readable by their owner only (0600); the data folder and the backup folders
0700. A file another program made, or a first start killed before its last step,
can leave them readable by others: :func:`tighten` closes them and returns what it
changed, so the caller says so once. On Windows it does nothing (there are no
such modes).
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from practice.db.crypto_files import KEY_FILE_SUFFIX
from practice.paths import data_dir

log = logging.getLogger(__name__)

PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700
# Beside the database: journals, key file, lock, noted unlock failures, a restore's copy.
SIDE_SUFFIXES = (
    "-wal",
    "-shm",
    "-journal",
    KEY_FILE_SUFFIX,
    ".lock",
    ".unlock-failures",
    ".restoring",
)


def _files_beside(db_path: Path) -> list[Path]:
    found = [db_path, *(db_path.with_name(db_path.name + s) for s in SIDE_SUFFIXES)]
    # copies kept aside: <stem>.before-restore-<time>.sqlite3, <stem>.before-<revision>-…
    found += db_path.parent.glob(f"{_glob_escape(db_path.stem)}.before-*")
    return found


def _files_in_backup_folder(folder: Path, stem: str) -> list[Path]:
    if not folder.is_dir():
        return []
    return [
        p
        for p in folder.iterdir()
        if p.name.startswith(f"{stem}.") or p.name.endswith(KEY_FILE_SUFFIX)
    ]


def _glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def _narrow(path: Path, mode: int, *, folder: bool) -> bool:
    """Set ``mode`` when ``path`` (a file, or a folder) allows more; whether it did."""
    try:
        st = path.lstat()
    except OSError:
        return False
    kind_ok = stat.S_ISDIR(st.st_mode) if folder else stat.S_ISREG(st.st_mode)
    if not kind_ok or stat.S_IMODE(st.st_mode) & ~mode == 0:
        return False
    try:
        os.chmod(path, stat.S_IMODE(st.st_mode) & mode)
    except OSError as exc:  # a read-only disk, a file of another user, FAT
        log.warning("could not make %s private: %s", path.name, exc.strerror or exc)
        return False
    return True


def tighten(db_path: Path, backup_dirs: Iterable[Path] = ()) -> list[Path]:
    """Make the practice's files and folders owner-only; return those that were not.

    The database's own folder is tightened only when it is the data folder (a
    ``--db`` elsewhere may be in a folder the user shares on purpose).
    """
    if os.name != "posix":  # pragma: no cover - Windows has no such modes
        return []
    changed: list[Path] = []
    folders = [Path(d) for d in backup_dirs]
    if db_path.parent.absolute() == data_dir().absolute():
        folders.append(db_path.parent)
    for folder in folders:
        if _narrow(folder, PRIVATE_FOLDER, folder=True):
            changed.append(folder)
    files = _files_beside(db_path)
    for folder in backup_dirs:
        files += _files_in_backup_folder(Path(folder), db_path.stem)
    for path in dict.fromkeys(files):  # once each, in order
        if _narrow(path, PRIVATE_FILE, folder=False):
            changed.append(path)
    if changed:
        log.info("made %d files or folders private to their owner", len(changed))
    return changed


def make_private_folder(folder: Path) -> None:
    """Make ``folder`` and each missing folder above it owner-only (``mkdir(parents=True,
    mode=…)`` gives the mode to the last one only: the data folder made on the way to a
    server's backups would be readable by others)."""
    missing = []
    for place in (folder, *folder.parents):
        if place.exists():
            break
        missing.append(place)
    for place in reversed(missing):
        place.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
