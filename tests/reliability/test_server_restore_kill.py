"""A ``practice restore`` on a PostgreSQL server killed at any step leaves a practice that
opens and checks out: the original, or the backup once the switch committed.

The restore runs as a real child process under strace, killed with SIGKILL at its Nth
``connect`` (every step opens a connection: the server's version, the new database,
pg_restore, the check, the audit event, the switch), for every N until it completes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from _faults import needs_strace
from sqlalchemy import text
from sqlalchemy.engine import make_url

import _postgres
from practice.cli import main
from practice.db import migrate
from practice.db.engine import Database
from practice.db.location import parse
from practice.services import clients, server_backup
from practice.services.clients import ClientInput

OLD = {"Okafor, Amara"}  # the practice now: Bao was deleted after the backup
NEW = {"Okafor, Amara", "Okafor, Bao"}  # the backup


def _names(url: str) -> set[str]:
    database = Database(parse(url))
    try:
        with database.session() as db:
            return {row.name for row in clients.list_rows(db)}
    finally:
        database.dispose()


def _databases(admin: _postgres.Databases, base: str) -> set[str]:
    with psycopg.connect(admin.admin_url, autocommit=True) as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (base + "%",))
        return {str(r[0]) for r in rows}


@pytest.fixture
def backed_up(
    postgres_databases: _postgres.Databases, tmp_path: Path
) -> Iterator[tuple[str, Path]]:
    """(URL of a practice whose Bao was deleted after its dump, the dump)."""
    name = postgres_databases.create()
    url = postgres_databases.url(name)
    location = parse(url)
    migrate.upgrade(location)
    database = Database(location)
    with database.session() as db:
        for first in ("Amara", "Bao"):
            clients.create(db, ClientInput(first_name=first, last_name="Okafor"))
    dump = server_backup.make_backup(location, tmp_path / "backups").path
    with database.engine.begin() as conn:
        conn.execute(text("DELETE FROM clients WHERE first_name = 'Bao'"))
    database.dispose()
    yield url.replace("postgresql+psycopg://", "postgresql://"), dump
    for left in _databases(postgres_databases, name):
        postgres_databases.drop(left)


def _restore_killed_at_connect(url: str, dump: Path, n: int) -> int:
    command = ["strace", "-f", "-qq", "-o", os.devnull, "-e", "trace=connect",
               "-e", f"inject=connect:signal=KILL:when={n}",
               sys.executable, "-m", "practice", "--db", url, "restore", str(dump)]  # fmt: skip
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(command, env=env, capture_output=True, check=False, timeout=180)
    return done.returncode


@needs_strace
def test_a_restore_killed_at_any_step_leaves_a_practice_that_opens_and_checks_out(
    backed_up: tuple[str, Path],
    postgres_databases: _postgres.Databases,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, dump = backed_up
    base = str(make_url(url).database)
    leftover = re.compile(re.escape(base) + r"_restore_\d{14}")
    kills = left_behind = 0
    status = None
    for n in range(1, 80):
        # When `practice restore` is killed at its nth connection
        status = _restore_killed_at_connect(url, dump, n)
        # Then the practice opens and checks out: the original, or the backup
        assert main(["--db", url, "check"]) == 0, (n, capsys.readouterr())
        assert "audit trail: ok" in capsys.readouterr().out
        assert _names(url) in (OLD, NEW), n
        left_behind += any(leftover.fullmatch(d) for d in _databases(postgres_databases, base))
        if status == 0:
            break
        kills += 1
    # the restore was killed at many steps, some after it made the new database
    assert status == 0 and kills >= 5, (status, kills)
    assert left_behind >= 1
    # and the run that finished restored the backup and dropped what killed runs left
    assert _names(url) == NEW
    names = _databases(postgres_databases, base)
    assert not any(leftover.fullmatch(d) for d in names), names
