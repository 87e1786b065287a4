"""The main window speaks Spanish: its menus, Today, the Agenda, the client list and the
appointment and day-before call dialogs, clicked through as a therapist would, show
Spanish words and no English sentence of theirs (docs/clinical.md is the wording's
background; the words come from ``resources/translations``)."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from tests.ui._unsaved import Answerer

from practice.services.demo import seed_demo

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "practice" / "ui"
FILES = (
    "main_window", "menus", "app_controller", "today_page", "today_rows", "agenda",
    "appointment_dialog", "call_dialog", "notices", "draft_left", "unsaved", "save_guard",
    "risk_flag", "client_list", "client_table", "widgets",
)  # fmt: skip
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP"}
LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def english_fragments() -> set[str]:
    """The English sentences these files put on screen, cut at their ``{values}`` and
    markup: every piece of two words or more (one word may be Spanish too)."""
    fragments: set[str] = set()
    for name in FILES:
        tree = ast.parse((UI / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called not in TRANSLATING:
                continue
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            source = next((t for t in texts[1:] or texts if isinstance(t, str)), None)
            if source is None or source.startswith("ddd"):  # a date format
                continue
            for piece in re.split(r"<[^>]*>|\{[^}]*\}|\n", source):
                piece = piece.replace("&", "").strip(" .,:;—·()?…")
                if len(re.findall(r"[A-Za-z]{2,}", piece)) >= 2:
                    fragments.add(piece)
    return fragments


def plain(text: str) -> str:
    return re.sub(r"<[^>]*>", " ", text).replace("&", "")


def shown_texts(root: QWidget) -> list[str]:
    """Every text a therapist can read in ``root`` now (hidden widgets left out)."""
    texts = [root.windowTitle()]
    for label in root.findChildren(QLabel):
        if label.isVisibleTo(root):
            texts += [plain(label.text()), label.toolTip()]
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root):
            texts += [plain(button.text()), button.toolTip()]
    for box in root.findChildren(QGroupBox):
        if box.isVisibleTo(root):
            texts.append(box.title())
    for bar in root.findChildren(QTabBar):
        if bar.isVisibleTo(root):
            texts += [bar.tabText(i) for i in range(bar.count())]
    for field in root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit):
        if field.isVisibleTo(root):
            texts.append(field.placeholderText())
    for tree in root.findChildren(QTreeWidget):
        if tree.isVisibleTo(root):
            header = tree.headerItem()
            texts += [header.text(c) for c in range(tree.columnCount())]
            for i in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(i)
                texts += [item.text(c) for c in range(tree.columnCount())]
    for listing in root.findChildren(QListWidget):
        if listing.isVisibleTo(root):
            texts += [listing.item(i).text() for i in range(listing.count())]
    for menu in root.findChildren(QMenu):
        texts += [plain(a.text()) for a in menu.actions()]
    return [t for t in texts if t]


def english_left(root: QWidget, fragments: set[str]) -> list[str]:
    return sorted({f for t in shown_texts(root) for f in fragments if f in t})


def _show_active(qtbot: QtBot, widget: QWidget) -> None:
    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


@pytest.fixture
def spanish_window(qtbot, db, templates, spanish):  # type: ignore[no-untyped-def]
    from practice.ui.main_window import MainWindow

    with db.session() as s:
        seed_demo(s, today=date.today())
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    _show_active(qtbot, window)
    return window


def test_the_english_fragments_are_found_in_the_sources() -> None:
    fragments = english_fragments()
    # the walk reads the sentences these files show (else the test below checks nothing)
    assert {"Day-before calls", "Reminders to send today", "Open prep"} <= fragments
    assert "Choose the client for this appointment" in fragments


def test_the_main_window_pages_speak_spanish(qtbot, spanish_window):
    window = spanish_window
    fragments = english_fragments()
    bar = window.menuBar()
    # Then the menu bar is in Spanish, each title with its own access key
    assert [a.text() for a in bar.actions()] == ["&Archivo", "&Editar", "&Ir", "A&yuda"]
    own = [  # the File menu's own commands (import and export come from ui.export_dialogs)
        window.key_menus.new_appointment_action, window.week_sheets_action,
        window.import_sheet_action, window.backup_action, window.restore_action,
        window.backup_folder_action, window.security_action, window.lock_action,
        window.quit_action,
    ]  # fmt: skip
    assert all(a in window.file_menu.actions() for a in own)
    file_keys = [re.search(r"&(\w)", a.text()) for a in own]
    letters = [k.group(1).lower() for k in file_keys if k is not None]
    assert len(letters) == len(own) == len(set(letters)), letters
    edit = [a.text() for a in window.key_menus.edit.actions.values()]
    assert edit == ["&Deshacer", "&Rehacer", "Cor&tar", "&Copiar", "&Pegar", "Seleccionar t&odo"]
    go = window.key_menus.go_menu
    assert [a.text() for a in go.actions()] == ["Hoy", "Clientes", "Agenda", "Qué funciona"]
    assert window.nav.item(0).text() == "Hoy"

    # Given Today, the home page
    today = window.today
    assert window.pages.currentWidget() is today
    assert today.title.text().startswith("Hoy — ")
    assert today.calls_heading.text().startswith("Llamadas del día anterior (")
    assert today.reminders_heading.text().startswith("Recordatorios por enviar")
    assert today.prep_button.text() == "Abrir preparación"
    assert today.session_button.text() in ("Empezar sesión", "Retomar sesión")
    assert re.match(r"\d+ citas? hoy · \d+ mañana · ", today.summary.text())
    assert today.tree.headerItem().text(0) == "Hora"
    assert english_left(window, fragments) == []

    # When the therapist presses Ctrl+3 (Go → Agenda)
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    agenda = window.agenda
    assert window.pages.currentWidget() is agenda
    # Then the agenda's week, buttons and free hours are in Spanish
    assert agenda.title.text().startswith("Semana del ")
    assert agenda.new_button.text() == "Nueva cita…"
    assert agenda.previous_button.text() == "◀ Semana anterior"
    assert "citas esta semana" in agenda.summary.text() or "cita esta" in agenda.summary.text()
    assert english_left(window, fragments) == []

    # When the therapist clicks Clients in the navigation rail
    rect = window.nav.visualItemRect(window.nav.item(1))
    qtbot.mouseClick(window.nav.viewport(), LEFT, pos=rect.center())
    page = window.clients_page
    assert window.pages.currentWidget() is page
    clients = page.client_list
    assert clients.new_button.text() == "Nuevo cliente"
    assert clients.status_filter.currentText() == "Activos"
    assert re.fullmatch(r"\d+ de \d+ clientes?", clients.count_label.text())
    model = clients.table.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nombre"
    tabs = page.workspace
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Preparación", "Perfil", "Sesiones", "Tareas", "Metas", "Medidas",
    ]  # fmt: skip
    # And Ctrl+1 brings Today back
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.pages.currentWidget() is today
    # When the therapist chooses the first appointment and clicks Abrir preparación
    tabs.setCurrentWidget(tabs.form)
    tree = today.tree
    item = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.entry(tree.topLevelItem(i)) is not None
    )
    qtbot.mouseClick(tree.viewport(), LEFT, pos=tree.visualItemRect(item).center())
    qtbot.mouseClick(today.prep_button, LEFT)
    # Then the client opens on the Preparación tab (found by its translated name)
    assert window.pages.currentWidget() is page
    assert tabs.currentWidget() is tabs.prep and tabs.tabText(0) == "Preparación"


def test_the_appointment_dialog_speaks_spanish(qtbot, spanish_window):
    window = spanish_window
    fragments = english_fragments()
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    # When the therapist clicks New appointment… on the Agenda
    qtbot.mouseClick(window.agenda.new_button, LEFT)
    dialog = window.agenda.dialog
    assert dialog is not None and dialog.isVisible()
    # Then its title, fields and buttons are in Spanish
    assert dialog.windowTitle() == "Nueva cita"
    assert dialog.client_box.currentText() == "Elige un cliente…"
    assert dialog.usual_label.text() == "Elige el cliente; se sugiere su día y hora de siempre."
    assert dialog.repeat.text() == "Repetir"
    assert dialog.save_button.text().replace("&", "") == "Guardar"
    # When Save is clicked without a client: the message is in Spanish too
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.message.text() == "Elige el cliente de esta cita."
    assert english_left(dialog, fragments) == []
    # When the therapist changes the length and presses Esc, then keeps editing
    answers = Answerer(qtbot)
    answers.will("Seguir editando")
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Up)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    # Then the question is asked in Spanish, naming the appointment, and the dialog stays
    assert answers.asked == ["Cambiaste esta cita y todavía no guardaste los cambios."]
    assert dialog.isVisible()
    dialog.done(0)


def test_the_day_before_call_dialog_speaks_spanish(qtbot, spanish_window):
    window = spanish_window
    fragments = english_fragments()
    today = window.today
    # Given Today on the first day with a day-before call (the demo's conditional client)
    for _day in range(21):
        if today.call_rows:
            break
        qtbot.mouseClick(today.next_button, LEFT)
    assert today.call_rows, "the demo has a day-before call within three weeks"
    [row, *_] = today.call_rows
    assert row.log_button.text() == "Registrar llamada…"
    assert "Pregunta si hizo" in row.label.text()
    assert english_left(window, fragments) == []
    # When the therapist clicks Log call…
    qtbot.mouseClick(row.log_button, LEFT)
    dialog = today.call_dialog
    assert dialog is not None and dialog.isVisible()
    # Then the dialog says everything in Spanish
    assert dialog.windowTitle().startswith("Llamada del día anterior — ")
    assert dialog.save_button.text() == "Registrar llamada"
    boxes = [b.title() for b in dialog.findChildren(QGroupBox)]
    assert boxes == ["¿Hizo el autorregistro?", "Decisión"]
    outcomes = [b.text() for b in dialog.outcomes.buttons()]
    assert outcomes == ["Hecho", "Hecho en parte", "No hecho", "No contestó"]
    assert dialog.note.placeholderText() == "Nota (opcional): lo que se habló."
    # When "Done" is chosen, the cancel choice says why it is off, in Spanish
    done = dialog.outcomes.buttons()[0]
    qtbot.mouseClick(done, LEFT, pos=QPoint(6, done.height() // 2))
    from practice.domain.vocabulary import CallDecision

    cancel = dialog.button_for(CallDecision.CANCEL)
    assert not cancel.isEnabled()
    assert cancel.toolTip() == "El autorregistro está hecho: mantén la sesión o muévela."
    assert english_left(dialog, fragments) == []
    dialog.done(0)
