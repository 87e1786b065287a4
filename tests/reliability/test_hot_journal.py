"""A journal left by a writer killed mid-transaction is not damage: SQLite rolls it back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from _children import kill_mid_transaction
from practice.cli import main
from practice.db import health
from practice.db.engine import Database
from practice.services import clients
from practice.services.clients import ClientInput

CLIENTS = 40


@pytest.fixture
def hot(db: Database, db_path: Path) -> Path:
    """A practice of 40 clients whose last writer was killed mid-transaction."""
    with db.session() as s:
        for i in range(CLIENTS):
            clients.create(s, ClientInput(first_name=f"Ines{i}", last_name="Moreau", notes="kept"))
    db.dispose()
    kill_mid_transaction(db_path)
    return db_path


def _notes(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT notes FROM clients")}
    finally:
        conn.close()


def test_a_read_only_look_at_a_hot_journal_does_not_call_the_file_damaged(hot: Path) -> None:
    # Given a file with a hot journal beside it
    # When it is checked read-only, as before opening
    report = health.check_file(hot, chain=False, deep=False)

    # Then it is not reported as damage, and the journal is still there to roll back
    assert not report.damaged
    assert any("interrupted write" in p for p in report.problems)
    assert Path(f"{hot}-journal").exists()


def test_check_rolls_the_journal_back_and_finds_the_file_intact(hot: Path, capsys) -> None:
    # Given a file with a hot journal beside it
    # When `practice check` runs on it
    status = main(["check", "--db", str(hot)])

    # Then SQLite rolled the journal back under the lock: intact, the committed notes kept
    out = capsys.readouterr().out
    assert status == 0, out
    assert "integrity: ok" in out and "DAMAGED" not in out
    assert not Path(f"{hot}-journal").exists()
    assert not Path(f"{hot}.lock").exists()
    assert _notes(hot) == {"kept"}


def test_a_command_that_reads_opens_a_file_with_a_hot_journal(hot: Path, capsys) -> None:
    # Given a file with a hot journal beside it
    # When the clients are listed
    status = main(["clients", "--db", str(hot)])

    # Then every committed client is there, none of the uncommitted change
    assert status == 0
    assert len(capsys.readouterr().out.splitlines()) == CLIENTS
    assert _notes(hot) == {"kept"}
