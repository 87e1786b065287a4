"""A bug in the app: logged with its traceback, and said in one dialog, never printed.

:func:`install` (called once by ``practice.app`` at start) makes ``sys.excepthook``
and ``threading.excepthook`` call :func:`report`: the traceback goes to the log file
(``practice.logs``) and :class:`CrashDialog` says "Practice hit an unexpected
problem", with the log's path and a "Copy details" button that puts the traceback
(messages kept only when safe, see ``practice.logs.crash_details``) on the clipboard.
A bug in a background thread is logged there and shown by the GUI thread.

Qt's own messages go to the same log (:func:`qt_message`): a warning as a warning
(known harmless noise, such as a font or platform plugin remark, at debug level), a
critical or fatal message as an error that also opens the dialog, so nothing Qt says
is lost on a console no one reads. A flood cannot rotate the tracebacks out of the
log (:class:`_Flood`): the same message is written at most ``REPEATS_PER_MINUTE``
times a minute, and Qt's warnings at most ``WARNINGS_PER_MINUTE``; what was left out
is counted in one "repeated N times" line.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from practice import logs
from practice.ui.widgets import fit_to_screen

qt_log = logging.getLogger("practice.qt")

# Qt messages that say nothing about Practice: logged at debug level only. (Qt's own
# words, matched in its messages: not for the user, not translated.)
BENIGN_QT = (
    "propagateSizeHints",  # a platform plugin's remark
    "QFont::",  # a font size or family the system lacks
    "XDG_RUNTIME_DIR",
    "Populating font family aliases",  # not translated: Qt's words
    "This plugin does not support",  # not translated: Qt's words
    "QSocketNotifier: Can only be used",  # not translated: Qt's words
)
BENIGN_QT_CATEGORIES = ("qt.qpa.", "qt.text.font.", "qt.svg")

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


class QtCriticalError(RuntimeError):
    """A critical or fatal message from Qt, reported as a bug; logged with its quoted
    values scrubbed (``safe_message``, see ``practice.logs.exception_message``)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.safe_message = logs.scrub(text)


_relay: list[_Relay] = []
MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], None]


def _where(context: QMessageLogContext) -> str:
    category = context.category or ""
    place = f"{context.file}:{context.line}" if context.file else ""
    return " ".join(part for part in (category, place) if part and part != "default")


REPEATS_PER_MINUTE = 3  # the same Qt message, written at most this often a minute
WARNINGS_PER_MINUTE = 100  # all of Qt's warnings and notes together


class _Flood:
    """Counts Qt's messages per minute and says which may be written; the count of
    those left out is written when the minute ends (from any thread Qt speaks in)."""

    WINDOW = 60.0  # seconds

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.start = time.monotonic()
        self.total = 0
        self.seen: dict[str, int] = {}
        self.left_out = 0
        self.timer: threading.Timer | None = None

    def allow(self, text: str) -> bool:
        """Whether ``text`` may be written now."""
        with self.lock:
            now = time.monotonic()
            if now - self.start >= self.WINDOW:
                self._new_window(now)
            count = self.seen.get(text, 0) + 1
            if len(self.seen) < 10_000 or text in self.seen:
                self.seen[text] = count
            self.total += 1
            if count <= REPEATS_PER_MINUTE and self.total <= WARNINGS_PER_MINUTE:
                return True
            self.left_out += 1
            if self.timer is None:  # say it once the minute is over, flood or not
                self.timer = threading.Timer(self.start + self.WINDOW - now, self.flush)
                self.timer.daemon = True
                self.timer.start()
            return False

    def flush(self) -> None:
        """Write how many messages were left out, and start counting afresh."""
        with self.lock:
            self._new_window(time.monotonic())

    def _new_window(self, now: float) -> None:
        if self.left_out:
            qt_log.warning(
                "Qt: messages repeated %s times, left out of the log",  # not translated: log
                self.left_out,
            )
        if self.timer is not None:
            self.timer.cancel()
        self.start, self.total, self.seen, self.left_out, self.timer = now, 0, {}, 0, None


_flood = _Flood()


def qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages into the log; a critical or fatal one is shown as a bug."""
    where = _where(context)
    text = f"Qt: {message} ({where})" if where else f"Qt: {message}"
    category = context.category or ""
    benign = any(noise in message for noise in BENIGN_QT) or category.startswith(
        BENIGN_QT_CATEGORIES
    )
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        error = QtCriticalError(text)
        log_file = logs.log_unexpected(error, "Qt reported a critical problem")
        if kind == QtMsgType.QtFatalMsg and threading.current_thread() is threading.main_thread():
            show(error, log_file, wait=True)  # Qt ends the app when this returns
        elif _relay:
            _relay[0].crashed.emit(error, log_file)  # shown once Qt is out of its call
        return
    flooding = kind in (QtMsgType.QtWarningMsg, QtMsgType.QtInfoMsg) and not benign
    if flooding and not _flood.allow(text):
        return  # counted, and said once the minute is over
    if kind == QtMsgType.QtWarningMsg and not benign:
        qt_log.warning("%s", logs.scrub(text))
    elif kind == QtMsgType.QtInfoMsg and not benign:
        qt_log.info("%s", logs.scrub(text))
    else:
        qt_log.debug("%s", logs.scrub(text))


def install_qt_messages() -> MessageHandler | None:
    """Send Qt's messages to :func:`qt_message`; returns the handler it replaces
    (pass it back to ``qInstallMessageHandler`` to undo)."""
    previous: MessageHandler | None = qInstallMessageHandler(qt_message)
    return previous


def install() -> None:
    """Make every uncaught exception go to :func:`report` instead of stderr."""
    if not _relay:
        _relay.append(_Relay(QGuiApplication.instance()))  # lives in the GUI thread
        # queued: a Qt message is shown after Qt's call that said it has returned
        _relay[0].crashed.connect(_relay[0].show_crash, Qt.ConnectionType.QueuedConnection)
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
    install_qt_messages()
