"""Migration 0007: address, emergency contact and presenting problem on clients
(on both engines)."""

from __future__ import annotations

from _old_practice import OldPractice
from practice.db import migrate

NEW = ("address", "emergency_contact", "presenting_problem")


def test_a_0006_practice_with_a_client_upgrades_and_keeps_it_with_empty_new_fields(
    old_practice: OldPractice,
) -> None:
    # Given a practice at revision 0006 with a client
    old_practice.alembic("upgrade", "0006_assignment_target")
    with old_practice.connect() as conn:
        conn.execute(
            "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, email, created_at, updated_at) VALUES (1, 'Test',"
            " 'Client', 'client test', 'test client|', 'en', 'plain', FALSE, 'paper', 'none',"
            " FALSE, 'active', 'test@example.org', '2026-01-01 10:00:00',"
            " '2026-01-01 10:00:00')"
        )
    # When the app upgrades it
    before = migrate.upgrade(old_practice.target, copy_aside=False)
    # Then it went from 0006 to head, the client is kept and the new fields are empty
    assert before.revision == "0006_assignment_target"
    assert migrate.inspect(old_practice.target).at_head
    with old_practice.connect() as conn:
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


def test_downgrade_to_0006_removes_the_new_columns(old_practice: OldPractice) -> None:
    # Given a practice at head
    migrate.upgrade(old_practice.target)
    # When it is taken back to 0006
    old_practice.alembic("downgrade", "0006_assignment_target")
    # Then the three columns are gone and the others are kept
    columns = old_practice.columns("clients")
    assert not columns & set(NEW) and {"email", "phone", "notes"} <= columns
