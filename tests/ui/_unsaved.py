"""Answering the unsaved-changes question (ui.unsaved.ask_unsaved) with a real click."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from practice.ui.client_table import ROW_ROLE

SAVE, DISCARD, CANCEL = "Save", "Discard changes", "Keep editing"


class Answerer:
    """Clicks ``button`` on the unsaved-changes box when it shows; ``asked`` counts the
    questions seen (the box's text, in order)."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.asked: list[str] = []

    def will(self, button: str) -> None:
        tries = [250]  # about 5 s, then give up (the question never came: the test fails)

        def click() -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox) or box.objectName() != "unsavedChanges":
                tries[0] -= 1
                if tries[0] > 0:
                    QTimer.singleShot(20, click)  # not shown yet
                return
            self.asked.append(box.text())
            (chosen,) = [b for b in box.buttons() if b.text() == button]
            self.qtbot.mouseClick(chosen, Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, click)


def click_client(qtbot, window, client_id: int) -> None:  # type: ignore[no-untyped-def]
    """Click the client's row in the main window's list, as the therapist does."""
    window.show_page(window.clients_page)
    client_list = window.clients_page.client_list
    row = client_list.proxy.mapFromSource(
        client_list.model.index(client_list.model.row_of(client_id), 0)
    ).row()
    table = client_list.table
    rect = table.visualRect(client_list.proxy.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def highlighted_clients(window) -> list[int]:  # type: ignore[no-untyped-def]
    """The clients whose rows the list highlights (selected), as the therapist sees them."""
    client_list = window.clients_page.client_list
    rows = client_list.table.selectionModel().selectedRows()
    return [client_list.proxy.data(index, ROW_ROLE).id for index in rows]
