"""Bring a database file to the schema this build knows, or refuse to touch it.

Order matters: the file is first inspected read-only. A revision this build does
not know (a newer Practice wrote it) or a file that is not a Practice database is
refused before anything could write to it. Only then is it backed up (when an
upgrade is needed) and upgraded.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

from practice.db import crypto, file_check
from practice.db.engine import make_engine
from practice.paths import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


class DatabaseError(Exception):
    """A database the app cannot open; the message is for the user."""


class NewerDatabaseError(DatabaseError):
    pass


class NotPracticeDatabaseError(DatabaseError):
    pass


class DamagedDatabaseError(DatabaseError):
    pass


class EncryptedDatabaseError(DatabaseError):
    """The practice is encrypted and no key was given."""


@dataclass(frozen=True)
class SchemaState:
    exists: bool
    revision: str | None
    head: str

    @property
    def at_head(self) -> bool:
        return self.revision == self.head


def alembic_config() -> Config:
    from alembic.config import Config  # deferred: start-up speed (imports Alembic)

    config = Config()
    location = migrations_dir()
    config.set_main_option("script_location", str(location))
    return config


_REVISION_RE = re.compile(r"^revision(?:: str)? = ['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_RE = re.compile(r"^down_revision(?:: [^=]+)? = ['\"]([^'\"]+)['\"]", re.MULTILINE)


@cache
def known_revisions() -> tuple[frozenset[str], str]:
    """Every revision this build knows and its head, read from the scripts' text.

    Importing Alembic costs a third of a second; opening a database that is already
    at head (every start but the first after an update) should not pay it. A test
    checks that this agrees with Alembic's own ScriptDirectory.
    """
    versions = migrations_dir() / "versions"
    revisions: set[str] = set()
    downs: set[str] = set()
    for script in versions.iterdir():
        if not script.name.endswith(".py") or script.name.startswith("_"):
            continue
        text = script.read_text(encoding="utf-8")
        found = _REVISION_RE.search(text)
        if found:
            revisions.add(found.group(1))
        downs.update(_DOWN_RE.findall(text))
    heads = revisions - downs
    if len(heads) != 1:
        raise RuntimeError(f"migration scripts have {len(heads)} heads: {sorted(heads)}")
    return frozenset(revisions), heads.pop()


def inspect(path: Path, *, key: bytes | None = None) -> SchemaState:
    """Read the schema revision without writing a byte to the file (keyed with ``key``)."""
    known, head = known_revisions()
    if key is None and crypto.is_encrypted(path):
        raise EncryptedDatabaseError(
            f"{path}: this practice is encrypted; passphrase needed. It was not changed."
        )
    if not path.exists() or path.stat().st_size == 0:
        return SchemaState(exists=False, revision=None, head=head)
    try:
        conn = crypto.connect(path, key, readonly=True)
    except crypto.WrongPassphraseError as exc:
        raise DamagedDatabaseError(
            f"{path} cannot be read with this key: wrong passphrase, or the file is damaged. "
            "It was not changed."
        ) from exc
    except crypto.DB_ERRORS as exc:
        raise DamagedDatabaseError(f"Cannot open {path}: {exc}") from exc
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except crypto.DATABASE_ERRORS as exc:
        hint = "" if crypto.has_plain_header(path) else _ENCRYPTED_HINT
        raise DamagedDatabaseError(
            f"{path} is damaged or is not a database ({exc}). It was not changed.{hint}"
        ) from exc
    finally:
        conn.close()
    if revision is None and tables:
        raise NotPracticeDatabaseError(
            f"{path} is an SQLite file but not a Practice database. It was not changed."
        )
    if revision is not None and revision not in known:
        raise NewerDatabaseError(
            f"{path} was written by a newer version of Practice (schema {revision}). "
            "This version cannot open it safely and left it untouched. "
            "Please update Practice."
        )
    return SchemaState(exists=revision is not None, revision=revision, head=head)


_ENCRYPTED_HINT = (
    " If it is an encrypted practice, its key file (.key.json) is missing: "
    "put it back, or set a new passphrase with the recovery key."
)


def backup_aside(path: Path, label: str, *, key: bytes | None = None) -> Path:
    """Copy the database beside itself with the SQLite backup API; return the copy's path.

    An encrypted database's copy is encrypted with the same ``key``.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix or '.sqlite3'}")
    src = crypto.connect(path, key, readonly=True)
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    dst = crypto.connect(target, key)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    target.chmod(0o600)
    return target


def upgrade(path: Path, *, copy_aside: bool = True, key: bytes | None = None) -> SchemaState:
    """Create or upgrade the database at ``path`` to head; refuse what is not ours.

    With ``copy_aside`` an existing file is first copied beside itself
    (:func:`backup_aside`); ``practice.services.schema_upgrade`` passes False after
    taking a verified backup into the backup folder instead.
    With ``key``, the encrypted database is opened with it.
    Returns the state before the upgrade.
    """
    state = inspect(path, key=key)
    if state.at_head:
        return state
    path.parent.mkdir(parents=True, exist_ok=True)
    if state.exists and copy_aside:
        copy = backup_aside(path, f"before-{state.head}", key=key)
        log.info("backed up database before migrating: %s", copy)
    fresh = not path.exists()
    engine = make_engine(path, foreign_keys=False, key=key)
    try:
        with engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            from alembic import command  # deferred: start-up speed (imports Alembic)

            command.upgrade(config, "head")
            driver = connection.connection.driver_connection
            found = file_check.foreign_keys(cast(sqlite3.Connection, driver))
            if not found.ok:
                raise DamagedDatabaseError(
                    f"Foreign key problems after migrating {path}: {'; '.join(found.problems)}"
                )
    finally:
        engine.dispose()
    if fresh:
        path.chmod(0o600)
    return state


def integrity(path: Path, *, key: bytes | None = None) -> list[str]:
    """SQLite's integrity and foreign-key checks; an empty list means all is well.

    Integrity lines come without a label (``practice check`` adds one); see
    :func:`practice.db.file_check.check_file`.
    """
    return [p.removeprefix("integrity: ") for p in file_check.check_file(path, key).problems]
