"""The main window: a navigation rail on the left, one page per job on the right."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from practice.db.engine import Database
from practice.services import clients
from practice.sheets.templates import TemplateLibrary
from practice.ui import theme
from practice.ui.actions import run_action
from practice.ui.agenda import AgendaPage
from practice.ui.app_menus import AppMenus
from practice.ui.auto_lock import AutoLock
from practice.ui.client_form import ClientForm
from practice.ui.client_list import ClientList
from practice.ui.client_sessions import ClientSessionsTab
from practice.ui.export_dialogs import DataActions
from practice.ui.goals_tab import GoalsTab
from practice.ui.homework_tab import HomeworkTab
from practice.ui.measures_tab import MeasuresTab
from practice.ui.menus import KeyMenus
from practice.ui.prep_page import PrepPage
from practice.ui.security_settings import SecuritySettingsDialog
from practice.ui.server_connect import ServerMenus
from practice.ui.today_page import TodayPage
from practice.ui.widgets import fit_to_screen, install_wheel_guard, sideways_scrolling

if TYPE_CHECKING:
    from practice.ui.session_panel import SessionPanel


NAV_WIDTHS = (150, 230)  # the navigation rail's narrowest and widest, in pixels


class LazyPage(QWidget):
    """A navigation page whose view is built the first time the page is shown."""

    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self.view: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event: QShowEvent) -> None:
        if self.view is None:
            self.view = self._factory()
            self._layout.addWidget(self.view)
        super().showEvent(event)


def _what_works(database: Database) -> QWidget:
    # deferred: start-up speed (a page seldom opened)
    from practice.ui.what_works_page import WhatWorksPage

    return WhatWorksPage(database)


class ClientWorkspace(QTabWidget):
    """One client's tabs: Profile first; later views (Sessions, Homework, Prep) add tabs."""

    def __init__(
        self, database: Database, templates: TemplateLibrary, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.form = ClientForm(database)
        self.sessions = ClientSessionsTab(database)
        self.addTab(self.form, self.tr("Profile"))
        self.homework = HomeworkTab(database, templates)
        self.addTab(self.sessions, self.tr("Sessions"))
        self.addTab(self.homework, self.tr("Homework"))
        self.goals = GoalsTab(database)  # personal goals, rated in the Measures step
        self.addTab(self.goals, self.tr("Goals"))
        self.measures = MeasuresTab(database)  # every measure entered; delete a mistaken one
        self.addTab(self.measures, self.tr("Measures"))
        self.prep = PrepPage(database)  # first: what a therapist opens a client for
        self.insertTab(0, self.prep, self.tr("Prep"))
        self.setCurrentIndex(0)
        self._policies: dict[QWidget, QSizePolicy] = {}
        self.currentChanged.connect(self._size_by_current)
        self._size_by_current()

    def _size_by_current(self) -> None:
        """Only the shown tab's minimum width counts: a wide Homework tab does not make
        the Profile scroll sideways (the splitter leaves the client list its room)."""
        ignored = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        for i in range(self.count()):
            page = self.widget(i)
            if page is None:
                continue
            kept = self._policies.setdefault(page, page.sizePolicy())
            page.setSizePolicy(kept if i == self.currentIndex() else ignored)
        self.updateGeometry()

    def show_client(self, client_id: int | None) -> None:
        for i in range(self.count()):
            page = self.widget(i)
            loader = getattr(page, "show_client", None)
            if loader is not None:
                loader(client_id)


class ClientsPage(QSplitter):
    def __init__(
        self, database: Database, templates: TemplateLibrary, parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._db = database
        self._switching = False  # leaving one client for another (see open_client)
        self.client_list = ClientList()
        self.workspace = ClientWorkspace(database, templates)
        self.addWidget(self.client_list)
        # The workspace scrolls sideways when narrower than its tabs want, so the
        # splitter can give the list room for whole names (the list has the tooltip too).
        area = sideways_scrolling(self.workspace)
        area.setAccessibleName(self.tr("Client record"))
        self.addWidget(area)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 2)
        self.setStretchFactor(1, 3)
        # 1366 wide (and 1366 at 150%): the workspace needs no sideways scrolling
        self.setSizes([300, 900])
        self.client_list.client_chosen.connect(self.open_client)
        self.client_list.new_requested.connect(self.new_client)
        self.workspace.form.saved.connect(self._after_save)
        # Read directly: damage met while the window loads goes to the app controller,
        # which offers the latest good backup (see ui.app_controller).
        with self._db.session() as db:
            self.client_list.set_rows(clients.list_rows(db))

    def refresh(self) -> None:
        rows = run_action(self, self._db, clients.list_rows)
        if rows is not None:
            self.client_list.set_rows(rows)

    def open_client(self, client_id: int) -> None:
        """Show a client; unsaved profile edits are kept for the same client, and
        asked about (Save / Discard / Cancel, see ui.unsaved) before another one."""
        form = self.workspace.form
        if self._switching:
            return  # the list moving while we ask or save
        if client_id == form.client_id and (form.is_dirty or self.workspace.goals.is_dirty):
            self.workspace.show_client(client_id)  # keeps the edits; other tabs reload
            return
        self._switching = True
        try:
            if not form.may_leave():  # Cancel: back to the client being edited
                self._keep_editing(form)
                return
            if not self.workspace.goals.may_leave():  # typed goals: asked the same way
                self._keep_editing(self.workspace.goals)
                return
            view = run_action(self, self._db, lambda s: clients.get(s, client_id))
            if view is None:
                return
            form.load(view)
            self.workspace.show_client(client_id)
            self._select_quietly(client_id)  # a save on the way refreshed the list
        finally:
            self._switching = False

    def new_client(self) -> None:
        form = self.workspace.form
        self._switching = True
        try:
            if not form.may_leave():
                self.workspace.setCurrentWidget(form)
                return
            if not self.workspace.goals.may_leave():
                self.workspace.setCurrentWidget(self.workspace.goals)
                return
            self._select_quietly(None)
        finally:
            self._switching = False
        self.workspace.setCurrentWidget(self.workspace.form)
        self.workspace.form.clear()
        self.workspace.show_client(None)

    def _keep_editing(self, editor: QWidget) -> None:
        """Keep editing (any unsaved editor of the workspace): back to ``editor``, the
        list highlighting the client being edited again. A click on another row selects
        that row after its current-row signal was answered (the question is asked from
        there), so the edited client's row is selected once more when the click is done."""
        self.workspace.setCurrentWidget(editor)
        client_id = self.workspace.form.client_id
        self._select_quietly(client_id)
        QTimer.singleShot(0, self, lambda: self._reselect(client_id))

    def _reselect(self, client_id: int | None) -> None:
        if self.workspace.form.client_id != client_id:
            return  # another client was opened meanwhile
        was, self._switching = self._switching, True
        try:
            self._select_quietly(client_id)
        finally:
            self._switching = was

    def _select_quietly(self, client_id: int | None) -> None:
        """Select ``client_id`` in the list (None: no client) without opening it."""
        if client_id is None:
            self.client_list.clear_current()
        else:
            self.client_list.select(client_id)

    def _after_save(self, client_id: int) -> None:
        self.refresh()
        if not self._switching:
            self.client_list.select(client_id)


class MainWindow(QMainWindow):
    """The main window. Its File menu asks for backups through signals: the app
    controller (``ui.app_controller``) owns the database file and answers them.
    ``templates``: the application's one template library, passed on to every view
    that offers or prints templates."""

    backup_requested = Signal()
    restore_requested = Signal()
    backup_folder_requested = Signal()
    backup_folder_changed = Signal(object)  # chosen in Preferences: the new folder (a Path)
    key_changed = Signal(object)  # encryption was turned on: the new database key

    def __init__(
        self, database: Database, templates: TemplateLibrary, *, title_suffix: str = ""
    ) -> None:
        super().__init__()
        install_wheel_guard()  # once: the wheel scrolls pages, never a value by accident
        self._db = database
        self.templates = templates
        self.setWindowTitle(self.tr("Practice{suffix}").format(suffix=title_suffix))
        self._build_menus()
        self.server_menus = ServerMenus(self)  # File → Connect to a practice server…
        self.nav = QListWidget()
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.setStyleSheet(
            "QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }"
        )
        # as wide as its longest page name in this language (see _fit_nav), never sideways
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setTextElideMode(Qt.TextElideMode.ElideRight)  # beyond NAV_WIDTHS' top
        self.nav.setFixedWidth(NAV_WIDTHS[0])
        self.pages = QStackedWidget()
        theme.notifier().changed.connect(self._theme_changed)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(6, 6, 6, 0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.clients_page = ClientsPage(database, templates)
        self.add_page(self.tr("Clients"), self.clients_page)
        self.data_actions = DataActions(  # File: import clients, export
            self, database, self.file_menu, before=self.backup_action,
            form=self.clients_page.workspace.form,
        )  # fmt: skip
        self.data_actions.changed.connect(self._data_changed)
        self.agenda = AgendaPage(database)
        self.add_page(self.tr("Agenda"), self.agenda)
        self.agenda.client_requested.connect(self.show_client)
        self.agenda.changed.connect(self._data_changed)
        self.what_works = self.add_lazy_page(self.tr("What works"), lambda: _what_works(database))
        self.clients_page.workspace.sessions.changed.connect(self._data_changed)
        self.clients_page.workspace.homework.changed.connect(self._data_changed)
        # the prep view shows the goals (and their ratings) at once
        self.clients_page.workspace.goals.saved.connect(self.clients_page.workspace.prep.refresh)
        self.clients_page.workspace.measures.changed.connect(self._data_changed)
        self.session_panels: dict[int, SessionPanel] = {}  # appointment id -> open panel
        self.clients_page.workspace.sessions.start_session.connect(self.open_session)
        self.clients_page.workspace.sessions.open_read_only.connect(
            lambda appointment_id: self.open_session(appointment_id, read_only=True)
        )
        self.clients_page.workspace.homework.start_session.connect(self.open_session)
        self.clients_page.workspace.prep.start_session.connect(self.open_session)
        self.clients_page.workspace.prep.changed.connect(self._data_changed)
        self.today = TodayPage(database)  # the home page: first in the rail, shown at start
        self.add_page(self.tr("Today"), self.today, first=True)
        self.today.open_prep.connect(lambda client_id: self.show_client(client_id, "Prep"))
        self.today.open_client.connect(self.show_client)
        self.today.start_session.connect(self.open_session)
        self.today.changed.connect(self._data_changed)
        self.nav.setCurrentRow(0)
        self.statusBar().addPermanentWidget(QLabel(database.location.display))
        self._restore_geometry()
        self.auto_lock = AutoLock(self, database)
        self.key_menus = KeyMenus(self)  # Edit, Go, the File shortcuts (ui.menus)
        self.app_menus = AppMenus(self, title_suffix)  # Preferences, help, the title

    # ---- locking (see ui.auto_lock) and security settings ----------------------
    def lock(self) -> None:
        """Hide all client data behind the lock screen and close the database."""
        self.auto_lock.lock()

    def unlock(self, key: bytes | None = None) -> None:
        self.auto_lock.unlock(key)

    def clear_client_data(self) -> None:
        self.clients_page.client_list.set_rows([])

    def reload_client_data(self) -> None:
        self._data_changed()

    def open_security_settings(self) -> None:
        dialog = SecuritySettingsDialog(self._db, self)
        dialog.key_changed.connect(self.key_changed)
        dialog.minutes_changed.connect(self.auto_lock.set_minutes)
        dialog.open()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu = file_menu
        self.week_sheets_action = file_menu.addAction(self.tr("&Print this week's sheets…"))
        self.week_sheets_action.triggered.connect(self.open_week_sheets)
        self.import_sheet_action = file_menu.addAction(self.tr("&Import a filled sheet…"))
        self.import_sheet_action.triggered.connect(self.import_filled_sheet)
        file_menu.addSeparator()
        self.backup_action = file_menu.addAction(self.tr("&Back up now"))
        self.backup_action.triggered.connect(self.backup_requested)
        self.restore_action = file_menu.addAction(self.tr("&Restore from backup…"))
        self.restore_action.triggered.connect(self.restore_requested)
        self.backup_folder_action = file_menu.addAction(self.tr("Backups &folder"))
        self.backup_folder_action.triggered.connect(self.backup_folder_requested)
        file_menu.addSeparator()
        self.security_action = file_menu.addAction(self.tr("&Security settings…"))
        self.security_action.triggered.connect(self.open_security_settings)
        self.lock_action = file_menu.addAction(self.tr("&Lock now"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("&Quit"))
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.quit)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = help_menu.addAction(self.tr("&About Practice"))
        self.about_action.triggered.connect(self._about)

    def open_week_sheets(self) -> None:
        # deferred: start-up speed (40 ms: the sheet renderer and ReportLab's graphics)
        from practice.ui.week_sheets_dialog import WeekSheetsDialog

        WeekSheetsDialog(self._db, self.templates, self).open()

    def import_filled_sheet(self) -> None:
        # deferred: start-up speed (15 ms: reading filled sheets back)
        from practice.ui.filled_import_dialog import import_filled_sheet

        if import_filled_sheet(self._db, self.templates, self) is not None:
            self._data_changed()
            self.clients_page.workspace.homework.refresh()

    def _about(self) -> None:
        from practice.ui.about_dialog import AboutDialog  # deferred: start-up speed (seldom used)

        place = self._db.location  # a server's address (never its password), else the file
        AboutDialog(place.display if place.is_postgresql else self._db.path, self).open()

    def add_page(self, title: str, widget: QWidget, *, first: bool = False) -> None:
        """Add a view to the navigation rail (Today, Agenda, ... come from later modules)."""
        row = 0 if first else self.nav.count()
        self.nav.insertItem(row, QListWidgetItem(title))
        self.pages.insertWidget(row, widget)
        self._fit_nav()

    def _fit_nav(self) -> None:
        """Size the navigation rail to its longest page name (within NAV_WIDTHS)."""
        self.nav.ensurePolished()
        frame = 2 * self.nav.frameWidth()
        wanted = self.nav.sizeHintForColumn(0) + frame + 4
        self.nav.setFixedWidth(min(max(wanted, NAV_WIDTHS[0]), NAV_WIDTHS[1]))

    def add_lazy_page(self, title: str, factory: Callable[[], QWidget]) -> LazyPage:
        """Add a view that is built the first time it is shown (not at start)."""
        page = LazyPage(factory)
        self.add_page(title, page)
        return page

    def show_page(self, widget: QWidget) -> None:
        self.nav.setCurrentRow(self.pages.indexOf(widget))

    def show_client(self, client_id: int, tab: str | None = None) -> None:
        """Bring one client's workspace forward (optionally on a named tab: its English
        name, "Prep" or "Homework", shown translated)."""
        self.show_page(self.clients_page)
        self.clients_page.client_list.select(client_id)
        workspace = self.clients_page.workspace
        for i in range(workspace.count()):
            if tab is not None and workspace.tabText(i) == QCoreApplication.translate(
                "ClientWorkspace", tab
            ):
                workspace.setCurrentIndex(i)

    def _theme_changed(self, _theme: str) -> None:
        if not self.isVisible():
            return  # a closed window (its practice may be gone) has nothing to repaint
        self._fit_nav()  # a theme's font can make the names wider
        self._data_changed()  # the pages write their rich text again, in the new colours

    def _data_changed(self) -> None:
        self.clients_page.refresh()
        self.agenda.refresh()
        self.today.refresh()  # a hidden view only marks itself out of date
        self.clients_page.workspace.prep.refresh()

    def open_session(self, appointment_id: int, *, read_only: bool = False) -> SessionPanel | None:
        """Open the session panel of an appointment (or bring its open panel forward).
        ``read_only``: another computer's draft was already asked about (Open read-only)."""
        panel = self.session_panels.get(appointment_id)
        if panel is not None:
            panel.show()
            panel.raise_()
            panel.activateWindow()
            return panel
        # deferred: start-up speed (25-45 ms: the session panel and its steps)
        from practice.ui.session_panel import (
            PANEL_SIZE,
            SessionPanel,
            choose_for_draft_elsewhere,
            confirm_preparation,
            load_context,
        )

        templates = self.templates
        templates.reload()  # a template added since can be assigned
        context = run_action(
            self,
            self._db,
            lambda s: load_context(s, appointment_id, templates),
            title=self.tr("The session cannot be started"),
        )
        if context is None:
            return None
        if read_only and context.elsewhere is not None:
            context = replace(context, read_only=True)
        else:
            context = choose_for_draft_elsewhere(self, self._db, templates, context)
        if context is None:  # Cancel: another computer's draft stays as it is
            return None
        if context.preparation and not context.resumed and not confirm_preparation(self, context):
            return None
        panel = SessionPanel(self._db, templates, context, parent=self)
        panel.finished.connect(self._session_finished)
        panel.alerts_changed.connect(self._data_changed)
        panel.closed.connect(lambda appt_id: self.session_panels.pop(appt_id, None))
        self.session_panels[appointment_id] = panel
        panel.resize(*PANEL_SIZE)
        fit_to_screen(panel)
        panel.show()
        panel.activateWindow()
        return panel

    def _session_finished(self, client_id: int, appointment_id: int) -> None:
        self._data_changed()
        page = self.clients_page
        if page.client_list.current_client_id() == client_id:
            page.open_client(client_id)
            page.workspace.sessions.select(appointment_id)

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
            fit_to_screen(self, keep_place=True)  # a remembered size may exceed this screen
        else:
            self.resize(1280, 760)
            fit_to_screen(self)

    def may_close(self) -> bool:
        """Ask about unsaved profile edits (see ui.unsaved); False: stay open."""
        lock = getattr(self, "auto_lock", None)  # the database is closed while locked
        if lock is None or lock.is_locked:
            return True
        workspace = self.clients_page.workspace
        return workspace.form.may_leave() and workspace.goals.may_leave()

    def quit(self) -> None:
        """File → Quit: close, after asking about unsaved edits."""
        if self.may_close():
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and not self.may_close():  # the window's X
            event.ignore()  # Cancel: unsaved profile edits stay on screen
            return
        # getattr: a window whose construction failed (a damaged file at start) may
        # linger until garbage collection and still be closed.
        for panel in list(getattr(self, "session_panels", {}).values()):
            panel.close()  # keeps each open session's draft
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
