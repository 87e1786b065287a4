"""Finding the copies of a practice that Practice made: backups (good, failed and
unfinished), pre-migration and before-restore copies, and the leftovers of an
interrupted encryption of one of them. Unfinished backups (``*.partial``) are
leftovers of a backup that was killed: none is being written while the caller holds
the database's lock.

They are looked for in the database's folder, the backup folders given, and every
folder backups of this practice were written to (``practice.db.backup_folders``).
Another practice whose name merely starts the same is never taken for a copy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from practice.db import backup_folders
from practice.db.crypto_files import ENCRYPTING, SQLITE_MAGIC

PARTIAL = ".partial"  # a backup being written (services.backup)


@dataclass(frozen=True)
class Found:
    """What a look through the folders found."""

    plain: list[Path] = field(default_factory=list)  # plain copies (to encrypt)
    partial: list[Path] = field(default_factory=list)  # plain unfinished backups
    leftovers: list[Path] = field(default_factory=list)  # encrypted or zeroed debris
    unreachable: list[Path] = field(default_factory=list)  # recorded folders not found


def copy_name(db_path: Path) -> re.Pattern[str]:
    """Names Practice gives copies of ``db_path``; group ``tail`` holds the ending."""
    stem, suffix = re.escape(db_path.stem), re.escape(db_path.suffix or ".sqlite3")
    stamp = r"\d{8}T\d{6}Z(?:-\d+)?"
    backup = rf"{stamp}\.(?:manual|daily|exit|pre-migration)\.sqlite3"
    aside = rf"before-[\w.-]*\d{{8}}-?T?\d{{6}}Z?(?:-\d+)?{suffix}"
    ends = "|".join(re.escape(e) for e in (".failed", PARTIAL, ENCRYPTING))
    return re.compile(rf"^{stem}\.(?:{backup}|{aside})(?P<tail>{ends})?$")


def _plain(path: Path) -> bool:
    """Starts like a plain SQLite file, or is empty (an unfinished copy)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_MAGIC)) in (b"", SQLITE_MAGIC)
    except OSError:
        return False


def find(db_path: Path, folders: Iterable[Path] = ()) -> Found:
    """The copies of ``db_path`` beside it and in the known backup folders."""
    found = Found()
    pattern = copy_name(db_path)
    recorded = backup_folders.known(db_path, folders)
    for folder in {f.resolve(): f for f in [db_path.parent, *recorded]}.values():
        if not folder.is_dir():
            if folder not in (
                backup_folders.default_folder(db_path),
                backup_folders.default_folder(),
            ):
                found.unreachable.append(folder)
            continue
        for path in sorted(folder.iterdir()):
            match = pattern.match(path.name)
            if not match or not path.is_file():
                continue
            tail = match.group("tail")
            if tail == ENCRYPTING or (tail == PARTIAL and not _plain(path)):
                found.leftovers.append(path)
            elif tail == PARTIAL:
                found.partial.append(path)
            elif _plain(path) and path.stat().st_size > 0:
                found.plain.append(path)
    return found
