"""Migration 0005: a table for the answers of returned sheets, and a key to seal sheets."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from practice.db import migrate


def _at(path: Path, revision: str) -> None:
    config = migrate.alembic_config()
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(config, revision)


def _seal_key(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT value FROM practice_meta WHERE key = 'sheet_seal_key'")
        return str(row.fetchone()[0])


def test_a_0004_file_with_a_review_upgrades_and_can_keep_answers(tmp_path: Path) -> None:
    # Given a file at revision 0004 with a client, an assignment and a review
    path = tmp_path / "old.sqlite3"
    _at(path, "0004_practice_meta")
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, created_at, updated_at) VALUES (1, 'Test', 'Client',"
            " 'client test', 'test client|', 'en', 'plain', 0, 'fillable_pdf', 'none', 0,"
            " 'active', '2026-01-01 10:00:00', '2026-01-01 10:00:00');"
            "INSERT INTO appointments (id, client_id, starts_at, duration_minutes, status,"
            " created_at, updated_at) VALUES (1, 1, '2026-01-08 10:00:00', 50, 'attended',"
            " '2026-01-01 10:00:00', '2026-01-01 10:00:00');"
            "INSERT INTO homework_assignments (id, code, client_id, template_key, title, level,"
            " language, large_print, modality, frequency, start_date, reminder_channel,"
            " alarm_set_in_session, reminder_card_printed, teach_back_done, value_discussed,"
            " status, created_at, updated_at) VALUES (1, 'AB12CD', 1, 'mood_log', 'Mood log',"
            " 'plain', 'en', 0, 'fillable_pdf', 'daily', '2026-01-01', 'none', 0, 0, 0, 0,"
            " 'active', '2026-01-01 10:00:00', '2026-01-01 10:00:00');"
            "INSERT INTO homework_reviews (id, assignment_id, appointment_id, brought,"
            " completion, days_recorded, created_at) VALUES (1, 1, 1, 1, 3, 5,"
            " '2026-01-08 11:00:00');"
        )
    # When the app upgrades it
    before = migrate.upgrade(path, copy_aside=False)
    # Then it went from 0004 to head, keeps its review and has a 256-bit seal key
    assert before.revision == "0004_practice_meta"
    assert migrate.inspect(path).at_head
    assert len(bytes.fromhex(_seal_key(path))) == 32
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        assert conn.execute(
            "SELECT completion, days_recorded FROM homework_reviews"
        ).fetchall() == [(3, 5)]
        # and the review can keep a sheet's answers, which go when the review goes
        conn.execute(
            "INSERT INTO sheet_answers (review_id, assignment_id, name, block, field_key,"
            " kind, label, raw, value, number, imported_at) VALUES (1, 1, 'd1.mood', 'd1',"
            " 'mood', 'rating', 'Mood today', '7', '7 / 10', 7, '2026-01-08 11:00:00')"
        )
        conn.execute("DELETE FROM homework_reviews WHERE id = 1")
        assert conn.execute("SELECT count(*) FROM sheet_answers").fetchone() == (0,)


def test_each_practice_gets_its_own_seal_key_and_downgrade_removes_it(tmp_path: Path) -> None:
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    migrate.upgrade(first)
    migrate.upgrade(second)
    assert _seal_key(first) != _seal_key(second)
    config = migrate.alembic_config()
    config.set_main_option("sqlalchemy.url", f"sqlite:///{first}")
    command.downgrade(config, "0004_practice_meta")
    with sqlite3.connect(first) as conn:
        keys = {k for (k,) in conn.execute("SELECT key FROM practice_meta")}
        tables = {t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "sheet_seal_key" not in keys and "sheet_answers" not in tables
