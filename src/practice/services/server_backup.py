"""Backups and restore of a practice on a PostgreSQL server (issue 17, point 5).

A backup is ``pg_dump --format=custom`` of the practice's database, written like the
file backups (``practice.services.backup``): into ``<name>.pgdump.partial`` (private to
the user), synced to disk, verified, and only then renamed to
``<stem>.<UTC stamp>.<kind>.pgdump`` (``*.pgdump.failed`` when it fails verification),
the folder synced. The stem names the server and the database
(:attr:`~practice.db.location.Location.local_path`), and the folder is ``backups``
beside that name in the data folder (``servers/backups``), unless another is given.

Verification reads the whole dump with ``pg_restore``: its table of contents must list
the audit trail and the schema revision (a Practice database), and writing every
block of it out (to nowhere) must succeed, which a truncated or damaged dump does not.
A restore also checks the dump fully by restoring it (below). The same rotation as
the file backups thins the good dumps out (``backup.thin_out``).

A restore never touches the practice's database until the very end:

1. the dump is verified (a damaged one is refused, nothing changes); its table of
   contents may hold only what our migrations make (:func:`foreign_entries`, and our
   two trigger functions exactly as they make them): anything else is refused before
   any of it runs; a dump of another practice (its ``practice_meta`` id, read from the
   dump) is refused unless the caller says so, as for a file;
2. holding the server's advisory lock of this practice's restores (a second one at
   once is refused), as a user who can act as the owner of the practice's database
   (else refused), it is restored into a new database ``<name>_restore_<stamp>`` of
   that owner, every connection to it acting as the owner (``ALTER DATABASE … SET
   role``, taken off before the switch): all in it is the owner's, never the
   administrator's;
3. that database is checked: schema not newer than this version (an older one is
   upgraded), every table readable, and readable and writable by the owner, the
   audit chain intact; the restore is recorded in its audit trail;
4. in ONE transaction, from another database of the server (``postgres``, else
   ``template1``), the practice's database is renamed ``<name>_before_restore_<stamp>``
   (kept) and the new one ``<name>``.

Killed before step 4 commits, the practice's database is as it was (a leftover
``<name>_restore_…`` database is dropped by the next restore); after it, the restored
one is in place. The databases kept aside are never dropped by Practice
(:func:`kept_copies` counts them for the message). PostgreSQL renames a database only
when nobody is connected to it: while another computer (or the app) is still
connected, the restore is refused
(:class:`ServerInUseError`), the new database dropped, and nothing else changes.

``pg_dump`` and ``pg_restore`` are looked for on ``PATH`` and in
``/usr/lib/postgresql/*/bin``; they must be of the server's major version or newer.
The password never goes on a command line: the child process alone gets it, in its
``PGPASSWORD`` (or libpq reads ``~/.pgpass`` itself).
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import logging
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from practice.db import migrate, models, permissions, server_access
from practice.db.audit_secret import AuditKeys
from practice.db.base import Base
from practice.db.crypto_files import sync_dir
from practice.db.engine import (
    APPLICATION_PREFIX,
    Database,
    MissingDriverError,
    make_postgresql_engine,
)
from practice.db.location import Location
from practice.db.models.meta import PRACTICE_ID
from practice.services import audit as audit_trail
from practice.services.backup import (
    FAILED_SUFFIX,
    BackupError,
    BackupFile,
    BackupKind,
    BackupResult,
    _unique_name,
    default_backup_dir,
    list_backups,
    thin_out,
)
from practice.services.restore import OtherPracticeError
from practice.text import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

SUFFIX = ".pgdump"
PARTIAL = ".partial"
TOOL_FOLDERS = "/usr/lib/postgresql/*/bin"
NEEDED_TABLES = ("audit_events", "alembic_version")  # in the dump's table of contents
MAINTENANCE_DATABASES = ("postgres", "template1")
MAX_NAME = 63  # PostgreSQL's longest identifier (bytes)
_STAMP = "%Y%m%dT%H%M%SZ"
_DB_STAMP = "%Y%m%d%H%M%S"
_TIMEOUT_S = 3600
STALE_PARTIAL_S = 15 * 60  # a .partial untouched this long is a killed backup's
# What a dump of a Practice database may hold besides its tables (migrations 0002, 0010):
KNOWN_FUNCTIONS = ("audit_events_append_only()", "audit_keys_keep()")
KNOWN_TRIGGERS = {
    "audit_events": (
        "audit_events_no_update",
        "audit_events_no_delete",
        "audit_events_no_truncate",
    ),
    "audit_keys": ("audit_keys_no_update", "audit_keys_no_delete"),
}
_TOC_KINDS = (  # pg_restore --list's kinds of entry, the longer of two with one start first
    "SEQUENCE OWNED BY",
    "SEQUENCE SET",
    "SEQUENCE",
    "TABLE DATA",
    "TABLE",
    "FK CONSTRAINT",
    "CONSTRAINT",
    "DEFAULT",
    "INDEX",
    "TRIGGER",
    "FUNCTION",
)


class ServerInUseError(BackupError):
    """The practice's database still has connections: it cannot be switched."""


