"""Real faults for the command line's tests: a small full disk, a read-only file or
folder, and ``practice`` run as a child process (what a user sees on the terminal)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def _strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-qq", "-o", os.devnull, "true"], check=False)
    return probe.returncode == 0


needs_strace = pytest.mark.skipif(not _strace_works(), reason="strace cannot trace here")


def practice(
    *args: str, stdout: int | None = subprocess.PIPE, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m practice ARGS`` with the test's environment (and ``env``)."""
    return subprocess.run(
        [sys.executable, "-m", "practice", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
        timeout=180,
        check=False,
    )


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here: {done.stderr.strip()}")


def _umount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], capture_output=True, check=False)


@contextmanager
def small_disk(folder: Path, kib: int) -> Iterator[Path]:
    """``folder`` as a tmpfs of ``kib`` KiB (root only: the test is skipped otherwise)."""
    if not ROOT:
        pytest.skip("a small disk is a tmpfs, which only root can mount")
    folder.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(folder))
    try:
        yield folder
    finally:
        _umount(folder)


@contextmanager
def read_only(path: Path) -> Iterator[Path]:
    """``path`` (a file or a folder) read-only for this user, even for root.

    As root a bind mount remounted read-only (chmod does not stop root); otherwise
    the mode bits.
    """
    if ROOT:
        _mount("--bind", str(path), str(path))
        try:
            _mount("-o", "remount,ro,bind", str(path))
            yield path
        finally:
            _umount(path)
        return
    mode = path.stat().st_mode
    path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield path
    finally:
        path.chmod(mode)
