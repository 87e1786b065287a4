"""The conditional-sessions dialog keeps the hint lines' room: when "N more characters
needed" goes, "Who was consulted" stays where it was, so the next click lands on it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt

from practice.services.demo import seed_demo

LEFT = Qt.MouseButton.LeftButton


def test_the_consulted_field_does_not_move_when_the_hint_clears(qtbot, db):
    from practice.ui.conditional_dialog import ConditionalDialog

    with db.session() as s:
        demo = seed_demo(s, today=date(2025, 3, 12))
    dialog = ConditionalDialog(db, demo.cannot_postpone_id, today=date(2025, 3, 12))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.override_edit.viewport(), LEFT)
    qtbot.keyClicks(dialog.override_edit, "risk ok")
    assert "Characters still needed" in dialog.override_hint.text()
    qtbot.wait(10)
    before = dialog.consulted_edit.mapTo(dialog, QPoint(0, 0))
    # When enough is typed for the hint to go
    qtbot.keyClicks(dialog.override_edit, " with the safety plan reviewed weekly")
    assert dialog.override_hint.text() == ""
    qtbot.wait(10)
    # Then the consulted field is where it was, and a click there reaches it
    assert dialog.consulted_edit.mapTo(dialog, QPoint(0, 0)) == before
    qtbot.mouseClick(dialog.consulted_edit, LEFT, pos=QPoint(10, 5))
    qtbot.keyClicks(dialog.consulted_edit, "Dr A. Ruiz, clinical supervisor")
    assert dialog.consulted_edit.text() == "Dr A. Ruiz, clinical supervisor"
