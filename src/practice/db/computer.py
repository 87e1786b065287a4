"""Who is writing: this computer's short name and the operating-system user.

Two computers can work on one practice on a PostgreSQL server (issue 17). Every
edited row records the computer that changed it last (``db.versions``), a session
draft the computer that wrote it, and every audit event the computer and the
database user. The name is the host name up to its first dot (``office-pc`` for
``office-pc.example.org``), at most :data:`NAME_MAX` characters, the same on every
start; ``PRACTICE_COMPUTER_NAME`` sets it explicitly (a computer whose host name is
not telling, and the tests, which play two computers in one process).
"""

from __future__ import annotations

import getpass
import os
import socket

NAME_MAX = 64
NAME_VARIABLE = "PRACTICE_COMPUTER_NAME"
UNKNOWN = "unknown"


def computer_name() -> str:
    """This computer's short, stable name (never empty)."""
    given = os.environ.get(NAME_VARIABLE, "").strip()
    if given:
        return given[:NAME_MAX]
    try:
        host = socket.gethostname()
    except OSError:
        host = ""
    short = host.split(".", 1)[0].strip()
    return (short or UNKNOWN)[:NAME_MAX]


def os_user() -> str:
    """The operating-system user running Practice (what an SQLite practice records as
    its database user: the file has no users of its own)."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError, ImportError):
        name = ""
    return (name or UNKNOWN)[:NAME_MAX]
