"""Engines for one SQLite file, with the pragmas every connection needs.

Statement parameters are hidden from error messages (``hide_parameters``): an error's
text never holds client data.

Every connection: ``foreign_keys=ON`` (except while migrating), WAL journal,
``synchronous=FULL`` (a committed note must survive a power cut) and a busy timeout.
The pysqlite driver's own transaction handling is switched off so that SQLAlchemy's
BEGIN is real, DDL included (the recipe from the SQLAlchemy SQLite dialect docs).

With a ``key`` (an encrypted practice, see ``practice.db.crypto``) the engine uses
SQLCipher through the ``sqlite+pysqlcipher`` dialect: the raw key is sent first on
every connection, then the database is read once, because SQLCipher notices a
wrong key only on the first read; that read turns "file is not a database" into
:class:`~practice.db.crypto.WrongPassphraseError`.

A practice on PostgreSQL (a :class:`~practice.db.location.Location` with a URL) gets
:func:`make_postgresql_engine`: the psycopg 3 driver, a small pool, the session in
UTC, no pragmas, no lock file and no SQLCipher (encryption at rest is the server's).
To another computer it is always TLS with the server's certificate checked
(``sslmode=verify-full``, see :func:`practice.db.server_access.wire_url`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import NullPool

from practice.db import crypto
from practice.db.audit_secret import AuditKeys
from practice.db.computer import computer_name
from practice.db.location import Location
from practice.db.server_access import wire_url
from practice.db.versions import changed_elsewhere
from practice.text import QT_TRANSLATE_NOOP

BUSY_TIMEOUT_MS = 5000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def make_engine(path: Path, *, foreign_keys: bool = True, key: bytes | None = None) -> Engine:
    """An engine on the SQLite file at ``path`` with Practice's pragmas (keyed with ``key``)."""
    url: str | URL = sqlite_url(path)
    if key is not None:
        # The dialect sends ``PRAGMA key = "x'…'"`` before anything else.
        url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(path))
    engine = create_engine(
        url,
        poolclass=NullPool,
        hide_parameters=True,  # no client data in an error's text (or a log)
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000},
    )
    _install_pragmas(engine, foreign_keys=foreign_keys, keyed=key is not None)
    return engine


class MissingDriverError(RuntimeError):
    """This copy of Practice has no PostgreSQL driver (the ``postgresql`` extra)."""


def make_postgresql_engine(url: URL) -> Engine:
    """An engine on the PostgreSQL database at ``url`` (``postgresql+psycopg``); a
    server on another computer only with ``sslmode=verify-full`` (else
    InsecureConnectionError, before connecting)."""
    url = wire_url(url)
    try:
        import psycopg  # noqa: F401  (deferred: only a practice on a server needs it)
    except ImportError:
        raise MissingDriverError(
            QT_TRANSLATE_NOOP(
                "engine",
                "PostgreSQL support is not installed in this copy of Practice "
                "(pip install 'practice[postgresql]').",
            )
        ) from None
    return create_engine(
        url,
        pool_size=2,
        max_overflow=3,
        pool_pre_ping=True,
        hide_parameters=True,  # no client data in an error's text (or a log)
        connect_args={"options": "-c timezone=UTC", "application_name": application_name()},
    )


APPLICATION_PREFIX = "practice on "


def application_name() -> str:
    """What the server shows of this connection (``pg_stat_activity``): Practice and
    this computer's name, so that a restore refused for a connection left open can say
    which computer still has the practice open (at most 63 bytes, the server's limit)."""
    name = APPLICATION_PREFIX + computer_name()
    return name.encode()[:63].decode(errors="ignore")


def location_engine(location: Location, *, key: bytes | None = None) -> Engine:
    """The engine for a practice at ``location`` (a file or a server)."""
    if location.url is not None:
        return make_postgresql_engine(location.url)
    assert location.path is not None
    return make_engine(location.path, key=key)


def _install_pragmas(engine: Engine, *, foreign_keys: bool, keyed: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if keyed:
                cursor.execute("PRAGMA cipher_log_level = NONE")
                try:
                    cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
                except crypto.DATABASE_ERRORS as exc:
                    if "file is not a database" in str(exc):
                        raise crypto.WrongPassphraseError() from None
                    raise
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """An opened Practice database: the engine plus a session factory.

    ``with db.session() as s:`` is one unit of work — one user action. It commits
    when the block ends normally and rolls back otherwise. Each session carries the
    practice's audit secrets (``s.info["audit_keys"]``, see ``services.audit``).
    A versioned row changed meanwhile elsewhere (SQLAlchemy's ``StaleDataError``, at
    a flush inside the block or at the commit) rolls back and raises
    ``ChangedElsewhereError`` naming that computer (``practice.db.versions``).
    """

    def __init__(
        self, path: Path | Location, engine: Engine | None = None, *, key: bytes | None = None
    ) -> None:
        self.location = path if isinstance(path, Location) else Location(path=path)
        if self.location.is_postgresql and key is not None:
            raise ValueError("a practice on PostgreSQL has no SQLCipher key")
        # for a server: the local file its own files are named after (audit key)
        self.path = self.location.local_path
        if self.location.is_postgresql:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.key = key
        self._engine: Engine | None = engine or location_engine(self.location, key=key)
        self._sessions = self._factory(self._engine, key)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise DatabaseClosedError(QT_TRANSLATE_NOOP("engine", "The practice is locked."))
        return self._engine

    @property
    def is_open(self) -> bool:
        return self._engine is not None

    @contextmanager
    def session(self) -> Iterator[Session]:
        if self._engine is None:
            raise DatabaseClosedError(QT_TRANSLATE_NOOP("engine", "The practice is locked."))
        db = self._sessions()
        try:
            yield db
            db.commit()
        except StaleDataError:
            raise changed_elsewhere(db) from None
        except BaseException:
            db.rollback()
            raise
        finally:
            db.close()

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def close(self) -> None:
        """Close every connection and forget the key (the app locks); see :meth:`reopen`."""
        self.dispose()
        self._engine = None
        self.key = None
        self._sessions = sessionmaker(expire_on_commit=False)  # the audit secrets go too

    def reopen(self, key: bytes | None = None) -> None:
        """Open again after :meth:`close`; a wrong ``key`` raises WrongPassphraseError."""
        engine = location_engine(self.location, key=key)
        try:
            engine.connect().close()  # a wrong key shows here, not at the first query
        except BaseException:
            engine.dispose()
            raise
        self._engine, self.key = engine, key
        self._sessions = self._factory(engine, key)

    def _factory(self, engine: Engine, key: bytes | None) -> sessionmaker[Session]:
        keys = AuditKeys(self.path, key)
        return sessionmaker(engine, expire_on_commit=False, info={"audit_keys": keys})


class DatabaseClosedError(Exception):
    """The database was closed (the app is locked)."""
