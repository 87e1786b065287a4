"""The main window: a navigation rail on the left, one page per job on the right."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from practice.db.engine import Database
from practice.services import clients
from practice.ui.agenda import AgendaView
from practice.ui.client_form import ClientForm
from practice.ui.client_list import ClientList
from practice.ui.client_sessions import ClientSessionsTab

NAV_STYLE = "QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }"


class ClientWorkspace(QTabWidget):
    """One client's tabs: Profile first; later views (Sessions, Homework, Prep) add tabs."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = ClientForm(database)
        self.sessions = ClientSessionsTab(database)
        self.addTab(self.form, "Profile")
        self.addTab(self.sessions, "Sessions")

    def show_client(self, client_id: int | None) -> None:
        for i in range(self.count()):
            page = self.widget(i)
            loader = getattr(page, "show_client", None)
            if loader is not None:
                loader(client_id)


class ClientsPage(QSplitter):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._db = database
        self.client_list = ClientList()
        self.workspace = ClientWorkspace(database)
        self.addWidget(self.client_list)
        self.addWidget(self.workspace)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        self.setSizes([520, 780])
        self.client_list.client_chosen.connect(self.open_client)
        self.client_list.new_requested.connect(self.new_client)
        self.workspace.form.saved.connect(self._after_save)
        self.refresh()

    def refresh(self) -> None:
        with self._db.session() as session:
            rows = clients.list_rows(session)
        self.client_list.set_rows(rows)

    def open_client(self, client_id: int) -> None:
        with self._db.session() as session:
            view = clients.get(session, client_id)
        self.workspace.form.load(view)
        self.workspace.show_client(client_id)

    def new_client(self) -> None:
        self.client_list.table.clearSelection()
        self.workspace.setCurrentWidget(self.workspace.form)
        self.workspace.form.clear()
        self.workspace.show_client(None)

    def _after_save(self, client_id: int) -> None:
        self.refresh()
        self.client_list.select(client_id)


class MainWindow(QMainWindow):
    def __init__(self, database: Database, *, title_suffix: str = "") -> None:
        super().__init__()
        self._db = database
        self.setWindowTitle("Practice" + title_suffix)
        self.nav = QListWidget()
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }"
        )
        self.pages = QStackedWidget()
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(6, 6, 6, 0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.clients_page = ClientsPage(database)
        self.add_page("Clients", self.clients_page)
        self.agenda = AgendaView(database)
        self.add_page("Agenda", self.agenda)
        self.agenda.client_requested.connect(self.show_client)
        self.clients_page.workspace.sessions.changed.connect(self._data_changed)
        self.nav.setCurrentRow(0)
        self.statusBar().addPermanentWidget(QLabel(str(database.path)))
        self._restore_geometry()

    def add_page(self, title: str, widget: QWidget, *, first: bool = False) -> None:
        """Add a view to the navigation rail (Today, Agenda, ... come from later modules)."""
        row = 0 if first else self.nav.count()
        self.nav.insertItem(row, QListWidgetItem(title))
        self.pages.insertWidget(row, widget)

    def show_page(self, widget: QWidget) -> None:
        self.nav.setCurrentRow(self.pages.indexOf(widget))

    def show_client(self, client_id: int, tab: str | None = None) -> None:
        """Bring one client's workspace forward (optionally on a named tab)."""
        self.show_page(self.clients_page)
        self.clients_page.client_list.select(client_id)
        workspace = self.clients_page.workspace
        for i in range(workspace.count()):
            if workspace.tabText(i) == tab:
                workspace.setCurrentIndex(i)

    def _data_changed(self) -> None:
        self.clients_page.refresh()
        self.agenda.refresh()

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
