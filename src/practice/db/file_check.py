"""SQLite's own checks of a database file, and its rows per table.

One place for what backups, encryption, migrations and the health check ask of a
file: ``PRAGMA integrity_check`` (or the faster ``quick_check``), then
``PRAGMA foreign_key_check``, as a :class:`FileCheck` whose problem lines are cut at
:data:`MAX_PROBLEMS`. The file is only read, plain or keyed (SQLCipher).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from practice.db import crypto

#: Problem lines a check keeps; the rest are only counted (``FileCheck.omitted``).
MAX_PROBLEMS = 20
INTEGRITY, QUICK, FOREIGN_KEYS = "integrity check", "quick check", "foreign key check"


@dataclass(frozen=True)
class FileCheck:
    """What the checks found; ``problems`` are lines for the user, at most MAX_PROBLEMS."""

    check: str = INTEGRITY  # which check ran: INTEGRITY, QUICK or FOREIGN_KEYS
    problems: tuple[str, ...] = ()
    omitted: int = 0  # problem lines beyond MAX_PROBLEMS
    damaged: bool = False  # the integrity or quick check failed, or the file was unreadable
    readable: bool = True  # False: the file could not be opened or read (the one problem says why)
    row_counts: Mapping[str, int] | None = None  # when asked for and the file was readable

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        """One sentence: ok, unreadable, damaged, or how many foreign-key problems."""
        if not self.readable:
            return self.problems[0]
        if self.ok:
            return f"SQLite {self.check}: ok."
        if self.damaged:
            return f"The database is damaged (SQLite {self.check} failed)."
        n = len(self.problems) + self.omitted
        return f"{n} row{'s' * (n != 1)} refer{'s' * (n == 1)} to missing rows (foreign keys)."


def _cut(lines: list[str]) -> tuple[tuple[str, ...], int]:
    return tuple(lines[:MAX_PROBLEMS]), max(0, len(lines) - MAX_PROBLEMS)


def foreign_keys(conn: sqlite3.Connection) -> FileCheck:
    """The foreign-key check alone: every row whose parent row is missing."""
    lines = [
        f"foreign key: {table} row {rowid} refers to a missing {parent} row"
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
    ]
    problems, omitted = _cut(lines)
    return FileCheck(FOREIGN_KEYS, problems, omitted)


def check(conn: sqlite3.Connection, *, quick: bool = False) -> FileCheck:
    """Integrity (or quick) check, then foreign keys when the pages are sound.

    Raises one of :data:`~practice.db.crypto.DATABASE_ERRORS` when the file cannot
    be read at all (not a database, a damaged header).
    """
    name, label, pragma = (
        (QUICK, "quick check", "quick_check")
        if quick
        else (INTEGRITY, "integrity", "integrity_check")
    )
    rows = [str(row[0]) for row in conn.execute(f"PRAGMA {pragma}")]
    if rows != ["ok"]:
        lines = [f"{label}: {line}" for row in rows for line in row.splitlines()]
        problems, omitted = _cut(lines)
        return FileCheck(name, problems, omitted, damaged=True)
    return replace(foreign_keys(conn), check=name)


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table, by name (SQLite's own tables left out)."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def check_file(
    path: Path, key: bytes | None = None, *, quick: bool = False, counts: bool = False
) -> FileCheck:
    """:func:`check` of the file at ``path`` (keyed with ``key``), read-only; never raises.

    A file that cannot be opened or read is a result with one problem saying so.
    With ``counts``, :func:`row_counts` of a file that passed are in the result.
    """
    name = QUICK if quick else INTEGRITY
    try:
        conn = crypto.connect(path, key, readonly=True)
    except crypto.OPEN_ERRORS as exc:
        return FileCheck(name, (f"cannot open {path.name}: {exc}",), readable=False)
    try:
        result = check(conn, quick=quick)
        if counts and not result.damaged:
            result = replace(result, row_counts=row_counts(conn))
        return result
    except crypto.DATABASE_ERRORS as exc:
        problem = f"{path.name} is damaged or not a database: {exc}"
        return FileCheck(name, (problem,), damaged=True, readable=False)
    finally:
        conn.close()
