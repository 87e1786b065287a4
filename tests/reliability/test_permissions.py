"""Every open makes the practice's files owner-only (0600, folders 0700), and says so
once when it had to."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from _children import kill_after_commit
from practice.cli import main
from practice.db import crypto, encryption, migrate
from practice.paths import default_db_path
from practice.services import backup

FAST = crypto.KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)
PASSPHRASE = "correct horse battery"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def exposed(tmp_path: Path) -> list[Path]:
    """The default practice after a first start killed before its modes were set: the
    database, its -wal and -shm (a killed writer), a backup and the folders readable by
    all. Returns every one of them."""
    path = default_db_path()
    path.parent.mkdir(parents=True)
    migrate.upgrade(path)
    made = backup.make_backup(path, kind="manual").path
    kill_after_commit(path, "Noor")
    files = [path, Path(f"{path}-wal"), Path(f"{path}-shm"), made]
    folders = [path.parent, made.parent]
    for p in files:
        p.chmod(0o644)
    for p in folders:
        p.chmod(0o755)
    return files + folders


def test_an_open_makes_every_file_private_and_says_so_once(exposed, capsys):
    # Given the practice's files and folders readable by every user
    # When a command opens the practice
    assert main(["clients"]) == 0

    # Then each file is 0600 and each folder 0700 (the -wal and -shm were, before the
    # open folded them in and removed them), and one line on stderr says so
    err = capsys.readouterr().err
    assert [p.name for p in exposed if p.exists() and _mode(p) not in (0o600, 0o700)] == []
    assert [line for line in err.splitlines() if "private to you" in line] == [
        err.strip().splitlines()[0]
    ]
    assert f"{len(exposed)} of the practice's files and folders" in err
    # and the next open has nothing to say
    assert main(["clients"]) == 0
    assert "private" not in capsys.readouterr().err


def test_check_makes_the_files_private_too(exposed, capsys):
    main(["check"])

    assert f"{len(exposed)} of the practice's files and folders" in capsys.readouterr().err
    assert all(_mode(p) in (0o600, 0o700) for p in exposed if p.exists())


def test_a_database_outside_the_data_folder_keeps_its_folder_mode(db_path, tmp_path, capsys):
    # Given a practice given with --db in a folder the user shares on purpose
    tmp_path.chmod(0o755)
    db_path.chmod(0o644)

    # When it is opened
    assert main(["clients", "--db", str(db_path)]) == 0

    # Then the file is made private, the user's folder is left as it was
    assert _mode(db_path) == 0o600
    assert _mode(tmp_path) == 0o755
    capsys.readouterr()


def test_the_key_file_and_its_copy_in_the_backups_are_made_private(db_path, monkeypatch, capsys):
    # Given an encrypted practice with a backup, its key file and the copy readable by all
    encryption.encrypt(db_path, PASSPHRASE, params=FAST)
    monkeypatch.setenv("PRACTICE_PASSPHRASE", PASSPHRASE)
    assert main(["backup", "--db", str(db_path)]) == 0
    key_file = crypto.key_file_path(db_path)
    copy = backup.default_backup_dir(db_path) / key_file.name
    for p in (key_file, copy):
        p.chmod(0o644)
    capsys.readouterr()

    # When the practice is opened
    assert main(["clients", "--db", str(db_path)]) == 0

    # Then both are private again
    assert (_mode(key_file), _mode(copy)) == (0o600, 0o600)
    assert "private to you" in capsys.readouterr().err
