"""The key file and its copies in the backup folders, kept in step.

``<db>.key.json`` beside the database is the authority; each backup folder holds a
copy named the same (so the folder alone, with the passphrase, restores the
practice). Every rewrite (:func:`save`) writes all copies under temporary names and
syncs them, then renames the copies and the authority last: a crash leaves each
file whole, old or new, and the authority's rename is the moment the change happens.

Unlocking (:func:`unlock`) tries the authority first, then the copies of the same
key that are newer than it (a change interrupted before its last rename), then —
when the authority is missing or damaged — every copy that opens the database.
The file that opened is then written over the copies that differ, so they agree
again; a key file from before passphrase normalisation is wrapped again at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from practice.db import backup_folders, crypto
from practice.db.crypto_files import (
    KEY_FILE_SUFFIX,
    TMP,
    busy_elsewhere,
    key_file_path,
    looks_encrypted,
    sibling,
    sync_dir,
    write_aside,
)
from practice.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


class KeyFileLostError(crypto.CryptoError):
    """No key file (nor a copy) for an encrypted-looking practice."""


@dataclass(frozen=True)
class _Found:
    path: Path
    text: str | None  # None: missing or unreadable
    key_file: crypto.KeyFile | None  # None: missing or damaged


def copy_path(db_path: Path, folder: Path) -> Path:
    """Where ``folder`` keeps its copy of the key file of ``db_path``."""
    return folder / (db_path.name + KEY_FILE_SUFFIX)


def _read(path: Path) -> _Found:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return _Found(path, None, None)
    try:
        return _Found(path, text, crypto.KeyFile.from_json(text))
    except crypto.CryptoError:
        return _Found(path, text, None)


def _copies(db_path: Path, folders: Iterable[Path]) -> list[_Found]:
    """The copies found in the known backup folders (not the authority itself)."""
    main = key_file_path(db_path).resolve()
    found = []
    for folder in backup_folders.known(db_path, folders):
        path = copy_path(db_path, folder)
        with contextlib.suppress(OSError):
            if path.resolve() != main and path.exists():
                found.append(_read(path))
    return found


def needs_key(db_path: Path) -> bool:
    """Whether opening ``db_path`` takes a key: it has a key file, or it looks encrypted
    (then its key file is lost or damaged; a copy or the recovery key may help)."""
    return crypto.is_encrypted(db_path) or looks_encrypted(db_path)


def key_file_lost(db_path: Path, folders: Iterable[Path] = ()) -> bool:
    """Whether the practice looks encrypted and no key file or copy of one can be read:
    only the recovery key opens it."""
    if not needs_key(db_path):
        return False
    if _read(key_file_path(db_path)).key_file is not None:
        return False
    return not any(c.key_file is not None for c in _copies(db_path, folders))


def unlock(db_path: Path, passphrase: str, folders: Iterable[Path] = ()) -> bytes:
    """The database key; WrongPassphraseError when no key file or copy opens with it."""
    folders = list(folders)
    main = _read(key_file_path(db_path))
    copies = [c for c in _copies(db_path, folders) if c.key_file is not None]
    if main.key_file is not None:
        reference = main.key_file
        newer = [
            c
            for c in copies
            if c.key_file is not None
            and c.key_file.key_id == reference.key_id
            and c.key_file.generation > reference.generation
        ]
        candidates = [main, *newer]
    else:
        candidates = copies
    if not candidates:
        raise KeyFileLostError(lost_message(db_path))
    for found in candidates:
        assert found.key_file is not None
        try:
            key, legacy = crypto.open_key_file(found.key_file, passphrase)
        except crypto.WrongPassphraseError:
            continue
        if main.key_file is None and not _opens(db_path, key):
            continue  # a copy of another practice's key file of the same name
        clean(db_path, folders)
        if legacy:
            _rewrap(db_path, key, passphrase, found.key_file, folders)
        else:
            _spread(db_path, found, folders)
        return key
    raise crypto.WrongPassphraseError()


def _rewrap(
    db_path: Path, key: bytes, passphrase: str, old: crypto.KeyFile, folders: list[Path]
) -> None:
    """Wrap the key again under the normalised passphrase (a key file from before)."""
    rewrapped = crypto.wrap_key(key, passphrase, old.params)
    try:
        save(db_path, replace(rewrapped, recovery_kept=old.recovery_kept), folders)
    except OSError as exc:  # a read-only folder: the passphrase as typed still works
        log.warning("could not wrap the key file again: %s", exc)


def lost_message(db_path: Path) -> str:
    name = key_file_path(db_path).name
    return QT_TRANSLATE_NOOP(
        "keyring",
        "{name} has no readable key file ({name2} is missing or damaged, and no "
        "copy was found in the backup folders). If the practice is encrypted, "
        "its recovery key opens it and sets a new passphrase (“Use the recovery "
        "key…”, or practice change-passphrase --recovery-key); otherwise the "
        "file is damaged.",
    ).format(name=db_path.name, name2=name)


def _opens(db_path: Path, key: bytes) -> bool:
    if not db_path.is_file():
        return True  # nothing to check against (a folder restored on its own)
    try:
        crypto.connect(db_path, key, readonly=True).close()
    except crypto.OPEN_ERRORS:
        return False
    return True


def current(db_path: Path, folders: Iterable[Path] = ()) -> crypto.KeyFile:
    """The key file in force: the authority, else the newest readable copy."""
    main = _read(key_file_path(db_path))
    if main.key_file is not None:
        return main.key_file
    copies = [c.key_file for c in _copies(db_path, folders) if c.key_file is not None]
    if not copies:
        raise KeyFileLostError(lost_message(db_path))
    return max(copies, key=lambda k: k.generation)


def save(db_path: Path, key_file: crypto.KeyFile, folders: Iterable[Path] = ()) -> list[Path]:
    """Write ``key_file`` as the authority and over every copy of the same key (or a
    damaged one), one generation newer than any of them. Returns the copies that could
    not be written (left as they were)."""
    main = key_file_path(db_path)
    copies = [
        c
        for c in _copies(db_path, folders)
        if c.key_file is None or c.key_file.key_id == key_file.key_id
    ]
    same = [f.key_file for f in [_read(main), *copies] if f.key_file is not None]
    generation = 1 + max((k.generation for k in same if k.key_id == key_file.key_id), default=-1)
    text = replace(key_file, generation=generation).to_json()
    return _write_all(main, [c.path for c in copies], text)


def _spread(db_path: Path, source: _Found, folders: Iterable[Path]) -> None:
    """Write ``source`` over the authority and the copies of its key that differ."""
    assert source.text is not None and source.key_file is not None
    main = key_file_path(db_path)
    targets = [
        c.path
        for c in _copies(db_path, folders)
        if c.path != source.path
        and c.text != source.text
        and (c.key_file is None or c.key_file.key_id == source.key_file.key_id)
    ]
    main_text = _read(main).text
    if main_text == source.text and not targets:
        return
    try:
        _write_all(main if main_text != source.text else None, targets, source.text)
    except OSError as exc:  # a read-only folder: the key still opens the practice
        log.warning("could not bring the key file copies in step: %s", exc)


def _write_all(main: Path | None, copies: list[Path], text: str) -> list[Path]:
    """Two phases: every file written aside and synced, then the renames (copies first,
    the authority ``main`` last). A copy that cannot be written is skipped and returned;
    the authority failing raises before anything is renamed."""
    data = text.encode("utf-8")
    written: list[tuple[Path, Path]] = []
    skipped: list[Path] = []
    try:
        for path in copies:
            try:
                written.append((write_aside(path, data), path))
            except OSError as exc:
                log.warning("could not update the key file copy %s: %s", path, exc)
                skipped.append(path)
        if main is not None:
            written.append((write_aside(main, data), main))
    except BaseException:
        for tmp, _ in written:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, path in written:
        os.replace(tmp, path)
        sync_dir(path.parent)
    return skipped


def mark_recovery_kept(db_path: Path, folders: Iterable[Path] = ()) -> None:
    """Record that the user keeps the recovery key: the app stops showing it."""
    now = current(db_path, folders)
    if not now.recovery_kept:
        save(db_path, replace(now, recovery_kept=True), folders)


def clean(db_path: Path, folders: Iterable[Path] = ()) -> None:
    """Remove the half-written key files (``*.key.json.tmp``) an interrupted :func:`save`
    left, unless another program holds the practice (and may be writing them)."""
    if busy_elsewhere(db_path):
        return
    paths = [key_file_path(db_path)]
    paths += [copy_path(db_path, f) for f in backup_folders.known(db_path, folders)]
    for path in paths:
        with contextlib.suppress(OSError):
            sibling(path, TMP).unlink(missing_ok=True)
