"""Migration 0010: row versions, who wrote an audit event, the server's audit key
(on both engines)."""

from __future__ import annotations

import pytest

from _old_practice import OldPractice
from practice.db import migrate

CLIENT = (
    "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language,"
    " literacy_level, large_print, preferred_modality, reminder_channel, cannot_postpone,"
    " status, created_at, updated_at) VALUES (1, 'Test', 'Client', 'client test',"
    " 'test client|', 'es', 'plain', FALSE, 'paper', 'none', FALSE, 'active',"
    " '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
)
APPOINTMENT = (
    "INSERT INTO appointments (id, client_id, starts_at, duration_minutes, status,"
    " created_at, updated_at) VALUES (1, 1, '2026-01-05 10:00:00', 50, 'scheduled',"
    " '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
)
EVENT = (
    "INSERT INTO audit_events (id, at, entity, entity_id, action, summary) VALUES"
    " (1, '2026-01-01 10:00:00', 'client', 1, 'create', 'client 1 created')"
)
VERSIONED = ("clients", "appointments", "session_notes", "homework_assignments", "measures")


def test_a_0009_practice_upgrades_keeps_its_rows_at_version_1(old_practice: OldPractice) -> None:
    # Given a practice at 0009 with a client, an appointment and an audit event
    old_practice.alembic("upgrade", "0009_outcome_measures")
    with old_practice.connect() as conn:
        old_practice.script(conn, f"{CLIENT};{APPOINTMENT};{EVENT};")
    # When the app upgrades it
    before = migrate.upgrade(old_practice.target, copy_aside=False)
    # Then the rows are kept, each at version 1 with no computer yet
    assert before.revision == "0009_outcome_measures"
    assert migrate.inspect(old_practice.target).at_head
    for table in VERSIONED:
        assert {"version", "changed_by_computer", "changed_at"} <= old_practice.columns(table)
    assert {"computer", "db_user"} <= old_practice.columns("audit_events")
    assert "audit_keys" in old_practice.tables()
    with old_practice.connect() as conn:
        assert conn.execute(
            "SELECT first_name, version, changed_by_computer FROM clients"
        ).fetchall() == [("Test", 1, None)]
        assert conn.execute("SELECT version FROM appointments").fetchall() == [(1,)]
        assert conn.execute("SELECT summary, computer, db_user FROM audit_events").fetchall() == [
            ("client 1 created", None, None)
        ]
    # and the audit trail is still append-only (the columns were added in place)
    with (
        pytest.raises(Exception, match="audit events are append-only"),
        old_practice.connect() as conn,
    ):
        conn.execute("UPDATE audit_events SET computer = 'elsewhere'")


def test_the_server_audit_key_cannot_be_changed_or_removed(old_practice: OldPractice) -> None:
    migrate.upgrade(old_practice.target)
    with old_practice.connect() as conn:
        conn.execute(
            "INSERT INTO audit_keys (kid, secret, created_at) VALUES"
            " ('0123456789abcdef', 'aa', '2026-01-01 10:00:00')"
        )
    if old_practice.kind != "postgresql":
        return  # SQLite keeps its audit key outside the file; the table stays unused
    for change in ("UPDATE audit_keys SET secret = 'bb'", "DELETE FROM audit_keys"):
        with (
            pytest.raises(Exception, match="audit keys are never changed or removed"),
            old_practice.connect() as conn,
        ):
            conn.execute(change)


def test_downgrade_to_0009_removes_the_columns_and_keeps_the_triggers(
    old_practice: OldPractice,
) -> None:
    migrate.upgrade(old_practice.target)
    with old_practice.connect() as conn:
        old_practice.script(conn, f"{CLIENT};{EVENT};")
    old_practice.alembic("downgrade", "0009_outcome_measures")
    assert "version" not in old_practice.columns("clients")
    assert "computer" not in old_practice.columns("audit_events")
    assert "audit_keys" not in old_practice.tables()
    with (
        pytest.raises(Exception, match="audit events are append-only"),
        old_practice.connect() as conn,
    ):
        conn.execute("DELETE FROM audit_events")
