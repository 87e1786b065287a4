"""Migration 0008: appointment series and a nullable series_id on appointments."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from practice.db import migrate


def _config(path: Path):  # type: ignore[no-untyped-def]
    config = migrate.alembic_config()
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return config


def test_a_0007_file_with_an_appointment_upgrades_and_keeps_it_as_a_one_off(
    tmp_path: Path,
) -> None:
    # Given a file at revision 0007 with a client and an appointment
    path = tmp_path / "old.sqlite3"
    command.upgrade(_config(path), "0007_client_profile")
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, created_at, updated_at) VALUES (1, 'Test', 'Client',"
            " 'client test', 'test client|', 'en', 'plain', 0, 'paper', 'none', 0,"
            " 'active', '2026-01-01 10:00:00', '2026-01-01 10:00:00');"
            "INSERT INTO appointments (id, client_id, starts_at, duration_minutes, status,"
            " created_at, updated_at) VALUES (1, 1, '2026-01-06 10:00:00', 50, 'scheduled',"
            " '2026-01-01 10:00:00', '2026-01-01 10:00:00');"
        )
    # When the app upgrades it
    before = migrate.upgrade(path, copy_aside=False)
    # Then the appointment is kept, in no series, and a series can be stored and linked
    assert before.revision == "0007_client_profile"
    assert migrate.inspect(path).at_head
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT id, series_id FROM appointments").fetchall() == [(1, None)]
        conn.execute(
            "INSERT INTO appointment_series (id, client_id, weekday, start_time,"
            " duration_minutes, interval_weeks, first_day, until, created_at) VALUES"
            " (1, 1, 1, '10:00', 50, 1, '2026-01-06', '2026-03-03', '2026-01-01 10:00:00')"
        )
        conn.execute("UPDATE appointments SET series_id = 1")
        assert conn.execute("SELECT series_id FROM appointments").fetchone() == (1,)


def test_downgrade_to_0007_removes_series(tmp_path: Path) -> None:
    # Given a practice at head
    path = tmp_path / "new.sqlite3"
    migrate.upgrade(path)
    # When it is taken back to 0007
    command.downgrade(_config(path), "0007_client_profile")
    # Then the series table and column are gone, the appointments table is whole
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(appointments)")}
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "series_id" not in columns and "status" in columns
    assert "appointment_series" not in tables
