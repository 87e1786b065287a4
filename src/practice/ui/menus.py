"""The main window's keyboard menus: Edit (for the focused text field), Go (one
shortcut per page), and the File shortcuts for a new appointment and a backup.

Every shortcut is on a menu action, so the menus show it beside the command.
Ctrl+N (new client, the client list's button) and Ctrl+L (lock) are taken; the
session panel's Ctrl+1…5 belong to its own window and do not reach this one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QTextEdit
from shiboken6 import Shiboken

from practice.text import QT_TRANSLATE_NOOP
from practice.ui.i18n import translated

if TYPE_CHECKING:
    from practice.ui.main_window import MainWindow

NEW_APPOINTMENT_KEYS = QKeySequence("Ctrl+Shift+N")
BACKUP_KEYS = QKeySequence("Ctrl+B")
EDIT_COMMANDS = (  # (name, text, standard key)
    ("undo", QT_TRANSLATE_NOOP("EditMenu", "&Undo"), QKeySequence.StandardKey.Undo),
    ("redo", QT_TRANSLATE_NOOP("EditMenu", "&Redo"), QKeySequence.StandardKey.Redo),
    ("cut", QT_TRANSLATE_NOOP("EditMenu", "Cu&t"), QKeySequence.StandardKey.Cut),
    ("copy", QT_TRANSLATE_NOOP("EditMenu", "&Copy"), QKeySequence.StandardKey.Copy),
    ("paste", QT_TRANSLATE_NOOP("EditMenu", "&Paste"), QKeySequence.StandardKey.Paste),
    (
        "select_all",
        QT_TRANSLATE_NOOP("EditMenu", "Select &all"),
        QKeySequence.StandardKey.SelectAll,
    ),
)

TextWidget = QLineEdit | QPlainTextEdit | QTextEdit


def focused_text_widget() -> TextWidget | None:
    """The text field with the keyboard focus (an editable combo box's line edit
    counts), or None."""
    widget = QApplication.focusWidget()
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        return widget
    line = getattr(widget, "lineEdit", None)
    edit = line() if callable(line) else None
    return edit if isinstance(edit, QLineEdit) else None


def possible_commands(widget: TextWidget | None) -> set[str]:
    """The Edit commands ``widget`` can take now."""
    if widget is None or not widget.isEnabled():
        return set()
    clipboard = bool(QGuiApplication.clipboard().text())
    if isinstance(widget, QLineEdit):
        writable = not widget.isReadOnly() and widget.echoMode() == QLineEdit.EchoMode.Normal
        selected = widget.hasSelectedText()
        can = {
            "undo": widget.isUndoAvailable() and not widget.isReadOnly(),
            "redo": widget.isRedoAvailable() and not widget.isReadOnly(),
            "cut": selected and writable,
            "copy": selected and widget.echoMode() == QLineEdit.EchoMode.Normal,
            "paste": clipboard and not widget.isReadOnly(),
            "select_all": bool(widget.text()),
        }
    else:
        document = widget.document()
        writable = not widget.isReadOnly()
        selected = widget.textCursor().hasSelection()
        can = {
            "undo": writable and document.isUndoAvailable(),
            "redo": writable and document.isRedoAvailable(),
            "cut": selected and writable,
            "copy": selected,
            "paste": writable and widget.canPaste(),
            "select_all": not document.isEmpty(),
        }
    return {name for name, ok in can.items() if ok}


class EditMenu(QObject):
    """Undo … Select all for the focused text field; each action is disabled when
    the focused widget cannot take it (brought up to date as the focus moves and
    each time the menu opens)."""

    def __init__(self, menu: QMenu) -> None:
        super().__init__(menu)
        self.menu = menu
        self.actions: dict[str, QAction] = {}
        for name, text, keys in EDIT_COMMANDS:
            if name == "cut":
                menu.addSeparator()
            if name == "select_all":
                menu.addSeparator()
            action = menu.addAction(translated(text))
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, name=name: self.run(name))
            self.actions[name] = action
        menu.aboutToShow.connect(self.update_actions)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.update_actions)
        self.update_actions()

    def update_actions(self, *_: object) -> None:
        if not all(map(Shiboken.isValid, self.actions.values())):
            return  # the window is being deleted
        possible = possible_commands(focused_text_widget())
        for name, action in self.actions.items():
            action.setEnabled(name in possible)

    def run(self, name: str) -> None:
        widget = focused_text_widget()
        if widget is None or name not in possible_commands(widget):
            return
        command = "selectAll" if name == "select_all" else name
        getattr(widget, command)()
        self.update_actions()


class KeyMenus:
    """The main window's Edit and Go menus and its new-appointment action."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        bar = window.menuBar()
        file_menu = window.file_menu
        self.new_appointment_action = QAction(
            QCoreApplication.translate("KeyMenus", "&New appointment…"), window
        )
        self.new_appointment_action.setShortcut(NEW_APPOINTMENT_KEYS)
        self.new_appointment_action.triggered.connect(self.new_appointment)
        file_menu.insertAction(window.week_sheets_action, self.new_appointment_action)
        file_menu.insertSeparator(window.week_sheets_action)
        window.backup_action.setShortcut(BACKUP_KEYS)
        edit = QMenu(QCoreApplication.translate("KeyMenus", "&Edit"), bar)
        bar.insertMenu(bar.actions()[1], edit)
        self.edit = EditMenu(edit)
        self.go_menu = QMenu(QCoreApplication.translate("KeyMenus", "&Go"), bar)
        bar.insertMenu(bar.actions()[2], self.go_menu)
        window.nav.model().rowsInserted.connect(self.fill_go_menu)
        self.fill_go_menu()

    def _locked(self) -> bool:
        return self.window.auto_lock.is_locked

    def fill_go_menu(self, *_: object) -> None:
        """One action per page in the navigation rail: Ctrl+1 for the first, and on."""
        self.go_menu.clear()
        nav = self.window.nav
        for row in range(nav.count()):
            action = self.go_menu.addAction(nav.item(row).text())
            if row < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, row=row: self.go_to(row))

    def go_to(self, row: int) -> None:
        if not self._locked():
            self.window.nav.setCurrentRow(row)

    def new_appointment(self) -> None:
        """On the Agenda, its New appointment… (the chosen appointment's client, else a
        choice of clients). Elsewhere, schedule for the open client (their Sessions tab,
        Schedule…); with no client chosen, show the client list and say so."""
        if self._locked():
            return
        window = self.window
        if window.pages.currentWidget() is window.agenda:
            window.agenda.new_button.click()  # its own dialog, with a client chooser
            return
        page = window.clients_page
        window.show_page(page)
        client_id = page.client_list.current_client_id()
        sessions = page.workspace.sessions
        if client_id is None or sessions.client_id != client_id:
            keys = NEW_APPOINTMENT_KEYS.toString(QKeySequence.SequenceFormat.NativeText)
            window.statusBar().showMessage(
                QCoreApplication.translate(
                    "KeyMenus",
                    "Choose a client first, then press {keys} to schedule their appointment.",
                ).format(keys=keys),
                8000,
            )
            page.client_list.search.setFocus()
            return
        page.workspace.setCurrentWidget(sessions)
        sessions.schedule_button.click()
