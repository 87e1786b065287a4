"""The Audit trail page: its table model, filters and the chain check."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from practice.db.engine import Database
from practice.domain.vocabulary import ClientStatus
from practice.services import backup, clients
from practice.services.audit import AuditEventView
from practice.services.clients import ClientInput
from practice.ui.audit_page import COL_ACTION, COL_ENTITY, COL_ID, AuditPage, AuditTableModel


def _event(event_id: int, entity: str, entity_id: int | None, action: str) -> AuditEventView:
    at = datetime(2026, 3, 2, 9, 0, tzinfo=UTC) + timedelta(minutes=event_id)
    return AuditEventView(event_id, at, entity, entity_id, action, f"{entity} {action}")


def test_model_shows_labels_and_sorts_through_the_proxy(qapp):
    from PySide6.QtCore import QSortFilterProxyModel

    from practice.ui.audit_page import SORT_ROLE

    model = AuditTableModel()
    model.set_rows(
        [
            _event(3, "session_note", 12, "sign"),
            _event(2, "database", None, "backup"),
            _event(1, "client", 7, "create"),
        ]
    )
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)

    assert model.rowCount() == 3 and model.columnCount() == 5
    assert model.index(0, COL_ENTITY).data() == "Session note"
    assert model.index(1, COL_ID).data() == ""
    proxy.sort(COL_ID, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, COL_ID).data() for r in range(3)] == ["", "7", "12"]
    proxy.sort(COL_ACTION, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, COL_ACTION).data() for r in range(3)] == ["Backup", "Create", "Sign"]


@pytest.fixture
def page(qtbot, db: Database) -> AuditPage:
    with db.session() as s:
        first = clients.create(s, ClientInput(first_name="Amara", last_name="Lindqvist")).id
        clients.create(s, ClientInput(first_name="Bao", last_name="Lindqvist"))
        clients.set_status(s, first, ClientStatus.PAUSED)
    backup.make_backup(db.path, db.path.parent / "b")
    widget = AuditPage(db)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _actions(page: AuditPage) -> list[str]:
    return sorted(page.proxy.index(r, COL_ACTION).data() for r in range(page.proxy.rowCount()))


def _choose(combo, value: str) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(value))


def test_page_lists_everything_newest_first(page):
    assert page.proxy.rowCount() == 4
    assert page.proxy.index(0, COL_ACTION).data() == "Backup"
    assert page.count_label.text() == "4 of 4 events"


def test_filters_by_record_action_text_and_dates(qtbot, page):
    _choose(page.entity, "client")
    assert _actions(page) == ["Create", "Create", "Status"]
    _choose(page.action, "create")
    assert _actions(page) == ["Create", "Create"]

    page.clear_filters()
    qtbot.keyClicks(page.text, "active -> paused")
    assert _actions(page) == ["Status"]

    page.clear_filters()
    today = date.today()
    page.since.setDate(QDate(today.year, today.month, today.day).addDays(1))
    assert page.proxy.rowCount() == 0
    page.since.setDate(QDate(today.year, today.month, today.day))
    page.until.setDate(QDate(today.year, today.month, today.day))
    assert page.proxy.rowCount() == 4
    page.since.setDate(page.since.minimumDate())
    page.until.setDate(QDate(today.year, today.month, today.day).addDays(-1))
    assert page.proxy.rowCount() == 0


def test_record_filter_offers_what_the_trail_holds(page):
    offered = [page.entity.itemData(i) for i in range(page.entity.count())]
    assert offered == [None, "client", "database"]
    assert page.entity.itemText(2) == "Database"


def test_verify_chain_says_intact_then_finds_a_change(qtbot, page, db_path):
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.verify_label.text().startswith("✓ Chain verified: all 4 events")

    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER audit_events_no_update")
    conn.execute("UPDATE audit_events SET summary = 'client 9 created' WHERE id = 1")
    conn.commit()
    conn.close()
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)

    assert page.verify_label.text().startswith("✗ The audit trail was changed outside Practice")
    assert "audit event 1: content was changed" in page.verify_label.text()
