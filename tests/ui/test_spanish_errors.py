"""Refused saves and failed writes are said in Spanish when the GUI speaks Spanish.

The services mark their messages (``practice.text``); the GUI's one error path
(``practice.ui.actions``) translates them, the per-field messages of a refused save
as well as its own words for a busy, read-only or full database.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from practice.db.engine import Database, make_engine
from practice.domain.vocabulary import AppointmentStatus, ClientStatus
from practice.services import appointments, clients, notes
from practice.services.clients import ClientInput
from practice.services.demo import seed_demo
from practice.services.errors import ValidationError
from practice.ui.client_form import ClientForm
from practice.ui.i18n import translated

SHOTS = Path("/work/shots/svcwords")


def _shot(widget: Any, name: str) -> None:
    if SHOTS.is_dir():  # only where the screenshots are looked at
        for width, height in ((1366, 768), (1024, 600)):
            widget.resize(width, height)
            widget.grab().save(str(SHOTS / f"{name}-{width}x{height}.png"))


def test_a_refused_amendment_says_why_by_the_field_in_spanish(qtbot, db, spanish):
    from practice.ui.amend_note_dialog import AmendNoteDialog

    # Given a signed note of the demo practice, and its amend dialog in Spanish
    with db.session() as s:
        demo = seed_demo(s, today=date(2025, 3, 12))
    with db.session() as s:
        note = notes.notes_for_client(s, demo.improver_id)[0]
    dialog = AmendNoteDialog(db, note)
    qtbot.addWidget(dialog)
    dialog.show()

    # When the therapist changes the plan but gives no reason, and clicks Save
    qtbot.keyClicks(dialog.plan, " Check the sleep diary first.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    # Then the service's refusal is shown by the reason, in Spanish, and nothing is lost
    assert dialog.errors["reason"].text() == "Una enmienda necesita un motivo."
    assert dialog.errors["reason"].isVisibleTo(dialog)
    assert " Check the sleep diary first." in dialog.plan.toPlainText()
    with db.session() as s:
        assert notes.notes_for_client(s, demo.improver_id)[0].amendments == note.amendments
    _shot(dialog, "amend-refused-es")


def _read_only(db_path: Path) -> Database:
    engine = make_engine(db_path)

    @event.listens_for(engine, "connect")
    def _limit(connection: sqlite3.Connection, _record: Any) -> None:
        connection.execute("PRAGMA query_only = ON")

    return Database(db_path, engine)


def test_a_read_only_database_is_said_in_spanish(qtbot, db_path, message_boxes, spanish):
    # Given a practice file that cannot be written, and the client form in Spanish
    database = _read_only(db_path)
    form = ClientForm(database)
    qtbot.addWidget(form)
    form.show()

    # When the therapist fills in a client and clicks Save
    qtbot.keyClicks(form.first_name, "Mireille")
    qtbot.keyClicks(form.last_name, "Okonkwo")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    # Then one message box says why, and that the form still holds the input, in Spanish
    [(_title, text)] = message_boxes
    assert text == (
        "No se puede escribir en el archivo de la base de datos (el archivo o su carpeta "
        "son de solo lectura), así que este cambio no se guardó. Todo lo guardado antes "
        "está a salvo. Lo que escribiste sigue aquí."
    )
    assert form.first_name.text() == "Mireille"
    database.dispose()


def test_a_message_holding_a_label_is_translated_with_its_label(db, spanish):
    # Given a no-show appointment and a paused client
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Ana", last_name="Prueba"))
        booked = appointments.schedule(s, client.id, start, 50).appointment
        missed = appointments.mark(s, booked.id, AppointmentStatus.NO_SHOW)
        clients.set_status(s, client.id, ClientStatus.PAUSED)
        later = appointments.schedule(s, client.id, start + timedelta(days=9), 50)

    # When the services say why the appointment cannot move, and warn about the client
    problem = appointments.move_problem(missed)
    [warning] = later.warnings

    # Then English reads as before, and the GUI shows both the sentence and the
    # status inside it in Spanish
    assert problem == (
        "This appointment is marked no-show. Undo that first to move it, or schedule a "
        "new appointment."
    )
    assert translated(problem) == (
        "Esta cita está marcada como sin asistencia. Deshaz eso primero para moverla, o "
        "programa una cita nueva."
    )
    assert warning == "This client is paused."
    assert translated(warning) == "Este cliente está en pausa."


def test_a_day_inside_a_message_is_written_in_the_guis_language(db, spanish):
    from practice.ui import dates

    # Given an appointment three days from now
    start = (datetime.now(UTC) + timedelta(days=3)).replace(hour=12, minute=0, microsecond=0)
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Ana", last_name="Prueba"))
        booked = appointments.schedule(s, client.id, start, 50).appointment
        # When it is marked attended before its day
        with pytest.raises(ValidationError) as refused:
            appointments.mark(s, booked.id, AppointmentStatus.ATTENDED)
    refusal = refused.value.errors["status"]

    # Then English keeps its date, and Spanish writes the day as the GUI writes days
    day = start.astimezone().date()
    assert refusal == (
        f"This appointment is on {day:%d %b %Y}; it cannot be marked attended before that day."
    )
    assert translated(refusal) == (
        f"Esta cita es el {dates.day_text(day, year=True)}; no se puede marcar como con "
        "asistencia antes de ese día."
    )
