"""An interrupted encryption is finished by the next run (command line or app), every
plain copy Practice made is encrypted or listed, and the recovery key is shown again
(after the passphrase) until the user confirms it is kept."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _crypto_fixtures import FAST, PASSPHRASE, files_containing

from practice.cli import main, passphrase
from practice.db import crypto, encryption, keyring
from practice.db.crypto_files import SQLITE_MAGIC


@pytest.fixture(autouse=True)
def cli(monkeypatch: pytest.MonkeyPatch) -> None:
    """No terminal, the passphrase in the environment, cheap key derivation."""
    monkeypatch.setattr(passphrase, "interactive", lambda: False)
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setitem(encryption.encrypt.__kwdefaults__, "params", FAST)


def _backup(path: Path, capsys: pytest.CaptureFixture[str], *to: str) -> Path:
    capsys.readouterr()
    assert main(["backup", "--db", str(path), *to]) == 0
    return Path(capsys.readouterr().out.strip().splitlines()[-1])


def _plain(folder: Path) -> list[str]:
    return sorted(
        p.name for p in folder.rglob("*") if p.is_file() and p.read_bytes()[:16] == SQLITE_MAGIC
    )


def _encrypt(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["encrypt", "--db", str(path)])
    return status, capsys.readouterr().out


def test_next_run_encrypts_the_plain_backups_a_kill_left_and_shows_the_key(
    plain_practice: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given an encryption killed after the database was swapped, before the backups
    # were converted: the files as that kill leaves them
    made = [
        _backup(plain_practice, capsys),
        _backup(plain_practice, capsys, "--to", str(tmp_path / "usb")),
    ]
    kept = [tmp_path / f"plain-{i}" for i in range(len(made))]
    for source, aside in zip(made, kept, strict=True):
        shutil.copyfile(source, aside)
    assert _encrypt(plain_practice, capsys)[0] == 0
    for aside, source in zip(kept, made, strict=True):
        aside.replace(source)
    assert len(files_containing(tmp_path)) == 2

    # When `practice encrypt` runs again
    status, out = _encrypt(plain_practice, capsys)

    # Then it finishes: both backups encrypted, the recovery key shown again
    assert status == 0, out
    assert "finished what an interrupted encryption left" in out
    assert files_containing(tmp_path) == [] and _plain(tmp_path) == []
    key = crypto.unlock(plain_practice, PASSPHRASE)
    assert crypto.parse_recovery_key(out.strip().splitlines()[-1]) == key
    for backup in made:
        assert crypto.connect(backup, key, readonly=True).execute(
            "SELECT count(*) FROM clients"
        ).fetchone() == (4,)


def test_backups_in_to_folders_are_found_and_unfinished_ones_deleted(
    plain_practice: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a plain backup made with --to, and the .partial of a killed backup
    on_stick = _backup(plain_practice, capsys, "--to", str(tmp_path / "stick"))
    partial = tmp_path / "backups" / "practice.20250101T090000Z.exit.sqlite3.partial"
    partial.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(on_stick, partial)

    status, out = _encrypt(plain_practice, capsys)

    # Then the backup on the stick is encrypted, with a key file beside it, and the
    # unfinished one is gone; the output says both
    assert status == 0
    assert f"encrypted the older copy {on_stick}" in out
    assert f"deleted the unfinished plain backup {partial}" in out
    assert not partial.exists() and _plain(tmp_path) == []
    assert files_containing(tmp_path) == []
    assert keyring.copy_path(plain_practice, on_stick.parent).is_file()


def test_a_backup_folder_that_is_not_there_is_named(
    plain_practice: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given backups on a stick that is not plugged in when encrypting
    stick = tmp_path / "stick"
    _backup(plain_practice, capsys, "--to", str(stick))
    shutil.rmtree(stick)

    status, out = _encrypt(plain_practice, capsys)

    assert status == 0
    assert f"warning: the backup folder {stick} was not found" in out


def test_recovery_key_is_shown_again_until_confirmed(
    plain_practice: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a practice just encrypted
    status, out = _encrypt(plain_practice, capsys)
    shown = out.strip().splitlines()[-1]
    assert status == 0

    # When the key is asked for again, Then it is shown (after the passphrase)
    assert main(["recovery-key", "--db", str(plain_practice)]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == shown
    # and it is not stored anywhere in plain text
    key_text = crypto.key_file_path(plain_practice).read_text()
    assert shown.replace("-", "") not in key_text.replace("-", "")

    # When the user confirms it is kept
    assert main(["recovery-key", "--db", str(plain_practice), "--kept"]) == 0

    # Then it is no longer shown, and encrypt has nothing left to do
    capsys.readouterr()
    assert main(["recovery-key", "--db", str(plain_practice)]) == 1
    assert "not shown again" in capsys.readouterr().err
    assert _encrypt(plain_practice, capsys)[0] == 1
    assert keyring.current(plain_practice).recovery_kept


def test_recovery_key_needs_the_passphrase(
    plain_practice: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown = _encrypt(plain_practice, capsys)[1].strip().splitlines()[-1]
    monkeypatch.setenv("PRACTICE_PASSPHRASE", "not the passphrase")

    assert main(["recovery-key", "--db", str(plain_practice)]) == 1

    captured = capsys.readouterr()
    assert shown not in captured.out + captured.err


def test_app_finishes_the_encryption_and_shows_the_key_until_done(
    qtbot,  # type: ignore[no-untyped-def]
    qt_settings: None,
    plain_practice: Path,
    tmp_path: Path,
    templates,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    from PySide6.QtCore import Qt

    from practice.db.engine import Database
    from practice.ui.main_window import MainWindow
    from practice.ui.security_settings import RecoveryKeyDialog, resume_encryption

    # Given an encryption killed before the backup was converted, the key not confirmed
    made = _backup(plain_practice, capsys)
    aside = tmp_path / "aside"
    shutil.copyfile(made, aside)
    assert _encrypt(plain_practice, capsys)[0] == 0
    aside.replace(made)
    key = crypto.unlock(plain_practice, PASSPHRASE)
    database = Database(plain_practice, key=key)
    window = MainWindow(database, templates)
    qtbot.addWidget(window)
    window.show()

    # When the app has been unlocked
    dialog = resume_encryption(window, plain_practice, key)

    # Then the backup is encrypted and the recovery key is on screen
    assert _plain(tmp_path) == [] and files_containing(tmp_path) == []
    assert isinstance(dialog, RecoveryKeyDialog) and dialog.isVisible()
    shown = dialog.key_label.text().split()
    assert crypto.parse_recovery_key("".join(shown)) == key

    # When it is closed without confirming, Then it comes back at the next unlock
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    again = resume_encryption(window, plain_practice, key)
    assert again is not None and again.isVisible()

    # When the user ticks "kept" and clicks Done, Then it is not shown any more
    done = again.buttons.buttons()[0]
    qtbot.mouseClick(again.kept, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(done, Qt.MouseButton.LeftButton)
    assert again.result() == 1 and keyring.current(plain_practice).recovery_kept
    assert resume_encryption(window, plain_practice, key) is None
    database.dispose()
