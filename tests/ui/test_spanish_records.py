"""The client's records in Spanish, clicked through: the profile form (and what it says
when something is wrong), the Sessions tab, the Prep page, the conditional-sessions
dialog, the assignment dialog and the audit trail. What the widgets show is read back:
Spanish words, and none of the English sentences these pages are written in."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from html import unescape
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from tests.ui._translations import translation_tools

from practice.domain.inputs import NoteInput
from practice.domain.vocabulary import AppointmentStatus, NoteFormat
from practice.services import appointments, clients, notes
from practice.services.clients import ClientInput
from practice.services.demo import seed_demo
from practice.sheets.templates import load_templates

ROOT = Path(__file__).resolve().parents[2]
DEMO_TODAY = date(2025, 3, 12)
LEFT = Qt.MouseButton.LeftButton
# The contexts of the pages checked here (their classes, and prep_sections' functions)
CONTEXTS = {
    "AppointmentTableModel", "AssignmentDialog", "AssignmentForm", "AuditPage",
    "AuditTableModel", "ClientForm", "ClientSessionsTab", "ConditionalDialog", "DayPicker",
    "PrepPage", "prep_sections",
}  # fmt: skip


def _english_sentences() -> list[str]:
    """The English of these pages, cut at the values put in: every piece of two words
    or more whose Spanish differs (a piece left in English would show up whole)."""
    tools = translation_tools()
    pieces: set[str] = set()
    for message in tools.read(tools.TS):
        if message.context not in CONTEXTS or message.source in message.translations:
            continue
        for piece in re.split(r"\{[a-z_]+\}|%n|<[^>]*>|\n", message.source):
            piece = piece.strip(" .,;:()—·")
            if len(re.findall(r"[A-Za-z]{2,}", piece)) >= 2:
                pieces.add(piece)
    return sorted(pieces)


ENGLISH = _english_sentences()


def _action_words() -> set[str]:
    from practice.ui.audit_page import ACTION_WORDS

    return {str(word) for word in ACTION_WORDS.values()}


# The audit filter's action words name things the domain names too ("Reminder card"):
# they are looked for on the audit page only.
ACTIONS = _action_words()


def shown(root: QWidget, skip: tuple[QWidget, ...] = ()) -> str:
    """Everything ``root`` shows: labels, buttons and their tips, titles, placeholders,
    drop-down items, text views, table headers; HTML as the words it shows. Widgets in
    ``skip`` (and theirs) are left out."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if any(widget is s or s.isAncestorOf(widget) for s in skip):
            continue
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts += [widget.text(), widget.toolTip()]
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractSpinBox):
            texts += [widget.text(), widget.specialValueText()]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(model.columnCount())
            ]
    return unescape(re.sub(r"<[^>]*>", " ", "\n".join(texts)))


def assert_no_english(
    root: QWidget, *, actions: bool = False, skip: tuple[QWidget, ...] = ()
) -> None:
    """No English sentence of these pages in what ``root`` shows; ``skip``: widgets
    that show the words of the layers below (translated where those are marked) or of
    another page's widget."""
    text = " ".join(shown(root, skip).split())
    left = [s for s in ENGLISH if s in text and (actions or s not in ACTIONS)]
    assert not left, f"English left on screen: {left}"


def test_the_check_finds_english_these_pages_are_written_in(qtbot: object) -> None:
    # Given the English of these pages (read from the translation source)
    assert "Sheets and reminders" in ENGLISH and "SUGGESTED NEXT STEP" in ENGLISH
    # Then a widget in English is caught, one in Spanish passes
    english = QLabel("<b>Sheets and reminders</b>")
    with pytest.raises(AssertionError, match="Sheets and reminders"):
        assert_no_english(english)
    assert_no_english(QLabel("<b>Hojas y recordatorios</b>"))


# ---- the client's profile ---------------------------------------------------------------