def backup_folder(location: Location) -> Path:
    """The default folder of a server practice's dumps (the data folder's per-server one)."""
    return default_backup_dir(location.local_path)


def stem(location: Location) -> str:
    """The start of its dumps' names: the server and the database."""
    return location.local_path.stem


def backups_of(location: Location, folder: Path | None = None) -> list[BackupFile]:
    """The dumps of the practice at ``location`` in ``folder`` (failed ones too), oldest
    first."""
    return list_backups(
        folder or backup_folder(location), stem(location), include_failed=True, suffix=SUFFIX
    )


def daily_backup_due(
    location: Location, folder: Path | None = None, *, now: datetime | None = None
) -> bool:
    """True when no verified dump of the practice was made in the last 24 hours (by
    this computer, into ``folder``)."""
    now = now or datetime.now(UTC)
    return not any(
        b.verified and now - timedelta(hours=24) < b.taken_at <= now
        for b in backups_of(location, folder)
    )


# --- the server and its programs -----------------------------------------------------


def _libpq_url(url: URL, database: str | None = None) -> str:
    """``url`` as libpq reads it, WITHOUT its password (which goes in PGPASSWORD), and
    with ``sslmode=verify-full`` to another computer (:func:`server_access.wire_url`)."""
    secure = server_access.wire_url(url)
    secure = secure.difference_update_query(["password"])  # parse() moves it; never on argv
    plain = secure.set(drivername="postgresql")._replace(password=None)  # set() keeps a None
    if database is not None:
        plain = plain.set(database=database)
    return plain.render_as_string(hide_password=False)


def _child_env(url: URL) -> dict[str, str]:
    env = {**os.environ, "PGAPPNAME": "practice-backup", "PGCONNECT_TIMEOUT": "20"}
    given = url.query.get("password")  # in the query only if the URL did not come from parse()
    password = url.password if url.password is not None else given
    if isinstance(password, tuple):
        password = password[-1]
    if password is not None:
        env["PGPASSWORD"] = str(password)  # this child's only: never on a command line
    return env


def _first_line(text_: str) -> str:
    lines = [line.strip() for line in text_.strip().splitlines() if line.strip()]
    return lines[0] if lines else ""


def _engine(location: Location, database: str | None = None) -> Engine:
    assert location.url is not None
    url = location.url if database is None else location.url.set(database=database)
    try:
        return make_postgresql_engine(url)
    except MissingDriverError as exc:
        raise BackupError(str(exc)) from None


def _server_problem(location: Location, exc: Exception) -> BackupError:
    problem = _first_line(str(getattr(exc, "orig", None) or exc)) or type(exc).__name__
    return BackupError(
        QT_TRANSLATE_NOOP("server_backup", "Cannot use {where}: {problem}").format(
            where=location.display, problem=problem
        )
    )


def server_major(location: Location) -> int:
    """The server's major version (15, 16…)."""
    engine = _engine(location)
    try:
        with engine.connect() as conn:
            number = int(conn.execute(text("SHOW server_version_num")).scalar_one())
    except SQLAlchemyError as exc:
        raise _server_problem(location, exc) from None
    finally:
        engine.dispose()
    return number // 10000


