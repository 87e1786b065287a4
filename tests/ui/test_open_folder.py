"""Open folder without a file manager: the folder's path is shown, selectable, with a
Copy path button, instead of nothing happening."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from practice import logs
from practice.ui.folders import FolderPathDialog
from practice.ui.preferences import PreferencesDialog

LEFT = Qt.MouseButton.LeftButton


def shown_folder_dialog() -> FolderPathDialog:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FolderPathDialog), dialog
    return dialog


@pytest.mark.parametrize("language", ["en", "es"])
def test_open_log_folder_without_a_file_manager_shows_the_path_to_copy(
    qtbot, db, tmp_path, monkeypatch, language, request
):
    if language == "es":
        request.getfixturevalue("spanish")
    # Given a computer where no file manager can be started (no xdg-open on the PATH)
    monkeypatch.setenv("PATH", str(tmp_path))
    preferences = PreferencesDialog(db.path)
    qtbot.addWidget(preferences)
    preferences.show()
    # When the therapist clicks Open folder beside the log file
    qtbot.mouseClick(preferences.open_log_button, LEFT)
    # Then a message says so and shows the folder's full path, selectable
    dialog = shown_folder_dialog()
    folder = str(logs.log_path().parent)
    assert dialog.path.text() == folder and dialog.path.isReadOnly()
    assert dialog.path.selectedText() == folder
    words = {"en": "no file manager", "es": "administrador de archivos"}[language]
    assert words in dialog.message.text()
    # and Copy path puts it on the clipboard, the message staying open
    qtbot.mouseClick(dialog.copy_button, LEFT)
    assert QGuiApplication.clipboard().text() == folder
    assert dialog.isVisible() and dialog.copied.text()
    assert dialog.copy_button.text() == {"en": "Copy path", "es": "Copiar ruta"}[language]
