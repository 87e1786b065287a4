"""Open a folder in the system's file manager; when there is none (``openUrl`` fails,
e.g. no ``xdg-open``), say so and show the folder's full path to copy instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.ui.widgets import fit_to_screen


class FolderPathDialog(QDialog):
    """The folder that could not be opened: its path (selectable) and Copy path."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(self.tr("Open folder"))
        self.message = QLabel(
            self.tr(
                "This computer has no file manager that Practice can open. "
                "The folder is here; you can copy its path and open it yourself:"
            )
        )
        self.message.setWordWrap(True)
        self.path = QLineEdit(str(folder))
        self.path.setReadOnly(True)  # selectable, not editable
        self.path.setAccessibleName(self.tr("Folder path"))
        self.path.setMinimumWidth(
            min(520, self.path.fontMetrics().horizontalAdvance(str(folder)) + 24)
        )
        self.copied = QLabel()
        self.copy_button = QPushButton(self.tr("Copy path"))
        self.copy_button.clicked.connect(self.copy_path)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.path)
        layout.addWidget(self.copied)
        layout.addWidget(buttons)
        self.path.setFocus(Qt.FocusReason.OtherFocusReason)
        self.path.selectAll()
        fit_to_screen(self)

    def copy_path(self) -> None:
        QGuiApplication.clipboard().setText(str(self.folder))
        self.copied.setText(self.tr("Copied."))


def open_folder(folder: Path, parent: QWidget | None = None) -> FolderPathDialog | None:
    """Open ``folder`` in the file manager; when that fails, open (window-modal, not
    blocking) a dialog with its path and return it."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return None
    dialog = FolderPathDialog(folder, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
