"""Answering the unsaved-changes question (ui.unsaved.ask_unsaved) with a real click."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

SAVE, DISCARD, CANCEL = "Save", "Discard changes", "Keep editing"


class Answerer:
    """Clicks ``button`` on the unsaved-changes box when it shows; ``asked`` counts the
    questions seen (the box's text, in order)."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.asked: list[str] = []

    def will(self, button: str) -> None:
        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox) or box.objectName() != "unsavedChanges":
                QTimer.singleShot(20, click)  # not shown yet
                return
            self.asked.append(box.text())
            (chosen,) = [b for b in box.buttons() if b.text() == button]
            self.qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, click)
