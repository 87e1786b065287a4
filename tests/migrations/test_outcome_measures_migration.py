"""Migration 0009: outcome measures, their forms, personal goals and risk alerts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command

from practice.db import migrate

TABLES = {"measure_forms", "measures", "client_goals", "goal_ratings", "risk_alerts"}
CLIENT = (
    "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language,"
    " literacy_level, large_print, preferred_modality, reminder_channel, cannot_postpone,"
    " status, created_at, updated_at) VALUES (1, 'Test', 'Client', 'client test',"
    " 'test client|', 'es', 'plain', 0, 'paper', 'none', 0, 'active',"
    " '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
)


def _config(path: Path):  # type: ignore[no-untyped-def]
    config = migrate.alembic_config()
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return config


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_a_0008_practice_upgrades_keeps_its_client_and_takes_measures(tmp_path: Path) -> None:
    # Given a practice at 0008 with a client
    path = tmp_path / "old.sqlite3"
    command.upgrade(_config(path), "0008_appointment_series")
    with sqlite3.connect(path) as conn:
        conn.execute(CLIENT)
    # When the app upgrades it
    before = migrate.upgrade(path, copy_aside=False)
    # Then the client is kept and a measure, a goal with its rating and an alert fit
    assert before.revision == "0008_appointment_series"
    assert migrate.inspect(path).at_head
    with sqlite3.connect(path) as conn:
        assert _tables(conn) >= TABLES
        assert conn.execute("SELECT first_name FROM clients").fetchall() == [("Test",)]
        conn.executescript(
            "INSERT INTO measures (id, client_id, kind, taken_on, source, answers, total,"
            " prorated, created_at) VALUES (1, 1, 'phq9', '2026-02-01', 'session',"
            " '[1,1,1,1,1,1,1,1,1]', 9, 0, '2026-02-01 10:00:00');"
            "INSERT INTO client_goals (id, client_id, position, text, higher_is_better,"
            " created_at) VALUES (1, 1, 1, 'Dormir mejor', 1, '2026-02-01 10:00:00');"
            "INSERT INTO goal_ratings (measure_id, goal_id, rating) VALUES (1, 1, 4);"
            "INSERT INTO risk_alerts (id, measure_id, client_id, answer, raised_at, flag_set)"
            " VALUES (1, 1, 1, 1, '2026-02-01 10:00:00', 0);"
        )
        # and the checks hold: a rating above 10, a fourth goal position are refused
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE goal_ratings SET rating = 11")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE client_goals SET position = 4")


def test_downgrade_to_0008_removes_the_measures_tables(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    migrate.upgrade(path)
    command.downgrade(_config(path), "0008_appointment_series")
    with sqlite3.connect(path) as conn:
        assert not TABLES & _tables(conn)
        assert {"clients", "appointments", "appointment_series"} <= _tables(conn)
