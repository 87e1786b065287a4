"""A killed export: never visible without its audit event, and its hidden folder is removed.

The export runs as a real ``practice export`` child process under strace, killed
with SIGKILL at its Nth rename or fdatasync (``strace -e inject``), for every N until
it completes.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from _faults import needs_strace
from PySide6.QtWidgets import QApplication

from practice import work_folders
from practice.app import run_gui
from practice.db.engine import Database
from practice.services import clients
from practice.services.clients import ClientInput
from practice.services.export import export_file_names, export_tables


def _practice(db_path: Path) -> None:
    db = Database(db_path)
    with db.session() as s:
        for first in ("Amara", "Bao", "Chidi"):
            clients.create(s, ClientInput(first_name=first, last_name="Okafor"))
    db.dispose()


def _practice_cli(*args: str, inject: str | None = None) -> int:
    command = [sys.executable, "-m", "practice", *args]
    if inject:
        syscall = inject.split(":")[0]
        command = ["strace", "-f", "-qq", "-o", os.devnull, "-e", f"trace={syscall}",
                   "-e", f"inject={inject}", *command]  # fmt: skip
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(command, env=env, capture_output=True, check=False, timeout=120)
    return done.returncode


def _export_events(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        sql = "SELECT count(*) FROM audit_events WHERE action = 'export_all'"
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@needs_strace
@pytest.mark.parametrize("syscall", ["rename", "fdatasync"])
def test_a_killed_export_is_visible_only_when_audited_and_leaves_nothing_hidden(
    db_path: Path, tmp_path: Path, syscall: str
) -> None:
    # Given a practice and a folder to export into
    _practice(db_path)
    parent = tmp_path / "exports"
    parent.mkdir()
    expected = sorted(export_file_names(export_tables()))
    kills = 0
    for n in range(1, 30):
        # When `practice export` is killed at its nth call of the syscall
        out = parent / f"out-{n}"
        before = _export_events(db_path)
        status = _practice_cli("--db", str(db_path), "export", "-o", str(out),
                               inject=f"{syscall}:signal=KILL:when={n}")  # fmt: skip
        # Then an export that became visible is complete and already in the audit trail
        if out.exists():
            assert sorted(p.name for p in out.iterdir()) == expected, n
            assert _export_events(db_path) == before + 1, f"visible, not audited (kill {n})"
        if status == 0:
            break
        kills += 1
    assert kills >= 1, "the export was never killed"

    # And when `practice export` starts again, the hidden work folders of the killed
    # runs are gone: only the exports that were completed are left
    assert _practice_cli("--db", str(db_path), "export", "-o", str(parent / "again")) == 0
    assert _hidden(parent) == []
    assert list(work_folders.registry_dir().iterdir()) == []


_KILLED_EXPORT = """
import os, signal, sys
from pathlib import Path
from practice.work_folders import make_work_folder
work = make_work_folder(Path(sys.argv[1]))
(work.path / "clients.csv").write_text("id,first_name\\n1,Amara\\n")
print(work.path.name, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _killed_export(target: Path) -> Path:
    """A real process that starts an export's work folder, writes to it, and is killed."""
    done = subprocess.run(
        [sys.executable, "-c", _KILLED_EXPORT, str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL
    return target.parent / done.stdout.strip()


def test_the_app_start_removes_what_a_killed_export_left_and_nothing_else(
    qapp, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given the hidden folder of a killed export, beside folders Practice must not touch:
    # one with the same prefix it never announced, one an export still running announced
    # (this process), and a link named like a work folder that points elsewhere
    parent = tmp_path / "exports"
    parent.mkdir()
    left = _killed_export(parent / "today")
    assert left.name.startswith(".practice-export.today.") and (left / "clients.csv").exists()
    strangers = parent / ".practice-export.mine.abc.partial"
    strangers.mkdir()
    (strangers / "notes.txt").write_text("not Practice's")
    running = work_folders.make_work_folder(parent / "running")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep")
    link = parent / ".practice-export.link.x.partial"
    link.symlink_to(elsewhere)
    announcement = work_folders.registry_dir() / "forged.json"
    forged = {"pid": 999_999_999, "host": os.uname().nodename, "folder": str(parent),
              "work": link.name}  # fmt: skip
    announcement.write_text(json.dumps(forged))

    # When the app starts (and the user closes it at once)
    monkeypatch.setattr(QApplication, "exec", lambda *_a: 0)
    assert run_gui(db_path) == 0
    for widget in QApplication.topLevelWidgets():
        widget.close()

    # Then the killed export's folder is gone, and everything else is as it was
    assert not left.exists()
    assert (strangers / "notes.txt").read_text() == "not Practice's"
    assert running.path.is_dir() and running.announcement.exists()
    assert link.is_symlink() and (elsewhere / "keep.txt").exists()
    assert not announcement.exists()
    running.release()
