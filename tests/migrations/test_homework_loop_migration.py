"""0003_homework_loop upgrades a filled 0002 practice without losing a row (on both
engines)."""

from __future__ import annotations

from _old_practice import OldPractice
from practice.db import migrate
from practice.db.engine import Database
from practice.services import notes, session_flow

PREVIOUS = "0002_audit_chain"
THIS = "0003_homework_loop"

ROWS = [
    "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language, "
    "literacy_level, large_print, preferred_modality, reminder_channel, stage_of_change, "
    "cannot_postpone, status, created_at, updated_at) VALUES (1, 'Ana', 'Prueba', "
    "'prueba ana', 'ana prueba|', 'es', 'easy', FALSE, 'paper', 'none', 'contemplation', FALSE, "
    "'active', '2025-03-01 09:00:00', '2025-03-01 09:00:00')",
    "INSERT INTO appointments (id, client_id, starts_at, duration_minutes, status, created_at, "
    "updated_at) VALUES (1, 1, '2025-03-03 10:00:00', 50, 'attended', '2025-03-01 09:00:00', "
    "'2025-03-03 11:00:00')",
    "INSERT INTO appointments (id, client_id, starts_at, duration_minutes, status, created_at, "
    "updated_at) VALUES (2, 1, '2025-03-10 10:00:00', 50, 'scheduled', '2025-03-03 11:00:00', "
    "'2025-03-03 11:00:00')",
    "INSERT INTO session_notes (id, appointment_id, format, sections, stage_of_change, plan, "
    "signed_at, created_at, updated_at) VALUES (1, 1, 'soap', "
    "'{\"Subjective\": \"Se olvidó del registro.\"}', 'contemplation', 'Hablar de dudas', "
    "'2025-03-03 11:00:00', '2025-03-03 10:55:00', '2025-03-03 11:00:00')",
    "INSERT INTO note_amendments (id, note_id, sections, plan, reason, created_at) VALUES "
    "(1, 1, '{\"Subjective\": \"Se olvidó del registro dos veces.\"}', NULL, 'typo', "
    "'2025-03-04 08:00:00')",
    "INSERT INTO resistance_observations (id, note_id, kind, text, raise_next_session, "
    "raised_at, created_at) VALUES (1, 1, 'doubts_age', '¿Cuántos años tienes?', TRUE, NULL, "
    "'2025-03-03 10:56:00')",
    "INSERT INTO resistance_observations (id, note_id, kind, text, raise_next_session, "
    "raised_at, created_at) VALUES (2, 1, 'homework_not_done', NULL, FALSE, NULL, "
    "'2025-03-03 10:57:00')",
    "INSERT INTO homework_assignments (id, code, client_id, assigned_in_id, template_key, "
    "title, level, language, large_print, modality, frequency, times_per_week, start_date, "
    "due_date, reminder_channel, alarm_set_in_session, reminder_card_printed, teach_back_done, "
    "value_discussed, status, created_at, updated_at) VALUES (1, 'ABC234', 1, 1, "
    "'thought_record', 'Registro', 'easy', 'es', FALSE, 'paper', 'per_week', 3, '2025-03-03', "
    "'2025-03-10', 'none', FALSE, FALSE, TRUE, TRUE, 'active', '2025-03-03 10:58:00', "
    "'2025-03-03 10:58:00')",
    "INSERT INTO audit_events (id, at, entity, entity_id, action, summary) VALUES "
    "(1, '2025-03-03 11:00:00', 'session_note', 1, 'sign', 'note 1 signed')",
]
TABLES = [
    "clients",
    "appointments",
    "session_notes",
    "note_amendments",
    "resistance_observations",
    "homework_assignments",
    "audit_events",
]


def _dump(practice: OldPractice) -> dict[str, list[tuple[object, ...]]]:
    with practice.connect() as conn:
        return {
            table: [
                tuple(row)
                for row in conn.execute(
                    f"SELECT * FROM {table} ORDER BY id"  # noqa: S608 (fixed names)
                ).fetchall()
            ]
            for table in TABLES
        }


def _filled(practice: OldPractice) -> dict[str, list[tuple[object, ...]]]:
    """The practice at the previous revision with ROWS in it; its dump."""
    practice.alembic("upgrade", PREVIOUS)
    with practice.connect() as conn:
        for sql in ROWS:
            conn.execute(sql)
    return _dump(practice)


def test_upgrade_keeps_every_row(old_practice: OldPractice) -> None:
    before = _filled(old_practice)
    assert "session_drafts" not in old_practice.tables()

    old_practice.alembic("upgrade", THIS)

    after = _dump(old_practice)
    for table in TABLES:
        if table == "resistance_observations":
            # Same rows, one new column (amendment_id) at the end, NULL for old rows
            assert [row[:-1] for row in after[table]] == before[table]
            assert [row[-1] for row in after[table]] == [None, None]
        else:
            assert after[table] == before[table], table
    assert old_practice.ordered_columns("resistance_observations")[-1] == "amendment_id"
    assert "session_drafts" in old_practice.tables()
    if old_practice.kind == "sqlite":
        assert migrate.integrity(old_practice.target) == []  # type: ignore[arg-type]
    assert migrate.inspect(old_practice.target).revision == THIS
    # The services work on the practice once the later revisions are applied too
    migrate.upgrade(old_practice.target, copy_aside=False)
    db = Database(old_practice.target)
    try:
        with db.session() as s:
            note = notes.get_note(s, 1)
            draft = session_flow.start(s, 2)
            session_flow.save_draft(s, draft)
    finally:
        db.dispose()
    assert note.signed and note.current_sections["Subjective"].endswith("dos veces.")
    assert [o.amendment_id for o in note.observations] == [None, None]
    assert [r.assignment_id for r in draft.reviews] == [1]


def test_downgrade_gives_the_rows_back(old_practice: OldPractice) -> None:
    before = _filled(old_practice)
    old_practice.alembic("upgrade", THIS)
    old_practice.alembic("downgrade", PREVIOUS)
    assert _dump(old_practice) == before
    assert "session_drafts" not in old_practice.tables()
    if old_practice.kind == "sqlite":
        assert migrate.integrity(old_practice.target) == []  # type: ignore[arg-type]
