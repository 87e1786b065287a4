"""Encryption at rest: the database key, its key file, and keyed connections.

An encrypted practice is an SQLCipher 4 database (its WAL and every backup too)
keyed with a random 256-bit *database key*. Beside it, ``<db>.key.json`` (mode
0600) holds that key wrapped with AES-256-GCM under a key derived from the
passphrase with Argon2id, plus the salt and the Argon2id parameters. Copies of it
sit in the backup folders (``practice.db.keyring`` keeps them in step).

* Unlocking derives the wrapping key once (about 0.1 s) and unwraps the database
  key; a wrong passphrase fails the AES-GCM tag, so it is caught before the
  database file is even opened. The raw key is then passed to SQLCipher as
  ``PRAGMA key = "x'…'"``, which skips SQLCipher's own PBKDF2: a connection
  costs about a millisecond.
* Passphrases are Unicode-normalised (NFC) before the derivation, so an accented
  letter typed as one character or as letter plus accent is the same passphrase.
  Key files written before this rule (no ``"passphrase": "nfc"``) are also tried
  with the passphrase as typed.
* Changing the passphrase re-wraps the same database key: nothing is
  re-encrypted, and backups made before the change open with the new passphrase.
* The *recovery key* is the database key itself (256 random bits), written in
  base32 with a check group (see :func:`format_recovery_key`). It alone opens the
  practice and every backup: with it, a lost or damaged key file is rebuilt under
  a new passphrase (``encryption.reset_passphrase``). The key file only records
  whether the user has confirmed keeping it (``recovery_kept``); until then the app
  shows it again after the passphrase.

The raw key lives in memory only (Python cannot promise to wipe it).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import sqlcipher3

from practice.db.crypto_files import KEY_FILE_SUFFIX as KEY_FILE_SUFFIX
from practice.db.crypto_files import has_plain_header as has_plain_header
from practice.db.crypto_files import key_file_path as key_file_path
from practice.db.crypto_files import looks_encrypted as looks_encrypted
from practice.db.crypto_files import settle
from practice.db.crypto_files import write_private as write_private
from practice.text import QT_TRANSLATE_NOOP

FAILURES_SUFFIX = ".unlock-failures"
KEY_BYTES = 32
MIN_PASSPHRASE = 8
_AAD = b"practice database key v1"
_FORMAT = "practice-database-key"

#: Errors of either driver (plain sqlite3 or sqlcipher3); they share no base class.
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher3.dbapi2.Error)
DATABASE_ERRORS: tuple[type[Exception], ...] = (
    sqlite3.DatabaseError,
    sqlcipher3.dbapi2.DatabaseError,
)


class CryptoError(Exception):
    """An encryption problem; the message is for the user."""


class WrongPassphraseError(CryptoError):
    def __init__(self, message: str = "wrong passphrase") -> None:
        super().__init__(message)


#: What opening a file with :func:`connect` can raise besides OSError.
OPEN_ERRORS: tuple[type[Exception], ...] = (CryptoError, *DB_ERRORS)
#: The same plus OSError (a folder that cannot be written, a full disk).
FILE_ERRORS: tuple[type[Exception], ...] = (OSError, *OPEN_ERRORS)


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: RFC 9106's second recommended option (64 MiB, 3 passes)."""

    time_cost: int = 3
    memory_cost: int = 64 * 1024  # KiB
    parallelism: int = 4


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True)
class KeyFile:
    """The content of ``<db>.key.json``."""

    salt: bytes
    params: KdfParams
    nonce: bytes
    wrapped_key: bytes
    key_id: str
    nfc: bool = True  # the passphrase was NFC-normalised (False: a file from before)
    generation: int = 0  # one more at each rewrite; a copy with a higher one is newer
    recovery_kept: bool = True  # the user confirmed keeping the recovery key

    def to_json(self) -> str:
        data: dict[str, object] = {
            "format": _FORMAT,
            "version": 1,
            "cipher": "sqlcipher4 raw key",
            "kdf": "argon2id",
            "salt": _b64(self.salt),
            "time_cost": self.params.time_cost,
            "memory_cost": self.params.memory_cost,
            "parallelism": self.params.parallelism,
            "wrap": "aes-256-gcm",
            "nonce": _b64(self.nonce),
            "wrapped_key": _b64(self.wrapped_key),
            "key_id": self.key_id,
            "generation": self.generation,
            "recovery_kept": self.recovery_kept,
            "written": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        if self.nfc:
            data["passphrase"] = "nfc"
        return json.dumps(data, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> KeyFile:
        try:
            data = json.loads(text)
            if data.get("format") != _FORMAT or data.get("version") != 1:
                raise ValueError("not a Practice key file of version 1")
            if data.get("kdf") != "argon2id" or data.get("wrap") != "aes-256-gcm":
                raise ValueError("unknown key derivation or wrapping")
            params = KdfParams(
                int(data["time_cost"]), int(data["memory_cost"]), int(data["parallelism"])
            )
            return cls(
                base64.b64decode(data["salt"]),
                params,
                base64.b64decode(data["nonce"]),
                base64.b64decode(data["wrapped_key"]),
                str(data["key_id"]),
                nfc=data.get("passphrase") == "nfc",
                generation=int(data.get("generation", 0)),
                recovery_kept=bool(data.get("recovery_kept", True)),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise CryptoError(
                QT_TRANSLATE_NOOP("crypto", "The key file is damaged ({exc}).").format(exc=exc)
            ) from exc


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- files ----------------------------------------------------------------------


def is_encrypted(db_path: Path) -> bool:
    """Whether the practice at ``db_path`` is encrypted (finishing an interrupted encryption)."""
    settle(db_path)
    return key_file_path(db_path).is_file()


def read_key_file(path: Path) -> KeyFile:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CryptoError(
            QT_TRANSLATE_NOOP("crypto", "Cannot read the key file {name}: {strerror}").format(
                name=path.name, strerror=exc.strerror
            )
        ) from exc
    return KeyFile.from_json(text)


# --- keys -----------------------------------------------------------------------


def normalise(passphrase: str) -> str:
    """The passphrase in Unicode's composed form (NFC): one way to type "é"."""
    return unicodedata.normalize("NFC", passphrase)


def check_passphrase(passphrase: str) -> str | None:
    """Why ``passphrase`` cannot be used, or None."""
    passphrase = normalise(passphrase)
    if len(passphrase) < MIN_PASSPHRASE:
        return f"A passphrase needs at least {MIN_PASSPHRASE} characters."
    if passphrase != passphrase.strip():
        return "A passphrase cannot begin or end with a space."
    return None


def derive_key(
    passphrase: str, salt: bytes, params: KdfParams = DEFAULT_KDF, *, nfc: bool = True
) -> bytes:
    """Argon2id of the passphrase (NFC, UTF-8; as typed with ``nfc=False``, for key
    files written before normalisation) with ``salt``: 32 raw bytes."""
    from argon2.low_level import Type, hash_secret_raw  # deferred: start-up speed (argon2)

    text = normalise(passphrase) if nfc else passphrase
    return hash_secret_raw(
        text.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_cost,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def key_id(key: bytes) -> str:
    """A short fingerprint of a database key (to recognise a recovery key)."""
    return hashlib.sha256(b"practice key id" + key).hexdigest()[:16]


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def wrap_key(key: bytes, passphrase: str, params: KdfParams = DEFAULT_KDF) -> KeyFile:
    """A key file holding ``key`` wrapped under ``passphrase`` (fresh salt and nonce)."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wrapping = derive_key(passphrase, salt, params)
    # deferred: start-up speed (cryptography, only when a key is wrapped or unwrapped)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    wrapped = AESGCM(wrapping).encrypt(nonce, key, _AAD)
    return KeyFile(salt, params, nonce, wrapped, key_id(key))


def unwrap_key(key_file: KeyFile, passphrase: str) -> bytes:
    """The database key in ``key_file``; WrongPassphraseError when the passphrase is wrong."""
    return open_key_file(key_file, passphrase)[0]


def open_key_file(key_file: KeyFile, passphrase: str) -> tuple[bytes, bool]:
    """The database key, and whether the file should be wrapped again: a file from before
    normalisation that opened only with the passphrase as typed."""
    forms = [True]
    if not key_file.nfc and normalise(passphrase) != passphrase:
        forms.append(False)
    for nfc in forms:
        key = _try_unwrap(key_file, derive_key(passphrase, key_file.salt, key_file.params, nfc=nfc))
        if key is not None:
            return key, not nfc
    raise WrongPassphraseError()


def _try_unwrap(key_file: KeyFile, wrapping: bytes) -> bytes | None:
    # deferred: start-up speed (cryptography, only when a key is wrapped or unwrapped)
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(wrapping).decrypt(key_file.nonce, key_file.wrapped_key, _AAD)
    except InvalidTag:
        return None


def unlock(db_path: Path, passphrase: str, *, key_file: Path | None = None) -> bytes:
    """The database key of the practice at ``db_path``; WrongPassphraseError when wrong.

    Reads only the key file; the database is not touched.
    """
    path = key_file or key_file_path(db_path)
    if not path.is_file():
        raise CryptoError(
            QT_TRANSLATE_NOOP("crypto", "{name} is not encrypted (there is no {name2}).").format(
                name=db_path.name, name2=path.name
            )
        )
    return unwrap_key(read_key_file(path), passphrase)


def unlock_with_recovery_key(db_path: Path, recovery_key: str) -> bytes:
    """The database key from a typed recovery key; it must open the file. A readable key
    file with another key only words the refusal."""
    key = parse_recovery_key(recovery_key)
    if db_path.is_file():
        try:
            connect(db_path, key, readonly=True).close()
            return key
        except WrongPassphraseError:
            pass
    path = key_file_path(db_path)
    try:
        other = path.is_file() and read_key_file(path).key_id != key_id(key)
    except CryptoError:
        other = False
    if other:
        raise WrongPassphraseError(
            QT_TRANSLATE_NOOP("crypto", "This recovery key belongs to another practice.")
        )
    raise WrongPassphraseError(
        QT_TRANSLATE_NOOP("crypto", "This recovery key does not open this practice.")
    )


# --- the recovery key -------------------------------------------------------------

_GROUP = 4


def format_recovery_key(key: bytes) -> str:
    """The key in base32 (A–Z, 2–7) plus a check group, in groups of four: 14 groups."""
    body = base64.b32encode(key).decode("ascii").rstrip("=")
    check = base64.b32encode(hashlib.sha256(key).digest()).decode("ascii")[:_GROUP]
    text = body + check
    return "-".join(text[i : i + _GROUP] for i in range(0, len(text), _GROUP))


def parse_recovery_key(text: str) -> bytes:
    """The key from a typed recovery key (case, spaces, dashes, 0/1/8 for O/I/B forgiven)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("018", "OIB"))
    body_len = -(-KEY_BYTES * 8 // 5)  # 52 characters
    if len(cleaned) != body_len + _GROUP:
        raise WrongPassphraseError(
            QT_TRANSLATE_NOOP(
                "crypto", "A recovery key has {value} letters and digits; this has {count}."
            ).format(value=body_len + _GROUP, count=len(cleaned))
        )
    body, check = cleaned[:body_len], cleaned[body_len:]
    try:
        key = base64.b32decode(body + "=" * (-len(body) % 8))
    except ValueError:
        raise WrongPassphraseError(
            QT_TRANSLATE_NOOP("crypto", "This is not a recovery key (a character is mistyped).")
        ) from None
    if base64.b32encode(hashlib.sha256(key).digest()).decode("ascii")[:_GROUP] != check:
        raise WrongPassphraseError(
            QT_TRANSLATE_NOOP("crypto", "This recovery key is mistyped (its check group differs).")
        )
    return key


# --- connections ------------------------------------------------------------------


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a database key has 32 bytes")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def apply_key(dbapi_connection: Any, key: bytes) -> None:
    """Key a fresh sqlcipher3 connection and read once: a wrong key shows only on reading."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA cipher_log_level = NONE")  # no "hmac check failed" on stderr
        cursor.execute(key_pragma(key))
        cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.dbapi2.DatabaseError as exc:
        if "file is not a database" in str(exc):
            raise WrongPassphraseError() from None
        raise
    finally:
        cursor.close()


def connect(path: Path, key: bytes | None = None, *, readonly: bool = False) -> sqlite3.Connection:
    """A DB-API connection to ``path``: sqlite3 without a key, keyed sqlcipher3 with one.

    Both have the same interface; catch :data:`DB_ERRORS` rather than sqlite3's alone.
    """
    target = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
    if key is None:
        return sqlite3.connect(target, uri=readonly)
    conn = sqlcipher3.connect(target, uri=readonly)
    try:
        apply_key(conn, key)
    except BaseException:
        conn.close()
        raise
    return cast(sqlite3.Connection, conn)


# --- unlock failures, noted until they can be audited --------------------------------


def note_unlock_failure(db_path: Path, what: str = "wrong passphrase") -> None:
    """Append a failed unlock (time and kind, nothing else) beside the database.

    An encrypted database cannot be written without its key, so failures wait here
    until the next successful unlock moves them into the audit trail.
    """
    path = _failures_path(db_path)
    line = f"{datetime.now(UTC).isoformat(timespec='seconds')}\t{what[:80]}\n"
    fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    try:
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)


def unlock_failures(db_path: Path) -> list[tuple[str, str]]:
    """The noted failures as (UTC time, kind), oldest first."""
    try:
        text = _failures_path(db_path).read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    found = []
    for line in text.splitlines():
        when, _, what = line.partition("\t")
        if when:
            found.append((when[:40], what[:80] or "wrong passphrase"))
    return found


def clear_unlock_failures(db_path: Path) -> None:
    _failures_path(db_path).unlink(missing_ok=True)


def _failures_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + FAILURES_SUFFIX)
