"""``practice backup``, ``practice restore`` and ``practice check``.

``backup`` and ``restore`` write (a backup is recorded in the audit trail), so they
hold the database's one-writer lock and refuse while the app has the file.
``check`` only reads: it never takes the lock, never upgrades, never writes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from practice.cli import EXIT_ERROR, EXIT_OK, CliError, db_path, writing
from practice.cli_crypto import key_for, key_for_backup
from practice.db import crypto, health, migrate
from practice.services import backup


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], db_option: Callable[..., None]
) -> None:
    help_text = "write a verified backup of the database; prints its path last"
    cmd = sub.add_parser("backup", help=help_text, description=help_text)
    db_option(cmd)
    cmd.add_argument(
        "--to",
        type=Path,
        default=None,
        metavar="DIR",
        help=f"backup folder (default: {backup.default_backup_dir()})",
    )
    cmd.set_defaults(handler=cmd_backup)

    help_text = "replace the database by a backup, keeping the current file aside"
    cmd = sub.add_parser("restore", help=help_text, description=help_text)
    db_option(cmd)
    cmd.add_argument(
        "backup",
        type=Path,
        metavar="BACKUP",
        help="a backup file (a bare name is looked up in the default backup folder)",
    )
    cmd.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not path.is_file():
        raise CliError(f"There is no database at {path}.")
    key = key_for(path)
    try:
        migrate.inspect(path, key=key)
    except (migrate.NotPracticeDatabaseError, migrate.DamagedDatabaseError) as exc:
        raise CliError(f"{exc} No backup was made.") from exc
    except migrate.DatabaseError:
        pass  # e.g. a newer version's file: a copy of it is still a good backup
    with writing(path, "practice backup"):
        try:
            result = backup.make_backup(path, args.to, kind="manual", key=key)
        except backup.BackupError as exc:
            raise CliError(str(exc)) from exc
    if not result.verified:
        for problem in result.problems[:20]:
            print(f"problem: {problem}", file=sys.stderr)
        raise CliError(
            f"the backup FAILED verification and is not a good backup; "
            f"it was kept for inspection as {result.path}"
        )
    rows = sum(result.row_counts.values())
    print(f"backed up {path}")
    print(
        f"verified: integrity ok; {rows} row{'s' * (rows != 1)} in "
        f"{len(result.row_counts)} tables, as in the database"
    )
    print(result.path.resolve())
    return EXIT_OK


def _backup_file(given: Path) -> Path:
    if given.is_file() or given.parent != Path("."):
        return given
    in_folder = backup.default_backup_dir() / given
    return in_folder if in_folder.is_file() else given


def cmd_restore(args: argparse.Namespace) -> int:
    path = db_path(args)
    source = _backup_file(args.backup)
    if not source.is_file():
        raise CliError(f"There is no backup at {source}.")
    key = key_for_backup(path, source)
    with writing(path, "practice restore"):
        try:
            aside = backup.restore(path, source, key=key)
        except backup.BackupError as exc:
            raise CliError(str(exc)) from exc
    print(f"restored {path} from {source}")
    if aside is not None:
        print(f"the previous file is kept as {aside}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Report on the file read-only; exit 1 on any problem (damage, newer or older schema).

    A risky location (a cloud-synced folder, a network share) is a warning: it is
    printed, and the exit status stays 0 when nothing else is wrong.
    """
    path = db_path(args)
    if not path.exists():
        raise CliError(f"{path} does not exist.")
    key = key_for(path)
    report = health.check_file(path, chain=False, key=key)
    print(f"database: {path}")
    print(f"schema: {report.revision or 'none'} (this version: {report.head or _head()})")
    problems = list(report.problems)
    readable = report.revision is not None and not report.damaged
    if readable:
        full = migrate.integrity(path, key=key)
        print("integrity: " + ("ok" if not full else "PROBLEMS (see below)"))
        problems += [p for p in (f"integrity: {line}" for line in full[:20]) if p not in problems]
        if report.revision == report.head:
            chain, events = _audit_chain(path, key)
            print(
                f"audit trail: ok ({events} events, hash chain intact)"
                if not chain
                else f"audit trail: {len(chain)} problems (see below)"
            )
            problems += [f"audit trail: {p}" for p in chain[:20]]
    else:
        print("integrity: " + ("DAMAGED" if report.damaged else "not checked"))
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


def _head() -> str:
    return migrate.known_revisions()[1]


def _audit_chain(path: Path, key: bytes | None = None) -> tuple[list[str], int]:
    conn = crypto.connect(path, key, readonly=True)
    try:
        events = conn.execute("SELECT count(*) FROM audit_events").fetchone()[0]
        return health.audit_chain_problems(conn), events
    except crypto.DATABASE_ERRORS as exc:
        return [f"cannot be read: {exc}"], 0
    finally:
        conn.close()
