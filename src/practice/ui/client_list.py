"""The left-hand client list: search as you type, status filter, new client."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.domain.vocabulary import ClientStatus
from practice.services.clients import ClientRow
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import theme
from practice.ui.client_table import (
    COL_LANGUAGE,
    COL_LEVEL,
    COL_NAME,
    COL_NEXT,
    COL_STATUS,
    ROW_ROLE,
    ClientFilterProxy,
    ClientTableModel,
)
from practice.ui.i18n import translated
from practice.ui.table_model import sorted_row_table

# Hidden first, one by one, when the list is too narrow to show whole names. Name and
# Status are always shown (issue 16: Status vanished at 1024 px and in Spanish at 1366):
# a name longer than its column is elided there, its tooltip holding it all.
OPTIONAL_COLUMNS = (COL_LANGUAGE, COL_LEVEL, COL_NEXT)
NAME_PADDING = 24  # the cell's margins and a little air
NAME_CAP = 420  # a very long name may be elided beyond this; its tooltip has it all

STATUS_FILTERS: tuple[tuple[str, ClientStatus | None], ...] = (
    (QT_TRANSLATE_NOOP("ClientList", "Active"), ClientStatus.ACTIVE),
    (QT_TRANSLATE_NOOP("ClientList", "Paused"), ClientStatus.PAUSED),
    (QT_TRANSLATE_NOOP("ClientList", "Discharged"), ClientStatus.DISCHARGED),
    (QT_TRANSLATE_NOOP("ClientList", "All clients"), None),
)


class ClientList(QWidget):
    """Emits ``client_chosen(id)`` when a client is selected, ``new_requested`` for a new one."""

    client_chosen = Signal(int)
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kept: int | None = None  # the selection while the list is emptied (locked)
        self._filtering = False  # a filter moving the current row opens no client
        self._hidden: int | None = None  # the open client, while the filter hides it
        self.model = ClientTableModel(self)
        self.proxy = ClientFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search clients  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search clients"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.status_filter = QComboBox()
        for text, status in STATUS_FILTERS:
            self.status_filter.addItem(translated(text), status)
        self.status_filter.currentIndexChanged.connect(self._on_status)
        self.new_button = QPushButton(self.tr("New client"))
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.setToolTip(self.tr("New client (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_requested)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)  # "11 de 14 clientes" leaves the names their room
        theme.set_role(self.count_label, "muted")

        self.table = sorted_row_table(self.proxy, COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAccessibleName(self.tr("Clients"))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col in (COL_STATUS, COL_NEXT, COL_LEVEL, COL_LANGUAGE):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.viewport().installEventFilter(self)

        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        self.search.returnPressed.connect(self._open_first)

        # the search on a row of its own, as wide as the list: its placeholder is whole
        top = QVBoxLayout()
        top.addWidget(self.search)
        top.addWidget(self.status_filter, 0, Qt.AlignmentFlag.AlignLeft)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def name_width(self) -> int:
        """The width the Name column needs for the longest name shown (capped)."""
        metrics = self.table.fontMetrics()
        names = (self.model.row_at(i).name for i in range(self.model.rowCount()))
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        return min(widest + NAME_PADDING, NAME_CAP)

    def fit_columns(self) -> None:
        """Give the Name column the room for whole names: the optional columns are
        shown only while they leave it that room (Language first, Next last). Status
        always stays; a name still too long is elided (its tooltip has it all)."""
        header = self.table.horizontalHeader()
        room = self.table.viewport().width()
        wanted = self.name_width()
        for col in OPTIONAL_COLUMNS:
            header.setSectionHidden(col, False)

        def width(col: int) -> int:
            return max(self.table.sizeHintForColumn(col), header.sectionSizeHint(col))

        shown = list(OPTIONAL_COLUMNS)
        status = width(COL_STATUS)
        while shown and room - status - sum(width(c) for c in shown) < wanted:
            header.setSectionHidden(shown.pop(0), True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def set_rows(self, rows: list[ClientRow]) -> None:
        """Show ``rows``, keeping the selected client; emptied (the window is locked),
        the list remembers it for when the rows come back."""
        current = self.current_client_id() or self._kept
        self._kept = None if rows else current
        self.model.set_rows(rows)
        self.fit_columns()
        self._update_count()
        if current is not None:
            self.select(current)

    def current_client_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        row: ClientRow = self.proxy.data(index, ROW_ROLE)
        return row.id

    def is_shown(self, client_id: int) -> bool:
        """True when the client is in the list as filtered now."""
        row = self.model.row_of(client_id)
        return row is not None and self.proxy.mapFromSource(self.model.index(row, 0)).isValid()

    def clear_current(self) -> None:
        """No client selected (a new client is being written)."""
        self.table.clearSelection()
        self.table.selectionModel().setCurrentIndex(
            QModelIndex(), QItemSelectionModel.SelectionFlag.Clear
        )

    def select(self, client_id: int) -> None:
        source_row = self.model.row_of(client_id)
        if source_row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(source_row, COL_NAME))
        if not index.isValid():  # filtered out: show all so the client is visible
            self.status_filter.setCurrentIndex(len(STATUS_FILTERS) - 1)
            self.search.clear()
            index = self.proxy.mapFromSource(self.model.index(source_row, COL_NAME))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _on_search(self, text: str) -> None:
        self._refilter(lambda: self.proxy.set_search(text))

    def _on_status(self) -> None:
        self._refilter(lambda: self.proxy.set_status(self.status_filter.currentData()))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Narrow the list without opening another client: the open one stays selected
        while shown, and is selected again when a later filter shows it again."""
        shown = self.current_client_id() or self._hidden
        was, self._filtering = self._filtering, True
        try:
            change()
            if shown is not None and self.is_shown(shown):
                self._hidden = None
                self.select(shown)
            else:
                self._hidden = shown
                self.clear_current()
        finally:
            self._filtering = was
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            (
                self.tr("{shown} of {total} client")
                if total == 1
                else self.tr("{shown} of {total} clients")
            ).format(shown=shown, total=total)
        )

    def _on_current(self) -> None:
        if self._filtering:
            return
        self._hidden = None
        client_id = self.current_client_id()
        if client_id is not None:
            self.client_chosen.emit(client_id)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open_first(self) -> None:
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, COL_NAME))
            self.table.setFocus()
