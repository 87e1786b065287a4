"""Asking for the passphrase: at start (:func:`ask_key`) and on the lock screen.

:class:`PassphrasePanel` is the part both use: a passphrase field, "Unlock", the
message "wrong passphrase" under the field, and "Use the recovery key…". A
practice without encryption shows only an Unlock button (the lock screen).

Each wrong passphrase is noted beside the database (``crypto.note_unlock_failure``)
and moved into the audit trail as an "unlock failure" once the database is open
(``services.unlock_audit``): a failure cannot be written into a database that
cannot be opened, and a person who gives up still leaves a trace for the next
unlock.

The passphrase opens the key file beside the database or a copy of it in the backup
folders (``practice.db.keyring``). When none can be read (damaged), the dialog says so
and offers only the recovery key, which writes the key file again. A file that is not
a plain database and has no key file at all may be an encrypted practice whose key
file was lost, or a damaged file: :func:`ask_without_key_file` asks which.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.db import crypto, encryption, keyring
from practice.text import QT_TRANSLATE_NOOP
from practice.ui import i18n, theme
from practice.ui.backups_dialog import backup_folder
from practice.ui.widgets import error_label, fit_to_screen

FIELD_WIDTH = 320
P = ParamSpec("P")
R = TypeVar("R")
WRONG_PASSPHRASE = QT_TRANSLATE_NOOP("PassphrasePanel", "Wrong passphrase. Try again.")


def said(exc: BaseException) -> str:
    """What ``exc`` says, in the GUI's language when its text is marked."""
    if exc.args and isinstance(exc.args[0], str):
        return i18n.translated(exc.args[0])
    return str(exc)


