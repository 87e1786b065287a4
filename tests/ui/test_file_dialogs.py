"""File dialogs open in the last folder used for that kind of file, else the home
folder: never the folder the program was started from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from practice.ui.import_dialog import ImportClientsDialog

LEFT = Qt.MouseButton.LeftButton


def _answer_file_dialog(seen: list[str], choose: Path | None = None) -> None:
    """When the file dialog is up: note the folder it shows, then pick ``choose`` (typed
    into its file name box, Enter) or cancel it (Esc)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog.directory().absolutePath())
        if choose is None:
            dialog.reject()
            return
        dialog.selectFile(str(choose))
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_import_clients_opens_in_home_then_in_the_last_folder_used(
    qtbot, db, tmp_path, monkeypatch
):
    # Given the app started from a folder that is not home (as from "/": /bin, /boot…)
    home, elsewhere, exports = tmp_path / "home", tmp_path / "cwd", tmp_path / "exports"
    for folder in (home, elsewhere, exports):
        folder.mkdir()
    (elsewhere / "system.csv").write_text("x\n")
    csv_file = exports / "clients.csv"
    csv_file.write_text("first_name,last_name\nAna,Ejemplo\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(elsewhere)
    dialog = ImportClientsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[str] = []
    # When the therapist clicks Choose file… the first time
    _answer_file_dialog(seen, choose=csv_file)
    qtbot.mouseClick(dialog.choose_button, LEFT)
    # Then it opens in the home folder, not the working folder
    assert seen == [str(home)]
    # and after a file was chosen in another folder, it opens there next time
    _answer_file_dialog(seen)
    qtbot.mouseClick(dialog.choose_button, LEFT)
    assert seen == [str(home), str(exports)]
