"""The Audit trail page: its table model, filters and the chain check."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, Qt

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

    assert (
        model.rowCount() == 3 and model.columnCount() == 7
    )  # the computer and the database user too
    assert model.index(0, COL_ENTITY).data() == "Session note"
    assert model.index(1, COL_ID).data() == ""
    proxy.sort(COL_ID, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, COL_ID).data() for r in range(3)] == ["", "7", "12"]
    proxy.sort(COL_ACTION, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, COL_ACTION).data() for r in range(3)] == [
        "Backup made",
        "Client added",
        "Session note signed",
    ]


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
    assert page.proxy.index(0, COL_ACTION).data() == "Backup made"
    assert page.count_label.text() == "Events shown: 4 of 4"


def test_filters_by_record_action_text_and_dates(qtbot, page):
    _choose(page.entity, "client")
    assert _actions(page) == ["Client added", "Client added", "Client status changed"]
    _choose(page.action, "create")
    assert _actions(page) == ["Client added", "Client added"]

    page.clear_filters()
    qtbot.keyClicks(page.text, "active -> paused")
    assert _actions(page) == ["Client status changed"]

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
    assert page.entity.itemText(2) == "Practice file"


def test_verify_chain_says_intact_then_finds_a_change(qtbot, page, db_path):
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.verify_label.text().startswith("✓ Chain verified: every event is intact")
    assert "(events checked: 4, at " in page.verify_label.text()

    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER audit_events_no_update")
    conn.execute("UPDATE audit_events SET summary = 'client 9 created' WHERE id = 1")
    conn.commit()
    conn.close()
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)

    assert page.verify_label.text().startswith("✗ The audit trail was changed outside Practice")
    assert "audit event 1: content was changed" in page.verify_label.text()


# ---- in words, in local time, and a way to the record ------------------------------------


def _row_texts(page: AuditPage, row: int) -> list[str]:
    return [page.proxy.index(row, c).data() for c in range(page.proxy.columnCount())]


def test_old_summaries_read_as_sentences_in_local_time(qtbot, db: Database):
    from practice.domain.vocabulary import AppointmentStatus
    from practice.services import appointments, audit
    from practice.ui.audit_page import COL_AT, COL_SUMMARY
    from practice.ui.dates import date_time_text

    # Given events stored the old way: a status change as "a -> b", UTC times, "1 duplicates"
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Amara", last_name="Lindqvist")).id
        at = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        appointment = appointments.schedule(s, client, at).appointment.id
        appointments.cancel_for_missing_self_record(s, appointment, "no self-record")
        audit.record(
            s, "import", None, "clients", "1 clients imported from CSV; 1 duplicates skipped"
        )
    page = AuditPage(db)
    qtbot.addWidget(page)
    page.show()

    # Then each reads as a sentence, with local times and singular counts
    texts = {page.proxy.index(r, COL_ACTION).data(): _row_texts(page, r) for r in range(4)}
    assert "Appointment cancelled: self-record not done" in texts
    cancelled = texts["Appointment cancelled: self-record not done"]
    assert "->" not in " ".join(cancelled) and "cancelled_no_self_record" not in " ".join(cancelled)
    booked = texts["Appointment booked"]
    assert date_time_text(at) in booked[COL_SUMMARY] and "UTC" not in booked[COL_SUMMARY]
    imported = texts["Clients imported from a CSV file"]
    assert "1 client imported" in imported[COL_SUMMARY]
    assert "1 duplicate skipped" in imported[COL_SUMMARY]
    assert re.fullmatch(r"\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}", imported[COL_AT])
    assert AppointmentStatus.CANCELLED_NO_SELF_RECORD.value not in page.model.index(0, 3).data()


def test_open_client_leads_from_an_event_to_its_client(qtbot, db: Database):
    from practice.services import appointments

    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Amara", last_name="Lindqvist")).id
        appointments.schedule(s, client, datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    backup.make_backup(db.path, db.path.parent / "b")
    page = AuditPage(db)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    opened: list[int] = []
    page.open_client.connect(opened.append)

    def click_row(action: str) -> None:
        row = next(r for r in range(3) if page.proxy.index(r, COL_ACTION).data() == action)
        rect = page.table.visualRect(page.proxy.index(row, COL_ACTION))
        qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    # When the therapist clicks the appointment's event, then Open client
    click_row("Appointment booked")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    # Then the appointment's client is opened
    assert opened == [client]
    # and a backup, which is no client's, offers nothing to open
    click_row("Backup made")
    assert not page.open_button.isEnabled()


def test_opening_a_clients_sessions_is_recorded_once_per_opening(qtbot, main_window, db):
    from practice.services import audit

    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Amara", last_name="Lindqvist")).id
    main_window.clients_page.refresh()
    main_window.show_client(client)
    workspace = main_window.clients_page.workspace
    bar = workspace.tabBar()

    def click_tab(name: str) -> None:
        index = next(i for i in range(workspace.count()) if workspace.tabText(i) == name)
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())

    def openings() -> list[str]:
        with db.session() as s:
            return [e.summary for e in audit.list_events(s, action="open_notes")]

    # When the therapist opens the Sessions tab, and the view reloads after a change
    click_tab("Sessions")
    workspace.sessions.refresh()
    workspace.sessions.repaint()
    # Then one opening is recorded, naming the client's record only
    assert openings() == [f"sessions and notes of client {client} opened"]
    # When they go to another tab and come back, that is a second opening
    click_tab(workspace.tabText(0) if workspace.tabText(0) != "Sessions" else workspace.tabText(1))
    click_tab("Sessions")
    assert len(openings()) == 2


def test_stored_days_fields_calls_and_keys_read_in_words(qtbot, db: Database):
    from practice.services import audit
    from practice.ui.audit_page import COL_SUMMARY

    # Given summaries stored with ISO days, local times, field names and codes (issue 12)
    with db.session() as s:
        for entity, action, summary in [
            (
                "appointment_series",
                "create",
                "series 1 for client 1: 8 appointments every "
                "1 week(s) 2026-12-07 to 2027-01-25, 50 min",
            ),
            ("appointment", "reschedule", "2026-12-10 09:30 -> 2026-12-10 11:30 UTC, 50 min"),
            ("client", "update", "fields changed: emergency_contact, presenting_problem"),
            ("day_before_check", "call", "day-before call for appointment 4: not_done, cancel"),
            ("homework_assignment", "assign", "assignment 3 (my_week, plain, en) for client 1"),
        ]:
            audit.record(s, entity, 1, action, summary)
    page = AuditPage(db)
    qtbot.addWidget(page)
    page.show()

    # Then no ISO day, field name or stored code shows in the details
    shown = " | ".join(page.proxy.index(r, COL_SUMMARY).data() for r in range(5))
    assert not re.search(r"\d{4}-\d{2}-\d{2}", shown), shown
    for code in ("emergency_contact", "presenting_problem", "not_done", "cancel,", "my_week"):
        assert code not in shown
    assert "Mon 7 Dec 2026 to Mon 25 Jan 2027" in shown
    assert "emergency contact, diagnosis or presenting problem" in shown
    assert "self-record not done, session cancelled" in shown
    assert "(My week," in shown


def _arrow_rows(header, section: int) -> list[int]:  # type: ignore[no-untyped-def]
    """The width, row by row from the top, of the dark sort arrow drawn in ``section``."""
    image = header.grab().toImage()
    left = header.sectionViewportPosition(section)
    right = left + header.sectionSize(section)
    widths = []
    for y in range(image.height()):
        dark = [x for x in range(left, right - 1) if image.pixelColor(x, y).lightness() < 140]
        # the label's letters sit left of the arrow; the arrow is near the right edge
        dark = [x for x in dark if x > right - 30]
        if dark:
            widths.append(len(dark))
    return widths


def test_record_filter_and_newest_first_arrow_read_as_the_therapist_expects(qtbot, db: Database):
    from practice.services.demo import seed_demo
    from practice.ui.audit_page import COL_AT, COL_ENTITY

    with db.session() as s:
        seed_demo(s)
    page = AuditPage(db)
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    qtbot.waitExposed(page)
    # The record filter names the demo's conditional sessions as the trail does
    names = [page.entity.itemText(i) for i in range(page.entity.count())]
    assert "Conditional sessions" in names and "Conditioning periods" not in names
    assert "Appointments" not in names and names.count("Appointment") == 1
    page.entity.setFocus()
    qtbot.keyClicks(page.entity, "Conditional")
    assert page.entity.currentText() == "Conditional sessions"
    shown = {page.proxy.index(r, COL_ENTITY).data() for r in range(page.proxy.rowCount())}
    assert shown == {"Conditional sessions"}
    # The list runs newest first, and the arrow on "When" points down (wide at the top)
    header = page.table.horizontalHeader()
    assert header.sortIndicatorSection() == COL_AT
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    widths = _arrow_rows(header, COL_AT)
    assert len(widths) >= 2 and widths[0] > widths[-1], widths
    # A click on "When" turns it to oldest first, the arrow pointing up
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().topLeft() + QPoint(header.sectionSize(COL_AT) // 2, header.height() // 2),
    )
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    widths = _arrow_rows(header, COL_AT)
    assert len(widths) >= 2 and widths[0] < widths[-1], widths
