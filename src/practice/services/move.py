"""Moving a practice between a file and a PostgreSQL server (issue 17, point 6).

``practice move --to URL_OR_PATH`` copies the practice from an SQLite file into an
empty PostgreSQL database, or from a server database into a new file. The source is
read only (a read-only SQLite connection, a read-only REPEATABLE READ transaction on
a server: one snapshot) and left as it was; the command line holds the source file's
lock meanwhile, so nothing writes to it.

The target is built the way every practice is: the same Alembic scripts, to the
head the source is at (the source must be at this version's head: an older one is
upgraded first with ``practice migrate``). Then every table's rows are copied in
dependency order (``Base.metadata.sorted_tables``, in batches), the audit trail as it
is (its triggers refuse UPDATE and DELETE, not INSERT), and the chain's secret goes
where the target keeps it (a file: ``<file>.audit-key`` beside it,
``practice.db.audit_secret``; a server: the ``audit_keys`` table,
``practice.db.server_audit_keys``). Before the target counts as a practice it is
verified: the same number of rows in every table, and the audit chain intact with
the target's own keys.

Never half a practice:

- into a server, everything (migrations, rows, keys, sequences, the check) happens
  in ONE transaction, committed only after the check. PostgreSQL applies DDL inside
  a transaction, so a failure or a kill leaves the database as empty as it was;
- into a file, the practice is built under a temporary name beside it
  (``<file>.moving``) and renamed into place only once verified; a kill leaves that
  temporary file, which no one opens as a practice, and the next move removes it.

Out of scope: a move between two files or two servers (copy the file, or use the
backups), and a move into an encrypted file (the new file is plain: encrypt it
afterwards with ``practice encrypt``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, create_engine, func, insert, select, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from practice.db import crypto, migrate
from practice.db.audit_secret import (
    AUDIT_KEY_SUFFIX,
    AuditKeys,
    audit_key_path,
    read_audit_key,
    write_audit_key,
)
from practice.db.base import Base, utcnow
from practice.db.computer import computer_name
from practice.db.crypto_files import sync_dir
from practice.db.engine import make_engine, make_postgresql_engine
from practice.db.location import Location
from practice.db.models import AuditKey, PracticeMeta
from practice.db.recovery import companion, discard, fold
from practice.domain.audit_chain import MARKER_KEY, MarkerError, parse_marker
from practice.services import audit
from practice.text import QT_TRANSLATE_NOOP

BATCH = 1000
MOVING = ".moving"  # a file practice being built beside its final name
# the audit chain's secrets are moved on their own (a file keeps them outside itself)
KEYS_TABLE = AuditKey.__tablename__
COPIED = [t for t in Base.metadata.sorted_tables if t.name != KEYS_TABLE]


# what stops a move into a file besides SQLAlchemy's errors: the disk, a migration
STOPPED: tuple[type[Exception], ...] = (OSError, migrate.DatabaseError, *crypto.DATABASE_ERRORS)


class MoveError(Exception):
    """A move refused or failed; the text is for the user and says what was left."""


@dataclass
class MoveReport:
    """What was copied: rows per table (in copy order), audit events and keys."""

    source: Location
    target: Location
    counts: dict[str, int] = field(default_factory=dict)
    events: int = 0
    keys: int = 0


def move(source: Location, target: Location, *, key: bytes | None = None) -> MoveReport:
    """Copy the practice at ``source`` to the new ``target`` and verify it there.

    ``key``: the source file's database key when it is encrypted. The caller holds
    the source file's lock. Raises :class:`MoveError` (nothing usable is left at the
    target, and the source is unchanged).
    """
    if source.is_postgresql == target.is_postgresql:
        raise MoveError(
            (
                QT_TRANSLATE_NOOP(
                    "move",
                    "{source} and {target} are both a server database: move copies a "
                    "practice from a file to a PostgreSQL server or back. Nothing was written.",
                )
                if source.is_postgresql
                else QT_TRANSLATE_NOOP(
                    "move",
                    "{source} and {target} are both a file: move copies a practice from a "
                    "file to a PostgreSQL server or back. Nothing was written.",
                )
            ).format(source=source.display, target=target.display)
        )
    try:
        state = migrate.inspect(source, key=key)
    except migrate.DatabaseError as exc:
        raise MoveError(str(exc)) from exc
    if not state.exists:
        raise MoveError(
            QT_TRANSLATE_NOOP("move", "{source} holds no practice yet; nothing was moved.").format(
                source=source.display
            )
        )
    if not state.at_head:
        raise MoveError(
            QT_TRANSLATE_NOOP(
                "move",
                "{source} is at schema {revision}, older than this version's {head}: run "
                "`practice migrate` on it first. Nothing was written.",
            ).format(source=source.display, revision=state.revision, head=state.head)
        )
    report = MoveReport(source, target)
    try:
        with _reading(source, key) as src:
            problems = audit.verify_chain(src)
            if problems:
                raise MoveError(
                    QT_TRANSLATE_NOOP(
                        "move",
                        "The audit trail of {source} does not verify ({problem}); run "
                        "`practice check` on it. Nothing was written.",
                    ).format(source=source.display, problem=problems[0])
                )
            expected = _counts(src.connection())
            secrets = _chain_secrets(src)
            if target.is_postgresql:
                _into_server(src, target, secrets, expected, report)
            else:
                _into_file(src, target, secrets, expected, report)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        raise MoveError(
            QT_TRANSLATE_NOOP(
                "move", "The move stopped: {reason}. Nothing usable was left at {target}."
            ).format(reason=reason[0] if reason else type(exc).__name__, target=target.display)
        ) from exc
    except STOPPED as exc:
        said = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise MoveError(
            QT_TRANSLATE_NOOP(
                "move", "The move stopped: {reason}. Nothing usable was left at {target}."
            ).format(reason=said, target=target.display)
        ) from exc
    return report


# --- the source, read only ----------------------------------------------------------


@contextmanager
def _reading(source: Location, key: bytes | None) -> Iterator[Session]:
    """A read-only session on the source, in one snapshot, with its audit secrets."""
    engine: Engine
    info: dict[str, object] = {}
    if source.url is not None:
        engine = make_postgresql_engine(source.url).execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        )
    else:
        path = source.path
        assert path is not None
        engine = create_engine(
            "sqlite://",
            creator=lambda: crypto.connect(path, key, readonly=True),
            poolclass=NullPool,
            hide_parameters=True,
        )
        info["audit_keys"] = AuditKeys(path, key)
    try:
        with engine.connect() as conn, Session(bind=conn, info=info) as db:
            yield db
            conn.rollback()  # read only: nothing to keep
    finally:
        engine.dispose()


def _counts(conn: Connection) -> dict[str, int]:
    return {
        t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one()) for t in COPIED
    }


def _chain_secrets(src: Session) -> dict[str, bytes]:
    """The secrets the source's chain is keyed with, by key id, oldest segment first."""
    meta = src.get(PracticeMeta, MARKER_KEY)
    try:
        segments = parse_marker(meta.value if meta is not None else None)
    except MarkerError as exc:  # verify_chain reported it already
        raise MoveError(str(exc)) from exc
    known = audit.audit_keys(src).secrets()
    found: dict[str, bytes] = {}
    for segment in segments:
        if segment.kid not in known:
            raise MoveError(
                QT_TRANSLATE_NOOP(
                    "move", "The audit key {kid} of the source was not found."
                ).format(kid=segment.kid)
            )
        found[segment.kid] = known[segment.kid]
    return found


