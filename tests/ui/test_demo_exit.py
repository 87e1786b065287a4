"""``practice --demo`` leaves nothing in the temporary folder: on exit, Ctrl+C or SIGTERM.

Each test starts the real app as a child process (offscreen) with TMPDIR set to a
folder of its own, signals it, and then looks into that folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from practice import demo_folder
from practice.app import run_gui

WAIT = 90  # seconds: the demo practice is seeded at start


@pytest.fixture
def temp(tmp_path: Path) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


@pytest.fixture
def start_demo(tmp_path: Path, temp: Path) -> Iterator[Callable[[], subprocess.Popen[bytes]]]:
    """Start ``practice --demo`` in a child process; every child is reaped at the end."""
    children: list[subprocess.Popen[bytes]] = []
    env = {
        **os.environ,
        "TMPDIR": str(temp),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # the app's settings stay here
        "PYTHONDONTWRITEBYTECODE": "1",
    }

    def start() -> subprocess.Popen[bytes]:
        child = subprocess.Popen(
            [sys.executable, "-m", "practice", "--demo"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        children.append(child)
        return child

    yield start
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait()


def _wait_for(found: Callable[[], list[Path]], child: subprocess.Popen[bytes]) -> Path:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        paths = found()
        if paths:
            return paths[0]
        assert child.poll() is None, child.stderr.read() if child.stderr else b""
        time.sleep(0.05)
    raise AssertionError("the demo did not get that far")


def _running(temp: Path, child: subprocess.Popen[bytes], besides: Path | None = None) -> Path:
    """The demo's folder once its window is up (its first backup is made then)."""

    def found() -> list[Path]:
        made = temp.glob("practice-demo-*/backups/*.daily.sqlite3")
        return sorted(p.parents[1] for p in made if p.parents[1] != besides)

    return _wait_for(found, child)


def _starting(temp: Path, child: subprocess.Popen[bytes]) -> Path:
    """The demo's folder as soon as its practice file is locked (it is being seeded)."""
    return _wait_for(lambda: sorted(temp.glob("practice-demo-*/demo.sqlite3.lock")), child).parent


@pytest.mark.parametrize(
    ("signum", "when"),
    [
        (signal.SIGTERM, _running),
        (signal.SIGINT, _running),  # Ctrl+C in the terminal
        (signal.SIGTERM, _starting),
    ],
    ids=["SIGTERM while running", "Ctrl+C while running", "SIGTERM while starting"],
)
def test_a_signalled_demo_removes_its_practice_and_backups(
    start_demo: Callable[[], subprocess.Popen[bytes]],
    temp: Path,
    signum: int,
    when: Callable[[Path, subprocess.Popen[bytes]], Path],
) -> None:
    # Given the demo app, started and running (or still starting)
    child = start_demo()
    folder = when(temp, child)
    assert folder.name.startswith("practice-demo-")

    # When it is sent the signal
    child.send_signal(signum)

    # Then it ends normally, and its folder (practice, lock, backups) is gone
    assert child.wait(timeout=WAIT) == 0, child.stderr.read() if child.stderr else b""
    assert list(temp.iterdir()) == []


def test_the_folder_of_a_demo_killed_outright_goes_at_the_next_demo(
    start_demo: Callable[[], subprocess.Popen[bytes]], temp: Path
) -> None:
    # Given a demo killed with SIGKILL (nothing can run then: its folder stays behind)
    first = start_demo()
    killed = _running(temp, first)
    first.kill()
    first.wait(timeout=WAIT)
    assert (killed / demo_folder.DB_NAME).exists()
    # and a folder of the same prefix that is not a demo's
    other = temp / "practice-demo-not-ours"
    other.mkdir()
    (other / "notes.txt").write_text("keep")

    # When the next demo starts (and is closed)
    second = start_demo()
    _running(temp, second, besides=killed)
    second.send_signal(signal.SIGTERM)
    assert second.wait(timeout=WAIT) == 0

    # Then the killed demo's folder is gone too, and the other folder is still there
    assert sorted(p.name for p in temp.iterdir()) == [other.name]
    assert (other / "notes.txt").read_text() == "keep"


def test_a_demo_closed_normally_removes_its_folder(
    qapp, temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the demo app in this process, its temporary folder the test's own
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    seen: list[Path] = []

    def close_at_once(*_a: object) -> int:  # the user closes the window as soon as it shows
        seen.extend(temp.glob("practice-demo-*/demo.sqlite3"))
        return 0

    monkeypatch.setattr(QApplication, "exec", close_at_once)

    # When it runs and is closed
    assert run_gui(Path("unused.sqlite3"), demo=True) == 0
    for widget in QApplication.topLevelWidgets():
        widget.close()

    # Then the demo practice existed while it ran, and nothing is left
    assert len(seen) == 1
    assert list(temp.iterdir()) == []


def test_the_demo_window_title_is_in_the_chosen_language(
    qapp, temp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from practice.ui import i18n

    # Given Spanish chosen in Preferences, and the demo app in this process
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    i18n.choose_language("es")
    titles: list[str] = []

    def close_at_once(*_a: object) -> int:  # the therapist reads the title bar, closes
        titles.extend(w.windowTitle() for w in QApplication.topLevelWidgets() if w.isVisible())
        return 0

    monkeypatch.setattr(QApplication, "exec", close_at_once)
    try:
        assert run_gui(Path("unused.sqlite3"), demo=True) == 0
    finally:
        for widget in QApplication.topLevelWidgets():
            widget.close()
        i18n.install("en")
    # Then the whole title is in Spanish: no English "demo practice (fictional data)"
    assert any(title.startswith("Hoy — Practice — ") for title in titles), titles
    assert not any("fictional" in title for title in titles), titles