def _tool_major(program: Path) -> int | None:
    try:
        done = subprocess.run(
            [str(program), "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.search(r"\(PostgreSQL\)\s+(\d+)", done.stdout)
    return int(found.group(1)) if found else None


def find_tool(name: str, major: int, folders: str | None = None) -> Path:
    """``pg_dump`` or ``pg_restore`` of major version ``major`` or newer (the newest
    found); a clear :class:`BackupError` when there is none, or only older ones."""
    candidates: list[Path] = []
    on_path = shutil.which(name)
    if on_path:
        candidates.append(Path(on_path))
    candidates += [Path(f) / name for f in sorted(glob.glob(folders or TOOL_FOLDERS))]
    versions: dict[Path, tuple[int, int, Path]] = {}  # real program: (major, rank, as named)
    for rank, program in enumerate(candidates):
        # Debian's /usr/bin/pg_dump is a link to a wrapper that runs by the name it was
        # called with: the program is run by its name, and found once per real file.
        if program.is_file() and program.resolve() not in versions:
            found = _tool_major(program)
            if found is not None:
                versions[program.resolve()] = (found, rank, program)
    fit = [(v, rank, p) for v, rank, p in versions.values() if v >= major]
    if fit:
        return max(fit)[2]  # the newest; of one version the folder's over PATH's
    if not versions:
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "server_backup",
                "{program} is not installed on this computer: it is needed to back up or "
                "restore a practice on a PostgreSQL server. Install the PostgreSQL client "
                "programs of version {major} or newer (Debian and Ubuntu: postgresql-client).",
            ).format(program=name, major=major)
        )
    newest = max(v for v, _, _ in versions.values())
    raise BackupError(
        QT_TRANSLATE_NOOP(
            "server_backup",
            "{program} on this computer is version {found}, older than the server "
            "(PostgreSQL {major}): it cannot back up or restore it safely. Install the "
            "PostgreSQL client programs of version {major} or newer.",
        ).format(program=name, found=newest, major=major)
    )


def _run(program: Path, args: list[str], url: URL) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), "--no-password", *args],
        capture_output=True,
        text=True,
        env=_child_env(url),
        timeout=_TIMEOUT_S,
        check=False,
    )


def _fsync(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


# --- backup ----------------------------------------------------------------------------


def verify(path: Path, pg_restore: Path) -> list[str]:
    """Problems of a dump; empty when ``pg_restore`` reads all of it and it holds a
    Practice database (its audit trail and schema revision)."""
    if not path.is_file():
        return [f"{path} does not exist"]
    if path.stat().st_size == 0:
        return [f"{path.name} is empty (0 bytes)"]
    listed = subprocess.run(
        [str(pg_restore), "--list", str(path)],
        capture_output=True,
        text=True,
        timeout=_TIMEOUT_S,
        check=False,
    )
    if listed.returncode != 0:
        return [f"{path.name} cannot be read as a PostgreSQL backup: {_first_line(listed.stderr)}"]
    contents = listed.stdout
    missing = [t for t in NEEDED_TABLES if not re.search(rf"TABLE DATA \S+ {t} ", contents)]
    if missing:
        return [f"{path.name} holds no {', '.join(missing)}: it is not a backup of a practice"]
    foreign = foreign_entries(contents)
    if foreign:  # a restore would refuse it: not a good backup, said now, not on the bad day
        return [
            f"the practice's database holds things that are not part of a Practice database "
            f"({', '.join(foreign[:5])}), which a restore refuses: ask whoever runs the "
            f"server to move them to another database"
        ]
    whole = subprocess.run(  # every block read and decompressed, written to nowhere
        [str(pg_restore), "--file", os.devnull, str(path)],
        capture_output=True,
        text=True,
        timeout=_TIMEOUT_S,
        check=False,
    )
    if whole.returncode != 0:
        return [f"{path.name} is damaged: {_first_line(whole.stderr)}"]
    return []


def _dump_problem(done: subprocess.CompletedProcess[str]) -> str:
    """Why pg_dump failed, in words: its own first line, how it stopped when it said
    nothing (killed), and plainly when the schema was being changed meanwhile."""
    said = _first_line(done.stderr)
    if "deadlock detected" in said or "could not obtain lock" in said:
        return QT_TRANSLATE_NOOP(
            "server_backup",
            "the practice was being changed (an upgrade?): try again in a minute",
        ).format()
    if said:
        return said
    if done.returncode < 0:
        return QT_TRANSLATE_NOOP(
            "server_backup", "pg_dump stopped (killed by signal {signal})"
        ).format(signal=-done.returncode)
    return QT_TRANSLATE_NOOP("server_backup", "pg_dump stopped (exit status {status})").format(
        status=done.returncode
    )


def _remove_stale_partials(location: Location, folder: Path) -> None:
    """Remove what killed backups of this practice left in ``folder``: its
    ``*.pgdump.partial`` files (a whole unencrypted copy each) that nobody has written
    to for a while (a backup still running writes, or is seconds from its rename)."""
    cutoff = time.time() - STALE_PARTIAL_S
    for left in folder.glob(f"{glob.escape(stem(location))}.*{SUFFIX}{PARTIAL}"):
        with contextlib.suppress(OSError):
            if left.stat().st_mtime < cutoff:
                left.unlink()
                log.info("removed %s, left by an interrupted backup", left.name)


def make_backup(
    location: Location,
    to_dir: Path | None = None,
    kind: BackupKind = "manual",
    *,
    rotate_after: bool = True,
    audit: bool = True,
    now: datetime | None = None,
) -> BackupResult:
    """A verified ``pg_dump`` of the practice at ``location`` into ``to_dir`` (default:
    :func:`backup_folder`), then the rotation and an audit event, as for a file.

    Raises :class:`BackupError` when the server cannot be reached, the programs are
    missing or too old, or the dump cannot be made; a dump that fails verification
    is returned with ``verified=False`` and kept as ``*.pgdump.failed``."""
    assert location.url is not None
    folder = to_dir or backup_folder(location)
    now = now or datetime.now(UTC)
    major = server_major(location)
    pg_dump, pg_restore = find_tool("pg_dump", major), find_tool("pg_restore", major)
    partial: Path | None = None
    try:
        permissions.make_private_folder(folder)  # the data folder too, on the first one
        _remove_stale_partials(location, folder)
        target = _unique_name(
            folder, stem(location), now.astimezone(UTC).strftime(_STAMP), kind, SUFFIX
        )
        partial = target.with_name(target.name + PARTIAL)
        os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        done = _run(
            pg_dump,
            ["--format=custom", "--file", str(partial), "--dbname", _libpq_url(location.url)],
            location.url,
        )
        if done.returncode != 0:
            raise BackupError(
                QT_TRANSLATE_NOOP("server_backup", "Could not back up {where}: {problem}.").format(
                    where=location.display, problem=_dump_problem(done).rstrip(".")
                )
            )
        _fsync(partial)
    except BaseException as exc:
        if partial is not None:
            with contextlib.suppress(OSError):
                partial.unlink()
        if isinstance(exc, OSError):
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "server_backup", "Could not back up {where} to {folder}: {exc}"
                ).format(where=location.display, folder=folder, exc=exc)
            ) from exc
        raise
    problems = verify(partial, pg_restore)
    final = target if not problems else target.with_name(target.name + FAILED_SUFFIX)
    os.replace(partial, final)
    sync_dir(folder)
    result = BackupResult(final, not problems, problems)
    if problems:
        log.error("backup %s failed verification: %s", final, problems[:3])
    else:
        log.info("verified backup %s", final)
        if rotate_after:
            thin_out(backups_of(location, folder), now=now, newest_good=final)
    if audit:
        verdict = "verified" if result.verified else "FAILED verification"
        try:
            _record(location, "backup", f"{kind} backup {final.name} {verdict}")
        except (SQLAlchemyError, OSError) as exc:
            log.warning("backup %s could not be audited: %s", final.name, exc)
    return result


