"""Turning encryption on for a practice, changing its passphrase, and crash recovery.

Encrypting (:func:`encrypt`) never leaves the practice half-done:

1. the plain file is made a single file (``journal_mode=DELETE`` checkpoints and
   removes its WAL; it fails while another program has the file open);
2. it is exported with ``sqlcipher_export`` into ``<db>.encrypting`` under a new
   random key, and the copy is verified (integrity check, foreign keys, the same
   schema and the same rows per table as the plain file);
3. the wrapped key is written as ``<db>.key.json.new``;
4. the encrypted copy replaces the database (one atomic rename) and the old plain
   file's bytes are overwritten with zeros before its space is given back;
5. ``key.json.new`` becomes ``key.json``.

A crash between steps is finished or undone by
:func:`~practice.db.crypto_files.settle` (run by
:func:`~practice.db.crypto.is_encrypted` before it answers): after step 4 the
key file is put in place, before it the leftovers are removed and the plain file
stays as it was.

Plain copies of the same database (pre-migration and before-restore copies
beside it, backups in the given backup folders) are encrypted with the same key,
because a plain backup would keep every client's record readable. A copy that
cannot be read (e.g. a backup that failed verification) is left as it is and
reported in :attr:`EncryptResult.left_plain`.

Overwriting the old file is best effort: on SSDs and copy-on-write file systems
the old blocks may survive until reused, which is why full-disk encryption is
still advised.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

from practice.db import file_check
from practice.db.crypto import (
    DB_ERRORS,
    DEFAULT_KDF,
    CryptoError,
    KdfParams,
    check_passphrase,
    connect,
    format_recovery_key,
    new_database_key,
    unlock,
    unlock_with_recovery_key,
    wrap_key,
    write_private,
)
from practice.db.crypto_files import (
    ENCRYPTING,
    KEY_FILE_SUFFIX,
    NEW,
    PLAIN_OLD,
    SQLITE_MAGIC,
    has_plain_header,
    key_file_path,
    settle,
    shred,
    sibling,
    sync_dir,
    zero,
)

_COPY_ERRORS: tuple[type[Exception], ...] = (CryptoError, OSError, *DB_ERRORS)


@dataclass(frozen=True)
class EncryptResult:
    recovery_key: str
    key: bytes = field(repr=False)
    encrypted_copies: list[Path] = field(default_factory=list)
    left_plain: list[tuple[Path, str]] = field(default_factory=list)


# --- copying and verifying ----------------------------------------------------------


def _single_file(path: Path) -> None:
    """Checkpoint and drop the WAL of a plain file; refuse while another program uses it."""
    conn = sqlite3.connect(path, timeout=2)
    try:
        conn.isolation_level = None
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.Error as exc:
        raise CryptoError(
            f"{path.name} is in use by another program ({exc}); close it and try again."
        ) from exc
    finally:
        conn.close()
    if str(mode).lower() != "delete":
        raise CryptoError(f"{path.name} is in use by another program; close it and try again.")


def _summary(path: Path, key: bytes | None) -> tuple[dict[str, int], list[tuple[str, ...]]]:
    """Rows per table and the schema, for comparing copies."""
    conn = connect(path, key, readonly=True)
    try:
        schema = sorted(
            tuple(str(v) for v in row)
            for row in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
        )
        return file_check.row_counts(conn), schema
    finally:
        conn.close()


def export_encrypted(plain: Path, target: Path, key: bytes) -> None:
    """Write an encrypted, verified copy of the plain file ``plain`` to a new ``target``."""
    _single_file(plain)
    before = _summary(plain, None)
    target.unlink(missing_ok=True)
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        conn = sqlcipher3.connect(str(plain))
        try:
            conn.execute(f"ATTACH DATABASE ? AS enc KEY \"x'{key.hex()}'\"", (str(target),))
            conn.execute("SELECT sqlcipher_export('enc')")
            version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
            conn.execute(f"PRAGMA enc.user_version = {version}")
            conn.execute("DETACH DATABASE enc")
        finally:
            conn.close()
        with open(target, "rb+") as f:
            os.fsync(f.fileno())
        problems = list(file_check.check_file(target, key).problems)
        after = _summary(target, key)
        if after != before:
            problems.append("the encrypted copy differs from the plain file")
        if problems:
            raise CryptoError("The encrypted copy failed verification: " + "; ".join(problems))
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def _replace_shredding(new: Path, target: Path) -> None:
    """Put ``new`` in place of ``target`` atomically, then zero the old file's bytes."""
    if os.name == "posix":
        fd = os.open(target, os.O_RDWR)  # keeps the old inode reachable for zeroing
        try:
            os.replace(new, target)
            sync_dir(target.parent)
            zero(fd)
        finally:
            os.close(fd)
    else:  # pragma: no cover - Windows cannot rename over an open file
        old = sibling(target, PLAIN_OLD)
        os.replace(target, old)
        os.replace(new, target)
        shred(old)
    for extra in ("-wal", "-shm", "-journal"):
        shred(Path(str(target) + extra))


