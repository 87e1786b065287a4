"""Fault-injection sweep: kill a ``practice`` command at its Nth write, rename, unlink or
fsync and check what the user finds afterwards.

For one command (a :class:`Command` of ``fault_specs``) the sweep

1. builds the "before" state once in a template folder (``Command.setup``);
2. runs the command on a copy under ``strace -f`` tracing the syscalls of
   :data:`FAMILIES` (the reference run): every traced call is a kill point, named by
   its syscall and its number among that process's calls of that syscall (strace
   counts injections per syscall and per process), and the reference run's end
   state is learnt (``Command.learn``) and checked like any other;
3. for each chosen kill point, runs the command on a fresh copy under
   ``strace -e inject=SYSCALL:signal=KILL:when=N`` (SIGKILL on entering that call:
   the call never happens), checks the state as left (``Command.after_kill``), runs
   what the user would run next (``Command.next_start``) and checks again.

Each problem is one line saying what broke, e.g. ``after the kill: practice check
exit 1: ... does not exist``. The checks run ``practice`` through ``cli_server``
(a fork server) so that a kill point costs one Python start, not five.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from queue import Queue
from typing import Any

FAMILIES: dict[str, tuple[str, ...]] = {
    "fsync": ("fsync", "fdatasync"),
    "rename": ("rename", "renameat", "renameat2"),
    "unlink": ("unlink", "unlinkat"),
    "write": ("write", "pwrite64"),
}
FAMILY_OF = {syscall: family for family, calls in FAMILIES.items() for syscall in calls}
TRACED = ",".join(FAMILY_OF)
HERE = Path(__file__).resolve().parent
RUN_TIMEOUT = 180
# The next start comes later: a second at least (backup names carry the second), and
# past the lock's grace period (2 s) when the kill left a lock file half-written.
LATER, LOCK_GRACE = 1.0, 2.5


# --- strace --------------------------------------------------------------------------


def strace_problem() -> str | None:
    """Why the sweep cannot run here (no strace, no ptrace, no signal injection), or None."""
    if shutil.which("strace") is None:
        return "strace is not installed (Debian package strace; .ci/run installs it)"
    try:
        done = subprocess.run(
            ["strace", "-f", "-qq", "-o", os.devnull, "-e", "trace=write"]
            + ["-e", "inject=write:signal=KILL:when=2", "sh", "-c", "echo one; echo two"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"strace does not run here: {exc}"
    if done.returncode != -signal.SIGKILL:
        why = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        return f"strace cannot trace and kill a child here (ptrace not permitted?): {why[0]}"
    return None


@dataclass(frozen=True)
class KillPoint:
    """The ``n``-th call of ``syscall`` (per process), as seen in the reference run."""

    syscall: str
    n: int
    call: str = ""  # the traced call, paths relative to the sandbox

    @property
    def family(self) -> str:
        return FAMILY_OF[self.syscall]

    def label(self) -> str:
        return f"{self.syscall} #{self.n}"


_LINE = re.compile(r"^(?P<pid>\d+)\s+(?P<name>\w+)\((?P<rest>.*)$")


def parse_trace(text: str, root: Path) -> list[KillPoint]:
    """Kill points in the order the reference run made the calls (``strace -f -y`` lines)."""
    seen: dict[tuple[str, str], int] = {}
    points: list[KillPoint] = []
    for line in text.splitlines():
        m = _LINE.match(line)
        if not m or m["name"] not in FAMILY_OF:
            continue
        key = (m["pid"], m["name"])
        seen[key] = seen.get(key, 0) + 1
        call = f"{m['name']}({m['rest']}".replace(str(root) + "/", "").replace(str(root), ".")
        call = re.sub(r"\s+<unfinished \.\.\.>$", "", call)
        points.append(KillPoint(m["name"], seen[key], call[:160]))
    unique: dict[tuple[str, int], KillPoint] = {}
    for point in points:
        unique.setdefault((point.syscall, point.n), point)
    return list(unique.values())


def choose(points: Sequence[KillPoint], per_family: int | None) -> list[KillPoint]:
    """Up to ``per_family`` kill points of each family, spread over the run (first and
    last included); every point when ``per_family`` is None."""
    chosen: list[KillPoint] = []
    for family in FAMILIES:
        mine = [p for p in points if p.family == family]
        if per_family is None or len(mine) <= per_family:
            chosen += mine
        elif per_family == 1:
            chosen.append(mine[0])
        else:
            step = (len(mine) - 1) / (per_family - 1)
            chosen += [mine[round(i * step)] for i in range(per_family)]
    return chosen


# --- sandboxes and runs ----------------------------------------------------------------


@dataclass(frozen=True)
class Sandbox:
    """One copy of the world: ``data/`` is the data folder (the practice, backups, logs)."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def db(self) -> Path:
        return self.data / "practice.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    def env(self, **extra: str) -> dict[str, str]:
        """The environment of a ``practice`` command in this sandbox."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PRACTICE_")}
        env.update(
            PRACTICE_DATA_DIR=str(self.data),
            HOME=str(self.root / "home"),
            PYTHONDONTWRITEBYTECODE="1",
            LC_ALL="C.UTF-8",
        )
        env.update(extra)
        return env

    def copy_to(self, root: Path) -> Sandbox:
        shutil.copytree(self.root, root, symlinks=True)
        return Sandbox(root)

    def files(self) -> list[str]:
        """Every file under the sandbox, relative (for messages)."""
        return sorted(str(p.relative_to(self.root)) for p in self.root.rglob("*") if p.is_file())


@dataclass(frozen=True)
class Run:
    """How a process ended: exit status (negative: killed by that signal) and its output."""

    rc: int
    out: str = ""
    err: str = ""

    @property
    def killed(self) -> bool:
        return self.rc == -signal.SIGKILL

    def said(self) -> str:
        """The last line of stderr (or stdout), for a message."""
        lines = (self.err.strip() or self.out.strip()).splitlines()
        return lines[-1] if lines else "(nothing)"


class CliServer:
    """A running ``cli_server.py``: runs ``practice`` commands and probes in forked children."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, str(HERE / "cli_server.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        assert self._proc.stdout is not None
        if self._proc.stdout.readline().strip() != "ready":
            raise RuntimeError("the fault sweep's cli_server did not start")

    def request(self, request: dict[str, Any]) -> Run:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(json.dumps(request) + "\n")
        self._proc.stdin.flush()
        answer = json.loads(self._proc.stdout.readline())
        return Run(answer["rc"], answer["out"], answer["err"])

    def close(self) -> None:
        if self._proc.stdin is not None:
            self._proc.stdin.close()
        self._proc.wait(timeout=30)


