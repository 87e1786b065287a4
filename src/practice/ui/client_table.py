"""The client list as a table model, with a proxy that filters by status and search text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from practice.domain.text import search_key
from practice.domain.vocabulary import ClientStatus
from practice.services.clients import ClientRow
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import theme
from practice.ui.dates import date_time_text, sort_key
from practice.ui.i18n import translated
from practice.ui.risk_flag import risk_text
from practice.ui.table_model import AnyIndex, RowsTableModel

COL_NAME, COL_STATUS, COL_NEXT, COL_LEVEL, COL_LANGUAGE = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP("ClientTableModel", "Name"),
    QT_TRANSLATE_NOOP("ClientTableModel", "Status"),
    QT_TRANSLATE_NOOP("ClientTableModel", "Next appointment"),
    QT_TRANSLATE_NOOP("ClientTableModel", "Level"),
    QT_TRANSLATE_NOOP("ClientTableModel", "Lang."),
)
RISK_MARK = "  ⚠"  # after the name of a client who cannot postpone treatment
RISK_COLOUR = "danger"  # a theme role
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class ClientTableModel(RowsTableModel[ClientRow]):
    headers = HEADERS

    def row_of(self, client_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == client_id:
                return i
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        value = super().headerData(section, orientation, role)
        return translated(value) if isinstance(value, str) else value

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, col)
        if role == SORT_ROLE:
            return _sort_key(row, col)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NAME:
            if row.cannot_postpone:  # the full name and why, however narrow the column
                return f"{row.name}\n{risk_text(row.cannot_postpone_reason)}"
            return row.name
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_NAME and row.cannot_postpone:
            return theme.color(RISK_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_LANGUAGE:
            return translated(row.language.label)
        if role == Qt.ItemDataRole.ForegroundRole and row.status != ClientStatus.ACTIVE:
            return theme.color("muted")
        return None


def _display(row: ClientRow, col: int) -> str:
    if col == COL_NAME:
        return row.name + (RISK_MARK if row.cannot_postpone else "")
    if col == COL_STATUS:
        return translated(row.status.label)
    if col == COL_NEXT:
        if row.next_appointment is None:
            return "—"
        return date_time_text(row.next_appointment, year=False)
    if col == COL_LEVEL:
        return translated(row.literacy_level.label)
    return row.language.value.upper()


def _sort_key(row: ClientRow, col: int) -> str:
    if col == COL_NAME:
        return row.sort_name
    if col == COL_NEXT:
        return sort_key(row.next_appointment) if row.next_appointment else "9" * 21
    return _display(row, col)


class ClientFilterProxy(QSortFilterProxyModel):
    """Narrows the list by status (None = all) and by every word of the search text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._status: ClientStatus | None = ClientStatus.ACTIVE
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        words = search_key(text).split()
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: ClientStatus | None) -> None:
        if status != self._status:
            self.beginFilterChange()
            self._status = status
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ClientTableModel)
        row = model.row_at(source_row)
        if self._status is not None and row.status != self._status:
            return False
        return all(word in row.sort_name for word in self._words)
