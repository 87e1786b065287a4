"""The recovery key alone gets back in when the key file is lost or damaged, and
writes it again under a new passphrase: beside the practice, or on a new computer
that has only a backup."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _crypto_fixtures import PASSPHRASE

from practice.cli import main, passphrase
from practice.db import crypto, keyring
from practice.db.encryption import EncryptResult

NEW = "after the loss"


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passphrase, "interactive", lambda: False)


def _lose_key_files(path: Path, tmp_path: Path) -> None:
    """No key file beside the practice, and none in the backup folder."""
    for found in [crypto.key_file_path(path), *tmp_path.rglob("*" + crypto.KEY_FILE_SUFFIX)]:
        found.unlink(missing_ok=True)


def _recover(path: Path, recovery_key: str, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("PRACTICE_RECOVERY_KEY", recovery_key)
    monkeypatch.setenv("PRACTICE_NEW_PASSPHRASE", NEW)
    return main(["change-passphrase", "--db", str(path), "--recovery-key"])


def _clients(
    path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> str:
    monkeypatch.setenv("PRACTICE_PASSPHRASE", NEW)
    capsys.readouterr()
    assert main(["clients", "--db", str(path)]) == 0
    return capsys.readouterr().out


def test_recovery_key_is_the_256_bit_key_that_opens_the_file_alone(
    encrypted: tuple[Path, EncryptResult], tmp_path: Path
) -> None:
    # Given an encrypted practice whose key files are all gone
    path, result = encrypted
    _lose_key_files(path, tmp_path)

    # When the recovery key is read back
    key = crypto.parse_recovery_key(result.recovery_key)

    # Then it carries 256 bits (52 base32 letters and a check group) and opens the file
    assert len(key) * 8 == 256 and len(result.recovery_key.replace("-", "")) == 56
    conn = crypto.connect(path, key, readonly=True)
    assert conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 4
    conn.close()


def test_lost_key_file_is_rebuilt_from_the_recovery_key_on_the_command_line(
    encrypted: tuple[Path, EncryptResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given an encrypted practice whose key file (and its copy) are lost
    path, result = encrypted
    _lose_key_files(path, tmp_path)
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)
    assert main(["clients", "--db", str(path)]) == 1
    assert "recovery key" in capsys.readouterr().err

    # When the recovery key sets a new passphrase
    assert _recover(path, result.recovery_key, monkeypatch) == 0

    # Then the key file is back and the new passphrase opens the practice
    assert "written again" in capsys.readouterr().out
    assert crypto.unlock(path, NEW) == result.key
    assert "Qqqrrr, Zyxwvut" in _clients(path, monkeypatch, capsys)


def test_damaged_key_file_is_rebuilt_from_the_recovery_key(
    encrypted: tuple[Path, EncryptResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given a key file cut short (a failed copy) and no copy of it elsewhere
    path, result = encrypted
    key_file = crypto.key_file_path(path)
    text = key_file.read_text()
    _lose_key_files(path, tmp_path)
    key_file.write_text(text[: len(text) // 2])

    assert _recover(path, result.recovery_key, monkeypatch) == 0

    assert crypto.unlock(path, NEW) == result.key
    assert "Qqqrrr, Zyxwvut" in _clients(path, monkeypatch, capsys)


def test_a_backup_and_the_recovery_key_are_enough_on_a_new_computer(
    encrypted: tuple[Path, EncryptResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Given a backup on a stick, copied alone to a new computer (its own data folder)
    path, result = encrypted
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)
    assert main(["backup", "--db", str(path), "--to", str(tmp_path / "stick")]) == 0
    made = Path(capsys.readouterr().out.strip().splitlines()[-1])
    new_computer = tmp_path / "new computer"
    monkeypatch.setenv("PRACTICE_DATA_DIR", str(new_computer / "data"))
    (new_computer / "data").mkdir(parents=True)
    moved = new_computer / "data" / "practice.sqlite3"
    shutil.copyfile(made, moved)

    # When the recovery key sets a passphrase for it
    assert _recover(moved, result.recovery_key.lower(), monkeypatch) == 0

    # Then it opens with that passphrase, with every client
    assert crypto.key_file_path(moved).is_file()
    assert "Qqqrrr, Zyxwvut" in _clients(moved, monkeypatch, capsys)


def test_recovery_key_of_another_practice_rebuilds_nothing(
    encrypted: tuple[Path, EncryptResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _ = encrypted
    _lose_key_files(path, tmp_path)
    other = crypto.format_recovery_key(crypto.new_database_key())

    assert _recover(path, other, monkeypatch) == 1

    assert "does not open this practice" in capsys.readouterr().err
    assert not crypto.key_file_path(path).exists()


def test_gui_start_without_a_key_file_asks_before_opening(
    qapp,  # type: ignore[no-untyped-def]
    qt_settings: None,
    encrypted: tuple[Path, EncryptResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from practice.app import run_gui
    from practice.ui import unlock_dialog
    from practice.ui.app_controller import EXIT_CANNOT_OPEN, AppController

    # Given an encrypted practice whose key files are lost
    path, _ = encrypted
    _lose_key_files(path, tmp_path)
    before = path.read_bytes()
    # (the controller's start is only recorded: an unlocked start is tested elsewhere)
    asked: list[Path] = []
    started: list[Path] = []
    monkeypatch.setattr(
        unlock_dialog, "ask_without_key_file", lambda p: asked.append(p) or (None, False)
    )
    monkeypatch.setattr(AppController, "start", lambda self: started.append(self.path) or 0)

    # When the app starts and the user quits the question
    status = run_gui(path)

    # Then it was asked before anything opened the file, which is untouched
    assert status == EXIT_CANNOT_OPEN
    assert asked == [path] and started == [] and path.read_bytes() == before


def test_the_question_leads_to_the_recovery_key_which_writes_the_key_file(
    qtbot,  # type: ignore[no-untyped-def]
    qt_settings: None,
    encrypted: tuple[Path, EncryptResult],
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from practice.ui.unlock_dialog import RecoveryDialog, ask_without_key_file

    path, result = encrypted
    _lose_key_files(path, tmp_path)
    seen: list[str] = []

    def answer_the_question() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().startswith("Use the recovery key"))
        QTimer.singleShot(50, type_the_recovery_key)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def type_the_recovery_key() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecoveryDialog)
        qtbot.keyClicks(dialog.recovery, result.recovery_key)
        qtbot.keyClicks(dialog.new, NEW)
        qtbot.keyClicks(dialog.again, NEW)
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)

    # When the user answers "Use the recovery key…" and types it with a new passphrase
    QTimer.singleShot(50, answer_the_question)
    key, go_on = ask_without_key_file(path)

    # Then the key opens the practice, and the key file is written again
    assert "recovery key" in seen[0] and "damaged" in seen[0]
    assert (key, go_on) == (result.key, True)
    assert keyring.unlock(path, NEW) == result.key


def test_a_damaged_key_file_leaves_only_the_recovery_key(
    qtbot,  # type: ignore[no-untyped-def]
    qt_settings: None,
    encrypted: tuple[Path, EncryptResult],
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import Qt

    from practice.ui import unlock_dialog

    # Given a damaged key file and no copy
    path, result = encrypted
    _lose_key_files(path, tmp_path)
    crypto.key_file_path(path).write_text("{")

    # Then the unlock dialog says so and offers only the recovery key
    dialog = unlock_dialog.UnlockDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.lost.isVisible() and "recovery key" in dialog.lost.text()
    assert not dialog.panel.field.isVisible() and dialog.panel.recovery_button.isVisible()

    # When "Use the recovery key…" is filled in and confirmed
    recovery = unlock_dialog.RecoveryDialog(path)
    qtbot.addWidget(recovery)
    recovery.show()
    qtbot.keyClicks(recovery.recovery, result.recovery_key)
    qtbot.keyClicks(recovery.new, NEW)
    qtbot.keyClicks(recovery.again, NEW)
    qtbot.keyClick(recovery.again, Qt.Key.Key_Return)

    # Then the key file is written again and the practice opens with the new passphrase
    assert recovery.result() == 1 and recovery.key == result.key
    assert keyring.unlock(path, NEW) == result.key
