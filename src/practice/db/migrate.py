"""Bring a database file to the schema this build knows, or refuse to touch it.

Order matters: the file is first inspected read-only. A revision this build does
not know (a newer Practice wrote it) or a file that is not a Practice database is
refused before anything could write to it. Only then is it backed up (when an
upgrade is needed) and upgraded.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from practice.db.engine import make_engine

log = logging.getLogger(__name__)


class DatabaseError(Exception):
    """A database the app cannot open; the message is for the user."""


class NewerDatabaseError(DatabaseError):
    pass


class NotPracticeDatabaseError(DatabaseError):
    pass


class DamagedDatabaseError(DatabaseError):
    pass


@dataclass(frozen=True)
class SchemaState:
    exists: bool
    revision: str | None
    head: str

    @property
    def at_head(self) -> bool:
        return self.revision == self.head


def alembic_config() -> Config:
    config = Config()
    location = resources.files("practice") / "migrations"
    config.set_main_option("script_location", str(location))
    return config


def known_revisions(config: Config | None = None) -> tuple[set[str], str]:
    script = ScriptDirectory.from_config(config or alembic_config())
    head = script.get_current_head()
    assert head is not None
    return {rev.revision for rev in script.walk_revisions()}, head


def inspect(path: Path) -> SchemaState:
    """Read the schema revision without writing a byte to the file."""
    known, head = known_revisions()
    if not path.exists() or path.stat().st_size == 0:
        return SchemaState(exists=False, revision=None, head=head)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DamagedDatabaseError(f"Cannot open {path}: {exc}") from exc
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(
            f"{path} is damaged or is not a database ({exc}). It was not changed."
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


def backup_aside(path: Path, label: str) -> Path:
    """Copy the database beside itself with the SQLite backup API; return the copy's path."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix or '.sqlite3'}")
    src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    target.chmod(0o600)
    return target


def upgrade(path: Path) -> SchemaState:
    """Create or upgrade the database at ``path`` to head; refuse what is not ours.

    Returns the state before the upgrade.
    """
    state = inspect(path)
    if state.at_head:
        return state
    path.parent.mkdir(parents=True, exist_ok=True)
    if state.exists:
        copy = backup_aside(path, f"before-{state.head}")
        log.info("backed up database before migrating: %s", copy)
    fresh = not path.exists()
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise DamagedDatabaseError(
                    f"Foreign key problems after migrating {path}: {problems[:5]}"
                )
    finally:
        engine.dispose()
    if fresh:
        path.chmod(0o600)
    return state


def integrity(path: Path) -> list[str]:
    """SQLite's integrity and foreign-key checks; an empty list means all is well."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        problems = [] if result == ["ok"] else result
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        problems += [f"foreign key: {row}" for row in fk]
        return problems
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()
