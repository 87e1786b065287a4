"""0003_homework_loop upgrades a filled 0002 database without losing a row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from practice.db import migrate
from practice.db.engine import Database, make_engine
from practice.services import notes, session_flow

PREVIOUS = "0002_audit_chain"
THIS = "0003_homework_loop"

ROWS = [
    "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language, "
    "literacy_level, large_print, preferred_modality, reminder_channel, stage_of_change, "
    "cannot_postpone, status, created_at, updated_at) VALUES (1, 'Ana', 'Prueba', "
    "'prueba ana', 'ana prueba|', 'es', 'easy', 0, 'paper', 'none', 'contemplation', 0, "
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
    "raised_at, created_at) VALUES (1, 1, 'doubts_age', '¿Cuántos años tienes?', 1, NULL, "
    "'2025-03-03 10:56:00')",
    "INSERT INTO resistance_observations (id, note_id, kind, text, raise_next_session, "
    "raised_at, created_at) VALUES (2, 1, 'homework_not_done', NULL, 0, NULL, "
    "'2025-03-03 10:57:00')",
    "INSERT INTO homework_assignments (id, code, client_id, assigned_in_id, template_key, "
    "title, level, language, large_print, modality, frequency, times_per_week, start_date, "
    "due_date, reminder_channel, alarm_set_in_session, reminder_card_printed, teach_back_done, "
    "value_discussed, status, created_at, updated_at) VALUES (1, 'ABC234', 1, 1, "
    "'thought_record', 'Registro', 'easy', 'es', 0, 'paper', 'per_week', 3, '2025-03-03', "
    "'2025-03-10', 'none', 0, 0, 1, 1, 'active', '2025-03-03 10:58:00', '2025-03-03 10:58:00')",
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


def _migrate(path: Path, revision: str, *, down: bool = False) -> None:
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as connection:
            config = migrate.alembic_config()
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, revision)
    finally:
        engine.dispose()


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(
                f"SELECT * FROM {table} ORDER BY id"  # noqa: S608 (fixed names)
            ).fetchall()
            for table in TABLES
        }
    finally:
        conn.close()


def _columns(path: Path, table: str) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def test_upgrade_keeps_every_row(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _migrate(path, PREVIOUS)
    conn = sqlite3.connect(path)
    with conn:
        for sql in ROWS:
            conn.execute(sql)
    conn.close()
    before = _dump(path)
    assert "session_drafts" not in _tables(path)

    _migrate(path, THIS)

    after = _dump(path)
    for table in TABLES:
        if table == "resistance_observations":
            # Same rows, one new column (amendment_id) at the end, NULL for old rows
            assert [row[:-1] for row in after[table]] == before[table]
            assert [row[-1] for row in after[table]] == [None, None]
        else:
            assert after[table] == before[table], table
    assert _columns(path, "resistance_observations")[-1] == "amendment_id"
    assert "session_drafts" in _tables(path)
    assert migrate.integrity(path) == []
    assert migrate.inspect(path).revision == THIS
    # The services work on the file once the later revisions are applied too
    migrate.upgrade(path, copy_aside=False)
    db = Database(path)
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


def test_downgrade_gives_the_rows_back(tmp_path: Path) -> None:
    path = tmp_path / "round.sqlite3"
    _migrate(path, PREVIOUS)
    conn = sqlite3.connect(path)
    with conn:
        for sql in ROWS:
            conn.execute(sql)
    conn.close()
    before = _dump(path)
    _migrate(path, THIS)
    _migrate(path, PREVIOUS, down=True)
    assert _dump(path) == before
    assert "session_drafts" not in _tables(path)
    assert migrate.integrity(path) == []


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
