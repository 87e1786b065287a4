"""File dialogs open in the last folder used for that kind of file, else the home
folder: never the folder the program was started from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QTreeView

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


def test_the_file_dialog_speaks_spanish(qtbot, spanish, db, tmp_path, monkeypatch):
    # Given a home folder with a folder and a CSV file in it, the GUI in Spanish
    (tmp_path / "Clientes").mkdir()
    (tmp_path / "lista.csv").write_text("first_name,last_name\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path))
    dialog = ImportClientsDialog(db)
    qtbot.addWidget(dialog)
    dialog.show()
    seen: dict[str, list[str]] = {}

    def read_and_cancel() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QFileDialog):
            QTimer.singleShot(20, read_and_cancel)
            return
        seen["labels"] = [label.text() for label in box.findChildren(QLabel) if label.isVisible()]
        types = box.findChild(QComboBox, "fileTypeCombo")
        seen["types"] = [types.itemText(i) for i in range(types.count())]
        model = box.findChild(QTreeView).model()
        folder = model.index(str(tmp_path / "Clientes"))
        seen["kind"] = [model.index(folder.row(), 2, folder.parent()).data()]
        seen["columns"] = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
        box.reject()

    # When the therapist opens the file dialog (Import clients → Choose file…)
    QTimer.singleShot(0, read_and_cancel)
    qtbot.mouseClick(dialog.choose_button, LEFT)
    # Then its labels, file types, columns and the folder's type are all in Spanish
    assert seen["labels"] == ["&Buscar en:", "&Nombre del archivo:", "Archivos de &tipo:"]
    assert seen["types"] == ["Archivos CSV (*.csv *.txt)", "Todos los archivos (*)"]
    assert seen["kind"] == ["Carpeta"]
    assert seen["columns"] == ["Nombre", "Tamaño", "Tipo", "Última modificación"]
