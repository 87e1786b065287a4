"""The audit page at 1024 wide, in Spanish, on a server (issue 17 follow-up, point 4):
every column within the page, and the whole-practice events named as the practice's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QWidget

from practice.db.computer import NAME_VARIABLE
from practice.db.engine import Database
from practice.services import audit, clients
from practice.services.clients import ClientInput

SHOTS = Path("/work/shots/formfix17")


def _trail(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NAME_VARIABLE, "office-pc-in-the-back-room")
    with db.session() as s:
        client_id = clients.create(s, ClientInput(first_name="Lucía", last_name="Ficticia")).id
        audit.record(s, "session_draft", client_id, "take_over", "taken over from home-pc")
        audit.record(s, "practice", None, "seed_demo", "demo practice as of 2026-12-06")
        audit.record(s, "database", None, "restore", "restored from practice-2026-12-05.dump")


def _page_in_window(qtbot, db: Database):  # type: ignore[no-untyped-def]
    """The page beside a sidebar as wide as the main window's, the window at 1024x600."""
    from practice.ui.audit_page import AuditPage

    window = QWidget()
    qtbot.addWidget(window)
    layout = QHBoxLayout(window)
    sidebar = QListWidget()
    sidebar.setFixedWidth(190)
    layout.addWidget(sidebar)
    page = AuditPage(db)
    layout.addWidget(page, 1)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    return window, page


def _entities(page) -> set[str]:  # type: ignore[no-untyped-def]
    from practice.ui.audit_page import COL_ENTITY

    return {page.proxy.index(r, COL_ENTITY).data() for r in range(page.proxy.rowCount())}


@pytest.mark.parametrize("engine_kind", ["postgresql"])
def test_on_a_server_in_spanish_at_1024_every_column_fits(  # type: ignore[no-untyped-def]
    qtbot, spanish, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _trail(db, monkeypatch)
    window, page = _page_in_window(qtbot, db)
    header = page.table.horizontalHeader()
    room = header.viewport().width()
    for col in range(page.proxy.columnCount()):
        name = page.proxy.headerData(col, Qt.Orientation.Horizontal)
        right = header.sectionViewportPosition(col) + header.sectionSize(col)
        assert header.sectionViewportPosition(col) >= 0 and right <= room, (name, right, room)
    assert not page.table.horizontalScrollBar().isVisible()
    # a restore and the demo practice: the Practice's, in Spanish, not the file's
    entities = _entities(page)
    assert "Consulta" in entities
    assert "Practice" not in entities and "Archivo de la consulta" not in entities
    # the Record filter says the same
    combo = [page.entity.itemText(i) for i in range(page.entity.count())]
    assert "Consulta" in combo and "Archivo de la consulta" not in combo
    # a name cut by its column is whole in its tooltip
    from practice.ui.audit_page import COL_COMPUTER

    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, COL_COMPUTER).data())
    cell = page.proxy.index(row, COL_COMPUTER)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "office-pc-in-the-back-room"
    if os.environ.get("PRACTICE_SHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SHOTS / "audit-es-server-1024x600.png"))
        window.resize(1366, 768)
        window.grab().save(str(SHOTS / "audit-es-server-1366x768.png"))


def test_on_a_file_a_restore_is_the_practice_files(  # type: ignore[no-untyped-def]
    qtbot, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _trail(db, monkeypatch)
    _, page = _page_in_window(qtbot, db)
    assert {"Practice file", "Practice"} <= _entities(page)