def _record(location: Location, action: str, summary: str) -> None:
    database = Database(location)
    try:
        with database.session() as db:
            audit_trail.record(db, "database", None, action, summary)
    finally:
        database.dispose()


# --- restore ---------------------------------------------------------------------------


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _short(base: str) -> str:
    """The start of the restore's database names: ``base``, shortened so that
    ``<short>_before_restore_<stamp>`` fits in PostgreSQL's 63 bytes."""
    room = MAX_NAME - len(f"_before_restore_{'0' * 14}".encode())
    if len(base.encode()) <= room:
        return base
    # two long names with the same start must not share their restores' names (nor
    # their lock, leftovers and kept copies): the cut start, then a digest of the whole
    digest = hashlib.sha256(base.encode()).hexdigest()[:8]
    return base.encode()[: room - 9].decode(errors="ignore") + "_" + digest


def _names(base: str, stamp: str) -> tuple[str, str]:
    """``<base>_restore_<stamp>`` and ``<base>_before_restore_<stamp>``, within
    PostgreSQL's 63 bytes (the base is shortened when it must be)."""
    short = _short(base)
    return f"{short}_restore_{stamp}", f"{short}_before_restore_{stamp}"


def _like(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@contextlib.contextmanager
def _maintenance(location: Location) -> Iterator[Engine]:
    """An engine on another database of the server than the practice's."""
    last: Exception | None = None
    for name in MAINTENANCE_DATABASES:
        engine = _engine(location, name)
        try:
            engine.connect().close()
        except SQLAlchemyError as exc:
            engine.dispose()
            last = exc
            continue
        try:
            yield engine
        finally:
            engine.dispose()
        return
    assert last is not None
    raise _server_problem(location, last)


def _existing(engine: Engine, pattern: str) -> list[str]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT datname FROM pg_database WHERE datname LIKE :p"), {"p": pattern}
        )
        return [str(r[0]) for r in rows]


def _drop(engine: Engine, name: str) -> None:
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {_quoted(name)}"))
    except SQLAlchemyError as exc:
        log.warning("could not drop the database %s: %s", name, exc)