def test_the_profile_form_speaks_spanish_and_says_what_is_wrong(spanish, qtbot, db, templates):
    from practice.ui.main_window import MainWindow

    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    # When the therapist starts a new client
    window.show_page(window.clients_page)
    qtbot.mouseClick(window.clients_page.client_list.new_button, LEFT)
    form = window.clients_page.workspace.form
    # Then the form is in Spanish
    assert form.heading.text() == "Nuevo cliente"
    assert form.save_button.text() == "Guardar"
    assert "Hojas y recordatorios" in shown(form) and "Fecha de nacimiento" in shown(form)
    assert form.birth_picker.text() == "Calendario…"
    assert form.stage_of_change.itemText(0) == "Aún sin evaluar"
    # When a birth date is typed the wrong way and the reason for "cannot postpone" is
    # left out, and Save is clicked
    qtbot.keyClicks(form.first_name, "Rocio")  # QTest types ASCII only
    qtbot.keyClicks(form.last_name, "Ejemplo")
    qtbot.keyClicks(form.birth_date, "el martes")
    qtbot.mouseClick(form.cannot_postpone, LEFT)
    qtbot.mouseClick(form.save_button, LEFT)
    # Then each field says what is wrong, in Spanish, and nothing is saved
    assert form._errors["birth_date"].text() == (
        "Escribe la fecha de nacimiento como un día, por ejemplo 4 mar 1980 (o AAAA-MM-DD)."
    )
    assert form._errors["cannot_postpone_reason"].text() == (
        "Explica brevemente por qué no se puede posponer el tratamiento."
    )
    assert form.form_message.text() == "Corrige los campos marcados arriba; no se guardó nada."
    with db.session() as s:
        assert clients.list_rows(s) == []
    assert_no_english(form)
    # When it is put right and saved
    form.birth_date.clear()
    qtbot.keyClicks(form.cannot_postpone_reason, "Crisis reciente")
    qtbot.mouseClick(form.save_button, LEFT)
    # Then the saved client's status and buttons are in Spanish too
    assert form.heading.text() == "Ejemplo, Rocio"
    assert form.status_label.text().startswith("Estado: <b>")
    assert form.discharge_button.text() == "Dar de alta…"
    assert_no_english(form, skip=(form.risk_flag,))


# ---- the Sessions tab ---------------------------------------------------------------------


def _local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


@pytest.fixture
def sessions(spanish, qtbot, db):  # type: ignore[no-untyped-def]
    """Marisol: last week's session with a signed note, yesterday's with a draft one."""
    from practice.ui.client_sessions import ClientSessionsTab

    today = date.today()
    with db.session() as s:
        client_id = clients.create(s, ClientInput(first_name="Marisol", last_name="Quintero")).id
        ids = {}
        for name, days in (("signed", -7), ("draft", -1)):
            ids[name] = appointments.schedule(
                s, client_id, _local(today + timedelta(days), 11)
            ).appointment.id
            appointments.mark(s, ids[name], AppointmentStatus.ATTENDED)
            note = notes.save_note(
                s,
                ids[name],
                NoteInput(format=NoteFormat.SOAP, sections={"Subjective": f"The {name} note."}),
            )
            ids[f"{name}_note"] = note.id
        notes.sign(s, ids["signed_note"])
    tab = ClientSessionsTab(db)
    qtbot.addWidget(tab)
    tab.resize(1000, 650)
    tab.show()
    tab.show_client(client_id)
    return tab, ids


def _click_row(qtbot, tab, appointment_id: int) -> None:  # type: ignore[no-untyped-def]
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).id == appointment_id)
    cell = tab.table.visualRect(tab.model.index(row, 0)).center()
    qtbot.mouseClick(tab.table.viewport(), LEFT, pos=cell)
    assert tab.selected().id == appointment_id


def test_the_sessions_tab_speaks_spanish(qtbot, sessions):
    tab, ids = sessions
    # Then the table's columns and the buttons are in Spanish
    headers = [
        tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())
    ]
    assert headers == ["Fecha y hora", "Duración", "Estado", "Nota"]
    assert tab.sign_button.text() == "Firmar nota" and tab.amend_button.text() == "Enmendar…"
    assert "Marcar como:" in shown(tab)
    # When the draft note is clicked
    _click_row(qtbot, tab, ids["draft"])
    # Then the note says it is a draft, and the table says so in its row
    assert "Borrador — aún sin firmar" in tab.note_view.toPlainText()
    assert tab.model.index(0, 3).data().endswith("(borrador)") or tab.model.index(
        1, 3
    ).data().endswith("(borrador)")
    assert tab.amend_button.toolTip() == (
        "Aún sin firmar: cámbiala con Empezar sesión, o fírmala primero."
    )
    assert_no_english(tab)
    # When the signed one is clicked
    _click_row(qtbot, tab, ids["signed"])
    # Then Sign says why not, in Spanish
    assert tab.sign_button.toolTip().startswith("Ya se firmó el ")
    assert "Firmada el " in tab.note_view.toPlainText()
    assert_no_english(tab)


