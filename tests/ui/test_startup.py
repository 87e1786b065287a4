"""Starting the GUI: a database from a newer version is refused, byte for byte untouched."""

from __future__ import annotations

import hashlib
import sqlite3

from practice.app import run_gui


def test_gui_refuses_a_newer_database_with_a_clear_message(qapp, db_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text))
    )
    assert run_gui(db_path) == 2
    assert len(shown) == 1
    assert "newer version of Practice" in shown[0][1]
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
