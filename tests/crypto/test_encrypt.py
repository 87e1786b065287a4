"""Turning encryption on, unlocking, changing the passphrase, and crash recovery."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from _crypto_fixtures import (
    FAST,
    PASSPHRASE,
    add_clients,
    client_names,
    files_containing,
)

from practice.db import crypto, encryption, migrate
from practice.db.encryption import EncryptResult
from practice.db.engine import Database, DatabaseClosedError, make_engine

EXPECTED = sorted(["Okafor, Amara", "Tran, Bao", "Eze, Chidi", "Qqqrrr, Zyxwvut"])


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()
    }


def test_encrypted_practice_opens_with_the_passphrase(
    encrypted: tuple[Path, EncryptResult],
) -> None:
    path, _ = encrypted
    assert crypto.is_encrypted(path)
    assert not crypto.has_plain_header(path)

    database = Database(path, key=crypto.unlock(path, PASSPHRASE))
    try:
        assert client_names(database) == EXPECTED
    finally:
        database.dispose()


def test_wrong_passphrase_changes_no_byte(encrypted: tuple[Path, EncryptResult]) -> None:
    path, _ = encrypted
    before = _digest(path.parent)

    with pytest.raises(crypto.WrongPassphraseError, match="^wrong passphrase$"):
        crypto.unlock(path, "not the passphrase")

    assert _digest(path.parent) == before


def test_engine_with_a_wrong_raw_key_says_wrong_passphrase(
    encrypted: tuple[Path, EncryptResult],
) -> None:
    path, _ = encrypted
    before = _digest(path.parent)
    engine = make_engine(path, key=os.urandom(32))

    with pytest.raises(crypto.WrongPassphraseError, match="wrong passphrase"):
        engine.connect()

    engine.dispose()
    assert _digest(path.parent) == before


def test_no_client_name_in_any_file_and_files_private(
    encrypted: tuple[Path, EncryptResult],
) -> None:
    path, result = encrypted
    # Given a write through the encrypted engine while another connection keeps the WAL
    database = Database(path, key=result.key)
    database.engine.connect().close()  # the first connection turns WAL on
    keeper = crypto.connect(path, result.key)
    add_clients(database, "Qqqrrr Zyxwvut")
    assert Path(f"{path}-wal").stat().st_size > 0

    assert files_containing(path.parent) == []
    keeper.close()
    database.dispose()
    for name in (path.name, path.name + crypto.KEY_FILE_SUFFIX):
        assert stat.S_IMODE((path.parent / name).stat().st_mode) == 0o600


def test_old_plain_copies_beside_the_database_are_encrypted_too(plain_practice: Path) -> None:
    # Given a plain pre-migration copy beside the practice
    aside = migrate.backup_aside(plain_practice, "before-test")
    assert files_containing(plain_practice.parent) == [aside, plain_practice]

    result = encryption.encrypt(plain_practice, PASSPHRASE, params=FAST)

    assert result.encrypted_copies == [aside] and result.left_plain == []
    assert files_containing(plain_practice.parent) == []
    conn = crypto.connect(aside, result.key, readonly=True)
    assert conn.execute("SELECT count(*) FROM clients").fetchone()[0] == 4
    conn.close()


def test_demo_sized_practice_reads_back_whole(tmp_path: Path) -> None:
    from practice.services import demo

    path = tmp_path / "demo.sqlite3"
    migrate.upgrade(path)
    plain = Database(path)
    with plain.session() as s:
        demo.seed_demo(s)
    counts = _counts(path, None)
    plain.dispose()

    result = encryption.encrypt(path, PASSPHRASE, params=FAST)

    assert _counts(path, result.key) == counts
    assert counts["clients"] >= 10 and counts["appointments"] > 0
    assert migrate.integrity(path, key=result.key) == []


def _counts(path: Path, key: bytes | None) -> dict[str, int]:
    conn = crypto.connect(path, key, readonly=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        conn.close()


def test_change_passphrase(encrypted: tuple[Path, EncryptResult]) -> None:
    path, result = encrypted
    new = "a new passphrase"

    key = encryption.change_passphrase(path, PASSPHRASE, new, params=FAST)

    assert key == result.key
    with pytest.raises(crypto.WrongPassphraseError):
        crypto.unlock(path, PASSPHRASE)
    assert crypto.unlock(path, new) == result.key
    assert crypto.unlock_with_recovery_key(path, result.recovery_key) == result.key


def test_change_passphrase_with_the_wrong_old_one_changes_nothing(
    encrypted: tuple[Path, EncryptResult],
) -> None:
    path, _ = encrypted
    before = _digest(path.parent)

    with pytest.raises(crypto.WrongPassphraseError):
        encryption.change_passphrase(path, "not it at all", "another one here", params=FAST)

    assert _digest(path.parent) == before


def test_recovery_key_sets_a_new_passphrase_even_without_the_key_file(
    encrypted: tuple[Path, EncryptResult],
) -> None:
    path, result = encrypted
    crypto.key_file_path(path).unlink()

    encryption.reset_passphrase(path, result.recovery_key, "found it again", params=FAST)

    database = Database(path, key=crypto.unlock(path, "found it again"))
    assert client_names(database) == EXPECTED
    database.dispose()


def test_recovery_key_of_another_practice_is_refused(
    encrypted: tuple[Path, EncryptResult],
) -> None:
    path, _ = encrypted
    other = crypto.format_recovery_key(os.urandom(32))

    with pytest.raises(crypto.WrongPassphraseError, match="another practice"):
        crypto.unlock_with_recovery_key(path, other)


def test_encrypting_twice_is_refused(encrypted: tuple[Path, EncryptResult]) -> None:
    path, _ = encrypted
    with pytest.raises(crypto.CryptoError, match="already encrypted"):
        encryption.encrypt(path, PASSPHRASE, params=FAST)


def test_encrypting_a_file_in_use_is_refused_and_leaves_it_plain(plain_practice: Path) -> None:
    # Given another program in the middle of a write
    other = sqlite3.connect(plain_practice, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(crypto.CryptoError, match="in use"):
            encryption.encrypt(plain_practice, PASSPHRASE, params=FAST)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not crypto.is_encrypted(plain_practice)
    assert crypto.has_plain_header(plain_practice)
    assert sorted(p.name for p in plain_practice.parent.iterdir() if "encrypt" in p.name) == []


def test_closed_database_refuses_sessions_and_reopens(
    encrypted: tuple[Path, EncryptResult],
) -> None:
    path, result = encrypted
    database = Database(path, key=result.key)

    database.close()

    assert database.key is None and not database.is_open
    with pytest.raises(DatabaseClosedError), database.session():
        pass
    with pytest.raises(crypto.WrongPassphraseError):
        database.reopen(os.urandom(32))
    database.reopen(result.key)
    assert client_names(database) == EXPECTED
    database.dispose()


def test_crash_before_the_swap_leaves_the_plain_practice(plain_practice: Path) -> None:
    # Given an encryption that stopped after writing the copy and the new key file
    key = crypto.new_database_key()
    tmp = plain_practice.with_name(plain_practice.name + ".encrypting")
    encryption.export_encrypted(plain_practice, tmp, key)
    key_new = Path(str(crypto.key_file_path(plain_practice)) + ".new")
    crypto.write_private(key_new, crypto.wrap_key(key, PASSPHRASE, FAST).to_json().encode())

    assert not crypto.is_encrypted(plain_practice)

    assert not tmp.exists() and not key_new.exists()
    assert client_names(Database(plain_practice)) == EXPECTED


def test_crash_after_the_swap_is_finished(plain_practice: Path) -> None:
    # Given an encryption that stopped after the swap, before the key file was renamed
    key = crypto.new_database_key()
    tmp = plain_practice.with_name(plain_practice.name + ".encrypting")
    encryption.export_encrypted(plain_practice, tmp, key)
    key_new = Path(str(crypto.key_file_path(plain_practice)) + ".new")
    crypto.write_private(key_new, crypto.wrap_key(key, PASSPHRASE, FAST).to_json().encode())
    os.replace(tmp, plain_practice)

    assert crypto.is_encrypted(plain_practice)

    database = Database(plain_practice, key=crypto.unlock(plain_practice, PASSPHRASE))
    assert client_names(database) == EXPECTED
    database.dispose()


def test_another_practice_with_a_similar_name_is_left_alone(plain_practice: Path) -> None:
    # Given a separate practice file beside this one
    other = plain_practice.with_name("practice.2019.sqlite3")
    migrate.upgrade(other)
    before = hashlib.sha256(other.read_bytes()).hexdigest()

    result = encryption.encrypt(plain_practice, PASSPHRASE, params=FAST)

    assert other not in result.encrypted_copies
    assert crypto.has_plain_header(other)
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before
