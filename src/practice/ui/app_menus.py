"""The main window's Preferences and help: File → Preferences… (Ctrl+,), Help →
Practice help (F1), Help → About Practice, and a window title that names the page
or the client shown ("Pryor, Wendell — Practice", "Today — Practice").

A locked window's title names no client (``ui.auto_lock``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from practice.ui.user_text import for_title

if TYPE_CHECKING:
    from practice.ui.help_window import HelpWindow
    from practice.ui.main_window import MainWindow
    from practice.ui.preferences import PreferencesDialog

APP_NAME = "Practice"  # not translated: the app's name


def standard_keys(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's main key for ``key``, else ``fallback`` (Linux has no Preferences
    key). Only the first: a keyboard's rare Help key is not worth a line in the help."""
    keys = QKeySequence.keyBindings(key)
    return keys[:1] or [QKeySequence(fallback)]


class AppMenus:
    """Adds Preferences… and Practice help to ``window``'s menus and keeps its title."""

    def __init__(self, window: MainWindow, title_suffix: str = "") -> None:
        self.window = window
        self.title_suffix = title_suffix
        self.help_window: HelpWindow | None = None
        self.preferences: PreferencesDialog | None = None
        self.preferences_action = QAction(
            QCoreApplication.translate("AppMenus", "&Preferences…"), window
        )
        self.preferences_action.setShortcuts(
            standard_keys(QKeySequence.StandardKey.Preferences, "Ctrl+,")
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.open_preferences)
        window.file_menu.insertAction(window.lock_action, self.preferences_action)
        help_menu = window.about_action.parent()
        assert isinstance(help_menu, QMenu)
        self.help_action = QAction(QCoreApplication.translate("AppMenus", "Practice &help"), window)
        self.help_action.setShortcuts(standard_keys(QKeySequence.StandardKey.HelpContents, "F1"))
        self.help_action.triggered.connect(self.open_help)
        help_menu.insertAction(window.about_action, self.help_action)
        help_menu.insertSeparator(window.about_action)
        # the title follows the page, the client chosen, and the lock
        window.nav.currentRowChanged.connect(self.update_title)
        client_list = window.clients_page.client_list
        client_list.table.selectionModel().currentChanged.connect(self.update_title)
        client_list.model.modelReset.connect(self.update_title)
        client_list.model.dataChanged.connect(self.update_title)
        window.auto_lock.locked.connect(self.update_title)
        window.auto_lock.unlocked.connect(self.update_title)
        self.update_title()

    # ---- the title -------------------------------------------------------------
    def shown_name(self) -> str:
        """What the window shows: the client's name on the Clients page, else the page."""
        window = self.window
        if window.auto_lock.is_locked:
            return ""
        page = window.pages.currentWidget()
        if page is window.clients_page:
            client_list = window.clients_page.client_list
            client_id = client_list.current_client_id()
            row = client_list.model.row_of(client_id) if client_id is not None else None
            if row is not None:
                return client_list.model.row_at(row).name
        item = window.nav.currentItem()
        return item.text() if item is not None else ""

    def update_title(self, *_: object) -> None:
        name = self.shown_name()
        if name:
            title = QCoreApplication.translate("AppMenus", "{name} — {app}").format(
                name=for_title(name), app=APP_NAME
            )
        else:
            title = APP_NAME
        self.window.setWindowTitle(title + self.title_suffix)

    # ---- the dialogs -------------------------------------------------------------
    def open_preferences(self) -> PreferencesDialog | None:
        from practice.ui.preferences import PreferencesDialog  # deferred: start-up speed (rare)

        window = self.window
        if window.auto_lock.is_locked:
            return None
        if self.preferences is not None and self.preferences.isVisible():
            self.preferences.raise_()
            self.preferences.activateWindow()
            return self.preferences
        dialog = PreferencesDialog(window.auto_lock.database.path, window)
        dialog.minutes_changed.connect(window.auto_lock.set_minutes)
        dialog.backup_folder_changed.connect(window.backup_folder_changed)
        self.preferences = dialog
        dialog.open()
        return dialog

    def open_help(self) -> HelpWindow | None:
        """Show the manual; None (and a plain message) when it is not installed."""
        from practice.ui.help_window import HelpWindow  # deferred: start-up speed (read on F1)

        if self.help_window is None:
            try:
                self.help_window = HelpWindow(self.window)
            except (OSError, UnicodeDecodeError):  # a copy without resources/help
                QMessageBox.warning(
                    self.window,
                    QCoreApplication.translate("AppMenus", "Practice help"),
                    QCoreApplication.translate(
                        "AppMenus",
                        "The help is not installed with this copy of Practice. Everything "
                        "else works; to get the help back, install Practice again.",
                    ),
                )
                return None
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        return self.help_window
