"""Words a Spanish-speaking therapist found wrong in the Spanish GUI, read from the real
widgets after real clicks: Today's reminder count, the Prep page's suggestion, note
sections and empty state, the audit trail's records, the saved sheet's file name,
the appointment statuses, and the help's names of menus and buttons (which must be
the GUI's own, in English and in Spanish)."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from html import unescape
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QListWidget,
    QMenu,
    QTabWidget,
    QWidget,
)
from sqlalchemy import select

from practice.db.models import Client, HomeworkAssignment
from practice.domain.inputs import NoteInput
from practice.domain.vocabulary import AppointmentStatus, AssignmentStatus, NoteFormat
from practice.services import appointments, clients, notes
from practice.services.clients import ClientInput
from practice.services.demo import seed_demo

LEFT = Qt.MouseButton.LeftButton
DEMO_TODAY = date(2025, 3, 12)
HELP = Path(__file__).resolve().parents[2] / "resources" / "help"


def _local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


def _plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]*>", " ", html))


# ---- 1. Today: the reminders still to send --------------------------------------------


def test_today_counts_the_reminders_still_to_send_in_spanish(qtbot, spanish, db, templates):
    from practice.ui.main_window import MainWindow

    with db.session() as s:
        seed_demo(s, today=date.today())
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    today = window.today
    cards = today.reminder_cards
    assert len(cards) >= 2
    # Given every card still says "Marcar como enviado"
    assert all(c.sent_button.text() == "Marcar como enviado" for c in cards)
    # Then the heading says how many are left, never that they were sent
    heading = today.reminders_heading.text()
    assert heading == f"Recordatorios por enviar (faltan {len(cards)} de {len(cards)})"
    assert "enviados" not in heading
    # When one is marked sent with a click
    qtbot.mouseClick(today.reminder_cards[0].sent_button, LEFT)
    # Then one fewer is left
    qtbot.waitUntil(
        lambda: (
            today.reminders_heading.text()
            == f"Recordatorios por enviar (faltan {len(cards) - 1} de {len(cards)})"
        )
    )


# ---- 2, 3, 8. The Prep page ------------------------------------------------------------


def test_prep_suggestion_says_completion_in_spanish(qtbot, spanish, db):
    from practice.ui.prep_page import PrepPage

    with db.session() as s:
        seed_demo(s, today=DEMO_TODAY)
        ids = list(s.scalars(select(Client.id)))
    view = PrepPage(db, today=DEMO_TODAY)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    seen = []
    for client_id in ids:
        view.show_client(client_id)
        text = _plain(view.suggestion_label.text())
        seen.append(text)
    found = [t for t in seen if "Cumplimiento en las últimas revisiones" in t]
    # Then the demo's going-well client has the sentence, with Spanish anchors
    assert found, seen
    assert re.search(r"\d de 4 \((la mayoría|todo lo acordado|[^)]+)\)", found[0])
    for text in seen:  # and no English anchor or list is left in any suggestion
        for english in (" of 4", "(most)", "all as agreed", "about half", "started"):
            assert english not in text, text


@pytest.fixture
def noted_client(db):  # type: ignore[no-untyped-def]
    """Marisol: yesterday's attended session with a SOAP note, and a session ahead."""
    today = date.today()
    with db.session() as s:
        client_id = clients.create(s, ClientInput(first_name="Marisol", last_name="Quintero")).id
        past = appointments.schedule(s, client_id, _local(today - timedelta(1), 11))
        appointments.mark(s, past.appointment.id, AppointmentStatus.ATTENDED)
        notes.save_note(
            s,
            past.appointment.id,
            NoteInput(
                format=NoteFormat.SOAP,
                sections={
                    "Subjective": "Dice que durmió mejor.",
                    "Objective": "Tranquila.",
                    "Assessment": "Avanza.",
                    "Plan": "Seguir igual.",
                },
            ),
        )
        ahead = appointments.schedule(s, client_id, _local(today + timedelta(6), 11))
    return client_id, ahead.appointment.id


def test_prep_names_the_last_notes_sections_as_the_note_editor_does(
    qtbot, spanish, db, noted_client
):
    from practice.ui.prep_page import PrepPage

    client_id, _ = noted_client
    view = PrepPage(db)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.show_client(client_id)
    text = _plain(view.note_label.text())
    for spanish_name in ("Subjetivo:", "Objetivo:", "Evaluación:", "Plan:"):
        assert spanish_name in text
    for english in ("Subjective", "Objective", "Assessment"):
        assert english not in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Choose a client to prepare their next session."),
        ("es", "Elige un cliente para preparar su próxima sesión."),
    ],
)
def test_prep_without_a_client_says_its_own_words(language, expected, request, qtbot, db):
    from practice.ui.prep_page import PrepPage

    if language == "es":
        request.getfixturevalue("spanish")
    view = PrepPage(db)
    qtbot.addWidget(view)
    view.show()
    assert view.placeholder.text() == expected
    # not the Homework tab's "history of their homework"
    assert "historia de sus tareas" not in view.placeholder.text()
    assert "homework story" not in view.placeholder.text()


