"""The GUI on an encrypted practice: unlock at start, auto-lock, security settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _crypto_fixtures import FAST, NAME_PARTS, PASSPHRASE, files_containing
from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit, QWidget

from practice.db import crypto
from practice.db.encryption import EncryptResult
from practice.db.engine import Database
from practice.services import audit


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path) -> Iterator[None]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    yield


def visible_texts(root: QWidget) -> str:
    """Every text a person could read in ``root``'s visible widgets (labels, fields, lists)."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list model
                columns = 1
            for row in range(model.rowCount(QModelIndex())):
                for col in range(columns):
                    texts.append(str(model.index(row, col).data() or ""))
    return "\n".join(texts)


def _has_secret(text: str) -> bool:
    return any(part.decode() in text for part in NAME_PARTS)


@pytest.fixture
def window(qtbot, encrypted: tuple[Path, EncryptResult], templates):  # type: ignore[no-untyped-def]
    from practice.ui.main_window import MainWindow

    path, result = encrypted
    database = Database(path, key=result.key)
    main = MainWindow(database, templates)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.show_page(main.clients_page)  # client names on screen (Today is the home page)
    yield main
    database.dispose()


def test_unlock_dialog_wrong_then_right(qtbot, encrypted: tuple[Path, EncryptResult]) -> None:
    from practice.ui.unlock_dialog import UnlockDialog

    path, result = encrypted
    dialog = UnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()

    # When a wrong passphrase is typed
    qtbot.keyClicks(dialog.panel.field, "not my passphrase")
    qtbot.mouseClick(dialog.panel.unlock_button, Qt.MouseButton.LeftButton)

    # Then the dialog says so, stays open and notes the failure
    assert dialog.panel.error.isVisible()
    assert dialog.panel.error.text() == "Wrong passphrase. Try again."
    assert dialog.result() == 0 and dialog.isVisible()
    assert len(crypto.unlock_failures(path)) == 1

    # When the right one is typed (Return in the field)
    dialog.panel.field.clear()
    qtbot.keyClicks(dialog.panel.field, PASSPHRASE)
    qtbot.keyClick(dialog.panel.field, Qt.Key.Key_Return)

    assert dialog.result() == 1 and dialog.key == result.key


def test_failed_unlocks_reach_the_audit_trail(encrypted: tuple[Path, EncryptResult]) -> None:
    from practice.services.unlock_audit import record_unlock_failures

    path, result = encrypted
    crypto.note_unlock_failure(path)
    crypto.note_unlock_failure(path, "wrong recovery key")
    database = Database(path, key=result.key)

    assert record_unlock_failures(database) == 2

    with database.session() as s:
        events = [e for e in audit.list_events(s) if e.entity == "unlock"]
    assert {e.action for e in events} == {"failure"}
    assert sorted(e.summary.split(" at ")[0] for e in events) == [
        "wrong passphrase",
        "wrong recovery key",
    ]
    assert crypto.unlock_failures(path) == []
    with database.session() as s:
        assert audit.verify_chain(s) == []
    database.dispose()


def test_auto_lock_hides_client_data_and_closes_the_database(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    database: Database = window._db
    assert _has_secret(visible_texts(window))

    # When the idle time runs out
    window.auto_lock.set_minutes(0.002)  # 120 ms
    qtbot.waitUntil(lambda: window.auto_lock.is_locked, timeout=3000)

    # Then no client name is visible, the list is empty, the database closed
    assert not _has_secret(visible_texts(window))
    assert window.clients_page.client_list.table.model().rowCount() == 0
    assert not database.is_open and database.key is None
    assert not window.menuBar().isEnabled()
    assert "Practice is locked" in visible_texts(window)


def test_lock_screen_refuses_a_wrong_passphrase_and_unlocks_with_the_right_one(
    qtbot,  # type: ignore[no-untyped-def]
    window,
    encrypted: tuple[Path, EncryptResult],
) -> None:
    window.lock()
    panel = window.auto_lock.lock_screen.panel

    qtbot.keyClicks(panel.field, "guessing wrong")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert window.auto_lock.is_locked and panel.error.text() == "Wrong passphrase. Try again."

    panel.field.clear()
    qtbot.keyClicks(panel.field, PASSPHRASE)
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)

    assert not window.auto_lock.is_locked
    assert window._db.is_open
    assert _has_secret(visible_texts(window))
    assert window.menuBar().isEnabled()
    # the failed try is in the audit trail now
    with window._db.session() as s:
        assert any(e.entity == "unlock" for e in audit.list_events(s))


