"""The app started for real in its own process, as a user starts it (Qt offscreen)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

# ``python -c APP_ANSWERING_BOXES PATH``: the app on PATH, each message box it shows
# printed ("TITLE: its title", "BOX: its text") and accepted, as a user clicking OK.
APP_ANSWERING_BOXES = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
def answer():
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        print("TITLE:", box.windowTitle(), flush=True)
        print("BOX:", box.text(), flush=True)
        box.accept()
    else:
        QTimer.singleShot(100, answer)
app = QApplication(sys.argv)
QTimer.singleShot(100, answer)
from practice.cli import main
sys.exit(main(["--db", sys.argv[1]]))
"""


@contextmanager
def app_window(args: list[str], env: Mapping[str, str], log: Path) -> Iterator[subprocess.Popen]:
    """``python -m practice ARGS`` until its log says "window shown" (90 s at most);
    yields the process, then closes it with SIGTERM as a user's logout would. Its
    output (stdout and stderr) is then in ``app.output``."""
    app = subprocess.Popen(
        [sys.executable, "-m", "practice", *args],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and app.poll() is None:
            if log.is_file() and "window shown" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.1)
        yield app
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
        try:
            output, _ = app.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            app.kill()
            output, _ = app.communicate()
        app.output = output  # type: ignore[attr-defined]
