"""Run a Python child for which a folder is read-only, as a user without write access.

As a normal user the folder's mode is enough (0555). As root, modes do not apply, so
the child runs in its own mount namespace where the folder is bind-mounted read-only
(``unshare --mount``, which needs CAP_SYS_ADMIN); where neither works the test is
skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

_READ_ONLY_MOUNT = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'


def _as_root_command(folder: Path) -> list[str]:
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("running as root (folder modes do not apply) and unshare is not installed")
    command = [unshare, "--mount", "--propagation", "private", "sh", "-c", _READ_ONLY_MOUNT]
    probe = subprocess.run(
        [*command, str(folder), sys.executable, "-c", "pass"], capture_output=True, timeout=60
    )
    if probe.returncode != 0:
        pytest.skip(
            "running as root (folder modes do not apply) without CAP_SYS_ADMIN for a "
            "read-only bind mount: " + probe.stderr.decode(errors="replace").strip()[:200]
        )
    return [*command, str(folder)]


def run_python(
    folder: Path, args: list[str], env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """``python args`` with ``folder`` read-only for it; its output as text."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            return subprocess.run(
                [sys.executable, *args], capture_output=True, text=True, env=env, timeout=120
            )
        finally:
            folder.chmod(0o755)
    return subprocess.run(
        [*_as_root_command(folder), sys.executable, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
