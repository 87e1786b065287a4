"""A zero-byte or non-database practice file is damage: refused, with the latest good
backup named; never silently made into a new practice."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from practice.cli import main
from practice.db import health, migrate
from practice.db.engine import Database
from practice.paths import default_db_path
from practice.services import backup, clients
from practice.services.clients import ClientInput


@pytest.fixture
def emptied(tmp_path: Path) -> tuple[Path, Path]:
    """The default practice with one client and a good backup, then emptied to 0 bytes
    (what a failed copy or a sync tool leaves). Returns (practice, backup)."""
    path = default_db_path()
    path.parent.mkdir(parents=True)
    migrate.upgrade(path)
    db = Database(path)
    with db.session() as s:
        clients.create(s, ClientInput(first_name="Amara", last_name="Okafor"))
    made = backup.make_backup(path, kind="manual")
    db.dispose()
    path.write_bytes(b"")
    return path, made.path


@pytest.mark.parametrize("command", ["clients", "today", "migrate", "export", "backup"])
def test_a_zero_byte_practice_is_refused_and_the_backup_named(emptied, capsys, command):
    # Given an emptied practice and its backup in the backups folder
    path, made = emptied
    args = ["export", "-o", str(path.parent / "out")] if command == "export" else [command]

    # When a command opens it
    status = main(args)

    # Then it is refused as damaged, the way back is named, and the file is left as it was
    err = capsys.readouterr().err
    assert status == 1 and "Traceback" not in err
    assert "empty (0 bytes)" in err
    if command != "backup":  # backup refuses before looking for backups
        assert f"practice restore {made.name}" in err
    assert path.stat().st_size == 0
    assert not Path(f"{path}.lock").exists()


def test_create_does_not_make_a_zero_byte_file_a_practice(emptied, capsys):
    path, _ = emptied

    assert main(["migrate", "--create"]) == 1

    assert "empty (0 bytes)" in capsys.readouterr().err
    assert path.stat().st_size == 0


def test_check_calls_a_zero_byte_file_damaged_and_names_the_backup(emptied, capsys):
    _, made = emptied

    assert main(["check"]) == 1

    captured = capsys.readouterr()
    assert "integrity: DAMAGED" in captured.out
    assert f"practice restore {made.name}" in captured.err


def test_the_named_restore_brings_the_practice_back(emptied, capsys):
    # Given an emptied practice and the command the message named
    path, made = emptied
    main(["clients"])
    command = capsys.readouterr().err.split("`")[1]

    # When the user runs it
    assert main(command.split()[1:]) == 0

    # Then the practice is back, and the empty file is kept aside
    capsys.readouterr()
    assert main(["clients"]) == 0
    assert "Okafor, Amara" in capsys.readouterr().out
    [aside] = path.parent.glob("practice.before-restore-*.sqlite3")
    assert aside.stat().st_size == 0


def test_a_text_file_as_the_practice_names_the_backup(emptied, capsys):
    # Given the practice file overwritten with text
    path, made = emptied
    path.write_text("first_name,last_name\nAna,Prueba\n", encoding="utf-8")
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    # When it is opened
    assert main(["clients"]) == 1

    # Then it is refused with the way back, and not changed
    assert f"practice restore {made.name}" in capsys.readouterr().err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_zero_byte_file_is_damage_to_the_health_check(tmp_path):
    path = tmp_path / "practice.sqlite3"
    path.write_bytes(b"")

    report = health.check_file(path, deep=False)

    assert report.damaged and "empty (0 bytes)" in report.problems[0]


def test_a_zero_byte_backup_is_not_a_good_backup(emptied):
    # Given the newest backup emptied too
    path, made = emptied
    made.write_bytes(b"")

    # Then it is not offered
    assert backup.verify(made) != []
    assert backup.latest_good_backup(db_path=path) is None