# --- copying and checking -----------------------------------------------------------


def _copy_rows(src: Session, dst: Connection, report: MoveReport) -> None:
    """Every table's rows, parents first, in batches of :data:`BATCH`. Rows the
    migrations wrote into the new practice (its first ``practice_meta``) give way to
    the source's."""
    for table in reversed(COPIED):
        if dst.execute(select(func.count()).select_from(table)).scalar_one():
            dst.execute(table.delete())
    source = src.connection()
    server = dst.dialect.name == "postgresql"
    for table in COPIED:
        query = select(table).order_by(*table.primary_key.columns)
        result = source.execution_options(yield_per=BATCH).execute(query)
        copied = 0
        for part in result.partitions():
            rows = [_values(table, row) for row in part]
            if server:
                for values in rows:
                    _fits_a_server(table, values)
            dst.execute(insert(table), rows)
            copied += len(part)
        report.counts[table.name] = copied


def _values(table: Table, row: object) -> dict[str, object]:
    mapping = row._mapping  # type: ignore[attr-defined]
    return {column.key: mapping[column] for column in table.columns}


def _fits_a_server(table: Table, values: dict[str, object]) -> None:
    """MoveError naming the table, row and column of a text a server does not store:
    longer than its column allows (SQLite does not enforce lengths), or holding a NUL."""
    for column in table.columns:
        value = values[column.key]
        if not isinstance(value, str):
            continue
        limit = getattr(column.type, "length", None)
        if "\x00" in value:
            raise MoveError(
                QT_TRANSLATE_NOOP(
                    "move",
                    "The {table} row with {row} cannot go to a server: its {column} holds a "
                    "NUL character (an invisible control character a server does not store). "
                    "Retype that text in the app, then move again. Nothing was written.",
                ).format(table=table.name, row=_row(table, values), column=column.name)
            )
        if limit is not None and len(value) > limit:
            raise MoveError(
                QT_TRANSLATE_NOOP(
                    "move",
                    "The {table} row with {row} cannot go to a server: its {column} is "
                    "{length} characters long, and the server takes at most {limit}. Shorten "
                    "it in the app, then move again. Nothing was written.",
                ).format(
                    table=table.name,
                    row=_row(table, values),
                    column=column.name,
                    length=len(value),
                    limit=limit,
                )
            )


