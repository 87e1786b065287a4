"""Turning encryption on for a practice, finishing it after a crash, and passphrases.

Encrypting (:func:`encrypt`) never leaves the practice half-done:

1. the plain file is made a single file (``journal_mode=DELETE`` checkpoints and
   removes its WAL; it fails while another program has the file open);
2. it is exported with ``sqlcipher_export`` into ``<db>.encrypting`` under a new
   random key, and the copy is verified (integrity check, foreign keys, the same
   schema and the same rows per table as the plain file);
3. the wrapped key is written as ``<db>.key.json.new``;
4. the encrypted copy replaces the database (one atomic rename) and the old plain
   file's bytes are overwritten with zeros before its space is given back;
5. ``key.json.new`` becomes ``key.json``;
6. the plain copies are encrypted too (:func:`finish`).

A crash between steps 1 and 5 is finished or undone by
:func:`~practice.db.crypto_files.settle` (run by
:func:`~practice.db.crypto.is_encrypted` before it answers): after step 4 the
key file is put in place, before it the leftovers are removed and the plain file
stays as it was. What a crash in step 6 leaves, :func:`pending` finds: plain
copies, and a recovery key the user has not yet confirmed keeping. The next
``practice encrypt`` and the app's next unlock run :func:`finish` and show the
recovery key again, until the user confirms it is kept.

Plain copies of the same database (see ``practice.db.plain_copies``: backups,
pre-migration and before-restore copies, in the database's folder, the backup
folders given and every folder backups were ever written to) are encrypted with
the same key, because a plain backup would keep every client's record readable.
Plain unfinished backups (``*.partial``) are overwritten and deleted: they never
were backups. A copy that cannot be read (e.g. a backup that failed verification)
is left as it is and listed, and so is a backup folder that cannot be reached.

Overwriting the old file is best effort: on SSDs and copy-on-write file systems
the old blocks may survive until reused, which is why full-disk encryption is
still advised.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlcipher3

from practice.db import backup_folders, file_check, keyring
from practice.db.crypto import (
    DB_ERRORS,
    DEFAULT_KDF,
    CryptoError,
    KdfParams,
    check_passphrase,
    connect,
    format_recovery_key,
    new_database_key,
    unlock_with_recovery_key,
    wrap_key,
    write_private,
)
from practice.db.crypto_files import (
    ENCRYPTING,
    NEW,
    PLAIN_OLD,
    has_plain_header,
    key_file_path,
    settle,
    shred,
    sibling,
    sync_dir,
    zero,
)
from practice.db.plain_copies import find as find_copies
from practice.text import QT_TRANSLATE_NOOP

_COPY_ERRORS: tuple[type[Exception], ...] = (CryptoError, OSError, *DB_ERRORS)


@dataclass(frozen=True)
class CopiesResult:
    """What :func:`finish` did with the plain copies it found."""

    encrypted: list[Path] = field(default_factory=list)
    left_plain: list[tuple[Path, str]] = field(default_factory=list)  # with the reason
    removed: list[Path] = field(default_factory=list)  # plain unfinished backups
    unreachable: list[Path] = field(default_factory=list)  # backup folders not found


@dataclass(frozen=True)
class EncryptResult:
    recovery_key: str
    key: bytes = field(repr=False)
    copies: CopiesResult = field(default_factory=CopiesResult)

    @property
    def encrypted_copies(self) -> list[Path]:
        return self.copies.encrypted

    @property
    def left_plain(self) -> list[tuple[Path, str]]:
        return self.copies.left_plain


@dataclass(frozen=True)
class Pending:
    """What an interrupted encryption left to do (see :func:`pending`)."""

    plain: list[Path] = field(default_factory=list)
    recovery_unconfirmed: bool = False

    def __bool__(self) -> bool:
        return bool(self.plain) or self.recovery_unconfirmed


# --- copying and verifying ----------------------------------------------------------


def _single_file(path: Path) -> None:
    """Checkpoint and drop the WAL of a plain file; refuse while another program uses it."""
    conn = sqlite3.connect(path, timeout=2)
    try:
        conn.isolation_level = None
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.Error as exc:
        raise CryptoError(
            QT_TRANSLATE_NOOP(
                "encryption", "{name} is in use by another program ({exc}); close it and try again."
            ).format(name=path.name, exc=exc)
        ) from exc
    finally:
        conn.close()
    if str(mode).lower() != "delete":
        raise CryptoError(
            QT_TRANSLATE_NOOP(
                "encryption", "{name} is in use by another program; close it and try again."
            ).format(name=path.name)
        )


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
            # A new file, synced once below and discarded if anything fails: no journal.
            conn.execute("PRAGMA enc.journal_mode = OFF")
            conn.execute("PRAGMA enc.synchronous = OFF")
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
            raise CryptoError(
                QT_TRANSLATE_NOOP(
                    "encryption", "The encrypted copy failed verification: {problems}"
                ).format(problems="; ".join(problems))
            )
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


def plain_copies(db_path: Path, folders: Iterable[Path] = ()) -> list[Path]:
    """Unencrypted copies of this database beside it and in the backup folders."""
    return find_copies(db_path, folders).plain


def copy_key_file(db_path: Path, folder: Path) -> Path | None:
    """Put a copy of the key file in ``folder`` (a backup folder): backups there can then
    be opened with the passphrase even if the database's folder is lost."""
    source = key_file_path(db_path)
    if not source.is_file():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = keyring.copy_path(db_path, folder)
    if target.resolve() != source.resolve():
        write_private(target, source.read_bytes())
    backup_folders.remember(db_path, folder)
    return target


