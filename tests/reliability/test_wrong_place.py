"""A path that cannot hold a practice gets its own message: a folder given as the
database, a folder where the lock file goes, a read-only folder. None is "damaged",
none offers a restore, and nothing is changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from _read_only import run_python
from practice.cli import main
from practice.db.lock import DatabaseLock, LockFileError, lock_path
from practice.services import backup


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _commands(db_path: Path, made: Path) -> dict[str, list[str]]:
    csv = db_path.parent / "in.csv"
    csv.write_text("first_name,last_name\nNoor,Haddad\n", encoding="utf-8")
    return {
        "clients": ["clients"],
        "check": ["check"],
        "today": ["today"],
        "migrate --create": ["migrate", "--create"],
        "seed-demo --create": ["seed-demo", "--create"],
        "backup": ["backup"],
        "restore": ["restore", str(made)],
        "import-clients": ["import-clients", str(csv)],
        "export": ["export", "-o", str(db_path.parent / "export")],
    }


COMMANDS = [
    "clients",
    "check",
    "today",
    "migrate --create",
    "seed-demo --create",
    "backup",
    "restore",
    "import-clients",
    "export",
]


@pytest.fixture
def made(db_path: Path, tmp_path: Path) -> Path:
    """A good backup of the practice, outside the folder under test."""
    return backup.make_backup(db_path, tmp_path / "backups", kind="manual").path


@pytest.mark.parametrize("name", COMMANDS)
def test_a_folder_given_as_the_database_is_called_a_folder(db_path, made, tmp_path, capsys, name):
    # Given a folder where the database file should be
    folder = tmp_path / "a-folder"
    folder.mkdir()
    args = _commands(db_path, made)[name]
    before = _everything(tmp_path)

    # When a command is given the folder as its database
    status = main([*args, "--db", str(folder)])

    # Then it says so, and nothing was made or changed
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert "is a folder, not a practice file" in err
    assert "damaged" not in err and "I/O" not in err
    assert _everything(tmp_path) == before


@pytest.mark.parametrize("name", COMMANDS)
def test_a_folder_where_the_lock_goes_is_a_clear_message(db_path, made, capsys, name):
    # Given a folder with the name of the practice's lock file
    lock_path(db_path).mkdir()
    args = _commands(db_path, made)[name]
    before = db_path.read_bytes()

    # When a command is run on the practice
    status = main([*args, "--db", str(db_path)])

    # Then it names the folder in one line, and leaves the practice untouched
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert f"{lock_path(db_path)} is a folder" in err
    assert db_path.read_bytes() == before


def test_taking_the_lock_where_a_folder_has_its_name_raises_a_clear_error(tmp_path):
    db_path = tmp_path / "practice.sqlite3"
    lock_path(db_path).mkdir()

    with pytest.raises(LockFileError, match="a folder has its name"):
        DatabaseLock(db_path).acquire()

    assert lock_path(db_path).is_dir()


READ_ONLY_COMMANDS = ["check", "clients", "migrate", "backup"]


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS)
def test_a_read_only_folder_is_not_damage(db_path, tmp_path, command):
    # Given a good practice in a folder that is read-only for the command
    folder = tmp_path / "shelf"
    folder.mkdir()
    path = folder / "practice.sqlite3"
    os.replace(db_path, path)
    env = dict(os.environ, PRACTICE_DATA_DIR=str(tmp_path / "data"))

    # When the command runs on it
    done = run_python(folder, ["-m", "practice", command, "--db", str(path)], env)

    # Then it says the folder is read-only, never "damaged", offers no restore
    text = done.stdout + done.stderr
    assert done.returncode == 1, text
    assert "is read-only" in text and "Nothing was changed" in text
    assert "DAMAGED" not in text and "damaged" not in text
    assert "restore" not in text and "Traceback" not in text
    assert _everything(folder) == ["practice.sqlite3"]