def _row(table: Table, values: dict[str, object]) -> str:
    return ", ".join(f"{key.name} {values[key.key]}" for key in table.primary_key.columns)


def _verify(dst: Connection, expected: dict[str, int], info: dict[str, object]) -> int:
    """Raise MoveError unless ``dst`` has the source's row counts and an intact chain;
    returns the number of audit events."""
    found = _counts(dst)
    differ = [name for name in expected if found.get(name) != expected[name]]
    if differ:
        raise MoveError(
            QT_TRANSLATE_NOOP(
                "move", "The copy does not hold the same rows as the source ({tables})."
            ).format(tables=", ".join(f"{n}: {found.get(n)} of {expected[n]}" for n in differ))
        )
    with Session(bind=dst, info=info) as check:
        problems = audit.verify_chain(check)
        events = audit.event_count(check)
    if problems:
        raise MoveError(
            QT_TRANSLATE_NOOP(
                "move", "The audit trail does not verify on the copy: {problem}"
            ).format(problem=problems[0])
        )
    return events


# --- into a server ------------------------------------------------------------------


def _into_server(
    src: Session,
    target: Location,
    secrets: dict[str, bytes],
    expected: dict[str, int],
    report: MoveReport,
) -> None:
    """One transaction: migrate, copy, keys, sequences, check; then commit."""
    assert target.url is not None
    engine = make_postgresql_engine(target.url)
    try:
        with engine.connect() as conn, conn.begin():
            conn.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": migrate.MIGRATION_LOCK}
            )
            tables = sa_inspect(conn).get_table_names()
            if tables:
                raise MoveError(
                    QT_TRANSLATE_NOOP(
                        "move",
                        "{target} already holds tables ({count}): a practice moves only into "
                        "an empty database. Nothing was written.",
                    ).format(target=target.display, count=len(tables))
                )
            _alembic_upgrade(conn)
            _copy_rows(src, conn, report)
            started = utcnow()
            for n, (kid, secret) in enumerate(secrets.items()):
                conn.execute(
                    insert(AuditKey),
                    {
                        "kid": kid,
                        "secret": secret.hex(),
                        "created_at": started + timedelta(microseconds=n),
                        "created_by_computer": computer_name(),
                    },
                )
            report.keys = len(secrets)
            _reset_sequences(conn)
            report.events = _verify(conn, expected, {})
        # committed; checked again as any computer opens it
        with engine.connect() as conn:
            try:
                _verify(conn, expected, {})
            except MoveError:
                conn.rollback()
                with conn.begin():  # never opened as a practice (migrate refuses it)
                    conn.execute(text("DELETE FROM alembic_version"))
                raise
            conn.rollback()
            names = ", ".join(f'"{t.name}"' for t in COPIED)
            conn.execute(text(f"ANALYZE {names}"))  # the planner's statistics for the new rows
            conn.commit()
    finally:
        engine.dispose()


