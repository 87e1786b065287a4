"""``practice seed-demo``, ``migrate``, ``check`` and ``clients``: the practice file itself.

``seed-demo`` and ``migrate`` write, so they hold the one-writer lock; they make a
new practice only with ``--create``. ``check`` only reads: it never upgrades, and
takes the lock only for a moment, to let SQLite roll back a journal a crash left
(which is not damage). ``clients`` reads (an old file is upgraded first, under the
lock).

Each also takes a practice on a PostgreSQL server (``--db postgresql://…``): there is
no file, lock or journal; ``check`` reports the server's version and how the connection
travels instead of the file's integrity and place, and migrates a new empty database.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from practice.cli.base import (
    Subcommands,
    add_command,
    check_place,
    create_option,
    db_path,
    db_place,
    open_practice,
    restore_hint,
    settle,
    upgrade,
    writing,
)
from practice.cli.errors import EXIT_ERROR, EXIT_OK, CliError
from practice.cli.output import terminal_text
from practice.cli.passphrase import key_for
from practice.db import crypto, file_check, health, migrate, server_access
from practice.db.engine import Database
from practice.db.location import Location
from practice.services import audit, audit_heads, backup, clients


def register(sub: Subcommands) -> None:
    create_option(
        add_command(
            sub,
            "seed-demo",
            cmd_seed_demo,
            "write the fictional demo practice into a new database",
            writes=True,
        )
    )
    create_option(
        add_command(
            sub,
            "migrate",
            cmd_migrate,
            "upgrade the database to this version's schema",
            writes=True,
        )
    )
    cmd = add_command(
        sub,
        "check",
        cmd_check,
        "check the file read-only: schema, integrity, audit trail, where it lives",
    )
    cmd.add_argument(
        "--backups",
        type=Path,
        default=None,
        metavar="DIR",
        help="the backup folder whose latest backup the audit trail is compared with "
        "(default: the default backup folder)",
    )
    add_command(sub, "clients", cmd_clients, "list clients, one a line, id first")


def cmd_migrate(args: argparse.Namespace) -> int:
    place = db_place(args)
    if isinstance(place, Location):
        return _migrate_server(place)
    path = db_path(args)
    check_place(path, create=args.create)
    with writing(path, "practice migrate", take_over=args.break_lock):
        key = key_for(path)
        settle(path, key, locked=True)
        before = upgrade(path, key, locked=True)
    _say_upgraded(path, before)
    return EXIT_OK


def cmd_clients(args: argparse.Namespace) -> int:
    with open_practice(db_place(args)) as db:
        rows = clients.list_rows(db)
    for row in rows:
        nxt = row.next_appointment.strftime("%Y-%m-%d %H:%M") if row.next_appointment else "-"
        print(
            f"{row.id}\t{terminal_text(row.name)}\t{row.status.value}\t{row.literacy_level.value}\t"
            f"{row.language.value}\t{nxt}"
        )
    return EXIT_OK


# A transaction-level advisory lock on a server: one demo written at a time ("Pracd").
DEMO_LOCK = 0x5072616364


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from practice.services import demo  # deferred: start-up speed (15 ms, only this command)

    path = db_place(args)
    with open_practice(
        path, writer="practice seed-demo", create=args.create, take_over=args.break_lock
    ) as db:
        if demo.has_practice(db):
            raise CliError(f"{path} already holds a practice; the demo was not written.")
        if db.get_bind().dialect.name == "postgresql":  # two demos at once: one at a time
            db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": DEMO_LOCK})
            if demo.has_practice(db):  # read again after the other one committed
                raise CliError(
                    f"{path} already holds a practice (made meanwhile elsewhere); the demo "
                    "was not written."
                )
        summary = demo.seed_demo(db)
    print(f"demo practice written to {path}: {summary.counts.get('clients', 0)} clients")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Report on the file read-only; exit 1 on any problem (damage, newer or older schema).

    A risky location (a cloud-synced folder, a network share) is a warning: it is
    printed, and the exit status stays 0 when nothing else is wrong.
    """
    place = db_place(args)
    if isinstance(place, Location):
        return _check_server(place, args.backups)
    path = db_path(args)
    check_place(path, write=False)
    key = key_for(path)
    settle(path, key, locked=False)
    report = health.check_file(path, chain=False, key=key)
    print(f"database: {path}")
    print(f"schema: {report.revision or 'none'} (this version: {report.head or _head()})")
    problems = list(report.problems)
    readable = report.revision is not None and not report.damaged
    if readable:
        full = file_check.check_file(path, key, counts=True)
        print("integrity: " + ("ok" if full.ok else "PROBLEMS (see below)"))
        seen = {p.removeprefix("integrity: ") for p in problems}
        bare = (line.removeprefix("integrity: ") for line in full.problems)
        problems += [f"integrity: {line}" for line in bare if line not in seen]
        if report.revision == report.head:
            chain, events = _audit_chain(path, key)
            latest, behind = _against_backup(path, key, args.backups)
            chain += behind
            against = f"; matches the latest backup {latest.name}" if latest else ""
            print(
                f"audit trail: ok ({events} events, keyed hash chain intact{against})"
                if not chain
                else f"audit trail: {len(chain)} problems (see below)"
            )
            problems += [f"audit trail: {p}" for p in chain[: file_check.MAX_PROBLEMS]]
    else:
        print("integrity: " + ("DAMAGED" if report.damaged else "not checked"))
        if report.damaged:
            problems.append(restore_hint(path, key))
    location = health.location_warnings(path)
    print("location: " + ("local disk" if not location else "WARNING (see below)"))
    for warning in location:
        print(f"warning: {warning}", file=sys.stderr)
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if readable and report.revision != report.head:
        print("schema is older than this version: run `practice migrate`", file=sys.stderr)
        problems.append("older schema")
    if problems:
        print("result: PROBLEMS FOUND")
        return EXIT_ERROR
    print("result: ok" + (", with warnings" if location else ""))
    return EXIT_OK