# ---- 4. The audit trail -------------------------------------------------------------------


def test_the_audit_trail_names_every_record_in_spanish_and_says_details_are_as_recorded(
    qtbot, spanish, db
):
    from practice.ui.audit_page import COL_SUMMARY, AuditPage, label

    with db.session() as s:
        seed_demo(s, today=DEMO_TODAY)
    page = AuditPage(db)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    records = [page.entity.itemText(i) for i in range(1, page.entity.count())]
    stored = [page.entity.itemData(i) for i in range(1, page.entity.count())]
    # Then the review's strategies and barriers have Spanish names
    assert "Estrategia probada en una revisión" in records
    assert "Obstáculo anotado en una revisión" in records
    # and no record is left in the English the table name would give
    english = {label(v) for v in stored} - {"Practice"}  # the app's name, in both
    assert not english & set(records), english & set(records)
    # and every action the trail holds has its Spanish word in the Action filter
    actions = {
        page.action.itemData(i): page.action.itemText(i) for i in range(1, page.action.count())
    }
    assert actions and all(shown != label(v) for v, shown in actions.items()), actions
    # When "Estrategia probada" is chosen, its rows say so in the Record column
    qtbot.keyClicks(page.entity, "Estrategia probada")
    assert page.entity.currentText() == "Estrategia probada en una revisión"
    assert page.model.rowCount() >= 1
    assert page.model.index(0, 1).data() == "Estrategia probada en una revisión"
    # And the Details column says once, in its header, that it is the record as written
    tip = page.model.headerData(COL_SUMMARY, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Los detalles tal como se registraron en su momento")


# ---- 5. The saved sheet's file name -------------------------------------------------------


@pytest.mark.parametrize(("title", "stem"), [("Mi semana", "mi-semana"), ("My week", "my-week")])
def test_save_as_pdf_names_the_file_from_the_sheets_own_title(
    title, stem, qtbot, spanish, db, templates, tmp_path, monkeypatch
):
    from practice.ui.sheet_preview import show_sheet_for_assignment

    with db.session() as s:
        seed_demo(s, today=date.today())
        assignment_id, code = s.execute(
            select(HomeworkAssignment.id, HomeworkAssignment.code).where(
                HomeworkAssignment.title == title,
                HomeworkAssignment.status == AssignmentStatus.ACTIVE,
            )
        ).first()
    dialog = show_sheet_for_assignment(db, templates, assignment_id)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled())
    asked: list[str] = []

    def save_as(_parent, _caption, suggested, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(tmp_path / Path(suggested).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    # When Guardar como PDF… is clicked
    qtbot.mouseClick(dialog.save_button, LEFT)
    # Then the file is named from the title the client reads, in the sheet's language
    assert [Path(a).name for a in asked] == [f"{code}-{stem}.pdf"]
    assert (tmp_path / f"{code}-{stem}.pdf").read_bytes()[:5] == b"%PDF-"


def test_a_title_with_accents_and_slashes_makes_a_safe_file_name() -> None:
    from practice.services.printing import title_slug

    assert title_slug("Diario de sueño") == "diario-de-sueño"
    assert title_slug('A/B: "¿qué pasó?"') == "a-b-qué-pasó"
    assert title_slug("///") == ""


# ---- 7. Appointment statuses ----------------------------------------------------------------


def test_an_attended_session_reads_asistida_in_the_column_and_the_sentence(
    qtbot, spanish, db, noted_client
):
    from practice.ui import i18n
    from practice.ui.client_sessions import COL_STATUS, ClientSessionsTab

    client_id, _ = noted_client
    with db.session() as s:  # a session today, so it can be marked
        ahead_id = appointments.schedule(s, client_id, _local(date.today(), 8)).appointment.id
    tab = ClientSessionsTab(db)
    qtbot.addWidget(tab)
    tab.resize(1000, 650)
    tab.show()
    tab.show_client(client_id)
    statuses = {
        tab.model.row_at(r).id: tab.model.index(r, COL_STATUS).data()
        for r in range(tab.model.rowCount())
    }
    assert statuses[ahead_id] == "Programada"
    assert "Asistida" in statuses.values()  # yesterday's
    # When today's is marked with the Asistió button
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).id == ahead_id)
    cell = tab.table.visualRect(tab.model.index(row, 0)).center()
    qtbot.mouseClick(tab.table.viewport(), LEFT, pos=cell)
    qtbot.mouseClick(tab.status_buttons[AppointmentStatus.ATTENDED], LEFT)
    # Then the column says "Asistida", the word the Done step's sentence uses
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).id == ahead_id)
    qtbot.waitUntil(lambda: tab.model.index(row, COL_STATUS).data() == "Asistida")
    sentence = i18n.translated(AppointmentStatus.ATTENDED.in_sentence)
    assert sentence == tab.model.index(row, COL_STATUS).data().lower()
    # and every status reads as a label in the column
    labels = [i18n.translated(s.label) for s in AppointmentStatus]
    assert labels == [
        "Programada", "Asistida", "No asistió", "Cancelada por el cliente",
        "Cancelada por ti", "Cancelada: autorregistro no hecho",
    ]  # fmt: skip


