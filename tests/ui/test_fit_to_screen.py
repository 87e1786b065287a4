"""Dialogs fit the screen: at 1366x768 and 1024x600 their buttons stay on screen."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from practice.services import clients
from practice.services.clients import ClientInput
from practice.sheets.templates import load_templates
from practice.ui.assignment_dialog import open_assignment_dialog
from practice.ui.backups_dialog import BackupsDialog
from practice.ui.filled_import_dialog import FilledImportDialog
from practice.ui.import_dialog import ImportClientsDialog
from practice.ui.sheet_preview import SheetPreview, SheetSource
from practice.ui.week_sheets_dialog import WeekSheetsDialog
from practice.ui.widgets import SCREEN_MARGIN, fit_to_screen

LIBRARY = load_templates()
SMALL = QRect(0, 0, 1024, 600)
LAPTOP = QRect(0, 0, 1366, 768)


def test_fit_to_screen_clamps_and_centres_a_window_in_the_available_rect(qtbot):
    # Given a window bigger than a 1024x600 screen
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 980)
    # When it is fitted to that screen
    fit_to_screen(window, SMALL)
    # Then it is as tall as the screen less the margins, as wide as it was, centred
    assert (window.width(), window.height()) == (900, 600 - 2 * SCREEN_MARGIN)
    centre = window.geometry().center()
    assert abs(centre.x() - SMALL.center().x()) <= 1 and abs(centre.y() - SMALL.center().y()) <= 1


def _assign(db) -> QDialog:  # type: ignore[no-untyped-def]
    with db.session() as s:
        client = clients.create(s, ClientInput(first_name="Fit", last_name="Ejemplo")).id
    dialog = open_assignment_dialog(None, db, LIBRARY, client)  # type: ignore[arg-type]
    assert dialog is not None
    return dialog


def _preview(db) -> QDialog:  # type: ignore[no-untyped-def]
    return SheetPreview([SheetSource("Blank", b"", "blank")], practice=db.path)


DIALOGS: dict[str, Callable[..., QDialog]] = {
    "assign": _assign,
    "preview": _preview,
    "week sheets": lambda db: WeekSheetsDialog(db, LIBRARY),
    "filled import": lambda db: FilledImportDialog(db, LIBRARY),
    "import clients": lambda db: ImportClientsDialog(db),
    "backups": lambda db: BackupsDialog(db.path, db.path.parent),
}


@pytest.mark.parametrize("name", DIALOGS)
@pytest.mark.parametrize("screen", [SMALL, LAPTOP], ids=["1024x600", "1366x768"])
def test_each_dialog_fits_a_small_screen_with_its_buttons_visible(qtbot, db, name, screen):
    # Given a dialog as it opens
    dialog = DIALOGS[name](db)
    qtbot.addWidget(dialog)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert dialog.width() <= available.width() and dialog.height() <= available.height()
    # fitted (and so centred) on its screen as it was built
    centre = dialog.geometry().center()
    assert abs(centre.x() - available.center().x()) <= 1, (name, dialog.geometry())
    assert abs(centre.y() - available.center().y()) <= 1, (name, dialog.geometry())
    # When it is fitted to a small screen and shown
    fit_to_screen(dialog, screen)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Then it is no bigger than the screen, its content needs no more room than that
    # (taller content scrolls inside), and every visible button lies inside it
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    needed = dialog.layout().minimumSize()
    assert needed.height() <= dialog.height() and needed.width() <= dialog.width(), needed
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)]
    assert buttons
    for button in buttons:
        if button.window() is not dialog:
            continue
        corner = button.mapTo(dialog, QPoint(button.width() - 1, button.height() - 1))
        top = button.mapTo(dialog, QPoint(0, 0))
        inside = dialog.rect().contains(corner) and dialog.rect().contains(top)
        # a button in a scroll area may be scrolled out of view; the dialog's own may not
        assert inside or _in_scroll_area(button), (name, button.text(), corner)


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.inherits("QScrollArea"):
            return True
        parent = parent.parentWidget()
    return False