def _alembic_upgrade(conn: Connection) -> None:
    """The practice's Alembic scripts to head, inside the caller's transaction (Alembic
    sees the transaction already open and commits nothing itself)."""
    from alembic import command  # deferred: start-up speed (imports Alembic)

    assert conn.in_transaction()
    config = migrate.alembic_config()
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def _reset_sequences(conn: Connection) -> None:
    """Each id sequence past the largest id copied (the next row gets max(id) + 1)."""
    for table in COPIED:
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or keys[0].type.python_type is not int:
            continue
        name = keys[0].name
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column), "  # noqa: S608
                f'COALESCE((SELECT max("{name}") FROM "{table.name}"), 0) + 1, false)'
            ),
            {"table": table.name, "column": name},
        )


# --- into a file --------------------------------------------------------------------


def _into_file(
    src: Session,
    target: Location,
    secrets: dict[str, bytes],
    expected: dict[str, int],
    report: MoveReport,
) -> None:
    """Built as ``<file>.moving``, verified, then renamed into place."""
    path = target.path
    assert path is not None
    if path.exists() or companion(path, "-wal").exists():
        raise MoveError(
            QT_TRANSLATE_NOOP(
                "move",
                "{path} already exists: a practice moves only into a new file. Nothing was "
                "written.",
            ).format(path=path)
        )
    newest = list(secrets.values())[-1] if secrets else None
    beside = read_audit_key(audit_key_path(path))
    if beside is not None and beside != newest:
        raise MoveError(
            QT_TRANSLATE_NOOP(
                "move",
                "{key_file} holds the audit key of another practice: move into another file "
                "name, or move that key file away. Nothing was written.",
            ).format(key_file=audit_key_path(path))
        )
    tmp = path.with_name(path.name + MOVING)
    tmp_key = audit_key_path(tmp)
    _remove(tmp, tmp_key)  # what a killed move left
    others: list[Path] = []
    try:
        migrate.upgrade(tmp)  # built whole under a name of its own, then renamed to tmp
        if newest is not None:
            write_audit_key(tmp_key, newest)
        for kid, secret in list(secrets.items())[:-1]:  # a chain re-keyed once or more
            other = path.with_name(f"{path.stem}.{kid}{AUDIT_KEY_SUFFIX}")
            if read_audit_key(other) != secret:
                write_audit_key(other, secret)
                others.append(other)
        engine = make_engine(tmp)
        try:
            with engine.begin() as conn:
                _copy_rows(src, conn, report)
                report.events = _verify(conn, expected, {"audit_keys": AuditKeys(tmp)})
        finally:
            engine.dispose()
        report.keys = len(secrets)
        fold(tmp)  # every page in the file itself: the WAL is not renamed with it
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        if path.exists():
            raise MoveError(
                QT_TRANSLATE_NOOP(
                    "move", "{path} appeared meanwhile; it was left as it is."
                ).format(path=path)
            )
        if newest is not None:
            os.replace(tmp_key, audit_key_path(path))
        os.replace(tmp, path)
        sync_dir(path.parent)
    except BaseException:
        _remove(tmp, tmp_key, *others)
        raise


def _remove(database: Path, *files: Path) -> None:
    discard(database)
    for file in files:
        file.unlink(missing_ok=True)
