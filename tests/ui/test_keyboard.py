"""Keyboard use of the main window: Tab leaves multi-line fields, Ctrl+1… go to the
pages, Ctrl+Shift+N schedules an appointment, Ctrl+B backs up, and the Edit menu
acts on the focused text field."""

from __future__ import annotations

import ast
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import practice.ui
from practice.db.models import Appointment
from practice.services import clients
from practice.services.clients import ClientInput
from practice.ui.appointment_dialog import AppointmentDialog

UI = Path(practice.ui.__file__).parent
CTRL = Qt.KeyboardModifier.ControlModifier


def _show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show ``widget`` as the active window: shortcuts reach only the active window."""
    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def test_tab_leaves_the_reason_field_instead_of_typing_a_tab(qtbot, main_window):
    # Given the profile form with "cannot postpone" ticked and its Reason field focused
    _show_active(qtbot, main_window)
    form = main_window.clients_page.workspace.form
    main_window.show_page(main_window.clients_page)
    main_window.clients_page.workspace.setCurrentWidget(form)
    form.cannot_postpone.setChecked(True)
    reason = form.cannot_postpone_reason
    reason.setFocus()
    qtbot.waitUntil(reason.hasFocus)
    # When the therapist types a reason and presses Tab
    qtbot.keyClicks(reason, "Crisis last week")
    qtbot.keyClick(reason, Qt.Key.Key_Tab)
    # Then the focus moves on to the next field and no tab character was typed
    assert not reason.hasFocus()
    assert QApplication.focusWidget() is form.notes
    assert reason.toPlainText() == "Crisis last week"


def test_no_multi_line_field_is_built_outside_the_text_field_helper():
    # Every QPlainTextEdit / QTextEdit in the GUI is made by widgets.text_field (Tab
    # moves on); a new one built directly would trap Tab again.
    built = []
    for path in UI.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            if called and node.func.id in ("QPlainTextEdit", "QTextEdit"):  # type: ignore[attr-defined]
                built.append(f"{path.relative_to(UI)}:{node.lineno}")
    assert [b for b in built if not b.startswith("widgets.py")] == []


def test_ctrl_and_a_number_go_to_each_page_as_the_go_menu_says(qtbot, main_window):
    # Given the main window on Today
    _show_active(qtbot, main_window)
    assert main_window.pages.currentWidget() is main_window.today
    go = main_window.key_menus.go_menu
    # The Go menu lists every page with its shortcut
    shown = [(a.text(), a.shortcut().toString()) for a in go.actions()]
    assert shown == [
        ("Today", "Ctrl+1"), ("Clients", "Ctrl+2"), ("Agenda", "Ctrl+3"), ("What works", "Ctrl+4"),
    ]  # fmt: skip
    # When the therapist presses Ctrl+3, then Ctrl+2, then Ctrl+1
    qtbot.keyClick(main_window, Qt.Key.Key_3, CTRL)
    assert main_window.pages.currentWidget() is main_window.agenda
    qtbot.keyClick(main_window, Qt.Key.Key_2, CTRL)
    assert main_window.pages.currentWidget() is main_window.clients_page
    qtbot.keyClick(main_window, Qt.Key.Key_1, CTRL)
    assert main_window.pages.currentWidget() is main_window.today
    # And a page added later (the audit trail) gets the next number
    main_window.add_lazy_page("Audit trail", QWidget)
    assert go.actions()[-1].text() == "Audit trail"
    qtbot.keyClick(main_window, Qt.Key.Key_5, CTRL)
    assert main_window.nav.currentItem().text() == "Audit trail"


def test_ctrl_shift_n_schedules_an_appointment_for_the_open_client(qtbot, main_window, db):
    # Given a client open in the Clients page, the window showing Today
    with db.session() as s:
        client_id = clients.create(s, ClientInput(first_name="Keys", last_name="Ejemplo")).id
    main_window.clients_page.refresh()
    main_window.show_client(client_id)
    main_window.nav.setCurrentRow(0)
    _show_active(qtbot, main_window)
    action = main_window.key_menus.new_appointment_action
    assert action.shortcut() == QKeySequence("Ctrl+Shift+N")
    assert action in main_window.file_menu.actions()
    seen: list[QWidget] = []

    def save_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        assert isinstance(dialog, AppointmentDialog)
        start = datetime.now().replace(second=0, microsecond=0) + timedelta(days=2)
        dialog.starts_at.setDateTime(start)
        buttons = dialog.findChild(QDialogButtonBox)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    # When the therapist presses Ctrl+Shift+N and saves the dialog it opens
    QTimer.singleShot(0, save_the_dialog)
    qtbot.keyClick(main_window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    # Then the client's Sessions tab shows, with the new appointment saved
    assert len(seen) == 1
    workspace = main_window.clients_page.workspace
    assert main_window.pages.currentWidget() is main_window.clients_page
    assert workspace.currentWidget() is workspace.sessions
    with db.session() as s:
        saved = s.scalars(select(Appointment).where(Appointment.client_id == client_id)).all()
    assert len(saved) == 1


def test_ctrl_shift_n_without_a_client_asks_to_choose_one(qtbot, main_window):
    _show_active(qtbot, main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert main_window.pages.currentWidget() is main_window.clients_page
    assert "Choose a client first" in main_window.statusBar().currentMessage()
    assert QApplication.activeModalWidget() is None


def test_ctrl_b_backs_up_now_from_the_file_menu(qtbot, main_window):
    _show_active(qtbot, main_window)
    assert main_window.backup_action.shortcut() == QKeySequence("Ctrl+B")
    with qtbot.waitSignal(main_window.backup_requested, timeout=1000):
        qtbot.keyClick(main_window, Qt.Key.Key_B, CTRL)


def _edit_state(main_window) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    edit = main_window.key_menus.edit
    edit.menu.aboutToShow.emit()  # as when the menu opens
    return {name: action.isEnabled() for name, action in edit.actions.items()}


def test_the_edit_menu_acts_on_the_focused_field_and_is_off_elsewhere(qtbot, main_window):
    # Given the Clients page with the first-name field typed in
    _show_active(qtbot, main_window)
    main_window.show_page(main_window.clients_page)
    form = main_window.clients_page.workspace.form
    main_window.clients_page.workspace.setCurrentWidget(form)
    QGuiApplication.clipboard().clear()
    form.first_name.setFocus()
    qtbot.waitUntil(form.first_name.hasFocus)
    qtbot.keyClicks(form.first_name, "Marisol")
    # Then Undo and Select all can act, Copy and Paste cannot (nothing selected, empty clipboard)
    state = _edit_state(main_window)
    assert state == {
        "undo": True,
        "redo": False,
        "cut": False,
        "copy": False,
        "paste": False,
        "select_all": True,
    }
    # When the therapist uses Edit → Select all, then Edit → Copy
    main_window.key_menus.edit.actions["select_all"].trigger()
    assert _edit_state(main_window)["copy"]
    main_window.key_menus.edit.actions["copy"].trigger()
    assert QGuiApplication.clipboard().text() == "Marisol"
    # and Edit → Paste in the (multi-line) notes field
    form.notes.setFocus()
    qtbot.waitUntil(form.notes.hasFocus)
    assert _edit_state(main_window)["paste"]
    main_window.key_menus.edit.actions["paste"].trigger()
    assert form.notes.toPlainText() == "Marisol"
    # And with the focus in the client table, no Edit command is on
    table = main_window.clients_page.client_list.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert not any(_edit_state(main_window).values())
    # The menu shows each command's shortcut
    copy = main_window.key_menus.edit.actions["copy"]
    assert copy.shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)
    assert isinstance(form.notes, QPlainTextEdit) and form.notes.tabChangesFocus()