# ---- 9. The help names the GUI's own menus and buttons ----------------------------------------


def _help_names(language: str) -> list[str]:
    """What the help marks as the GUI's words: ``<b class="ui">File → Back up now</b>``."""
    text = (HELP / language / "index.html").read_text(encoding="utf-8")
    return [
        " ".join(unescape(n).split()) for n in re.findall(r'<b class="ui">(.*?)</b>', text, re.S)
    ]


def _gui_words(qtbot, window) -> tuple[set[str], set[str]]:  # type: ignore[no-untyped-def]
    """(menu paths "File → Back up now", every other name a therapist can click)."""
    from practice.ui.about_dialog import AboutDialog
    from practice.ui.session_panel import SessionPanel

    def plain(text: str) -> str:
        return text.replace("&&", "\0").replace("&", "").replace("\0", "&")

    paths: set[str] = set()

    def walk(menu: QMenu, path: list[str]) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, [*path, plain(action.text())])
            elif action.text():
                paths.add(" → ".join([*path, plain(action.text())]))

    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        walk(menu, [plain(top.text())])

    # open a session (its steps), the About box (Copy for support), a reminder card
    page = window.clients_page
    window.show_page(page)
    page.refresh()
    tree = window.today.tree
    names: set[str] = set()
    for i in range(window.nav.count()):
        names.add(window.nav.item(i).text())
    entry = next(
        tree.entry(tree.topLevelItem(i))
        for i in range(tree.topLevelItemCount())
        if tree.entry(tree.topLevelItem(i)) is not None
    )
    window.open_session(entry.appointment.id)
    panels = [w for w in QApplication.topLevelWidgets() if isinstance(w, SessionPanel)]
    assert panels
    about = AboutDialog(window)
    qtbot.addWidget(about)
    roots: list[QWidget] = [window, about, *panels]
    for root in roots:
        for button in root.findChildren(QAbstractButton):
            names.add(plain(button.text()))
        for tabs in root.findChildren(QTabWidget):
            names.update(plain(tabs.tabText(i)) for i in range(tabs.count()))
    for panel in panels:
        for listing in panel.findChildren(QListWidget):
            for i in range(listing.count()):  # "1   Review homework"
                names.add(re.sub(r"^\d+\s+", "", listing.item(i).text()))
    for panel in panels:
        panel.close()
    return paths, names


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_help_names_only_menus_and_buttons_the_gui_has(language, request, qtbot, db, templates):
    from practice.ui.main_window import MainWindow

    if language == "es":
        request.getfixturevalue("spanish")
    with db.session() as s:
        seed_demo(s, today=date.today())
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    paths, names = _gui_words(qtbot, window)
    mentioned = _help_names(language)
    assert len(mentioned) >= 20  # the help marks what it names
    wrong = [m for m in mentioned if (m not in paths if " → " in m else m not in names)]
    assert wrong == [], (wrong, sorted(paths), sorted(names))
    # And the session's steps are named in the panel's order
    order = {
        "en": ["Review homework", "Session note", "Resistance and stage", "Assign homework"],
        "es": ["Revisar tareas", "Nota de la sesión", "Resistencia y etapa", "Asignar tarea"],
    }[language]
    first = mentioned.index(order[0])
    assert mentioned[first : first + 4] == order


# ---- 6. Today names a client's sheet as the sheet itself does -------------------------------


def test_todays_call_names_the_sheet_by_the_title_it_prints_in_its_own_language(
    qtbot, spanish, db, templates
):
    from practice.services import homework, printing
    from practice.ui.main_window import MainWindow

    with db.session() as s:
        seed_demo(s, today=date.today())
    window = MainWindow(db, templates)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    rows = window.today.call_rows
    assert rows
    for row in rows:
        with db.session() as s:
            active = homework.active_for_client(s, row.call.appointment.client_id)
            printed = [printing.sheet_text(templates, a).title for a in active]
        shown = re.findall(r"«([^»]+)»", _plain(row.label.text()))
        # the Spanish GUI quotes each sheet by the title printed on it (English for an
        # English-speaking client: "My week"), not by the template's Spanish name
        assert shown == printed
