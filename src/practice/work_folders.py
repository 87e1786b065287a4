"""Hidden work folders of an export, and removing those a killed export left behind.

An export is written into a hidden folder beside its target and renamed into place
when complete. A process killed before that leaves the hidden folder (with clinical
data in it). So that the next start can find and remove it, each work folder is
named ``.practice-export.<target name>.<random>.partial`` and is announced in the
data folder (``exports-in-progress/``, owner-only): first the folder it will be made
in and the process and computer making it, then, once made, its exact name. The
announcement is removed when the export ends, whatever the outcome.

:func:`remove_stale` (at the app's start and before ``practice export``) reads the
announcements of processes that no longer run on this computer and removes the work
folder each names, only if it is a real folder with that prefix owned by this user
(or, when the process died before naming it, such folders in that place that are
empty). Anything else is left alone.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import stat
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from practice.db.lock import pid_alive
from practice.paths import data_dir

log = logging.getLogger(__name__)

PREFIX = ".practice-export."
SUFFIX = ".partial"
REGISTRY = "exports-in-progress"


@dataclass(frozen=True)
class WorkFolder:
    """A hidden folder an export is written into, and its announcement."""

    path: Path
    announcement: Path | None  # None: the data folder could not be written

    def release(self) -> None:
        """Remove the announcement (call when the folder is renamed into place or removed)."""
        if self.announcement is not None:
            self.announcement.unlink(missing_ok=True)


def registry_dir() -> Path:
    """Where exports announce their work folders (in the data folder)."""
    return data_dir() / REGISTRY


def _announce(path: Path, folder: Path, work: str | None) -> None:
    """Write the announcement atomically, readable by the user only."""
    data = {"pid": os.getpid(), "host": socket.gethostname(), "folder": str(folder)}
    if work is not None:
        data["work"] = work
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f)
    os.replace(tmp, path)


def make_work_folder(target: Path) -> WorkFolder:
    """A new hidden folder beside ``target``, announced as this process's.

    Raises OSError when the target's folder cannot be written. When the data folder
    cannot be, the export goes ahead unannounced (its folder, if it is killed, is
    then not removed at the next start) and a warning is logged.
    """
    parent = target.parent.resolve()
    announcement: Path | None = None
    try:
        registry_dir().mkdir(parents=True, exist_ok=True, mode=0o700)
        announcement = registry_dir() / f"{uuid.uuid4().hex}.json"
        _announce(announcement, parent, None)
    except OSError as exc:
        log.warning("the export is not announced in the data folder: %s", exc.strerror)
        announcement = None
    try:
        path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{target.name}.", suffix=SUFFIX, dir=parent))
        if announcement is not None:
            _announce(announcement, parent, path.name)
    except BaseException:
        if announcement is not None:
            announcement.unlink(missing_ok=True)
        raise
    return WorkFolder(path, announcement)


def _read(path: Path) -> dict[str, object] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _gone(owner: dict[str, object] | None) -> bool:
    """Whether the process named by ``owner`` no longer runs (on this computer)."""
    if owner is None or owner.get("host") != socket.gethostname():
        return False
    pid = owner.get("pid")
    return isinstance(pid, int) and not pid_alive(pid)


def _mine(path: Path) -> bool:
    """A real folder (not a link) named by this app and owned by this user."""
    try:
        info = path.lstat()
    except OSError:
        return False
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return (
        stat.S_ISDIR(info.st_mode)
        and owner_ok
        and path.name.startswith(PREFIX)
        and path.name.endswith(SUFFIX)
    )


def _remove(path: Path, *, only_empty: bool) -> bool:
    if not _mine(path) or (only_empty and any(path.iterdir())):
        return False
    if only_empty:
        path.rmdir()
    else:
        shutil.rmtree(path)
    return True


def _remove_left(folder: Path, work: object) -> int:
    """Remove the work folder ``work`` in ``folder``, or (not named) empty ones there."""
    try:
        if isinstance(work, str):
            return int(Path(work).name == work and _remove(folder / work, only_empty=False))
        return sum(_remove(p, only_empty=True) for p in sorted(folder.iterdir()))
    except OSError as exc:
        log.warning("a stale export work folder could not be removed: %s", exc.strerror)
        return 0


def remove_stale() -> int:
    """Remove the work folders of exports whose process is gone; returns how many.

    Never raises: a folder that cannot be read or changed is left (and logged).
    """
    try:
        return _remove_stale(registry_dir())
    except OSError as exc:
        log.warning("interrupted exports could not be cleaned up: %s", exc.strerror)
        return 0


def _remove_stale(registry: Path) -> int:
    if not registry.is_dir():
        return 0
    removed = 0
    found = [(p, False) for p in registry.glob("*.json")]
    found += [(p, True) for p in registry.glob("*.json.tmp")]  # killed while announcing
    for announcement, partial in sorted(found):
        owner = _read(announcement)
        if (owner is None and partial) or (owner is not None and not _gone(owner)):
            continue  # being written, a running export, or one from another computer
        folder = owner.get("folder") if owner else None
        if isinstance(folder, str):
            removed += _remove_left(Path(folder), owner.get("work") if owner else None)
        announcement.unlink(missing_ok=True)
    if removed:
        log.info("removed %d work folders of interrupted exports", removed)
    return removed
