"""The app's life on its database file: one copy, damage at start, backups, restore."""

from __future__ import annotations

import hashlib
import socket
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from _lock_holder import lock_held_by_child
from practice.app import run_gui
from practice.db import migrate
from practice.db.engine import Database
from practice.db.lock import lock_path
from practice.services import audit, backup, clients
from practice.services.clients import ClientInput
from practice.ui.app_controller import EXIT_CANNOT_OPEN, EXIT_IN_USE, AppController
from practice.ui.backups_dialog import BackupsDialog


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _add(db: Database, first: str) -> int:
    with db.session() as s:
        return clients.create(s, ClientInput(first_name=first, last_name="Haddad")).id


def _names(db: Database) -> list[str]:
    with db.session() as s:
        return [row.name for row in clients.list_rows(s)]


@dataclass
class Boxes:
    """Message boxes shown modally (``exec``) during a test, and the button to click."""

    shown: list[QMessageBox] = field(default_factory=list)
    click: str | None = None

    def texts(self) -> list[str]:
        return [f"{b.text()} {b.informativeText()}" for b in self.shown]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    seen = Boxes()

    def fake_exec(box: QMessageBox) -> int:
        seen.shown.append(box)
        for button in box.buttons():
            if seen.click is not None and button.text() == seen.click:
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    monkeypatch.setattr(
        QMessageBox,
        "critical",
        lambda _p, title, text: seen.shown.append(
            QMessageBox(QMessageBox.Icon.Critical, title, text)
        ),
    )
    return seen


@pytest.fixture
def started(qtbot, db_path: Path, boxes: Boxes) -> Iterator[AppController]:
    controller = AppController(db_path)
    assert controller.start() is None
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    controller.wait_for_backup()
    yield controller
    controller.wait_for_backup()
    if controller.lock.held:
        controller.shutdown()


def _open_boxes(window) -> list[QMessageBox]:  # type: ignore[no-untyped-def]
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def _backup_events(db_path: Path) -> list[str]:
    """'<kind> verified' for every backup in the audit trail, oldest first."""
    db = Database(db_path)
    with db.session() as s:
        events = audit.list_events(s, action="backup")
    db.dispose()
    return [f"{e.summary.split()[0]} {e.summary.split()[-1]}" for e in reversed(events)]


def _backups(tmp_path: Path, stem: str = "practice") -> list[backup.BackupFile]:
    return backup.list_backups(tmp_path / "backups", stem, include_failed=True)


# ---- one copy ---------------------------------------------------------------------


def test_a_second_copy_names_the_holder_and_writes_nothing(qapp, db_path, tmp_path, boxes):
    # Given the database held by another running copy
    before = _digest(db_path)
    with lock_held_by_child(db_path) as pid:
        # When the app is started on it
        status = run_gui(db_path)

    # Then it says which process on which computer has it, and stops without writing
    assert status == EXIT_IN_USE
    [text] = boxes.texts()
    assert f"process {pid}" in text and socket.gethostname() in text
    assert _digest(db_path) == before
    assert not (tmp_path / "backups").exists()


def test_the_app_holds_the_lock_while_it_runs(started, db_path):
    from practice.db.lock import read_owner

    owner = read_owner(db_path)
    assert owner is not None and owner.program == "Practice"
    started.shutdown()
    assert not lock_path(db_path).exists()


# ---- damage at start ----------------------------------------------------------------


def _damage(path: Path) -> None:
    with open(path, "r+b") as f:  # the schema page: nothing can be read any more
        f.seek(100)
        f.write(b"\xa5" * 3000)


def test_a_damaged_file_at_start_is_replaced_by_the_latest_good_backup(
    qtbot, db, db_path, tmp_path, boxes
):
    # Given a good backup with one client, a second client since, then damage
    _add(db, "Amara")
    backup.make_backup(db_path, tmp_path / "backups", kind="daily")
    _add(db, "Bao")
    db.dispose()
    _damage(db_path)
    damaged = _digest(db_path)

    # When the app starts and the user chooses to restore
    boxes.click = "Restore the backup"
    controller = AppController(db_path)
    assert controller.start() is None
    qtbot.addWidget(controller.window)

    # Then the offer named the backup, and the app runs on the backup's data
    [text] = boxes.texts()
    assert "damaged" in text and "latest good backup" in text
    assert controller.database is not None
    assert _names(controller.database) == ["Haddad, Amara"]
    assert controller.window.clients_page.client_list.model.rowCount() == 1  # type: ignore[union-attr]
    # and the damaged file is kept, byte for byte
    [aside] = tmp_path.glob("practice.before-restore-*.sqlite3")
    assert _digest(aside) == damaged
    controller.shutdown()


