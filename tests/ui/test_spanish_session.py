"""The session panel, the Homework tab and the adherence strip speak Spanish.

A whole session is run through the panel in Spanish with clicks and keys (started
from the appointment in the client's Sessions tab): at every step the words read
from the widgets are Spanish, and no English phrase of the panel's own files is
left on screen. The English phrases are read from the translation source
(``resources/translations/practice_es.ts``), so a word added to these files in
English only shows up here.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import date
from enum import Enum

import pytest
from _homework_data import answer_running, click, last_week_homework
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextBrowser,
    QToolTip,
    QWidget,
)

from practice.domain import vocabulary
from practice.domain.vocabulary import NoteFormat, ResistanceKind, StageOfChange
from practice.services.demo import seed_demo
from practice.ui import i18n

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
# The translation contexts of the session panel's files (ui/session_panel.py,
# ui/session_steps, ui/wording.py, ui/running_homework.py, ui/homework_tab.py,
# ui/homework_text.py, ui/adherence_text.py, ui/adherence_strip.py, ui/trend_chart.py)
CONTEXTS = {
    "SessionPanel", "ReviewStep", "ReviewForm", "NoteStep", "ResistanceStep", "AssignStep",
    "AssignmentCard", "DoneStep", "HandoverRow", "RunningQuestion", "AmendNoteDialog",
    "HomeworkTab", "homework_text", "adherence_text", "AdherenceStrip", "TrendChart", "wording",
}  # fmt: skip
_MARKUP = re.compile(r"<[^>]*>|\{[^}]*\}|%n|\n")
_PHRASE = re.compile(r"[a-z]{3,} [a-z]{2,}")


def english_phrases() -> set[str]:
    """Phrases of two English words or more from the files above (not keys, not names)."""
    tree = ET.parse(i18n.translations_folder() / "practice_es.ts")
    phrases: set[str] = set()
    for context in tree.getroot().iter("context"):
        if context.findtext("name") not in CONTEXTS:
            continue
        for message in context.iter("message"):
            source = html.unescape(message.findtext("source") or "")
            for part in _MARKUP.split(source):
                part = part.strip(" .,:;()—·*?")
                if _PHRASE.search(part.lower()):
                    phrases.add(part)
    # Words of the domain (kinds of resistance, stances) come translated by its own
    # marks; a phrase of ours found inside one of them ("not done") says nothing here.
    domain = list(vocabulary.COMPLETION_ANCHORS.values())
    for kind in vars(vocabulary).values():
        if isinstance(kind, type) and issubclass(kind, Enum):
            for member in kind:
                for name in ("label", "stance", "fitting_homework"):
                    value = getattr(member, name, None)
                    if isinstance(value, str):
                        domain.append(value)
    return {p for p in phrases if not any(p in words for words in domain)}


def shown_text(root: QWidget) -> str:
    """Every word the therapist can see in ``root`` now: labels, buttons, titles, lists,
    placeholders and tooltips of the visible widgets."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel):
            texts.append(re.sub(r"<[^>]*>", "", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTextBrowser):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
            texts += [widget.item(i).toolTip() for i in range(widget.count())]
    return html.unescape("\n".join(texts))


def english_left(root: QWidget, phrases: set[str]) -> list[str]:
    shown = shown_text(root)
    return sorted(p for p in phrases if p in shown)


def _start_from_the_appointment(qtbot, window, appointment_id: int):  # type: ignore[no-untyped-def]
    """Lucía in the client list -> Sessions tab -> the appointment -> Start session."""
    page = window.clients_page
    window.show_page(page)
    page.refresh()
    proxy, table = page.client_list.proxy, page.client_list.table
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Ficticia, Lucía")
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualRect(proxy.index(row, 0)).center())
    workspace = page.workspace
    tab_bar = workspace.tabBar()
    qtbot.mouseClick(
        tab_bar, LEFT, pos=tab_bar.tabRect(workspace.indexOf(workspace.sessions)).center()
    )
    sessions = workspace.sessions
    row = next(
        r for r in range(sessions.model.rowCount()) if sessions.model.row_at(r).id == appointment_id
    )
    cell = sessions.table.visualRect(sessions.model.index(row, 0)).center()
    qtbot.mouseClick(sessions.table.viewport(), LEFT, pos=cell)
    qtbot.mouseClick(sessions.start_button, LEFT)
    panel = window.session_panels[appointment_id]
    qtbot.waitExposed(panel)
    return panel


