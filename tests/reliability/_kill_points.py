"""Kill a ``practice`` command at each of its file operations, one run per kill point.

Run as a script this is a fork server (as in ``crash_child.py``): it imports the
command line once, prints ``ready``, then for each ``run N`` line forks a child that
runs the command and kills itself with SIGKILL just before its Nth file operation
under the watched folder, and prints ``dead STATUS`` once the child is gone.

The operations are those Python's audit hooks report: ``open`` for writing,
``os.rename`` (also ``os.replace``), ``os.link``, ``os.remove`` (also unlink),
``os.chmod``, ``shutil.copyfile`` and ``sqlite3.connect``. SQLite's own writes inside
a connection are not among them: its journal makes those safe, which the crash test
(``test_crash_safety.py``) checks.

The parent side, :func:`sweep`, runs kill points 1, 2, 3, … until the command
finishes without reaching one, calling ``reset`` before and ``check`` after each run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

WATCHED = {"os.rename", "os.link", "os.remove", "os.chmod", "shutil.copyfile", "sqlite3.connect"}
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _path(arg: object) -> str:
    text = str(arg)
    return unquote(urlparse(text).path) if text.startswith("file:") else text  # a URI: ro


def _is_write(args: tuple[object, ...]) -> bool:
    mode, flags = (args + (None, None))[1:3]
    if isinstance(mode, str) and any(c in mode for c in "wax+"):
        return True
    return isinstance(flags, int) and bool(flags & _WRITE_FLAGS)


def _child(target: int, root: str, argv: list[str]) -> int:  # pragma: no cover - child
    from practice.cli import main

    seen = 0

    def hook(event: str, args: tuple[object, ...]) -> None:
        nonlocal seen
        if event != "open" and event not in WATCHED:
            return
        if not args or not _path(args[0]).startswith(root):
            return
        if event == "open" and not _is_write(args):
            return
        seen += 1
        if seen == target:
            os.kill(os.getpid(), signal.SIGKILL)

    sys.addaudithook(hook)
    return main(argv)


def serve(root: str, argv: list[str]) -> None:  # pragma: no cover - runs as a subprocess
    import practice.cli  # noqa: F401 - import once, before forking

    os.write(1, b"ready\n")
    for line in sys.stdin:
        parts = line.split()
        if parts[:1] != ["run"]:
            break
        pid = os.fork()
        if pid == 0:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.dup2(null, 2)
            status = 3
            try:
                status = _child(int(parts[1]), root, argv)
            finally:
                os._exit(status)
        _, status = os.waitpid(pid, 0)
        os.write(1, f"dead {os.waitstatus_to_exitcode(status)}\n".encode())


@dataclass
class Sweep:
    kills: int = 0  # runs killed at a kill point
    finished_with: int | None = None  # exit status of the first run that reached no kill point
    broken: list[str] = field(default_factory=list)  # "kill N: what was wrong"


def sweep(
    root: Path,
    argv: Sequence[str],
    *,
    reset: Callable[[], None],
    check: Callable[[], list[str]],
    limit: int = 200,
) -> Sweep:
    """Kill ``practice argv`` at each file operation under ``root``; ``check`` after each."""
    result = Sweep()
    server = subprocess.Popen(
        [sys.executable, __file__, str(root), *argv],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"),
    )
    assert server.stdin is not None and server.stdout is not None
    try:
        assert server.stdout.readline().strip() == "ready"
        for n in range(1, limit + 1):
            reset()
            server.stdin.write(f"run {n}\n")
            server.stdin.flush()
            status = int(server.stdout.readline().split()[1])
            if status != -signal.SIGKILL:
                result.finished_with = status
                break
            result.kills += 1
            result.broken += [f"kill {n}: {problem}" for problem in check()]
    finally:
        server.stdin.close()
        server.wait(timeout=30)
    return result


if __name__ == "__main__":  # pragma: no cover - the fork server
    serve(sys.argv[1], sys.argv[2:])
