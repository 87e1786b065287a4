"""The Audit trail page: browse and filter the events, and verify their hash chain.

Filters (record type, action, dates, text in the summary) are applied by the
audit service in the database, newest first, at most ``PAGE`` events; the proxy
in front of the model sorts by any column. Dates are the user's local days, and
times are local too. Each event reads as a sentence (``domain.audit_words``: one
place for every record and action, old stored summaries included). "Open client"
(or a double-click) opens the client a record belongs to.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.db.engine import Database
from practice.domain.audit_words import details, entity_name, headline
from practice.services import audit
from practice.services.audit import AuditEventView
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.actions import run_action
from practice.ui.dates import date_field, date_time_text, day_text, pydate, time_text
from practice.ui.table_model import AnyIndex, RowsTableModel, sorted_row_table


def _day(d: date) -> str:
    return day_text(d, year=True)  # "Mon 7 Dec 2026" in the audit details


COL_AT, COL_ENTITY, COL_ID, COL_ACTION, COL_COMPUTER, COL_DB_USER, COL_SUMMARY = range(7)
NAME_WIDTH = 120  # px: the widest the Computer and Database user columns grow
HEADERS = (
    QT_TRANSLATE_NOOP("AuditTableModel", "When"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
    QT_TRANSLATE_NOOP("AuditTableModel", "No."),
    QT_TRANSLATE_NOOP("AuditTableModel", "What happened"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Computer"),  # who wrote it (issue 17)
    QT_TRANSLATE_NOOP("AuditTableModel", "Database user"),
    QT_TRANSLATE_NOOP("AuditTableModel", "Details"),
)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 500
NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum, shown as "any"
OK_STYLE = "success"  # theme roles
BAD_STYLE = "danger"


# The stored actions in the Action filter, in words (others: ``label``).
ACTION_WORDS = {
    "amend": QT_TRANSLATE_NOOP("AuditPage", "Amend"),
    "assign": QT_TRANSLATE_NOOP("AuditPage", "Assign"),
    "backup": QT_TRANSLATE_NOOP("AuditPage", "Backup"),
    "call": QT_TRANSLATE_NOOP("AuditPage", "Call"),
    "cancel-refused": QT_TRANSLATE_NOOP("AuditPage", "Cancel refused"),
    "cancel-under-override": QT_TRANSLATE_NOOP("AuditPage", "Cancel under override"),
    "clients": QT_TRANSLATE_NOOP("AuditPage", "Clients"),
    "complete": QT_TRANSLATE_NOOP("AuditPage", "Complete"),
    "create": QT_TRANSLATE_NOOP("AuditPage", "Create"),
    "delete": QT_TRANSLATE_NOOP("AuditPage", "Delete"),
    "discard": QT_TRANSLATE_NOOP("AuditPage", "Discard"),
    "drop": QT_TRANSLATE_NOOP("AuditPage", "Drop"),
    "encrypt": QT_TRANSLATE_NOOP("AuditPage", "Encrypt"),
    "end": QT_TRANSLATE_NOOP("AuditPage", "End"),
    "export": QT_TRANSLATE_NOOP("AuditPage", "Export"),
    "export_all": QT_TRANSLATE_NOOP("AuditPage", "Export all"),
    "failure": QT_TRANSLATE_NOOP("AuditPage", "Failure"),
    "import_filled": QT_TRANSLATE_NOOP("AuditPage", "Import filled"),
    "goals": QT_TRANSLATE_NOOP("AuditPage", "Goals"),
    "acknowledge": QT_TRANSLATE_NOOP("AuditPage", "Acknowledge"),
    "cannot_postpone": QT_TRANSLATE_NOOP("AuditPage", "Cannot postpone"),
    "keep_both": QT_TRANSLATE_NOOP("AuditPage", "Keep both"),
    "lock-taken-over": QT_TRANSLATE_NOOP("AuditPage", "Lock taken over"),
    "move": QT_TRANSLATE_NOOP("AuditPage", "Move"),
    "move_following": QT_TRANSLATE_NOOP("AuditPage", "Move following"),
    "open": QT_TRANSLATE_NOOP("AuditPage", "Open"),
    "open_notes": QT_TRANSLATE_NOOP("AuditPage", "Open notes"),
    "raised": QT_TRANSLATE_NOOP("AuditPage", "Raised"),
    "reason": QT_TRANSLATE_NOOP("AuditPage", "Reason"),
    "reminder_card": QT_TRANSLATE_NOOP("AuditPage", "Reminder card"),
    "replace": QT_TRANSLATE_NOOP("AuditPage", "Replace"),
    "reschedule": QT_TRANSLATE_NOOP("AuditPage", "Reschedule"),
    "restore": QT_TRANSLATE_NOOP("AuditPage", "Restore"),
    "take_over": QT_TRANSLATE_NOOP("AuditPage", "Take over"),
    "risk-override": QT_TRANSLATE_NOOP("AuditPage", "Risk override"),
    "schedule": QT_TRANSLATE_NOOP("AuditPage", "Schedule"),
    "seed_demo": QT_TRANSLATE_NOOP("AuditPage", "Seed demo"),
    "sent": QT_TRANSLATE_NOOP("AuditPage", "Sent"),
    "sign": QT_TRANSLATE_NOOP("AuditPage", "Sign"),
    "skip": QT_TRANSLATE_NOOP("AuditPage", "Skip"),
    "stage": QT_TRANSLATE_NOOP("AuditPage", "Stage"),
    "status": QT_TRANSLATE_NOOP("AuditPage", "Status"),
    "unraised": QT_TRANSLATE_NOOP("AuditPage", "Unraised"),
    "unsent": QT_TRANSLATE_NOOP("AuditPage", "Unsent"),
    "update": QT_TRANSLATE_NOOP("AuditPage", "Update"),
}


def label(name: str) -> str:
    """'homework_assignment' -> 'Homework assignment'."""
    return name.replace("_", " ").replace("-", " ").capitalize()


def action_label(action: str) -> str:
    """A stored action as the Action filter shows it, in the GUI's language."""
    return i18n.translated(ACTION_WORDS.get(action, label(action)))


