"""The amend dialog by keyboard: Tab goes Reason -> each section -> plan -> buttons, and
what is typed after each Tab lands in that field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from practice.services import notes
from practice.services.demo import seed_demo


def test_tab_from_the_reason_walks_the_note_fields_then_the_buttons(qtbot, db):
    from practice.ui.amend_note_dialog import AmendNoteDialog

    with db.session() as s:
        demo = seed_demo(s, today=date(2025, 3, 12))
    with db.session() as s:
        note = notes.notes_for_client(s, demo.improver_id)[0]
    dialog = AmendNoteDialog(db, note)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.reason, timeout=2000)
    qtbot.keyClicks(dialog.reason, "Client's correction")
    fields = [*dialog.section_edits.values(), dialog.plan]
    for i, field in enumerate(fields):
        # When Tab is pressed, the next field has the focus and takes what is typed
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is field, i
        before = field.toPlainText()
        qtbot.keyClicks(QApplication.focusWidget(), f" typed {i}")
        assert field.toPlainText() != before and f" typed {i}" in field.toPlainText()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.save_button
    assert dialog.reason.toPlainText() == "Client's correction"