def _drop_leftovers(engine: Engine, base: str) -> None:
    """Databases a killed restore of this practice left (never switched to), named as
    :func:`_names` names them (the base shortened when it is long)."""
    short = _short(base)
    pattern = re.compile(re.escape(short) + r"_restore_\d{14}")
    for name in _existing(engine, _like(f"{short}_restore_")):
        if pattern.fullmatch(name):
            log.info("dropping %s, left by an interrupted restore", name)
            _drop(engine, name)


def _create(engine: Engine, location: Location, name: str, owner: str) -> None:
    """A new empty database ``name`` of ``owner``, with the practice database's encoding."""
    base = location.url.database if location.url is not None else None
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            encoding = conn.execute(
                text("SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = :n"),
                {"n": base},
            ).scalar()
            conn.execute(
                text(
                    f"CREATE DATABASE {_quoted(name)} OWNER {_quoted(owner)} TEMPLATE "
                    f"template0 ENCODING '{encoding or 'UTF8'}'"
                )
            )
    except SQLAlchemyError as exc:
        if "permission denied" in str(exc).lower():
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "server_backup",
                    "The database user may not create databases on {where}, which a restore "
                    "needs (it restores into a new database first). Ask for the CREATEDB "
                    "right. Nothing was changed.",
                ).format(where=location.display)
            ) from None
        raise _server_problem(location, exc) from None


def _check_restored(location: Location, restored: Location) -> list[str]:
    """Problems of the restored database (its schema upgraded first when older)."""
    try:
        state = migrate.inspect(restored)
    except migrate.DatabaseError as exc:
        return [str(exc)]
    if not state.exists:
        return ["the backup holds no Practice database"]
    if not state.at_head:
        try:
            migrate.upgrade(restored)
        except migrate.DatabaseError as exc:
            return [str(exc)]
    engine = _engine(restored)
    try:
        # the practice's own name for any key file a computer kept before 0010
        sessions = sessionmaker(engine, info={"audit_keys": AuditKeys(location.local_path)})
        with sessions() as db:
            for table in inspect(db.get_bind()).get_table_names():
                db.execute(text(f"SELECT count(*) FROM {_quoted(table)}")).scalar_one()
            return [f"audit trail: {p}" for p in audit_trail.verify_chain(db)]
    except SQLAlchemyError as exc:
        return [_first_line(str(getattr(exc, "orig", None) or exc))]
    finally:
        engine.dispose()


def _record_in(location: Location, restored: Location, summary: str) -> None:
    engine = _engine(restored)
    try:
        sessions = sessionmaker(engine, info={"audit_keys": AuditKeys(location.local_path)})
        with sessions() as db:
            audit_trail.record(db, "database", None, "restore", summary)
            db.commit()
    finally:
        engine.dispose()


def _others_connected(engine: Engine, name: str) -> list[str]:
    """Who is connected to database ``name`` (as far as the server tells)."""
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT coalesce(nullif(client_hostname, ''), host(client_addr), "
                "'this computer'), coalesce(nullif(application_name, ''), '?') "
                "FROM pg_stat_activity WHERE datname = :n AND pid <> pg_backend_pid()"
            ),
            {"n": name},
        )
        return sorted({_connected(host, app) for host, app in rows})


def _connected(host: str, app: str) -> str:
    """ "Practice on home-laptop" for the app (its ``application_name``), else the
    address and the program the server names."""
    if app.startswith(APPLICATION_PREFIX) and app != APPLICATION_PREFIX:
        return QT_TRANSLATE_NOOP("server_backup", "Practice on {computer}").format(
            computer=app.removeprefix(APPLICATION_PREFIX)
        )
    return f"{host} ({app})"


def _in_use(location: Location, who: list[str]) -> ServerInUseError:
    return ServerInUseError(
        QT_TRANSLATE_NOOP(
            "server_backup",
            "The backup was not restored: {where} is still in use ({who}). Close Practice "
            "on the other computers (and any other program connected to it), then restore "
            "again. The practice was left as it was.",
        ).format(where=location.display, who=", ".join(who) or "another connection")
    )


def _switch(engine: Engine, location: Location, base: str, new: str, aside: str) -> None:
    """Rename ``base`` aside and ``new`` to ``base``, both or neither (one transaction)."""
    who = _others_connected(engine, base)
    for _ in range(15):  # a connection just closed (this restore's own) takes a moment to go
        if not who:
            break
        time.sleep(0.2)
        who = _others_connected(engine, base)
    if who:
        raise _in_use(location, who)
    try:
        with engine.begin() as conn:
            conn.execute(text(f"ALTER DATABASE {_quoted(base)} RENAME TO {_quoted(aside)}"))
            conn.execute(text(f"ALTER DATABASE {_quoted(new)} RENAME TO {_quoted(base)}"))
    except SQLAlchemyError as exc:
        if getattr(getattr(exc, "orig", None), "sqlstate", None) == "55006":  # in use
            raise _in_use(location, _others_connected(engine, base)) from None
        raise _server_problem(location, exc) from None


