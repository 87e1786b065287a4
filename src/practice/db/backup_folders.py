"""The folders that hold backups of each practice, so that nothing forgets them.

Backups go to the practice's default folder (``backups`` beside the database file:
for the usual practice that is ``backups`` in the data folder, for a file opened with
``--db`` it is the ``backups`` folder next to that file), to the app's backup-folder
setting, or anywhere with ``practice backup --to``. Every folder a
backup is written to is recorded in ``backup-folders.json`` in the data folder,
under the database's full path. Turning encryption on looks there for plain
copies to encrypt, and changing the passphrase updates the key file's copies
there.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterable
from pathlib import Path

from practice.db.crypto_files import write_private
from practice.paths import data_dir

log = logging.getLogger(__name__)

RECORD = "backup-folders.json"


def default_folder(db_path: Path | None = None) -> Path:
    """``backups`` beside ``db_path``; without one, beside the usual practice (in the
    data folder, which ``PRACTICE_DATA_DIR`` moves). A whole path even when ``db_path``
    is relative (``--db d.sqlite3``): what the therapist is shown is where they go."""
    folder = db_path.expanduser().absolute().parent if db_path is not None else data_dir()
    return folder.expanduser().absolute() / "backups"


def _always_known(db_path: Path) -> set[str]:
    # the data folder's: where backups of any practice went before they had their own
    return {_name(default_folder(db_path)), _name(default_folder())}


def _record() -> dict[str, list[str]]:
    try:
        data = json.loads((data_dir() / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): [str(f) for f in v] for k, v in data.items() if isinstance(v, list)}


def _name(path: Path) -> str:
    return str(path.expanduser().resolve())


def remember(db_path: Path, folder: Path) -> None:
    """Record that ``folder`` holds backups of ``db_path`` (best effort: never fails)."""
    if _name(folder) in _always_known(db_path):
        return
    record = _record()
    folders = record.setdefault(_name(db_path), [])
    if _name(folder) in folders:
        return
    folders.append(_name(folder))
    for name, kept in list(record.items()):  # a practice gone with all its folders
        if not Path(name).exists() and not any(Path(f).exists() for f in kept):
            del record[name]
    try:
        data_dir().mkdir(parents=True, exist_ok=True)
        write_private(data_dir() / RECORD, (json.dumps(record, indent=2) + "\n").encode())
    except OSError as exc:
        log.warning("could not record the backup folder %s: %s", folder, exc)


def known(db_path: Path, extra: Iterable[Path] = ()) -> list[Path]:
    """The default folders (``db_path``'s own, then the data folder's when it is there),
    the folders recorded for ``db_path``, and ``extra``; once each."""
    found: dict[str, Path] = {}
    recorded = [Path(f) for f in _record().get(_name(db_path), [])]
    legacy = [default_folder()] if default_folder().is_dir() else []
    for folder in [default_folder(db_path), *legacy, *recorded, *extra]:
        with contextlib.suppress(OSError):
            found.setdefault(_name(folder), folder)
    return list(found.values())
