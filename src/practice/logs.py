"""The log file: ``logs/practice.log`` in the data folder, for the CLI and the GUI alike.

:func:`setup_logging` is the one setup (``practice`` and the app call it first). The
file is rotated (three old files kept), readable by the user only (the folder too),
and created at the first line written, so a command that logs nothing leaves nothing.
At the default level it holds what happened, never client data: SQLAlchemy hides
statement parameters (``practice.db.engine``), and a traceback keeps every frame (file,
line, function) but the message of an exception only when it cannot hold client data
(:func:`exception_message`): our own marked text (``practice.text``) as its template,
with the ``{placeholders}`` and never the values; the words of a few library errors
(SQLite, SQLAlchemy with parameters hidden, the system's reason for an ``OSError``
without the file name). Any other message is replaced by its length, for a name in a
``KeyError`` or a note in a ``ValueError`` may be anywhere in it, quoted or not.
A log that cannot be written (a full disk, a read-only folder) is skipped silently.
"""

from __future__ import annotations

import io
import logging
import os
import re
import sqlite3
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from practice.paths import data_dir
from practice.text import Marked, Text

LOG_FOLDER, LOG_NAME = "logs", "practice.log"
MAX_BYTES, KEEP = 1_000_000, 3
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("practice")


def log_path() -> Path:
    """Where the log is written: ``logs/practice.log`` in the data folder."""
    return data_dir() / LOG_FOLDER / LOG_NAME


def scrub(text: str) -> str:
    """``text`` with every quoted value replaced by ``'…'``."""
    return _QUOTED.sub("'…'", text)


def _hidden(message: str) -> str:
    return f"<message hidden: {len(message)} characters>"


def exception_message(error: BaseException) -> str:
    """What of ``error``'s message may go to the log and the crash details.

    Kept: our marked text (a ``Text`` as its template, ``{name}`` and not the name;
    a ``Marked`` as it is); an exception's own ``safe_message`` (a scrubbed Qt
    message, ``practice.ui.crash``); SQLite's words; a SQLAlchemy error whose
    statement parameters are hidden; an ``OSError``'s reason without the file names;
    the module a failed import named (what a bundle that misses a module says).
    Anything else is hidden, with its length only ("" stays "").
    """
    message = str(error)
    if not message:
        return ""
    safe = getattr(error, "safe_message", None)
    if isinstance(safe, str):
        return safe
    if len(error.args) == 1 and isinstance(error.args[0], Text):
        return str(error.args[0].template)
    if len(error.args) == 1 and isinstance(error.args[0], Marked):
        return str(error.args[0])
    if isinstance(error, sqlite3.Error):
        return message
    if isinstance(error, ModuleNotFoundError) and error.name:
        return f"No module named {error.name!r}"
    if isinstance(error, OSError):
        if error.strerror:
            return f"[Errno {error.errno}] {error.strerror}" if error.errno else error.strerror
        return _hidden(message)
    if _is_quiet_sqlalchemy(error):
        return message
    return _hidden(message)


def _is_quiet_sqlalchemy(error: BaseException) -> bool:
    """A SQLAlchemy error whose text holds no statement parameters."""
    import sys

    exc = sys.modules.get("sqlalchemy.exc")  # not imported: not a SQLAlchemy error
    if exc is None or not isinstance(error, exc.SQLAlchemyError):
        return False
    if isinstance(error, exc.StatementError):
        return bool(error.hide_parameters) or not error.params
    return True


def crash_details(exc: BaseException) -> str:
    """The traceback of ``exc`` (and of what caused it); messages only when safe
    (:func:`exception_message`)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    parts: list[str] = []
    for index, error in enumerate(reversed(chain)):
        if index:
            parts.append("\nThe above exception led to the following one:\n\n")
        parts.append("Traceback (most recent call last):\n")
        parts += traceback.format_tb(error.__traceback__)
        kind = type(error)
        name = (
            kind.__qualname__
            if kind.__module__ == "builtins"
            else f"{kind.__module__}.{kind.__qualname__}"
        )
        message = exception_message(error)
        parts.append(f"{name}: {message}\n" if message else f"{name}\n")
    return "".join(parts)


class _ScrubbingFormatter(logging.Formatter):
    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging's name)
        error = ei[1]
        return crash_details(error).rstrip("\n") if error is not None else ""


class PrivateLogHandler(RotatingFileHandler):
    """A rotating file handler that makes its folder and the missing ones above it, such
    as the data folder on a first start (0700), and its files (0600) private, and never
    reports its own failures on stderr."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True)
        self.failed = False

    def _open(self) -> io.TextIOWrapper:
        folder = Path(self.baseFilename).parent
        missing = [f for f in (folder, *folder.parents) if not f.exists()]
        for each in reversed(missing):  # the data folder too, on a first start: 0700
            each.mkdir(mode=0o700, exist_ok=True)
            os.chmod(each, 0o700)
        os.chmod(folder, 0o700)
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        self.failed = False
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        self.failed = True  # a full disk or a read-only folder: the app goes on without it


def setup_logging(level: int = logging.INFO) -> Path:
    """Send Practice's log to :func:`log_path` (once per path); returns the path."""
    path = log_path()
    for handler in list(log.handlers):
        if isinstance(handler, PrivateLogHandler):
            if Path(handler.baseFilename) == path.absolute():
                return path
            log.removeHandler(handler)
            handler.close()
    handler = PrivateLogHandler(path)
    handler.setFormatter(_ScrubbingFormatter(_FORMAT))
    log.addHandler(handler)
    log.setLevel(level)
    return path


def log_unexpected(exc: BaseException, what: str = "unexpected problem") -> Path | None:
    """Write the traceback of ``exc`` to the log; its path, or None when it was not written."""
    log.error(what, exc_info=exc)
    handlers = [h for h in log.handlers if isinstance(h, PrivateLogHandler)]
    if not handlers or any(h.failed for h in handlers):
        return None
    return Path(handlers[0].baseFilename)
