"""Writing output files so that a failure never leaves half a file behind, and never
over the practice itself."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from practice.db.audit_secret import AUDIT_KEY_SUFFIX
from practice.db.crypto_files import KEY_FILE_SUFFIX
from practice.db.lock import LOCK_SUFFIX

#: The files beside a practice that are part of it: SQLite's journals, the lock, the
#: keys, and a copy being restored or created.
COMPANIONS = (
    "-wal",
    "-shm",
    "-journal",
    LOCK_SUFFIX,
    KEY_FILE_SUFFIX,
    AUDIT_KEY_SUFFIX,
    ".restoring",
    ".creating",
)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, sync it, move it into place.

    The file is readable by the user only (it may hold clinical data). Raises OSError
    (nothing is left behind) when the folder is missing or cannot be written.
    """
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def protected_reason(target: Path, practice: Path, backups: Path | None = None) -> str | None:
    """Why no output may be written at ``target``; None when it may.

    Refused: the practice file, its companions (:data:`COMPANIONS`) and anything in
    its ``backups`` folder, compared as real paths (through symbolic links) and, for a
    file that exists, as the same file on disk (a hard link to one of them).
    """
    own = [practice, *(practice.with_name(practice.name + s) for s in COMPANIONS)]
    where = Path(os.path.realpath(target))
    if any(where == Path(os.path.realpath(p)) for p in own):
        return f"{target} is the practice file {practice.name} or one of its own files"
    folder = Path(os.path.realpath(backups)) if backups is not None else None
    if folder is not None and (where == folder or folder in where.parents):
        return f"{target} is in the backups folder {backups}"
    try:
        info = os.stat(target)
    except OSError:
        return None
    for path in [*own, *_entries(folder)]:
        try:
            other = os.stat(path)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
            return f"{target} is another name of {path.name}, a file of the practice"
    return None


def _entries(folder: Path | None) -> list[Path]:
    try:
        return sorted(folder.iterdir()) if folder is not None else []
    except OSError:  # missing or unreadable: nothing in it to compare
        return []
