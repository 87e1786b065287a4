"""Keyboard shortcuts, pressed as a therapist would."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from practice.ui.agenda import AgendaPage
from practice.ui.client_list import ClientList


def _show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show ``widget`` as the active window: shortcuts reach only the active window."""
    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def test_alt_arrows_move_the_agenda_a_week(qtbot, db):
    # Given the agenda open on this week
    view = AgendaPage(db)
    qtbot.addWidget(view)
    _show_active(qtbot, view)
    this_monday = date.today() - timedelta(days=date.today().weekday())
    assert view.monday == this_monday
    # When the therapist presses Alt+Right, then Alt+Left twice
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    # Then the agenda shows next week, then last week
    assert view.monday == this_monday + timedelta(days=7)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.monday == this_monday - timedelta(days=7)


def test_the_find_key_puts_the_cursor_in_the_search_field(qtbot):
    # Given the client list with a word typed in the search field and the focus elsewhere
    clients = ClientList()
    qtbot.addWidget(clients)
    _show_active(qtbot, clients)
    qtbot.keyClicks(clients.search, "whit")
    clients.table.setFocus()
    assert QApplication.focusWidget() is clients.table
    # When the therapist presses the platform's Find key (Ctrl+F)
    find = QKeySequence(QKeySequence.StandardKey.Find)[0]
    qtbot.keyClick(clients.table, find.key(), find.keyboardModifiers())
    # Then the search field has the focus, its text selected to be typed over
    assert QApplication.focusWidget() is clients.search
    assert clients.search.selectedText() == "whit"
