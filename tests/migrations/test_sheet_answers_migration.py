"""Migration 0005: a table for the answers of returned sheets, and a key to seal sheets
(on both engines)."""

from __future__ import annotations

from typing import Any

from _old_practice import OldPractice
from practice.db import migrate


def _seal_key(practice: OldPractice) -> str:
    with practice.connect() as conn:
        row = conn.execute("SELECT value FROM practice_meta WHERE key = 'sheet_seal_key'")
        return str(row.fetchone()[0])


def test_a_0004_practice_with_a_review_upgrades_and_can_keep_answers(
    old_practice: OldPractice,
) -> None:
    # Given a practice at revision 0004 with a client, an assignment and a review
    old_practice.alembic("upgrade", "0004_practice_meta")
    with old_practice.connect() as conn:
        old_practice.script(
            conn,
            "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, created_at, updated_at) VALUES (1, 'Test', 'Client',"
            " 'client test', 'test client|', 'en', 'plain', FALSE, 'fillable_pdf', 'none',"
            " FALSE, 'active', '2026-01-01 10:00:00', '2026-01-01 10:00:00');"
            "INSERT INTO appointments (id, client_id, starts_at, duration_minutes, status,"
            " created_at, updated_at) VALUES (1, 1, '2026-01-08 10:00:00', 50, 'attended',"
            " '2026-01-01 10:00:00', '2026-01-01 10:00:00');"
            "INSERT INTO homework_assignments (id, code, client_id, template_key, title, level,"
            " language, large_print, modality, frequency, start_date, reminder_channel,"
            " alarm_set_in_session, reminder_card_printed, teach_back_done, value_discussed,"
            " status, created_at, updated_at) VALUES (1, 'AB12CD', 1, 'mood_log', 'Mood log',"
            " 'plain', 'en', FALSE, 'fillable_pdf', 'daily', '2026-01-01', 'none', FALSE,"
            " FALSE, FALSE, FALSE, 'active', '2026-01-01 10:00:00', '2026-01-01 10:00:00');"
            "INSERT INTO homework_reviews (id, assignment_id, appointment_id, brought,"
            " completion, days_recorded, created_at) VALUES (1, 1, 1, TRUE, 3, 5,"
            " '2026-01-08 11:00:00');",
        )
    # When the app upgrades it
    before = migrate.upgrade(old_practice.target, copy_aside=False)
    # Then it went from 0004 to head, keeps its review and has a 256-bit seal key
    assert before.revision == "0004_practice_meta"
    assert migrate.inspect(old_practice.target).at_head
    assert len(bytes.fromhex(_seal_key(old_practice))) == 32
    with old_practice.connect() as conn:
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


def test_each_practice_gets_its_own_seal_key_and_downgrade_removes_it(
    practice_factory: Any,
) -> None:
    first, second = practice_factory("a"), practice_factory("b")
    migrate.upgrade(first.target)
    migrate.upgrade(second.target)
    assert _seal_key(first) != _seal_key(second)
    first.alembic("downgrade", "0004_practice_meta")
    with first.connect() as conn:
        keys = {k for (k,) in conn.execute("SELECT key FROM practice_meta")}
    assert "sheet_seal_key" not in keys and "sheet_answers" not in first.tables()
