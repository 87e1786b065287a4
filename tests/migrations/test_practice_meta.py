"""Migration 0004: every practice file gets its own id, new or upgraded."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from practice.db import migrate


def _meta(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT key, value FROM practice_meta").fetchall())


def test_a_new_practice_gets_an_id_of_its_own(tmp_path: Path) -> None:
    # Given two practices created one after the other
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    migrate.upgrade(first)
    migrate.upgrade(second)
    # Then each has a 32-digit hex id, and they differ
    ids = [_meta(first)["practice_id"], _meta(second)["practice_id"]]
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
    assert ids[0] != ids[1]
    assert _meta(first)["created_at"].endswith("+00:00")


def test_an_older_file_gets_an_id_when_upgraded(tmp_path: Path) -> None:
    # Given a file at revision 0003 with a client in it
    path = tmp_path / "old.sqlite3"
    config = migrate.alembic_config()
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(config, "0003_homework_loop")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO clients (first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, created_at, updated_at) VALUES ('Test', 'Client',"
            " 'client test', 'test client|', 'en', 'plain', 0, 'paper', 'none', 0, 'active',"
            " '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
        )
    # When the app upgrades it
    before = migrate.upgrade(path, copy_aside=False)
    # Then it went from 0003 to head, keeps its client and has an id
    assert before.revision == "0003_homework_loop"
    assert migrate.inspect(path).at_head
    assert len(_meta(path)["practice_id"]) == 32
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT first_name FROM clients").fetchall() == [("Test",)]
