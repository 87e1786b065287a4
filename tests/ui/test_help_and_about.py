"""Help → Practice help (F1), Help → About Practice, and the window's title
(ui.help_window, ui.about_dialog, ui.app_menus)."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from tests.ui._unsaved import click_client

import practice
from practice import logs
from practice.paths import data_dir
from practice.services import clients
from practice.services.clients import ClientInput
from practice.ui.about_dialog import AboutDialog
from practice.ui.help_window import HelpWindow

WORKFLOW_EN = [
    "Today",
    "A session",
    "Assigning and printing a sheet",
    "Reviewing homework",
    "Prep",
    "Conditional sessions (last resort)",
    "Backups and encryption",
    "Keyboard shortcuts",
]
WORKFLOW_ES = [
    "Hoy",
    "Una sesión",
    "Asignar e imprimir una hoja",
    "Revisar las tareas",
    "Preparación",
    "Sesiones condicionales (último recurso)",
    "Copias de seguridad y cifrado",
    "Atajos de teclado",
]


NATIVE = QKeySequence.SequenceFormat.NativeText


def _active(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _press_f1(qtbot, window) -> HelpWindow:  # type: ignore[no-untyped-def]
    _active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_window = window.app_menus.help_window
    assert isinstance(help_window, HelpWindow) and help_window.isVisible()
    return help_window


def _headings(help_window: HelpWindow) -> list[str]:
    """The level-2 headings the help window shows, in order."""
    document = help_window.browser.document()
    found = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            found.append(block.text())
        block = block.next()
    return found


def _menu_shortcuts(window) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(command, keys) of every menu action of the window that has a shortcut."""
    found = []
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            for keys in action.shortcuts():
                if not keys.isEmpty():
                    text = keys.toString(QKeySequence.SequenceFormat.NativeText)
                    found.append((action.text().replace("&", ""), text))
    return found


def _listed_shortcuts(help_window: HelpWindow, heading: str) -> set[tuple[str, str]]:
    """(command, keys) of the rows of the help's shortcut table."""
    text = help_window.browser.toPlainText()
    lines = text[text.rindex(heading) :].splitlines()[4:]  # the heading, the columns' names
    rows = set()
    while len(lines) >= 3 and lines[0]:
        _menu, command, keys, *lines = lines
        rows |= {(command, key) for key in keys.split(", ")}
    return rows


def test_f1_opens_the_help_with_the_workflow_and_every_menu_shortcut(qtbot, main_window):
    # When F1 is pressed in the main window
    help_window = _press_f1(qtbot, main_window)
    # Then the manual walks the workflow, in English, ending with the shortcuts
    assert help_window.windowTitle() == "Practice help"
    assert _headings(help_window)[: len(WORKFLOW_EN)] == WORKFLOW_EN
    text = help_window.browser.toPlainText()
    assert "Never use them for a client who cannot postpone treatment" in text
    # and the shortcut list holds every menu action's real keys, beside its command
    shortcuts = _menu_shortcuts(main_window)
    assert ("Preferences…", "Ctrl+,") in shortcuts and ("Practice help", "F1") in shortcuts
    assert ("Lock now", "Ctrl+L") in shortcuts
    listed = _listed_shortcuts(help_window, "Keyboard shortcuts")
    assert set(shortcuts) <= listed, set(shortcuts) - listed
    # F1 again brings the same window forward
    help_window.hide()
    assert _press_f1(qtbot, main_window) is help_window


def test_a_shortcut_added_to_a_menu_shows_in_the_help(qtbot, main_window):
    # Given a new menu action with a shortcut (the list is read from the menus)
    action = main_window.file_menu.addAction("Brand new command")
    action.setShortcut(QKeySequence("Ctrl+Shift+J"))
    # Then the help lists it
    text = _press_f1(qtbot, main_window).browser.toPlainText()
    assert "Brand new command" in text and "Ctrl+Shift+J" in text


def test_the_help_follows_the_gui_language(qtbot, spanish, db, templates):
    from practice.ui.main_window import MainWindow

    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    help_window = _press_f1(qtbot, window)
    assert help_window.windowTitle() == "Ayuda de Practice"
    assert _headings(help_window)[: len(WORKFLOW_ES)] == WORKFLOW_ES
    text = help_window.browser.toPlainText()
    assert "Nunca las uses con alguien que no puede posponer el tratamiento" in text
    listed = _listed_shortcuts(help_window, "Atajos de teclado")
    assert set(_menu_shortcuts(window)) <= listed
    assert ("Preferencias…", QKeySequence("Ctrl+,").toString(NATIVE)) in listed


def test_about_shows_version_folders_and_versions_and_copies_them(qtbot, main_window):
    # When Help → About Practice is chosen
    main_window.about_action.trigger()
    [about] = [w for w in main_window.findChildren(AboutDialog) if w.isVisible()]
    # Then it shows the version, the data folder, the log, the database, Qt and PySide
    shown = {key: label.text() for key, label in about.value_labels.items()}
    assert shown["Data folder"] == str(data_dir())
    assert shown["Log file"] == str(logs.log_path())
    assert shown["Database"] == str(main_window.auto_lock.database.path)
    assert shown["Qt"] == qVersion() and shown["PySide6"] == PySide6.__version__
    assert f"Practice {practice.__version__}" in about.heading.text()
    # and "Copy for support" puts them on the clipboard, one per line
    qtbot.mouseClick(about.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert f"Practice: {practice.__version__}" in copied
    assert f"Log file: {logs.log_path()}" in copied and f"Qt: {qVersion()}" in copied
    assert about.copy_button.text() == "Copied"
    about.close()


def test_the_title_names_the_page_or_the_client_but_never_while_locked(qtbot, db, templates):
    from practice.ui.main_window import MainWindow

    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Wendell", last_name="Pryor")).id
    suffix = " — demo practice (fictional data)"
    window = MainWindow(db, templates, title_suffix=suffix)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    assert window.windowTitle() == f"Today — Practice{suffix}"
    # When the client is clicked in the list
    click_client(qtbot, window, client)
    assert window.windowTitle() == f"Pryor, Wendell — Practice{suffix}"
    # Another page (Ctrl+3: the Agenda) names the page
    _active(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.windowTitle() == f"Agenda — Practice{suffix}"
    # Locked, no client's name is shown, even on the Clients page
    click_client(qtbot, window, client)
    window.lock()
    assert window.windowTitle() == f"Practice{suffix}"
    window.unlock()
    assert window.windowTitle() == f"Pryor, Wendell — Practice{suffix}"
