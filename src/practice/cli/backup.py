"""``practice backup`` and ``practice restore``.

Both write (a backup is recorded in the audit trail), so they hold the database's
one-writer lock and refuse while the app has the file.

On a PostgreSQL server (``--db postgresql://…``) a backup is a verified ``pg_dump``
and a restore goes through a new database, switched to only once it checks out
(``practice.services.server_backup``); the server keeps order, there is no lock file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from practice.cli.base import (
    Subcommands,
    add_command,
    check_place,
    db_path,
    db_place,
    settle,
    writing,
)
from practice.cli.errors import EXIT_OK, CliError
from practice.cli.passphrase import key_for, key_for_backup
from practice.db import file_check, migrate
from practice.db.location import Location
from practice.services import backup, restore, server_backup


def register(sub: Subcommands) -> None:
    cmd = add_command(
        sub,
        "backup",
        cmd_backup,
        "write a verified backup of the database; prints its path last",
        writes=True,
    )
    cmd.add_argument(
        "--to",
        type=Path,
        default=None,
        metavar="DIR",
        help="backup folder (default: the 'backups' folder beside the database, "
        f"for the usual practice {backup.default_backup_dir()})",
    )

    cmd = add_command(
        sub,
        "restore",
        cmd_restore,
        "replace the database by a backup, keeping the current file aside",
        writes=True,
    )
    cmd.add_argument(
        "backup",
        type=Path,
        metavar="BACKUP",
        help="a backup file (a bare name is looked up in the database's backup folder)",
    )
    cmd.add_argument(
        "--other-practice",
        action="store_true",
        help="restore even though the backup is of another practice (its data replaces "
        "this practice's)",
    )


def cmd_backup(args: argparse.Namespace) -> int:
    place = db_place(args)
    if isinstance(place, Location):
        return _backup_server(place, args.to)
    path = db_path(args)
    check_place(path)
    key = key_for(path)
    with writing(path, "practice backup", take_over=args.break_lock):
        settle(path, key, locked=True, backup_dirs=(args.to,) if args.to else ())
        try:
            migrate.inspect(path, key=key)
        except (migrate.NotPracticeDatabaseError, migrate.DamagedDatabaseError) as exc:
            raise CliError(f"{exc} No backup was made.") from exc
        except migrate.DatabaseError:
            pass  # e.g. a newer version's file: a copy of it is still a good backup
        try:
            result = backup.make_backup(path, args.to, kind="manual", key=key)
        except backup.BackupError as exc:
            raise CliError(str(exc)) from exc
    refuse_unverified(result)
    rows = sum(result.row_counts.values())
    print(f"backed up {path}")
    print(
        f"verified: integrity ok; {rows} row{'s' * (rows != 1)} in "
        f"{len(result.row_counts)} tables, as in the database"
    )
    print(result.path.resolve())
    return EXIT_OK


def _backup_file(given: Path, db: Path) -> Path:
    if given.is_file() or given.parent != Path("."):
        return given
    in_folder = backup.default_backup_dir(db) / given
    return in_folder if in_folder.is_file() else given


def cmd_restore(args: argparse.Namespace) -> int:
    place = db_place(args)
    if isinstance(place, Location):
        return _restore_server(place, args.backup, other_practice=args.other_practice)
    path = db_path(args)
    check_place(path, create=True)  # restoring onto a missing file makes it: the user asked
    source = _backup_file(args.backup, path)
    if not source.is_file():
        raise CliError(f"There is no backup at {source}.")
    key = key_for_backup(path, source)
    with writing(path, "practice restore", take_over=args.break_lock):
        mismatch = restore.practice_mismatch(path, source, key)
        if mismatch is not None and not mismatch.certain and not args.other_practice:
            # The practice file cannot say whose it is, but its folder remembers another:
            # the likeliest wrong pick, when the practice is damaged. Refused, like a sure one.
            raise CliError(
                f"{mismatch.message} Nothing was restored. If that is really what you want, "
                "add --other-practice."
            )
        try:
            aside = restore.restore(path, source, key=key, other_practice=args.other_practice)
        except restore.OtherPracticeError as exc:
            raise CliError(f"{exc} If that is really what you want, add --other-practice.") from exc
        except backup.BackupError as exc:
            raise CliError(str(exc)) from exc
    print(f"restored {path} from {source}")
    if aside is not None:
        print(f"the previous file is kept as {aside}")
    return EXIT_OK


def _backup_server(location: Location, to: Path | None) -> int:
    try:
        if not migrate.inspect(location).exists:
            raise CliError(f"{location} holds no practice yet; no backup was made.")
        result = server_backup.make_backup(location, to, kind="manual")
    except (migrate.DatabaseError, backup.BackupError) as exc:
        raise CliError(f"{exc} No backup was made.") from exc
    refuse_unverified(result)
    print(f"backed up {location}")
    print("verified: pg_restore read all of it, with the audit trail and the schema")
    print(result.path.resolve())
    return EXIT_OK


def _restore_server(location: Location, given: Path, *, other_practice: bool = False) -> int:
    source = given
    if not source.is_file() and given.parent == Path("."):  # a bare name: in its folder
        source = server_backup.backup_folder(location) / given
    if not source.is_file():
        raise CliError(f"There is no backup at {given}.")
    try:
        aside = server_backup.restore(location, source, other_practice=other_practice)
    except restore.OtherPracticeError as exc:
        raise CliError(f"{exc} If that is really what you want, add --other-practice.") from exc
    except backup.BackupError as exc:
        raise CliError(str(exc)) from exc
    print(f"restored {location} from {source}")
    print(f"the previous database is kept on the server as {aside}")
    try:
        kept = server_backup.kept_copies(location)
    except backup.BackupError:
        kept = [aside]
    if kept:
        print(
            f"earlier copies of this practice kept on the server: {len(kept)} "
            f"(oldest: {kept[0]}); Practice never deletes them: once you are sure you no "
            "longer need one, your server administrator can remove it with "
            f'DROP DATABASE "{kept[0]}";'
        )
    return EXIT_OK


def refuse_unverified(result: backup.BackupResult) -> None:
    """A backup that failed its verification: its problems on stderr, then a CliError
    (it is kept, renamed, for inspection)."""
    if result.verified:
        return
    for problem in result.problems[: file_check.MAX_PROBLEMS]:
        print(f"problem: {problem}", file=sys.stderr)
    raise CliError(
        f"the backup FAILED verification and is not a good backup; "
        f"it was kept for inspection as {result.path}"
    )
