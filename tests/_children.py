"""Child processes killed with SIGKILL while they write, to leave what a crash leaves."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# A rollback-journal transaction that has already written into the file (a tiny
# cache spills its pages), killed before it commits: a hot journal beside the file.
MID_TRANSACTION = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA cache_size = 2")
conn.execute("BEGIN")
conn.execute("UPDATE clients SET notes = 'uncommitted ' || hex(randomblob(3000))")
print("in the middle", flush=True)
sys.stdin.readline()
"""

# The app's own engine (WAL): a client committed, the process killed with the
# connection open, so the commit is only in the -wal.
AFTER_COMMIT = """
import sys
from pathlib import Path
from practice.db.engine import Database
from practice.services import clients
import sqlite3
held = sqlite3.connect(sys.argv[1])  # open throughout: no checkpoint when the writer closes
held.execute("SELECT count(*) FROM clients").fetchone()
db = Database(Path(sys.argv[1]))
with db.session() as s:
    clients.create(s, clients.ClientInput(first_name=sys.argv[2], last_name="Walsh"))
print("committed", flush=True)
sys.stdin.readline()
"""


def _run_and_kill(script: str, *args: str, ready: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == ready
    finally:
        child.kill()
        child.wait(timeout=10)


def kill_mid_transaction(db_path: Path) -> Path:
    """Kill a writer in the middle of a rollback-journal transaction; return the journal."""
    _run_and_kill(MID_TRANSACTION, str(db_path), ready="in the middle")
    journal = db_path.with_name(db_path.name + "-journal")
    assert journal.stat().st_size > 0, "the killed writer left no journal"
    return journal


def kill_after_commit(db_path: Path, first_name: str) -> Path:
    """Kill the app's engine after it committed a client; return the -wal holding it."""
    _run_and_kill(AFTER_COMMIT, str(db_path), first_name, ready="committed")
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.stat().st_size > 0, "the killed writer left no WAL"
    return wal
