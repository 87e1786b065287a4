"""Security settings: turn encryption on, change the passphrase, auto-lock minutes.

Turning encryption on closes the database, encrypts it (and the plain copies and
backups of it that are found, see ``practice.db.encryption``), opens it again with
the new key and shows the recovery key (:class:`RecoveryKeyDialog`), with "Save as
PDF to print…". The dialog emits ``key_changed`` with the new key so that whoever
makes backups uses it. Until the user ticks "I have printed or written down the
recovery key" and clicks Done, each unlock at start shows the key again
(:func:`resume_encryption`, which also finishes an encryption a crash interrupted).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from practice.db import crypto, encryption, keyring
from practice.db.engine import Database
from practice.services import audit
from practice.sheets.recovery_sheet import recovery_key_pdf
from practice.ui import i18n, theme
from practice.ui.actions import run_action
from practice.ui.auto_lock import auto_lock_minutes, set_auto_lock_minutes
from practice.ui.backups_dialog import backup_folder
from practice.ui.save_guard import refuse_protected
from practice.ui.unlock_dialog import said
from practice.ui.unsaved import DialogGuard
from practice.ui.widgets import error_label, fit_to_screen

NOTE_STYLE = "muted"  # theme roles
OK_STYLE = "success"


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(260)
    return field


def backup_dirs(db_path: Path) -> list[Path]:
    """The backup folder in use (setting or default), for re-wrapping and encrypting copies."""
    return [backup_folder(db_path)]


def copies_message(copies: encryption.CopiesResult) -> str:
    """What the user must know about the plain copies: those left readable, folders not
    reached, unfinished backups deleted ("" when there is nothing to say)."""
    lines = [f"• {p.name}: {i18n.translated(why)}" for p, why in copies.left_plain]
    lines += [
        "• "
        + QCoreApplication.translate(
            "SecuritySettingsDialog",
            "{folder}: folder not found; plain backups in it stay readable",
        ).format(folder=f)
        for f in copies.unreachable
    ]
    message = ""
    if lines:
        message = QCoreApplication.translate(
            "SecuritySettingsDialog",
            "These copies could not be encrypted and are still readable:\n{lines}",
        ).format(lines="\n".join(lines))
    if copies.removed:
        removed = len(copies.removed)  # lupdate reads a plain name as the count
        message += "\n" + QCoreApplication.translate(
            "SecuritySettingsDialog", "%n unfinished plain backup(s) deleted.", None, removed
        )
    return message.strip()


def resume_encryption(parent: QWidget, db_path: Path, key: bytes) -> RecoveryKeyDialog | None:
    """After an unlock: encrypt the plain copies an interrupted encryption left, and show
    the recovery key again while it is not confirmed as kept (returns that dialog)."""
    folders = backup_dirs(db_path)
    todo = encryption.pending(db_path, folders)
    if todo.plain:
        message = copies_message(encryption.finish(db_path, key, folders))
        if message:
            title = QCoreApplication.translate("SecuritySettingsDialog", "Encryption")
            box = QMessageBox(QMessageBox.Icon.Warning, title, message, parent=parent)
            box.open()
    if not todo.recovery_unconfirmed:
        return None
    dialog = RecoveryKeyDialog(crypto.format_recovery_key(key), db_path, parent)
    dialog.open()
    return dialog


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key; Done (enabled once the user says it is kept) records that
    it is kept. Closed otherwise, it is shown again at the next unlock."""

    def __init__(self, recovery_key: str, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.db_path = db_path
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Your recovery key"))
        self.setMinimumWidth(620)
        intro = QLabel(
            self.tr(
                "<b>Keep this key somewhere safe, away from this computer.</b><br>"
                "It opens your records if the passphrase is forgotten or the key file is "
                "lost — without either, nobody can read them, not even you. Practice shows "
                "it again each time it is unlocked until you tick the box below."
            )
        )
        intro.setWordWrap(True)
        groups = recovery_key.split("-")
        half = (len(groups) + 1) // 2
        lines = ["  ".join(groups[:half]), "  ".join(groups[half:])]
        self.key_label = QLabel("\n".join(lines))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10) * 1.6)
        mono.setBold(True)
        self.key_label.setFont(mono)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setStyleSheet(
            "QLabel { border: 2px solid palette(mid); border-radius: 6px; padding: 14px; }"
        )
        self.save_button = QPushButton(self.tr("Save as PDF to print…"))
        self.save_button.clicked.connect(self._save_clicked)  # not save_pdf: clicked(bool)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        theme.set_role(self.saved_label, OK_STYLE)
        self.saved_label.hide()
        self.kept = QCheckBox(self.tr("I have printed or written down the recovery key"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        done = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        done.setText(self.tr("Done"))
        done.setEnabled(False)
        self.kept.toggled.connect(done.setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.saved_label)
        layout.addWidget(self.kept)
        layout.addWidget(self.buttons)
        fit_to_screen(self)

    def accept(self) -> None:
        try:
            keyring.mark_recovery_kept(self.db_path, backup_dirs(self.db_path))
        except (crypto.CryptoError, OSError) as exc:
            theme.set_role(self.saved_label, "danger")
            self.saved_label.setText(
                self.tr("Could not record that the key is kept: {problem}").format(
                    problem=said(exc)
                )
            )
            self.saved_label.show()
            return
        super().accept()

    def _save_clicked(self) -> None:
        self.save_pdf()

    def pdf_bytes(self) -> bytes:
        imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        return recovery_key_pdf(
            self.recovery_key,
            practice=str(self.db_path),
            created=datetime.now(),
            paper="letter" if imperial else "a4",
        )

    def save_pdf(self, target: Path | None = None) -> Path | None:
        if target is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the recovery key"),
                str(Path(folder) / self.tr("Practice recovery key.pdf")),
                self.tr("PDF files (*.pdf)"),
            )
            if not chosen:
                return None
            target = Path(chosen)
        if refuse_protected(self, target, self.db_path):
            return None
        try:
            crypto.write_private(target, self.pdf_bytes())
        except OSError as exc:
            theme.set_role(self.saved_label, "danger")
            self.saved_label.setText(
                self.tr("Could not save {name}: {problem}").format(
                    name=target.name, problem=exc.strerror
                )
            )
            self.saved_label.show()
            return None
        self.saved_to = target
        self.saved_label.setText(
            self.tr(
                "Saved to {path}. Print it, then keep the paper safe and delete the file."
            ).format(path=target)
        )
        self.saved_label.show()
        return target


class SecuritySettingsDialog(QDialog):
    """Encryption and auto-lock for the open practice."""

    key_changed = Signal(object)
    minutes_changed = Signal(float)

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.setWindowTitle(self.tr("Security settings"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(self._encryption_box())
        layout.addWidget(self._auto_lock_box())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(buttons)
        self._show_state()
        # Esc, the X and Close ask before a typed passphrase is dropped (see ui.unsaved)
        self.guard = DialogGuard(
            self,
            self._apply_asked,
            self.tr("the passphrase fields"),
            is_dirty=self._passphrase_typed,
        )
        buttons.rejected.connect(self.guard.reject)
        fit_to_screen(self)
        self._fit_height()

    def _passphrase_typed(self) -> bool:
        return any(field.text() for field in (self.current, self.new, self.again))

    def _apply_asked(self) -> bool:
        """Save in the unsaved-changes question: apply; close unless it failed or the
        recovery key is being shown."""
        self.apply_passphrase()
        showing_key = self.recovery_dialog is not None and self.recovery_dialog.isVisible()
        return not self._passphrase_typed() and not showing_key

    # ---- encryption ------------------------------------------------------------
    def _encryption_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Encryption"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.current = _password_field()
        self.new = _password_field()
        self.again = _password_field()
        self.form = QFormLayout()
        self.form.addRow(self.tr("Current passphrase"), self.current)
        self.form.addRow(self.tr("New passphrase"), self.new)
        self.form.addRow(self.tr("New passphrase again"), self.again)
        self.action = QPushButton()
        self.action.clicked.connect(self.apply_passphrase)
        self.error = error_label()
        self.success = QLabel()
        theme.set_role(self.success, OK_STYLE)
        self.success.setWordWrap(True)
        self.success.hide()
        self.note = QLabel()
        self.note.setWordWrap(True)
        theme.set_role(self.note, NOTE_STYLE)
        inner = QVBoxLayout(box)
        inner.addWidget(self.state)
        inner.addLayout(self.form)
        inner.addWidget(self.note)
        inner.addWidget(self.action, 0, Qt.AlignmentFlag.AlignRight)
        inner.addWidget(self.error)
        inner.addWidget(self.success)
        return box

    @property
    def encrypted(self) -> bool:
        return crypto.is_encrypted(self.database.path)

    def _show_state(self) -> None:
        encrypted = self.encrypted
        self.form.setRowVisible(self.current, encrypted)
        if encrypted:
            self.state.setText(
                self.tr(
                    "<b>This practice is encrypted.</b> Its database, the database's journal "
                    "and its backups can be read only with the passphrase or the recovery key."
                )
            )
            self.action.setText(self.tr("Change passphrase"))
            self.note.setText(self.tr("The recovery key stays the same."))
        else:
            self.state.setText(
                self.tr(
                    "<b>This practice is not encrypted.</b> Anyone who can open its files "
                    "(a lost laptop, a copied backup) can read every record."
                )
            )
            self.action.setText(self.tr("Turn on encryption…"))
            self.note.setText(
                self.tr(
                    "At least {count} characters; a few unrelated words are "
                    "easy to remember and hard to guess. Older copies and backups of this "
                    "practice are encrypted too. You will get a recovery key to print."
                ).format(count=crypto.MIN_PASSPHRASE)
            )

    def _new_passphrase(self) -> str | None:
        new = self.new.text()
        problem = crypto.check_passphrase(new)
        if problem is None and new != self.again.text():
            problem = self.tr("The two new passphrases differ.")
        if problem:
            self._fail(i18n.translated(problem))
            return None
        return new

    def apply_passphrase(self) -> None:
        self.error.hide()
        self.success.hide()
        new = self._new_passphrase()
        if new is None:
            return
        if self.encrypted:
            self._change(new)
        else:
            self._encrypt(new)

    def _change(self, new: str) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            encryption.change_passphrase(
                self.database.path,
                self.current.text(),
                new,
                backup_dirs=backup_dirs(self.database.path),
            )
        except crypto.WrongPassphraseError:
            why = "wrong passphrase (change passphrase)"  # not translated: the audit trail
            crypto.note_unlock_failure(self.database.path, why)
            self._fail(self.tr("The current passphrase is wrong; nothing was changed."))
            return
        except (crypto.CryptoError, OSError) as exc:
            self._fail(said(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._clear_fields()
        self._succeed(self.tr("The passphrase was changed."))

    def _encrypt(self, passphrase: str) -> None:
        path = self.database.path
        self.database.close()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = encryption.encrypt(path, passphrase, backup_dirs=backup_dirs(path))
        except (crypto.CryptoError, OSError) as exc:
            self.database.reopen(None)
            self._fail(self.tr("Encryption was not turned on: {problem}").format(problem=said(exc)))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.database.reopen(result.key)
        run_action(
            self,
            self.database,
            audit.encryption_turned_on,
            on_problem=lambda message: self._fail(i18n.translated(message)),
        )
        self.key_changed.emit(result.key)
        self._clear_fields()
        self._show_state()
        details = copies_message(result.copies)
        done = self.tr("Encryption is on.")
        self._succeed(f"{done}\n{details}" if details else done)
        self.recovery_dialog = RecoveryKeyDialog(result.recovery_key, path, self)
        self.recovery_dialog.open()

    def _clear_fields(self) -> None:
        for field in (self.current, self.new, self.again):
            field.clear()

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self._fit_height()

    def _succeed(self, message: str) -> None:
        self.success.setText(message)
        self.success.show()
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show every wrapped line (a message, longer words in Spanish): the
        window's minimum height does not count a wrapped label's extra lines."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    # ---- auto-lock ---------------------------------------------------------------
    def _auto_lock_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Auto-lock"))
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 240)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(max(1, round(auto_lock_minutes())))
        self.minutes.valueChanged.connect(self._minutes_changed)
        self.minutes.setMaximumWidth(140)
        form = QFormLayout(box)
        form.addRow(self.tr("Lock after"), self.minutes)
        hint = QLabel(
            self.tr(
                "After this long without typing or clicking, the window hides all client data "
                "and closes the database until it is unlocked."
            )
        )
        theme.set_role(hint, NOTE_STYLE)
        hint.setWordWrap(True)
        form.addRow("", hint)
        return box

    def _minutes_changed(self, value: int) -> None:
        set_auto_lock_minutes(float(value))
        self.minutes_changed.emit(float(value))
