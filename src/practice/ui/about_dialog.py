"""Help → About Practice: the version, where the data and the log are, the Qt and
PySide versions, and a "Copy" button that puts the same facts on the clipboard for
support (paths, versions; no client data)."""

from __future__ import annotations

import html
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import practice
from practice import logs
from practice.paths import data_dir
from practice.ui.widgets import fit_to_screen


def support_facts(db_path: Path | str | None) -> list[tuple[str, str]]:
    """(name, value) pairs for support, in English (what the About box copies)."""
    facts = [
        ("Practice", practice.__version__),
        ("Data folder", str(data_dir())),  # not translated: support reads English
        ("Log file", str(logs.log_path())),  # not translated: support reads English
    ]
    if db_path is not None:
        facts.append(("Database", str(db_path)))
    facts += [
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", platform.python_version()),
        ("System", platform.platform()),
    ]
    return facts


class AboutDialog(QDialog):
    """What Practice is and the facts support asks for; see the module docstring."""

    def __init__(self, db_path: Path | str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Practice"))
        self.setMinimumWidth(520)
        self.facts = support_facts(db_path)
        values = dict(self.facts)
        self.heading = heading = QLabel(
            self.tr(
                "<b>Practice {version}</b><br>Client records, session notes and homework "
                "for therapists."
            ).format(version=html.escape(practice.__version__))
        )
        heading.setWordWrap(True)
        names = {
            "Data folder": self.tr("Data folder"),  # not translated: the key
            "Log file": self.tr("Log file"),  # not translated: the key
            "Database": self.tr("Database"),
            "Qt": "Qt",  # not translated: a product name
            "PySide6": "PySide6",  # not translated: a product name
            "Python": "Python",  # not translated: a product name
            "System": self.tr("System"),
        }
        form = QFormLayout()
        self.value_labels: dict[str, QLabel] = {}
        for key, shown in names.items():
            if key not in values:
                continue
            label = QLabel(values[key])
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.value_labels[key] = label
            form.addRow(shown, label)
        self.copy_button = QPushButton(self.tr("Copy for support"))
        self.copy_button.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        fit_to_screen(self)

    def support_text(self) -> str:
        return "".join(f"{name}: {value}\n" for name, value in self.facts)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.support_text())
        self.copy_button.setText(self.tr("Copied"))
