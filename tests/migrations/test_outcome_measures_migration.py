"""Migration 0009: outcome measures, their forms, personal goals and risk alerts
(on both engines)."""

from __future__ import annotations

import pytest

from _old_practice import OldPractice
from practice.db import migrate

TABLES = {"measure_forms", "measures", "client_goals", "goal_ratings", "risk_alerts"}
CLIENT = (
    "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language,"
    " literacy_level, large_print, preferred_modality, reminder_channel, cannot_postpone,"
    " status, created_at, updated_at) VALUES (1, 'Test', 'Client', 'client test',"
    " 'test client|', 'es', 'plain', FALSE, 'paper', 'none', FALSE, 'active',"
    " '2026-01-01 10:00:00', '2026-01-01 10:00:00')"
)


def test_a_0008_practice_upgrades_keeps_its_client_and_takes_measures(
    old_practice: OldPractice,
) -> None:
    # Given a practice at 0008 with a client
    old_practice.alembic("upgrade", "0008_appointment_series")
    with old_practice.connect() as conn:
        conn.execute(CLIENT)
    # When the app upgrades it
    before = migrate.upgrade(old_practice.target, copy_aside=False)
    # Then the client is kept and a measure, a goal with its rating and an alert fit
    assert before.revision == "0008_appointment_series"
    assert migrate.inspect(old_practice.target).at_head
    assert old_practice.tables() >= TABLES
    with old_practice.connect() as conn:
        assert conn.execute("SELECT first_name FROM clients").fetchall() == [("Test",)]
        old_practice.script(
            conn,
            "INSERT INTO measures (id, client_id, kind, taken_on, source, answers, total,"
            " prorated, created_at) VALUES (1, 1, 'phq9', '2026-02-01', 'session',"
            " '[1,1,1,1,1,1,1,1,1]', 9, FALSE, '2026-02-01 10:00:00');"
            "INSERT INTO client_goals (id, client_id, position, text, higher_is_better,"
            " created_at) VALUES (1, 1, 1, 'Dormir mejor', TRUE, '2026-02-01 10:00:00');"
            "INSERT INTO goal_ratings (measure_id, goal_id, rating) VALUES (1, 1, 4);"
            "INSERT INTO risk_alerts (id, measure_id, client_id, answer, raised_at, flag_set)"
            " VALUES (1, 1, 1, 1, '2026-02-01 10:00:00', FALSE);",
        )
    # and the checks hold: a rating above 10, a fourth goal position are refused
    for change in ("UPDATE goal_ratings SET rating = 11", "UPDATE client_goals SET position = 4"):
        with pytest.raises(old_practice.integrity_error), old_practice.connect() as conn:
            conn.execute(change)


def test_downgrade_to_0008_removes_the_measures_tables(old_practice: OldPractice) -> None:
    migrate.upgrade(old_practice.target)
    old_practice.alembic("downgrade", "0008_appointment_series")
    tables = old_practice.tables()
    assert not TABLES & tables
    assert {"clients", "appointments", "appointment_series"} <= tables