@dataclass
class Cli:
    """``practice`` as the user runs it in one sandbox (through a :class:`CliServer`)."""

    server: CliServer
    box: Sandbox

    def __call__(self, *argv: str, **env: str) -> Run:
        return self.server.request(
            {"argv": list(argv), "env": self.box.env(**env), "cwd": str(self.box.root)}
        )

    def probe(self, name: str, *args: str) -> dict[str, Any]:
        """A read-only probe of ``cli_server``; ``{"error": ...}`` when it failed."""
        done = self.server.request(
            {"probe": name, "args": list(args), "env": self.box.env(), "cwd": str(self.box.root)}
        )
        if done.rc != 0:
            return {"error": re.sub(r"^\w+(Error|Exception): ", "", done.said())}
        result: dict[str, Any] = json.loads(done.out)
        return result


def practice_argv(argv: Sequence[str]) -> list[str]:
    return [sys.executable, "-m", "practice", *argv]


def run_traced(box: Sandbox, argv: Sequence[str], env: dict[str, str]) -> tuple[Run, str]:
    """The reference run: the command under ``strace -f -y``; its run and the trace."""
    trace = box.root.parent / f"{box.root.name}.trace"
    done = subprocess.run(
        ["strace", "-f", "-qq", "-y", "-s", "16", "-o", str(trace), "-e", f"trace={TRACED}"]
        + ["--", *practice_argv(argv)],
        capture_output=True,
        text=True,
        env=box.env(**env),
        cwd=box.root,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr), trace.read_text(errors="replace")


