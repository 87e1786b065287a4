"""What went wrong in a user action, as a message for the therapist, or as a bug.

A user action runs in one unit of work (``with database.session()``): when it fails,
the transaction is rolled back, so nothing of it is written and everything committed
before it is safe. :func:`problem_message` turns an expected failure (a service
error, a full disk, a busy, read-only or damaged file, the lock) into words;
anything else is a bug and goes to :func:`report_bug` (then to ``practice.ui.crash``).
Forms do not call these directly: :func:`practice.ui.actions.run_action` is the one error path.
"""

from __future__ import annotations

import sqlite3
from typing import NoReturn

from PySide6.QtCore import QCoreApplication

from practice.db.health import DISK_FULL_MESSAGE, exception_chain, is_disk_full
from practice.db.lock import LockedError
from practice.services.errors import ServiceError, ValidationError
from practice.text import QT_TRANSLATE_NOOP
from practice.ui.i18n import translated

# Marked here, translated when said (``problem_message`` and ``with_kept_note``).
KEPT = QT_TRANSLATE_NOOP("errors", "What you typed is still here.")
BUSY_MESSAGE = QT_TRANSLATE_NOOP(
    "errors",
    "The database is busy with another program's change, so this change was not saved. "
    "Try again in a moment.",
)
READ_ONLY_MESSAGE = QT_TRANSLATE_NOOP(
    "errors",
    "The database file cannot be written (the file or its folder is read-only), so this "
    "change was not saved. Everything saved before it is safe.",
)
IO_MESSAGE = QT_TRANSLATE_NOOP(
    "errors",
    "The disk reported an error while saving, so this change was not saved. Everything "
    "saved before it is safe. If it happens again, back up and check the disk.",
)
DAMAGED_MESSAGE = QT_TRANSLATE_NOOP(
    "errors",
    "The database file appears to be damaged, so this change was not saved. Close "
    "Practice: at the next start it checks the file and offers to restore the latest "
    "good backup.",
)

# SQLite's primary result codes (the low byte of an extended code).
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _NOTADB = 5, 6, 8, 10, 11, 26


def problem_message(exc: BaseException) -> str | None:
    """A message for an expected failure of a save, in the GUI's language; None for
    anything else (a bug)."""
    if is_disk_full(exc):
        return translated(DISK_FULL_MESSAGE)
    if isinstance(exc, LockedError | ServiceError) and not isinstance(exc, ValidationError):
        return error_text(exc)
    for cause in exception_chain(exc):
        if isinstance(cause, sqlite3.Error):
            message = _sqlite_message(cause)
            if message:
                return translated(message)
        elif isinstance(cause, OSError):
            reason = cause.strerror or str(cause)
            return QCoreApplication.translate(
                "errors", "A file could not be written ({reason}), so this change was not saved."
            ).format(reason=reason)
    return None


def error_text(exc: BaseException) -> str:
    """An exception's message in the GUI's language (a service marks it with
    ``practice.text.QT_TRANSLATE_NOOP``; an unmarked one is shown as it is)."""
    message = exc.args[0] if len(exc.args) == 1 else str(exc)
    return translated(message)


def validation_messages(exc: ValidationError) -> dict[str, str]:
    """The per-field messages of a refused save, in the GUI's language."""
    return {name: translated(message) for name, message in exc.errors.items()}


def report_bug(exc: BaseException) -> NoReturn:
    """Raise an unexpected exception again, to ``sys.excepthook``.

    There the crash report installed at start (``practice.ui.crash``) writes its
    traceback to the log file and shows one dialog instead of printing it.
    """
    raise exc


def with_kept_note(message: str) -> str:
    """The message followed by the reassurance that the form still holds the input."""
    return QCoreApplication.translate("errors", "{message} {kept}").format(
        message=message, kept=translated(KEPT)
    )


def _sqlite_message(error: sqlite3.Error) -> str | None:  # marked: translated by the caller
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error).lower()
    locked = "database is locked"  # not translated: SQLite's own text
    if primary in (_BUSY, _LOCKED) or locked in text:
        return BUSY_MESSAGE
    if primary == _READONLY or "readonly database" in text:  # not translated: SQLite's
        return READ_ONLY_MESSAGE
    if primary == _IOERR or "disk i/o error" in text:
        return IO_MESSAGE
    if primary in (_CORRUPT, _NOTADB) or "malformed" in text or "not a database" in text:
        return DAMAGED_MESSAGE
    return None
