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
