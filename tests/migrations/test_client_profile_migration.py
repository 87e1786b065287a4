"""Migration 0007: address, emergency contact and presenting problem on clients."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from practice.db import migrate

NEW = ("address", "emergency_contact", "presenting_problem")


def _config(path: Path):  # type: ignore[no-untyped-def]
    config = migrate.alembic_config()
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return config


def test_a_0006_file_with_a_client_upgrades_and_keeps_it_with_empty_new_fields(
    tmp_path: Path,
) -> None:
    # Given a file at revision 0006 with a client
    path = tmp_path / "old.sqlite3"
    command.upgrade(_config(path), "0006_assignment_target")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, email, created_at, updated_at) VALUES (1, 'Test',"
            " 'Client', 'client test', 'test client|', 'en', 'plain', 0, 'paper', 'none', 0,"
            " 'active', 'test@example.org', '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
        )
    # When the app upgrades it
    before = migrate.upgrade(path, copy_aside=False)
    # Then it went from 0006 to head, the client is kept and the new fields are empty
    assert before.revision == "0006_assignment_target"
    assert migrate.inspect(path).at_head
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "SELECT first_name, email, address, emergency_contact, presenting_problem FROM clients"
        ).fetchone()
        assert row == ("Test", "test@example.org", None, None, None)
        # and the new fields can be stored
        conn.execute(
            "UPDATE clients SET address = '1 Fictional Road', emergency_contact = 'Sam 0123',"
            " presenting_problem = 'Low mood' WHERE id = 1"
        )
        assert conn.execute(
            "SELECT address, emergency_contact, presenting_problem FROM clients"
        ).fetchone() == ("1 Fictional Road", "Sam 0123", "Low mood")


def test_downgrade_to_0006_removes_the_new_columns(tmp_path: Path) -> None:
    # Given a practice at head
    path = tmp_path / "new.sqlite3"
    migrate.upgrade(path)
    # When it is taken back to 0006
    command.downgrade(_config(path), "0006_assignment_target")
    # Then the three columns are gone and the others are kept
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(clients)")}
    assert not columns & set(NEW) and {"email", "phone", "notes"} <= columns
