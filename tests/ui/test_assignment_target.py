"""The Assign dialog's target behaviour: shown for templates that print one, saved on
the assignment and printed after the template's label at the top of the sheet."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader
from PySide6.QtCore import Qt

from practice.domain.vocabulary import LiteracyLevel
from practice.services import clients, homework, printing
from practice.services.clients import ClientInput
from practice.sheets.templates import load_templates
from practice.ui.assignment_dialog import open_assignment_dialog
from practice.ui.widgets import set_combo_value

LEFT = Qt.MouseButton.LeftButton
LIBRARY = load_templates()


def pdf_text(data: bytes) -> str:
    return " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages
    )


def test_target_typed_in_the_dialog_is_printed_after_the_label(qtbot, db):
    # Given the Assign dialog for a client, on the ABC record at standard level
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Teo", last_name="Ejemplo")).id
    dialog = open_assignment_dialog(None, db, LIBRARY, client)  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    set_combo_value(dialog.form.template, "mood_log")
    hidden_for_mood_log = not dialog.form.target.isVisible()
    set_combo_value(dialog.form.template, "abc_record")
    set_combo_value(dialog.form.level, LiteracyLevel.STANDARD)
    # When the therapist types the target behaviour and clicks Assign
    assert dialog.form.target.isVisible()
    qtbot.keyClicks(dialog.form.target, "Shouting at my son")
    qtbot.mouseClick(dialog.save_button, LEFT)
    # Then the assignment keeps it, and the printed sheet shows it after the label
    assert hidden_for_mood_log
    assert dialog.result_view is not None
    assert dialog.result_view.target == "Shouting at my son"
    with db.session() as s:
        pdf = printing.sheet_for_assignment(s, dialog.result_view.id, templates=LIBRARY)
    text = pdf_text(pdf)
    assert "The behaviour we are looking at: Shouting at my son" in text
    assert "From your therapist" not in text


def test_old_assignment_without_target_falls_back_to_the_first_instruction_line(db):
    # Given an ABC assignment saved before targets existed: its target is in the
    # first line of the therapist's instructions
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Ivo", last_name="Ejemplo")).id
        data = homework.defaults_for(s, client, "abc_record", templates=LIBRARY)
        data = replace(
            data,
            level=LiteracyLevel.STANDARD,
            instructions="Leaving the room\nWrite it down the same day.",
        )
        view = homework.assign(s, client, data)
        # When its sheet is printed
        pdf = printing.sheet_for_assignment(s, view.id, templates=LIBRARY)
    # Then the first line is the target and the rest is the therapist's box
    text = pdf_text(pdf)
    assert view.target is None
    assert "The behaviour we are looking at: Leaving the room" in text
    assert "Write it down the same day." in text