def _practice_tables() -> set[str]:
    """The tables our migrations make (this version's models, and Alembic's own)."""
    assert models  # imported for its tables in Base.metadata
    return set(Base.metadata.tables) | {"alembic_version"}


def _allowed(kind: str, names: list[str], tables: set[str]) -> bool:
    """Whether a table-of-contents entry is part of a Practice schema."""
    if kind in ("TABLE", "TABLE DATA"):
        return len(names) == 1 and names[0] in tables
    if kind.startswith("SEQUENCE"):
        return len(names) == 1 and names[0] in {f"{t}_id_seq" for t in tables}
    if kind == "DEFAULT":
        return names[:1] != [] and names[0] in tables and names[1:] == ["id"]
    if kind in ("CONSTRAINT", "FK CONSTRAINT"):
        return (
            len(names) == 2
            and names[0] in tables
            and (
                names[1].startswith(("pk_", "uq_", "fk_", "ck_"))
                or names[1] == "alembic_version_pkc"
            )
        )
    if kind == "INDEX":
        return len(names) == 1 and any(names[0].startswith(f"ix_{t}_") for t in tables)
    if kind == "TRIGGER":
        return len(names) == 2 and names[1] in KNOWN_TRIGGERS.get(names[0], ())
    if kind == "FUNCTION":
        return len(names) == 1 and names[0] in KNOWN_FUNCTIONS
    return False


def foreign_entries(listing: str) -> list[str]:
    """The entries of a dump's table of contents (``pg_restore --list``) that are not
    part of a Practice database: another program's table, a function or an extension
    our migrations never make (a restore would run them). Empty for a Practice dump."""
    tables = _practice_tables()
    foreign: list[str] = []
    for line in listing.splitlines():
        if not line.strip() or line.lstrip().startswith(";"):
            continue
        entry = re.sub(r"^\d+; \d+ \d+ ", "", line.strip())
        kind = next((k for k in _TOC_KINDS if entry.startswith(k + " ")), None)
        words = entry[len(kind) + 1 :].split() if kind else []
        if kind is None or len(words) < 3 or words[0] != "public":
            foreign.append(entry)
        elif not _allowed(kind, words[1:-1], tables):
            foreign.append(f"{kind} {' '.join(words[1:-1])}")
    return foreign


def _listing(path: Path, pg_restore: Path, *args: str) -> str:
    done = subprocess.run(
        [str(pg_restore), *args, str(path)],
        capture_output=True,
        text=True,
        timeout=_TIMEOUT_S,
        check=False,
    )
    return done.stdout if done.returncode == 0 else ""


_OUR_FUNCTION = re.compile(  # as migrations 0002 and 0010 make them: raise, nothing else
    r"CREATE FUNCTION public\.(\w+)\(\) RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN "
    r"RAISE EXCEPTION '[a-z -]+' USING ERRCODE = 'restrict_violation'; END \$\$;"
)


def changed_functions(sql: str) -> list[str]:
    """The functions in ``sql`` (``pg_restore --schema-only`` of the dump's functions)
    that are not exactly ours: a known name with another body, or other settings."""
    changed: list[str] = []
    statement: list[str] = []
    for line in sql.splitlines():
        if line.startswith("CREATE ") or statement:
            statement.append(line.strip())
            if line.rstrip().endswith(";"):
                whole = " ".join(statement)
                statement = []
                found = _OUR_FUNCTION.fullmatch(whole)
                if not found or f"{found.group(1)}()" not in KNOWN_FUNCTIONS:
                    name = re.match(r"CREATE (?:OR REPLACE )?FUNCTION (\S+?\))", whole)
                    changed.append(f"FUNCTION {name.group(1) if name else whole[:60]} (changed)")
    return changed


def _refuse_foreign(path: Path, pg_restore: Path) -> None:
    listing = _listing(path, pg_restore, "--list")
    foreign = foreign_entries(listing)
    if not foreign:
        ours = [f for f in KNOWN_FUNCTIONS if f" FUNCTION public {f} " in listing]
        if ours:
            functions = [f"--function={f}" for f in ours]
            foreign = changed_functions(
                _listing(path, pg_restore, "--schema-only", *functions, "--file=-")
            )
    if foreign:
        shown = ", ".join(foreign[:5]) + (", …" if len(foreign) > 5 else "")
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "server_backup",
                "The backup {name} holds things that are not part of a Practice database "
                "({foreign}). It was not restored, and none of it was run: a restore would "
                "run them on the server. The practice was left as it was.",
            ).format(name=path.name, foreign=shown)
        )