def test_typing_and_clicking_restart_the_idle_timer(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    timer = window.auto_lock.timer
    window.auto_lock.set_minutes(1)
    timer.stop()

    QApplication.sendEvent(window, QEvent(QEvent.Type.UpdateRequest))  # not input
    assert not timer.isActive()

    qtbot.keyClick(window.clients_page.client_list, Qt.Key.Key_Shift)
    assert timer.isActive() and timer.remainingTime() > 50_000  # restarted: about a minute left

    timer.stop()
    qtbot.mouseClick(window.clients_page.client_list, Qt.MouseButton.LeftButton)
    assert timer.isActive()
    assert not window.auto_lock.is_locked


def test_plain_practice_unlocks_with_a_click(qtbot, db: Database, templates) -> None:  # type: ignore[no-untyped-def]
    from practice.ui.main_window import MainWindow

    main = MainWindow(db, templates)
    qtbot.addWidget(main)
    main.show()

    main.lock()
    panel = main.auto_lock.lock_screen.panel
    assert not panel.field.isVisible() and not db.is_open
    qtbot.mouseClick(panel.unlock_button, Qt.MouseButton.LeftButton)

    assert not main.auto_lock.is_locked and db.is_open


def test_default_auto_lock_is_five_minutes(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.auto_lock.minutes == 5
    assert window.auto_lock.timer.interval() == 5 * 60_000


def test_security_settings_turn_encryption_on(
    qtbot,  # type: ignore[no-untyped-def]
    plain_practice: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from practice.db import encryption
    from practice.ui import security_settings
    from practice.ui.security_settings import SecuritySettingsDialog

    real_encrypt = encryption.encrypt
    monkeypatch.setattr(
        encryption, "encrypt", lambda *a, **k: real_encrypt(*a, **{**k, "params": FAST})
    )
    monkeypatch.setattr(security_settings, "backup_dirs", lambda path: [tmp_path / "backups"])
    database = Database(plain_practice)
    dialog = SecuritySettingsDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()
    keys: list[bytes] = []
    dialog.key_changed.connect(keys.append)
    assert "not encrypted" in dialog.state.text()

    qtbot.keyClicks(dialog.new, "a fine passphrase")
    qtbot.keyClicks(dialog.again, "a fine passphrase")
    qtbot.mouseClick(dialog.action, Qt.MouseButton.LeftButton)

    assert crypto.is_encrypted(plain_practice)
    assert keys and database.key == keys[0] and database.is_open
    assert files_containing(plain_practice.parent) == []
    recovery = dialog.recovery_dialog
    assert recovery is not None and recovery.isVisible()
    shown = recovery.key_label.text().replace("\n", "-").replace("  ", "-")
    assert crypto.parse_recovery_key(shown) == keys[0]
    saved = recovery.save_pdf(tmp_path / "key.pdf")
    assert saved is not None and saved.read_bytes().startswith(b"%PDF")
    done = recovery.buttons.buttons()[0]
    assert not done.isEnabled()
    recovery.kept.setChecked(True)
    assert done.isEnabled()
    assert "is encrypted" in dialog.state.text()
    # and turning it on is in the audit trail
    with database.session() as s:
        newest = audit.list_events(s, limit=1)[0]
    assert (newest.entity, newest.action) == ("database", "encrypt")
    database.dispose()


def test_security_settings_change_passphrase(
    qtbot,  # type: ignore[no-untyped-def]
    encrypted: tuple[Path, EncryptResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from practice.ui import security_settings
    from practice.ui.security_settings import SecuritySettingsDialog

    monkeypatch.setattr(security_settings, "backup_dirs", lambda path: [tmp_path / "backups"])
    path, result = encrypted
    database = Database(path, key=result.key)
    dialog = SecuritySettingsDialog(database)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.keyClicks(dialog.current, "not the current one")
    qtbot.keyClicks(dialog.new, "next passphrase")
    qtbot.keyClicks(dialog.again, "next passphrase")
    qtbot.mouseClick(dialog.action, Qt.MouseButton.LeftButton)
    assert "wrong" in dialog.error.text()
    assert crypto.unlock(path, PASSPHRASE) == result.key

    dialog.current.clear()
    qtbot.keyClicks(dialog.current, PASSPHRASE)
    qtbot.mouseClick(dialog.action, Qt.MouseButton.LeftButton)

    assert dialog.success.text() == "The passphrase was changed."
    assert crypto.unlock(path, "next passphrase") == result.key
    database.dispose()


def test_auto_lock_minutes_setting(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from practice.ui.auto_lock import auto_lock_minutes
    from practice.ui.security_settings import SecuritySettingsDialog

    dialog = SecuritySettingsDialog(window._db, window)
    dialog.minutes_changed.connect(window.auto_lock.set_minutes)
    dialog.minutes.setValue(12)

    assert auto_lock_minutes() == 12
    assert window.auto_lock.timer.interval() == 12 * 60_000
    dialog.close()


def test_gui_start_asks_for_the_passphrase_and_quits_when_refused(
    qapp,  # type: ignore[no-untyped-def]
    encrypted: tuple[Path, EncryptResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from practice.app import run_gui
    from practice.ui import unlock_dialog

    path, _ = encrypted
    before = path.read_bytes()
    asked: list[Path] = []
    monkeypatch.setattr(unlock_dialog, "ask_key", lambda p: asked.append(p))

    assert run_gui(path) == 0

    assert asked == [path] and path.read_bytes() == before
    assert QApplication.instance() is not None


def test_gui_start_unlocks_opens_and_backs_up_encrypted(
    qapp,  # type: ignore[no-untyped-def]
    encrypted: tuple[Path, EncryptResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from practice.app import run_gui
    from practice.ui import unlock_dialog

    path, result = encrypted
    crypto.note_unlock_failure(path)  # someone tried before
    monkeypatch.setattr(unlock_dialog, "ask_key", lambda p: result.key)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)

    assert run_gui(path) == 0

    backups = tmp_path / "backups"
    made = sorted(backups.glob("*.sqlite3"))
    assert made and all(not crypto.has_plain_header(b) for b in made)
    assert files_containing(backups) == [] and files_containing(path.parent) == []
    database = Database(path, key=result.key)
    with database.session() as s:
        assert any(e.entity == "unlock" and e.action == "failure" for e in audit.list_events(s))
    database.dispose()


def test_file_menu_offers_security_settings_and_lock_now(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from practice.ui.security_settings import SecuritySettingsDialog

    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "&Security settings…" in texts and "&Lock now" in texts

    window.security_action.trigger()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, SecuritySettingsDialog)]
    assert any(d.isVisible() for d in dialogs)

    # Locking closes the open dialog too
    window.lock_action.trigger()
    assert window.auto_lock.is_locked
    assert not any(d.isVisible() for d in dialogs)
