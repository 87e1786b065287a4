"""Bring a database file to the schema this build knows, or refuse to touch it.

Order matters: the file is first inspected read-only. A revision this build does
not know (a newer Practice wrote it) or a file that is not a Practice database is
refused before anything could write to it. Only then is it backed up (when an
upgrade is needed) and upgraded.

An empty (zero-byte) file is not a new practice: it is what a failed copy or a sync
tool leaves, and is refused as damaged. A new practice is made in a temporary file
beside the target, readable by the user only, and moved into place once complete,
so a start killed halfway leaves either nothing or a whole practice.

A practice on PostgreSQL (a :class:`~practice.db.location.Location` with a URL) goes
through the same two entries, :func:`inspect` and :func:`upgrade`: a revision this
build does not know, or a database holding other tables, is refused the same way (an
unknown revision without any of Practice's tables is another application's database,
not a newer Practice; at this build's head every table of its models must be there); a
new empty database is migrated to head, one computer at a time (an advisory lock on
the server). No copy is made aside before an upgrade on a server yet (backups there
are a later part of issue 17); each migration runs in its own transaction, which
PostgreSQL applies whole or not at all, DDL included.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

from practice.db import crypto, file_check
from practice.db.crypto_files import sync_dir
from practice.db.engine import MissingDriverError, make_engine, make_postgresql_engine
from practice.db.file_access import read_only_place
from practice.db.location import Location
from practice.db.recovery import companion, discard, fold, pending
from practice.paths import migrations_dir
from practice.text import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

log = logging.getLogger(__name__)

CREATING = ".creating"  # a new practice being built beside its final name


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


class ReadOnlyPlaceError(DatabaseError):
    """The file or its folder cannot be written: not damage, nothing to restore."""


class DiskFullPlaceError(DatabaseError):
    """The disk holding the practice is full: it cannot even be opened to be read."""


class PendingJournalError(DatabaseError):
    """A crash left a journal that a read-only look cannot roll back: not damage."""


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
    # configparser reads "%" as interpolation: a folder named "100% sure" must not fail
    config.set_main_option("script_location", str(location).replace("%", "%%"))
    return config


_REVISION_RE = re.compile(r"^revision(?:: str)? = ['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_RE = re.compile(r"^down_revision(?:: [^=]+)? = ['\"]([^'\"]+)['\"]", re.MULTILINE)


# The schema this release of Practice was made with: its scripts must reach it. Adding a
# migration means moving this to it (a test checks it against the scripts).
RELEASED_HEAD = "0010_two_computers"

DAMAGED_INSTALLATION = QT_TRANSLATE_NOOP(
    "migrate",
    "This copy of Practice is damaged (its database upgrade scripts are incomplete). "
    "Reinstall Practice. Your practice was not changed.",
)


class DamagedInstallationError(DatabaseError):
    """The upgrade scripts shipped with this copy do not reach :data:`RELEASED_HEAD`
    (one is missing, unreadable or broken): the installation is damaged, not the file."""


@cache
def known_revisions() -> tuple[frozenset[str], str]:
    """Every revision this build knows and its head, read from the scripts' text.

    Importing Alembic costs a third of a second; opening a database that is already
    at head (every start but the first after an update) should not pay it. A test
    checks that this agrees with Alembic's own ScriptDirectory.

    The scripts must chain from the first revision to :data:`RELEASED_HEAD`; a script
    missing, unreadable or broken (it does not compile, or has no ``upgrade``) breaks
    the chain: :class:`DamagedInstallationError`, never a practice called "newer".
    """
    versions = migrations_dir() / "versions"
    down_of: dict[str, str | None] = {}
    try:
        scripts = list(versions.iterdir())
    except OSError:
        scripts = []
    for script in scripts:
        if not script.name.endswith(".py") or script.name.startswith("_"):
            continue
        try:
            text = script.read_text(encoding="utf-8")
            compile(text, script.name, "exec", dont_inherit=True)
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
            continue  # unreadable or broken: the chain below misses it
        found = _REVISION_RE.search(text)
        if not found or "def upgrade(" not in text:
            continue
        down = _DOWN_RE.search(text)
        down_of[found.group(1)] = down.group(1) if down else None
    revision: str | None = RELEASED_HEAD
    seen: set[str] = set()
    while revision is not None:
        if revision not in down_of or revision in seen:
            log.error("migration scripts incomplete: %s is missing or broken", revision)
            raise DamagedInstallationError(DAMAGED_INSTALLATION.format())
        seen.add(revision)
        revision = down_of[revision]
    heads = set(down_of) - {d for d in down_of.values() if d is not None}
    if heads != {RELEASED_HEAD}:
        raise RuntimeError(
            f"migration scripts have heads {sorted(heads)}; RELEASED_HEAD is {RELEASED_HEAD}"
        )
    return frozenset(down_of), RELEASED_HEAD


def check_installation() -> None:
    """Raise :class:`DamagedInstallationError` when the upgrade scripts are incomplete."""
    known_revisions()


def inspect(path: Path | Location, *, key: bytes | None = None) -> SchemaState:
    """Read the schema revision without writing a byte to the file (keyed with ``key``)."""
    if isinstance(path, Location):
        if path.url is not None:
            return _inspect_server(path)
        assert path.path is not None
        path = path.path
    known, head = known_revisions()
    if key is None and crypto.is_encrypted(path):
        raise EncryptedDatabaseError(
            QT_TRANSLATE_NOOP(
                "migrate",
                "{path}: this practice is encrypted; passphrase needed. It was not changed.",
            ).format(path=path)
        )
    if path.is_dir():
        raise DatabaseError(
            QT_TRANSLATE_NOOP(
                "migrate", "{path} is a folder, not a practice file. It was not changed."
            ).format(path=path)
        )
    if not path.exists():
        return SchemaState(exists=False, revision=None, head=head)
    if path.stat().st_size == 0:
        raise DamagedDatabaseError(
            QT_TRANSLATE_NOOP(
                "migrate",
                "{path} is empty (0 bytes): it holds no practice, as a failed copy or a "
                "sync tool can leave it. It was not changed.",
            ).format(path=path)
        )
    try:
        conn = crypto.connect(path, key, readonly=True)
    except crypto.WrongPassphraseError as exc:
        raise DamagedDatabaseError(
            QT_TRANSLATE_NOOP(
                "migrate",
                "{path} cannot be read with this key: wrong passphrase, or the file is "
                "damaged. It was not changed.",
            ).format(path=path)
        ) from exc
    except crypto.DB_ERRORS as exc:
        _not_damage(path, exc)
        raise DamagedDatabaseError(
            QT_TRANSLATE_NOOP("migrate", "Cannot open {path}: {exc}").format(path=path, exc=exc)
        ) from exc
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except crypto.DATABASE_ERRORS as exc:
        _not_damage(path, exc)
        hint = "" if crypto.has_plain_header(path) else _ENCRYPTED_HINT
        raise DamagedDatabaseError(
            QT_TRANSLATE_NOOP(
                "migrate",
                "{path} is damaged or is not a database ({exc}). It was not changed.{hint}",
            ).format(path=path, exc=exc, hint=hint)
        ) from exc
    finally:
        conn.close()
    if revision is None and tables:
        raise NotPracticeDatabaseError(
            QT_TRANSLATE_NOOP(
                "migrate",
                "{path} is an SQLite file but not a Practice database. It was not changed.",
            ).format(path=path)
        )
    if revision is not None and revision not in known:
        raise NewerDatabaseError(
            QT_TRANSLATE_NOOP(
                "migrate",
                "{path} was written by a newer version of Practice (schema {revision}). "
                "This version cannot open it safely and left it untouched. Please update "
                "Practice.",
            ).format(path=path, revision=revision)
        )
    return SchemaState(exists=revision is not None, revision=revision, head=head)


_NOT_DAMAGE_CODES = ("SQLITE_READONLY", "SQLITE_CANTOPEN")
_IO_ERROR_CODES = ("SQLITE_IOERR", "SQLITE_FULL")
_IO_ERROR_TEXT = "disk I/O error"
ROOM_TO_READ = 1 << 20  # a WAL practice's index file (-shm) takes 32 KiB, its WAL more


def _nearly_full(path: Path) -> bool:
    """Whether the disk holding ``path`` has less room than SQLite needs to read it."""
    try:
        return shutil.disk_usage(path.parent).free < ROOM_TO_READ
    except OSError:
        return False


_NOT_DAMAGE_TEXT = ("attempt to write a readonly database", "unable to open database file")


def _not_damage(path: Path, exc: Exception) -> None:
    """Raise the right error when a read-only open failed for a reason that is not damage:
    a full disk, a folder or file that cannot be written, or a crash's journal still to
    roll back."""
    name = str(getattr(exc, "sqlite_errorname", ""))  # sqlcipher3 errors have none
    text = str(exc)
    if (name.startswith(_IO_ERROR_CODES) or _IO_ERROR_TEXT in text) and _nearly_full(path):
        raise DiskFullPlaceError(
            QT_TRANSLATE_NOOP(
                "migrate",
                "{path} cannot be opened: the disk is full, and SQLite needs a little room "
                "even to read it. Free some space on the disk, then try again. It was not "
                "changed.",
            ).format(path=path)
        ) from exc
    if not name.startswith(_NOT_DAMAGE_CODES) and not any(m in text for m in _NOT_DAMAGE_TEXT):
        return
    problem = read_only_place(path)
    if problem:
        raise ReadOnlyPlaceError(problem) from exc
    if pending(path):
        raise PendingJournalError(
            QT_TRANSLATE_NOOP(
                "migrate",
                "{path} has a journal left by an interrupted write; it is rolled back "
                "when Practice (or a command that writes) next opens the file. It was "
                "not changed.",
            ).format(path=path)
        ) from exc


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


def upgrade(
    path: Path | Location, *, copy_aside: bool = True, key: bytes | None = None
) -> SchemaState:
    """Create or upgrade the database at ``path`` to head; refuse what is not ours.

    A missing file is created whole (see the module docstring); deciding whether a
    new practice may be made there is the caller's job. With ``copy_aside`` an
    existing file is first copied beside itself (:func:`backup_aside`);
    ``practice.services.schema_upgrade`` passes False after taking a verified
    backup into the backup folder instead. With ``key``, the encrypted database is
    opened with it. Returns the state before the upgrade.
    """
    if isinstance(path, Location):
        if path.url is not None:
            return _upgrade_server(path)
        assert path.path is not None
        path = path.path
    state = inspect(path, key=key)
    if state.at_head:
        return state
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _create(path, key)
        return state
    if state.exists and copy_aside:
        copy = backup_aside(path, f"before-{state.head}", key=key)
        log.info("backed up database before migrating: %s", copy)
    _migrate(path, key)
    return state


def _create(path: Path, key: bytes | None) -> None:
    """A new practice at ``path``, built in a private temporary file and moved in whole."""
    tmp = path.with_name(path.name + CREATING)
    discard(tmp)  # what a start killed halfway left
    os.close(os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        _migrate(tmp, key)
        fold(tmp, key)  # every page in the file itself: the WAL is not renamed with it
        if companion(tmp, "-wal").exists():
            raise DatabaseError(
                QT_TRANSLATE_NOOP(
                    "migrate", "The new practice {path} could not be written whole."
                ).format(path=path)
            )
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
        sync_dir(path.parent)
    except BaseException:
        discard(tmp)
        raise


def _migrate(path: Path, key: bytes | None) -> None:
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
                    QT_TRANSLATE_NOOP(
                        "migrate", "Foreign key problems after migrating {path}: {names}"
                    ).format(path=path, names="; ".join(found.problems))
                )
    finally:
        engine.dispose()


def _server_error(location: Location, exc: Exception) -> DatabaseError:
    """A connection or query failure on a server, said without the password."""
    from practice.db import server_access

    failure = server_access.connection_failure(location, exc)  # refused, no such database…
    tls = server_access.connection_problem(location, exc)
    if tls is not None and tls != failure:
        return DatabaseError(tls)
    problem = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return DatabaseError(
        QT_TRANSLATE_NOOP("migrate", "Cannot use {where}: {problem}").format(
            where=location.display,
            problem=failure
            or server_access.without_password(
                location, problem[0] if problem else type(exc).__name__
            ),
        )
    )


# A session-level advisory lock on the server: one migration at a time (two computers
# starting at once: the second waits, then finds the schema at head).
MIGRATION_LOCK = 0x5072616374  # "Pract"


def _inspect_server(location: Location) -> SchemaState:
    """The schema revision of a PostgreSQL database, read without writing."""
    from sqlalchemy.exc import SQLAlchemyError

    assert location.url is not None
    from practice.db.server_access import InsecureConnectionError

    try:
        engine = make_postgresql_engine(location.url)
    except (MissingDriverError, InsecureConnectionError) as exc:
        raise DatabaseError(str(exc)) from None
    try:
        with engine.connect() as conn:
            return _server_state(conn, location)
    except SQLAlchemyError as exc:
        raise _server_error(location, exc) from None
    finally:
        engine.dispose()


def _server_state(conn: Connection, location: Location) -> SchemaState:
    from sqlalchemy import inspect as sa_inspect
    from sqlalchemy import text

    known, head = known_revisions()
    tables = set(sa_inspect(conn).get_table_names())
    revision = None
    if "alembic_version" in tables:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    conn.rollback()  # the look ends its transaction: nothing was written
    if revision is None and tables:
        raise NotPracticeDatabaseError(
            QT_TRANSLATE_NOOP(
                "migrate",
                "{where} holds tables but is not a Practice database. It was not changed.",
            ).format(where=location.display)
        )
    ours = _practice_tables()
    if revision is not None and revision not in known and not tables & ours:
        raise NotPracticeDatabaseError(
            QT_TRANSLATE_NOOP(
                "migrate",
                "{where} holds another application's database (its schema {revision} is not "
                "one of Practice's), not a Practice database. It was not changed.",
            ).format(where=location.display, revision=revision)
        )
    if revision is not None and revision not in known:
        raise NewerDatabaseError(
            QT_TRANSLATE_NOOP(
                "migrate",
                "{where} was written by a newer version of Practice (schema {revision}). "
                "This version cannot open it safely and left it untouched. Please update "
                "Practice.",
            ).format(where=location.display, revision=revision)
        )
    missing = sorted(ours - tables) if revision == head else []
    if missing:
        raise NotPracticeDatabaseError(
            QT_TRANSLATE_NOOP(
                "migrate",
                "{where} is not a whole Practice database: some of its tables are missing "
                "({tables}). It was not changed.",
            ).format(
                where=location.display,
                tables=", ".join(missing[:5]) + (", …" if len(missing) > 5 else ""),
            )
        )
    return SchemaState(exists=revision is not None, revision=revision, head=head)


def _practice_tables() -> set[str]:
    """The tables of a Practice database at this version's head (its models)."""
    import practice.db.models  # noqa: F401  deferred: every model registered on Base
    from practice.db.base import Base

    return set(Base.metadata.tables)


def _upgrade_server(location: Location) -> SchemaState:
    """Migrate a PostgreSQL database to head (a new empty one included), one migration
    run at a time (:data:`MIGRATION_LOCK`); returns the state found under the lock."""
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    found = _inspect_server(location)
    if found.at_head:
        return found
    assert location.url is not None
    engine = make_postgresql_engine(location.url)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            connection.commit()
            state = _server_state(connection, location)  # another may have migrated
            if not state.at_head:
                config = alembic_config()
                config.attributes["connection"] = connection
                from alembic import command  # deferred: start-up speed (imports Alembic)

                command.upgrade(config, "head")
                connection.commit()
            connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
            connection.commit()
    except SQLAlchemyError as exc:
        raise _server_error(location, exc) from None
    finally:
        engine.dispose()
    return state


def integrity(path: Path, *, key: bytes | None = None) -> list[str]:
    """SQLite's integrity and foreign-key checks; an empty list means all is well.

    Integrity lines come without a label (``practice check`` adds one); see
    :func:`practice.db.file_check.check_file`.
    """
    return [p.removeprefix("integrity: ") for p in file_check.check_file(path, key).problems]
