"""What the app says at start about the file itself: an empty file, a missing one, a
crash's journal, files others could read, and paths that cannot hold a practice."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from _children import kill_after_commit, kill_mid_transaction
from _read_only import run_python
from practice.db import migrate
from practice.db.engine import Database
from practice.db.lock import lock_path
from practice.paths import default_db_path
from practice.services import backup, clients
from practice.services.clients import ClientInput
from practice.ui.app_controller import EXIT_CANNOT_OPEN, EXIT_NOT_CREATED, AppController


@dataclass
class Shown:
    """Modal message boxes met during start (``exec`` and ``critical``), and a button to click."""

    boxes: list[str] = field(default_factory=list)  # title: text informative [buttons]
    click: str | None = None


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Shown:
    seen = Shown()

    def fake_exec(box: QMessageBox) -> int:
        names = ", ".join(b.text() for b in box.buttons())
        seen.boxes.append(f"{box.windowTitle()}: {box.text()} {box.informativeText()} [{names}]")
        for button in box.buttons():
            if button.text() == seen.click:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _p, title, text: seen.boxes.append(f"{title}: {text} []")
    )
    return seen


@pytest.fixture
def started(qtbot) -> Iterator[list[AppController]]:  # type: ignore[no-untyped-def]
    """Controllers a test started; their windows are closed and locks released after it."""
    controllers: list[AppController] = []
    yield controllers
    for controller in controllers:
        if controller.window is not None:
            qtbot.addWidget(controller.window)
        if controller.lock.held:
            controller.shutdown()


def _start(started: list[AppController], path: Path) -> int | None:
    controller = AppController(path)
    started.append(controller)
    return controller.start()


def _names(path: Path) -> list[str]:
    db = Database(path)
    try:
        with db.session() as s:
            return [row.name for row in clients.list_rows(s)]
    finally:
        db.dispose()


def _practice_with_backup(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    migrate.upgrade(path)
    db = Database(path)
    with db.session() as s:
        clients.create(s, ClientInput(first_name="Amara", last_name="Okafor"))
    made = backup.make_backup(path, kind="daily")
    db.dispose()
    return made.path


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# ---- an empty file (finding 2) --------------------------------------------------------


def test_a_zero_byte_practice_is_damage_and_the_backup_is_offered(shown, started):
    # Given the practice emptied to 0 bytes, with a good backup
    path = default_db_path()
    _practice_with_backup(path)
    path.write_bytes(b"")

    # When the app starts and the user takes the offered backup
    shown.click = "Restore the backup"
    assert _start(started, path) is None

    # Then the offer was the damaged-file one, and the app runs on the backup
    [box] = shown.boxes
    assert "damaged" in box and "Restore the backup" in box
    assert _names(path) == ["Okafor, Amara"]
    [aside] = path.parent.glob("practice.before-restore-*.sqlite3")
    assert aside.stat().st_size == 0


def test_a_zero_byte_practice_the_user_does_not_restore_stays_empty(shown, started):
    path = default_db_path()
    _practice_with_backup(path)
    path.write_bytes(b"")
    shown.click = "Quit"

    assert _start(started, path) == EXIT_CANNOT_OPEN

    assert path.stat().st_size == 0
    assert not lock_path(path).exists()


# ---- a missing file (finding 3) -------------------------------------------------------


def test_the_first_start_makes_the_practice_in_a_private_data_folder(shown, started):
    # Given no data folder yet
    path = default_db_path()
    assert not path.parent.exists()

    # When the app starts for the first time
    assert _start(started, path) is None

    # Then the practice is made without a question, private
    assert shown.boxes == []
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_missing_file_given_with_db_is_made_only_when_the_user_says_so(shown, started, tmp_path):
    # Given an existing folder without the file
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    path = folder / "practice.sqlite3"

    # When the app starts on it and the user quits at the question
    shown.click = "Quit"
    assert _start(started, path) == EXIT_NOT_CREATED

    # Then it asked, and nothing was made
    [box] = shown.boxes
    assert box.startswith("Create a new practice here?")
    assert _everything(folder) == []

    # When it starts again and the user chooses to create it
    shown.click = "Create a new practice"
    assert _start(started, path) is None

    # Then the practice is made there, and the window shows it
    assert migrate.inspect(path).at_head
    assert started[-1].window is not None and started[-1].window.isVisible()


def test_a_missing_folder_is_an_error_and_is_not_made(shown, started, tmp_path):
    path = tmp_path / "typo" / "dir" / "practice.sqlite3"

    assert _start(started, path) == EXIT_CANNOT_OPEN

    [box] = shown.boxes
    assert "does not exist" in box and "Restore" not in box
    assert not (tmp_path / "typo").exists()


def test_a_missing_default_practice_with_backups_offers_them(shown, started):
    # Given the default practice gone (a restore killed by an older version), its backups kept
    path = default_db_path()
    _practice_with_backup(path)
    path.unlink()

    # When the app starts and the user takes the latest backup
    shown.click = "Restore the backup"
    assert _start(started, path) is None

    # Then it did not make an empty practice: it asked, and restored the backup
    [box] = shown.boxes
    assert box.startswith("Create a new practice here?") and "Restore the backup" in box
    assert _names(path) == ["Okafor, Amara"]


# ---- a crash's journal (finding 5) ----------------------------------------------------


def test_a_hot_journal_is_rolled_back_at_start_not_called_damage(shown, started, db, db_path):
    # Given a practice whose writer was killed mid-transaction
    with db.session() as s:
        for i in range(30):
            clients.create(s, ClientInput(first_name=f"Ines{i}", last_name="Moreau"))
    db.dispose()
    kill_mid_transaction(db_path)

    # When the app starts on it
    assert _start(started, db_path) is None

    # Then no damage was reported nor a restore offered, and every client is there
    assert shown.boxes == []
    assert not Path(f"{db_path}-journal").exists()
    assert len(_names(db_path)) == 30


# ---- files others could read (finding 10) ---------------------------------------------


def test_files_others_could_read_are_made_private_and_the_user_told_once(shown, started, db_path):
    # Given the practice, its WAL and a backup readable by every user
    made = backup.make_backup(db_path, kind="manual").path
    kill_after_commit(db_path, "Noor")
    exposed = [db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm"), made]
    for p in exposed:
        p.chmod(0o644)

    # When the app starts
    assert _start(started, db_path) is None

    # Then the files are private, and one notice says so
    window = started[-1].window
    assert window is not None
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in exposed if p.exists())
    [notice] = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert "could be read by other users" in notice.text()
    assert notice.detailedText().splitlines() == [str(p) for p in exposed]
    started[-1].shutdown()

    # and the next start has nothing to say
    assert _start(started, db_path) is None
    window = started[-1].window
    assert window is not None
    assert [b for b in window.findChildren(QMessageBox) if b.isVisible()] == []


# ---- paths that cannot hold a practice (finding 19) -----------------------------------


def test_a_folder_given_as_the_database_is_called_a_folder(shown, started, tmp_path):
    folder = tmp_path / "a-folder"
    folder.mkdir()

    assert _start(started, folder) == EXIT_CANNOT_OPEN

    [box] = shown.boxes
    assert "is a folder, not a practice file" in box
    assert "damaged" not in box and "Restore" not in box
    assert _everything(folder) == []


def test_a_folder_where_the_lock_goes_is_a_clear_message(shown, started, db_path):
    lock_path(db_path).mkdir()
    before = db_path.read_bytes()

    assert _start(started, db_path) == EXIT_CANNOT_OPEN

    [box] = shown.boxes
    assert f"{lock_path(db_path)} is a folder" in box and "Restore" not in box
    assert db_path.read_bytes() == before


GUI_CHILD = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication([])
shown = []
QMessageBox.critical = lambda _p, title, text: shown.append(f"{title}: {text}")
def fake_exec(box):
    names = ", ".join(b.text() for b in box.buttons())
    shown.append(f"{box.windowTitle()}: {box.text()} {box.informativeText()} [{names}]")
    return 0
QMessageBox.exec = fake_exec
from practice.app import run_gui
status = run_gui(Path(sys.argv[1]))
print("status", status)
for text in shown:
    print("box", text)
"""


def test_a_read_only_folder_is_its_own_message_never_a_restore_offer(tmp_path):
    # Given a practice with a good backup, in a folder that is read-only for the app
    folder = tmp_path / "shelf"
    path = folder / "practice.sqlite3"
    _practice_with_backup(path)
    before = sorted(p.name for p in folder.iterdir())
    env = dict(os.environ, PRACTICE_DATA_DIR=str(default_db_path().parent))
    env["QT_QPA_PLATFORM"] = "offscreen"

    # When the app starts on it (in a child process, for which the folder is read-only)
    done = run_python(folder, ["-c", GUI_CHILD, str(path)], env)

    # Then one message says the folder is read-only; no damage, no restore offered
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert f"status {EXIT_CANNOT_OPEN}" in lines
    [box] = [line for line in lines if line.startswith("box ")]
    assert "is read-only" in box and "Nothing was changed" in box
    assert "damaged" not in box and "Restore" not in box
    assert "practice.sqlite3" in before
    assert sorted(p.name for p in folder.iterdir()) == before
