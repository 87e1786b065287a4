"""Dialogs with editable fields ask before Esc, Cancel or Close throw edits away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import func, select
from tests.ui._unsaved import CANCEL, DISCARD, SAVE, Answerer

from practice.db.models import Appointment, HomeworkAssignment
from practice.services import clients
from practice.services.clients import ClientInput
from practice.sheets.templates import load_templates
from practice.ui.appointment_dialog import AppointmentDialog
from practice.ui.assignment_dialog import open_assignment_dialog
from practice.ui.security_settings import SecuritySettingsDialog

LEFT = Qt.MouseButton.LeftButton


def _client(db) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return clients.create(s, ClientInput(first_name="Lio", last_name="Ejemplo")).id


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _appointment_dialog(qtbot, db) -> AppointmentDialog:  # type: ignore[no-untyped-def]
    dialog = AppointmentDialog(db, _client(db))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_esc_on_an_untouched_appointment_closes_without_asking(qtbot, db):
    dialog = _appointment_dialog(qtbot, db)
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Escape)  # a question would block here
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_esc_after_changing_the_duration_asks_and_each_answer_does_what_it_says(qtbot, db):
    dialog = _appointment_dialog(qtbot, db)
    answers = Answerer(qtbot)
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Up)  # 50 -> 55 min
    assert dialog.duration.value() == 55
    # Keep editing: the dialog stays, with 55 minutes
    answers.will(CANCEL)
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Escape)
    assert answers.asked and "appointment" in answers.asked[0]
    assert dialog.isVisible() and dialog.duration.value() == 55
    # Save schedules it and closes the dialog
    answers.will(SAVE)
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Escape)
    assert len(answers.asked) == 2
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert dialog.result_view is not None and dialog.result_view.duration_minutes == 55
    assert _count(db, Appointment) == 1


def test_discard_closes_the_appointment_dialog_and_schedules_nothing(qtbot, db):
    dialog = _appointment_dialog(qtbot, db)
    answers = Answerer(qtbot)
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Up)
    answers.will(DISCARD)
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Cancel), LEFT)
    assert len(answers.asked) == 1
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert _count(db, Appointment) == 0


def test_homework_typed_in_the_assignment_dialog_is_not_lost_on_esc(qtbot, db):
    dialog = open_assignment_dialog(None, db, load_templates(), _client(db))  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    answers = Answerer(qtbot)
    qtbot.keyClicks(dialog.form.title, " for the mornings")
    answers.will(CANCEL)
    qtbot.keyClick(dialog.form.title, Qt.Key.Key_Escape)
    assert answers.asked and "homework" in answers.asked[0]
    assert dialog.isVisible() and dialog.form.title.text().endswith(" for the mornings")
    answers.will(SAVE)
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert len(answers.asked) == 2 and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _count(db, HomeworkAssignment) == 1


def test_an_untouched_assignment_dialog_closes_without_asking(qtbot, db):
    dialog = open_assignment_dialog(None, db, load_templates(), _client(db))  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert not dialog.isVisible() and _count(db, HomeworkAssignment) == 0


def test_a_typed_new_passphrase_is_not_dropped_by_close(qtbot, db):
    dialog = SecuritySettingsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    answers = Answerer(qtbot)
    qtbot.keyClicks(dialog.new, "four long words here")
    answers.will(CANCEL)
    qtbot.keyClick(dialog.new, Qt.Key.Key_Escape)
    assert answers.asked and dialog.isVisible()
    assert dialog.new.text() == "four long words here"
    answers.will(DISCARD)
    qtbot.keyClick(dialog.new, Qt.Key.Key_Escape)
    assert len(answers.asked) == 2 and not dialog.isVisible()


def test_a_written_reason_for_conditional_sessions_is_not_lost_on_esc(qtbot, db):
    from practice.ui.conditional_dialog import ConditionalDialog

    dialog = ConditionalDialog(db, _client(db))
    qtbot.addWidget(dialog)
    dialog.show()
    answers = Answerer(qtbot)
    qtbot.keyClicks(dialog.reason_edit, "Agreed to try for four weeks.")
    answers.will(CANCEL)
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Escape)
    assert answers.asked and dialog.isVisible()
    assert dialog.reason_edit.toPlainText() == "Agreed to try for four weeks."
    answers.will(DISCARD)
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Escape)
    assert len(answers.asked) == 2 and not dialog.isVisible()