def _busy(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` with a wait cursor (Argon2id takes a moment)."""

    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return function(*args, **kwargs)
        finally:
            QGuiApplication.restoreOverrideCursor()

    return run


class PassphrasePanel(QWidget):
    """Passphrase field and Unlock button; emits ``unlocked`` with the key (None if plain)."""

    unlocked = Signal(object)

    def __init__(self, db_path: Path, *, encrypted: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.encrypted = encrypted
        self.failures = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Passphrase"))
        self.field.setMinimumWidth(FIELD_WIDTH)
        self.field.setAccessibleName(self.tr("Passphrase"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setAutoDefault(False)  # Return in the field unlocks, once
        self.error = error_label()
        self.recovery_button = QPushButton(self.tr("Use the recovery key…"))
        self.recovery_button.setFlat(True)
        self.recovery_button.setAutoDefault(False)
        self.recovery_button.setCursor(Qt.CursorShape.PointingHandCursor)
        theme.set_role(self.recovery_button, "accent")
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.unlock_button)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.recovery_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.field.setVisible(encrypted)
        self.recovery_button.setVisible(encrypted)
        self.field.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.recovery_button.clicked.connect(self.use_recovery_key)

    def try_unlock(self) -> None:
        if not self.encrypted:
            self.unlocked.emit(None)
            return
        try:
            key = _busy(keyring.unlock)(self.db_path, self.field.text(), _backup_dirs(self.db_path))
        except crypto.WrongPassphraseError:
            self.failures += 1
            crypto.note_unlock_failure(self.db_path)
            self.show_error(i18n.translated(WRONG_PASSPHRASE))
            return
        except crypto.CryptoError as exc:
            self.show_error(said(exc))
            return
        self.field.clear()
        self.error.hide()
        self.unlocked.emit(key)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.field.selectAll()
        self.field.setFocus()

    def use_recovery_key(self) -> None:
        dialog = RecoveryDialog(self.db_path, self.window())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.key is not None:
            self.field.clear()
            self.error.hide()
            self.unlocked.emit(dialog.key)


class RecoveryDialog(QDialog):
    """Unlock with the recovery key and choose a new passphrase."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.key: bytes | None = None
        self.setWindowTitle(self.tr("Use the recovery key"))
        intro = QLabel(
            self.tr(
                "Type the recovery key from the page you printed or saved when encryption was "
                "turned on (capital or small letters, with or without dashes), then choose a "
                "new passphrase."
            )
        )
        intro.setWordWrap(True)
        self.recovery = QLineEdit()
        self.recovery.setPlaceholderText("XXXX-XXXX-XXXX-…")  # not translated: the key's shape
        self.recovery.setMinimumWidth(480)
        font = self.recovery.font()
        font.setFamily("monospace")
        self.recovery.setFont(font)
        self.new = QLineEdit()
        self.new.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Recovery key"), self.recovery)
        form.addRow(self.tr("New passphrase"), self.new)
        form.addRow(self.tr("New passphrase again"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Unlock and set passphrase"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self)

    def submit(self) -> None:
        new = self.new.text()
        problem = crypto.check_passphrase(new)
        if problem is None and new != self.again.text():
            problem = self.tr("The two new passphrases differ.")
        if problem:
            self._fail(i18n.translated(problem))
            return
        try:
            self.key = _busy(encryption.reset_passphrase)(
                self.db_path, self.recovery.text(), new, backup_dirs=_backup_dirs(self.db_path)
            )
        except crypto.WrongPassphraseError as exc:
            crypto.note_unlock_failure(self.db_path, "wrong recovery key")  # not translated: audit
            self._fail(said(exc))
            return
        except (crypto.CryptoError, OSError) as exc:
            self._fail(said(exc))
            return
        self.accept()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def _backup_dirs(db_path: Path) -> list[Path]:
    return [backup_folder(db_path)]


class UnlockDialog(QDialog):
    """The passphrase prompt at start; ``key`` holds the database key once accepted."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key: bytes | None = None
        self.setWindowTitle(self.tr("Unlock Practice"))
        title = QLabel(self.tr("This practice is encrypted"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        where = QLabel(
            self.tr("Type the passphrase to open <b>{name}</b>.").format(name=db_path.name)
        )
        where.setToolTip(str(db_path))
        self.panel = PassphrasePanel(db_path, encrypted=True)
        self.lost = QLabel(i18n.translated(keyring.lost_message(db_path)))
        self.lost.setWordWrap(True)
        lost = keyring.key_file_lost(db_path, _backup_dirs(db_path))
        if lost:
            where.setText(
                self.tr("Practice cannot unlock <b>{name}</b> with a passphrase.").format(
                    name=db_path.name
                )
            )
            self.panel.field.hide()
            self.panel.unlock_button.hide()
            self.panel.recovery_button.setFlat(False)
            theme.set_role(self.panel.recovery_button, "")
        quit_button = QPushButton(self.tr("Quit"))
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(where)
        layout.addWidget(self.lost)
        self.lost.setHidden(not lost)
        layout.addSpacing(4)
        layout.addWidget(self.panel)
        layout.addWidget(quit_button, 0, Qt.AlignmentFlag.AlignRight)
        self.panel.unlocked.connect(self._unlocked)
        self.panel.field.setFocus()
        fit_to_screen(self)

    def _unlocked(self, key: bytes | None) -> None:
        self.key = key
        self.accept()


def ask_key(db_path: Path, parent: QWidget | None = None) -> bytes | None:
    """Ask for the passphrase of the encrypted practice; None when the user quits."""
    dialog = UnlockDialog(db_path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.key


def lost_key_box(db_path: Path, parent: QWidget | None = None) -> QMessageBox:
    """The question for a file that is not plain and has no key file: the recovery key,
    a look at the file as damaged (the app then offers a backup), or Quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("UnlockDialog", "Unlock Practice"))
    box.setText(
        QCoreApplication.translate(
            "UnlockDialog",
            "Practice cannot read {name}: it is not a plain database, and it has no "
            "key file ({key_file}), here or in the backup folders. "
            "If the practice is encrypted, its recovery key opens it and sets a new "
            "passphrase. Otherwise the file is damaged.",
        ).format(name=db_path.name, key_file=f"{db_path.name}{crypto.KEY_FILE_SUFFIX}")
    )
    box.addButton(
        QCoreApplication.translate("PassphrasePanel", "Use the recovery key…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("UnlockDialog", "It is not encrypted"),
        QMessageBox.ButtonRole.ActionRole,
    )
    box.setEscapeButton(
        box.addButton(
            QCoreApplication.translate("UnlockDialog", "Quit"), QMessageBox.ButtonRole.RejectRole
        )
    )
    return box


def ask_without_key_file(db_path: Path, parent: QWidget | None = None) -> tuple[bytes | None, bool]:
    """(key, go on): the key after the recovery key; (None, True) to open it as a damaged
    file; (None, False) when the user quits."""
    box = lost_key_box(db_path, parent)
    box.exec()
    clicked = box.clickedButton()
    role = box.buttonRole(clicked) if clicked is not None else QMessageBox.ButtonRole.RejectRole
    if role == QMessageBox.ButtonRole.ActionRole:
        return None, True
    if role != QMessageBox.ButtonRole.AcceptRole:
        return None, False
    dialog = RecoveryDialog(db_path, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.key is not None:
        return dialog.key, True
    return None, False
