"""Crash-safety harness: writers killed with SIGKILL, and the checks after each kill.

Starting a Python process that imports the app takes ~0.4 s, too slow for hundreds
of kills, so this file run as a script is a *fork server*: it imports the app once,
prints ``ready``, then for each ``go RUN SEED`` line on stdin forks a fresh writer
process (which opens its own engine: the server never touches the database) and
prints ``pid N``. The writer loops over units of work through the app's own
services and, after each commit, writes one line to stdout:

    C <client id> <appointment id> <appointment id>   client + 2 appointments, one transaction
    U <client id> <rev>                                client updated, notes = rev
    A <appointment id>                                 appointment added (raw ORM)

The parent kills the writer with SIGKILL at a random moment, then sends
``reap N``; the server waits for it and prints ``dead N STATUS``. Every line the
writer wrote precedes that one in the pipe, so the parent knows exactly which
commits were reported. :func:`run_kills` is the parent side; it checks after each
kill, as the app would when started again: integrity check ok, foreign keys ok,
audit chain intact, every reported commit present, no transaction half-applied.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

C_DURATION = 50  # appointments written with their client (must come in pairs)
A_DURATION = 30  # appointments added on their own


# --- writer side (runs in the forked child) ------------------------------------------


def _writer(db_path: Path, run: int, seed: int) -> None:  # pragma: no cover - child
    from sqlalchemy import func, select

    from practice.db.engine import Database
    from practice.db.models import Appointment, Client
    from practice.services import clients

    rng = random.Random(seed)
    db = Database(db_path)
    seq = 0
    start = datetime(2030, 1, 7, 9, 0, tzinfo=UTC)
    while True:
        seq += 1
        op = rng.random()
        with db.session() as s:
            max_id = s.scalar(select(func.max(Client.id))) or 0
        if op < 0.4 or max_id == 0:
            with db.session() as s:
                view = clients.create(
                    s,
                    clients.ClientInput(
                        first_name=f"Crash{run}", last_name=f"Test{seq}", notes="rev 0"
                    ),
                )
                appts = [
                    Appointment(
                        client_id=view.id,
                        starts_at=start + timedelta(days=seq, hours=k),
                        duration_minutes=C_DURATION,
                    )
                    for k in range(2)
                ]
                s.add_all(appts)
                s.flush()
            line = f"C {view.id} {appts[0].id} {appts[1].id}\n"
        elif op < 0.8:
            cid = rng.randint(1, max_id)
            rev = f"rev {run:05d}.{seq:06d}"
            with db.session() as s:
                view = clients.get(s, cid)
                clients.update(s, cid, replace(view, notes=rev))
            line = f"U {cid} {rev}\n"
        else:
            cid = rng.randint(1, max_id)
            with db.session() as s:
                appt = Appointment(
                    client_id=cid,
                    starts_at=start + timedelta(days=seq, hours=5),
                    duration_minutes=A_DURATION,
                )
                s.add(appt)
                s.flush()
            line = f"A {appt.id}\n"
        os.write(1, line.encode("ascii"))  # after the commit; one write = one whole line


def serve(db_path: Path) -> None:  # pragma: no cover - runs as a subprocess
    """The fork server's loop (see the module docstring)."""
    import practice.db.engine  # noqa: F401 - import the app once, before forking
    import practice.db.models  # noqa: F401
    import practice.services.clients  # noqa: F401

    os.write(1, b"ready\n")
    for command in sys.stdin:
        parts = command.split()
        if not parts:
            continue
        if parts[0] == "go":
            pid = os.fork()
            if pid == 0:
                try:
                    _writer(db_path, int(parts[1]), int(parts[2]))
                except BaseException:
                    import traceback

                    traceback.print_exc()
                finally:
                    os._exit(3)
            os.write(1, f"pid {pid}\n".encode())
        elif parts[0] == "reap":
            _, status = os.waitpid(int(parts[1]), 0)
            os.write(1, f"dead {parts[1]} {os.waitstatus_to_exitcode(status)}\n".encode())
        elif parts[0] == "quit":
            return


# --- parent side ----------------------------------------------------------------------


@dataclass
class CrashFigures:
    kills: int = 0
    checks: int = 0
    corrupt: int = 0
    lost: int = 0
    torn: int = 0
    commits_reported: int = 0
    child_errors: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"kills={self.kills} checks={self.checks} corrupt={self.corrupt} "
            f"lost={self.lost} torn={self.torn} commits_reported={self.commits_reported} "
            f"child_errors={self.child_errors} seconds={self.seconds:.1f}"
        )


