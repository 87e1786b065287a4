"""Signing and amending a note from the client's Sessions tab (issue 12, point 11)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from practice.db.models import AuditEvent, NoteAmendment, SessionNote
from practice.domain.inputs import NoteInput
from practice.domain.vocabulary import AppointmentStatus, NoteFormat
from practice.services import appointments, clients, notes
from practice.services.clients import ClientInput

LEFT = Qt.MouseButton.LeftButton


def _local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


@pytest.fixture
def sessions(qtbot, db):  # type: ignore[no-untyped-def]
    """Marisol: last week's session with a signed note, yesterday's with a draft one,
    and next week's, scheduled, with none."""
    from practice.ui.client_sessions import ClientSessionsTab

    today = date.today()
    with db.session() as s:
        client_id = clients.create(s, ClientInput(first_name="Marisol", last_name="Quintero")).id
        ids = {}
        for name, days in (("signed", -7), ("draft", -1), ("coming", 7)):
            ids[name] = appointments.schedule(
                s, client_id, _local(today + timedelta(days), 11)
            ).appointment.id
        for name in ("signed", "draft"):
            appointments.mark(s, ids[name], AppointmentStatus.ATTENDED)
            note = notes.save_note(
                s,
                ids[name],
                NoteInput(
                    format=NoteFormat.SOAP,
                    sections={"Subjective": f"The {name} note.", "Plan": "Walk daily."},
                ),
            )
            ids[f"{name}_note"] = note.id
        notes.sign(s, ids["signed_note"])
    tab = ClientSessionsTab(db)
    qtbot.addWidget(tab)
    tab.resize(1000, 650)
    tab.show()
    tab.show_client(client_id)
    return tab, ids


def click_row(qtbot, tab, appointment_id: int) -> None:  # type: ignore[no-untyped-def]
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).id == appointment_id)
    cell = tab.table.visualRect(tab.model.index(row, 0)).center()
    qtbot.mouseClick(tab.table.viewport(), LEFT, pos=cell)
    assert tab.selected().id == appointment_id


def answer_box(qtbot, button: QMessageBox.StandardButton, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        qtbot.mouseClick(box.button(button), LEFT)

    QTimer.singleShot(0, answer)


def audit_actions(db, note_id: int) -> list[str]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(
            s.scalars(
                select(AuditEvent.action).where(
                    AuditEvent.entity == "session_note", AuditEvent.entity_id == note_id
                )
            )
        )


def test_a_draft_note_is_signed_from_the_sessions_tab(qtbot, db, sessions):
    tab, ids = sessions
    click_row(qtbot, tab, ids["draft"])
    assert tab.sign_button.isEnabled()
    assert not tab.amend_button.isEnabled()
    assert "Not signed yet" in tab.amend_button.toolTip()
    seen: list[str] = []
    answer_box(qtbot, QMessageBox.StandardButton.Yes, seen)
    qtbot.mouseClick(tab.sign_button, LEFT)
    assert len(seen) == 1 and seen[0].startswith("Sign the note of ")
    with db.session() as s:
        assert s.get(SessionNote, ids["draft_note"]).signed_at is not None
    assert audit_actions(db, ids["draft_note"])[-1] == "sign"
    # The tab shows it signed, and now offers Amend… instead
    assert "Signed " in tab.note_view.toPlainText()
    assert not tab.sign_button.isEnabled() and "Signed already" in tab.sign_button.toolTip()
    assert tab.amend_button.isEnabled()


def test_answering_no_leaves_the_note_unsigned(qtbot, db, sessions):
    tab, ids = sessions
    click_row(qtbot, tab, ids["draft"])
    seen: list[str] = []
    answer_box(qtbot, QMessageBox.StandardButton.No, seen)
    qtbot.mouseClick(tab.sign_button, LEFT)
    assert len(seen) == 1
    with db.session() as s:
        assert s.get(SessionNote, ids["draft_note"]).signed_at is None


def test_a_signed_note_is_amended_and_the_original_kept(qtbot, db, sessions, monkeypatch):
    from practice.ui.amend_note_dialog import AmendNoteDialog

    tab, ids = sessions
    click_row(qtbot, tab, ids["signed"])
    assert not tab.sign_button.isEnabled()
    assert tab.amend_button.isEnabled()
    shown: list[AmendNoteDialog] = []

    def fill(dialog: AmendNoteDialog) -> int:
        dialog.show()
        shown.append(dialog)
        edit = dialog.section_edits["Subjective"]
        assert edit.toPlainText() == "The signed note."
        edit.selectAll()
        qtbot.keyClicks(edit, "The signed note, and she slept better.")
        # Without a reason nothing is saved and the reason field says why
        qtbot.mouseClick(dialog.save_button, LEFT)
        assert dialog.errors["reason"].isVisible()
        assert dialog.errors["reason"].text() == "An amendment needs a reason."
        assert edit.toPlainText() == "The signed note, and she slept better."  # kept
        qtbot.keyClicks(dialog.reason, "Client's correction by phone")
        qtbot.mouseClick(dialog.save_button, LEFT)
        return int(dialog.result() == dialog.DialogCode.Accepted)

    monkeypatch.setattr(AmendNoteDialog, "exec", fill)
    qtbot.mouseClick(tab.amend_button, LEFT)
    assert len(shown) == 1
    with db.session() as s:
        note = s.get(SessionNote, ids["signed_note"])
        assert note.sections["Subjective"] == "The signed note."  # the original stays
        [amendment] = s.scalars(select(NoteAmendment)).all()
        assert amendment.sections == {"Subjective": "The signed note, and she slept better."}
        assert amendment.reason == "Client's correction by phone"
    assert audit_actions(db, ids["signed_note"])[-1] == "amend"
    shown_text = tab.note_view.toPlainText()
    assert "Client's correction by phone" in shown_text and "slept better" in shown_text


def test_without_a_note_both_are_off_and_say_why(qtbot, sessions):
    tab, ids = sessions
    click_row(qtbot, tab, ids["coming"])
    for button in (tab.sign_button, tab.amend_button):
        assert not button.isEnabled()
        assert button.toolTip() == "This session has no note yet; write it with Start session."


def test_note_kinds_read_in_words_not_codes(qtbot, db, sessions):
    from practice.ui.client_sessions import COL_NOTE

    tab, ids = sessions
    # When the therapist clicks the session with a draft note
    click_row(qtbot, tab, ids["draft"])
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_at(r).id == ids["draft"])
    # Then the list and the note say "SOAP note", a free note "Free text note", never "SOAP ("
    assert tab.model.index(row, COL_NOTE).data() == "SOAP note (draft)"
    assert " — SOAP note" in tab.note_view.toPlainText()
    assert NoteFormat.FREE.label == "Free text note"
