"""The command line on an encrypted practice: PRACTICE_PASSPHRASE, the terminal, errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from _crypto_fixtures import FAST, PASSPHRASE, files_containing

from practice.cli import main, passphrase
from practice.db import crypto, encryption, keyring
from practice.db.encryption import EncryptResult
from practice.db.engine import Database
from practice.services import audit


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passphrase, "interactive", lambda: False)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A terminal whose user types the answers put in the returned list, in order."""
    answers: list[str] = []
    monkeypatch.setattr(passphrase, "interactive", lambda: True)
    monkeypatch.setattr(passphrase, "_ask", lambda prompt: answers.pop(0))
    return answers


def test_encrypt_prints_the_recovery_key_last_and_encrypts_backups(
    plain_practice: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_terminal: None,
) -> None:
    # Given a plain backup in the default backup folder
    assert main(["backup", "--db", str(plain_practice)]) == 0
    backups = tmp_path / "backups"
    assert files_containing(backups)
    capsys.readouterr()
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)
    pdf = tmp_path / "recovery.pdf"

    status = main(["encrypt", "--db", str(plain_practice), "--recovery-pdf", str(pdf)])

    out = capsys.readouterr().out
    assert status == 0
    recovery = out.strip().splitlines()[-1]
    assert crypto.parse_recovery_key(recovery) == crypto.unlock(plain_practice, PASSPHRASE)
    assert "encrypted the older copy" in out
    assert files_containing(backups) == [] and files_containing(plain_practice.parent) == []
    assert (backups / (plain_practice.name + crypto.KEY_FILE_SUFFIX)).is_file()
    assert pdf.read_bytes().startswith(b"%PDF")
    database = Database(plain_practice, key=crypto.parse_recovery_key(recovery))
    with database.session() as s:
        newest = audit.list_events(s, limit=1)[0]
    database.dispose()
    assert (newest.entity, newest.action) == ("database", "encrypt")


def test_commands_read_the_passphrase_from_the_environment(
    encrypted: tuple[Path, EncryptResult],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_terminal: None,
) -> None:
    path, _ = encrypted
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)

    assert main(["clients", "--db", str(path)]) == 0
    assert "Qqqrrr, Zyxwvut" in capsys.readouterr().out
    assert main(["check", "--db", str(path)]) == 0
    assert "result: ok" in capsys.readouterr().out
    assert main(["backup", "--db", str(path)]) == 0
    made = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert not crypto.has_plain_header(made)
    assert main(["restore", "--db", str(path), str(made)]) == 0
    assert main(["clients", "--db", str(path)]) == 0
    assert "Qqqrrr, Zyxwvut" in capsys.readouterr().out


def test_without_a_passphrase_and_no_terminal_the_error_is_clear(
    encrypted: tuple[Path, EncryptResult], capsys: pytest.CaptureFixture[str], no_terminal: None
) -> None:
    path, _ = encrypted
    before = _digest(path)

    status = main(["clients", "--db", str(path)])

    err = capsys.readouterr().err
    assert status == 1
    assert "is encrypted; passphrase needed" in err and "PRACTICE_PASSPHRASE" in err
    assert _digest(path) == before


def test_wrong_passphrase_exits_1_changes_nothing_and_is_noted(
    encrypted: tuple[Path, EncryptResult],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_terminal: None,
) -> None:
    path, _ = encrypted
    before = _digest(path)
    monkeypatch.setenv("PRACTICE_PASSPHRASE", "not the passphrase")

    status = main(["clients", "--db", str(path)])

    assert status == 1
    assert "wrong passphrase" in capsys.readouterr().err
    assert _digest(path) == before
    assert [what for _, what in crypto.unlock_failures(path)] == ["wrong passphrase (command line)"]


def test_terminal_asks_again_after_a_wrong_passphrase(
    encrypted: tuple[Path, EncryptResult],
    terminal: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _ = encrypted
    terminal += ["wrong one here", PASSPHRASE]

    assert main(["clients", "--db", str(path)]) == 0

    captured = capsys.readouterr()
    assert "wrong passphrase, try again" in captured.err
    assert "Qqqrrr, Zyxwvut" in captured.out


def test_change_passphrase_from_the_environment(
    encrypted: tuple[Path, EncryptResult],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_terminal: None,
) -> None:
    path, result = encrypted
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("PRACTICE_NEW_PASSPHRASE", "brand new passphrase")

    assert main(["change-passphrase", "--db", str(path)]) == 0

    assert crypto.unlock(path, "brand new passphrase") == result.key
    with pytest.raises(crypto.WrongPassphraseError):
        crypto.unlock(path, PASSPHRASE)
    # the old passphrase no longer opens it from the command line
    assert main(["clients", "--db", str(path)]) == 1


def test_change_passphrase_with_the_recovery_key_on_a_terminal(
    encrypted: tuple[Path, EncryptResult], terminal: list[str]
) -> None:
    path, result = encrypted
    terminal += [result.recovery_key.lower(), "after recovery", "after recovery"]

    assert main(["change-passphrase", "--db", str(path), "--recovery-key"]) == 0

    assert crypto.unlock(path, "after recovery") == result.key


def test_new_passphrases_that_differ_change_nothing(
    encrypted: tuple[Path, EncryptResult],
    terminal: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path, _ = encrypted
    key_file = crypto.key_file_path(path).read_bytes()
    terminal += [PASSPHRASE, "first version", "second version"]

    assert main(["change-passphrase", "--db", str(path)]) == 1

    assert "differ" in capsys.readouterr().err
    assert crypto.key_file_path(path).read_bytes() == key_file


def test_encrypting_an_encrypted_practice_is_refused(
    encrypted: tuple[Path, EncryptResult],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_terminal: None,
) -> None:
    path, _ = encrypted
    keyring.mark_recovery_kept(path)  # nothing is left to finish
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)

    assert main(["encrypt", "--db", str(path)]) == 1
    assert "already encrypted" in capsys.readouterr().err


def test_restore_into_a_new_computer_from_the_backup_folder(
    encrypted: tuple[Path, EncryptResult],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_terminal: None,
) -> None:
    path, _ = encrypted
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)
    assert main(["backup", "--db", str(path), "--to", str(tmp_path / "usb")]) == 0
    made = Path(capsys.readouterr().out.strip().splitlines()[-1])
    fresh = tmp_path / "elsewhere" / "restored.sqlite3"
    fresh.parent.mkdir()

    assert main(["restore", "--db", str(fresh), str(made)]) == 0

    assert crypto.is_encrypted(fresh)
    assert main(["clients", "--db", str(fresh)]) == 0
    assert "Qqqrrr, Zyxwvut" in capsys.readouterr().out


def test_change_passphrase_uses_the_real_argon2id_cost(
    encrypted: tuple[Path, EncryptResult],
) -> None:
    # the fixture used cheap parameters; a change of passphrase uses the real ones
    path, _ = encrypted
    encryption.change_passphrase(path, PASSPHRASE, "real cost now")
    assert crypto.read_key_file(crypto.key_file_path(path)).params == crypto.DEFAULT_KDF
    assert crypto.read_key_file(crypto.key_file_path(path)).params != FAST