def encrypt_copy(path: Path, key: bytes) -> None:
    """Encrypt a plain copy of the database (a backup) in place with ``key``."""
    tmp = sibling(path, ENCRYPTING)
    export_encrypted(path, tmp, key)
    _replace_shredding(tmp, path)


# --- the operations ---------------------------------------------------------------


def _copy_name(db_path: Path) -> re.Pattern[str]:
    """Names Practice gives copies of ``db_path``: backups, pre-migration and
    before-restore copies (not another practice that merely starts with the same name)."""
    stem, suffix = re.escape(db_path.stem), re.escape(db_path.suffix or ".sqlite3")
    stamp = r"\d{8}T\d{6}Z(?:-\d+)?"
    backup = rf"{stamp}\.(?:manual|daily|exit|pre-migration)\.sqlite3"
    aside = rf"before-[\w.-]*\d{{8}}-?T?\d{{6}}Z?(?:-\d+)?{suffix}"
    return re.compile(rf"^{stem}\.(?:{backup}|{aside})(?:\.failed)?$")


def plain_copies(db_path: Path, folders: Iterable[Path] = ()) -> list[Path]:
    """Unencrypted copies of this database beside it and in ``folders`` (backups)."""
    found: list[Path] = []
    pattern = _copy_name(db_path)
    for folder in dict.fromkeys([db_path.parent, *folders]):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if not pattern.match(path.name) or not path.is_file():
                continue
            with open(path, "rb") as f:
                if f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC:
                    found.append(path)
    return found


def copy_key_file(db_path: Path, folder: Path) -> Path | None:
    """Put a copy of the key file in ``folder`` (a backup folder): backups there can then
    be opened with the passphrase even if the database's folder is lost."""
    source = key_file_path(db_path)
    if not source.is_file():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / (db_path.name + KEY_FILE_SUFFIX)
    if target.resolve() != source.resolve():
        write_private(target, source.read_bytes())
    return target


def encrypt(
    db_path: Path,
    passphrase: str,
    *,
    backup_dirs: Iterable[Path] = (),
    params: KdfParams = DEFAULT_KDF,
) -> EncryptResult:
    """Encrypt the plain practice at ``db_path``; returns the recovery key to show once.

    The caller holds the database's lock and has closed its own connections.
    """
    settle(db_path)
    if key_file_path(db_path).exists():
        raise CryptoError(f"{db_path.name} is already encrypted.")
    if not db_path.is_file() or not has_plain_header(db_path):
        raise CryptoError(f"{db_path} is not an unencrypted Practice database.")
    problem = check_passphrase(passphrase)
    if problem:
        raise CryptoError(problem)
    key = new_database_key()
    tmp = sibling(db_path, ENCRYPTING)
    export_encrypted(db_path, tmp, key)
    key_new = sibling(key_file_path(db_path), NEW)
    try:
        write_private(key_new, wrap_key(key, passphrase, params).to_json().encode("utf-8"))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _replace_shredding(tmp, db_path)
    os.replace(key_new, key_file_path(db_path))
    sync_dir(db_path.parent)
    folders = list(backup_dirs)
    copies, left = [], []
    for path in plain_copies(db_path, folders):
        try:
            encrypt_copy(path, key)
            copies.append(path)
        except _COPY_ERRORS as exc:
            left.append((path, str(exc)))
    for folder in folders:
        with contextlib.suppress(OSError):
            copy_key_file(db_path, folder)
    return EncryptResult(format_recovery_key(key), key, copies, left)


def _rewrap(
    db_path: Path, key: bytes, new: str, params: KdfParams, backup_dirs: Iterable[Path]
) -> None:
    problem = check_passphrase(new)
    if problem:
        raise CryptoError(problem)
    write_private(key_file_path(db_path), wrap_key(key, new, params).to_json().encode("utf-8"))
    for folder in backup_dirs:
        if (folder / (db_path.name + KEY_FILE_SUFFIX)).exists():
            copy_key_file(db_path, folder)


def change_passphrase(
    db_path: Path,
    old: str,
    new: str,
    *,
    backup_dirs: Iterable[Path] = (),
    params: KdfParams = DEFAULT_KDF,
) -> bytes:
    """Re-wrap the database key under ``new``; WrongPassphraseError (nothing changed) when
    ``old`` is wrong. Returns the database key."""
    key = unlock(db_path, old)
    _rewrap(db_path, key, new, params, backup_dirs)
    return key


def reset_passphrase(
    db_path: Path,
    recovery_key: str,
    new: str,
    *,
    backup_dirs: Iterable[Path] = (),
    params: KdfParams = DEFAULT_KDF,
) -> bytes:
    """Set a new passphrase with the recovery key (also rebuilds a lost key file)."""
    key = unlock_with_recovery_key(db_path, recovery_key)
    connect(db_path, key, readonly=True).close()  # WrongPassphraseError if not this file's key
    _rewrap(db_path, key, new, params, backup_dirs)
    return key
