"""The log file: ``logs/practice.log`` in the data folder, for the CLI and the GUI alike.

:func:`setup_logging` is the one setup (``practice`` and the app call it first). The
file is rotated (three old files kept), readable by the user only (the folder too),
and created at the first line written, so a command that logs nothing leaves nothing.
At the default level it holds what happened, never client data: SQLAlchemy hides
statement parameters (``practice.db.engine``), and the message of every exception in
a traceback has its quoted values replaced by ``'…'`` (a name in a ``KeyError``, a path).
A log that cannot be written (a full disk, a read-only folder) is skipped silently.
"""

from __future__ import annotations

import io
import logging
import os
import re
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import Any

from practice.paths import data_dir

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


def crash_details(exc: BaseException) -> str:
    """The traceback of ``exc`` (and of what caused it), messages scrubbed of values."""
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
        message = scrub(str(error))
        parts.append(f"{name}: {message}\n" if message else f"{name}\n")
    return "".join(parts)


class _ScrubbingFormatter(logging.Formatter):
    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging's name)
        error = ei[1]
        return crash_details(error).rstrip("\n") if error is not None else ""


class PrivateLogHandler(RotatingFileHandler):
    """A rotating file handler that makes its folder (0700) and files (0600) private
    and never reports its own failures on stderr."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8", delay=True)
        self.failed = False

    def _open(self) -> io.TextIOWrapper:
        folder = Path(self.baseFilename).parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
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