def test_a_whole_session_in_spanish(qtbot, spanish, main_window, db):  # type: ignore[no-untyped-def]
    phrases = english_phrases()
    assert "Not reviewed this session" in phrases and "Homework that fits" in phrases
    data = last_week_homework(db)
    panel = _start_from_the_appointment(qtbot, main_window, data.today)
    panel.windowHandle().requestActivate()  # the keys go to the panel
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)

    # Review: the panel, its steps and the review form in Spanish
    assert panel.windowTitle().startswith("Sesión con Lucía Ficticia") or (
        panel.windowTitle().startswith("Sesión con ")
    )
    steps = [panel.step_list.item(i).text() for i in range(panel.step_list.count())]
    assert steps == [
        "1   Revisar tareas",
        "2   Nota de la sesión",
        "3   Resistencia y etapa",
        "4   Asignar tarea",
        "5   Medidas",
        "6   Listo",
    ]
    assert panel.next_button.text() == "Siguiente  (Alt+N)"
    assert panel.save_button.text() == "Guardar borrador  (Ctrl+S)"
    [form] = panel.review_step.forms
    assert form.skip.text() == "No se revisa en esta sesión"
    assert (form.brought_yes.text(), form.brought_no.text()) == ("Sí", "No")
    assert "¿Cómo le fue con la tarea?" in shown_text(panel)
    assert english_left(panel, phrases) == []
    # Next before "Brought the record" is answered says so, in Spanish
    qtbot.mouseClick(panel.next_button, LEFT)
    assert panel.status.text().startswith("Elige Sí o No en «Trajo el registro»")
    click(qtbot, form.brought_yes)
    click(qtbot, form.completion.button(1))
    qtbot.keyClick(panel, Qt.Key.Key_Return, CTRL)

    # Note: SOAP with the sections a Latin-American clinician reads
    note = panel.note_step
    assert panel.stack.currentWidget() is note
    assert note.current_format is NoteFormat.SOAP
    labels = [w.text() for w in note.findChildren(QLabel) if w.isVisibleTo(note)]
    assert [t for t in labels if t in ("Subjetivo", "Objetivo", "Evaluación", "Plan")] == [
        "Subjetivo",
        "Objetivo",
        "Evaluación",
        "Plan",
    ]
    assert note.format.itemText(0) == "Texto libre"
    assert "SOAP  (Subjetivo, Objetivo, Evaluación, Plan)" in shown_text(note)
    assert "BIRP  (Conducta, Intervención, Respuesta, Plan)" in shown_text(note)
    assert "Para retomar en la próxima sesión" in shown_text(note)
    assert note.sign.text() == "Firmar y bloquear la nota al terminar la sesión"
    assert english_left(panel, phrases) == []
    qtbot.keyClicks(note.section_edits["Subjective"], "Trajo la hoja a medias.")
    qtbot.keyClicks(note.plan, "Preguntar por sus dudas.")
    qtbot.mouseClick(panel.next_button, LEFT)

    # Resistance and stage
    res = panel.resistance_step
    assert panel.stack.currentWidget() is res
    assert [b.title() for b in res.findChildren(QGroupBox) if b.title()] == [
        "Actitud",
        "Conducta",
        "Cognición",
    ]
    assert res.stage.itemText(0) == "Sin evaluar en esta sesión"
    assert res.stance.text() == "Elige la etapa para ver la postura recomendada."
    res.stage.setCurrentIndex(res.stage.findData(StageOfChange.CONTEMPLATION))
    assert res.stance.text().startswith("<b>Postura:</b>")
    assert "Marcado la vez pasada: plantéalo abiertamente hoy" in shown_text(res)
    age = res.rows[ResistanceKind.DOUBTS_AGE]
    assert age.raise_next.text() == "Plantearlo la próxima sesión"
    click(qtbot, age.observed)
    click(qtbot, age.raise_next)
    assert english_left(panel, phrases) == []
    qtbot.mouseClick(panel.next_button, LEFT)

    # Assign: a new mood log (running already: the question is asked on Finish)
    assign = panel.assign_step
    assert panel.stack.currentWidget() is assign
    assert assign.add_button.text() == "Agregar tarea  (Alt+A)"
    assert assign.stage_hint.text().startswith("Etapa de cambio: <b>")
    qtbot.keyClick(panel, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    [card] = assign.cards
    assert card.heading.text() == "Tarea nueva 1"
    assert card.remove_button.text() == "Quitar"
    assert english_left(assign, phrases) == []
    qtbot.mouseClick(panel.next_button, LEFT)

    # Measures: the PHQ-9's validated Spanish wording, the score and the item-9 prompt
    measures = panel.measures_step
    assert panel.stack.currentWidget() is measures
    first = measures.phq9.rows[0]
    assert first.buttons[1].text() == "1  Varios días"
    click(qtbot, first.buttons[2])
    assert measures.phq9.score_label.text() == (
        "Demasiadas preguntas sin responder: quedan 8 — pregunta por las preguntas "
        "2, 3, 4, 5, 6, 7, 8, 9"
    )
    assert measures.phq9.risk_prompt.text() == "Pregunta 9 sin responder: pregúntala"
    qtbot.mouseClick(first.clear_button, LEFT)
    assert measures.phq9.score_label.text() == "No se tomó en esta sesión."
    assert english_left(measures, phrases) == []
    qtbot.mouseClick(panel.next_button, LEFT)

    # Done: the summary says what will be saved, in Spanish
    done = panel.done_step
    assert panel.stack.currentWidget() is done
    summary = done.summary.toPlainText()
    for words in (
        "La cita quedará marcada como asistida.",
        "Tareas revisadas",
        "lo trajo, cumplimiento 1",
        "Nota de la sesión",
        "Nota SOAP:",
        "Subjetivo: Trajo la hoja a medias.",
        "Para retomar en la próxima sesión: Preguntar por sus dudas.",
        "La nota quedará como borrador (sin firmar).",
        "Etapa y resistencia",
        "(actitud)",
        "plantearlo en la próxima sesión",
        "Tareas nuevas",
    ):
        assert words in summary, words
    assert done.title_label.text() == "Lo que se va a guardar"
    assert panel.next_button.text() == "Terminar sesión  (Ctrl+Enter)"
    assert english_left(panel, phrases) == []

    # Finish: the running-homework question in Spanish, then the handover
    seen: list[str] = []
    answer_running(qtbot, "Mantener ambas", seen)
    qtbot.mouseClick(panel.next_button, LEFT)
    assert seen and seen[0].startswith("¿Reemplazar la tarea en curso")
    assert panel.handed_over
    assert done.title_label.text() == "Guardado — entrega la tarea"
    assert done.rows[0].print_button.text() == "Imprimir…"
    assert panel.next_button.text() == "Cerrar"
    assert panel.status.text() == "La sesión está guardada."
    # the handover's Spanish buttons fit a 1024-pixel-wide screen beside the title
    assert panel.minimumSizeHint().width() <= 1024 - 48
    assert english_left(panel, phrases) == []
    qtbot.mouseClick(panel.next_button, LEFT)
    assert data.today not in main_window.session_panels

    # The Homework tab shows the new and the reviewed homework in Spanish
    workspace = main_window.clients_page.workspace
    tab = workspace.homework
    qtbot.mouseClick(
        workspace.tabBar(), LEFT, pos=workspace.tabBar().tabRect(workspace.indexOf(tab)).center()
    )
    headers = [tab.model.horizontalHeaderItem(i).text() for i in range(tab.model.columnCount())]
    assert headers == [
        "Tarea",
        "Estado",
        "Código",
        "Nivel",
        "Asignada",
        "Entrega",
        "Última revisión",
    ]
    assert tab.assign_button.text() == "Asignar…" and tab.drop_button.text() == "Abandonar…"
    assert {tab.model.item(r, 1).text() for r in range(tab.model.rowCount())} == {"Activa"}
    mood = next(
        r for r in range(tab.model.rowCount()) if tab.model.item(r, 0).child(0, 0) is not None
    )
    review = tab.model.item(mood, 0).child(0, 0)
    assert "lo trajo" in review.text() and "cumplimiento 1" in review.text()
    tab.tree.setCurrentIndex(review.index())
    details = tab.details.toPlainText()
    assert "Trajo el registro" in details and "Valoración del cliente" in details
    tab.tree.setCurrentIndex(tab.model.index(mood, 0))
    details = tab.details.toPlainText()
    assert "Estado" in details and "Forma de registrar" in details
    assert "Revisiones (la más reciente primero)" in details
    assert english_left(tab, phrases) == []


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return seed_demo(s, today=date(2025, 3, 12))


def test_the_adherence_strip_says_its_weeks_and_its_key_in_spanish(qtbot, spanish, db, demo):  # type: ignore[no-untyped-def]
    from practice.ui.prep_page import PrepPage

    page = PrepPage(db, today=date(2025, 3, 12))
    qtbot.addWidget(page)
    page.resize(1024, 600)
    page.show()
    page.show_client(demo.improver_id)
    strip = page.strip
    marks = [c.mark for c in strip.cells]
    # The tooltip of a cancelled week and of a reviewed one, shown by hovering
    cancelled = marks.index("C")
    assert strip.tooltip(cancelled).startswith("Semana del ")
    reviewed = marks.index("4")
    assert "cumplimiento 4" in strip.tooltip(reviewed)
    pos = strip.cell_rect(reviewed).center().toPoint()
    QApplication.sendEvent(strip, QHelpEvent(QEvent.Type.ToolTip, pos, strip.mapToGlobal(pos)))
    assert QToolTip.text() == strip.tooltip(reviewed)
    assert strip.tooltip_at(QPoint(pos.x(), strip.height() - 2)) == ""
    # The key under the strip
    legend = re.sub(r"<[^>]*>|&nbsp;", " ", page.legend.text())
    for words in (
        "cumplimiento (0",
        "sin asistencia",
        "sesiones condicionales activas",
        "esta semana",
    ):
        assert words in legend, words
    assert not [p for p in english_phrases() if p in legend]
    # The trend chart beside it names its two lines in Spanish
    from practice.ui.trend_chart import TrendChart

    chart = page.findChild(TrendChart)
    assert chart is not None
    assert [chart.completion.name(), chart.client.name()] == [
        "Cumplimiento (tu valoración)",
        "Valoración del cliente",
    ]
