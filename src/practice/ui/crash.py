"""A bug in the app: logged with its traceback, and said in one dialog, never printed.

:func:`install` (called once by ``practice.app`` at start) makes ``sys.excepthook``
and ``threading.excepthook`` call :func:`report`: the traceback goes to the log file
(``practice.logs``) and :class:`CrashDialog` says "Practice hit an unexpected
problem", with the log's path and a "Copy details" button that puts the traceback
(values scrubbed, see ``practice.logs.crash_details``) on the clipboard. A bug in a
background thread is logged there and shown by the GUI thread.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from practice import logs
from practice.ui.widgets import fit_to_screen

# Open dialogs, kept alive until they close (they have no parent).
_open: list[CrashDialog] = []


class CrashDialog(QDialog):
    """What the user sees of a bug: what happened, where the details are, a copy button."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        title = self.tr("Practice hit an unexpected problem")
        self.setWindowTitle(title)
        where = (
            self.tr("The details are in the log file {path}.").format(path=log_file)
            if log_file is not None
            else self.tr("The details could not be written to the log file.")
        )
        self.message = QLabel(
            self.tr(
                "<b>{title}.</b><br><br>What you saved before is safe; the action that "
                "failed may not have been saved. If it happens again, please send the "
                "details to support (they hold no client data).<br><br>{where}"
            ).format(title=title, where=where)
        )
        self.message.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.copy_details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        fit_to_screen(self)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


def report(exc: BaseException, *, wait: bool = False) -> CrashDialog:
    """Log ``exc`` with its traceback and show the dialog (``wait``: until it is closed)."""
    return show(exc, logs.log_unexpected(exc, "unexpected error in the app"), wait=wait)


def show(exc: BaseException, log_file: Path | None, *, wait: bool = False) -> CrashDialog:
    """The dialog for ``exc`` whose details went to ``log_file``."""
    dialog = CrashDialog(logs.crash_details(exc), log_file)
    if wait:
        dialog.exec()
        return dialog
    _open.append(dialog)
    dialog.finished.connect(lambda _result: _open.remove(dialog))
    dialog.open()
    return dialog


class _Relay(QObject):
    """Carries a background thread's bug to the GUI thread."""

    crashed = Signal(object, object)  # the exception, the log path or None

    @Slot(object, object)
    def show_crash(self, exc: BaseException, log_file: Path | None) -> None:
        show(exc, log_file)


_relay: list[_Relay] = []


def install() -> None:
    """Make every uncaught exception go to :func:`report` instead of stderr."""
    if not _relay:
        _relay.append(_Relay(QGuiApplication.instance()))  # lives in the GUI thread
        _relay[0].crashed.connect(_relay[0].show_crash)
    relay = _relay[0]

    def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, KeyboardInterrupt):
            return
        report(exc.with_traceback(tb))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        exc = args.exc_value
        if exc is None or isinstance(exc, SystemExit):
            return
        relay.crashed.emit(exc, logs.log_unexpected(exc, "unexpected error in a background task"))

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
