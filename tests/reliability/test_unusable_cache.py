"""The app starts when its cache folder cannot be used, and says plainly when the data
folder does not exist. Real ``python -m practice`` processes, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from _app_process import app_window
from practice.cli.errors import message_for


def _start_demo(tmp_path: Path, cache: str) -> tuple[int, str, Path]:
    """Run ``practice --demo`` until its window is shown, then SIGTERM; returns the
    exit status, the log and the temporary folder it ran with."""
    data, temp = tmp_path / "data", tmp_path / "tmp"
    temp.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PRACTICE_DATA_DIR": str(data),
        "XDG_CACHE_HOME": cache,
        "TMPDIR": str(temp),
    }
    log = data / "logs" / "practice.log"
    with app_window(["--demo"], env, log) as app:
        pass
    out = app.output
    text = log.read_text(encoding="utf-8") if log.is_file() else ""
    return app.returncode, text + out, temp


@pytest.mark.parametrize("kind", ["cannot be made", "a file, not a folder"])
def test_the_app_starts_with_an_unusable_cache_folder(tmp_path, kind):
    if kind == "cannot be made":
        cache = "/proc/practice-no-cache"  # not even root can make a folder there
    else:
        (tmp_path / "cache").write_text("not a folder")
        cache = str(tmp_path / "cache")

    status, log, temp = _start_demo(tmp_path, cache)

    assert "window shown" in log, log
    assert status == 0, log
    assert log.count("the cache folder cannot be used") == 1, log
    assert "unexpected" not in log and "Traceback" not in log, log
    assert list(temp.glob("practice-theme-*")) == []  # the private folder is gone at exit


def test_a_missing_data_folder_is_said_to_be_missing(tmp_path):
    env = {**os.environ, "HOME": "/proc/practice-no-home"}
    for name in ("PRACTICE_DATA_DIR", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-m", "practice", "migrate", "--create"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "/proc/practice-no-home" in done.stderr and "does not exist" in done.stderr
    assert "read-only" not in done.stderr and "unexpected" not in done.stderr, done.stderr


def test_a_folder_that_cannot_be_made_is_not_called_read_only():
    # what mkdir says for HOME=/nonexistent as a user who cannot write "/"
    said = message_for(PermissionError(13, "Permission denied", "/nonexistent"))
    assert "/nonexistent" in said and "does not exist" in said and "read-only" not in said


def test_the_app_says_a_missing_data_folder_is_missing(tmp_path):
    """The app at its default place with HOME=/proc/…: the folder cannot be made (nor
    the cache): one box saying the folder does not exist, not a crash or "read-only"."""
    env = {**os.environ, "HOME": "/proc/practice-no-home", "QT_QPA_PLATFORM": "offscreen"}
    for name in ("PRACTICE_DATA_DIR", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        env.pop(name, None)
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QMessageBox\n"
        "def answer():\n"
        "    box = QApplication.activeModalWidget()\n"
        "    if isinstance(box, QMessageBox):\n"
        "        print('BOX:', box.text(), flush=True)\n"
        "        box.accept()\n"
        "    else:\n"
        "        QTimer.singleShot(100, answer)\n"
        "app = QApplication(sys.argv)\n"
        "QTimer.singleShot(100, answer)\n"
        "from practice.cli import main\n"
        "sys.exit(main([]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    said = done.stdout + done.stderr
    assert done.returncode != 0, said
    assert "BOX: The folder /proc/practice-no-home" in said and "does not exist" in said, said
    assert "read-only" not in said and "unexpected" not in said, said