def _migrate_server(location: Location) -> int:
    try:
        before = migrate.upgrade(location)
    except migrate.DatabaseError as exc:
        raise CliError(str(exc)) from exc
    _say_upgraded(location, before)
    return EXIT_OK


def _say_upgraded(where: object, before: migrate.SchemaState) -> None:
    """What ``migrate`` did: nothing, a new practice, or an upgrade from one revision."""
    if before.at_head:
        print(f"{where}: already at schema {before.head}")
    elif before.revision is None:
        print(f"{where}: created a new practice (schema {before.head})")
    else:
        print(f"{where}: upgraded from {before.revision} to {before.head}")


def _check_server(location: Location, folder: Path | None) -> int:
    """``check`` on a PostgreSQL database: the server, the connection, the schema, the
    audit chain and its latest backup (in ``folder``, else the server's dump folder). It
    only looks: an empty database is an error, as a missing file is (nothing is created),
    and an older schema is left for ``migrate``."""
    from practice.services import server_backup  # deferred: start-up speed (only here)

    try:
        state = migrate.inspect(location)
    except migrate.DatabaseError as exc:
        raise CliError(str(exc)) from exc
    if not state.exists:
        raise CliError(
            f"{location}: empty: not a practice yet (`practice migrate --db {location}` "
            f"makes one, or `practice move --to {location}` copies one in). Nothing was created."
        )
    database = Database(location)
    problems: list[str] = []
    try:
        with database.session() as db:
            version = db.execute(text("SHOW server_version")).scalar_one()
            print(f"database: {location}")
            print(f"server: PostgreSQL {version}")
            print(f"connection: {_connection(db)}")
            print(f"schema: {state.revision} (this version: {state.head})")
            if state.at_head:
                chain = audit.verify_chain(db)
                events = audit.event_count(db)
                print(
                    f"audit trail: ok ({events} events, keyed hash chain intact)"
                    if not chain
                    else f"audit trail: {len(chain)} problems (see below)"
                )
                problems += [f"audit trail: {p}" for p in chain[: file_check.MAX_PROBLEMS]]
            good = [b for b in server_backup.backups_of(location, folder) if b.verified]
            where = folder or server_backup.backup_folder(location)
            print("backups: " + (f"latest {good[-1].path.name}" if good else f"none in {where}"))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        raise CliError(f"{location}: {reason[0] if reason else type(exc).__name__}") from exc
    finally:
        database.dispose()
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if not state.at_head:
        print("schema is older than this version: run `practice migrate`", file=sys.stderr)
        problems.append("older schema")
    if problems:
        print("result: PROBLEMS FOUND")
        return EXIT_ERROR
    print("result: ok")
    return EXIT_OK


def _connection(db: Session) -> str:
    """How this connection travels: TLS (its version), or plain, which only a server on
    this computer is reached by (another one needs verified TLS: ``server_access``)."""
    row = db.execute(
        text("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
    ).first()
    if row is None or not row.ssl:
        return "not encrypted (the server is on this computer)"
    url = db.connection().engine.url
    checked = url.query.get("sslmode") == server_access.SECURE_SSLMODE
    return f"encrypted ({row.version}" + (", certificate checked)" if checked else ")")


def _head() -> str:
    return migrate.known_revisions()[1]


def _audit_chain(path: Path, key: bytes | None = None) -> tuple[list[str], int]:
    conn = crypto.connect(path, key, readonly=True)
    try:
        events = conn.execute("SELECT count(*) FROM audit_events").fetchone()[0]
        return health.audit_chain_problems(conn, key=key, db_path=path), events
    except crypto.DATABASE_ERRORS as exc:
        return [f"cannot be read: {exc}"], 0
    finally:
        conn.close()


def _against_backup(
    path: Path, key: bytes | None, folder: Path | None
) -> tuple[Path | None, list[str]]:
    """The latest backup and what it says is missing or rewritten in the trail."""
    found = backup.backups_of(folder or backup.default_backup_dir(path), path, key=key)
    try:
        return audit_heads.compare_with_latest_backup(path, [b.path for b in reversed(found)], key)
    except crypto.FILE_ERRORS as exc:
        return None, [f"cannot be compared with the latest backup: {exc}"]