def _dump_practice_id(path: Path, pg_restore: Path) -> str | None:
    """The practice id in a dump (its ``practice_meta`` rows), read without restoring."""
    data = _listing(path, pg_restore, "--data-only", "--table=practice_meta", "--file=-")
    columns: list[str] = []
    for line in data.splitlines():
        copy = re.match(r"COPY \S*practice_meta \(([^)]*)\) FROM stdin;", line)
        if copy:
            columns = [c.strip().strip('"') for c in copy.group(1).split(",")]
        elif columns and line != "\\.":
            row = dict(zip(columns, line.split("\t"), strict=False))
            if row.get("key") == PRACTICE_ID and row.get("value") not in (None, "\\N", ""):
                return row["value"]
        elif line == "\\.":
            columns = []
    return None


def _server_practice_id(location: Location) -> str | None:
    """The practice id of the practice's database now; None when it has none or cannot
    be read (nothing to compare)."""
    engine = _engine(location)
    try:
        with engine.connect() as conn:
            value = conn.execute(
                text("SELECT value FROM practice_meta WHERE key = :k"), {"k": PRACTICE_ID}
            ).scalar()
    except SQLAlchemyError:
        return None
    finally:
        engine.dispose()
    return str(value) if value else None


def _refuse_other_practice(location: Location, path: Path, pg_restore: Path) -> None:
    """As a file restore (``restore.practice_mismatch``): a dump of another practice is
    refused, :class:`OtherPracticeError`, unless the caller says it was chosen knowingly."""
    theirs = _dump_practice_id(path, pg_restore)
    if theirs is None:
        return
    ours = _server_practice_id(location)
    if ours is not None and ours != theirs:
        raise OtherPracticeError(
            QT_TRANSLATE_NOOP(
                "server_backup",
                "{name} is a backup of another practice, not of {where}: restoring it would "
                "replace this practice's clients, sessions and notes by that practice's. "
                "Nothing was restored.",
            ).format(name=path.name, where=location.display)
        )


def _owner(engine: Engine, location: Location, base: str) -> str:
    """The role that owns the practice's database; refused (nothing changed) when the
    user restoring cannot act as it: the restored database and everything in it must
    be the owner's, or the practice's own role is locked out of it."""
    with engine.connect() as conn:
        owner, able, me = conn.execute(
            text(
                "SELECT pg_get_userbyid(datdba), pg_has_role(current_user, datdba, 'MEMBER'), "
                "current_user FROM pg_database WHERE datname = :n"
            ),
            {"n": base},
        ).one()
    if not able:
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "server_backup",
                "The database user {user} cannot restore {where}: the practice belongs to "
                "the user {owner}, and a restore must make the restored practice {owner}'s "
                "too. Restore as {owner}, or as the server's administrator. Nothing was "
                "changed.",
            ).format(user=me, where=location.display, owner=owner)
        )
    return str(owner)


def _set_role(engine: Engine, name: str, owner: str | None) -> None:
    """Every connection to the new database acts as ``owner`` (the restore, the upgrade,
    the check), so all it makes is the owner's; ``None``: back to normal."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if owner is None:
            conn.execute(text(f"ALTER DATABASE {_quoted(name)} RESET role"))
        else:
            conn.execute(text(f"ALTER DATABASE {_quoted(name)} SET role = {_quoted(owner)}"))


def _not_the_owners(restored: Location, owner: str) -> list[str]:
    """Tables and sequences of the restored database the owner cannot read and write."""
    engine = _engine(restored)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON "
                    "n.oid = c.relnamespace WHERE n.nspname = 'public' AND ("
                    "(c.relkind IN ('r', 'p') AND NOT (has_table_privilege(:o, c.oid, 'SELECT')"
                    " AND has_table_privilege(:o, c.oid, 'INSERT') AND "
                    "has_table_privilege(:o, c.oid, 'UPDATE'))) OR (c.relkind = 'S' AND NOT "
                    "has_sequence_privilege(:o, c.oid, 'USAGE'))) ORDER BY 1"
                ),
                {"o": owner},
            )
            return [str(r[0]) for r in rows]
    finally:
        engine.dispose()


@contextlib.contextmanager
def _only_restore(engine: Engine, location: Location, base: str) -> Iterator[None]:
    """Hold the server's advisory lock of this practice's restores (on a connection of
    the maintenance database) while it runs: a second restore at once is refused."""
    conn = engine.connect()
    try:
        got = conn.execute(
            text("SELECT pg_try_advisory_lock(hashtext(:k))"),
            {"k": f"practice restore {_short(base)}"},
        ).scalar()
        conn.commit()
        if not got:
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "server_backup",
                    "Another restore of this practice is running on {where}; wait until it "
                    "has finished. Nothing was changed.",
                ).format(where=location.display)
            )
        yield
    finally:
        conn.close()  # the lock goes with the connection


def kept_copies(location: Location) -> list[str]:
    """The databases restores kept aside (``<name>_before_restore_<stamp>``), oldest
    first: never deleted by Practice, the server's administrator drops them."""
    assert location.url is not None and location.url.database
    short = _short(location.url.database)
    pattern = re.compile(re.escape(short) + r"_before_restore_\d{14}")
    with _maintenance(location) as engine:
        found = _existing(engine, _like(f"{short}_before_restore_"))
    return sorted(n for n in found if pattern.fullmatch(n))