def run_killed(box: Sandbox, argv: Sequence[str], env: dict[str, str], point: KillPoint) -> Run:
    """The command killed (SIGKILL) on entering its ``point``."""
    inject = f"inject={point.syscall}:signal=KILL:when={point.n}"
    done = subprocess.run(
        ["strace", "-f", "-qq", "-o", os.devnull, "-e", f"trace={point.syscall}", "-e", inject]
        + ["--", *practice_argv(argv)],
        capture_output=True,
        text=True,
        env=box.env(**env),
        cwd=box.root,
        timeout=RUN_TIMEOUT,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


# --- one trial ------------------------------------------------------------------------


@dataclass
class Trial:
    """One run of a command (killed, or the reference run) and what broke after it."""

    box: Sandbox
    cli: Cli
    facts: dict[str, Any]
    run: Run
    stage: str = "after the kill"
    problems: list[str] = field(default_factory=list)
    ended: float = field(default_factory=time.monotonic)

    def broken(self, what: str) -> None:
        what = what.replace(str(self.box.root) + "/", "").replace(str(self.box.root), ".")
        self.problems.append(f"{self.stage}: {what}")


class Command:
    """A command under test: its before state, its argv and what must hold after a kill."""

    name = ""
    env: dict[str, str] = {}

    def setup(self, box: Sandbox, cli: Cli) -> dict[str, Any]:
        """Build the before state in ``box``; return the facts the checks need."""
        raise NotImplementedError

    def argv(self, facts: dict[str, Any]) -> list[str]:
        """The command's arguments (run in the sandbox's root, PRACTICE_DATA_DIR=data)."""
        raise NotImplementedError

    def learn(self, box: Sandbox, cli: Cli, facts: dict[str, Any]) -> None:
        """Add to ``facts`` what the complete run left (the reference run's sandbox)."""

    def after_kill(self, t: Trial) -> None:
        """Check the state the killed command left (read-only)."""
        raise NotImplementedError

    def next_start(self, t: Trial) -> None:
        """Run what the user runs next, then check again."""
        raise NotImplementedError


@dataclass(frozen=True)
class Outcome:
    point: KillPoint
    killed: bool  # False: the run ended before reaching the kill point
    problems: tuple[str, ...]

    @property
    def held(self) -> bool:
        return not self.problems


@dataclass
class Report:
    """The sweep of one command."""

    command: str
    found: list[KillPoint]
    outcomes: list[Outcome]
    reference: tuple[str, ...]  # problems after the complete, unkilled run

    def rows(self) -> list[tuple[str, str, int, int, int, int, int]]:
        """(command, family, calls found, kill points, not reached, held, broken)."""
        rows = []
        for family in FAMILIES:
            found = sum(p.family == family for p in self.found)
            mine = [o for o in self.outcomes if o.point.family == family]
            if not found:
                continue
            missed = sum(not o.killed for o in mine)
            held = sum(o.held for o in mine)
            rows.append((self.command, family, found, len(mine), missed, held, len(mine) - held))
        return rows

    def failures(self) -> list[str]:
        """One line per problem: ``command syscall #N [call]: what broke``."""
        lines = [f"{self.command} reference run (no kill): {p}" for p in self.reference]
        for o in self.outcomes:
            lines += [f"{self.command} {o.point.label()} [{o.point.call}]: {p}" for p in o.problems]
        return lines


@contextmanager
def _servers(jobs: int) -> Iterator[Queue[CliServer]]:
    pool: Queue[CliServer] = Queue()
    started = [CliServer() for _ in range(jobs)]
    for server in started:
        pool.put(server)
    try:
        yield pool
    finally:
        for server in started:
            server.close()


def _time_passes(t: Trial) -> None:
    wait = LATER
    for lock in t.box.data.glob("*.lock"):
        try:
            json.loads(lock.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            wait = LOCK_GRACE
    time.sleep(max(0.0, t.ended + wait - time.monotonic()))


def _check(command: Command, t: Trial) -> tuple[str, ...]:
    try:
        command.after_kill(t)
        _time_passes(t)
        t.stage = "after the next start"
        command.next_start(t)
    except Exception as exc:  # noqa: BLE001 - a check that crashes is a broken case too
        t.broken(f"the check itself failed: {type(exc).__name__}: {exc}")
    return tuple(t.problems)


def _reference(
    command: Command, work: Path, server: CliServer
) -> tuple[Sandbox, dict[str, Any], list[KillPoint], tuple[str, ...]]:
    """The before state (template), its facts, the kill points of a complete run and
    what broke after that run (nothing, unless the checks or the command are wrong)."""
    template = Sandbox(work / "template")
    (template.root / "home").mkdir(parents=True)
    template.data.mkdir()
    facts = command.setup(template, Cli(server, template))
    ref = template.copy_to(work / "reference")
    run, trace = run_traced(ref, command.argv(facts), command.env)
    if run.rc != 0:
        return (
            template,
            facts,
            [],
            (f"the command failed with no kill: exit {run.rc}: {run.said()}",),
        )
    command.learn(ref, Cli(server, ref), facts)
    problems = _check(command, Trial(ref, Cli(server, ref), facts, run, "after the run"))
    return template, facts, parse_trace(trace, ref.root), problems


def sweep(
    command: Command,
    *,
    per_family: int | None = None,
    limit: int | None = None,
    jobs: int = 2,
    workdir: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Kill ``command`` at its kill points and check each (see the module docstring):
    ``per_family`` points spread over each family, and only calls numbered up to
    ``limit`` of each syscall; every kill point when both are None."""
    with (
        tempfile.TemporaryDirectory(prefix=f"fault-{command.name}-", dir=workdir) as tmp,
        _servers(jobs) as servers,
    ):
        work = Path(tmp)
        server = servers.get()
        template, facts, found, reference = _reference(command, work, server)
        servers.put(server)
        points = [p for p in choose(found, per_family) if limit is None or p.n <= limit]
        lock = threading.Lock()
        done = [0]

        def trial(i: int, point: KillPoint) -> Outcome:
            box = template.copy_to(work / f"kill-{i}")
            run = run_killed(box, command.argv(facts), command.env, point)
            ended = time.monotonic()
            server = servers.get()
            try:
                problems = _check(command, Trial(box, Cli(server, box), facts, run, ended=ended))
            finally:
                servers.put(server)
            shutil.rmtree(box.root, ignore_errors=True)
            with lock:
                done[0] += 1
                if progress:
                    verdict = "held" if not problems else f"BROKEN ({len(problems)})"
                    progress(f"{command.name} {done[0]}/{len(points)} {point.label()}: {verdict}")
            return Outcome(point, run.killed, problems)

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            outcomes = list(pool.map(trial, range(len(points)), points))
        return Report(command.name, found, outcomes, reference)


def table(reports: Sequence[Report]) -> str:
    """The sweep as a text table: command, syscall family, kill points, held, broken."""
    head = ("command", "family", "calls", "kill points", "not reached", "held", "broken")
    rows = [tuple(str(v) for v in row) for r in reports for row in r.rows()]
    widths = [max(len(str(c)) for c in col) for col in zip(head, *rows, strict=False)]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(head, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    total = [o for r in reports for o in r.outcomes]
    broken = sum(not o.held for o in total)
    lines.append(f"total: {len(total)} kill points, {len(total) - broken} held, {broken} broken")
    return "\n".join(lines)
