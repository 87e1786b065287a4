"""The Backups window on a practice on a PostgreSQL server (issue 17, point 5): the same
buttons, real clicks, the real test server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import text

import _postgres
from practice.db import migrate
from practice.db.engine import Database
from practice.db.location import Location, parse
from practice.services import clients, server_backup
from practice.services.clients import ClientInput
from practice.ui.backups_dialog import BackupsDialog
from practice.ui.server_backups import ServerBackups

SHOTS = Path("/work/shots/backup17")


def _names(location: Location) -> set[str]:
    database = Database(location)
    try:
        with database.session() as db:
            return {row.name for row in clients.list_rows(db)}
    finally:
        database.dispose()


@pytest.fixture
def server_practice(postgres_databases: _postgres.Databases) -> Iterator[Location]:
    """A practice with Amara and Bao on the test server (every database named after it
    dropped after the test)."""
    name = postgres_databases.create()
    location = parse(postgres_databases.url(name))
    migrate.upgrade(location)
    database = Database(location)
    with database.session() as db:
        for first in ("Amara", "Bao"):
            clients.create(db, ClientInput(first_name=first, last_name="Okafor"))
    database.dispose()
    yield location
    with psycopg.connect(postgres_databases.admin_url, autocommit=True) as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", (name + "%",))
        for (left,) in rows.fetchall():
            postgres_databases.drop(str(left))


def _delete_bao(location: Location) -> None:
    database = Database(location)
    with database.engine.begin() as conn:
        conn.execute(text("DELETE FROM clients WHERE first_name = 'Bao'"))
    database.dispose()


def _shot(dialog: BackupsDialog, name: str) -> None:
    if not SHOTS.parent.is_dir() or os.environ.get("PRACTICE_NO_SHOTS"):
        return
    SHOTS.mkdir(parents=True, exist_ok=True)
    for w, h in ((1366, 768), (1024, 600)):
        dialog.resize(w, h)
        dialog.grab().save(str(SHOTS / f"{name}-{w}x{h}.png"))


def test_back_up_now_on_a_server_lists_the_new_backup(qtbot, server_practice: Location) -> None:
    # Given the Backups window of a practice on a server, with no backups yet
    helper = ServerBackups(server_practice, None, lambda: None)
    dialog = helper.dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.proxy.rowCount() == 0 and dialog.empty_label.isVisible()
    texts = [label.text() for label in dialog.findChildren(type(dialog.empty_label))]
    assert f"Backups of {server_practice.url.database} on 127.0.0.1" in texts
    # When the therapist clicks "Back up now"
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    # Then the list shows the new, verified backup, made in the server's backup folder
    assert dialog.proxy.rowCount() == 1 and not dialog.empty_label.isVisible()
    assert dialog.proxy.index(0, 1).data() == "Backed up by you"
    assert dialog.proxy.index(0, 2).data() == "Verified"
    [made] = server_backup.backups_of(server_practice)
    assert made.path.name.endswith(".manual.pgdump") and made.verified
    assert dialog.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == str(made.path)
    assert dialog.restore_button.isEnabled()
    _shot(dialog, "server-backups")


def test_restore_from_the_window_brings_back_a_deleted_client(
    qtbot, server_practice: Location, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a practice on a server whose app closes its connections before a restore
    closed: list[bool] = []
    helper = ServerBackups(server_practice, None, lambda: closed.append(True))
    confirmations: list[str] = []
    told: list[str] = []

    def confirm(_parent, _title, text, *_a, **_k):  # type: ignore[no-untyped-def]
        confirmations.append(text)
        return QMessageBox.StandardButton.Yes

    def back_up_delete_and_pick(dialog: BackupsDialog) -> int:
        # When the therapist backs up, Bao is deleted, and the backup is restored
        qtbot.addWidget(dialog)
        qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
        _delete_bao(server_practice)
        dialog.table.selectRow(0)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(QMessageBox, "question", confirm)
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text) or 0
    )
    monkeypatch.setattr(BackupsDialog, "exec", back_up_delete_and_pick)
    assert helper.show() is True

    # Then the confirmation said where the current database is kept, the app's own
    # connections were closed first, and Bao is back
    assert "kept on the" in confirmations[0] and "_before_restore_<time>" in confirmations[0]
    assert closed == [True]
    assert _names(server_practice) == {"Okafor, Amara", "Okafor, Bao"}
    assert helper.restored_aside is not None and helper.restored_aside in told[0]


def test_a_refused_restore_is_shown_and_the_practice_kept(
    qtbot, server_practice: Location, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given an empty file picked as a backup
    empty = tmp_path / "empty.pgdump"
    empty.write_bytes(b"")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *_a: shown.append(text) or 0)
    # When it is restored, Then the refusal is shown and the practice is as it was
    assert ServerBackups(server_practice, None, lambda: None).restore_from(empty) is False
    assert "is empty (0 bytes)" in shown[0] and "left as it was" in shown[0]
    assert _names(server_practice) == {"Okafor, Amara", "Okafor, Bao"}


def test_the_server_backups_window_in_spanish(qtbot, spanish, server_practice: Location) -> None:
    helper = ServerBackups(server_practice, None, lambda: None)
    dialog = helper.dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.windowTitle() == "Copias de seguridad"
    assert dialog.proxy.index(0, 2).data() == "Verificada"
    texts = [label.text() for label in dialog.findChildren(type(dialog.empty_label))]
    assert any("copia de toda su base de datos" in t for t in texts), texts
    _shot(dialog, "server-backups-es")


def test_back_up_now_without_pg_dump_says_so_and_lists_nothing(
    qtbot, server_practice: Location, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Given a computer without the PostgreSQL client programs
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(server_backup, "TOOL_FOLDERS", str(tmp_path / "none" / "*"))
    helper = ServerBackups(server_practice, None, lambda: None)
    dialog = helper.dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    # When the therapist clicks "Back up now"
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    # Then a box says the backup could not be made and why; the list stays empty
    box = helper.failed_box
    assert box is not None
    qtbot.addWidget(box)
    assert box.windowTitle() == "Backup failed" and box.isVisible()
    assert "pg_dump is not installed on this computer" in box.detailedText()
    assert dialog.proxy.rowCount() == 0


def test_the_apps_daily_and_exit_backups_go_to_the_servers_folder(
    server_practice: Location, tmp_path: Path
) -> None:
    folder = tmp_path / "chosen"
    for kind in ("daily", "exit"):
        made = ServerBackups.make(server_practice, folder, kind)  # type: ignore[arg-type]
        assert isinstance(made, server_backup.BackupResult) and made.verified
    assert [b.kind for b in server_backup.backups_of(server_practice, folder)] == ["daily", "exit"]


def _other_practice_dump(postgres_databases: _postgres.Databases, folder: Path) -> Path:
    """A dump of another practice (Ines's) on the same server."""
    other = postgres_databases.create()
    location = parse(postgres_databases.url(other))
    migrate.upgrade(location)
    database = Database(location)
    with database.session() as db:
        clients.create(db, ClientInput(first_name="Ines", last_name="Ferreira"))
    database.dispose()
    made = server_backup.make_backup(location, folder, audit=False).path
    postgres_databases.drop(other)
    return made


def _answer_question(qtbot, button: QMessageBox.StandardButton, seen: list[object], name: str):  # type: ignore[no-untyped-def]
    """Click ``button`` on the question box when it shows; what it showed goes in ``seen``."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        seen.append(
            (
                box.windowTitle(),
                box.text(),
                box.defaultButton() is box.button(QMessageBox.StandardButton.No),
            )
        )
        if SHOTS.parent.is_dir() and not os.environ.get("PRACTICE_NO_SHOTS"):
            (SHOTS.parent / "fixrestore17").mkdir(parents=True, exist_ok=True)
            box.grab().save(str(SHOTS.parent / "fixrestore17" / f"{name}.png"))
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_a_backup_of_another_practice_is_restored_only_when_the_therapist_says_yes(
    qtbot,
    server_practice: Location,
    postgres_databases: _postgres.Databases,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Given a backup of another practice picked in the Backups window
    dump = _other_practice_dump(postgres_databases, tmp_path / "b")
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", lambda _p, _t, text, *_a: told.append(text) or 0
    )
    helper = ServerBackups(server_practice, None, lambda: None)
    seen: list[object] = []
    # When the therapist answers No to the question
    _answer_question(qtbot, QMessageBox.StandardButton.No, seen, "other-practice-question")
    assert helper.restore_from(dump) is False
    # Then it asked, with No as the default, and the practice is as it was
    [(title, text, no_is_default)] = seen
    assert title == "This backup is of another practice" and no_is_default
    assert "is a backup of another practice" in text and "Restore it anyway?" in text
    assert _names(server_practice) == {"Okafor, Amara", "Okafor, Bao"}
    assert told == []
    # When it is asked again and the therapist answers Yes
    _answer_question(qtbot, QMessageBox.StandardButton.Yes, seen, "other-practice-question-2")
    assert helper.restore_from(dump) is True
    # Then the other practice's backup is restored, and the kept copy is counted
    assert _names(server_practice) == {"Ferreira, Ines"}
    assert "Earlier copies of this practice kept on the server: 1." in told[0]
    assert "Practice never deletes them" in told[0]


def test_the_other_practice_question_in_spanish(
    qtbot,
    spanish,
    server_practice: Location,
    postgres_databases: _postgres.Databases,
    tmp_path: Path,
) -> None:
    dump = _other_practice_dump(postgres_databases, tmp_path / "b")
    helper = ServerBackups(server_practice, None, lambda: None)
    seen: list[object] = []
    _answer_question(qtbot, QMessageBox.StandardButton.No, seen, "other-practice-question-es")
    assert helper.restore_from(dump) is False
    [(title, text, no_is_default)] = seen
    assert title == "Esta copia es de otra consulta" and no_is_default
    assert "¿Restaurarla de todos modos?" in text and "es una copia de otra consulta" in text
    assert _names(server_practice) == {"Okafor, Amara", "Okafor, Bao"}