class AuditTableModel(RowsTableModel[AuditEventView]):
    headers = HEADERS
    on_server = False  # the practice is on a server: its "database" events are the Practice's

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        event, col = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_AT:
                return date_time_text(event.at)
            if col == COL_ENTITY:
                return i18n.translated(entity_name(event.entity, on_server=self.on_server))
            if col == COL_ID:
                return "" if event.entity_id is None else str(event.entity_id)
            if col == COL_ACTION:
                return i18n.translated(headline(event.entity, event.action, event.summary))
            if col == COL_COMPUTER:  # none before migration 0010 recorded it
                return event.computer or ""
            if col == COL_DB_USER:
                return event.db_user or ""
            return i18n.translated(details(event.summary, date_time_text, _day))
        if role == SORT_ROLE:
            if col == COL_AT:
                return event.id  # ids follow time; equal times keep their order
            if col == COL_ID:
                return -1 if event.entity_id is None else event.entity_id
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_COMPUTER, COL_DB_USER):
            return self.data(index)  # the whole name, when the column elides it
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_ACTION, COL_SUMMARY):
            return self.tr("{details}\n\nAs recorded: {summary}").format(
                details=i18n.translated(details(event.summary, date_time_text, _day)),
                summary=event.summary,
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section == COL_SUMMARY
        ):
            return self.tr(
                "The details as they were recorded at the time: the trail is never "
                "rewritten, so older entries may be in English."
            )
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section in (COL_COMPUTER, COL_DB_USER)
        ):
            return self.tr(
                "The computer, and the database user it signed in as, that wrote the event "
                "(empty for events recorded before computers were recorded)."
            )
        return super().headerData(section, orientation, role)

    def event_at(self, row: int) -> AuditEventView:
        return self.row_at(row)


def day_start(day: date) -> datetime:
    """Local midnight at the start of ``day``, as an aware datetime."""
    return datetime.combine(day, time.min).astimezone()


