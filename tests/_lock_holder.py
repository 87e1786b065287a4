"""A child process that holds a database's one-writer lock, as a running app would."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOLDER = """
import sys
from pathlib import Path
from practice.db.lock import DatabaseLock
lock = DatabaseLock(Path(sys.argv[1]), program="Practice").acquire()
print("held", flush=True)
sys.stdin.readline()
lock.release()
"""


@contextmanager
def lock_held_by_child(db_path: Path) -> Iterator[int]:
    """Yield the pid of a live child process holding the lock of ``db_path``."""
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        yield child.pid
    finally:
        assert child.stdin is not None
        child.stdin.close()
        child.wait(timeout=10)
