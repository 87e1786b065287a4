"""The save dialogs' guard: never write over the practice, its own files or its backups.

Qt's save dialog already asks before replacing any other file; this refuses, with a
message, the paths :func:`practice.files.protected_reason` protects (the backups
folder is the one in use: the setting, or the default).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from practice import files
from practice.text import QT_TRANSLATE_NOOP
from practice.ui.backups_dialog import backup_folder
from practice.ui.i18n import translated

REFUSED_TITLE = QT_TRANSLATE_NOOP("save_guard", "Choose another place")


def refuse_protected(parent: QWidget | None, target: Path, practice: Path) -> bool:
    """True, after saying why, when ``target`` belongs to the practice at ``practice``."""
    reason = files.protected_reason(target, practice, backup_folder(practice))
    if reason is None:
        return False
    QMessageBox.warning(
        parent,
        translated(REFUSED_TITLE),
        QCoreApplication.translate(
            "save_guard",
            "{reason}.\n\nPractice never writes over the practice, its own files or its "
            "backups. Nothing was saved; choose another name or folder.",
        ).format(reason=translated(reason)),
    )
    return True


def with_extension(
    parent: QWidget | None, target: Path, practice: Path, extension: str
) -> Path | None:
    """The path to save to, ``target`` as chosen in a save dialog with ``extension``
    (".pdf") added when its name lacks it; None when it belongs to the practice (said,
    :func:`refuse_protected`) or, named anew, would replace a file the user keeps
    (asked: Qt's dialog asked about the name as typed, not this one)."""
    if refuse_protected(parent, target, practice):  # the name as chosen
        return None
    if target.suffix.lower() == extension:
        return target
    target = target.with_name(target.name + extension)
    if refuse_protected(parent, target, practice):
        return None
    if target.exists():
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("save_guard", "Replace the file?"),
            QCoreApplication.translate(
                "save_guard", "{name} already exists in {folder}. Replace it?"
            ).format(name=target.name, folder=target.parent),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return target
