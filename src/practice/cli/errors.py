"""What a command reports: CliError, the exit statuses, and the one place that turns
every error into one line on stderr and a status.

No traceback ever reaches the terminal: an expected failure (a CliError, a full disk,
a read-only file or folder, the lock, a service's refusal) is said in one line; a
closed pipe (``practice clients | head -1``) ends quietly; Ctrl+C says so in one
line; anything else is a bug, written with its traceback to the log file
(``practice.logs``) and named in one line that says where the details are.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable

from practice import logs
from practice.cli.output import terminal_text
from practice.db import crypto, migrate
from practice.db.health import exception_chain, is_disk_full
from practice.db.lock import LockedError
from practice.db.server_access import InsecureConnectionError
from practice.services.backup import BackupError
from practice.services.errors import ServiceError, ValidationError

EXIT_OK, EXIT_ERROR = 0, 1
EXIT_INTERRUPTED = 130  # the shell's status for Ctrl+C

DISK_FULL = (
    "the disk is full, so the command could not finish; everything saved before it is "
    "safe. Free some space on the disk, then try again."
)
READ_ONLY = (
    "cannot write {what}: the file or its folder is read-only. The command stopped; "
    "everything saved before it is safe."
)
MISSING = (
    "cannot write {what}: that folder does not exist, and Practice cannot make it there. "
    "Check the path (and that your home folder exists). The command stopped; everything "
    "saved before it is safe."
)
DISK_ERROR = (
    "the disk reported an error while writing, so the command stopped; everything saved "
    "before it is safe. If it happens again, back up and check the disk."
)
UNEXPECTED = "Practice hit an unexpected problem; details are in {log}"
UNEXPECTED_NO_LOG = "Practice hit an unexpected problem ({kind}); the log could not be written"
_READONLY, _IOERR = 8, 10  # SQLite's primary result codes
_READ_ONLY_ERRNOS = (errno.EROFS, errno.EACCES, errno.EPERM)
NAME_TOO_LONG = "a file name is too long for this disk; choose a shorter name. Nothing was changed."


class CliError(Exception):
    """A problem to report on stderr."""


def report_errors(run: Callable[[], int]) -> int:
    """Run a command; every failure becomes ``practice: message`` on stderr and a status."""
    try:
        status = run()
        sys.stdout.flush()  # a closed pipe shows here rather than at exit
        return status
    except BrokenPipeError:
        # The reader went away (``| head``): send the rest to nowhere, as Python's
        # documentation of SIGPIPE advises, and stop without a word.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    except KeyboardInterrupt:
        _say("interrupted.")
        return EXIT_INTERRUPTED
    except Exception as exc:
        _say(message_for(exc))
        return EXIT_ERROR


def service_message(exc: ServiceError) -> str:
    """A service's refusal in plain sentences: a ValidationError's messages without the
    names of its fields (``taken_on``: the code's words, not the therapist's), each
    ending with a full stop, one after the other."""
    if not isinstance(exc, ValidationError):
        return str(exc)
    said = [m.strip() for m in exc.errors.values() if m.strip()]
    return " ".join(m if m[-1] in ".!?…" else f"{m}." for m in said) or str(exc)


def message_for(exc: Exception) -> str:
    """The one line for a failed command; an unexpected error is logged first."""
    if isinstance(exc, ServiceError):
        return service_message(exc)
    if isinstance(exc, CliError | LockedError | BackupError):
        return str(exc)
    if isinstance(exc, crypto.CryptoError | migrate.DatabaseError | InsecureConnectionError):
        return str(exc)
    if is_disk_full(exc):
        return DISK_FULL
    known = _file_problem(exc)
    if known is not None:
        return known
    path = logs.log_unexpected(exc, "unexpected error in a command")
    if path is None:
        return UNEXPECTED_NO_LOG.format(kind=type(exc).__name__)
    return UNEXPECTED.format(log=path)


def _file_problem(exc: BaseException) -> str | None:
    """A read-only file or folder, or a disk error, anywhere in the exception's chain."""
    for cause in exception_chain(exc):
        if isinstance(cause, crypto.DB_ERRORS):
            code = getattr(cause, "sqlite_errorcode", None)
            primary = code & 0xFF if isinstance(code, int) else None
            text = str(cause).lower()
            if primary == _READONLY or "readonly database" in text:
                return READ_ONLY.format(what="the database")
            if primary == _IOERR or "disk i/o error" in text:
                return DISK_ERROR
        elif (
            isinstance(cause, OSError)
            and cause.errno in (*_READ_ONLY_ERRNOS, errno.ENOENT)
            and cause.filename
            and not os.path.lexists(cause.filename)
        ):  # e.g. HOME=/nonexistent: the data folder cannot be made, it is not read-only
            return MISSING.format(what=cause.filename)
        elif isinstance(cause, OSError) and cause.errno in _READ_ONLY_ERRNOS:
            what = cause.filename if cause.filename else "a file"
            return READ_ONLY.format(what=what)
        elif isinstance(cause, OSError) and cause.errno == errno.EIO:
            return DISK_ERROR
        elif isinstance(cause, OSError) and cause.errno == errno.ENAMETOOLONG:
            return NAME_TOO_LONG
    return None


def _say(message: str) -> None:
    with contextlib.suppress(OSError):  # stderr closed too: the status says it
        # escaped: a message may echo what was typed (an ESC in a code or an answer)
        shown = terminal_text(message, keep=frozenset("\n"))
        print(f"practice: {shown}", file=sys.stderr)
