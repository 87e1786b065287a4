"""Preferences: one dialog for the settings of this computer (File → Preferences…, Ctrl+,).

Language (at the next start, ``ui.i18n``), colours (at once, ``ui.theme``), the paper
a sheet starts on (``ui.sheet_preview.LAST_PAPER_KEY``), the backups folder
(``ui.backups_dialog``; it must be writable), the auto-lock minutes
(``ui.auto_lock``, 1 to 240 as in Security settings), the reminder new homework
starts with (``ui.reminder_defaults``) and, read-only, where the log is. All are
kept with ``QSettings``. Save checks every field first and says what is wrong;
Cancel, Esc and the window's X ask before changes are lost (``ui.unsaved``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from practice import logs
from practice.domain.vocabulary import ReminderChannel
from practice.ui import i18n, reminder_defaults, theme
from practice.ui.auto_lock import auto_lock_minutes, set_auto_lock_minutes
from practice.ui.backups_dialog import backup_folder, remember_folder
from practice.ui.dates import time_text
from practice.ui.sheet_preview import PAPERS, last_paper, remember_paper
from practice.ui.unsaved import DialogGuard
from practice.ui.widgets import (
    enum_combo,
    error_label,
    fit_to_screen,
    grow_to_fit,
    parse_time,
    set_combo_value,
)

MINUTES_RANGE = (1, 240)  # as in Security settings


def folder_problem(text: str) -> str | None:
    """Why ``text`` cannot be the backups folder (None: it can). A folder that does not
    exist yet is made; one that cannot be written to is refused."""
    if not text.strip():
        return QCoreApplication.translate("PreferencesDialog", "Choose a folder for the backups.")
    folder = Path(text.strip()).expanduser()
    if not folder.is_absolute():
        return QCoreApplication.translate(
            "PreferencesDialog", "Give the whole path of the folder, from the top."
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return QCoreApplication.translate(
            "PreferencesDialog",
            "Practice cannot write in this folder. Choose one you can save files in.",
        )
    return None


class PreferencesDialog(QDialog):
    """The settings of this computer; see the module docstring."""

    minutes_changed = Signal(float)
    backup_folder_changed = Signal(object)  # the new folder (a Path)

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.db_path = db_path
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self._looks_box())
        layout.addWidget(self._homework_box())
        layout.addWidget(self._safety_box())
        layout.addWidget(self._support_box())
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        layout.addWidget(self.buttons)
        self._load()
        self.guard = DialogGuard(self, self._save_asked, self.tr("your preferences"))
        self.buttons.rejected.connect(self.guard.reject)
        fit_to_screen(self)

    # ---- the fields ---------------------------------------------------------------
    def _looks_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Language and colours"))
        form = QFormLayout(box)
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), i18n.SYSTEM)
        self.language.addItem("English", "en")  # not translated: each language in its own words
        self.language.addItem("Español", "es")  # not translated: each language in its own words
        form.addRow(self.tr("Language"), self.language)
        note = QLabel(self.tr("A new language applies the next time you start Practice."))
        note.setWordWrap(True)
        form.addRow("", note)
        self.theme = QComboBox()
        theme_names = {
            theme.SYSTEM: self.tr("As the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
            "high-contrast": self.tr("High contrast"),
        }
        for value in theme.THEMES:
            self.theme.addItem(theme_names.get(value, value), value)
        form.addRow(self.tr("Colours"), self.theme)
        return box

    def _homework_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sheets and new homework"))
        form = QFormLayout(box)
        self.paper = QComboBox()
        for label, value in PAPERS:
            self.paper.addItem(i18n.translated(label), value)
        form.addRow(self.tr("Paper size"), self.paper)
        self.reminder_channel = enum_combo(ReminderChannel)
        self.reminder_time = QLineEdit()
        self.reminder_time.setPlaceholderText(self.tr("HH:MM"))
        self.reminder_time.setMaximumWidth(90)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reminder_channel, 1)
        row.addWidget(QLabel(self.tr("at")))
        row.addWidget(self.reminder_time)
        holder = QWidget()
        holder.setLayout(row)
        form.addRow(self.tr("Remind by"), holder)
        self.time_error = error_label()
        form.addRow("", self.time_error)
        hint = QLabel(
            self.tr("New homework starts with this reminder when the client has none of their own.")
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.reminder_channel.currentIndexChanged.connect(self._update_time_enabled)
        return box

    def _safety_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Backups and locking"))
        form = QFormLayout(box)
        self.folder = QLineEdit()
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse_button)
        holder = QWidget()
        holder.setLayout(row)
        form.addRow(self.tr("Backups folder"), holder)
        self.folder_error = error_label()
        form.addRow("", self.folder_error)
        self.minutes = QSpinBox()
        self.minutes.setRange(*MINUTES_RANGE)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setMaximumWidth(160)
        form.addRow(self.tr("Lock after"), self.minutes)
        return box

    def _support_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("For support"))
        form = QFormLayout(box)
        self.log_path = QLineEdit(str(logs.log_path()))
        self.log_path.setReadOnly(True)
        self.open_log_button = QPushButton(self.tr("Open folder"))
        self.open_log_button.clicked.connect(self.open_log_folder)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.log_path, 1)
        row.addWidget(self.open_log_button)
        holder = QWidget()
        holder.setLayout(row)
        form.addRow(self.tr("Log file"), holder)
        return box

    def _load(self) -> None:
        set_combo_value(self.language, i18n.chosen_language())
        set_combo_value(self.theme, theme.chosen_theme())
        set_combo_value(self.paper, last_paper())
        set_combo_value(self.reminder_channel, reminder_defaults.default_channel())
        at = reminder_defaults.default_time()
        self.reminder_time.setText(time_text(at) if at is not None else "")
        self.folder.setText(str(backup_folder(self.db_path)))
        self.minutes.setValue(
            min(max(round(auto_lock_minutes()), MINUTES_RANGE[0]), MINUTES_RANGE[1])
        )
        self._update_time_enabled()

    def _update_time_enabled(self) -> None:
        reminding = self.reminder_channel.currentData() != ReminderChannel.NONE.value
        self.reminder_time.setEnabled(reminding)

    # ---- actions ------------------------------------------------------------------
    def _browse(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Backups folder"), self.folder.text())
        if name:
            self.folder.setText(name)

    def open_log_folder(self) -> None:
        folder = logs.log_path().parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def problems(self) -> dict[str, str]:
        """What is wrong with the fields now, by field (empty: all can be saved)."""
        found: dict[str, str] = {}
        if self.reminder_time.isEnabled():
            try:
                parse_time(self.reminder_time.text())
            except ValueError:
                found["time"] = self.tr("Write the reminder time as HH:MM (24-hour).")
        folder = folder_problem(self.folder.text())
        if folder is not None:
            found["folder"] = folder
        return found

    def save(self) -> bool:
        """Check, keep every setting and close; False (and said) when a field is wrong."""
        found = self.problems()
        for label, key in ((self.time_error, "time"), (self.folder_error, "folder")):
            label.setText(found.get(key, ""))
            label.setVisible(key in found)
        if found:
            grow_to_fit(self)  # the messages push the hints down: none is squeezed
            (self.reminder_time if "time" in found else self.folder).setFocus()
            return False
        i18n.choose_language(self.language.currentData())
        remember_paper(self.paper.currentData())
        channel = ReminderChannel(self.reminder_channel.currentData())
        at = parse_time(self.reminder_time.text()) if self.reminder_time.isEnabled() else None
        reminder_defaults.set_default_reminder(channel, at)
        folder = Path(self.folder.text().strip()).expanduser()
        if folder != backup_folder(self.db_path):
            remember_folder(self.db_path, folder)
            self.backup_folder_changed.emit(folder)
        minutes = float(self.minutes.value())
        if minutes != auto_lock_minutes():
            set_auto_lock_minutes(minutes)
            self.minutes_changed.emit(minutes)
        if self.theme.currentData() != theme.chosen_theme():
            theme.choose_theme(self.theme.currentData())  # applies at once
        self.guard.mark_clean()
        self.accept()
        return True

    def _save_asked(self) -> bool:
        """Save in the unsaved-changes question: the dialog closed itself when it saved."""
        self.save()
        return False
