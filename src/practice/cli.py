"""The ``practice`` command: the GUI with no subcommand, or one job from the shell.

Errors go to stderr with a non-zero exit status; nothing half-written stays.

One writer: commands that write (``migrate``, ``seed-demo``, ``backup``,
``restore``, ``export``, ``import-clients``) hold the database's lock (see
``practice.db.lock``) and refuse, naming the holder's process and host, while the
app or another command has the file. Commands that only read (``clients``,
``check``, ``import-clients --dry-run``) take no lock — except that a database
that must first be created or upgraded is upgraded under the lock (after a
verified pre-migration backup), so they too refuse to upgrade a file in use.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from practice.db import migrate
from practice.db.engine import Database
from practice.db.lock import DatabaseLock, LockedError, read_owner
from practice.paths import default_db_path

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A problem to report on stderr."""


def _db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # On subcommands the default is suppressed so `practice --db X cmd` keeps X.
    parser.add_argument(
        "--db",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        metavar="PATH",
        help=f"database file (default: {default_db_path()})",
    )


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else default_db_path()


@contextmanager
def writing(path: Path, program: str) -> Iterator[None]:
    """Hold the one-writer lock of ``path``; a lock held elsewhere becomes CliError.

    Nested use in one process (a command that holds the lock and then opens the
    database) is allowed: the lock already held here is kept.
    """
    owner = read_owner(path)
    if owner is not None and (owner.pid, owner.host) == (os.getpid(), socket.gethostname()):
        yield
        return
    try:
        lock = DatabaseLock(path, program=program).acquire()
    except LockedError as exc:
        raise CliError(str(exc)) from exc
    try:
        yield
    finally:
        lock.release()


def upgrade(
    path: Path, program: str = "practice migrate", key: bytes | None = None
) -> migrate.SchemaState:
    """Create or upgrade ``path`` under its lock, after a verified backup when it exists.

    An encrypted practice's key is asked for (``practice.cli_crypto``) unless given.
    """
    from practice.cli_crypto import key_for
    from practice.services import schema_upgrade

    key = key if key is not None else key_for(path)
    try:
        state = migrate.inspect(path, key=key)
        if state.at_head:
            return state
        with writing(path, program):
            return schema_upgrade.upgrade(path, key=key)
    except migrate.DatabaseError as exc:
        raise CliError(str(exc)) from exc


def open_database(path: Path) -> Database:
    """Upgrade (or create) the database if needed, under its lock, and open it."""
    from practice.cli_crypto import key_for

    key = key_for(path)  # None unless encrypted; asks for the passphrase once
    upgrade(path, key=key)
    return Database(path, key=key)


def _cmd_migrate(args: argparse.Namespace) -> int:
    path = db_path(args)
    with writing(path, "practice migrate"):
        before = upgrade(path)
    if before.at_head:
        print(f"{path}: already at schema {before.head}")
    else:
        print(f"{path}: upgraded from {before.revision or 'empty'} to {before.head}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from practice.cli_backup import cmd_check

    return cmd_check(args)


def _cmd_clients(args: argparse.Namespace) -> int:
    from practice.services import clients

    database = open_database(db_path(args))
    try:
        with database.session() as session:
            rows = clients.list_rows(session)
    finally:
        database.dispose()
    for row in rows:
        nxt = row.next_appointment.strftime("%Y-%m-%d %H:%M") if row.next_appointment else "-"
        print(
            f"{row.id}\t{row.name}\t{row.status.value}\t{row.literacy_level.value}\t"
            f"{row.language.value}\t{nxt}"
        )
    return EXIT_OK


def _cmd_seed_demo(args: argparse.Namespace) -> int:
    from practice.services import demo

    path = db_path(args)
    with writing(path, "practice seed-demo"):
        database = open_database(path)
        try:
            with database.session() as session:
                if demo.has_practice(session):
                    raise CliError(f"{path} already holds a practice; the demo was not written.")
                summary = demo.seed_demo(session)
        finally:
            database.dispose()
    print(f"demo practice written to {path}: {summary.counts.get('clients', 0)} clients")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="practice",
        description="Practice: client records, session notes and homework for therapists. "
        "With no command, opens the app.",
    )
    _db_option(parser, top=True)
    parser.add_argument(
        "--demo", action="store_true", help="open the app on a fresh fictional practice"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        _db_option(cmd)
        cmd.set_defaults(handler=handler)
        return cmd

    add("seed-demo", _cmd_seed_demo, "write the fictional demo practice into a new database")
    add("migrate", _cmd_migrate, "upgrade the database to this version's schema")
    add(
        "check",
        _cmd_check,
        "check the file read-only: schema, integrity, audit trail, where it lives",
    )
    add("clients", _cmd_clients, "list clients, one a line, id first")
    for register in _extensions():
        register(sub, _db_option)
    return parser


def _extensions() -> list[Callable[..., None]]:
    """Subcommands contributed by other modules (sheets, reliability, ...)."""
    from practice import cli_backup, cli_crypto, cli_data, cli_prep, cli_sheets

    return [
        cli_data.register,
        cli_backup.register,
        cli_prep.register,
        cli_crypto.register,
        cli_sheets.register,
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    try:
        if handler is None:
            from practice.app import run_gui

            return run_gui(db_path(args), demo=args.demo)
        return handler(args)
    except CliError as exc:
        print(f"practice: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
