"""One writer: a lock file beside the database, across processes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from practice.db.lock import DatabaseLock, LockedError, lock_path, read_owner

HOLDER = """
import sys
from pathlib import Path
from practice.db.lock import DatabaseLock
lock = DatabaseLock(Path(sys.argv[1]), program="practice-gui").acquire()
print("held", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
"""

RACER = """
import sys, time
from pathlib import Path
from practice.db.lock import DatabaseLock, LockedError
start = float(sys.argv[2])
while time.time() < start:
    pass
try:
    lock = DatabaseLock(Path(sys.argv[1]), program="racer").acquire()
    print("won", flush=True)
except LockedError:
    print("lost", flush=True)
sys.stdin.readline()
"""


def _holder(db_path: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _write_lock(db_path: Path, **fields: object) -> None:
    data = {"pid": 0, "host": socket.gethostname(), "started": "2026-01-01T00:00:00+00:00"}
    data |= {"program": "practice"} | fields
    lock_path(db_path).write_text(json.dumps(data))


def test_lock_file_names_this_process_and_is_removed_on_release(tmp_path: Path) -> None:
    db_path = tmp_path / "practice.sqlite3"
    with DatabaseLock(db_path, program="practice-cli") as lock:
        owner = read_owner(db_path)
        assert lock.held and lock.path == tmp_path / "practice.sqlite3.lock"
        assert owner is not None
        assert (owner.pid, owner.host, owner.program) == (
            os.getpid(),
            socket.gethostname(),
            "practice-cli",
        )
        assert oct(lock.path.stat().st_mode & 0o777) == "0o600"
    assert not lock.path.exists() and not lock.held


def test_a_second_lock_is_refused_even_in_the_same_process(tmp_path: Path) -> None:
    db_path = tmp_path / "practice.sqlite3"
    with DatabaseLock(db_path), pytest.raises(LockedError, match=f"process {os.getpid()}"):
        DatabaseLock(db_path).acquire()


def test_a_live_process_holding_the_lock_is_named(tmp_path: Path) -> None:
    # Given another process that holds the lock
    db_path = tmp_path / "practice.sqlite3"
    child = _holder(db_path)
    try:
        # When this process tries to take it
        with pytest.raises(LockedError) as caught:
            DatabaseLock(db_path).acquire()
        # Then it is told which process on which host holds it, and the lock stays
        message = str(caught.value)
        assert f"process {child.pid}" in message
        assert socket.gethostname() in message and "practice-gui" in message
        assert caught.value.owner is not None and caught.value.owner.pid == child.pid
        assert lock_path(db_path).exists()
    finally:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "released"
        child.wait(timeout=10)
    # and once it lets go, the lock can be taken
    with DatabaseLock(db_path) as lock:
        assert lock.held


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_the_lock_of_a_killed_process_is_reclaimed(tmp_path: Path) -> None:
    db_path = tmp_path / "practice.sqlite3"
    child = _holder(db_path)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert read_owner(db_path) is not None  # the file was left behind

    with DatabaseLock(db_path) as lock:
        owner = read_owner(db_path)
        assert lock.held and owner is not None and owner.pid == os.getpid()


def test_a_stale_lock_with_a_dead_pid_is_reclaimed(tmp_path: Path) -> None:
    db_path = tmp_path / "practice.sqlite3"
    _write_lock(db_path, pid=_dead_pid())

    with DatabaseLock(db_path) as lock:
        owner = read_owner(db_path)
        assert lock.held and owner is not None and owner.pid == os.getpid()


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_lock_whose_pid_was_reused_by_another_program_is_reclaimed(tmp_path: Path) -> None:
    # The parent process is alive but holds no lock on the file: a reused pid.
    db_path = tmp_path / "practice.sqlite3"
    _write_lock(db_path, pid=os.getppid(), program="practice-gui")

    with DatabaseLock(db_path, program="practice-cli") as lock:
        owner = read_owner(db_path)
        assert lock.held is True
        # the file now names this process, not the one whose pid was reused
        assert owner is not None
        assert (owner.pid, owner.host, owner.program) == (
            os.getpid(),
            socket.gethostname(),
            "practice-cli",
        )
    assert not lock_path(db_path).exists()


def test_a_lock_from_another_host_is_never_taken_over(tmp_path: Path) -> None:
    db_path = tmp_path / "practice.sqlite3"
    _write_lock(db_path, pid=_dead_pid(), host="front-desk-pc", program="practice-gui")

    with pytest.raises(LockedError, match="on front-desk-pc"):
        DatabaseLock(db_path).acquire()
    assert read_owner(db_path) is not None

    # unless the user says that program is gone
    DatabaseLock(db_path).break_lock()
    with DatabaseLock(db_path, program="practice-cli") as lock:
        owner = read_owner(db_path)
        assert lock.held is True
        assert owner is not None
        assert (owner.host, owner.program) == (socket.gethostname(), "practice-cli")


def test_an_unreadable_lock_file_is_waited_for_then_reclaimed_when_old(tmp_path: Path) -> None:
    db_path = tmp_path / "practice.sqlite3"
    lock_path(db_path).write_bytes(b"")
    with pytest.raises(LockedError, match="being written"):
        DatabaseLock(db_path).acquire(attempts=2)

    old = time.time() - 60
    os.utime(lock_path(db_path), (old, old))
    with DatabaseLock(db_path, program="practice-gui") as lock:
        owner = read_owner(db_path)
        assert lock.held is True
        assert owner is not None and (owner.pid, owner.program) == (os.getpid(), "practice-gui")
        assert lock_path(db_path).stat().st_mtime > old + 30  # written anew, not the old file


def test_release_leaves_a_lock_that_is_not_ours(tmp_path: Path) -> None:
    db_path = tmp_path / "practice.sqlite3"
    lock = DatabaseLock(db_path).acquire()
    lock.path.unlink()  # someone broke our lock and another program took it
    _write_lock(db_path, pid=12345, program="other")

    lock.release()

    owner = read_owner(db_path)
    assert owner is not None and owner.program == "other"


def test_of_processes_starting_together_exactly_one_wins(tmp_path: Path) -> None:
    db_path = tmp_path / "practice.sqlite3"
    start = time.time() + 1.5
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(db_path), str(start)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outcomes = []
    for racer in racers:
        assert racer.stdout is not None
        outcomes.append(racer.stdout.readline().strip())
    for racer in racers:
        assert racer.stdin is not None
        racer.stdin.write("\n")
        racer.stdin.flush()
        racer.wait(timeout=10)

    assert sorted(outcomes) == ["lost", "lost", "lost", "won"]
