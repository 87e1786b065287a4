"""Migration 0008: appointment series and a nullable series_id on appointments
(on both engines)."""

from __future__ import annotations

from _old_practice import OldPractice
from practice.db import migrate


def test_a_0007_practice_with_an_appointment_upgrades_and_keeps_it_as_a_one_off(
    old_practice: OldPractice,
) -> None:
    # Given a practice at revision 0007 with a client and an appointment
    old_practice.alembic("upgrade", "0007_client_profile")
    with old_practice.connect() as conn:
        old_practice.script(
            conn,
            "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, created_at, updated_at) VALUES (1, 'Test', 'Client',"
            " 'client test', 'test client|', 'en', 'plain', FALSE, 'paper', 'none', FALSE,"
            " 'active', '2026-01-01 10:00:00', '2026-01-01 10:00:00');"
            "INSERT INTO appointments (id, client_id, starts_at, duration_minutes, status,"
            " created_at, updated_at) VALUES (1, 1, '2026-01-06 10:00:00', 50, 'scheduled',"
            " '2026-01-01 10:00:00', '2026-01-01 10:00:00');",
        )
    # When the app upgrades it
    before = migrate.upgrade(old_practice.target, copy_aside=False)
    # Then the appointment is kept, in no series, and a series can be stored and linked
    assert before.revision == "0007_client_profile"
    assert migrate.inspect(old_practice.target).at_head
    with old_practice.connect() as conn:
        assert conn.execute("SELECT id, series_id FROM appointments").fetchall() == [(1, None)]
        conn.execute(
            "INSERT INTO appointment_series (id, client_id, weekday, start_time,"
            " duration_minutes, interval_weeks, first_day, until, created_at) VALUES"
            " (1, 1, 1, '10:00', 50, 1, '2026-01-06', '2026-03-03', '2026-01-01 10:00:00')"
        )
        conn.execute("UPDATE appointments SET series_id = 1")
        assert conn.execute("SELECT series_id FROM appointments").fetchone() == (1,)


def test_downgrade_to_0007_removes_series(old_practice: OldPractice) -> None:
    # Given a practice at head
    migrate.upgrade(old_practice.target)
    # When it is taken back to 0007
    old_practice.alembic("downgrade", "0007_client_profile")
    # Then the series table and column are gone, the appointments table is whole
    columns = old_practice.columns("appointments")
    assert "series_id" not in columns and "status" in columns
    assert "appointment_series" not in old_practice.tables()
