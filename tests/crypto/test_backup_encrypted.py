"""Backups, restore, inspect and the health check of an encrypted practice."""

from __future__ import annotations

import hashlib
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from _crypto_fixtures import FAST, PASSPHRASE, add_clients, client_names, files_containing

from practice.db import crypto, encryption, health, migrate
from practice.db.encryption import EncryptResult
from practice.db.engine import Database
from practice.services import backup, restore


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_is_encrypted_with_the_same_key_and_private(
    encrypted: tuple[Path, EncryptResult], tmp_path: Path
) -> None:
    path, result = encrypted
    folder = tmp_path / "backups"

    made = backup.make_backup(path, folder, key=result.key)

    assert made.verified, made.problems
    assert not crypto.has_plain_header(made.path)
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert files_containing(folder) == [] and files_containing(path.parent) == []
    copy = folder / (path.name + crypto.KEY_FILE_SUFFIX)
    assert copy.read_bytes() == crypto.key_file_path(path).read_bytes()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert backup.verify(made.path, made.row_counts, key=result.key) == []
    assert "passphrase is needed" in backup.verify(made.path)[0]
    # the backup is audited inside the encrypted trail
    conn = crypto.connect(path, result.key, readonly=True)
    actions = [r[0] for r in conn.execute("SELECT action FROM audit_events")]
    conn.close()
    assert "backup" in actions


def test_encrypted_backup_restores_with_the_key(
    encrypted: tuple[Path, EncryptResult], tmp_path: Path
) -> None:
    path, result = encrypted
    made = backup.make_backup(path, tmp_path / "b", key=result.key)
    database = Database(path, key=result.key)
    add_clients(database, "Later Added")
    database.dispose()

    aside = restore.restore(path, made.path, key=result.key)

    assert aside is not None and not crypto.has_plain_header(path)
    database = Database(path, key=crypto.unlock(path, PASSPHRASE))
    assert "Added, Later" not in client_names(database)
    assert len(client_names(database)) == 4
    database.dispose()
    assert files_containing(path.parent) == []


def test_backup_folder_alone_restores_a_lost_practice(
    encrypted: tuple[Path, EncryptResult], tmp_path: Path
) -> None:
    # Given a backup folder elsewhere, and the practice's folder lost
    path, _ = encrypted
    key = crypto.unlock(path, PASSPHRASE)
    made = backup.make_backup(path, tmp_path / "usb", key=key)
    new_home = tmp_path / "new-computer" / "practice.sqlite3"
    new_home.parent.mkdir()

    # When the passphrase unlocks the folder's key file and the backup is restored
    folder_key = tmp_path / "usb" / (path.name + crypto.KEY_FILE_SUFFIX)
    key_again = crypto.unlock(new_home, PASSPHRASE, key_file=folder_key)
    restore.restore(new_home, made.path, key=key_again, audit=False)

    # Then the new practice is encrypted and opens with the passphrase
    assert crypto.is_encrypted(new_home)
    database = Database(new_home, key=crypto.unlock(new_home, PASSPHRASE))
    assert len(client_names(database)) == 4
    database.dispose()


def test_inspect_without_the_key_says_passphrase_needed_and_touches_nothing(
    encrypted: tuple[Path, EncryptResult],
) -> None:
    path, result = encrypted
    before = _digest(path)

    with pytest.raises(migrate.EncryptedDatabaseError, match="encrypted; passphrase needed"):
        migrate.inspect(path)
    with pytest.raises(migrate.EncryptedDatabaseError):
        migrate.upgrade(path)

    assert _digest(path) == before
    assert migrate.inspect(path, key=result.key).at_head


def test_encrypted_file_without_its_key_file_gets_a_hint(
    encrypted: tuple[Path, EncryptResult],
) -> None:
    path, _ = encrypted
    crypto.key_file_path(path).unlink()

    with pytest.raises(migrate.DamagedDatabaseError, match="key file .* is missing"):
        migrate.inspect(path)


def test_health_check_with_and_without_the_key(encrypted: tuple[Path, EncryptResult]) -> None:
    path, result = encrypted

    good = health.check_file(path, key=result.key)
    locked = health.check_file(path)

    assert good.ok, good.problems
    assert not locked.ok and not locked.damaged
    assert "passphrase needed" in locked.problems[0]


def test_damaged_encrypted_file_is_reported_damaged(
    encrypted: tuple[Path, EncryptResult],
) -> None:
    path, result = encrypted
    size = path.stat().st_size
    with open(path, "r+b") as f:  # garble a page in the middle
        f.seek(size // 2)
        f.write(b"\xff" * 4096)

    report = health.check_file(path, key=result.key)

    assert report.damaged and not report.ok


def test_rotation_reads_encrypted_backups_with_the_key_and_spares_other_practices(
    encrypted: tuple[Path, EncryptResult], tmp_path: Path
) -> None:
    # Given an encrypted practice and another one (its own key) backing up into one folder,
    # twelve backups each, all taken on one day a year ago
    path, result = encrypted
    other = tmp_path / "other" / "practice.sqlite3"
    other.parent.mkdir()
    migrate.upgrade(other)
    other_key = encryption.encrypt(other, PASSPHRASE, params=FAST).key
    folder, day = tmp_path / "backups", datetime(2025, 11, 3, 8, 0, tzinfo=UTC)

    def backups(db_path: Path, key: bytes, minutes: int) -> list[Path]:
        times = [day + timedelta(hours=h, minutes=minutes) for h in range(12)]
        return [
            backup.make_backup(
                db_path, folder, now=t, key=key, audit=False, rotate_after=False
            ).path
            for t in times
        ]

    mine, theirs = backups(path, result.key, 0), backups(other, other_key, 30)

    # When the first practice is backed up
    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    new = backup.make_backup(path, folder, "exit", now=now, key=result.key, audit=False)

    # Then its own backups (read with its key) were thinned to the ten newest; the other
    # practice's, which its key cannot open, are all there
    assert {b.path for b in backup.list_backups(folder)} == {*mine[3:], new.path, *theirs}