class AuditPage(QWidget):
    """The page in the navigation rail; emits ``open_client(client_id)``."""

    open_client = Signal(int)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = database
        heading = QLabel(self.tr("Audit trail"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        about = QLabel(
            self.tr(
                "Every change to your records, backup, restore and export, in order. Events "
                "name records by number, never by a client's name. They cannot be edited or "
                "deleted, and each is chained to the one before, so a change made outside "
                "Practice shows up when you verify the chain."
            )
        )
        about.setWordWrap(True)

        self.entity = QComboBox()
        self.action = QComboBox()
        for combo in (self.entity, self.action):  # choices arrive when the page is shown
            combo.setMinimumContentsLength(16)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.since = self._date_edit()
        self.until = self._date_edit()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Search in what happened"))
        self.text.setAccessibleName(self.tr("Search in what happened"))
        self.text.setClearButtonEnabled(True)
        clear = QPushButton(self.tr("Clear filters"))
        clear.clicked.connect(self.clear_filters)
        self.text.setMinimumWidth(220)  # the placeholder stays readable
        # Two rows, so the page fits a 1024 px screen: what, then when and the search.
        filters = QVBoxLayout()
        what, when = QHBoxLayout(), QHBoxLayout()
        for row, caption, widget in (
            (what, self.tr("Record"), self.entity),
            (what, self.tr("Action"), self.action),
            (when, self.tr("From"), self.since),
            (when, self.tr("To"), self.until),
        ):
            label = QLabel(caption)
            label.setBuddy(widget)  # names the field for a screen reader
            row.addWidget(label)
            row.addWidget(widget, 1)
        what.addStretch(0)
        what.addWidget(clear)
        when.addWidget(self.text, 2)
        filters.addLayout(what)
        filters.addLayout(when)

        self.model = AuditTableModel(self)
        self.model.on_server = database.location.is_postgresql
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = sorted_row_table(self.proxy, COL_AT, Qt.SortOrder.DescendingOrder)
        self.table.setAccessibleName(self.tr("Audit trail"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # every column within the page, even at 1024 wide in Spanish: what happened and
        # its details share the room left, elided (their tooltips hold the whole text);
        # the computer and database user get at most NAME_WIDTH (tooltips too)
        header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SUMMARY, QHeaderView.ResizeMode.Stretch)
        for col in (COL_COMPUTER, COL_DB_USER):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)

        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(self._update_open)
        self.open_button = QPushButton(self.tr("Open client"))
        self.open_button.setToolTip(self.tr("Open the client this record belongs to"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)

        self.count_label = QLabel()
        self.verify_button = QPushButton(self.tr("Verify chain"))
        self.verify_button.clicked.connect(self.verify)
        self.verify_label = QLabel()
        self.verify_label.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.open_button)
        bottom.addWidget(self.count_label, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.verify_label, 2)
        bottom.addWidget(self.verify_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        for combo in (self.entity, self.action):
            combo.currentIndexChanged.connect(self.refresh)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.refresh)
        self.text.textChanged.connect(self.refresh)
        # The trail is read when the page is shown (showEvent), not at start.

    def _date_edit(self) -> QDateEdit:
        edit = date_field(QDateEdit())
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("any day"))
        edit.setDate(NO_DATE)
        return edit

    def refresh_choices(self) -> None:
        """Fill the drop-downs from what the trail holds, keeping the current choice."""
        found = run_action(
            self,
            self._db,
            lambda s: (audit.entities(s), audit.actions(s)),
            on_problem=self._say,
        )
        if found is None:
            return
        entities, actions = found
        for combo, values, everything in (
            (self.entity, entities, self.tr("All records")),
            (self.action, actions, self.tr("All actions")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value in values:
                shown = (
                    i18n.translated(entity_name(value, on_server=self.model.on_server))
                    if combo is self.entity
                    else action_label(value)
                )
                combo.addItem(shown, value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _day(self, edit: QDateEdit) -> date | None:
        value = edit.date()
        return None if value == NO_DATE else pydate(value)

    def refresh(self) -> None:
        since, until = self._day(self.since), self._day(self.until)
        entity, action, text = (
            self.entity.currentData(),
            self.action.currentData(),
            self.text.text(),
        )
        found = run_action(
            self,
            self._db,
            lambda s: (
                audit.list_events(
                    s,
                    entity=entity,
                    action=action,
                    since=day_start(since) if since else None,
                    until=day_start(until + timedelta(days=1)) if until else None,
                    text=text,
                    limit=PAGE,
                ),
                audit.event_count(s),
            ),
            on_problem=self._say,
        )
        if found is None:
            return
        rows, total = found
        self.model.set_rows(rows)
        for col in (COL_COMPUTER, COL_DB_USER):  # the names whole, up to NAME_WIDTH
            self.table.resizeColumnToContents(col)
            if self.table.columnWidth(col) > NAME_WIDTH:
                self.table.setColumnWidth(col, NAME_WIDTH)
        shown = QCoreApplication.translate(
            "AuditPage", "Events shown: {shown} of %n", None, total
        ).format(shown=len(rows))
        if len(rows) == PAGE:
            shown = self.tr(
                "{shown} (the newest {page}; narrow the filters to see older ones)"
            ).format(shown=shown, page=PAGE)
        self.count_label.setText(shown)
        self.count_label.setMinimumWidth(self.count_label.sizeHint().width())  # never cut

    def _say(self, message: str) -> None:
        self.count_label.setText(i18n.translated(message))

    def selected_event(self) -> AuditEventView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.event_at(self.proxy.mapToSource(rows[0]).row())

    def _client_of(self, event: AuditEventView | None) -> int | None:
        if event is None or event.entity_id is None:
            return None
        found = run_action(
            self,
            self._db,
            lambda s: audit.client_of(s, event.entity, event.entity_id),
            on_problem=self._say,
        )
        return found

    def _update_open(self) -> None:
        event = self.selected_event()
        self.open_button.setEnabled(event is not None and event.entity_id is not None)

    def open_selected(self) -> int | None:
        """Open the client of the chosen event's record; says so when there is none."""
        event = self.selected_event()
        client_id = self._client_of(event)
        if client_id is None:
            if event is not None:
                self.count_label.setText(self.tr("This event is not about one client's record."))
            return None
        self.open_client.emit(client_id)
        return client_id

    def clear_filters(self) -> None:
        for widget in (self.entity, self.action, self.since, self.until, self.text):
            widget.blockSignals(True)
        self.entity.setCurrentIndex(0)
        self.action.setCurrentIndex(0)
        self.since.setDate(NO_DATE)
        self.until.setDate(NO_DATE)
        self.text.clear()
        for widget in (self.entity, self.action, self.since, self.until, self.text):
            widget.blockSignals(False)
        self.refresh()

    def verify(self) -> list[str] | None:
        """Check the whole chain; show and return the problems (empty when intact, None
        when the check could not run)."""
        found = run_action(
            self,
            self._db,
            lambda s: (audit.verify_chain(s), audit.event_count(s)),
            on_problem=lambda message: self._show_verdict(BAD_STYLE, i18n.translated(message)),
        )
        if found is None:
            return None
        problems, total = found
        if not problems:
            self._show_verdict(
                OK_STYLE,
                QCoreApplication.translate(
                    "AuditPage",
                    "✓ Chain verified: every event is intact, none changed or missing "
                    "(events checked: %n, at {time}).",
                    None,
                    total,
                ).format(time=time_text(datetime.now())),
            )
        else:
            words = [i18n.translated(p) for p in problems]
            how_many = len(problems)
            listed = "; ".join(words[:3]) + ("; …" if len(words) > 3 else "")
            self._show_verdict(
                BAD_STYLE,
                QCoreApplication.translate(
                    "AuditPage",
                    "✗ The audit trail was changed outside Practice (problems found: %n): {listed}",
                    None,
                    how_many,
                ).format(listed=listed),
            )
            self.verify_label.setToolTip("\n".join(words[:50]))
        return problems

    def _show_verdict(self, style: str, text: str) -> None:
        theme.set_role(self.verify_label, style)
        self.verify_label.setText(text)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh_choices()
        self.refresh()
        super().showEvent(event)