def _said(problems: list[str]) -> str:
    """Problems joined in one sentence (without their own full stops)."""
    return "; ".join(p.rstrip().rstrip(".") for p in problems[:3])


def restore(
    location: Location,
    backup_path: Path,
    *,
    now: datetime | None = None,
    other_practice: bool = False,
) -> str:
    """Replace the practice at ``location`` by the dump ``backup_path``; return the name
    its database was kept under. See the module docstring for the steps; on any refusal
    (:class:`BackupError`, :class:`ServerInUseError`) the practice is as it was.

    A dump of another practice is refused (:class:`OtherPracticeError`) unless
    ``other_practice``; one holding anything but a Practice database's tables, indexes,
    constraints, sequences, triggers and functions is refused before any of it runs.
    The restored database and all in it belong to the practice database's owner.

    The caller must have closed its own connections to the practice's database."""
    assert location.url is not None and location.url.database
    base = location.url.database
    if not backup_path.is_file():
        raise BackupError(
            QT_TRANSLATE_NOOP("server_backup", "There is no backup at {path}.").format(
                path=backup_path
            )
        )
    major = server_major(location)
    pg_restore = find_tool("pg_restore", major)
    problems = verify(backup_path, pg_restore)
    if problems:
        raise BackupError(
            QT_TRANSLATE_NOOP(
                "server_backup",
                "The backup {name} failed verification and was not restored: {problems}. "
                "The practice was left as it was.",
            ).format(name=backup_path.name, problems=_said(problems))
        )
    _refuse_foreign(backup_path, pg_restore)
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_DB_STAMP)
    new, aside = _names(base, stamp)
    restored = Location(url=location.url.set(database=new))
    with _maintenance(location) as engine, _only_restore(engine, location, base):
        owner = _owner(engine, location, base)
        if not other_practice:
            _refuse_other_practice(location, backup_path, pg_restore)
        _drop_leftovers(engine, base)
        taken = set(_existing(engine, f"{new}%")) | set(_existing(engine, f"{aside}%"))
        if new in taken or aside in taken:
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "server_backup",
                    "A restore of this practice was made this very second; wait a moment "
                    "and try again. Nothing was changed.",
                ).format()
            )
        _create(engine, location, new, owner)
        switched = False
        try:
            _set_role(engine, new, owner)
            done = _run(
                pg_restore,
                [
                    "--dbname",
                    _libpq_url(location.url, new),
                    "--no-owner",
                    f"--role={owner}",
                    "--exit-on-error",
                    "--single-transaction",
                    str(backup_path),
                ],
                location.url,
            )
            if done.returncode != 0:
                raise BackupError(
                    QT_TRANSLATE_NOOP(
                        "server_backup",
                        "The backup {name} could not be restored: {problem}. The practice "
                        "was left as it was.",
                    ).format(name=backup_path.name, problem=_said([_first_line(done.stderr)]))
                )
            problems = _check_restored(location, restored)
            locked_out = _not_the_owners(restored, owner)
            if locked_out:
                problems.append(f"{owner} cannot read and write {', '.join(locked_out[:5])}")
            if problems:
                raise BackupError(
                    QT_TRANSLATE_NOOP(
                        "server_backup",
                        "The restored copy of {name} failed its check and was not used: "
                        "{problems}. The practice was left as it was.",
                    ).format(name=backup_path.name, problems=_said(problems))
                )
            _record_in(
                location,
                restored,
                f"restored from backup {backup_path.name}; previous database kept as {aside}",
            )
            _set_role(engine, new, None)
            _switch(engine, location, base, new, aside)
            switched = True
        finally:
            if not switched:
                _drop(engine, new)
    log.info("restored %s from %s; previous database kept as %s", location, backup_path, aside)
    return aside