def encrypt(
    db_path: Path,
    passphrase: str,
    *,
    backup_dirs: Iterable[Path] = (),
    params: KdfParams = DEFAULT_KDF,
) -> EncryptResult:
    """Encrypt the plain practice at ``db_path`` and its plain copies; returns the
    recovery key to show (again until :func:`keyring.mark_recovery_kept`).

    The caller holds the database's lock and has closed its own connections.
    """
    settle(db_path)
    if key_file_path(db_path).exists():
        raise CryptoError(
            QT_TRANSLATE_NOOP("encryption", "{name} is already encrypted.").format(
                name=db_path.name
            )
        )
    if not db_path.is_file() or not has_plain_header(db_path):
        raise CryptoError(
            QT_TRANSLATE_NOOP(
                "encryption", "{db_path} is not an unencrypted Practice database."
            ).format(db_path=db_path)
        )
    problem = check_passphrase(passphrase)
    if problem:
        raise CryptoError(problem)
    key = new_database_key()
    tmp = sibling(db_path, ENCRYPTING)
    export_encrypted(db_path, tmp, key)
    key_new = sibling(key_file_path(db_path), NEW)
    key_file = replace(wrap_key(key, passphrase, params), recovery_kept=False)
    try:
        write_private(key_new, key_file.to_json().encode("utf-8"))
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _replace_shredding(tmp, db_path)
    os.replace(key_new, key_file_path(db_path))
    sync_dir(db_path.parent)
    copies = finish(db_path, key, backup_dirs)
    return EncryptResult(format_recovery_key(key), key, copies)


def pending(db_path: Path, backup_dirs: Iterable[Path] = ()) -> Pending:
    """What is left of an interrupted encryption of the encrypted practice at
    ``db_path``: plain copies (also unfinished ones), and whether the recovery key is
    still to be confirmed as kept. Reads no key: nothing to unlock."""
    found = find_copies(db_path, backup_dirs)
    try:
        unconfirmed = not keyring.current(db_path, backup_dirs).recovery_kept
    except CryptoError:
        unconfirmed = False
    return Pending([*found.plain, *found.partial], unconfirmed)


def finish(db_path: Path, key: bytes, backup_dirs: Iterable[Path] = ()) -> CopiesResult:
    """Encrypt the plain copies of the encrypted practice with its ``key``, delete plain
    unfinished backups, and put a copy of the key file beside the encrypted ones."""
    folders = list(backup_dirs)
    keyring.clean(db_path, folders)
    found = find_copies(db_path, folders)
    result = CopiesResult(removed=found.partial, unreachable=found.unreachable)
    for path in found.leftovers:
        path.unlink(missing_ok=True)
    for path in found.partial:
        shred(path)
    for path in found.plain:
        try:
            encrypt_copy(path, key)
            result.encrypted.append(path)
        except _COPY_ERRORS as exc:
            result.left_plain.append((path, str(exc)))
    where = [p.parent for p in result.encrypted if p.parent != db_path.parent]
    for folder in {f.resolve(): f for f in [*folders, *where]}.values():
        with contextlib.suppress(OSError):
            copy_key_file(db_path, folder)
    return result


def change_passphrase(
    db_path: Path,
    old: str,
    new: str,
    *,
    backup_dirs: Iterable[Path] = (),
    params: KdfParams = DEFAULT_KDF,
) -> bytes:
    """Re-wrap the database key under ``new`` in the key file and every copy of it;
    WrongPassphraseError (nothing changed) when ``old`` is wrong. Returns the key."""
    problem = check_passphrase(new)
    if problem:
        raise CryptoError(problem)
    folders = list(backup_dirs)
    key = keyring.unlock(db_path, old, folders)
    kept = keyring.current(db_path, folders).recovery_kept
    keyring.save(db_path, replace(wrap_key(key, new, params), recovery_kept=kept), folders)
    return key


def reset_passphrase(
    db_path: Path,
    recovery_key: str,
    new: str,
    *,
    backup_dirs: Iterable[Path] = (),
    params: KdfParams = DEFAULT_KDF,
) -> bytes:
    """Set a new passphrase with the recovery key; the key file (and its copies) is
    written afresh, so this also rebuilds one that is lost or damaged."""
    problem = check_passphrase(new)
    if problem:
        raise CryptoError(problem)
    settle(db_path)
    key = unlock_with_recovery_key(db_path, recovery_key)  # opens the file, or refused
    keyring.save(db_path, wrap_key(key, new, params), backup_dirs)
    return key
