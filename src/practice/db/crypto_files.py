"""The files of an encrypted practice: the key file's name, the plain-file test,
private atomic writes, directory sync, shredding, and finishing an encryption a crash
interrupted.

The lowest layer of encryption at rest: ``practice.db.crypto`` (keys, connections) and
``practice.db.encryption`` (turning it on, changing the passphrase) build on it.
"""

from __future__ import annotations

import contextlib
import os
import socket
from pathlib import Path

from practice.db.lock import pid_alive, read_owner

KEY_FILE_SUFFIX = ".key.json"
SQLITE_MAGIC = b"SQLite format 3\x00"
TMP = ".tmp"  # a file being written by :func:`write_private`, not yet in place
# Beside the database while :func:`practice.db.encryption.encrypt` runs:
NEW = ".new"  # the new key file, before it is put in place
ENCRYPTING = ".encrypting"  # the encrypted copy, before it replaces the database
PLAIN_OLD = ".plain-old"  # the plain file set aside (Windows)


def key_file_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + KEY_FILE_SUFFIX)


def sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def has_plain_header(path: Path) -> bool:
    """Whether ``path`` starts like an unencrypted SQLite file (an empty file counts)."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError:
        return False
    return head in (b"", SQLITE_MAGIC)


def looks_encrypted(path: Path) -> bool:
    """Whether ``path`` could be an SQLCipher file: not empty, no plain SQLite header,
    and a whole number of 512-byte pages (a file of random text is not)."""
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size > 0 and size % 512 == 0 and not has_plain_header(path)


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable by the user only, synced to disk."""
    tmp = write_aside(path, data)
    os.replace(tmp, path)
    sync_dir(path.parent)


def write_aside(path: Path, data: bytes) -> Path:
    """Write ``data`` beside ``path`` under a temporary name (mode 0600, synced); the
    caller renames it over ``path``."""
    tmp = sibling(path, TMP)
    tmp.unlink(missing_ok=True)
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    os.close(fd)
    return tmp


def sync_dir(folder: Path) -> None:
    """fsync a directory so renames in it survive a power cut (POSIX only)."""
    if os.name != "posix":  # pragma: no cover - Windows has no directory fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def zero(fd: int) -> None:
    """Overwrite the open file ``fd`` with zeros, synced to disk."""
    size = os.fstat(fd).st_size
    os.lseek(fd, 0, os.SEEK_SET)
    chunk = b"\0" * (1 << 20)
    written = 0
    while written < size:
        written += os.write(fd, chunk[: min(len(chunk), size - written)])
    os.fsync(fd)


def shred(path: Path) -> None:
    """Overwrite a file with zeros, then delete it."""
    with contextlib.suppress(FileNotFoundError):
        fd = os.open(path, os.O_RDWR)
        try:
            zero(fd)
        finally:
            os.close(fd)
        path.unlink()


def busy_elsewhere(db_path: Path) -> bool:
    """Whether another live process holds the database's one-writer lock."""
    owner = read_owner(db_path)
    if owner is None or owner.pid == os.getpid():
        return False
    return owner.host != socket.gethostname() or pid_alive(owner.pid)


def settle(db_path: Path) -> None:
    """Finish or undo an encryption interrupted by a crash (see ``practice.db.encryption``)."""
    key_file = key_file_path(db_path)
    key_new = sibling(key_file, NEW)
    tmp = sibling(db_path, ENCRYPTING)
    old = sibling(db_path, PLAIN_OLD)
    half_written = [sibling(key_file, TMP), sibling(key_new, TMP)]  # wrapped keys only
    leftovers = [key_new, tmp, old, *half_written]
    if not any(p.exists() for p in leftovers) or busy_elsewhere(db_path):
        return
    for path in half_written:
        path.unlink(missing_ok=True)
    if key_new.exists():
        if db_path.exists() and not has_plain_header(db_path):
            os.replace(key_new, key_file)
        elif not db_path.exists() and tmp.exists():
            os.replace(tmp, db_path)  # Windows route: the plain file was already aside
            os.replace(key_new, key_file)
        else:
            key_new.unlink()
        sync_dir(db_path.parent)
    tmp.unlink(missing_ok=True)
    if old.exists():
        if not db_path.exists():
            os.replace(old, db_path)  # the encrypted copy never arrived: put the plain file back
        elif key_file.exists() and not has_plain_header(db_path):
            shred(old)
