"""What every command needs: its database path, the one-writer lock, the practice
opened (passphrase, upgrade, session), and its output file checked (never the
practice, its own files or its backups; an existing file only with ``--force``) and
written atomically.

A command that opens the practice does it with :func:`open_practice`; a command that
only changes the file (backup, restore, encrypt) holds the lock with :func:`writing`.
A command that writes has ``--break-lock``: it takes over a lock left by Practice on
another computer (or under this computer's former name), and the takeover goes into
the audit trail.

No command creates a practice unless asked (``--create`` on ``migrate`` and
``seed-demo``): a missing file or folder is an error, and a command that only reads
leaves nothing behind. Every open first settles what a crash left (a journal to roll
back, under the lock) and makes the practice's files owner-only, saying so on stderr
when it had to (:func:`settle`).

A practice on a PostgreSQL server (``--db postgresql://…``, :func:`db_place`) has no
file, lock, journal or passphrase: :func:`open_practice` migrates and opens it, asking
once on a terminal for a password the server wants (:func:`with_asked_password`); what
works on the file itself refuses it, saying why (:func:`file_only`).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import TypeAlias

from sqlalchemy.orm import Session

from practice import files
from practice.cli.errors import CliError, service_message
from practice.cli.passphrase import key_for
from practice.db import crypto, file_access, migrate, permissions, recovery, server_access
from practice.db.engine import Database
from practice.db.location import SECRET_QUERY, Location, LocationError, parse
from practice.db.lock import DatabaseLock, LockedError, LockFileError
from practice.paths import default_db_path
from practice.services import backup, lock_audit, schema_upgrade
from practice.services.backup import default_backup_dir
from practice.services.errors import ServiceError
from practice.sheets.glyph_report import GlyphReport, counting_missing_glyphs, glyph_message

Handler = Callable[[argparse.Namespace], int]
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def practice_place(text: str) -> Path | Location:
    """``--db``: a file path, or a PostgreSQL database (``postgresql://…``)."""
    try:
        location = parse(text)
    except LocationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if location.url is not None and (
        location.url.password or any(name in location.url.query for name in SECRET_QUERY)
    ):
        print(PASSWORD_SHOWN, file=sys.stderr)
    return location if location.is_postgresql else Path(text)


PASSWORD_SHOWN = (
    "practice: warning: a password typed in the address can be seen by other users of "
    "this computer (ps); put it in ~/.pgpass instead (see docs/small-practice.md)."
)
PASSWORD_FILE = (
    "{where} asks for a password and none was given: put it in ~/.pgpass (a line "
    "host:port:database:user:password, the file readable by you only: chmod 600 "
    "~/.pgpass), or run the command in a terminal to be asked for it."
)


def db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """Add ``--db PATH``; on subcommands its default is suppressed so that
    ``practice --db X cmd`` keeps X."""
    parser.add_argument(
        "--db",
        type=practice_place,
        default=None if top else argparse.SUPPRESS,
        metavar="PATH",
        help=f"database file (default: {default_db_path()}), or a PostgreSQL database "
        "as postgresql://user@host:port/name (not for the commands that work on the file "
        "itself: encrypt, change-passphrase, recovery-key)",
    )


def add_command(
    sub: Subcommands,
    name: str,
    handler: Handler,
    help_text: str,
    description: str = "",
    *,
    writes: bool = False,
) -> argparse.ArgumentParser:
    """A subcommand with ``--db`` that runs ``handler`` (and ``--break-lock`` if it writes)."""
    cmd = sub.add_parser(name, help=help_text, description=description or help_text)
    db_option(cmd)
    if writes:
        cmd.add_argument(
            "--break-lock",
            action="store_true",
            help="take over the lock left by Practice on another computer (only when it "
            "is no longer running there); recorded in the audit trail",
        )
    cmd.set_defaults(handler=handler, break_lock=False)
    return cmd


def day(text: str) -> date:
    """An argument of the form YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


# A day a report, a prep summary or a filled-in form can be about: Practice keeps no
# record from before 2000, and a day more than a year ahead is a typing slip.
EARLIEST_RECORD_DAY = date(2000, 1, 1)
DAYS_AHEAD = 366


def recent_day(text: str) -> date:
    """An argument of the form YYYY-MM-DD between 1 Jan 2000 and a year from today
    (``--date 1900-01-01`` would make a meaningless report or record: it is refused)."""
    value = day(text)
    latest = date.fromordinal(date.today().toordinal() + DAYS_AHEAD)
    if not EARLIEST_RECORD_DAY <= value <= latest:
        raise argparse.ArgumentTypeError(
            f"{text} is outside the days Practice works with: choose a day between "
            f"{EARLIEST_RECORD_DAY.isoformat()} and {latest.isoformat()}"
        )
    return value


def given_db_path(args: argparse.Namespace) -> Path:
    """The path as given (``--db``, else the default); the app resolves it itself.

    A practice on a server is refused here: what works on the file only (see
    :func:`file_only`) does not take one (the app window does: see :func:`app_place`)."""
    if isinstance(args.db, Location):
        raise CliError(
            f"{args.db.display}: this works on a practice file only, not on a practice "
            "on a PostgreSQL server."
        )
    return Path(args.db) if args.db else default_db_path()


# Why the commands about the file's encryption refuse a practice on a server.
ENCRYPTION_ON_A_SERVER = (
    "on a server, encryption at rest is the server's job (its disk encryption), and the "
    "practice has no passphrase or recovery key: "
    "see docs/architecture.md, Encryption at rest on a server. Nothing was changed."
)
NO_LOCK_ON_A_SERVER = (
    "--break-lock is for a practice file: on a server there is no lock file to take "
    "over (the database keeps order between computers). Run the command without it."
)


def file_only(args: argparse.Namespace, why: str) -> None:
    """CliError saying ``why`` when the command is given a practice on a server."""
    if isinstance(args.db, Location):
        raise CliError(f"{args.db.display}: {why}")


def app_place(args: argparse.Namespace) -> Path | Location | None:
    """What the app window opens: a file as given, or a practice on a PostgreSQL
    server; None without ``--db`` (the app chooses: see ``practice.app.run_gui``)."""
    if isinstance(args.db, Location):
        return args.db
    return Path(args.db) if args.db else None


def db_place(args: argparse.Namespace) -> Path | Location:
    """The practice the command works on: a file (see :func:`db_path`) or a server
    database, for the commands that take both. ``--break-lock`` is refused on a server."""
    if isinstance(args.db, Location):
        if getattr(args, "break_lock", False):
            file_only(args, NO_LOCK_ON_A_SERVER)
        return with_asked_password(args.db)
    return db_path(args)


def existing_place(args: argparse.Namespace) -> Path | Location:
    """:func:`db_place`, a file having to exist (see :func:`existing_db`); a server's
    database is checked when it is opened."""
    place = db_place(args)
    if isinstance(place, Path):
        check_place(place)
    return place


def db_path(args: argparse.Namespace) -> Path:
    """The practice file the command works on: a link followed, a hard-linked file
    refused (see :func:`practice.db.file_access.practice_file`)."""
    try:
        return file_access.practice_file(given_db_path(args))
    except file_access.AccessError as exc:
        raise CliError(str(exc)) from exc


def create_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--create``: make a new practice when the file does not exist."""
    parser.add_argument(
        "--create",
        action="store_true",
        help="create a new practice if the file does not exist (its folder must exist)",
    )


def _db_arg(path: Path) -> str:
    return "" if path.absolute() == default_db_path().absolute() else f" --db {path}"


def check_place(path: Path, *, write: bool = True, create: bool = False) -> None:
    """Refuse a path that cannot hold a practice (a folder, a missing or read-only
    folder), or a missing file unless ``create``. The only folder ever made is the
    data folder, for a new practice at the default place (``write`` and ``create``);
    ``write=False`` (a look that only reads) lets a read-only place through."""
    default = path.absolute() == default_db_path().absolute()
    if write and create and default and not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        file_access.check(path, write=write)
    except file_access.AccessError as exc:
        raise CliError(str(exc)) from exc
    if not create and not path.exists():
        raise CliError(
            f"{path} does not exist; nothing was created. To start a new practice there, "
            f"run `practice migrate --create{_db_arg(path)}`."
        )


def existing_db(args: argparse.Namespace) -> Path:
    """The database path, which must exist (commands that never create one)."""
    path = db_path(args)
    check_place(path)
    return path


def restore_hint(path: Path, key: bytes | None) -> str:
    """A sentence naming the latest good backup of ``path`` and the command restoring it."""
    folder = backup.default_backup_dir(path)
    latest = backup.latest_good_backup(folder, path, key=key)
    if latest is None:
        return (
            f"No good backup of it was found in {folder}: keep a copy of the file and ask "
            "for help before trying anything else."
        )
    return (
        f"The latest good backup is {latest.name}; restore it with "
        f"`practice restore {latest.name}{_db_arg(path)}` (the damaged file is kept aside)."
    )


def settle(
    path: Path, key: bytes | None, *, locked: bool, backup_dirs: tuple[Path, ...] = ()
) -> None:
    """Make the practice's files owner-only, then settle what a crash left beside it.

    A line on stderr says which files had to be made private (before anything more
    is written to them). A journal is rolled back under the lock: the caller's
    (``locked``), or taken for the moment; when someone else holds it, that program
    settles its own file.
    """
    changed = permissions.tighten(path, (backup.default_backup_dir(path), *backup_dirs))
    if changed:
        names = ", ".join(p.name for p in changed[:4]) + (", …" if len(changed) > 4 else "")
        print(
            f"practice: {len(changed)} of the practice's files and folders could be read "
            f"by other users; they are now private to you ({names})",
            file=sys.stderr,
        )
    if recovery.needs_recovery(path):
        if locked:
            recovery.recover(path, key)
        else:
            try:
                with writing(path, "practice"):
                    recovery.recover(path, key)
            except CliError:
                pass  # in use: its holder has the file, journal included


@contextmanager
def writing(path: Path, program: str, *, take_over: bool = False) -> Iterator[None]:
    """Hold the one-writer lock of ``path``; a lock held elsewhere becomes CliError.

    With ``take_over`` (``--break-lock``) a lock written on another computer is taken
    over; the takeover is recorded in the audit trail at once when the practice is
    plain, else by the next writer that has its key.
    """
    lock = DatabaseLock(path, program=program)
    try:
        lock.acquire()
    except LockFileError as exc:
        raise CliError(str(exc)) from exc
    except LockedError as exc:
        if not (take_over and exc.can_take_over):
            raise CliError(_locked_message(exc)) from exc
        try:
            owner = lock.take_over()
        except LockedError as again:
            raise CliError(str(again)) from again
        who = owner.describe() if owner else "an unreadable lock"
        print(f"practice: took over the lock of {who}", file=sys.stderr)
        _record_takeover(path)
    try:
        yield
    finally:
        lock.release()


def _locked_message(exc: LockedError) -> str:
    if not exc.can_take_over:
        return str(exc)
    return (
        f"{exc} If Practice is no longer running there (or that computer was renamed), "
        "run the command again with --break-lock to take over."
    )


def _record_takeover(path: Path) -> None:
    """Audit a takeover now if the practice is plain and current (see lock_audit)."""
    if not path.is_file() or crypto.is_encrypted(path):
        return
    try:
        if not migrate.inspect(path).at_head:
            return
    except migrate.DatabaseError:
        return
    database = Database(path)
    try:
        lock_audit.record_lock_takeovers(database)
    finally:
        database.dispose()


def upgrade(
    path: Path, key: bytes | None, *, program: str = "practice migrate", locked: bool = False
) -> migrate.SchemaState:
    """Create or upgrade ``path`` after a verified backup when it exists; returns the state
    before. The lock is taken for the upgrade unless the caller holds it (``locked``)."""
    try:
        state = migrate.inspect(path, key=key)
        if state.at_head:
            return state
        if locked:
            return schema_upgrade.upgrade(path, key=key)
        with writing(path, program):
            return schema_upgrade.upgrade(path, key=key)
    except migrate.DamagedDatabaseError as exc:
        raise CliError(f"{exc} {restore_hint(path, key)}") from exc
    except migrate.DatabaseError as exc:
        raise CliError(str(exc)) from exc


@contextmanager
def open_practice(
    path: Path | Location,
    *,
    writer: str | None = None,
    create: bool = False,
    take_over: bool = False,
) -> Iterator[Session]:
    """A session on the practice at ``path``, upgraded first if needed.

    A missing file is an error unless ``create`` (see :func:`check_place`). A
    ``writer`` (the program name shown to others) holds the one-writer lock for the
    whole block (``take_over``: see :func:`writing`); a reader takes it only to settle
    a crash's journal or to upgrade. The passphrase of an encrypted practice is asked
    once. The session commits when the block ends normally; a ServiceError becomes a
    CliError. The database is closed in every case.

    A practice on PostgreSQL (a :class:`Location`) has no file, lock, journal or
    passphrase: its database is migrated to head (a new empty one included) and opened.
    """
    if isinstance(path, Location):
        with _open_server(path) as db:
            yield db
        return
    check_place(path, create=create)
    with ExitStack() as stack:
        if writer is not None:
            stack.enter_context(writing(path, writer, take_over=take_over))
        key = key_for(path)  # None unless encrypted
        settle(path, key, locked=writer is not None)
        upgrade(path, key, locked=writer is not None)
        database = Database(path, key=key)
        stack.callback(database.dispose)
        if writer is not None:
            lock_audit.record_lock_takeovers(database)
        try:
            with database.session() as db:
                yield db
        except ServiceError as exc:
            raise CliError(service_message(exc)) from exc


@contextmanager
def _open_server(location: Location) -> Iterator[Session]:
    location = with_asked_password(location)
    try:
        migrate.upgrade(location)
    except migrate.DatabaseError as exc:
        raise CliError(str(exc)) from exc
    database = Database(location)
    try:
        with database.session() as db:
            yield db
    except ServiceError as exc:
        raise CliError(service_message(exc)) from exc
    finally:
        database.dispose()


def with_asked_password(location: Location) -> Location:
    """``location`` with a password typed at the terminal (asked once, kept in memory
    only) when the server asks for one and none was given (not in the address, not in
    ~/.pgpass); without a terminal, CliError saying to use ~/.pgpass. Any other failure
    is left for the command to report."""
    assert location.url is not None
    if location.url.password:
        return location
    try:
        migrate.inspect(location)
    except migrate.DatabaseError as exc:
        if not server_access.password_needed(exc):
            return location
        if not sys.stdin.isatty():
            raise CliError(PASSWORD_FILE.format(where=location.display)) from exc
        user, host = location.url.username or "you", location.url.host or "the server"
        return server_access.with_password(
            location, getpass.getpass(f"Password for {user} on {host}: ")
        )
    return location


def force_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--force``: the output may replace an existing file."""
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace an existing file (never the practice, its own files or its backups)",
    )


def refuse_protected(args: argparse.Namespace, target: Path) -> None:
    """CliError when ``target`` is the practice, one of its own files or in its backups
    (on a server: the files this computer keeps for it, named after ``local_path``)."""
    practice = args.db.local_path if isinstance(args.db, Location) else db_path(args)
    reason = files.protected_reason(target, practice, default_backup_dir(practice))
    if reason is not None:
        raise CliError(f"{reason}; nothing was written.")


def output_file(args: argparse.Namespace, target: Path) -> Path:
    """``target`` checked before any work: :func:`refuse_protected`, and an existing
    file only with ``--force``."""
    refuse_protected(args, target)
    if target.exists() and not getattr(args, "force", False):
        raise CliError(f"{target} already exists; use --force to replace it.")
    return target


def write_atomically(target: Path, data: bytes) -> None:
    """Write an output file atomically; a failure becomes a CliError, nothing is left."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise CliError(f"{folder} is not a folder.")
    try:
        files.write_atomically(target, data)
    except OSError as exc:
        raise CliError(f"{target} could not be written ({exc.strerror or exc}).") from exc


def paper_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--paper a4|letter`` (default: the system locale's paper)."""
    parser.add_argument(
        "--paper",
        choices=("a4", "letter"),
        default=None,
        help="paper size (default: from the system locale, Letter in the US, Canada, "
        "Mexico and the other Letter countries, else A4)",
    )


def out_option(
    parser: argparse.ArgumentParser, *, required: bool = True, what: str = "PDF to write"
) -> None:
    """Add ``-o/--out FILE`` and ``--force`` (see :func:`output_file`)."""
    parser.add_argument("-o", "--out", type=Path, required=required, metavar="FILE", help=what)
    force_option(parser)


def warn_missing_glyphs(report: GlyphReport) -> None:
    """One line on stderr when characters were printed as [?] (the text is not shown)."""
    if report.missing:
        print(f"practice: warning: {glyph_message(report.missing)}", file=sys.stderr)


def write_pdf(out: Path, make: Callable[[], bytes]) -> None:
    """``make`` the PDF counting the characters its fonts lack, write it to ``out``
    atomically, and warn of those characters (:func:`warn_missing_glyphs`)."""
    with counting_missing_glyphs() as report:
        pdf = make()
    write_atomically(out, pdf)
    warn_missing_glyphs(report)
