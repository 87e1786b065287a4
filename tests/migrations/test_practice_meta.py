"""Migration 0004: every practice gets its own id, new or upgraded (on both engines)."""

from __future__ import annotations

from typing import Any

from _old_practice import OldPractice
from practice.db import migrate


def _meta(practice: OldPractice) -> dict[str, str]:
    with practice.connect() as conn:
        return dict(conn.execute("SELECT key, value FROM practice_meta").fetchall())


def test_a_new_practice_gets_an_id_of_its_own(practice_factory: Any) -> None:
    # Given two practices created one after the other
    first, second = practice_factory("a"), practice_factory("b")
    migrate.upgrade(first.target)
    migrate.upgrade(second.target)
    # Then each has a 32-digit hex id, and they differ
    ids = [_meta(first)["practice_id"], _meta(second)["practice_id"]]
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)
    assert ids[0] != ids[1]
    assert _meta(first)["created_at"].endswith("+00:00")


def test_an_older_practice_gets_an_id_when_upgraded(old_practice: OldPractice) -> None:
    # Given a practice at revision 0003 with a client in it
    old_practice.alembic("upgrade", "0003_homework_loop")
    with old_practice.connect() as conn:
        conn.execute(
            "INSERT INTO clients (first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, created_at, updated_at) VALUES ('Test', 'Client',"
            " 'client test', 'test client|', 'en', 'plain', FALSE, 'paper', 'none', FALSE,"
            " 'active', '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
        )
    # When the app upgrades it
    before = migrate.upgrade(old_practice.target, copy_aside=False)
    # Then it went from 0003 to head, keeps its client and has an id
    assert before.revision == "0003_homework_loop"
    assert migrate.inspect(old_practice.target).at_head
    assert len(_meta(old_practice)["practice_id"]) == 32
    with old_practice.connect() as conn:
        assert conn.execute("SELECT first_name FROM clients").fetchall() == [("Test",)]
