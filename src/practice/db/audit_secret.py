"""The secret that keys the audit chain, kept outside the database file.

The audit chain is an HMAC-SHA256 chain (``practice.domain.audit_chain``): whoever edits
the database cannot recompute it without this secret. Where it lives:

- an unencrypted practice: ``<db>.audit-key`` beside the database, owner-only, made at
  the first audit event; a copy goes into each backup folder (``copy_audit_key``);
- an encrypted practice: derived from the database key (which only the passphrase or
  the recovery key unwraps), so it needs no file; a key file made while the practice
  was plain stays in use.

The chain names its secret by a key id (a hash of it, never the secret), so the right
one is found among the file beside the database, the ``*.audit-key`` files in its
folder, in the ``backups`` folder beside it and in the data folder's, and the derived
one. A copy found elsewhere
is put back beside the database when it is needed for writing.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import secrets
from datetime import UTC, datetime
from pathlib import Path

from practice.db.backup_folders import default_folder
from practice.db.crypto import write_private

AUDIT_KEY_SUFFIX = ".audit-key"
_FORMAT = "practice-audit-key"
_DERIVE = b"practice audit chain v1"
MARKER_REMOVED = (
    "the audit trail's key marker was removed: events were written after its audit key "
    "was made, so they were keyed"
)


def audit_key_path(db_path: Path) -> Path:
    """``practice.sqlite3.audit-key`` beside ``practice.sqlite3``."""
    return db_path.with_name(db_path.name + AUDIT_KEY_SUFFIX)


def key_id(secret: bytes) -> str:
    """The public name of a secret (16 hex digits of a hash of it)."""
    return hashlib.sha256(b"practice audit key id\0" + secret).hexdigest()[:16]


def derived_secret(database_key: bytes) -> bytes:
    """The audit secret of an encrypted practice, from its database key."""
    return hmac.new(database_key, _DERIVE, hashlib.sha256).digest()


def read_audit_key(path: Path) -> bytes | None:
    """The secret in an audit key file; None when it is missing or not one."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != _FORMAT:
            return None
        secret = bytes.fromhex(raw["secret"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return secret if len(secret) >= 16 else None


def write_audit_key(path: Path, secret: bytes) -> None:
    text = json.dumps({"format": _FORMAT, "version": 1, "secret": secret.hex()})
    write_private(path, text.encode("utf-8"))


class AuditKeys:
    """The audit secrets a practice can find; one per open database (see ``engine``)."""

    def __init__(self, db_path: Path, key: bytes | None = None) -> None:
        self.db_path = Path(db_path)
        self.key = key
        self._found: dict[str, bytes] | None = None

    @property
    def file(self) -> Path:
        return audit_key_path(self.db_path)

    def _candidates(self) -> dict[str, tuple[bytes, Path | None]]:
        found: dict[str, tuple[bytes, Path | None]] = {}
        # beside the database, its own backups folder, the data folder's (older backups)
        folders = [self.db_path.parent, default_folder(self.db_path), default_folder()]
        paths = [self.file]
        for folder in folders:
            with contextlib.suppress(OSError):
                paths += sorted(folder.glob("*" + AUDIT_KEY_SUFFIX))
        for path in paths:
            secret = read_audit_key(path)
            if secret is not None:
                found.setdefault(key_id(secret), (secret, path))
        if self.key is not None:
            derived = derived_secret(self.key)
            found.setdefault(key_id(derived), (derived, None))
        return found

    def secrets(self) -> dict[str, bytes]:
        """Every secret found, by key id (read once)."""
        if self._found is None:
            self._found = {kid: secret for kid, (secret, _) in self._candidates().items()}
        return self._found

    def secret(self, kid: str, *, restore: bool = False) -> bytes | None:
        """The secret named ``kid``; with ``restore`` a copy found elsewhere is put back
        beside the database (a plain practice writes with it)."""
        found = self.secrets().get(kid)
        if found is not None and restore and self.key is None and read_audit_key(self.file) is None:
            with contextlib.suppress(OSError):
                write_audit_key(self.file, found)
        return found

    def current(self) -> bytes:
        """The secret to start (or restart) the chain with, made if there is none: the
        file beside the database, else (encrypted) the derived one, else a new file."""
        secret = read_audit_key(self.file)
        if secret is None and self.key is not None:
            secret = derived_secret(self.key)
        if secret is None:
            secret = secrets.token_bytes(32)
            write_audit_key(self.file, secret)
        self.secrets()[key_id(secret)] = secret
        return secret

    def marker_problems(self, newest_at: str | None) -> list[str]:
        """For a chain with no marker: a problem when events newer than the audit key
        file exist (they were keyed, so the marker was removed). The first keyed write
        makes the file before its event; if that write was rolled back, no newer event
        exists and nothing is wrong."""
        if newest_at is None or read_audit_key(self.file) is None:
            return []
        try:
            made = self.file.stat().st_mtime
            at = datetime.fromisoformat(newest_at)
        except (OSError, ValueError):
            return []
        if at.tzinfo is None:
            at = at.replace(tzinfo=UTC)  # stored as naive UTC
        return [MARKER_REMOVED] if at.timestamp() > made else []


def audit_secret(db_path: Path, key: bytes | None = None) -> bytes:
    """The secret that keys new audit events of the practice at ``db_path``."""
    return AuditKeys(db_path, key).current()


def copy_audit_key(db_path: Path, folder: Path) -> Path | None:
    """Put a copy of the practice's audit key file into ``folder`` (a backup folder),
    named by its key id so that copies of different practices never overwrite."""
    secret = read_audit_key(audit_key_path(db_path))
    if secret is None:
        return None
    target = folder / f"{db_path.stem}.{key_id(secret)}{AUDIT_KEY_SUFFIX}"
    if read_audit_key(target) != secret:
        write_audit_key(target, secret)
    return target