@dataclass
class _Reported:
    clients: set[int] = field(default_factory=set)
    appointments: dict[int, int | None] = field(default_factory=dict)  # id -> client id
    revs: dict[int, str] = field(default_factory=dict)  # client id -> last reported rev

    def take(self, line: str) -> bool:
        parts = line.split()
        if not parts or parts[0] not in {"C", "U", "A"}:
            return False
        if parts[0] == "C":
            cid = int(parts[1])
            self.clients.add(cid)
            self.appointments[int(parts[2])] = cid
            self.appointments[int(parts[3])] = cid
        elif parts[0] == "U":
            self.revs[int(parts[1])] = " ".join(parts[2:])
        else:
            self.appointments[int(parts[1])] = None
        return True


def check_database(db_path: Path, reported: _Reported) -> tuple[list[str], list[str], list[str]]:
    """(corruption, lost commits, torn transactions) found in the file after a kill."""
    from practice.db import file_check
    from practice.db.health import audit_chain_problems

    conn = sqlite3.connect(db_path)  # read-write, as the app opening it again
    try:
        corrupt = list(file_check.check(conn).problems)
        corrupt += audit_chain_problems(conn)
        clients = {r[0]: r[1] for r in conn.execute("SELECT id, notes FROM clients")}
        appts = {r[0]: r[1] for r in conn.execute("SELECT id, client_id FROM appointments")}
        torn = [
            f"client {cid} has {n} paired appointments"
            for cid, n in conn.execute(
                "SELECT c.id, (SELECT count(*) FROM appointments a "
                f"WHERE a.client_id = c.id AND a.duration_minutes = {C_DURATION}) "
                "FROM clients c WHERE c.first_name LIKE 'Crash%'"
            )
            if n != 2
        ]
    except sqlite3.DatabaseError as exc:
        return [f"cannot read: {exc}"], [], []
    finally:
        conn.close()
    lost = [f"client {c}" for c in reported.clients if c not in clients]
    for aid, cid in reported.appointments.items():
        if aid not in appts or (cid is not None and appts[aid] != cid):
            lost.append(f"appointment {aid}")
    for cid, rev in reported.revs.items():
        stored = clients.get(cid) or ""
        if stored < rev:  # a later rev (even unreported) is fine; an older one is lost
            lost.append(f"update of client {cid} ({rev}, found {stored!r})")
    return corrupt, lost, torn


def _read_until(stream: IO[str], prefix: str, reported: _Reported, figures: CrashFigures) -> str:
    while True:
        line = stream.readline()
        if not line:
            raise RuntimeError("the fork server stopped")
        if reported.take(line):
            figures.commits_reported += 1
        elif line.startswith(prefix):
            return line


def run_kills(
    db_path: Path,
    *,
    kills: int = 200,
    seed: int = 20261126,
    max_delay: float = 0.12,
    stderr_path: Path | None = None,
) -> CrashFigures:
    """Kill ``kills`` writers at random moments on ``db_path`` (at head); check after each."""
    rng = random.Random(seed)
    figures = CrashFigures()
    reported = _Reported()
    err: IO[bytes] | int = open(stderr_path, "wb") if stderr_path else subprocess.DEVNULL  # noqa: SIM115
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    server = subprocess.Popen(
        [sys.executable, __file__, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=err,
        text=True,
        env=env,
    )
    assert server.stdin is not None and server.stdout is not None
    started = time.perf_counter()
    try:
        _read_until(server.stdout, "ready", reported, figures)
        for run in range(1, kills + 1):
            server.stdin.write(f"go {run} {rng.randrange(1 << 30)}\n")
            server.stdin.flush()
            pid = int(_read_until(server.stdout, "pid ", reported, figures).split()[1])
            time.sleep(rng.uniform(0.0, max_delay))
            os.kill(pid, signal.SIGKILL)
            figures.kills += 1
            server.stdin.write(f"reap {pid}\n")
            server.stdin.flush()
            status = int(_read_until(server.stdout, f"dead {pid} ", reported, figures).split()[2])
            if status != -signal.SIGKILL:
                figures.child_errors += 1
                figures.failures.append(f"run {run}: writer ended with {status}, not SIGKILL")
            corrupt, lost, torn = check_database(db_path, reported)
            figures.checks += 1
            figures.corrupt += bool(corrupt)
            figures.lost += len(lost)
            figures.torn += len(torn)
            figures.failures += [f"run {run}: {p}" for p in corrupt + lost + torn][:10]
        server.stdin.write("quit\n")
        server.stdin.flush()
        server.wait(timeout=10)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        if not isinstance(err, int):
            err.close()
    figures.seconds = time.perf_counter() - started
    return figures


if __name__ == "__main__":  # pragma: no cover - the fork server
    serve(Path(sys.argv[1]))
