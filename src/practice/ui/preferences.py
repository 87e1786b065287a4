"""Preferences: one dialog for the settings of this computer (File → Preferences…, Ctrl+,).

Language (at the next start, ``ui.i18n``), colours (at once, ``ui.theme``), the paper
a sheet starts on (``ui.sheet_preview.LAST_PAPER_KEY``), the backups folder
(``ui.backups_dialog``; it must be writable), the auto-lock minutes
(``ui.auto_lock``, 1 to 240 as in Security settings), the reminder new homework
starts with (``ui.reminder_defaults``) and, read-only, where the log is. All are
kept with ``QSettings``. Save checks every field first and says what is wrong, and
writes only what was changed here (another running copy may have saved the rest);
Cancel, Esc and the window's X ask before changes are lost (``ui.unsaved``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
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
from practice.ui import file_dialogs, i18n, reminder_defaults, theme
from practice.ui.auto_lock import MINUTES_RANGE, auto_lock_minutes, set_auto_lock_minutes
from practice.ui.backups_dialog import backup_folder, remember_folder
from practice.ui.dates import time_text
from practice.ui.folders import open_folder
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


def _existing_ancestor(folder: Path) -> Path:
    """``folder`` itself, or the nearest folder above it that exists."""
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def _same_or_inside(folder: Path, place: Path) -> bool:
    folder, place = folder.resolve(), place.resolve()
    return folder == place or place in folder.parents


def folder_problem(text: str, db_path: Path | None = None) -> str | None:
    """Why ``text`` cannot be the backups folder of the practice file ``db_path``
    (None: it can). Only checks: nothing is made (:func:`make_folder` does, at Save).
    Refused: a relative path, one with a line break or another control character, the
    practice file's own folder, the log's folder, and a place Practice cannot write in."""
    if not text.strip():
        return QCoreApplication.translate("PreferencesDialog", "Choose a folder for the backups.")
    if any(ord(char) < 32 or ord(char) == 127 for char in text):
        return QCoreApplication.translate(
            "PreferencesDialog",
            "The folder's name has a line break or a hidden character. Type it again.",
        )
    folder = Path(text.strip()).expanduser()
    if not folder.is_absolute():
        return QCoreApplication.translate(
            "PreferencesDialog", "Give the whole path of the folder, from the top."
        )
    if db_path is not None and folder.resolve() == db_path.expanduser().resolve().parent:
        return QCoreApplication.translate(
            "PreferencesDialog",
            "This is the folder of the practice file itself. Choose another one for the backups.",
        )
    if _same_or_inside(folder, logs.log_path().parent):
        return QCoreApplication.translate(
            "PreferencesDialog",
            "This is the folder of Practice's log. Choose another one for the backups.",
        )
    existing = _existing_ancestor(folder)
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        return QCoreApplication.translate(
            "PreferencesDialog",
            "Practice cannot write in this folder. Choose one you can save files in.",
        )
    return None


def make_folder(folder: Path) -> None:
    """Make ``folder`` and the folders missing above it, readable by the user only
    (0700); a folder that exists is left as it is. Raises OSError."""
    missing: list[Path] = []
    while not folder.exists() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    for each in reversed(missing):
        each.mkdir(mode=0o700)
        os.chmod(each, 0o700)  # whatever the umask
    with tempfile.TemporaryFile(dir=missing[0] if missing else folder):
        pass


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
        form.addRow(self.tr("Backups folder"), _with_button(self.folder, self.browse_button))
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
        form.addRow(self.tr("Log file"), _with_button(self.log_path, self.open_log_button))
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
        self.shown = self._values()

    def _values(self) -> dict[str, object]:
        """What the fields say now, by setting (compared at Save with what was shown)."""
        return {
            "language": self.language.currentData(),
            "theme": self.theme.currentData(),
            "paper": self.paper.currentData(),
            "reminder": (self.reminder_channel.currentData(), self.reminder_time.text().strip()),
            "folder": self.folder.text().strip(),
            "minutes": self.minutes.value(),
        }

    def _update_time_enabled(self) -> None:
        reminding = self.reminder_channel.currentData() != ReminderChannel.NONE.value
        self.reminder_time.setEnabled(reminding)

    # ---- actions ------------------------------------------------------------------
    def _browse(self) -> None:
        name = file_dialogs.existing_directory(
            self, "backups", self.tr("Backups folder"), self.folder.text().strip()
        )
        if name:
            self.folder.setText(name)

    def open_log_folder(self) -> None:
        folder = logs.log_path().parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        open_folder(folder, self)

    def problems(self) -> dict[str, str]:
        """What is wrong with the fields now, by field (empty: all can be saved)."""
        found: dict[str, str] = {}
        if self.reminder_time.isEnabled():
            try:
                parse_time(self.reminder_time.text())
            except ValueError:
                found["time"] = self.tr("Write the reminder time as HH:MM (24-hour).")
        folder = folder_problem(self.folder.text(), self.db_path)
        if folder is not None:
            found["folder"] = folder
        return found

    def save(self) -> bool:
        """Check, keep the settings changed here and close; False (and said) when a field
        is wrong. A setting left as it was shown is not written, so what another running
        copy of Practice saved meanwhile stays."""
        found = self.problems()
        changed = {key for key, value in self._values().items() if value != self.shown[key]}
        folder = Path(self.folder.text().strip()).expanduser()
        if "folder" in changed and not found:  # made only once all is right
            try:
                make_folder(folder)
            except OSError:
                found["folder"] = self.tr(
                    "Practice cannot write in this folder. Choose one you can save files in."
                )
        for label, key in ((self.time_error, "time"), (self.folder_error, "folder")):
            label.setText(found.get(key, ""))
            label.setVisible(key in found)
        if found:
            grow_to_fit(self)  # the messages push the hints down: none is squeezed
            (self.reminder_time if "time" in found else self.folder).setFocus()
            wanted = self.sizeHint().height()  # room for a message of two lines
            if self.height() < wanted:
                self.resize(self.width(), wanted)
            return False
        if "language" in changed:
            i18n.choose_language(self.language.currentData())
        if "paper" in changed:
            remember_paper(self.paper.currentData())
        if "reminder" in changed:
            channel = ReminderChannel(self.reminder_channel.currentData())
            at = parse_time(self.reminder_time.text()) if self.reminder_time.isEnabled() else None
            reminder_defaults.set_default_reminder(channel, at)
        if "folder" in changed and folder != backup_folder(self.db_path):
            remember_folder(self.db_path, folder)
            self.backup_folder_changed.emit(folder)
        minutes = float(self.minutes.value())
        if "minutes" in changed and minutes != auto_lock_minutes():
            set_auto_lock_minutes(minutes)
            self.minutes_changed.emit(minutes)
        if "theme" in changed and self.theme.currentData() != theme.chosen_theme():
            theme.choose_theme(self.theme.currentData())  # applies at once
        self.guard.mark_clean()
        self.accept()
        return True

    def _save_asked(self) -> bool:
        """Save in the unsaved-changes question: the dialog closed itself when it saved."""
        self.save()
        return False


def _with_button(field: QWidget, button: QPushButton) -> QWidget:
    """``field`` with ``button`` at its right, as one row of a form."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    row.addWidget(button)
    holder = QWidget()
    holder.setLayout(row)
    return holder
