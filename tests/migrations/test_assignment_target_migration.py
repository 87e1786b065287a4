"""Migration 0006: a nullable target on homework assignments (on both engines)."""

from __future__ import annotations

from _old_practice import OldPractice
from practice.db import migrate


def test_a_0005_practice_with_an_assignment_upgrades_and_keeps_it_without_target(
    old_practice: OldPractice,
) -> None:
    # Given a practice at revision 0005 with a client and an ABC assignment
    old_practice.alembic("upgrade", "0005_sheet_answers")
    with old_practice.connect() as conn:
        old_practice.script(
            conn,
            "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, created_at, updated_at) VALUES (1, 'Test', 'Client',"
            " 'client test', 'test client|', 'en', 'plain', FALSE, 'paper', 'none', FALSE,"
            " 'active', '2026-01-01 10:00:00', '2026-01-01 10:00:00');"
            "INSERT INTO homework_assignments (id, code, client_id, template_key, title,"
            " instructions, level, language, large_print, modality, frequency, start_date,"
            " reminder_channel, alarm_set_in_session, reminder_card_printed, teach_back_done,"
            " value_discussed, status, created_at, updated_at) VALUES (1, 'AB12CD', 1,"
            " 'abc_record', 'ABC record', 'Shouting at home', 'plain', 'en', FALSE, 'paper',"
            " 'daily', '2026-01-01', 'none', FALSE, FALSE, FALSE, FALSE, 'active',"
            " '2026-01-01 10:00:00', '2026-01-01 10:00:00');",
        )
    # When the app upgrades it
    before = migrate.upgrade(old_practice.target, copy_aside=False)
    # Then it went from 0005 to head and the assignment is kept, with no target
    assert before.revision == "0005_sheet_answers"
    assert migrate.inspect(old_practice.target).at_head
    with old_practice.connect() as conn:
        rows = conn.execute(
            "SELECT code, instructions, target FROM homework_assignments"
        ).fetchall()
        assert rows == [("AB12CD", "Shouting at home", None)]
        # and a target can be stored
        conn.execute("UPDATE homework_assignments SET target = 'Shouting' WHERE id = 1")
        assert conn.execute("SELECT target FROM homework_assignments").fetchone() == ("Shouting",)


def test_downgrade_to_0005_removes_the_target_column(old_practice: OldPractice) -> None:
    # Given a practice at head
    migrate.upgrade(old_practice.target)
    # When it is taken back to 0005
    old_practice.alembic("downgrade", "0005_sheet_answers")
    # Then the column is gone
    columns = old_practice.columns("homework_assignments")
    assert "target" not in columns and "instructions" in columns