def test_damage_in_the_data_pages_is_found_and_the_backup_restored(
    qtbot, db, db_path, tmp_path, boxes
):
    # Given a good backup, then enough clients to fill many pages, then a damaged data page
    _add(db, "Amara")
    backup.make_backup(db_path, tmp_path / "backups", kind="daily")
    with db.session() as s:
        for i in range(400):
            clients.create(s, ClientInput(first_name=f"Bao{i}", last_name="Lin" * 30))
    db.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    pages = db_path.stat().st_size // 4096
    with open(db_path, "r+b") as f:  # a page in the middle: the schema still reads
        f.seek((pages // 2) * 4096)
        f.write(b"\xa5" * 4096)

    # When the app starts: the schema check passes; the window or the full check behind it
    # meets the damaged page
    boxes.click = "Restore the backup"
    controller = AppController(db_path)
    assert controller.start() is None
    controller.wait_for_check()
    qtbot.addWidget(controller.window)  # the window on the restored file (the first is gone)

    # Then the damage is reported and the user's choice restores the good backup
    assert any("damaged" in text for text in boxes.texts())
    assert controller.database is not None
    assert _names(controller.database) == ["Haddad, Amara"]
    controller.shutdown()


def test_a_damaged_file_the_user_does_not_restore_is_left_alone(db, db_path, tmp_path, boxes):
    _add(db, "Amara")
    backup.make_backup(db_path, tmp_path / "backups", kind="daily")
    db.dispose()
    _damage(db_path)
    before = _digest(db_path)
    boxes.click = "Quit"

    assert AppController(db_path).start() == EXIT_CANNOT_OPEN

    assert _digest(db_path) == before
    assert not list(tmp_path.glob("*before-restore*"))
    assert not lock_path(db_path).exists()


# ---- backups ------------------------------------------------------------------------


def test_run_gui_backs_up_at_start_and_on_exit(qapp, db, db_path, tmp_path, boxes, monkeypatch):
    _add(db, "Amara")
    db.dispose()
    # the user closes the app as soon as it is shown
    monkeypatch.setattr(QApplication, "exec", lambda *_a: 0)

    assert run_gui(db_path) == 0

    # both were made and verified, and both are kept (every backup of the last 48 hours)
    assert _backup_events(db_path) == ["daily verified", "exit verified"]
    kept = _backups(tmp_path)
    assert sorted(b.kind for b in kept) == ["daily", "exit"]
    assert all(backup.verify(b.path) == [] for b in kept)
    assert boxes.shown == []
    assert not lock_path(db_path).exists()
    for widget in QApplication.topLevelWidgets():
        widget.close()


def test_no_second_daily_backup_the_same_day(qtbot, db_path, tmp_path, started):
    started.shutdown()
    again = AppController(db_path)
    assert again.start() is None
    qtbot.addWidget(again.window)
    again.wait_for_backup()
    again.shutdown()
    assert _backup_events(db_path) == ["daily verified", "exit verified", "exit verified"]


def test_a_backup_failing_verification_is_shown_not_silent(started, monkeypatch):
    monkeypatch.setattr(backup, "verify", lambda *_a, **_k: ["integrity: page 9 is never used"])

    outcome = started.back_up_now()

    assert isinstance(outcome, backup.BackupResult) and not outcome.verified
    window = started.window
    assert "FAILED" in window.statusBar().currentMessage()
    [box] = _open_boxes(window)
    assert "failed its check" in box.text()
    assert "page 9 is never used" in box.detailedText()


def test_a_failed_exit_backup_is_shown(qtbot, db_path, boxes, monkeypatch):
    controller = AppController(db_path)
    assert controller.start() is None
    qtbot.addWidget(controller.window)
    controller.wait_for_backup()
    monkeypatch.setattr(backup, "verify", lambda *_a, **_k: ["integrity: simulated"])

    controller.shutdown()

    assert any("failed its check" in t for t in boxes.texts())


def test_a_database_in_a_cloud_folder_is_warned_about_without_blocking(qtbot, tmp_path):
    path = tmp_path / "OneDrive - Fictional Clinic" / "practice.sqlite3"
    path.parent.mkdir()
    migrate.upgrade(path)
    controller = AppController(path)

    assert controller.start() is None  # returns: the warning does not block

    qtbot.addWidget(controller.window)
    [box] = _open_boxes(controller.window)
    assert "OneDrive" in box.text()
    controller.shutdown()


def test_back_up_now_from_the_file_menu(started, tmp_path, db_path):
    started.window.backup_action.trigger()
    newest = _backups(tmp_path)[-1]
    assert newest.kind == "manual" and backup.verify(newest.path) == []
    assert newest.path.name in started.window.statusBar().currentMessage()
    assert _backup_events(db_path)[-1] == "manual verified"


def test_restore_from_the_menu_reopens_the_window_on_the_backup(
    qtbot, started, tmp_path, monkeypatch
):
    # Given a backup with one client, and a second client added since
    assert started.database is not None
    _add(started.database, "Amara")
    good = started.back_up_now()
    assert isinstance(good, backup.BackupResult)
    _add(started.database, "Bao")
    old_window = started.window

    # When the user picks the newest backup in File → Restore from backup… and confirms
    confirmations: list[str] = []

    def confirm(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        confirmations.append(text)
        return QMessageBox.StandardButton.Yes

    def pick_newest(dialog: BackupsDialog) -> int:
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(QMessageBox, "question", confirm)
    monkeypatch.setattr(BackupsDialog, "exec", pick_newest)
    old_window.restore_action.trigger()

    # Then the confirmation said the current file is kept, and a new window shows the backup
    assert "kept aside" in confirmations[0]
    assert started.window is not old_window and not old_window.isVisible()
    qtbot.addWidget(started.window)
    assert _names(started.database) == ["Haddad, Amara"]
    assert started.window.clients_page.client_list.model.rowCount() == 1
    [aside] = tmp_path.glob("practice.before-restore-*.sqlite3")
    assert good.path.name in started.window.statusBar().currentMessage()
    assert aside.name in started.window.statusBar().currentMessage()
    # and the restore is in the restored database's audit trail
    with started.database.session() as s:
        last = audit.list_events(s, limit=1)[0]
    assert last.action == "restore" and good.path.name in last.summary


def test_backups_dialog_lists_kind_and_check_and_backs_up(qtbot, db_path, tmp_path):
    folder = tmp_path / "b"
    good = backup.make_backup(db_path, folder, kind="exit")
    failed = good.path.with_name(good.path.name.replace(".exit.", ".manual.") + ".failed")
    failed.write_bytes(b"garbage")
    made: list[Path] = []

    def back_up() -> None:
        made.append(backup.make_backup(db_path, folder, kind="manual", rotate_after=False).path)

    dialog = BackupsDialog(db_path, folder, back_up)
    qtbot.addWidget(dialog)
    rows = {
        dialog.proxy.index(r, 1).data(): dialog.proxy.index(r, 2).data()
        for r in range(dialog.proxy.rowCount())
    }
    assert rows == {"When Practice closed": "Verified", "Backed up by you": "FAILED — not usable"}
    for r in range(dialog.proxy.rowCount()):
        dialog.table.selectRow(r)
        usable = dialog.proxy.index(r, 2).data() == "Verified"
        assert dialog.restore_button.isEnabled() == usable

    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)

    assert len(made) == 1 and dialog.proxy.rowCount() == 3


def test_a_lock_left_by_a_killed_app_is_taken_over(qtbot, db_path, boxes):
    import json
    import subprocess
    import sys

    # Given the lock file of an app that was killed (its process is gone)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    owner = {"pid": child.pid, "host": socket.gethostname(), "started": "2026-01-01T09:00:00+00:00"}
    lock_path(db_path).write_text(json.dumps(owner | {"program": "Practice"}))

    # When the app starts, it opens normally
    controller = AppController(db_path)
    assert controller.start() is None
    qtbot.addWidget(controller.window)
    assert boxes.shown == []
    controller.shutdown()


def test_a_template_file_that_chokes_the_reader_does_not_stop_the_start(
    qtbot, db_path: Path, tmp_path: Path, boxes: Boxes
) -> None:
    # Given a template of the therapist's own nested 5,000 deep (the TOML reader recurses)
    folder = tmp_path / "data" / "templates"
    folder.mkdir(parents=True)
    (folder / "deep.toml").write_text("a = " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    # When the app starts
    controller = AppController(db_path)
    assert controller.start() is None
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    controller.wait_for_backup()
    # Then the window is up and the file is one of the library's problems
    assert [p.template for p in controller.window.templates.problems] == ["deep"]
    controller.shutdown()


def test_a_file_opened_with_db_keeps_its_backups_beside_it(qtbot, tmp_path, boxes, monkeypatch):
    from practice.cli.entry import main

    # Given a practice file in its own folder, backed up on the command line
    path = tmp_path / "clinic" / "clinic.sqlite3"
    path.parent.mkdir()
    migrate.upgrade(path)
    assert main(["backup", "--db", str(path)]) == 0
    beside = path.parent / "backups"
    assert [b.kind for b in backup.list_backups(beside, "clinic")] == ["manual"]

    # When the app opens that file (as with --db) and the user backs up from the File menu
    controller = AppController(path)
    assert controller.start() is None
    assert controller.window is not None
    qtbot.addWidget(controller.window)
    controller.wait_for_backup()
    controller.window.backup_action.trigger()

    # Then the backup is beside the file, with the command line's, and the Backups
    # window shows that folder and both backups; nothing went to the usual practice's
    shown: list[tuple[Path, int]] = []

    def look(dialog: BackupsDialog) -> int:
        shown.append((dialog.folder, dialog.proxy.rowCount()))
        return 0

    monkeypatch.setattr(BackupsDialog, "exec", look)
    controller.window.restore_action.trigger()
    assert shown == [(beside, 2)]
    assert [b.kind for b in backup.list_backups(beside, "clinic")] == ["manual", "manual"]
    assert not (tmp_path / "data" / "backups").exists()
    controller.shutdown()
    assert "exit" in [b.kind for b in backup.list_backups(beside, "clinic")]


def test_enter_on_the_restore_question_keeps_the_current_data(qtbot, db_path, tmp_path):
    from PySide6.QtCore import QTimer

    # Given the Backups window with a good backup selected
    folder = tmp_path / "b"
    backup.make_backup(db_path, folder, kind="exit", audit=False)
    dialog = BackupsDialog(db_path, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(0)

    # When the user clicks Restore… and presses Enter on the question
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            default = box.defaultButton()
            seen.append(default.text() if default is not None else "(none)")
            qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    # Then the default answer was No: nothing is chosen and the window stays open
    assert seen == ["&No"]
    assert dialog.chosen is None and dialog.isVisible()


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_restoring_another_practices_backup_asks_first(
    qtbot, started, tmp_path, monkeypatch, answer
):
    from PySide6.QtWidgets import QFileDialog, QPushButton

    # Given this practice with one client, and a backup of another practice (its own file)
    assert started.database is not None
    _add(started.database, "Amara")
    other = tmp_path / "elsewhere" / "practice.sqlite3"
    other.parent.mkdir()
    migrate.upgrade(other)
    theirs = backup.make_backup(other, tmp_path / "elsewhere" / "backups", audit=False).path

    # When the user picks it with "Restore another file…" and confirms the usual question
    questions: list[tuple[str, str]] = []

    def reply(_parent, title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        questions.append((title, text))
        if title == "This backup is of another practice":
            return getattr(QMessageBox.StandardButton, answer)
        return QMessageBox.StandardButton.Yes

    def pick_other_file(dialog: BackupsDialog) -> int:
        [button] = [
            b for b in dialog.findChildren(QPushButton) if b.text().startswith("Restore another")
        ]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(theirs), ""))
    monkeypatch.setattr(QMessageBox, "question", reply)
    monkeypatch.setattr(BackupsDialog, "exec", pick_other_file)
    started.window.restore_action.trigger()

    # Then a second, plain question says it is another practice's backup
    assert [t for t, _ in questions][-1] == "This backup is of another practice"
    assert "replace this practice's clients" in questions[-1][1]
    qtbot.addWidget(started.window)
    if answer == "No":  # and No keeps this practice as it was
        assert _names(started.database) == ["Haddad, Amara"]
        assert not list(tmp_path.glob("practice.before-restore-*.sqlite3"))
    else:  # Yes restores it, keeping this file aside
        assert _names(started.database) == []
        assert len(list(tmp_path.glob("practice.before-restore-*.sqlite3"))) == 1


def test_of_two_backups_in_one_second_the_later_written_is_listed_first(qtbot, db_path, tmp_path):
    import os
    import shutil

    # Given a daily backup, and a manual one written just after it in the same second
    folder = tmp_path / "b"
    daily = backup.make_backup(db_path, folder, kind="daily", audit=False).path
    manual = daily.with_name(daily.name.replace(".daily.", ".manual."))
    shutil.copyfile(daily, manual)
    written = daily.stat().st_mtime_ns
    os.utime(manual, ns=(written + 500_000_000, written + 500_000_000))
    # When the Backups window opens, newest first
    dialog = BackupsDialog(db_path, folder)
    qtbot.addWidget(dialog)
    dialog.show()
    # Then the manual backup is the newest, at the top, and the one Restore would take
    shown = [
        dialog.model.backup_at(dialog.proxy.mapToSource(dialog.proxy.index(r, 0)).row())
        for r in range(dialog.proxy.rowCount())
    ]
    assert [b.path.name for b in shown] == [manual.name, daily.name]


def test_backups_folder_without_a_file_manager_shows_its_path(started, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from practice.ui.folders import FolderPathDialog

    # Given a computer where no file manager can be started (no xdg-open on the PATH)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    window = started.window
    # When the therapist chooses File → Backups folder
    window.backup_folder_action.trigger()
    # Then the backups folder's full path is shown, to copy
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, FolderPathDialog)
    assert dialog.path.text() == str(started.backup_dir)
    dialog.close()
