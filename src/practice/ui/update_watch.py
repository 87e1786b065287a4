"""When Practice is updated on disk while it runs, say so and offer to restart.

A bundle loads its code lazily from its own files. When a package manager replaces them
(``apt upgrade`` of the .deb while the app is open), every window not yet opened would
load from the new files and fail. :class:`UpdateWatch` watches the program's file; when
it is replaced, one message says what happened, that the work so far is saved, and
offers "Restart now": the window closes as usual (drafts kept, exit backup, lock
released) and :func:`restart_if_asked` starts the new version in the same process.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

_restart = [False]


def program_file() -> Path | None:
    """The file to watch: the bundle's executable (an installed wheel updates itself
    between starts only, and loads its modules from files that stay whole)."""
    return Path(sys.executable) if getattr(sys, "frozen", False) else None


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns


class UpdateWatch(QObject):
    """Watches ``program`` (a file) for ``window``; tells the user once when it changes."""

    def __init__(self, program: Path, window: QWidget) -> None:
        super().__init__(window)
        self.program = program
        self.window = window
        self.box: QMessageBox | None = None
        self._first = _identity(program)
        # the file and its folder: a package manager renames a new file over the old one
        self._watcher = QFileSystemWatcher([str(program), str(program.parent)], self)
        self._watcher.fileChanged.connect(self._check)
        self._watcher.directoryChanged.connect(self._check)

    def _check(self, _path: str = "") -> None:
        if self.box is not None or _identity(self.program) == self._first:
            return
        log.info("the program file was replaced while running")
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Practice was updated"))
        box.setText(
            self.tr(
                "A new version of Practice was installed while it was open. "
                "Restart it to go on: until then some windows may not open."
            )
        )
        box.setInformativeText(
            self.tr("Your work so far is kept: restarting closes Practice as usual first.")
        )
        restart = box.addButton(self.tr("&Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restart)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.buttonClicked.connect(lambda button: self._answered(button is restart))
        self.box = box
        box.open()

    def _answered(self, restart: bool) -> None:
        if restart:
            _restart[0] = True
            self.window.close()  # as the user closing it: drafts, exit backup, lock
            if self.window.isVisible():  # the user kept it open (unsaved work)
                _restart[0] = False


def restart_asked() -> bool:
    """Whether the user chose "Restart now" (the app has closed by then)."""
    return _restart[0]


def restart_if_asked() -> None:
    """Start the program again in this process, if the user asked (after the app has
    closed and released its practice)."""
    if _restart[0]:
        log.info("restarting the updated program")
        logging.shutdown()
        os.execv(sys.executable, sys.argv)
