"""Migration 0006: a nullable target on homework assignments."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from practice.db import migrate


def _at(path: Path, revision: str) -> None:
    config = migrate.alembic_config()
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(config, revision)


def test_a_0005_file_with_an_assignment_upgrades_and_keeps_it_without_target(
    tmp_path: Path,
) -> None:
    # Given a file at revision 0005 with a client and an ABC assignment
    path = tmp_path / "old.sqlite3"
    _at(path, "0005_sheet_answers")
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "INSERT INTO clients (id, first_name, last_name, sort_name, identity_key, language,"
            " literacy_level, large_print, preferred_modality, reminder_channel,"
            " cannot_postpone, status, created_at, updated_at) VALUES (1, 'Test', 'Client',"
            " 'client test', 'test client|', 'en', 'plain', 0, 'paper', 'none', 0,"
            " 'active', '2026-01-01 10:00:00', '2026-01-01 10:00:00');"
            "INSERT INTO homework_assignments (id, code, client_id, template_key, title,"
            " instructions, level, language, large_print, modality, frequency, start_date,"
            " reminder_channel, alarm_set_in_session, reminder_card_printed, teach_back_done,"
            " value_discussed, status, created_at, updated_at) VALUES (1, 'AB12CD', 1,"
            " 'abc_record', 'ABC record', 'Shouting at home', 'plain', 'en', 0, 'paper',"
            " 'daily', '2026-01-01', 'none', 0, 0, 0, 0, 'active', '2026-01-01 10:00:00',"
            " '2026-01-01 10:00:00');"
        )
    # When the app upgrades it
    before = migrate.upgrade(path, copy_aside=False)
    # Then it went from 0005 to head and the assignment is kept, with no target
    assert before.revision == "0005_sheet_answers"
    assert migrate.inspect(path).at_head
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT code, instructions, target FROM homework_assignments"
        ).fetchall()
        assert rows == [("AB12CD", "Shouting at home", None)]
        # and a target can be stored
        conn.execute("UPDATE homework_assignments SET target = 'Shouting' WHERE id = 1")
        assert conn.execute("SELECT target FROM homework_assignments").fetchone() == ("Shouting",)


def test_downgrade_to_0005_removes_the_target_column(tmp_path: Path) -> None:
    # Given a practice at head
    path = tmp_path / "new.sqlite3"
    migrate.upgrade(path)
    # When it is taken back to 0005
    config = migrate.alembic_config()
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.downgrade(config, "0005_sheet_answers")
    # Then the column is gone
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(homework_assignments)")}
    assert "target" not in columns and "instructions" in columns
