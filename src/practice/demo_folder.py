"""The temporary folder of ``practice --demo``: made at start, removed at exit.

The demo practice (``demo.sqlite3``, its lock and its backups) lives in a folder
``practice-demo-*`` in the system's temporary folder. The app removes it when it
ends, also on Ctrl+C or SIGTERM (see ``practice.app``). A demo killed outright
(SIGKILL, a power cut) cannot; the next demo start removes such folders: only
real folders with that prefix, owned by this user, whose lock names a process of
this computer that no longer runs.
"""

from __future__ import annotations

import os
import shutil
import socket
import stat
import tempfile
from pathlib import Path

from practice.db.lock import pid_alive, read_owner

PREFIX = "practice-demo-"
DB_NAME = "demo.sqlite3"


def _ours(folder: Path) -> bool:
    try:
        info = folder.lstat()
    except OSError:
        return False
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISDIR(info.st_mode) and owner_ok and folder.name.startswith(PREFIX)


def make() -> Path:
    """A new demo folder; returns the path of its (not yet created) practice file."""
    remove_stale()
    return Path(tempfile.mkdtemp(prefix=PREFIX)) / DB_NAME


def remove(db_path: Path) -> None:
    """Remove the demo folder that holds ``db_path`` (nothing else)."""
    folder = db_path.parent
    if db_path.name == DB_NAME and _ours(folder):
        shutil.rmtree(folder, ignore_errors=True)


def remove_stale() -> int:
    """Remove the folders of demos that were killed; returns how many. Never raises."""
    removed = 0
    try:
        found = sorted(Path(tempfile.gettempdir()).glob(PREFIX + "*"))
    except OSError:
        return 0
    for folder in found:
        if not _ours(folder):
            continue
        owner = read_owner(folder / DB_NAME)
        if owner is None or owner.host != socket.gethostname() or pid_alive(owner.pid):
            continue  # starting, running, or another computer's
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    return removed