# ---- the Prep page and conditional sessions ---------------------------------------------------


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return seed_demo(s, today=DEMO_TODAY)


def test_the_prep_page_and_its_conditional_sessions_speak_spanish(spanish, qtbot, db, demo):
    from practice.ui.conditional_dialog import ConditionalDialog
    from practice.ui.prep_page import PrepPage

    view = PrepPage(db, today=DEMO_TODAY)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    assert view.placeholder.text() == "Elige un cliente para preparar su próxima sesión."
    # When the prep of the client who cannot postpone treatment is opened
    view.show_client(demo.cannot_postpone_id)
    # Then its headings, badge, buttons and the story's own words are in Spanish
    page = shown(view)
    for words in ("PRÓXIMO PASO SUGERIDO", "Tareas semana a semana", "Agenda"):
        assert words in page
    assert view.cannot_postpone_badge.text() == "⚠ No puede posponer el tratamiento"
    assert view.start_button.text() == "Empezar sesión"
    assert "Próxima sesión: " in view.details_label.text() or view.start_button.toolTip() == (
        "No hay ninguna sesión programada."
    )
    assert view.weeks_combo.currentText() == "Últimas 12 semanas"
    assert "Últimas 12 semanas: cumplimiento medio" in view.summary_label.text()
    assert "Por qué:" in view.suggestion_label.text()  # the story's own words: the domain's
    assert_no_english(view, skip=(view.suggestion_label,))
    # When another span of weeks is chosen with the keyboard
    qtbot.keyClick(view.weeks_combo, Qt.Key.Key_Down)
    # Then the figures say it in Spanish
    assert view.weeks_combo.currentText() == "Últimas 26 semanas"
    assert "Últimas 26 semanas: cumplimiento medio" in view.summary_label.text()
    # When "Conditional sessions…" is clicked
    assert view.conditional_button.text() == "Sesiones condicionales…"
    qtbot.mouseClick(view.conditional_button, LEFT)
    dialog = view.findChild(ConditionalDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    # Then the dialog refuses in Spanish until an override is written
    assert dialog.windowTitle().startswith("Sesiones condicionales — ")
    assert "Rechazado salvo excepción." in dialog.refusal_label.text()
    assert dialog.tried_heading.text().startswith("Lo que se ha probado (")
    assert dialog.confirm_button.text() == "Activar sesiones condicionales"
    qtbot.keyClicks(dialog.reason_edit, "Lo acordamos por cuatro semanas.")
    assert dialog.override_hint.text() == "Al motivo de la excepción le faltan 15 caracteres."
    qtbot.keyClicks(dialog.override_edit, "riesgo bajo co")
    assert dialog.override_hint.text() == "Al motivo de la excepción le falta 1 carácter."
    assert dialog.confirm_button.toolTip() == (
        "Primero se necesita un motivo escrito para la excepción."
    )
    domain = (dialog.ladder_label, dialog.warnings_label)  # the ladder's own words
    assert_no_english(dialog, skip=domain)
    dialog.guard.mark_clean()
    dialog.done(0)


# ---- the assignment dialog ----------------------------------------------------------------


def test_the_assignment_dialog_speaks_spanish_and_says_what_is_wrong(spanish, qtbot, db):
    from practice.ui.assignment_dialog import open_assignment_dialog

    library = load_templates()
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Ana", last_name="Ejemplo")).id
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = open_assignment_dialog(parent, db, library, client)
    assert dialog is not None
    dialog.show()
    qtbot.waitExposed(dialog)
    # Then it is in Spanish: title, groups, buttons, the level list's hint
    assert dialog.windowTitle() == "Asignar tarea"
    assert dialog.save_button.text() == "Asignar"
    text = shown(dialog)
    for words in ("Plan de recordatorios", "Para el cliente (impreso en la hoja)", "En la sesión"):
        assert words in text
    assert dialog.form.texts_hint.text() == (
        "Los textos siguen la plantilla en este nivel e idioma."
    )
    assert_no_english(dialog, skip=(dialog.form.template,))  # the templates' own names
    # When the instructions are edited, the hint says they are kept
    qtbot.keyClicks(dialog.form.instructions, " Y otra vez.")
    assert dialog.form.texts_hint.text() == (
        "Tus cambios se conservan si cambias la plantilla, el nivel o el idioma: instrucciones."
    )
    # When a reminder time is typed the wrong way and Assign is clicked
    while not dialog.form.reminder_time.isEnabled():
        qtbot.keyClick(dialog.form.reminder_channel, Qt.Key.Key_Down)
    dialog.form.reminder_time.clear()
    qtbot.keyClicks(dialog.form.reminder_time, "25 horas")
    qtbot.mouseClick(dialog.save_button, LEFT)
    # Then the field and the dialog say what is wrong, in Spanish; nothing is saved
    assert dialog.form._errors["reminder_time"].text() == (
        "Escribe la hora del recordatorio como HH:MM (24 horas)."
    )
    assert dialog.message.text().startswith(
        "Corrige los campos marcados en rojo; no se guardó nada."
    )
    assert dialog.result_view is None
    assert_no_english(dialog, skip=(dialog.form.template,))
    dialog.guard.mark_clean()
    dialog.done(0)


# ---- the audit trail --------------------------------------------------------------------


@pytest.fixture
def audit_page(spanish, qtbot, db, demo) -> Iterator[QWidget]:  # type: ignore[no-untyped-def]
    from practice.ui.audit_page import AuditPage

    page = AuditPage(db)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    yield page


def test_the_audit_trail_speaks_spanish(qtbot, audit_page):
    page = audit_page
    # Then the columns, filters and buttons are in Spanish
    headers = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    assert headers == [
        "Cuándo",
        "Registro",
        "N.º",
        "Qué pasó",
        "Computadora",
        "Usuario",
        "Detalles",
    ]
    assert page.entity.itemText(0) == "Todos los registros"
    assert page.action.itemText(0) == "Todas las acciones"
    assert "Crear" in [page.action.itemText(i) for i in range(page.action.count())]
    assert page.since.specialValueText() == "cualquier día"
    assert re.fullmatch(r"Eventos mostrados: \d+ de \d+", page.count_label.text())
    domain = (page.entity, page.table)  # records and sentences: the domain's words
    assert_no_english(page, actions=True, skip=domain)
    # When the chain is verified
    qtbot.mouseClick(page.verify_button, LEFT)
    # Then the verdict is in Spanish, with the count in words that agree
    assert page.verify_label.text().startswith("✓ Cadena verificada: todos los eventos están")
    assert re.search(r"\(\d+ eventos revisados, a las ", page.verify_label.text())
    # When the filters are cleared with the button
    clear = next(b for b in page.findChildren(QAbstractButton) if b.text() == "Quitar filtros")
    qtbot.mouseClick(clear, LEFT)
    assert page.entity.currentIndex() == 0 and page.action.currentIndex() == 0
    assert_no_english(page, actions=True, skip=domain)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_profile_form_needs_no_sideways_scrolling_on_a_small_screen(
    language, request, qtbot, db
):
    from practice.ui.client_form import ClientForm

    if language == "es":
        request.getfixturevalue("spanish")  # Spanish is 20-30 % longer
    # Given the profile form as wide as a 1024x600 screen (two columns side by side)
    form = ClientForm(db)
    qtbot.addWidget(form)
    form.resize(1024, 600)
    form.show()
    qtbot.waitExposed(form)
    # Then every field fits across: only the height scrolls
    assert form.scroll_area.horizontalScrollBar().maximum() == 0
    assert form.columns.direction() == form.columns.Direction.LeftToRight
