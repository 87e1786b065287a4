"""Killing a ``practice`` command at its Nth system call of a kind, with strace.

:class:`KillServer` drives ``cli_child.py`` (a fork server: the app is imported
once). :meth:`KillServer.run` starts one command in a fresh child, attaches
``strace -e inject=SYSCALL:signal=KILL:when=N`` to it, lets it go and returns how it
ended: ``-9`` when the Nth call came and killed it, its exit status when the
command finished first (there is no Nth call: the sweep of that call is over).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

STRACE = shutil.which("strace")
CHILD = Path(__file__).with_name("cli_child.py")
KILLED = -signal.SIGKILL

needs_strace = pytest.mark.skipif(
    STRACE is None,
    reason="strace is not installed (apt-get install strace; .ci/run installs it): "
    "the kill-point sweep cannot run",
)


class KillServer:
    def __init__(self) -> None:
        self._proc = subprocess.Popen(
            [sys.executable, str(CHILD)],
            cwd=CHILD.parent,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._readline() == "ready"

    def _readline(self) -> str:
        assert self._proc.stdout is not None
        return self._proc.stdout.readline().strip()

    def _send(self, line: str) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.write(line + "\n")
        self._proc.stdin.flush()

    def run(
        self, folder: Path, env: dict[str, str], argv: list[str], syscall: str, nth: int
    ) -> int:
        """Run ``practice argv`` in ``folder``, killed at its ``nth`` ``syscall``."""
        self._send("run " + json.dumps([str(folder), env, *argv]))
        pid = int(self._readline().split()[1])
        assert STRACE is not None
        tracer = subprocess.Popen(
            [STRACE, "-f", "-o", os.devnull, "-e", f"trace={syscall}",
             "-e", f"inject={syscall}:signal=KILL:when={nth}", "-p", str(pid)],
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        assert tracer.stderr is not None
        attached = tracer.stderr.readline()
        assert "attached" in attached, attached
        os.kill(pid, signal.SIGUSR1)
        self._send(f"reap {pid}")
        word, dead, status = self._readline().split()
        assert (word, dead) == ("dead", str(pid))
        tracer.wait(timeout=30)
        tracer.stderr.close()
        return int(status)

    def close(self) -> None:
        assert self._proc.stdin is not None
        self._proc.stdin.close()
        self._proc.wait(timeout=30)


def kill_points(limits: dict[str, int]) -> Iterator[tuple[str, int]]:
    """(syscall, n) for n = 1 … limit of each syscall, in order."""
    for syscall, limit in limits.items():
        for nth in range(1, limit + 1):
            yield syscall, nth
